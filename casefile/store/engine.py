"""SQLAlchemy engines on a case file.

* Transactions are SQLite's own: Python's sqlite3 driver is kept from managing them
  (``isolation_level = None``) and every SQLAlchemy transaction starts with an explicit
  ``BEGIN`` (SQLAlchemy's documented recipe for pysqlite). Without it the driver issues no
  BEGIN before DDL, so each ``CREATE TABLE`` of a migration committed on its own and a kill
  left half-built schemas; now a migration, like every edit, commits whole or not at all.
* A writer switches the file to WAL when it first asks whether the file is damaged — before
  its first write, once SQLite's quick check has passed (casefile.store.opened: a damaged
  file is never switched, so not a byte of it changes, and a case only read is left as it
  is); a reader opens it ``mode=ro``, or ``immutable=1`` when the
  file sits in a read-only folder or on a read-only disk, where SQLite cannot make the -shm
  file that WAL needs.
* SQLite's answers about the file, the disk or the machine become one-line
  :class:`~casefile.errors.CasefileError`\\ s (:mod:`casefile.store.faults`).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import cast

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine, ExceptionContext
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.pool import ConnectionPoolEntry

from casefile.errors import ReadOnlyError
from casefile.store import lock
from casefile.store.copies import real_path, sqlite_uri
from casefile.store.faults import translate

_KEY = "casefile_identity"


def writable_reason(real: Path) -> str | None:
    """Why the case at ``real`` cannot be written where it is (None: it can)."""
    folder = real.parent
    if _read_only_disk(folder):
        return "it is on a read-only disk"
    if not os.access(folder, os.W_OK):
        return f"its folder {folder} is read-only"
    if real.exists() and not os.access(real, os.W_OK):
        return "the file is read-only"
    return None


def _read_only_disk(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (AttributeError, OSError):  # Windows has no statvfs
        return False


def readonly_uri(real: Path) -> str:
    """How to open ``real`` read-only: ``mode=ro`` where SQLite may make its -shm beside
    the file (or it is there already, with a write-ahead log to read); ``immutable=1`` in a
    read-only folder or on a read-only disk."""
    folder = real.parent
    if not _read_only_disk(folder) and os.access(folder, os.W_OK):
        return sqlite_uri(real, mode="ro")
    wal = real.with_name(real.name + "-wal")
    shm = real.with_name(real.name + "-shm")
    if wal.exists() and wal.stat().st_size and shm.exists():
        return sqlite_uri(real, mode="ro")
    return sqlite_uri(real, immutable="1")


def make_engine(path: Path, readonly: bool = False, name: str | None = None) -> Engine:
    """An engine on the case file at ``path`` (``name``: what to call it in messages)."""
    real = real_path(Path(path))
    shown = name or Path(path).name
    target = readonly_uri(real) if readonly else sqlite_uri(real)

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(target, uri=True, timeout=10, check_same_thread=False)

    engine = create_engine(f"sqlite:///{real}", creator=connect)

    @event.listens_for(engine, "connect")
    def _setup(dbapi_conn: DBAPIConnection, record: ConnectionPoolEntry) -> None:
        dbapi_conn.isolation_level = None  # the BEGIN is ours (below)
        try:
            for pragma in ("foreign_keys=ON", "busy_timeout=10000") + (
                    () if readonly else ("synchronous=NORMAL",)):
                dbapi_conn.execute(f"PRAGMA {pragma}")
        except sqlite3.Error as exc:
            dbapi_conn.close()
            mapped = translate(exc, shown, real.parent)
            if mapped is None:
                raise
            raise mapped from exc
        record.info[_KEY] = lock.connection_opened(real)

    @event.listens_for(engine, "close")
    def _closed(_dbapi_conn: DBAPIConnection, record: ConnectionPoolEntry) -> None:
        lock.connection_closed(record.info.pop(_KEY, None))

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN")

    @event.listens_for(engine, "handle_error")
    def _translate(context: ExceptionContext) -> BaseException | None:
        return translate(context.original_exception, shown, real.parent)

    return engine


def use_wal(engine: Engine) -> None:
    """Switch the engine's file to write-ahead logging (outside any transaction)."""
    raw = engine.raw_connection()
    try:
        cast(sqlite3.Connection, raw.driver_connection).execute("PRAGMA journal_mode=WAL")
    finally:
        raw.close()


def connect_readonly(real: Path, name: str) -> sqlite3.Connection:
    """A plain sqlite3 connection reading ``real`` (the caller closes it and counts it with
    :func:`casefile.store.lock.using`). A file a stopped writer left mid-write (its hot
    journal or write-ahead log beside it) is first brought back to its last committed state
    by SQLite's own crash recovery (:func:`recover`)."""
    try:
        recover(real, name)
        return sqlite3.connect(readonly_uri(real), uri=True, timeout=10)
    except sqlite3.Error as exc:
        mapped = translate(exc, name, real.parent)
        if mapped is None:
            raise
        raise mapped from exc


_NEEDS_WRITE = ("SQLITE_READONLY_ROLLBACK", "SQLITE_READONLY_RECOVERY")


def recover(real: Path, name: str) -> None:
    """Let SQLite roll back what a writer that stopped mid-write (killed, crashed, power
    lost) left in the file — a hot rollback journal, or a write-ahead log to recover — which
    a read-only connection cannot do ("attempt to write a readonly database"). The file then
    holds its last committed state, as any SQLite program with write access would leave it.
    On a read-only disk or folder that cannot be done: say so and what to do."""
    journal, wal = (real.with_name(real.name + s) for s in ("-journal", "-wal"))
    hot_journal = journal.exists() and journal.stat().st_size > 0
    if not hot_journal and not (wal.exists() and wal.stat().st_size):
        return
    why = writable_reason(real)
    if why is not None:
        if hot_journal:  # nobody can be writing here: the journal is a stopped writer's
            raise ReadOnlyError(
                f"{name} was left mid-write by a program that stopped, and cannot be brought "
                f"back to its last saved state here because {why}. Copy {name} together "
                f"with {journal.name} beside it to a writable folder, and open the copy.")
        return  # a write-ahead log on read-only media is read as it is (readonly_uri)
    probe = sqlite3.connect(readonly_uri(real), uri=True, timeout=10)
    try:
        probe.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return  # readable as it is (a live writer's journal, or a log to read)
    except sqlite3.OperationalError as exc:
        if getattr(exc, "sqlite_errorname", "") not in _NEEDS_WRITE:
            raise
    finally:
        probe.close()
    rw = sqlite3.connect(sqlite_uri(real, mode="rw"), uri=True, timeout=10)
    try:
        rw.execute("SELECT count(*) FROM sqlite_master").fetchone()  # rolls back
    finally:
        rw.close()
