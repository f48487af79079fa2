"""Helpers for the tests of the case file on disk: a case at the first schema, a process that
holds a case open, a small or read-only filesystem, and checks of a file with plain sqlite3
(so the tests do not trust the code they test to read what it wrote)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from casefile.services.case.facade import Case
from casefile.store import migrate
from casefile.store.engine import connect_readonly


def first_schema_case(p: Path, attachment_mb: int = 0, entities: int = 1) -> Path:
    """A case at schema 0001 (as an older Casefile left it), closed."""
    from alembic import command

    with Case.new(p) as c:
        for i in range(entities):
            c.create("entity", {"name": f"Tekhkrim {i}"})
        if attachment_mb:
            sid = c.create("source", {"title": "Ledger"}).result
            chunk = os.urandom(1 << 20)
            for i in range(attachment_mb):
                c.attach_file(sid, filename=f"part{i}.bin", data=chunk[i:] + chunk[:i])
        with c.engine.begin() as conn:
            command.downgrade(migrate.alembic_config(conn), "0001")
    return p


def revision(p: Path) -> str | None:
    """The schema revision of the file as Casefile reads it (a killed writer's unfinished
    write rolled back first, as opening does)."""
    con = connect_readonly(p, p.name)
    try:
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    finally:
        con.close()


def tables(p: Path) -> set[str]:
    con = sqlite3.connect(f"file:{p}?mode=ro", uri=True)
    try:
        return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        con.close()


def verified(p: Path) -> tuple[str, int]:
    """(integrity_check, page_count) of a file, read without writing anything beside it."""
    con = sqlite3.connect(f"file:{p}?immutable=1", uri=True)
    try:
        return (con.execute("PRAGMA integrity_check").fetchone()[0],
                con.execute("PRAGMA page_count").fetchone()[0])
    finally:
        con.close()


def journal_mode_on_disk(p: Path) -> str:
    """What the header says (bytes 18 and 19: 1 = rollback journal, 2 = WAL)."""
    with p.open("rb") as f:
        header = f.read(20)
    return {1: "delete", 2: "wal"}[header[18]]


HOLDER = textwrap.dedent("""
    import sys, time
    from casefile.services.case.facade import Case
    c = Case.open(sys.argv[1], readonly=len(sys.argv) > 2 and sys.argv[2] == "ro")
    print("locked", flush=True)
    time.sleep(120)
""")


@contextmanager
def held(path: Path, readonly: bool = False) -> Iterator[subprocess.Popen[str]]:
    """Another process with the case open (for writing unless ``readonly``)."""
    args = [sys.executable, "-c", HOLDER, str(path)] + (["ro"] if readonly else [])
    with subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True) as proc:
        try:
            line = proc.stdout.readline().strip()
            assert line == "locked", proc.stderr.read()
            yield proc
        finally:
            proc.kill()


def run_until_killed(script: str, args: list[str], delay: float) -> int:
    """Run ``script`` in a new Python; when it prints "ready", wait ``delay`` seconds and kill
    it with SIGKILL (if it is still running). Returns its exit status (negative: killed)."""
    with subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, text=True) as proc:
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(delay)
        proc.kill()
        return proc.wait()


def timed(script: str, args: list[str]) -> float:
    """Seconds from "ready" to the end of a run of ``script`` left alone."""
    with subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE,
                          text=True) as proc:
        assert proc.stdout.readline().strip() == "ready"
        start = time.monotonic()
        assert proc.wait(timeout=300) == 0
        return time.monotonic() - start


# -- filesystems --------------------------------------------------------------------------
def _can_mount() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("mount") is not None


@contextmanager
def small_disk(where: Path, size: str) -> Iterator[Path]:
    """A tmpfs of ``size`` (e.g. "3m") mounted at ``where``: a disk that fills up. Needs root
    (skipped otherwise)."""
    if not _can_mount():
        pytest.skip("mounting a small filesystem needs root")
    where.mkdir(exist_ok=True)
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                       capture_output=True, text=True)
    if r.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {r.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def fill(folder: Path, leave: int) -> None:
    """Fill the filesystem of ``folder`` up to ``leave`` free bytes."""
    st = os.statvfs(folder)
    free = st.f_bavail * st.f_frsize
    with (folder / "filler.bin").open("wb") as f:
        f.write(b"\0" * max(0, free - leave))


@contextmanager
def read_only_media(folder: Path) -> Iterator[None]:
    """Make ``folder`` (and what it holds) unwritable: a read-only remount when it is a
    mount point we made (root), else permissions (which root ignores, so then skipped)."""
    if os.path.ismount(folder):
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        try:
            yield
        finally:
            subprocess.run(["mount", "-o", "remount,rw", str(folder)], check=False)
        return
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("root writes through permissions; a read-only mount is needed")
    modes = {p: p.stat().st_mode for p in [folder, *folder.iterdir()]}
    for p in folder.iterdir():
        p.chmod(0o444)
    folder.chmod(0o555)
    try:
        yield
    finally:
        for p, mode in modes.items():
            p.chmod(mode)


@contextmanager
def removable_stick(tmp_path: Path) -> Iterator[Path]:
    """A folder that can be made read-only: a tmpfs when root, else a plain folder."""
    where = tmp_path / "stick"
    if _can_mount():
        with small_disk(where, "64m"):
            yield where
    else:
        where.mkdir()
        yield where
