"""Copies of a case's files made to be opened by another program (an attachment, by
double-click or Open). They hold case content — a protected source's document in plain — so
they never go to the shared temporary folder: they live in a folder of the user's own
(readable by the user alone) for as long as the case is open, and are removed when it
closes. A Casefile that died leaves its folder behind; the next start removes it.

Each running Casefile holds a lock beside its folder; a folder whose lock nobody holds
belongs to a Casefile that is gone."""

from __future__ import annotations

import os
import secrets
import shutil
from pathlib import Path

import filelock

from casefile.paths import user_data_dir

FOLDER = "opened-files"


def default_root() -> Path:
    return user_data_dir() / FOLDER


class PrivateFiles:
    """The copies one running Casefile made for the case it has open."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root if root is not None else default_root()
        self._folder: Path | None = None
        self._lock: filelock.BaseFileLock | None = None

    @property
    def folder(self) -> Path | None:
        """This Casefile's folder (None until a first copy is made)."""
        return self._folder

    def new_path(self, name: str) -> Path:
        """Where to write a copy of a file called ``name``: a folder of its own (so two
        attachments of one name never meet) inside this Casefile's private folder."""
        folder = self._ensure()
        sub = folder / secrets.token_hex(4)
        sub.mkdir(mode=0o700)
        safe = Path(name.replace("\\", "/")).name.strip() or "attachment"
        return sub / safe

    def _ensure(self) -> Path:
        if self._folder is None:
            self.root.mkdir(parents=True, exist_ok=True)
            os.chmod(self.root, 0o700)
            stem = f"{os.getpid()}-{secrets.token_hex(4)}"
            lock = filelock.FileLock(str(self.root / f"{stem}.lock"), timeout=0,
                                     thread_local=False)  # released on the worker
            lock.acquire()  # first the lock, then the folder: a sweep never takes it early
            folder = self.root / stem
            folder.mkdir(mode=0o700)
            self._folder, self._lock = folder, lock
        return self._folder

    def clear(self) -> None:
        """Remove every copy made (the case closes, or Casefile quits)."""
        folder, lock = self._folder, self._lock
        self._folder = self._lock = None
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
        if lock is not None:
            lock.release()
            Path(lock.lock_file).unlink(missing_ok=True)


def sweep(root: Path | None = None) -> list[Path]:
    """Remove the folders Casefiles that are gone left behind; return them. A folder whose
    lock is held belongs to a Casefile still running and is kept."""
    root = root if root is not None else default_root()
    if not root.is_dir():
        return []
    removed = []
    locks = {p.stem for p in root.glob("*.lock")}
    for entry in root.iterdir():
        if entry.is_dir() and entry.name not in locks \
                and not (root / f"{entry.name}.lock").exists():  # never locked: nobody's
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry)
    for stem in locks:
        lock = filelock.FileLock(str(root / f"{stem}.lock"), timeout=0)
        try:
            lock.acquire()
        except filelock.Timeout:
            continue  # a Casefile running now
        try:
            folder = root / stem
            if folder.exists():
                shutil.rmtree(folder, ignore_errors=True)
                removed.append(folder)
        finally:
            lock.release()
            (root / f"{stem}.lock").unlink(missing_ok=True)
    return removed
