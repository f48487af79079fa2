"""What one FollowTheMoney EconomicActivity says, as the values of a Casefile shipment and
its route: one amount as the value (its notes say which, and keep the others), and what
Casefile's own export wrote into its summary (assessed goods, quantity, weight, route, the
date as given) read back into its fields."""

from __future__ import annotations

import re
from typing import Any

from casefile.core.countries import CountryError, country_code
from casefile.services.exchange.imports.ftm_date_values import span
from casefile.services.exchange.imports.ftm_facts import GIVEN, as_given
from casefile.services.exchange.imports.ftm_map import Props, first, joined, strings
from casefile.services.exchange.imports.values import ValueProblem, parse_number

_AMOUNT_WORDS = {"invoiceAmount": "invoice amount", "customsAmount": "customs amount"}
CUSTOMS_VALUE = "Value: customs amount"  # a shipment's notes: its value is the customs one
# an amount as FtM writes one: a number and perhaps its currency's code, before or after it
_AMOUNT = re.compile(r"\s*(?:([A-Za-z]{3})\s*)?([-+]?\d[\d,. \u00a0']*)\s*(?:([A-Za-z]{3}))?\s*$")
_SUMMARY = {"Assessed goods: ": "assessed_goods", "Quantity: ": "quantity",
            "Weight: ": "weight_kg", "Route: via ": "route", GIVEN: "given_date"}


DISPATCH = "\x00dispatch:"  # marks the country of dispatch (departureCountry) in a route


def shipment_values(props: Props) -> tuple[dict[str, Any], list[str]]:
    """(values, route stop countries) of an EconomicActivity; what Casefile's own export
    wrote into the summary (assessed goods, quantity, weight, route, number of shipments,
    dual use, the date as given) is read back into its fields."""
    text, _p = span(props, point=True)
    values: dict[str, Any] = {
        "date": text, "declared_goods": joined(props, "goodsDescription"),
        "hs_code": (strings(props, "vedCode") or [""])[0],
        "origin_country": first(props, "originCountry"),
        "destination_country": first(props, "destinationCountry"),
        "reference": (strings(props, "ccdNumber") or strings(props, "recordId") or [""])[0],
        "shipment_count": 1, "dual_use": False}
    more = []  # (look21) the amounts beyond the one kept as the value: in the notes
    for prop in ("invoiceAmount", "customsAmount"):
        for amount in strings(props, prop):
            m = _AMOUNT.match(amount)
            number = _amount(m.group(2)) if m else None
            if number is not None and "value" not in values:
                # (review23) read as trade files' numbers are: '12,5 EUR' is 12.5, not 125
                values["value"] = number
                values["currency"] = (m.group(1) or m.group(3) or "").upper() if m else ""
                values["_kept"] = f"{_AMOUNT_WORDS[prop]} {amount}"
            else:
                more.append(f"{_AMOUNT_WORDS[prop]} {amount}")
    route: list[str] = []
    departure = first(props, "departureCountry")
    if departure and departure != values["origin_country"]:
        # sent from a country other than the origin: the country of dispatch, first on the
        # way, as the customs importer makes it (look28: it was called a transit)
        route.append(DISPATCH + departure)
    notes = [joined(props, "description")]
    for summary in strings(props, "summary"):
        pieces = summary.split("; ")
        if not _is_part(summary) and all(_is_part(p) for p in pieces):  # older exports
            notes += [_summary_part(p, values, route) for p in pieces]
        else:
            notes.append(_summary_part(summary, values, route))
    kept = values.pop("_kept", None)
    if more:  # which amount the value is, and the others
        notes.append(f"Value: {kept}; also {', '.join(more)}" if kept else
                     f"Amounts: {', '.join(more)}")
    elif kept and not kept.startswith(_AMOUNT_WORDS["invoiceAmount"]) and not any(
            n.startswith(CUSTOMS_VALUE) for note in notes for n in note.splitlines()):
        notes.append(f"Value: {kept}")  # (review26 (b)) a customs value, not an invoice's
    values["notes"] = "\n".join(n for n in notes if n)
    if given := values.pop("given_date", None):
        values["date"] = as_given(given, props, values["date"])
    return values, route


def _amount(text: str) -> float | None:
    try:
        return parse_number(text.strip())
    except ValueProblem:
        return None


def route_stops(route: list[str]) -> list[dict[str, Any]]:
    """Route stops of the route as the summary says it: 'Turkey', 'Turkey (Istanbul)' or a
    place, in order (the country of dispatch first, marked :data:`DISPATCH`)."""
    stops = []
    for i, stop in enumerate(route):
        if stop.startswith(DISPATCH):
            given = stop.removeprefix(DISPATCH)
            try:
                code, place = country_code(given), ""
            except CountryError:  # kept as the file gives it
                code, place = None, given
            stops.append({"position": i, "country": code, "place": place, "role": "dispatch"})
            continue
        both = re.fullmatch(r"(.+?) \((.+)\)", stop)
        options = [(both.group(1), both.group(2))] if both else []
        for country, place in [*options, (stop, ""), (None, stop)]:
            try:
                code = country_code(country) if country else None
            except CountryError:
                continue
            stops.append({"position": i, "country": code, "place": place, "role": "transit"})
            break
    return stops


def _is_part(text: str) -> bool:
    return text == "Dual-use goods" or text.startswith(tuple(_SUMMARY)) or bool(
        re.fullmatch(r"Record stands for \d+ shipments", text))


def _summary_part(part: str, values: dict[str, Any], route: list[str]) -> str:
    """Read one part of Casefile's own shipment summary into ``values``; return what is
    not such a part (kept in the notes)."""
    if part == "Dual-use goods":
        values["dual_use"] = True
        return ""
    if m := re.fullmatch(r"Record stands for (\d+) shipments", part):
        values["shipment_count"] = int(m.group(1))
        return ""
    for prefix, key in _SUMMARY.items():
        if not part.startswith(prefix):
            continue
        rest = part.removeprefix(prefix)
        if key == "route":
            route.extend(x.strip() for x in rest.split(", ") if x.strip())
        elif key in ("quantity", "weight_kg"):
            number, _, unit = rest.partition(" ")
            values[key] = number
            if key == "quantity":
                values["unit"] = unit
        else:
            values[key] = rest
        return ""
    return part
