"""The case file on disk: create, open, check, lock, close.

A case file is one SQLite database (foreign keys on, WAL while a writer has it) whose
``PRAGMA application_id`` says it is a Casefile case. Opening checks, before anything is
written, that the file is SQLite, is a case, is whole (not truncated, no table or version row
missing) and is not from a newer Casefile; an older schema is migrated — in one transaction —
after a verified byte copy. A case that cannot be written (a read-only file, folder or disk)
opens read-only; a read-only open never writes anything, an older case is then read through an
upgraded temporary copy. One process writes a case at a time (:mod:`casefile.store.lock`).

A new case is built under a temporary name beside its final one and renamed into place when
complete, so a kill never leaves half a case under the name. Closing the writer folds the
write-ahead log into the file and leaves it in rollback-journal (DELETE) mode: the one
``.casefile`` then holds every committed edit, and any SQLite tool reads it anywhere.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import cast

from casefile.errors import CaseFileError, CaseLockedError, NotACaseError
from casefile.store import copies, lock, migrate, salvage
from casefile.store.copies import real_path, refuse_output
from casefile.store.creation import building, create_file, sweep_unfinished
from casefile.store.engine import make_engine, writable_reason
from casefile.store.inspection import (
    APPLICATION_ID,
    check_header,
    check_known,
    check_structure,
    inspect_file,
    read_revision,
    read_schema,
)
from casefile.store.opened import OpenedFile, open_engine, remove_case_files
from casefile.store.upgrade import ensure_case_row, upgrade_in_place, upgraded_view

__all__ = ["APPLICATION_ID", "SUFFIX", "CaseLockedError", "NotACaseError", "OpenedFile",
           "building", "create_file", "ensure_case_row", "inspect_file", "lock_path",
           "make_engine", "open_file", "owner_path", "read_revision", "refuse_output",
           "remove_case_files", "save_copy"]

SUFFIX = ".casefile"


def lock_path(path: Path) -> Path:
    return lock.lock_path(real_path(Path(path)))


def owner_path(path: Path) -> Path:
    return lock.owner_path(real_path(Path(path)))


def open_file(path: Path, readonly: bool = False) -> OpenedFile:
    """Open an existing case file: check it, lock it, migrate an older schema after a
    backup. A file that cannot be written opens read-only (``why_readonly`` says why)."""
    path = Path(path)
    real = real_path(path)
    name = path.name
    check_header(real, name)
    schema = read_schema(real, name)
    check_known(name, schema.revision)
    check_structure(name, schema)
    why = None if readonly else writable_reason(real)
    if readonly or why is not None:
        if schema.revision != migrate.head_revision():
            return upgraded_view(path, real, why)
        return open_engine(path, real, None, None, why)
    links = real.stat().st_nlink
    if links > 1:
        sweep_unfinished(real.parent)  # a build killed between its link and its unlink
        links = real.stat().st_nlink
    if links > 1:
        raise CaseFileError(
            f"{name} has {links} hard links (names for one file); Casefile opens such a "
            "file only read-only: SQLite keeps the journal of unsaved writes beside the name "
            "it was opened by, so edits made under one name could be lost under another. "
            "Remove the other names, or save a copy and open that.")
    held = lock.acquire(real, path)
    try:
        schema = read_schema(real, name)  # as it is now that nobody else writes it
        check_known(name, schema.revision)
        check_structure(name, schema)
        backup = None
        if schema.revision != migrate.head_revision():
            backup = upgrade_in_place(real, name, schema.revision)
        opened = open_engine(path, real, held, backup, None)
        # a file that fails SQLite's quick check takes no write: checked while the case is
        # first read (the first write waits for it), so the open does not
        opened.check = salvage.BackgroundCheck(real, copies.sqlite_uri(real, mode="ro"))
    except BaseException:
        held.release()
        raise
    return opened


def save_copy(opened: OpenedFile, target: Path) -> None:
    """Write a consistent copy of an open case to ``target`` (Save a Copy As), through
    SQLite's backup API; never over the case or its files."""
    raw = opened.engine.raw_connection()
    try:
        source = cast(sqlite3.Connection, raw.driver_connection)
        copies.save_copy(source, opened.path, Path(target))
    finally:
        raw.close()
