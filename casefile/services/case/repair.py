"""``casefile repair``: copy what can be read of a damaged case into a new case.

The original is never written (it is read from a private copy). Every table of the current
schema is read row range by row range (:mod:`casefile.store.salvage`); rows whose parent was
lost are left out too (so the new case has no dangling reference); the search index, the row
digests and the content digest are rebuilt from what was saved, the audit log keeps every
entry that could be read, and a last entry records the repair: what was saved and lost per
table. The new case is built under a temporary name and appears only when complete.
"""

from __future__ import annotations

import getpass
import json
import struct
from dataclasses import dataclass, field
from pathlib import Path

from casefile.core.labels import counted
from casefile.errors import CaseFileError, CorruptCaseError, NotACaseError
from casefile.services.case import audit, indexing
from casefile.store import database, digest, salvage
from casefile.store.inspection import APPLICATION_ID
from casefile.store.sqlite_header import SQLITE_MAGIC

DERIVED = ("alembic_version", "row_digest", "digest_state")  # rebuilt, not copied


@dataclass
class TableOutcome:
    table: str
    saved: int = 0
    lost: int = 0  # rows the file's digests list that could not be read
    orphans: int = 0  # read, but left out: the row they belong to was lost
    unlinked: int = 0  # kept without the party they named, which was lost
    unreadable: list[tuple[int, int]] = field(default_factory=list)  # row id ranges
    error: str | None = None
    # a lost row -> what the rows left out with it said of it (a lost party's aliases,
    # identifiers and the lines its citations point to): enough to import it again
    traces: dict[int, list[str]] = field(default_factory=dict)

    def lost_count(self) -> int:
        """The rows lost: those the file's digests list and the repair could not read, and
        those left out with them — or, where the digests do not say (the audit log has
        none), the ids of the ranges that could not be read (look16: "0 lost" beside an
        unreadable audit entry)."""
        return self.orphans + (self.lost or sum(b - a + 1 for a, b in self.unreadable))

    def line(self) -> str:
        parts = [f"{self.saved:,} saved"]
        if self.lost_count() > self.orphans:  # (counted by the ranges where no digest says)
            parts.append(f"{self.lost_count() - self.orphans:,} lost")
        if self.orphans:
            parts.append(f"{self.orphans:,} left out (what they belong to was lost)")
        if self.unlinked:
            parts.append(f"{self.unlinked:,} kept without a party that was lost (said in "
                         "their notes)")
        if self.unreadable:
            shown = ", ".join(f"{a}" if a == b else f"{a}–{b}" for a, b in self.unreadable[:5])
            more = " …" if len(self.unreadable) > 5 else ""
            parts.append(f"unreadable row ids {shown}{more}")
        if self.error:
            parts.append(f"nothing readable ({self.error})")
        if self.traces:
            parts.append(f"{len(self.traces):,} of the lost named below by what is left of "
                         "them")
        return f"{self.table}: " + "; ".join(parts)

    def trace_lines(self, most: int = 1000) -> list[str]:
        """A line for each lost row named by what is left of it (to import it again); all
        of them are in the repaired case's audit log too (look17: 8 of 24 were named)."""
        rows = sorted(self.traces.items())
        out = [f"    #{rid}: " + "; ".join(dict.fromkeys(said)) for rid, said in rows[:most]]
        if len(rows) > most:
            out.append(f"    … and {len(rows) - most:,} more (in the new case's audit log)")
        return out


@dataclass
class RepairReport:
    source: Path
    output: Path
    problems: list[str]  # what SQLite's quick check said of the original
    tables: list[TableOutcome]
    digests_known: bool  # the original's row digests were read: losses are counted by id

    @property
    def lost_anything(self) -> bool:
        return any(t.lost or t.orphans or t.unreadable or t.error for t in self.tables)

    def lines(self) -> list[str]:
        """What the repair did, in lines (the command line and the window say these): what
        SQLite's check found, each table's saved and lost rows, the totals."""
        name = self.source.name
        out = [f"{name}: SQLite's check found {counted(len(self.problems), 'problem')}"
               f"{', the first' if len(self.problems) > 1 else ''}: {self.problems[0]}"
               if self.problems else
               f"{name}: SQLite's check found no damage; every readable row is copied all "
               "the same"]
        for t in self.tables:
            if t.saved or t.lost or t.orphans or t.unreadable or t.error:
                out += [f"  {t.line()}", *t.trace_lines()]
        if not self.digests_known:
            out.append("  (the file's row digests could not be read: rows lost in a damaged "
                       "range are not counted, only the ranges named)")
        saved = sum(t.saved for t in self.tables)
        lost = sum(t.lost_count() for t in self.tables)
        out.append(f"Wrote {self.output}: {saved:,} rows saved, {lost:,} lost; {name} is "
                   "unchanged")
        return out


def repair_case(source: str | Path, output: str | Path) -> RepairReport:
    """Copy what can be read of ``source`` into a new case at ``output``."""
    source, output = Path(source), Path(output)
    if source.is_dir():
        raise CaseFileError(f"{source} is a folder, not a case file")
    if not source.is_file():
        raise CaseFileError(f"{source} does not exist")
    database.refuse_output(output, source, "the repaired case", cases=True)  # (said below)
    if output.exists() or output.is_symlink():
        raise CaseFileError(f"{output} already exists; choose a new name for the repaired "
                            "case")
    _check_is_case(source)
    short = salvage.missing_bytes(source)
    with salvage.private_copy(source) as src:
        problems = salvage.quick_check(src)
        if short:
            problems.insert(0, f"the file is {short:,} bytes shorter than its header says (it "
                               "was cut short); the missing pages were read as empty")
        expected = salvage.expected_ids(src)
        try:
            source_tables = {r[0] for r in src.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
        except Exception as exc:  # noqa: BLE001 - sqlite3 says "malformed" many ways
            raise CorruptCaseError(f"{source.name} is too damaged to repair: its list of "
                                   f"tables cannot be read ({exc})") from None
        with database.building(output) as tmp:
            opened = database.create_file(tmp, output.name)
            try:
                outcomes = _copy(src, opened, source_tables, expected, source.name)
            finally:
                opened.close()
    return RepairReport(source, output, problems, outcomes, expected is not None)


def _check_is_case(path: Path) -> None:
    with path.open("rb") as f:
        header = f.read(100)
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise NotACaseError(f"{path.name} is not a Casefile case (it is not an SQLite "
                            "database); there is nothing to repair")
    if struct.unpack(">I", header[68:72])[0] != APPLICATION_ID:
        raise NotACaseError(f"{path.name} is an SQLite database but not a Casefile case")


def _copy(src: object, opened: database.OpenedFile, source_tables: set[str],
          expected: dict[str, set[int]] | None, name: str) -> list[TableOutcome]:
    import sqlite3

    assert isinstance(src, sqlite3.Connection)
    outcomes: list[TableOutcome] = []
    with opened.engine.connect() as conn:
        with conn.begin():
            # checked at commit, once the rows whose parent was lost are left out
            conn.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
            tables = [r[0] for r in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                "'sqlite_%' AND name NOT LIKE 'search_index%' ORDER BY name")
                if r[0] not in DERIVED]
            by_table: dict[str, TableOutcome] = {}
            for table in tables:
                out = by_table[table] = TableOutcome(table)
                outcomes.append(out)
                conn.exec_driver_sql(f'DELETE FROM "{table}"')  # the new file's own rows
                if table not in source_tables:
                    out.error = "the table is missing"
                    continue
                mine = [r[1] for r in conn.exec_driver_sql(f'PRAGMA table_info("{table}")')]
                try:
                    theirs = set(salvage.table_columns(src, table))
                except sqlite3.DatabaseError as exc:
                    out.error = str(exc)
                    continue
                cols = [c for c in mine if c in theirs]
                want = (expected or {}).get(table)
                got = salvage.salvage_table(src, table, cols, max(want) if want else 0)
                got.expected = want if expected is not None else None
                out.error, out.unreadable = got.error, got.unreadable
                out.saved, out.lost = len(got.rows), len(got.lost_ids())
                if got.rows:
                    marks = ", ".join("?" for _ in cols)
                    names = ", ".join(f'"{c}"' for c in cols)
                    conn.exec_driver_sql(f'INSERT INTO "{table}" ({names}) VALUES ({marks})',
                                         [r[1:] for r in got.rows])
            _drop_orphans(conn, by_table)
            if not conn.exec_driver_sql("SELECT count(*) FROM case_info").scalar():
                database.ensure_case_row(conn)
            head = digest.rebuild(conn)
            indexing.reindex_all(conn)
            detail = json.dumps([{"table": o.table, "saved": o.saved, "lost": o.lost,
                                  "left_out": o.orphans, "unreadable": o.unreadable,
                                  **({"lost_rows": {str(k): v for k, v in o.traces.items()}}
                                     if o.traces else {})}
                                 for o in outcomes], separators=(",", ":"), ensure_ascii=False)
            audit.append(conn, getpass.getuser() or "unknown", "repair",
                         f"Repaired from the damaged case {name}", detail, head)
    return outcomes


# a row whose party was lost that is kept, the party's column emptied and said in a note
# (review: one damaged page of parties took every shipment of theirs with it, though each
# shipment's own data was read whole): table -> the party columns, the note column
KEEP_WITHOUT = {"shipment": (("shipper_id", "shipper"), ("consignee_id", "consignee"), "notes")}


def _drop_orphans(conn: object, by_table: dict[str, TableOutcome]) -> None:
    """Rows that refer to a row that was lost: a shipment whose shipper or consignee was
    lost is kept without it (its notes say so); any other is deleted — until none refers to
    a lost row. Then each table's count is taken again, so what went with a deleted row
    (a route stop of its shipment) is counted too."""
    from sqlalchemy.engine import Connection

    assert isinstance(conn, Connection)
    while rows := conn.exec_driver_sql("PRAGMA foreign_key_check").all():
        for table, rowid, parent, fk in rows:
            column = _fk_column(conn, table, fk)
            kept = KEEP_WITHOUT.get(table)
            roles = dict(kept[:-1]) if kept else {}
            if kept and parent == "entity" and column in roles:
                lost = conn.exec_driver_sql(f'SELECT "{column}" FROM "{table}" WHERE rowid = ?',
                                            (rowid,)).scalar()
                note = f"Repair: its {roles[column]} (party #{lost}) was lost."
                conn.exec_driver_sql(
                    f'UPDATE "{table}" SET "{column}" = NULL, "{kept[-1]}" = trim("{kept[-1]}" '
                    f"|| char(10) || ?) WHERE rowid = ?", (note, rowid))
                if table in by_table:
                    by_table[table].unlinked += 1
                continue
            if parent == "entity" and table in TRACES and "entity" in by_table:
                _trace(conn, table, rowid, column, by_table["entity"])
            done = conn.exec_driver_sql(f'DELETE FROM "{table}" WHERE rowid = ?', (rowid,))
            if done.rowcount and table in by_table:
                by_table[table].orphans += 1
                by_table[table].saved -= 1
    for table, out in by_table.items():  # (rows a cascade took are left out too)
        if out.error is None:
            now = int(conn.exec_driver_sql(f'SELECT count(*) FROM "{table}"').scalar() or 0)
            out.orphans += max(out.saved - now, 0)
            out.saved = now


# what a row left out with its lost party says of that party (look16: the aliases and
# citations of 24 lost parties named them, and were thrown away unread)
TRACES = {"alias": "name",
          "identifier": "scheme || ' ' || value",
          "citation": "coalesce((SELECT title FROM source WHERE id = source_id), 'source') "
                      "|| ', ' || locator"}


def _trace(conn: object, table: str, rowid: int, column: str, lost: TableOutcome) -> None:
    from sqlalchemy.engine import Connection

    assert isinstance(conn, Connection)
    row = conn.exec_driver_sql(f'SELECT "{column}", {TRACES[table]} FROM "{table}" '
                               "WHERE rowid = ?", (rowid,)).first()
    if row is not None and row[0] is not None and row[1]:
        lost.traces.setdefault(int(row[0]), []).append(" ".join(str(row[1]).split()))


def _fk_column(conn: object, table: str, fk: int) -> str:
    """The column of ``table``'s foreign key number ``fk`` (PRAGMA foreign_key_check's)."""
    from sqlalchemy.engine import Connection

    assert isinstance(conn, Connection)
    for row in conn.exec_driver_sql(f'PRAGMA foreign_key_list("{table}")'):
        if row[0] == fk:
            return str(row[3])
    return ""
