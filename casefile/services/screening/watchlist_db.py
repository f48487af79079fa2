"""A watchlist's own database: one SQLite file per list in the ``watchlists`` folder of the
user data folder (never inside a case). It holds the matchable entries (their properties as
JSON and a digest of them), the token index candidates are found by (``token``: key, entry;
``key_weight``: how rare each key is), the sanctions the list gives its entries
(``sanction``: authority, programme, dates, reason — shown to a reviewer, never matched on;
a list loaded before Casefile kept them has none until loaded again), and what was loaded
when (``load``: file, SHA-256, dataset, version, licence, counts)."""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from casefile.core.screening.records import Entry
from casefile.errors import CasefileError, NotFoundError, ValidationError
from casefile.paths import user_data_dir

LICENCE = ("OpenSanctions data is licensed under CC BY-NC 4.0 (Creative Commons "
           "Attribution-NonCommercial 4.0): free for non-commercial use with attribution "
           "to OpenSanctions; commercial use needs a licence from OpenSanctions.")
SUFFIX = ".watchlist"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS load (
    id INTEGER PRIMARY KEY, file TEXT NOT NULL, sha256 TEXT NOT NULL, dataset TEXT NOT NULL,
    version TEXT NOT NULL, kind TEXT NOT NULL, licence TEXT NOT NULL, at TEXT NOT NULL,
    added INTEGER NOT NULL DEFAULT 0, changed INTEGER NOT NULL DEFAULT 0,
    removed INTEGER NOT NULL DEFAULT 0, unchanged INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0, done INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS entry (
    id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, schema TEXT NOT NULL,
    caption TEXT NOT NULL, datasets TEXT NOT NULL, topics TEXT NOT NULL,
    first_seen TEXT, last_seen TEXT, last_change TEXT, data TEXT NOT NULL,
    digest TEXT NOT NULL, seen INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS sanction (
    key TEXT PRIMARY KEY, entity TEXT NOT NULL, data TEXT NOT NULL, seen INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS sanction_entity ON sanction(entity);
CREATE TABLE IF NOT EXISTS token (key TEXT NOT NULL, entry INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS key_weight (key TEXT PRIMARY KEY, n INTEGER NOT NULL)
    WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS setting (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
"""
INDEXES = ("CREATE INDEX IF NOT EXISTS token_key ON token(key, entry)",
           "CREATE INDEX IF NOT EXISTS token_entry ON token(entry)")


def folder() -> Path:
    path = user_data_dir() / "watchlists"
    path.mkdir(parents=True, exist_ok=True)
    return path


def check_name(name: str) -> str:
    if not _NAME.match(name):
        raise ValidationError("name", f"{name!r} is no watchlist name: use letters, digits, "
                              "'.', '_' or '-' (at most 64)")
    return name


def path_of(name: str, where: Path | None = None) -> Path:
    return (where or folder()) / f"{check_name(name)}{SUFFIX}"


def connect(path: Path) -> sqlite3.Connection:
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    con.executescript(_SCHEMA)
    for sql in INDEXES:
        con.execute(sql)
    return con


def open_existing(name: str, where: Path | None = None) -> sqlite3.Connection:
    path = path_of(name, where)
    if not path.exists():
        known = ", ".join(w.name for w in list_all(where)) or "none yet"
        raise NotFoundError(f"no watchlist called {name!r} (known: {known}); import one "
                            "with 'casefile watchlist import FILE'")
    return connect(path)


@dataclass(frozen=True)
class Watchlist:
    """What ``casefile watchlist list`` says of a list."""

    name: str
    path: Path
    entries: int
    dataset: str
    version: str
    sha256: str
    loaded_at: str
    licence: str


def describe(name: str, con: sqlite3.Connection, path: Path) -> Watchlist:
    n = con.execute("SELECT count(*) FROM entry").fetchone()[0]
    last = con.execute("SELECT dataset, version, sha256, at, licence FROM load WHERE done = 1 "
                       "ORDER BY id DESC LIMIT 1").fetchone() or ("", "", "", "", "")
    return Watchlist(name, path, n, *last)


def list_all(where: Path | None = None) -> list[Watchlist]:
    out = []
    for p in sorted((where or folder()).glob(f"*{SUFFIX}")):
        con = connect(p)
        try:
            out.append(describe(p.name[:-len(SUFFIX)], con, p))
        finally:
            con.close()
    return out


def delete(name: str, where: Path | None = None) -> Watchlist:
    """Remove a watchlist's database (what it was, for the message). Cases keep their runs,
    hits (each with its snapshot of the list entry) and decisions: nothing in a case points
    into this file."""
    path = path_of(name, where)
    con = open_existing(name, where)
    try:
        info = describe(name, con, path)
    finally:
        con.close()
    try:
        remove_files(path)
    except OSError as exc:  # Windows: a screening still has it open
        raise CasefileError(f"cannot delete watchlist {name!r} ({exc.strerror}); is it being "
                            "screened against? Try again when that is done") from exc
    return info


def remove_files(path: Path) -> None:
    """Remove a watchlist's database with its write-ahead log."""
    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        p.unlink(missing_ok=True)


def size_text(info: Watchlist) -> str:
    """'1,024,118 entries, 412 MB' (the file's size on disk; what deleting it frees)."""
    size = info.path.stat().st_size if info.path.exists() else 0
    return f"{info.entries:,} entries, {size / 1e6:,.0f} MB" if size >= 1e6 else \
        f"{info.entries:,} entries, {max(1, size // 1000):,} kB"


def entry_of(row: tuple[str, ...]) -> Entry:
    """An Entry from (key, schema, caption, datasets, last_change, data[, first_seen])."""
    key, schema, caption, datasets, last_change, data, *seen = row
    return Entry(key, schema, caption, json.loads(data),
                 [d for d in datasets.split(",") if d], last_change or "",
                 (seen[0] or "") if seen else "")


Props = dict[str, list[str]]


# a list's user_version once loaded by a Casefile that keeps the sanctions a file gives
KEEPS_SANCTIONS = 1


def holds_sanctions(con: sqlite3.Connection) -> bool:
    """Whether the list's sanction records are all its file gave: it holds some, or it was
    loaded by a Casefile that keeps them (look19: a list loaded today that gives none was
    told apart from one loaded before they were kept only by holding some)."""
    if con.execute("PRAGMA user_version").fetchone()[0] >= KEEPS_SANCTIONS:
        return True
    return con.execute("SELECT 1 FROM sanction LIMIT 1").fetchone() is not None


def sanctions_of(con: sqlite3.Connection, keys: list[str]) -> dict[str, list[Props]]:
    """Entry key -> the sanctions the list holds for it (their properties), in key order."""
    out: dict[str, list[Props]] = {}
    wanted = sorted(set(keys))
    for i in range(0, len(wanted), 500):
        part = wanted[i:i + 500]
        for entity, data in con.execute(
                "SELECT entity, data FROM sanction WHERE entity IN "
                f"({','.join('?' * len(part))}) ORDER BY entity, key", part):
            out.setdefault(entity, []).append(json.loads(data))
    return out
