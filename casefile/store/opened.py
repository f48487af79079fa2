"""An open case file (:class:`OpenedFile`) and what closing it does."""

from __future__ import annotations

import logging
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Engine

from casefile.store import lock, salvage
from casefile.store.copies import real_path, sqlite_uri
from casefile.store.engine import make_engine, use_wal

log = logging.getLogger("casefile.store.database")

JOURNALS = ("-wal", "-shm", "-journal")


@dataclass
class OpenedFile:
    """An engine on a case file, with the lock held (when writable)."""

    path: Path  # as the user named it
    engine: Engine
    readonly: bool
    lock: lock.CaseLock | None
    backup: Path | None = None  # the copy made before a migration
    real: Path = field(default=Path())  # the file the engine reads
    scratch: Path | None = None  # a temporary folder to remove on close
    why_readonly: str | None = None  # asked for writing, but the file cannot be written
    check: salvage.BackgroundCheck | None = None  # SQLite's quick check, when writable

    wal: bool = False  # switched to write-ahead logging (see :meth:`damage`)

    def damage(self) -> str | None:
        """Why nothing may be written into the file (it fails SQLite's quick check), once
        the check started on open has run; the file then counts as read-only. A file that
        passes is switched to write-ahead logging here, before the first write (writers call
        this first): switching writes the file's header, which a damaged file never gets."""
        found = self.check.result() if self.check is not None else None
        if found is not None and not self.readonly:
            self.readonly = True
            self.why_readonly = damage_reason(self.path.name, found)
        if found is None and not self.readonly and not self.wal:
            use_wal(self.engine)
            self.wal = True
        return self.why_readonly if found is not None else None

    def __post_init__(self) -> None:
        if self.real == Path():
            self.real = real_path(self.path)

    def close(self) -> None:
        if self.check is not None:
            self.check.result()  # its connection goes before the log is folded in
        self.engine.dispose()
        held, self.lock = self.lock, None
        try:
            if held is not None:
                finish_writing(self.real, self.path.name)
        finally:
            if held is not None:
                held.release()
            if self.scratch is not None:
                shutil.rmtree(self.scratch, ignore_errors=True)
                self.scratch = None


def open_engine(path: Path, real: Path, held: lock.CaseLock | None, backup: Path | None,
                why: str | None) -> OpenedFile:
    """An :class:`OpenedFile` on ``real`` (writable when ``held`` is the writer's lock),
    checked with a first query."""
    engine = make_engine(real, readonly=held is None, name=path.name)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT count(*) FROM case_info")).scalar()
    except BaseException:
        engine.dispose()
        raise
    return OpenedFile(path, engine, held is None, held, backup, real, why_readonly=why)


def damage_reason(name: str, damage: str) -> str:
    return (f"it fails SQLite's quick check ({damage}), so nothing more is written into it; "
            "repair it (File → Repair a Damaged Case… in the window, or: casefile repair "
            f"{name} -o REPAIRED.casefile) to copy what can be read into a new case")


def finish_writing(real: Path, name: str) -> None:
    """What the last writer does on close: fold the whole write-ahead log into the file
    (and truncate it), then leave the file in rollback-journal mode, so the one file holds
    every committed edit and any SQLite tool reads it (read-only media included). A reader
    that still has the case open keeps it in WAL mode (the log is empty all the same)."""
    try:
        with lock.using(real):
            con = sqlite3.connect(sqlite_uri(real), uri=True, timeout=5, isolation_level=None)
            try:
                busy = con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
                if busy:
                    log.warning("%s: a reader kept the write-ahead log from being folded in",
                                name)
                con.execute("PRAGMA busy_timeout=200")
                try:
                    con.execute("PRAGMA journal_mode=DELETE")
                except sqlite3.OperationalError as exc:
                    log.info("%s stays in WAL mode while another program reads it (%s)",
                             name, exc)
            finally:
                con.close()
    except (sqlite3.Error, OSError) as exc:  # its edits are safe in the log all the same
        log.warning("%s: could not fold the write-ahead log in on close: %s", name, exc)


def remove_case_files(path: Path) -> None:
    """Remove a case file and every file of it beside it."""
    for suffix in ("", *JOURNALS, ".lock", ".owner"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
