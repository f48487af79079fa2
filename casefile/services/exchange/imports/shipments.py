"""Import shipments from a CSV/XLSX trade-data file: all or nothing, streamed, one undoable
step. Parties already in the case (by normalised name, alias or identifier) are reused; near
matches are proposed, never merged silently. The file becomes a source stored in the case with
its SHA-256, and every shipment cites it with its row number."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casefile.errors import ImportFailed, MissingColumns, NeedsReview, NotShipments
from casefile.services.exchange.imports.encodings import names_as_read
from casefile.services.exchange.imports.fields import CONSEQUENCE, ESSENTIAL
from casefile.services.exchange.imports.layouts import recognise
from casefile.services.exchange.imports.mapping import (
    ColumnMapping,
    as_mapping,
    check_mapping,
    guess_mapping,
)
from casefile.services.exchange.imports.number_reader import NumberReader
from casefile.services.exchange.imports.party_writer import PartyWriter
from casefile.services.exchange.imports.provenance import (
    check_not_imported,
    file_source,
    note_left_out,
)
from casefile.services.exchange.imports.reader import open_table
from casefile.services.exchange.imports.report import PREVIEW_ROWS, ImportReport
from casefile.services.exchange.imports.shipment_duplicates import WHAT, KnownShipments
from casefile.services.exchange.imports.shipment_parties import ShipmentParties
from casefile.services.exchange.imports.shipment_rows import (
    CITE_COLS,
    ROUTE_COUNTRIES,
    SHIPMENT_COLS,
    STOP_COLS,
    preview,
    read_row,
    ship_tuple,
    stops_of,
)
from casefile.services.exchange.imports.values import DateReader
from casefile.store.bulk import insert_many

if TYPE_CHECKING:
    from casefile.services.case.change import Change
    from casefile.services.case.facade import Case

# the fields that hold numbers: how the file writes their commas is decided over all of them
NUMBER_FIELDS = ("quantity", "value", "shipment_count", "weight")

BATCH = 5000


READ_SHARE = 900  # of the progress's 1,000: reading the file; the rest, indexing it

def import_shipments(case: Case, path: str | Path,
                     mapping: ColumnMapping | dict[str, str] | None = None,
                     dry_run: bool = False, accept: dict[str, int] | None = None,
                     progress: Callable[[int, int, str], None] | None = None,
                     keep_apart: Iterable[str] = (), review: bool = False,
                     again: bool = False,
                     row_log: Callable[[int, str, str], None] | None = None,
                     day_first: bool | None = None,
                     accept_missing: bool = False,
                     constants: dict[str, str] | None = None,
                     skip_bad_rows: bool = False, keep_duplicates: bool = False,
                     encoding: str | None = None) -> Change:
    """Import, or with ``dry_run`` only report what would be created. ``mapping`` (field ->
    column, and fixed values) is guessed from the header when not given; ``constants`` are
    fixed values that win over it (a field they name takes no column). Raises ImportFailed
    (changing nothing) when any row has a problem. A near match with a party already in the
    case is used when ``accept`` names it, not proposed when ``keep_apart`` names it, and
    otherwise proposed; with ``review`` an import with proposals raises NeedsReview and
    changes nothing (without it, proposed names become new parties). A file the case already
    holds raises AlreadyImported unless ``again``. A file of trade statistics raises
    NotShipments. When no column (and no fixed value) feeds one of the essential fields
    (date, parties, goods, origin, destination), the report lists it in ``missing`` and the
    import raises MissingColumns before it writes anything, unless ``accept_missing``.
    ``row_log(line, status, what)`` hears of every row: "ok" with what it creates, "problem"
    with its problems, or "checked" (a good row of an import that has failed elsewhere).
    ``day_first`` says how the file writes slashed dates (None: guessed from its rows that
    read only one way). With ``skip_bad_rows`` the rows with problems are left out instead
    of failing the import: each is recorded with its problems in the report, the row log and
    the notes of the imported file's source. Rows the case holds already as shipments are
    left out, counted and named (:mod:`.shipment_duplicates`), unless ``keep_duplicates``.
    A CSV's text ``encoding`` is guessed from its bytes unless given (the report says
    which)."""
    path = Path(path)
    table = open_table(path, encoding)
    found = recognise(table.header)
    if found.layout.kind != "shipments":
        raise NotShipments(path.name, found.layout.name, found.labels())
    given = as_mapping(mapping) if mapping else guess_mapping(table.header)
    if constants:
        given = given.with_constants(constants)
    check_mapping(given, table.header, path.name)
    missing = given.missing()
    report = ImportReport(path.name, dict(given.columns), dry_run=dry_run,
                          layout=found.layout.name, constants=dict(given.constants),
                          missing=[ESSENTIAL[f] for f in missing], skipping=skip_bad_rows,
                          encoding=table.encoding or "", encoding_guessed=table.guessed,
                          utf8_evident=table.utf8_evident,
                          names_read=names_as_read(path, table.encoding)
                          if table.guessed and table.encoding else [])
    if missing and not dry_run and not accept_missing:
        raise MissingColumns(path.name, report.missing, [CONSEQUENCE[f] for f in missing])
    col = {t: table.header.index(c) for t, c in given.columns.items()}
    # the columns no field takes: each row's value in them is counted as left out (it stays
    # in the attached file and in the row's excerpt the shipment cites)
    unused = [i for i, h in enumerate(table.header) if i not in col.values()]
    unused_filled = dict.fromkeys(unused, 0)
    fixed = {t: v for t, v in given.constants.items() if t not in col}
    countries = tuple(t for t in ROUTE_COUNTRIES if t in col or fixed.get(t))
    dates = DateReader.for_file(path, col.get("date"), day_first, table.encoding)
    numbers = NumberReader.for_file(path, [col[t] for t in NUMBER_FIELDS if t in col],
                                    table.encoding)

    def work(tx: Any) -> ImportReport:
        conn = tx.conn
        digest = None if again else check_not_imported(conn, path)
        source_id = file_source(conn, path, "trade_record", f"Imported trade data: "
                                f"{path.name}", "", digest,
                                given.constants.get("source_publisher", "")) \
            if not dry_run else 0
        writer = PartyWriter(conn, source_id, report.problem, write=not dry_run)
        parties = ShipmentParties(tx, accept or {}, keep_apart, writer, report)
        for gone in parties.missing(accept or {}):
            report.problems.append(gone)
        known = None if keep_duplicates else KnownShipments(conn, SHIPMENT_COLS)
        ship_id = (conn.exec_driver_sql("SELECT max(id) FROM shipment").scalar() or 0) + 1
        first_ship = ship_id
        ships: list[tuple[Any, ...]] = []
        stops: list[tuple[Any, ...]] = []
        cites: list[tuple[Any, ...]] = []
        for line, cells in table.rows():
            report.rows += 1
            for i in unused:
                if i < len(cells) and cells[i].strip():
                    unused_filled[i] += 1
            report.row_problems = []
            values = read_row(cells, col, line, path.name, report, dates, numbers, fixed,
                              countries)
            if values is None and report.skipping and report.row_problems:
                report.skip_row(line)
            if values is None:
                if row_log:
                    row_log(line, "problem" if report.row_problems else "checked",
                            "; ".join(report.row_problems))
                continue
            shipper = parties.resolve("shipper", values, line, report)
            consignee = parties.resolve("consignee", values, line, report)
            if report.skipping and report.row_problems:
                report.skip_row(line)
                if row_log:
                    row_log(line, "problem", "; ".join(report.row_problems))
                continue
            if report.row_problems or report.problems:
                # a new party's values were refused, or an earlier row failed: from then on
                # rows are only checked, not built, and new parties are not kept
                writer.write = False
                writer.flush_if_full()
                if row_log:
                    row_log(line, "problem" if report.row_problems else "checked",
                            "; ".join(report.row_problems))
                continue
            row = ship_tuple(ship_id, values, shipper, consignee)
            if known is not None and known.holds(row):
                report.duplicates.append(line)
                if row_log:
                    row_log(line, "already in the case", WHAT)
                continue
            if len(report.preview) < PREVIEW_ROWS or row_log:
                what = preview(values, parties, shipper, consignee)
                if len(report.preview) < PREVIEW_ROWS:
                    report.preview.append(f"row {line}: {what}")
                if row_log:
                    row_log(line, "ok", what)
            ships.append(row)
            if values["dispatch_country"] or values["via"]:
                stops.extend(stops_of(ship_id, values))
            excerpt = " | ".join(map(str.strip, cells))[:300]
            cites.append((source_id, ship_id, excerpt, f"row {line}", 6))
            ship_id += 1
            if len(ships) >= BATCH:
                _flush(conn, writer, ships, stops, cites)
                if progress:  # may raise to cancel
                    progress(int(table.done * READ_SHARE), 1000,
                             f"Reading the file: {report.rows:,} rows")
        report.date_order = dates.how()
        if numbers.how:  # (look22) how '123,288' was read is said, never guessed silently
            report.warn(numbers.how[0].upper() + numbers.how[1:])
        for i, n in unused_filled.items():
            if n:
                report.left_out[f"column {table.header[i] or f'{i + 1} (no name)'!r}: no "
                                "field takes it (the file is kept with its source)"] = n
        if report.rows == 0:
            report.problems.append(f"{path.name}: the file has a header but no data rows")
        elif report.skipped and ship_id == first_ship and not report.duplicates:
            report.problems.append(f"{path.name}: every row has problems; nothing to import")
            report.problems.extend(report.skipped_lines(20))
        if report.problems:
            raise ImportFailed(report)
        _flush(conn, writer, ships, stops, cites)
        report.shipments = ship_id - first_ship
        parties.more.flush()
        report.added, report.added_to = parties.more.added, len(parties.more.parties)
        if dry_run:
            return report
        if review and report.proposals:
            raise NeedsReview(report)  # rolls the whole import back
        if report.duplicates and not report.shipments and not report.new_entities \
                and not parties.more.parties and not len(writer.created("alias")) \
                and not len(writer.created("citation")):  # nothing new: not even the file
            report.nothing_new = True
            conn.exec_driver_sql("DELETE FROM attachment WHERE source_id = ?", (source_id,))
            conn.exec_driver_sql("DELETE FROM source WHERE id = ?", (source_id,))
            return report
        if report.skipped:
            _note_skipped(conn, source_id, report)
        note_left_out(conn, source_id, [report.duplicates_line()] * bool(report.duplicates)
                      + report.left_out_lines())
        shipped = range(first_ship, ship_id)  # compact: memory must not grow with the file
        if progress:  # (look27: the bar sat at its end for the last seconds, saying nothing)
            progress(READ_SHARE, 1000, f"{report.rows:,} rows read; writing the search index "
                     "and the row digests…")
        writer.finish(tx, [("route_stop", "shipment_id", shipped), ("shipment", "id", shipped)])
        return report

    return case.operation(f"Import {path.name}", work, dry_run=dry_run)


def _note_skipped(conn: Any, source_id: int, report: ImportReport) -> None:
    """The imported file's source says which rows were skipped and why."""
    n = len(report.skipped)
    text = (f"\n\n{n:,} row{'s' if n != 1 else ''} skipped on request (not imported; the "
            "file itself is attached):\n" + "\n".join(report.skipped_lines()))
    conn.exec_driver_sql("UPDATE source SET notes = notes || ? WHERE id = ?",
                         (text, source_id))


def _flush(conn: Any, writer: PartyWriter, ships: list[tuple[Any, ...]],
           stops: list[tuple[Any, ...]], cites: list[tuple[Any, ...]]) -> None:
    """Write a batch: the new parties first (the shipments point at them)."""
    writer.flush()
    # the shipments' citations take their ids from the writer, which numbers the citations
    # of the parties it makes (written beside it, they took the ids it gave those next:
    # 'UNIQUE constraint failed: citation.id' on a file of more than one batch)
    first = writer.reserve("citation", len(cites))
    if writer.write:
        insert_many(conn, "shipment", SHIPMENT_COLS, ships, digest=True)
        insert_many(conn, "route_stop", STOP_COLS, stops, digest=True)
        insert_many(conn, "citation", ("id", *CITE_COLS),
                    [(first + k, *c) for k, c in enumerate(cites)], digest=True)
    ships.clear()
    stops.clear()
    cites.clear()
