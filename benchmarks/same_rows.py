"""The baseline of the import benchmarks: the rows an import wrote, written again with a
plain ``sqlite3.executemany`` into an empty copy of the schema (indexes included), in the same
run. Three figures, each including the one before:

- ``rows``: the records' own tables (what the issues' speed goals count);
- ``index``: and the search index documents (FTS5) the import made for them;
- ``all``: and every other row the import wrote — the row digests of the content digest
  (``row_digest``) and the imported file kept in the case (``attachment``).

The import does more than write (reads and checks the file, resolves parties, makes each row's
digest): the ratios say what that costs on top of SQLite's own work."""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class SameRows:
    rows: float  # seconds: the records' tables
    index: float  # and the search index rows
    all: float  # and the row digests and attachments
    cpu_rows: float  # CPU seconds of ``rows``
    written: int  # records' rows
    written_all: int  # every row


def write_again(case_path: Path, target: Path, tables: tuple[str, ...]) -> SameRows:
    src = sqlite3.connect(case_path)
    ddl = [r[0] for r in src.execute(
        "SELECT sql FROM sqlite_master WHERE type IN ('table', 'index') AND sql IS NOT NULL "
        "AND name NOT LIKE 'search_index%' AND name NOT LIKE 'sqlite_%'")]
    fts = src.execute("SELECT sql FROM sqlite_master WHERE name = 'search_index'").fetchone()
    rows = {t: src.execute(f"SELECT * FROM {t}").fetchall() for t in tables}
    docs = src.execute("SELECT rowid, title, body FROM search_index").fetchall()
    extra = {t: src.execute(f"SELECT * FROM {t}").fetchall() for t in ("row_digest",
                                                                        "attachment")}
    src.close()
    con = sqlite3.connect(target)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA foreign_keys=ON")
    for stmt in [*ddl, fts[0]]:
        con.execute(stmt)
    con.commit()

    def insert(table: str, items: list[tuple[object, ...]]) -> None:
        if items:
            con.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * len(items[0]))})",
                            items)

    t0, c0 = time.perf_counter(), time.process_time()
    for t in tables:
        insert(t, rows[t])
    con.commit()
    t_rows, cpu_rows = time.perf_counter() - t0, time.process_time() - c0
    con.executemany("INSERT INTO search_index(rowid, title, body) VALUES (?, ?, ?)", docs)
    con.commit()
    t_index = time.perf_counter() - t0
    for t, items in extra.items():
        insert(t, items)
    con.commit()
    t_all = time.perf_counter() - t0
    con.close()
    written = sum(len(r) for r in rows.values())
    return SameRows(t_rows, t_index, t_all, cpu_rows, written,
                    written + len(docs) + sum(len(r) for r in extra.values()))
