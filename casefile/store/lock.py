"""One writer per case *file*, whatever name it is reached by.

The writer holds an OS lock on the database file itself (``flock`` on POSIX: it belongs to
the file's inode, so a symlink, a hard link, another spelling of the path or a deleted
``.lock`` all meet it) and on ``<case>.lock`` beside the file's real path (what older Casefile
versions check, and the lock on Windows, where a lock on the database's bytes would block its
readers). Who holds it is written to ``<case>.owner``. Both files go when the lock does.

POSIX record locks (SQLite's own) are dropped when a process closes *any* descriptor of the
file, so the descriptor kept for the ``flock`` is closed only when no SQLite connection of
this process is open on the file: engines report theirs through :func:`using`.
"""

from __future__ import annotations

import errno
import getpass
import json
import logging
import os
import socket
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from casefile.errors import CaseLockedError

log = logging.getLogger(__name__)

Identity = tuple[int, int]  # (device, inode)

_mutex = threading.RLock()
_held: set[Identity] = set()  # files this process holds for writing
_users: dict[Identity, int] = {}  # open SQLite connections of this process, by file
_idle_fds: dict[Identity, list[int]] = {}  # descriptors to close once no connection is left


def lock_path(real: Path) -> Path:
    return real.with_name(real.name + ".lock")


def owner_path(real: Path) -> Path:
    return real.with_name(real.name + ".owner")


def identity(path: Path) -> Identity | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


@contextmanager
def using(path: Path) -> Iterator[None]:
    """Count a SQLite connection of this process on ``path`` while the block runs."""
    key = connection_opened(path)
    try:
        yield
    finally:
        connection_closed(key)


def connection_opened(path: Path) -> Identity | None:
    key = identity(path)
    if key is not None:
        with _mutex:
            _users[key] = _users.get(key, 0) + 1
    return key


def connection_closed(key: Identity | None) -> None:
    if key is None:
        return
    with _mutex:
        left = _users.get(key, 1) - 1
        if left > 0:
            _users[key] = left
            return
        _users.pop(key, None)
        for fd in _idle_fds.pop(key, []):
            os.close(fd)


def _close_when_idle(key: Identity, fd: int) -> None:
    with _mutex:
        if _users.get(key):
            _idle_fds.setdefault(key, []).append(fd)
        else:
            os.close(fd)


@dataclass
class CaseLock:
    """The writer's hold on a case file (see the module's docstring)."""

    real: Path
    key: Identity | None
    db_fd: int | None
    lock_fd: int | None
    released: bool = field(default=False)

    def release(self) -> None:
        if self.released:
            return
        self.released = True
        _remove(owner_path(self.real))
        if self.lock_fd is not None:
            if sys.platform != "win32":  # while held: nobody meets a stale one
                _remove(lock_path(self.real))
            _unlock(self.lock_fd)
            os.close(self.lock_fd)
            if sys.platform == "win32":  # an open file cannot be removed there
                _remove(lock_path(self.real))
        with _mutex:
            if self.key is not None:
                _held.discard(self.key)
            _let_go(self.key, self.db_fd)


def acquire(path: Path, display: Path | None = None) -> CaseLock:
    """Lock the case file at ``path`` for writing, or raise :class:`CaseLockedError` saying
    who holds it. ``path`` may not exist yet (a case being created): then only its .lock is
    taken."""
    real = Path(os.path.realpath(path))
    shown = Path(display or path)
    with _mutex:
        db_fd = None
        key = identity(real)
        if key is not None and sys.platform != "win32":
            db_fd = os.open(real, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
            st = os.fstat(db_fd)
            key = (st.st_dev, st.st_ino)
        if key is not None and key in _held:
            if db_fd is not None:
                _close_when_idle(key, db_fd)
            raise CaseLockedError(shown, _owner(real))
        if db_fd is not None and key is not None and not _try_lock(db_fd):
            _close_when_idle(key, db_fd)
            raise CaseLockedError(shown, _owner(real))
        try:
            lock_fd = _lock_file(real)
        except BaseException:
            lock_fd = None
            _let_go(key, db_fd)
            raise
        if lock_fd is None:
            _let_go(key, db_fd)
            raise CaseLockedError(shown, _owner(real))
        if key is not None:
            _held.add(key)
    lock = CaseLock(real, key, db_fd, lock_fd)
    try:
        owner_path(real).write_text(json.dumps({
            "user": getpass.getuser(), "host": socket.gethostname(), "pid": os.getpid(),
            "since": datetime.now(UTC).isoformat(timespec="seconds")}), "utf-8")
    except BaseException:
        lock.release()
        raise
    return lock


def _let_go(key: Identity | None, db_fd: int | None) -> None:
    if db_fd is not None and key is not None:
        _unlock(db_fd)
        _close_when_idle(key, db_fd)


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:  # a read-only folder, or another process has it open (Windows)
        pass


def _owner(real: Path) -> dict[str, object]:
    try:
        holder = json.loads(owner_path(real).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return holder if isinstance(holder, dict) else {}


def _lock_file(real: Path) -> int | None:
    """The descriptor of ``<case>.lock``, locked; None when someone else holds it."""
    fd = os.open(lock_path(real), os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
    if _try_lock(fd):
        return fd
    os.close(fd)
    return None


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
else:
    import fcntl

    # A filesystem without flock (some FUSE and network mounts): lock nothing there rather
    # than refuse to open anything; the .owner note still says who writes.
    _UNSUPPORTED = {errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOLCK, errno.EINVAL}

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        except OSError as exc:  # some filesystems answer EACCES for "held"
            if exc.errno in (errno.EACCES, errno.EAGAIN):
                return False
            if exc.errno in _UNSUPPORTED:
                log.warning("no OS lock on this filesystem (%s): only one writer at a time "
                            "is not enforced here", exc)
                return True
            raise
        return True

    def _unlock(fd: int) -> None:
        try:
            fcntl.flock(fd, fcntl.LOCK_UN)
        except OSError:  # nothing was locked (see _try_lock)
            pass
