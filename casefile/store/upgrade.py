"""Upgrading a case to this version's schema: after a verified byte copy (one per
upgrade), in one transaction; a failure leaves the file as it was — or, should it not, puts
it back from that copy — and says so. A read-only open reads an upgraded temporary copy
instead and writes nothing."""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import cast

from sqlalchemy.engine import Connection

from casefile.errors import CaseFileError, CasefileError, DiskFullError
from casefile.store import copies, lock, migrate
from casefile.store.copies import sqlite_uri
from casefile.store.engine import connect_readonly, make_engine, use_wal
from casefile.store.faults import translate
from casefile.store.opened import JOURNALS, OpenedFile, open_engine
from casefile.store.schema import TABLES
from casefile.store.search import ensure_search_index


def ensure_case_row(conn: Connection) -> None:
    """Every case has its one case_info row (a freshly upgraded empty file too)."""
    now = datetime.now(UTC)
    conn.execute(TABLES["case_info"].insert().prefix_with("OR IGNORE").values(
        id=1, title="Untitled case", reference="", summary="", classification="", author="",
        organisation="", created_at=now, updated_at=now))


def migrate_file(real: Path, name: str) -> None:
    """Upgrade the schema of ``real`` to the head in one transaction."""
    engine = make_engine(real, name=name)
    try:
        # in write-ahead logging: the file itself is not touched until the migration has
        # committed, so a kill leaves it byte for byte as the backup holds it
        use_wal(engine)
        with engine.begin() as conn:
            migrate.upgrade(conn)
            ensure_search_index(conn)
            ensure_case_row(conn)
    finally:
        engine.dispose()


def upgrade_in_place(real: Path, name: str, revision: str | None) -> Path:
    """Back the case up (once per upgrade), then migrate it; return the backup. If the
    migration fails the file is as it was (one transaction); should it not be, it is
    restored from the backup. Either way the message says so."""
    _fold_wal(real, name)
    backup = copies.backup_before_upgrade(real, revision, name)
    before = _fingerprint(real)
    try:
        migrate_file(real, name)
    except Exception as exc:
        reason = _reason(exc)
        if isinstance(exc, DiskFullError) and _fingerprint(real) == before:
            raise DiskFullError(f"{name} could not be upgraded to this version's schema: the "
                                "disk is full. The file is unchanged (a copy as it was is "
                                f"kept as {backup.name}); free some space and open it "
                                "again.") from exc
        if _fingerprint(real) != before:
            _restore(backup, real, name)
            raise CaseFileError(
                f"{name} could not be upgraded to this version's schema ({reason}) and was "
                "left half-upgraded; it was restored from the copy made before the upgrade "
                f"({backup.name}) and is as it was.") from exc
        raise CaseFileError(
            f"{name} could not be upgraded from schema {revision or '(none)'} to "
            f"{migrate.head_revision()} ({reason}). The file is unchanged; a copy as it was "
            f"is kept as {backup.name}.") from exc
    return backup


def _reason(exc: BaseException) -> str:
    if isinstance(exc, CasefileError):
        return str(exc).rstrip(".")
    orig = getattr(exc, "orig", None) or exc
    return next(iter(str(orig).splitlines()), type(exc).__name__)


def _fingerprint(real: Path) -> tuple[str | None, list[tuple[str, str, str]]]:
    with lock.using(real):
        con = sqlite3.connect(sqlite_uri(real, mode="ro"), uri=True, timeout=10)
        try:
            rows = con.execute("SELECT type, name, coalesce(sql, '') FROM sqlite_master "
                               "ORDER BY type, name").fetchall()
            names = {r[1] for r in rows}
            version = con.execute("SELECT version_num FROM alembic_version").fetchone() \
                if "alembic_version" in names else None
        finally:
            con.close()
    return (version[0] if version else None, [cast(tuple[str, str, str], r) for r in rows])


def _restore(backup: Path, real: Path, name: str) -> None:
    """Put the backup's bytes back under the case's name (through a verified copy)."""
    staged = copies.byte_copy(backup, real.with_name(f".{real.name}.restore"), name,
                              "the copy that puts it back as it was")
    for suffix in JOURNALS:
        real.with_name(real.name + suffix).unlink(missing_ok=True)
    os.replace(staged, real)
    copies.fsync_folder(real.parent)


def _fold_wal(real: Path, name: str) -> None:
    """Fold what a writer that did not close left in the write-ahead log into the file."""
    wal = real.with_name(real.name + "-wal")
    if not (wal.exists() and wal.stat().st_size):
        return
    try:
        with lock.using(real):
            con = sqlite3.connect(sqlite_uri(real), uri=True, timeout=10, isolation_level=None)
            try:
                con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                con.close()
    except sqlite3.Error as exc:
        mapped = translate(exc, name)
        if mapped is None:
            raise
        raise mapped from exc


def upgraded_view(path: Path, real: Path, why: str | None) -> OpenedFile:
    """A read-only open of an older case: read an upgraded temporary copy; the file itself
    is not touched."""
    scratch = Path(tempfile.mkdtemp(prefix="casefile-view-"))
    copy = scratch / real.name
    try:
        with lock.using(real):
            src = connect_readonly(real, path.name)
            try:
                dst = sqlite3.connect(copy)
                try:
                    src.backup(dst)
                finally:
                    dst.close()
            finally:
                src.close()
        try:
            migrate_file(copy, path.name)
        except Exception as exc:
            raise CaseFileError(f"{path.name} uses an older schema that could not be "
                                f"upgraded for reading ({_reason(exc)}).") from exc
        opened = open_engine(path, copy, None, None, why)
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    opened.scratch = scratch
    return opened
