"""``casefile repair``: copy what can be read of a damaged case into a new case.

The original is never written (it is read from a private copy). Every table of the current
schema is read row range by row range (:mod:`casefile.store.salvage`); rows whose parent was
lost are left out too (so the new case has no dangling reference), but what refers to a lost
party is kept with a stand-in for it (:mod:`.repair_links`); the search index, the row
digests and the content digest are rebuilt from what was saved, the audit log keeps every
entry that could be read, and a last entry records the repair: what was saved and lost per
table. The new case is built under a temporary name and appears only when complete.
"""

from __future__ import annotations

import getpass
import json
import struct
from dataclasses import dataclass
from pathlib import Path

from casefile.core.labels import counted
from casefile.errors import CaseFileError, CorruptCaseError, NotACaseError
from casefile.services.case import audit, indexing
from casefile.services.case.repair_links import drop_orphans, make_stand_ins
from casefile.services.case.repair_outcome import TableOutcome
from casefile.store import database, digest, salvage
from casefile.store.inspection import APPLICATION_ID
from casefile.store.sqlite_header import SQLITE_MAGIC

DERIVED = ("alembic_version", "row_digest", "digest_state")  # rebuilt, not copied


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
        said = f"{lost:,} lost"
        if not self.digests_known and any(t.error for t in self.tables):
            # (session 21: a file cut short said '33 rows saved, 0 lost' beside tables of
            # which nothing could be read, with no digests to count their rows)
            said = (f"at least {lost:,} lost" if lost else "an unknown number lost") + \
                " (the tables nothing could be read of cannot be counted)"
        out.append(f"Wrote {self.output}: {saved:,} rows saved, {said}; {name} is "
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
            if "entity" in by_table:  # what refers to a lost party is kept with a stand-in
                make_stand_ins(conn, by_table["entity"], name)
            drop_orphans(conn, by_table)
            if not conn.exec_driver_sql("SELECT count(*) FROM case_info").scalar():
                database.ensure_case_row(conn)
            head = digest.rebuild(conn)
            indexing.reindex_all(conn)
            detail = json.dumps([{"table": o.table, "saved": o.saved, "lost": o.lost,
                                  "left_out": o.orphans, "unreadable": o.unreadable,
                                  **({"lost_rows": {str(k): v for k, v in o.traces.items()}}
                                     if o.traces else {}),
                                  **({"stand_ins": o.stand_ins} if o.stand_ins else {}),
                                  **({"restored": o.restored} if o.restored else {})}
                                 for o in outcomes], separators=(",", ":"), ensure_ascii=False)
            audit.append(conn, getpass.getuser() or "unknown", "repair",
                         f"Repaired from the damaged case {name}", detail, head)
    return outcomes
