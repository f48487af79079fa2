"""The case file on disk: create, open, check, lock, back up.

A case file is one SQLite database (WAL, foreign keys on, busy timeout) whose
``PRAGMA application_id`` says it is a Casefile case. Opening checks, before anything is
written, that the file is SQLite, is a case, is not truncated and is not from a newer Casefile;
an older schema is migrated after a backup copy. One process writes a case at a time: the
writer holds an OS lock on ``<case>.lock`` and records who it is in ``<case>.owner``.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
import sqlite3
import struct
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import cast

import filelock
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.pool import ConnectionPoolEntry

from casefile.errors import (
    CaseFileError,
    CaseLockedError,
    CorruptCaseError,
    NewerCaseError,
    NotACaseError,
)
from casefile.store import migrate
from casefile.store.schema import TABLES
from casefile.store.search import ensure_search_index

APPLICATION_ID = 0x43415345  # "CASE"
SQLITE_MAGIC = b"SQLite format 3\x00"
SUFFIX = ".casefile"


@dataclass
class OpenedFile:
    """An engine on a case file, with the lock held (when writable)."""

    path: Path
    engine: Engine
    readonly: bool
    lock: filelock.BaseFileLock | None
    backup: Path | None = None  # the copy made before a migration

    def close(self) -> None:
        self.engine.dispose()
        if self.lock is not None:
            owner = owner_path(self.path)
            owner.unlink(missing_ok=True)
            self.lock.release()
            self.lock = None


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def owner_path(path: Path) -> Path:
    return path.with_name(path.name + ".owner")


def make_engine(path: Path, readonly: bool = False) -> Engine:
    if readonly:
        url = f"sqlite:///file:{path}?mode=ro&uri=true"
    else:
        url = f"sqlite:///{path}"
    engine = create_engine(url, connect_args={"timeout": 10, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=10000")
        if not readonly:
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    return engine


def inspect_file(path: Path) -> None:
    """Refuse, without writing anything, a file that is not an intact case file."""
    if not path.exists():
        raise CaseFileError(f"{path} does not exist")
    if path.is_dir():
        raise NotACaseError(f"{path} is a folder, not a case file")
    size = path.stat().st_size
    with path.open("rb") as f:
        header = f.read(100)
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise NotACaseError(f"{path.name} is not a Casefile case (it is not an SQLite database)")
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    pages = struct.unpack(">I", header[28:32])[0]
    app_id = struct.unpack(">I", header[68:72])[0]
    if app_id != APPLICATION_ID:
        raise NotACaseError(f"{path.name} is an SQLite database but not a Casefile case")
    wal = path.with_name(path.name + "-wal")
    if pages and size < pages * page_size and not (wal.exists() and wal.stat().st_size):
        raise CorruptCaseError(f"{path.name} is truncated: {size} bytes where the database "
                               f"says {pages * page_size}. Restore it from a backup copy.")


def ensure_case_row(conn: Connection) -> None:
    """Every case has its one case_info row (a freshly upgraded empty file too)."""
    now = datetime.now(UTC)
    conn.execute(TABLES["case_info"].insert().prefix_with("OR IGNORE").values(
        id=1, title="Untitled case", reference="", summary="", classification="", author="",
        organisation="", created_at=now, updated_at=now))


def read_revision(path: Path) -> str | None:
    uri = f"file:{path}?mode=ro"
    try:
        con = sqlite3.connect(uri, uri=True, timeout=10)
        try:
            has = con.execute("SELECT 1 FROM sqlite_master WHERE name = 'alembic_version'"
                              ).fetchone()
            row = con.execute("SELECT version_num FROM alembic_version").fetchone() \
                if has else None
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise CorruptCaseError(f"{path.name} cannot be read: {exc}") from exc
    return row[0] if row else None


def acquire_lock(path: Path) -> filelock.BaseFileLock:
    lock = filelock.FileLock(str(lock_path(path)), timeout=0)
    try:
        lock.acquire()
    except filelock.Timeout:
        try:
            holder = json.loads(owner_path(path).read_text("utf-8"))
        except (OSError, ValueError):
            holder = {}
        raise CaseLockedError(path, holder) from None
    owner_path(path).write_text(json.dumps({
        "user": getpass.getuser(), "host": socket.gethostname(), "pid": os.getpid(),
        "since": datetime.now(UTC).isoformat(timespec="seconds")}), "utf-8")
    return lock


def create_file(path: Path) -> OpenedFile:
    """Create a new, empty case file at the current schema."""
    path = Path(path)
    if path.exists():
        raise CaseFileError(f"{path} already exists")
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = acquire_lock(path)
    try:
        engine = make_engine(path)
        with engine.begin() as conn:
            conn.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
            migrate.upgrade(conn)
            ensure_search_index(conn)
            ensure_case_row(conn)
        with engine.connect() as conn:  # the header on disk says "a case" from the start,
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")  # not at first close
    except Exception:
        lock.release()
        path.unlink(missing_ok=True)
        raise
    return OpenedFile(path, engine, False, lock)


def open_file(path: Path, readonly: bool = False) -> OpenedFile:
    """Open an existing case file: check it, lock it, migrate an older schema after a backup."""
    path = Path(path)
    inspect_file(path)
    revision = read_revision(path)
    head = migrate.head_revision()
    if revision is not None and revision not in migrate.known_revisions():
        raise NewerCaseError(f"{path.name} was written by a newer version of Casefile (schema "
                             f"{revision}); this version knows up to {head}. Update Casefile to "
                             "open it.")
    upgrade = revision != head
    lock = None
    if not readonly:
        lock = acquire_lock(path)
    elif upgrade:  # a read-only open of an older case upgrades it first, if nobody has it
        try:
            lock = acquire_lock(path)
        except CaseLockedError:
            raise CaseFileError(f"{path.name} uses an older schema ({revision}) and is open "
                                "in another program; close it there so Casefile can upgrade "
                                "it.") from None
    backup = None
    try:
        if upgrade:
            backup = backup_copy(path, f"before-upgrade-{revision or 'none'}")
            engine = make_engine(path)
            with engine.begin() as conn:
                migrate.upgrade(conn)
                ensure_search_index(conn)
                ensure_case_row(conn)
            engine.dispose()
            if readonly and lock is not None:  # upgraded: now as asked, read-only
                owner_path(path).unlink(missing_ok=True)
                lock.release()
                lock = None
        engine = make_engine(path, readonly)
        with engine.connect() as conn:
            conn.execute(text("SELECT count(*) FROM case_info")).scalar()
    except Exception:
        if lock is not None:
            owner_path(path).unlink(missing_ok=True)
            lock.release()
        raise
    return OpenedFile(path, engine, readonly, lock, backup)


def backup_copy(path: Path, label: str) -> Path:
    """Copy the case (consistently, through SQLite's backup API) beside itself."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.stem}.{label}.{stamp}{path.suffix}.bak")
    src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def save_copy(engine: Engine, target: Path) -> None:
    """Write a consistent copy of an open case to ``target`` (Save a Copy As)."""
    target = Path(target)
    if target.exists():
        target.unlink()
    raw = engine.raw_connection()
    try:
        dst = sqlite3.connect(target)
        try:
            cast(sqlite3.Connection, raw.driver_connection).backup(dst)
        finally:
            dst.close()
    finally:
        raw.close()
