"""Copies of a case file, and what no output may overwrite.

Every copy is written under a temporary name beside its target, checked, and only then renamed
into place: a kill or a full disk never leaves a partial or empty file under a copy's name. The
backup made before a schema upgrade is a byte copy of the file as it was (verified with
``PRAGMA integrity_check`` and its page count), made once per upgrade; "Save a Copy As" copies an
open case through SQLite's backup API and leaves the copy in rollback-journal mode, so the one
file is the whole case."""

from __future__ import annotations

import errno
import glob
import os
import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from casefile.errors import CaseFileError, CorruptCaseError, DiskFullError, OutputPathError
from casefile.store import lock
from casefile.store.faults import translate
from casefile.store.sqlite_header import SQLITE_MAGIC, page_size

_JOURNALS = ("-wal", "-shm", "-journal")
# Files that belong to a case beside it, with what they are (for messages).
BESIDE = {"-wal": "its write-ahead log", "-shm": "its shared-memory index",
          "-journal": "its rollback journal", ".lock": "its lock file",
          ".owner": "the note of who has it open"}


def real_path(path: Path) -> Path:
    return Path(os.path.realpath(path))


def sqlite_uri(path: Path, **params: str) -> str:
    """A SQLite URI for ``path`` (any character in the name is safe)."""
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return f"file:{quote(str(path))}" + (f"?{query}" if query else "")


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; nothing to do on Windows)."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# -- outputs ------------------------------------------------------------------------------
def refuse_output(out: Path, case: Path, what: str, inputs: Iterable[Path] = (),
                  cases: bool = False) -> None:
    """Raise :class:`OutputPathError` when writing ``what`` to ``out`` would overwrite the
    case at ``case``, a file that belongs to it, or one of ``inputs`` (by any name: symlinks
    and hard links are seen through), or a folder, or — unless ``what`` is a case itself
    (``cases``) — another case or SQLite database."""
    target = real_path(Path(out))
    real = real_path(Path(case))
    if _same(target, real):
        raise OutputPathError(f"Refusing to write {what} to {out}: that is the case itself "
                              f"({Path(case).name}).")
    for suffix, meaning in BESIDE.items():
        if _same(target, real.with_name(real.name + suffix)):
            raise OutputPathError(f"Refusing to write {what} to {out}: that file belongs to "
                                  f"the case {Path(case).name} ({meaning}).")
    for source in inputs:
        if _same(target, real_path(Path(source))):
            raise OutputPathError(f"Refusing to write {what} to {out}: that is the file being "
                                  "read.")
    if target.is_dir():
        raise OutputPathError(f"Refusing to write {what} to {out}: that is a folder; give the "
                              "name of a file in it.")
    if not cases and target.is_file() and _is_database(target):  # (review: an export
        # overwrote another case)
        raise OutputPathError(f"Refusing to write {what} to {out}: that file is a case or "
                              "another SQLite database; choose another name.")


def _is_database(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(16) == SQLITE_MAGIC
    except OSError:
        return False


def _same(a: Path, b: Path) -> bool:
    if a == b:
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


# -- verified copies ----------------------------------------------------------------------
def page_count(path: Path) -> int:
    """Pages the file holds, by its size and the page size in its header."""
    with path.open("rb") as f:
        header = f.read(100)
    size = page_size(header)
    return path.stat().st_size // size if size else 0


def verify(path: Path, pages: int, name: str) -> None:
    """Raise unless ``path`` passes SQLite's integrity check and holds ``pages`` pages. Read
    as immutable: nothing is written beside it."""
    try:
        con = sqlite3.connect(sqlite_uri(path, immutable="1"), uri=True)
        try:
            result = [r[0] for r in con.execute("PRAGMA integrity_check")]
            found = con.execute("PRAGMA page_count").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error as exc:
        if "malformed" not in str(exc) and "not a database" not in str(exc):
            raise CaseFileError(f"The copy of {name} could not be checked ({exc}); it was not "
                                "kept, and nothing was changed.") from exc
        result, found = [str(exc)], pages
    if result != ["ok"]:
        raise CorruptCaseError(f"The copy of {name} did not pass SQLite's integrity check "
                               f"({'; '.join(result[:2])}), so {name} itself is damaged; it "
                               "was left as it is. Restore it from a backup copy.")
    if found != pages:
        raise CaseFileError(f"The copy of {name} holds {found} pages where the file has "
                            f"{pages}; it was not kept, and nothing was changed.")


def byte_copy(src: Path, target: Path, name: str,
              purpose: str = "the copy Casefile keeps of it before upgrading it") -> Path:
    """Copy ``src`` byte for byte to ``target`` through ``target.part``: verified, synced,
    then renamed. ``purpose`` says what the copy is for when it does not fit."""
    part = target.with_name(target.name + ".part")
    pages = page_count(src)
    try:
        with src.open("rb") as fin, part.open("xb") as fout:
            while chunk := fin.read(1 << 20):
                fout.write(chunk)
            fout.flush()
            os.fsync(fout.fileno())
        verify(part, pages, name)
        os.replace(part, target)
    except BaseException as exc:
        part.unlink(missing_ok=True)
        if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
            raise DiskFullError(f"There is not enough space beside {name} for {purpose}; "
                                "nothing was changed. Free some space and try again.") from exc
        raise
    fsync_folder(target.parent)
    return target


# Header fields SQLite rewrites without any change of content: the journal mode (18-19, set
# to WAL when a writer opens the file), the change counter (24-27) and the version of the
# SQLite that last wrote it (92-99).
_HEADER_BOOKKEEPING = ((18, 20), (24, 28), (92, 100))


def same_pages(a: Path, b: Path) -> bool:
    """Whether two database files hold the same bytes but for header bookkeeping — a copy
    of ``b`` made before a writer opened it (and was killed before it committed)."""
    if a.stat().st_size != b.stat().st_size:
        return False
    with a.open("rb") as fa, b.open("rb") as fb:
        ha, hb = bytearray(fa.read(100)), bytearray(fb.read(100))
        for start, end in _HEADER_BOOKKEEPING:
            ha[start:end] = hb[start:end] = bytes(end - start)
        if ha != hb:
            return False
        while True:
            ca, cb = fa.read(1 << 20), fb.read(1 << 20)
            if ca != cb:
                return False
            if not ca:
                return True


def backup_before_upgrade(real: Path, revision: str | None, name: str) -> Path:
    """The byte copy of the case as it was before its upgrade from ``revision``: one per
    upgrade — an earlier attempt's copy of the same bytes is used again. The caller holds the
    writer's lock and has folded any write-ahead log into the file."""
    prefix = f"{real.stem}.before-upgrade-{revision or 'none'}"
    for part in real.parent.glob(glob.escape(prefix) + ".*.part"):
        part.unlink(missing_ok=True)  # a copy a killed attempt did not finish
    for earlier in sorted(real.parent.glob(f"{glob.escape(prefix)}.*{real.suffix}.bak")):
        if same_pages(earlier, real):
            return earlier
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return byte_copy(real, real.with_name(f"{prefix}.{stamp}{real.suffix}.bak"), name)


def save_copy(source: sqlite3.Connection, case: Path, target: Path) -> None:
    """Write a consistent copy of an open case (``source``: a connection on it) to
    ``target`` through SQLite's backup API; the copy is self-contained (rollback journal).
    A case already at ``target`` is replaced only if nobody has it open, and its journals go
    with it (SQLite would apply a stale write-ahead log to the copy)."""
    target = Path(target)
    refuse_output(target, case, "a copy of the case", cases=True)
    real_target = real_path(target)
    part = real_target.with_name(f".{real_target.name}.{os.getpid()}.part")
    try:
        dst = sqlite3.connect(part, isolation_level=None)
        try:
            source.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
            result = dst.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            dst.close()
        if result != "ok":
            raise CaseFileError(f"The copy of {case.name} did not verify ({result}); it was not "
                                "kept.")
        held = lock.acquire(real_target, target) if real_target.exists() else None
        try:
            for suffix in _JOURNALS:
                real_target.with_name(real_target.name + suffix).unlink(missing_ok=True)
            os.replace(part, real_target)
        finally:
            if held is not None:
                held.release()
    except BaseException as exc:
        for suffix in ("", *_JOURNALS):
            part.with_name(part.name + suffix).unlink(missing_ok=True)
        mapped = translate(exc, target.name) if isinstance(exc, Exception) else None
        if mapped is not None and mapped is not exc:
            raise mapped from exc
        raise
    fsync_folder(real_target.parent)
