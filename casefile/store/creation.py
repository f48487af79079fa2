"""Creating a case file: built under a temporary name beside its final one and renamed into
place when whole, so a failure or a kill never leaves half a case under the name; what killed
builds leave is removed by the next one."""

from __future__ import annotations

import os
import re
import secrets
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from casefile.errors import CaseFileError, CaseLockedError
from casefile.store import copies, lock, migrate
from casefile.store.copies import real_path
from casefile.store.engine import make_engine
from casefile.store.inspection import APPLICATION_ID
from casefile.store.opened import JOURNALS, OpenedFile, remove_case_files
from casefile.store.search import ensure_search_index
from casefile.store.upgrade import ensure_case_row


def create_file(path: Path, name: str | None = None) -> OpenedFile:
    """Create a new, empty case file at the current schema at ``path`` (in one transaction;
    :func:`building` gives the temporary name to create it under, ``name`` the case's name
    for messages)."""
    path = Path(path)
    if path.exists() or path.is_symlink():
        raise CaseFileError(f"{path} already exists")
    path.parent.mkdir(parents=True, exist_ok=True)
    held = lock.acquire(path)
    engine = None
    try:
        engine = make_engine(path, name=name)
        with engine.begin() as conn:
            conn.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
            migrate.upgrade(conn)
            ensure_search_index(conn)
            ensure_case_row(conn)
    except BaseException:
        if engine is not None:
            engine.dispose()
        held.release()
        remove_case_files(path)
        raise
    return OpenedFile(path, engine, False, held)


_UNFINISHED = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)-[0-9a-f]{6}\.new"
                         r"(?P<beside>-wal|-shm|-journal|\.lock|\.owner)?$")


@contextmanager
def building(path: Path, replace: bool = False) -> Iterator[Path]:
    """A temporary name beside ``path`` to build a new case under. When the block ends
    without error the built case (closed by then) takes ``path``'s place: refused if
    ``path`` exists, unless ``replace`` — and then only if nobody holds it. On error, or
    when killed, nothing appears under ``path`` (a later build removes what is left)."""
    path = Path(path)
    real = real_path(path)
    if real.exists() or path.is_symlink():
        if not replace:
            raise CaseFileError(f"{path} already exists")
        if real.exists():
            lock.acquire(real, path).release()  # held by someone: say so before building
    real.parent.mkdir(parents=True, exist_ok=True)
    sweep_unfinished(real.parent)
    tmp = real.with_name(f".{real.name}.{os.getpid()}-{secrets.token_hex(3)}.new")
    try:
        yield tmp
        _publish(tmp, real, path, replace)
    finally:
        remove_case_files(tmp)


def _publish(tmp: Path, real: Path, shown: Path, replace: bool) -> None:
    if not real.exists():
        for suffix in JOURNALS:  # a stale journal of a deleted case would be applied to this
            real.with_name(real.name + suffix).unlink(missing_ok=True)
    if replace and real.exists():
        held = lock.acquire(real, shown)
        try:
            for suffix in JOURNALS:
                real.with_name(real.name + suffix).unlink(missing_ok=True)
            os.replace(tmp, real)
        finally:
            held.release()
    else:
        try:
            os.link(tmp, real)  # never over a file that appeared meanwhile
        except FileExistsError:
            raise CaseFileError(f"{shown} already exists") from None
        except OSError:  # no hard links on this filesystem (FAT, some network shares)
            if real.exists():
                raise CaseFileError(f"{shown} already exists") from None
            os.rename(tmp, real)
        else:
            tmp.unlink()
    copies.fsync_folder(real.parent)


def sweep_unfinished(folder: Path) -> None:
    """Remove what builds killed before they finished left in ``folder``."""
    for p in folder.glob(".*.new*"):
        m = _UNFINISHED.match(p.name)
        if m is None or int(m["pid"]) == os.getpid() or _alive(int(m["pid"])):
            continue
        base = p.with_name(p.name[:len(p.name) - len(m["beside"] or "")])
        if m["beside"] and base.exists():
            continue  # goes with its case file below
        try:
            held = lock.acquire(base)
        except (CaseLockedError, OSError):
            continue
        try:
            for suffix in ("", *JOURNALS):
                base.with_name(base.name + suffix).unlink(missing_ok=True)
        finally:
            held.release()


def _alive(pid: int) -> bool:
    if sys.platform == "win32":  # os.kill would end it; the lock tells instead
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True
