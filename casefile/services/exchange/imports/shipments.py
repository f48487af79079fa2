"""Import shipments from a CSV/XLSX trade-data file: all or nothing, streamed, one undoable
step. Parties already in the case (by normalised name, alias or identifier) are reused; near
matches are proposed, never merged silently. The file becomes a source stored in the case with
its SHA-256, and every shipment cites it with its row number."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casefile.core.countries import CountryError, country_code, country_name
from casefile.core.names import normalise_name
from casefile.errors import ImportFailed, NeedsReview
from casefile.services.case import indexing
from casefile.services.exchange.imports.known import KnownParties
from casefile.services.exchange.imports.mapping import check_mapping, guess_mapping
from casefile.services.exchange.imports.provenance import check_not_imported, file_source
from casefile.services.exchange.imports.reader import open_table
from casefile.services.exchange.imports.values import (
    DateReader,
    ValueProblem,
    parse_number,
    parse_weight,
)
from casefile.store import schema
from casefile.store.bulk import insert_many

if TYPE_CHECKING:
    from casefile.services.case.change import Change
    from casefile.services.case.facade import Case

BATCH = 5000
MAX_PROBLEMS = 200


@dataclass
class ImportReport:
    file: str
    mapping: dict[str, str]
    rows: int = 0
    shipments: int = 0
    sanctions: int = 0
    new_entities: list[str] = field(default_factory=list)
    reused_entities: dict[str, int] = field(default_factory=dict)
    proposals: list[tuple[str, int, str, float]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    dry_run: bool = False
    preview: list[str] = field(default_factory=list)  # what the first rows would create
    unlisted: int = 0  # problems beyond MAX_PROBLEMS, counted but not kept
    row_problems: list[str] = field(default_factory=list)  # of the row being read
    date_order: str = ""  # how slashed dates were read (day or month first) and why

    def problem(self, text: str) -> None:
        self.row_problems.append(text)
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(text)
        else:
            self.unlisted += 1

    def problem_lines(self) -> list[str]:
        """Every kept problem, and how many more there were."""
        more = [f"… and {self.unlisted:,} more problems, not listed"] if self.unlisted else []
        return self.problems + more


PREVIEW_ROWS = 20


class _Parties(KnownParties):
    """Resolve party names to entity ids: existing (name/alias/identifier) or new."""

    def __init__(self, conn: Any, accept: dict[str, int], keep_apart: Iterable[str]) -> None:
        super().__init__(conn)
        self.accept = {normalise_name(k): v for k, v in accept.items()}
        self.keep_apart = {normalise_name(k) for k in keep_apart}
        self.next_id = (conn.exec_driver_sql("SELECT max(id) FROM entity").scalar() or 0) + 1
        self.new: list[tuple] = []
        self.new_all: list[tuple] = []
        self.new_idents: list[tuple] = []
        self.checked: set[str] = set()

    def resolve(self, name: str, ident: str, report: ImportReport) -> int | None:
        name = " ".join(name.split())
        if not name and not ident:
            return None
        if ident and ident.strip().lower() in self.idents:
            return self.idents[ident.strip().lower()]
        key = normalise_name(name) or name.casefold()
        if key in self.accept:
            report.reused_entities[name] = self.accept[key]
            return self.accept[key]
        if key in self.by_name:
            eid = self.by_name[key]
            if key in self.existing:
                report.reused_entities[name] = eid
            return eid
        if key not in self.checked and key not in self.keep_apart:
            self.checked.add(key)
            near = self.near(key)
            if near:
                report.proposals.append((name, *near))
        eid = self.next_id
        self.next_id += 1
        now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
        self.new.append((eid, "company", name or f"Party {ident}", None,
                         "Created by import", "imported", now, now))
        if ident:
            self.new_idents.append((eid, "identifier", ident.strip()))
            self.idents[ident.strip().lower()] = eid
        self.by_name[key] = eid
        report.new_entities.append(name)
        return eid


def import_shipments(case: Case, path: str | Path, mapping: dict[str, str] | None = None,
                     dry_run: bool = False, accept: dict[str, int] | None = None,
                     progress: Callable[[int, int, str], None] | None = None,
                     keep_apart: Iterable[str] = (), review: bool = False,
                     again: bool = False,
                     row_log: Callable[[int, str, str], None] | None = None,
                     day_first: bool | None = None) -> Change:
    """Import, or with ``dry_run`` only report what would be created. Raises ImportFailed
    (changing nothing) when any row has a problem. A near match with a party already in the
    case is used when ``accept`` names it, not proposed when ``keep_apart`` names it, and
    otherwise proposed; with ``review`` an import with proposals raises NeedsReview and
    changes nothing (without it, proposed names become new parties). A file the case already
    holds raises AlreadyImported unless ``again``. ``row_log(line, status, what)`` hears of
    every row: "ok" with what it creates, "problem" with its problems, or "checked" (a good
    row of an import that has failed elsewhere). ``day_first`` says how the file writes
    slashed dates (None: guessed from its rows that read only one way)."""
    path = Path(path)
    table = open_table(path)
    mapping = mapping or guess_mapping(table.header)
    check_mapping(mapping, table.header, path.name)
    report = ImportReport(path.name, mapping, dry_run=dry_run)
    col = {t: table.header.index(c) for t, c in mapping.items()}
    dates = DateReader.for_file(path, col.get("date"), day_first)

    def work(tx: Any) -> ImportReport:
        conn = tx.conn
        digest = None if again else check_not_imported(conn, path)
        parties = _Parties(conn, accept or {}, keep_apart)
        source_id = file_source(conn, path, "trade_record", f"Imported trade data: "
                                f"{path.name}", "", digest) if not dry_run else 0
        ship_id = (conn.exec_driver_sql("SELECT max(id) FROM shipment").scalar() or 0) + 1
        first_ship = ship_id
        ships: list[tuple] = []
        stops: list[tuple] = []
        cites: list[tuple] = []
        for line, cells in table.rows():
            report.rows += 1
            report.row_problems = []
            values = _row(cells, col, line, path.name, report, dates)
            if values is None:
                if row_log:
                    row_log(line, "problem" if report.row_problems else "checked",
                            "; ".join(report.row_problems))
                continue
            shipper = parties.resolve(values["shipper"], values["shipper_id"], report)
            consignee = parties.resolve(values["consignee"], values["consignee_id"], report)
            if len(report.preview) < PREVIEW_ROWS or row_log:
                what = _preview(values, parties, shipper, consignee)
                if len(report.preview) < PREVIEW_ROWS:
                    report.preview.append(f"line {line}: {what}")
                if row_log:
                    row_log(line, "ok", what)
            ships.append(_ship_tuple(ship_id, values, shipper, consignee))
            if values["via"]:
                stops.append((ship_id, 0, values["via"], "", "transit"))
            excerpt = " | ".join(c.strip() for c in cells)[:300]
            cites.append((source_id, ship_id, excerpt, f"row {line}", 6))
            ship_id += 1
            if len(ships) >= BATCH:
                _flush(conn, parties, ships, stops, cites, dry_run)
                if progress:  # may raise to cancel
                    progress(int(table.done * 1000), 1000, f"{report.rows:,} rows")
        report.date_order = dates.how()
        if report.rows == 0:
            report.problems.append(f"{path.name}: the file has a header but no data rows")
        if report.problems:
            raise ImportFailed(report)
        _flush(conn, parties, ships, stops, cites, dry_run)
        report.shipments = ship_id - first_ship
        if dry_run:
            return report
        if review and report.proposals:
            raise NeedsReview(report)  # rolls the whole import back
        shipped = range(first_ship, ship_id)  # compact: memory must not grow with the file
        keys = {"shipment": shipped, "entity": [p[0] for p in parties.new_all],
                "source": [source_id]}
        indexing.reindex(conn, keys, follow_names=False)
        tx.bulk.append(("attachment", "source_id", [source_id]))
        tx.bulk.append(("citation", "source_id", [source_id]))
        tx.bulk.append(("route_stop", "shipment_id", shipped))
        tx.bulk.append(("shipment", "id", shipped))
        tx.bulk.append(("identifier", "entity_id", [p[0] for p in parties.new_all]))
        tx.bulk.append(("entity", "id", [p[0] for p in parties.new_all]))
        tx.bulk.append(("source", "id", [source_id]))
        return report

    return case.operation(f"Import {path.name}", work, dry_run=dry_run)


def _row(cells: list[str], col: dict[str, int], line: int, file: str,
         report: ImportReport, dates: DateReader) -> dict[str, Any] | None:
    def cell(target: str) -> str:
        i = col.get(target)
        if i is None:
            return ""
        if i >= len(cells):
            raise ValueProblem("the row has fewer cells than the header")
        return cells[i].strip()

    out: dict[str, Any] = {}
    before = len(report.problems)
    try:
        for t in ("shipper", "consignee", "declared_goods", "hs_code", "unit", "currency",
                  "reference", "notes", "shipper_id", "consignee_id"):
            out[t] = cell(t)
    except ValueProblem as exc:
        report.problem(f"{file}, line {line}: {exc} (a ragged row)")
        return None
    for target, fn in (("date", dates.parse), ("quantity", parse_number),
                       ("value", parse_number), ("shipment_count", parse_number)):
        try:
            out[target] = fn(cell(target))
        except ValueProblem as exc:
            report.problem(f"{file}, line {line}, column {col_name(report, target)}: {exc}")
    try:
        out["weight"] = parse_weight(cell("weight"), cell("weight_unit"))
    except ValueProblem as exc:
        report.problem(f"{file}, line {line}, column {col_name(report, 'weight')}: {exc}")
    for target in ("origin_country", "destination_country", "via"):
        try:
            out[target] = country_code(cell(target)) if cell(target) else None
        except CountryError as exc:
            report.problem(f"{file}, line {line}, column {col_name(report, target)}: {exc}")
    if len(report.problems) != before or report.problems:
        return None  # once anything failed, rows are only checked, not built
    d = out.pop("date")
    out.update(date_text=d.text if d else None, date_edtf=d.edtf if d else None,
               date_start=d.start.isoformat() if d and d.start else None,
               date_end=d.end.isoformat() if d and d.end else None,
               date_precision=d.precision if d else None,
               date_approx=bool(d and d.approximate), date_uncertain=bool(d and d.uncertain))
    return out


def _preview(v: dict[str, Any], parties: _Parties, shipper: int | None,
             consignee: int | None) -> str:
    """What one row creates, in words: parsed date, parties (new or which existing one),
    route, goods and the numbers as they will be stored."""
    def party(name: str, eid: int | None) -> str:
        if eid is None:
            return "(no party)"
        if eid in parties.names:
            return f"{name} (= existing #{eid} {parties.names[eid]})" \
                if parties.names[eid] != name else f"{name} (existing #{eid})"
        return f"{name} (new)"

    parts = [f"{v['date_text'] or 'undated'}"
             + (f" [{v['date_edtf']}]" if v["date_edtf"] and v["date_edtf"] != v["date_text"]
                else ""),
             f"{party(v['shipper'], shipper)} → "
             + (f"via {country_name(v['via']) or v['via']} → " if v["via"] else "")
             + party(v["consignee"], consignee),
             v["declared_goods"] or "goods not stated"]
    if v["hs_code"]:
        parts.append(f"HS {v['hs_code']}")
    if v["weight"] is not None:
        parts.append(f"{v['weight']:,.3f}".rstrip("0").rstrip(".") + " kg")
    if v["quantity"] is not None:
        parts.append(f"qty {v['quantity']:,g} {v['unit']}".rstrip())
    if v["value"] is not None:
        parts.append(f"value {v['value']:,.2f} {v['currency']}".rstrip())
    return " · ".join(parts)


def col_name(report: ImportReport, target: str) -> str:
    return repr(report.mapping.get(target, target))


SHIPMENT_COLS = schema.columns("shipment")


def _ship_tuple(sid: int, v: dict[str, Any], shipper: int | None,
                consignee: int | None) -> tuple:
    count = int(v["shipment_count"]) if v.get("shipment_count") else 1
    row = {"id": sid, "shipper_id": shipper, "consignee_id": consignee,
           "assessed_goods": v["declared_goods"], "weight_kg": v["weight"],
           "currency": (v["currency"] or "").upper(), "shipment_count": max(count, 1),
           "dual_use": False, "tags": "imported"}
    return tuple(row[c] if c in row else v[c] for c in SHIPMENT_COLS)


def _flush(conn: Any, parties: _Parties, ships: list, stops: list, cites: list,
           dry_run: bool) -> None:
    parties.new_all += parties.new
    if not dry_run:
        insert_many(conn, "entity", ["id", "kind", "name", "country", "description", "tags",
                                     "created_at", "updated_at"], parties.new)
        insert_many(conn, "identifier", ["entity_id", "scheme", "value"], parties.new_idents)
        insert_many(conn, "shipment", SHIPMENT_COLS, ships)
        insert_many(conn, "route_stop", ["shipment_id", "position", "country", "place",
                                         "role"], stops)
        insert_many(conn, "citation", ["source_id", "shipment_id", "excerpt", "locator",
                                       "credibility"], cites)
    parties.new, parties.new_idents = [], []
    ships.clear()
    stops.clear()
    cites.clear()
