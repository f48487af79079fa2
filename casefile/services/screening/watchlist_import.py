"""Load an OpenSanctions file into a watchlist database, streamed: ``entities.ftm.json``
(one FtM entity a line; a delta file's lines ``{"op": "ADD"|"MOD"|"DEL", "entity": …}``
apply as they say) or ``targets.simple.csv`` (names, aliases, countries, birth dates and
identifiers without their schemes, sanctions as text). Only the matchable schemata are
kept, with the properties a match or a reviewer needs (:mod:`.watchlist_entries`), and the
sanctions that list them (shown to the reviewer beside the entry).

The file is read once, in binary, lines decoded one at a time: its SHA-256 is taken on the
way, progress is the bytes read, and memory stays flat (rows are written in batches). A full
file replaces the list (entries it no longer holds are removed; an unchanged entry is not
rewritten); a delta file changes only what it names. All of one load is one transaction: a
cancel or an error leaves the list as it was, and a list the load was to create is not made
(review: a failed first load left an empty list that screened every party clean)."""

from __future__ import annotations

import csv
import hashlib
import shlex
import sqlite3
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from casefile.core.screening.records import MATCHABLE
from casefile.errors import Cancelled, ImportFileError, ListWouldShrink
from casefile.services.exchange.imports.ftm_nested import flatten, is_nested
from casefile.services.exchange.imports.ftm_positions import SCHEMATA as POSTS
from casefile.services.exchange.imports.ftm_positions import Posts
from casefile.services.exchange.imports.ftm_read import entity, kind_of_file
from casefile.services.screening import watchlist_db as db
from casefile.services.screening.watchlist_entries import EntryWriter, LoadReport, entry_row
from casefile.services.screening.watchlist_files import (
    file_encoding,
    file_lines,
    file_sha256,
    guess_name,
)
from casefile.services.screening.watchlist_keys import bring_up_to_date, mark_current, weigh
from casefile.services.screening.watchlist_posts import FlatPosts
from casefile.services.screening.watchlist_sanctions import sanction_of
from casefile.services.screening.watchlist_simple import load_csv

Progress = Callable[[int, int, str], None]  # done, total, message; raises Cancelled


def _flat(obj: dict[str, Any], seen: set[str], report: LoadReport) -> list[dict[str, Any]]:
    """The entity, and those nested in it (targets.nested.json) that were not read before:
    each on its own, its sanctions naming it again. The line's own entity is given even
    when an earlier line nested it: its own line says the most of it (a PEP's posts). The
    Occupancy and Position entities nested with a person are its posts (counted in
    ``report``), not entities of their own."""
    if not is_nested(obj):
        return [obj]
    out = []
    every = flatten(obj)
    lines, holders = _posts_into(every, report.left_out)
    report.posts += lines
    report.post_holders += holders
    for i, one in enumerate(every):
        if lines and one.get("schema") in POSTS:  # taken as posts
            continue
        key = str(one.get("id") or "")
        if key and key in seen and i > 0:  # a line's own entity is given in full: kept
            continue
        seen.add(key)
        out.append(one)
    return out


def _posts_into(every: list[dict[str, Any]], left_out: Counter[str]) -> tuple[int, int]:
    """A nested line's persons given the posts nested with them (Occupancy and Position, as
    OpenSanctions nests a PEP's) in their ``position``, a dated line each, for the reviewer
    to read; (post lines, persons given any)."""
    if not any(one.get("schema") == "Occupancy" for one in every):
        return 0, 0
    lines = holders = 0
    posts = Posts(lambda what: left_out.update((what,)))  # counted as a flat file's are
    for one in every:
        if one.get("schema") in POSTS and (rec := entity(one)) is not None:
            posts.take(rec)
    posts.finish()
    for one in every:
        key = str(one.get("id") or "")
        if key in posts.held and isinstance(one.get("properties"), dict):
            held = posts.lines(key)
            lines, holders = lines + len(held), holders + bool(held)
            one["properties"] = Posts.into(one["properties"], held)
    return lines, holders


SHRINK_ASK = 0.5  # a full file that would remove more than this share of a list is refused
SHRINK_FEW = 10  # … unless it removes no more than this many entries


def load(path: str | Path, name: str | None = None, *, version: str | None = None,
         dataset: str | None = None, where: Path | None = None,
         progress: Progress | None = None, shrink: bool = False) -> LoadReport:
    """Load ``path`` into the watchlist ``name`` (default: the file's dataset, else its
    stem), creating it if new. ``version`` defaults to the newest ``last_change`` the file
    holds, else the day the file was last written. Raises :class:`ImportFileError` naming
    the line of a bad entity, and :class:`Cancelled` (the list unchanged) when ``progress``
    raises it. A full file that would remove more than half of a list's entries (a
    download cut short at a line's end) is refused unless ``shrink``."""
    path = Path(path)
    if path.is_dir():
        raise ImportFileError(f"{path} is a folder: give the file of the list in it")
    if not path.is_file():
        raise ImportFileError(f"{path}: no such file")
    encoding = file_encoding(path)
    with path.open("r", encoding=encoding, errors="replace") as f:
        kind = kind_of_file(f)
        if not f.read(4096).strip():
            raise ImportFileError(f"{path.name} is empty: nothing to load")
    if kind != "csv" and encoding != "utf-8-sig":
        raise ImportFileError(f"{path.name} is written in {encoding}: OpenSanctions' JSON "
                              "files are UTF-8; save it as UTF-8 and load it again")
    if kind in ("array", "document", "statements_csv", "statements_json"):
        what = {"array": "a JSON array", "document": "one JSON object over several lines"
                }.get(kind, "FollowTheMoney statements")
        raise ImportFileError(f"{path.name}: {what}; a watchlist is loaded from "
                              "OpenSanctions' entities.ftm.json (one entity a line)")
    guess = dataset or guess_name(path, kind, encoding)
    name = db.check_name(name or guess or "watchlist")
    new = not db.path_of(name, where).exists()  # made here: gone again when the load fails
    try:
        return _load(path, name, kind, encoding, version, dataset or guess, where, progress,
                     shrink)
    except (UnicodeDecodeError, csv.Error) as exc:
        reason = exc.reason if isinstance(exc, UnicodeDecodeError) else str(exc)
        raise ImportFileError(f"{path.name}: not readable as a watchlist in {encoding} "
                              f"({reason}); the watchlist is left as it was") from None
    finally:
        if new and not _loaded(name, where):
            db.remove_files(db.path_of(name, where))


def _loaded(name: str, where: Path | None) -> bool:
    """Whether a load of the watchlist ``name`` has finished."""
    path = db.path_of(name, where)
    if not path.exists():
        return False
    con = db.connect(path)
    try:
        return con.execute("SELECT 1 FROM load WHERE done = 1 LIMIT 1").fetchone() is not None
    finally:
        con.close()


def _load(path: Path, name: str, kind: str, encoding: str, version: str | None,
          dataset: str | None, where: Path | None, progress: Progress | None,
          shrink: bool = False) -> LoadReport:
    con = db.connect(db.path_of(name, where))
    try:  # a list an earlier Casefile indexed: all of it, for the entries this file leaves
        bring_up_to_date(con, progress)  # as they are keep their keys (review38)
    except BaseException:
        con.close()
        raise
    total = path.stat().st_size
    sha = hashlib.sha256()
    report = LoadReport(name, path.name, "", dataset or "", version or "", kind)
    try:
        con.execute("BEGIN IMMEDIATE")
        load_id = con.execute(
            "INSERT INTO load(file, sha256, dataset, version, kind, licence, at) VALUES "
            "(?, '', ?, ?, ?, ?, ?)", (path.name, report.dataset, report.version, kind,
                                       db.LICENCE, _now())).lastrowid or 0
        w = EntryWriter(con, load_id, report)
        if w.fresh:
            con.execute("DROP INDEX IF EXISTS token_key")
            con.execute("DROP INDEX IF EXISTS token_entry")
        newest = ""
        delta = False
        seen: set[str] = set()  # the entities nested in lines read so far
        if kind == "csv":
            newest = load_csv(path, w, progress, encoding)
            sha = file_sha256(path)
        else:
            posts = FlatPosts(con, report.left_out)
            if posts.read(path, progress, total) and progress is not None:
                progress = _after_posts(progress)
            with path.open("rb") as fb:
                for n, obj in file_lines(path, fb, sha, total, progress, posts.read_before):
                    op = obj.get("op")
                    if isinstance(op, str) and isinstance(obj.get("entity"), dict):
                        delta = True
                        obj = obj["entity"]
                        if op.upper() == "DEL":
                            w.delete(str(obj.get("id") or ""))
                            continue
                    for one in _flat(obj, seen, report):
                        posts.give(one)
                        parsed = entry_row(one)
                        sanction = sanction_of(one) if parsed is None else None
                        if sanction is not None:
                            w.put_sanction(*sanction)
                            continue
                        if parsed is None:
                            if not one.get("schema"):
                                raise ImportFileError(f"{path.name}, line {n}: an entity "
                                                      "without a schema")
                            if one.get("schema") in MATCHABLE:
                                raise ImportFileError(f"{path.name}, line {n}: a "
                                                      f"{one['schema']} without an id")
                            report.skipped += 1
                            report.schemata[str(one["schema"])] += 1
                            continue
                        newest = max(newest, str(parsed[0][7] or ""))
                        w.put(*parsed)
            posts.finish()
            report.posts += posts.posts  # a flat file's, beside a nested one's
            report.post_holders += posts.holders
        w.flush()
        if delta and w.fresh and report.added == 0:  # (look15: a delta of DEL lines alone
            # made an empty new list)
            raise ImportFileError(f"{path.name} is a delta file that adds nothing, and there "
                                  f"is no watchlist {name!r} for it to change: load the full "
                                  "file first")
        if delta:
            report.kind = "delta"
        elif report.added + report.changed + report.unchanged == 0:  # (a first load too:
            # review21, an empty list was made of a header-only file)
            raise ImportFileError(f"{path.name} holds no entity of a schema that is matched "
                                  "(Person, Company, Organization, LegalEntity, PublicBody, "
                                  "Vessel, Airplane); the watchlist is left as it was")
        else:  # a full file: what it no longer holds goes
            gone = con.execute("SELECT id FROM entry WHERE seen != ?", (load_id,)).fetchall()
            had = len(gone) + report.changed + report.unchanged
            if not shrink and len(gone) > SHRINK_FEW and len(gone) > SHRINK_ASK * had:
                # (review: a download cut short at a line's end emptied most of a list)
                raise _shrinks(con, path, name, len(gone), had, version or newest[:19])
            for (eid,) in gone:
                con.execute("DELETE FROM token WHERE entry = ?", (eid,))
            con.execute("DELETE FROM entry WHERE seen != ?", (load_id,))
            con.execute("DELETE FROM sanction WHERE seen != ?", (load_id,))
            report.removed += len(gone)
        if progress is not None:
            progress(total, total, "indexing")
        for sql in db.INDEXES:
            con.execute(sql)
        weigh(con)
        mark_current(con)
        report.sha256 = sha.hexdigest()
        # else the day the file was written (downloaded), not the day it is loaded (review:
        # a list fetched last month read as today's)
        report.version = version or newest[:19] or datetime.fromtimestamp(
            path.stat().st_mtime, UTC).date().isoformat()
        con.execute("UPDATE load SET sha256=?, version=?, kind=?, added=?, changed=?, "
                    "removed=?, unchanged=?, skipped=?, done=1 WHERE id=?",
                    (report.sha256, report.version, report.kind, report.added,
                     report.changed, report.removed, report.unchanged, report.skipped,
                     load_id))
        con.execute(f"PRAGMA user_version = {db.KEEPS_SANCTIONS}")  # see holds_sanctions
        con.execute("COMMIT")
    except BaseException:
        if con.in_transaction:
            con.execute("ROLLBACK")
        raise
    finally:
        con.close()
    return report


def _shrinks(con: sqlite3.Connection, path: Path, name: str, gone: int, had: int,
             version: str) -> ListWouldShrink:
    """The refusal of a full file that would remove ``gone`` of the list's ``had`` entries:
    the file by its folder too (every download is called entities.ftm.json), and, when the
    file's version is older than the list's, that too (look16)."""
    before = con.execute("SELECT version FROM load WHERE done = 1 ORDER BY id DESC "
                         "LIMIT 1").fetchone()
    older = (f" It is also older than the list: version {version}, the list's "
             f"{before[0]}." if before and version and version < (before[0] or "") else "")
    shown = f"{path.parent.name}/{path.name}" if path.parent.name else path.name
    return ListWouldShrink(
        f"{shown} would remove {gone:,} of the {had:,} entries of the watchlist {name!r}, "
        f"more than half: is the file whole (a download that did not finish)?{older} The "
        "watchlist is left as it was; if the list has shrunk so, load it with: casefile "
        f"watchlist import {shlex.quote(str(path))} --name {shlex.quote(name)} --shrink",
        name, gone, had, older.strip())


def _after_posts(progress: Progress) -> Progress:
    """The progress of the entries' pass, after the posts' pass (a fifth of the bar)."""
    return lambda done, total, what: progress(total // 5 + done * 4 // 5, total, what)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


__all__ = ["Cancelled", "LoadReport", "load"]
