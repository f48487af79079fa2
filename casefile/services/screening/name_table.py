"""The person tagger's phrase table (:mod:`casefile.core.screening.person_tagger`) on disk, so
that no process waits for rigour to build its automaton.

rigour ships its tagger data inside its compiled module, as zstd frames (the person-names
corpus, ``symbols.json``; the ordinals it also hands out itself). The first screening after
rigour is installed or upgraded reads them out of that file, builds the phrase table
(~550,000 phrases, 2-4 s) and writes it as a SQLite file in the user cache folder, named
after rigour's version; every later process opens it in milliseconds and looks up the few
phrases of each name. The file holds only what Casefile wrote (text, never pickled code).

The file is checked before use: rigour's version and the size and time of its compiled
module must be the ones it was built from, and the row count (which reads every page of the
table) and sample lookups must be those recorded when it was built; otherwise it is built
again (SQLite's quick check would add 45 ms to every start for little more). A file that
cannot be read while in use is removed and rigour's own tagger takes over for the rest of
that process. If rigour's data cannot be found (a rigour that stores it otherwise),
or ``CASEFILE_NO_NAME_TABLE`` is set, screening uses rigour's own tagger: slow to start,
the same results."""

from __future__ import annotations

import json
import logging
import os
import re
import sqlite3
import time
from collections.abc import Callable, Mapping, Sequence
from importlib.metadata import version
from pathlib import Path
from typing import Any

from casefile.core.screening import names
from casefile.core.screening import person_tagger as pt
from casefile.paths import user_cache_dir

FORMAT = "1"
OFF = "CASEFILE_NO_NAME_TABLE"  # set: always rigour's own tagger (to compare, to diagnose)
_MAGIC = re.compile(re.escape(b"\x28\xb5\x2f\xfd"))  # a zstd frame starts so
_MAX_FRAME = 64 << 20
_PROBES = 24
log = logging.getLogger("casefile.screening")


class TableUnavailable(Exception):
    """rigour's tagger data could not be read: its own tagger is used."""


def binary() -> Path:
    import rigour._core

    return Path(rigour._core.__file__)


def key() -> dict[str, str]:
    """What a table must have been built from."""
    st = binary().stat()
    return {"format": FORMAT, "rigour": version("rigour"), "binary_size": str(st.st_size),
            "binary_mtime_ns": str(st.st_mtime_ns)}


def path(folder: Path | None = None) -> Path:
    return (folder or user_cache_dir()) / f"rigour-{version('rigour')}-person-names.sqlite"


def extract(module: Path) -> tuple[str, dict[str, Any]]:
    """(the person-names corpus, the symbols JSON) out of rigour's compiled module."""
    try:
        import zstandard
    except ImportError as exc:
        raise TableUnavailable("zstandard is not installed") from exc
    blob = module.read_bytes()
    corpus: str | None = None
    symbols: dict[str, Any] | None = None
    for m in _MAGIC.finditer(blob):
        try:
            data = zstandard.ZstdDecompressor().decompressobj().decompress(
                blob[m.start():m.start() + _MAX_FRAME])
        except zstandard.ZstdError:
            continue
        head = data[:4096]
        if corpus is None and re.search(rb"^[^\n]+ => Q\d+$", head, re.MULTILINE):
            corpus = data.decode("utf-8")
        elif symbols is None and head.lstrip().startswith(b"{") and b'"person_nick"' in data:
            symbols = json.loads(data)
    if corpus is None or symbols is None or not all(
            s in symbols for s in ("person_symbols", "person_name_parts", "person_nick")):
        raise TableUnavailable(f"no person-names data found in {module.name}")
    return corpus, symbols


class SqliteTable:
    """A phrase table file, read-only."""

    def __init__(self, file: Path, con: sqlite3.Connection, longest: int) -> None:
        self.file, self.con, self.longest = file, con, longest

    def close(self) -> None:
        self.con.close()

    def lookup(self, phrases: Sequence[str]) -> Mapping[str, pt.Symbols]:
        try:
            rows = self.con.execute(
                "SELECT form, symbols FROM phrase WHERE form IN "
                f"({','.join('?' * len(phrases))})", list(phrases)).fetchall()
            return {form: pt.decode(s) for form, s in rows}
        except (sqlite3.Error, ValueError) as exc:
            log.warning("person-name table %s unreadable (%s): removed; rigour's own "
                        "tagger is used", self.file, exc)
            self.con.close()
            self.file.unlink(missing_ok=True)
            raise pt.TableBroken(str(exc)) from exc


def build(file: Path, want: Mapping[str, str]) -> int:
    """Write the table for rigour as installed into ``file`` (replaced whole, never left
    half-written); its number of phrases."""
    import rigour._core as core

    corpus, symbols = extract(binary())

    def normalise(text: str) -> str | None:
        return core._normalize(text, pt.PHRASE_FLAGS, 0)

    _tidy(file)
    rows = pt.table_rows(corpus, symbols, core.ordinals_dict(), normalise)
    longest = max(k.count(" ") + 1 for k in rows)
    forms = sorted(rows)
    probes = {f: pt.encode(rows[f]) for f in forms[::max(1, len(forms) // _PROBES)]}
    tmp = file.with_name(f"{file.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    try:
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
                          "CREATE TABLE phrase (form TEXT PRIMARY KEY, symbols TEXT NOT NULL)"
                          " WITHOUT ROWID; CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);")
        con.executemany("INSERT INTO phrase VALUES (?, ?)",
                        ((f, pt.encode(rows[f])) for f in forms))
        meta = {**want, "phrases": str(len(forms)), "longest": str(longest),
                "probes": json.dumps(probes, ensure_ascii=False),
                "built": time.strftime("%Y-%m-%dT%H:%M:%S")}
        con.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        con.commit()
    finally:
        con.close()
    os.replace(tmp, file)
    return len(forms)


def _tidy(file: Path) -> None:
    """Remove what earlier builds left: tables of other rigour versions, and temporary files
    of a build that was killed (the caller holds the lock: no build is running)."""
    for old in file.parent.glob("rigour-*-person-names.sqlite*"):
        if old.name != file.name and not old.name.endswith(".lock"):
            old.unlink(missing_ok=True)


def open_table(file: Path, want: Mapping[str, str]) -> SqliteTable | None:
    """The table in ``file`` if it was built from ``want`` and reads back whole, else None."""
    if not file.exists():
        return None
    try:
        con = sqlite3.connect(f"file:{file}?mode=ro", uri=True, check_same_thread=False)
    except sqlite3.Error:
        return None
    try:
        meta = dict(con.execute("SELECT k, v FROM meta").fetchall())
        if any(meta.get(k) != v for k, v in want.items()):
            raise ValueError("built from another rigour")
        if str(con.execute("SELECT count(*) FROM phrase").fetchone()[0]) != meta["phrases"]:
            raise ValueError("phrases missing")
        probes = json.loads(meta["probes"])
        got = dict(con.execute(f"SELECT form, symbols FROM phrase WHERE form IN "
                               f"({','.join('?' * len(probes))})", list(probes)).fetchall())
        if got != probes:
            raise ValueError("sample lookups differ")
        return SqliteTable(file, con, int(meta["longest"]))
    except (sqlite3.Error, ValueError, KeyError) as exc:
        log.info("person-name table %s not used (%s): built again", file, exc)
        con.close()
        return None


def prepare(folder: Path | None = None, on_build: Callable[[], None] | None = None) -> str:
    """Tag person names in this process from the table (building it first if needed):
    'ready' (already in use), 'opened', 'built' or 'rigour' (the table cannot be had:
    rigour's own tagger, slow to start, is used). ``on_build`` is called before a build."""
    if names.person_table() is not None:
        return "ready"
    if os.environ.get(OFF):
        return "rigour"
    try:
        want, file = key(), path(folder)
        table = open_table(file, want)
        how = "opened"
        if table is None:
            from filelock import FileLock  # its Timeout is an OSError

            with FileLock(f"{file}.lock", timeout=300):  # one process builds, others wait
                table = open_table(file, want)
                if table is None:
                    if on_build is not None:
                        on_build()
                    t = time.perf_counter()
                    n = build(file, want)
                    log.info("person-name table built: %d phrases in %.1f s", n,
                             time.perf_counter() - t)
                    table = open_table(file, want)
                    how = "built"
        if table is None:
            raise TableUnavailable("the table just built does not read back")
    except (TableUnavailable, ImportError, OSError, sqlite3.Error, ValueError) as exc:
        log.warning("person-name table unavailable (%s): rigour's own tagger is used", exc)
        return "rigour"
    names.use_person_table(table)
    return how
