"""One row of a trade-data file as a shipment: its cells read into values (each problem
named by file, line and column), the shipment row written from them, its route stops, and
the line the dry run shows for it."""

from __future__ import annotations

import operator
import re
from typing import Any, cast

from casefile.core.countries import CountryError, country_name, country_or_unknown
from casefile.services.exchange.imports.number_reader import NumberReader
from casefile.services.exchange.imports.report import ImportReport
from casefile.services.exchange.imports.shipment_parties import ShipmentParties, col_name
from casefile.services.exchange.imports.values import (
    NONE_WORDS,
    DateReader,
    ValueProblem,
)
from casefile.store import schema

_TEXT_TARGETS = ("shipper", "consignee", "declared_goods", "hs_code", "unit", "currency",
                 "reference", "notes", "shipper_id", "consignee_id", "shipper_country",
                 "consignee_country", "manufacturer", "trademark")
# the countries of a shipment's route (the parties' own countries are the party writer's)
ROUTE_COUNTRIES = ("origin_country", "destination_country", "via", "dispatch_country",
                    "trading_country")
# fields kept in a shipment's notes, each on a line of its own: field -> what the line says
_NOTE_FIELDS = {"trading_country": "Trading country", "manufacturer": "Manufacturer",
                "trademark": "Trademark"}


_NONE_TARGETS = ("manufacturer", "trademark")
# letters a code page could not hold, written as '?': two together, or one inside a word
_LOST = re.compile(r"\?\?|\w\?\w|\w\?(?=\.)")


def read_row(cells: list[str], col: dict[str, int], line: int, file: str,
         report: ImportReport, dates: DateReader, numbers: NumberReader,
         fixed: dict[str, str],
         countries: tuple[str, ...] = ROUTE_COUNTRIES) -> dict[str, Any] | None:
    """The values of a row by field; a field no column feeds has its fixed value (or
    none). ``countries``: the route's country fields that a column or value feeds (the
    others are None). None when the row has a problem (reported)."""
    def cell(target: str) -> str:
        i = col.get(target)
        if i is None:
            return fixed.get(target, "")
        if i >= len(cells):
            raise ValueProblem("the row has fewer cells than the header")
        return cells[i].strip()

    out: dict[str, Any] = dict.fromkeys(ROUTE_COUNTRIES)
    for t in _TEXT_TARGETS:  # inline: this runs for every cell of every row
        i = col.get(t)
        if i is None:
            out[t] = fixed.get(t, "")
        elif i < len(cells):
            out[t] = cells[i].strip()
        else:
            report.problem(f"{file}, row {line}: the row has fewer cells than the header "
                           "(a ragged row)")
            return None
    for t in ("shipper", "consignee"):  # (look22) '???????????', 'T?CARET A.?.' kept unsaid
        if out[t] and _LOST.search(out[t]):
            report.warn(f"{file}, column {col_name(report, t)}: names with '?' where letters "
                        "were — the file was saved in a code page that cannot hold them "
                        "(Chinese, Turkish …); kept as written: correct them, or import the "
                        "file as its source wrote it (the row report names each row)")
    for t in _NONE_TARGETS:  # customs' word for none ('ОТСУТСТВУЕТ'): no value
        if out[t] and out[t].casefold() in NONE_WORDS:
            report.leave_out(f"column {col_name(report, t)}: {out[t]!r} (the file's word "
                             "for none)")
            out[t] = ""
    try:
        out.update(dates.columns(cell("date")))  # date_text, date_edtf, date_start …
    except ValueProblem as exc:
        report.problem(f"{file}, row {line}, column {col_name(report, 'date')}: {exc}")
    else:
        if "date" in col and not out.get("date_text"):
            report.warn(f"{file}, column {col_name(report, 'date')}: rows without a date "
                        "(imported undated; the row report names each)")
    for target in ("quantity", "value", "shipment_count"):
        try:
            out[target] = numbers.number(cell(target))
        except ValueProblem as exc:
            report.problem(f"{file}, row {line}, column {col_name(report, target)}: {exc}")
        else:
            if out[target] is not None and out[target] < 0:
                report.warn(f"{file}, column {col_name(report, target)}: a value below zero "
                            "(kept as given; the row report names each row)")
    try:
        out["weight"] = numbers.weight(cell("weight"), cell("weight_unit"))
    except ValueProblem as exc:
        report.problem(f"{file}, row {line}, column {col_name(report, 'weight')}: {exc}")
    for target in countries:
        try:
            text = cell(target)
            out[target] = country_or_unknown(text)  # 'НЕИЗВЕСТНА', '00': no country
        except CountryError as exc:
            report.problem(f"{file}, row {line}, column {col_name(report, target)}: {exc}")
    return None if report.row_problems else out


def preview(v: dict[str, Any], parties: ShipmentParties, shipper: int | None,
             consignee: int | None) -> str:
    """What one row creates, in words: parsed date, parties (new or which existing one),
    route, goods and the numbers as they will be stored."""
    def party(name: str, eid: int | None) -> str:
        if eid is None:
            return "(no party)"
        if eid in parties.names:
            return f"{name} (= existing #{eid} {parties.names[eid]})" \
                if parties.names[eid] != name else f"{name} (existing #{eid})"
        if not name:  # the row gives only an identifier: the party an earlier row made
            made = sorted(parties.spellings.get(eid, ()))
            return f"{made[0] if made else f'#{eid}'} (by its identifier)"
        return f"{name} (new)"

    route = "".join(f"{how} {country_name(code) or code} → "
                    for how, code in (("dispatched from", dispatch_stop(v)), ("via", v["via"]))
                    if code)
    parts = [f"{v['date_text'] or 'undated'}"
             + (f" [{v['date_edtf']}]" if v["date_edtf"] and v["date_edtf"] != v["date_text"]
                else ""),
             f"{party(v['shipper'], shipper)} → {route}{party(v['consignee'], consignee)}",
             v["declared_goods"] or "goods not stated"]
    if v["trading_country"]:
        parts.append(f"trading country {country_name(v['trading_country'])}")
    if v["hs_code"]:
        parts.append(f"HS {v['hs_code']}")
    if v["weight"] is not None:
        parts.append(f"{_human(v['weight'], 3)} kg")
    if v["quantity"] is not None:
        parts.append(f"qty {_human(v['quantity'], 3)} {v['unit']}".rstrip())
    if v["value"] is not None:
        parts.append(f"value {v['value']:,.2f} {v['currency']}".rstrip())
    return " · ".join(parts)


def _human(x: float, decimals: int) -> str:
    """A number as people write it in a report: digits grouped, no exponent, no trailing
    zeros (1820340 -> '1,820,340', 1234.5 -> '1,234.5')."""
    text = f"{x:,.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


SHIPMENT_COLS = schema.columns("shipment")
_SHIPMENT_ROW = operator.itemgetter(*SHIPMENT_COLS)  # a row's values in column order
STOP_COLS = schema.columns("route_stop", without=("id", "entity_id"))
CITE_COLS = schema.columns("citation", without=("id", *(
    c for c in schema.CITATION_COLUMNS.values() if c != "shipment_id")))


def ship_tuple(sid: int, v: dict[str, Any], shipper: int | None,
                consignee: int | None) -> tuple[Any, ...]:
    count = int(v["shipment_count"]) if v.get("shipment_count") else 1
    notes = v["notes"]
    if v["trading_country"] or v["manufacturer"] or v["trademark"]:
        notes = "\n".join([notes] * bool(notes) + [f"{what}: {v[f]}" for f, what
                                                    in _NOTE_FIELDS.items() if v[f]])
    v.update(id=sid, shipper_id=shipper, consignee_id=consignee,
             assessed_goods="", weight_kg=v["weight"],  # (the analyst's, not the file's)
             currency=(v["currency"] or "").upper(), shipment_count=max(count, 1),
             dual_use=False, tags="imported", notes=notes)
    return cast("tuple[Any, ...]", _SHIPMENT_ROW(v))


def dispatch_stop(v: dict[str, Any]) -> str | None:
    """The country of dispatch when it is a stop of the route: when it is not the origin."""
    d: str | None = v["dispatch_country"]
    return d if d and d != v["origin_country"] else None


def stops_of(sid: int, v: dict[str, Any]) -> list[tuple[Any, ...]]:
    """The route stops of a row: the country of dispatch when it differs from the origin
    (the goods were sent on from there), then the transit country."""
    out: list[tuple[Any, ...]] = []
    dispatch = dispatch_stop(v)
    if dispatch:
        out.append((sid, 0, dispatch, "", "dispatch"))
    if v["via"] and v["via"] != dispatch:
        out.append((sid, len(out), v["via"], "", "transit"))
    return out
