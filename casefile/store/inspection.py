"""Looking at a file before opening it, without writing anything: is it SQLite, a Casefile
case, whole (not truncated, no table or version row missing), from this Casefile or an older
one — or a newer one."""

from __future__ import annotations

import sqlite3
import struct
from dataclasses import dataclass
from pathlib import Path

from casefile.errors import CaseFileError, CorruptCaseError, NewerCaseError, NotACaseError
from casefile.store import lock, migrate
from casefile.store.copies import real_path
from casefile.store.engine import connect_readonly
from casefile.store.faults import restore_or_repair, translate
from casefile.store.schema import TABLES
from casefile.store.sqlite_header import SQLITE_MAGIC, page_size, stated_pages

APPLICATION_ID = 0x43415345  # "CASE"


@dataclass
class Schema:
    """What the file's schema table says."""

    revision: str | None
    tables: set[str]
    versioned: bool  # the alembic_version table is there


def inspect_file(path: Path) -> None:
    """Refuse, without writing anything, a file that is not an intact case file."""
    path = Path(path)
    real = real_path(path)
    check_header(real, path.name)
    check_structure(path.name, read_schema(real, path.name))


def check_header(real: Path, name: str) -> None:
    if not real.exists():
        raise CaseFileError(f"{real} does not exist")
    if real.is_dir():
        raise NotACaseError(f"{real} is a folder, not a case file")
    size = real.stat().st_size
    with real.open("rb") as f:
        header = f.read(100)
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise NotACaseError(f"{name} is not a Casefile case (it is not an SQLite database)")
    size_of_page, pages = page_size(header), stated_pages(header)
    app_id = struct.unpack(">I", header[68:72])[0]
    if app_id != APPLICATION_ID:
        raise NotACaseError(f"{name} is an SQLite database but not a Casefile case")
    wal = real.with_name(real.name + "-wal")
    if pages and size < pages * size_of_page and not (wal.exists() and wal.stat().st_size):
        raise CorruptCaseError(f"{name} is truncated: {size:,} bytes where the database "
                               f"says {pages * size_of_page:,}. {restore_or_repair(name)}")


def read_schema(real: Path, name: str) -> Schema:
    try:
        with lock.using(real):
            con = connect_readonly(real, name)
            try:
                tables = {r[0] for r in con.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'")}
                versioned = "alembic_version" in tables
                row = con.execute("SELECT version_num FROM alembic_version").fetchone() \
                    if versioned else None
            finally:
                con.close()
    except sqlite3.Error as exc:
        raise translate(exc, name) or CorruptCaseError(
            f"{name} cannot be read ({exc}): it is damaged. {restore_or_repair(name)}"
        ) from exc
    return Schema(row[0] if row else None, tables, versioned)


def check_structure(name: str, schema: Schema) -> None:
    if schema.versioned and schema.revision is None:
        raise CorruptCaseError(f"{name} has no schema version (its version row is missing): "
                               "it is damaged or was left half-created. Restore it from a "
                               "backup copy.")
    ours = set(TABLES) & schema.tables
    if not schema.versioned and ours:
        raise CorruptCaseError(f"{name} is a half-created case: it has {len(ours)} of "
                               "Casefile's tables but no schema version. Create it again, or "
                               "restore it from a backup copy.")
    if schema.revision == migrate.head_revision():
        missing = sorted(set(TABLES) - schema.tables)
        if missing:
            raise CorruptCaseError(f"{name} is damaged or half-created: its "
                                   f"table{'s' if len(missing) > 1 else ''} "
                                   f"{', '.join(missing)} "
                                   f"{'are' if len(missing) > 1 else 'is'} missing. Restore "
                                   "it from a backup copy.")


def read_revision(path: Path) -> str | None:
    """The schema revision written in the case file (None: none yet)."""
    path = Path(path)
    return read_schema(real_path(path), path.name).revision


def check_known(name: str, revision: str | None) -> None:
    if revision is not None and revision not in migrate.known_revisions():
        raise NewerCaseError(f"{name} was written by a newer version of Casefile (schema "
                             f"{revision}); this version knows up to "
                             f"{migrate.head_revision()}. Update Casefile to open it.")
