"""The posts of the politically exposed persons of a *flat* OpenSanctions file
(``entities.ftm.json``: the Person, the Occupancy lines whose ``holder`` it is, with dates and
status, and the Position lines that are their ``post``, in any order, an entity sometimes
over several lines), for their watchlist entries: each PEP's ``position`` says its posts,
a dated line each, as the nested files' entries do (``Posts`` makes the lines for both).

The posts are gathered before the entries are written (an entry's digest says whether it
changed, posts included), by a first pass over the file that parses only the lines whose
schema is Occupancy or Position (a byte scan says first whether there is any Occupancy at
all), and they are kept on disk, not in memory: in temporary tables of the load's SQLite
connection (SQLite's own temporary file, gone when the connection closes), keyed by the
holder's id. An OpenSanctions PEP collection (over a million Occupancies) thus costs the
watchlist build a second read of the file, not gigabytes of dictionaries.

What a post cannot become is counted as left out, as the case import counts it: an
Occupancy without its holder or post, one whose Position is not in the file, one whose
holder is not, a Position without a name, a Position that no Occupancy names."""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from casefile.core.screening.records import MATCHABLE
from casefile.errors import ImportFileError
from casefile.services.exchange.imports.ftm_nested import is_nested
from casefile.services.exchange.imports.ftm_positions import (
    READ,
    SCHEMATA,
    Posts,
    names_occupancies,
)
from casefile.services.exchange.imports.ftm_read import entity
from casefile.services.screening.watchlist_files import json_reason

Progress = Callable[[int, int, str], None]
# the first schema a line names is its own (a flat entity nests none; JSON escapes the
# quotes of a value, so no text can look like this)
_SCHEMA = re.compile(rb'"schema"\s*:\s*"([A-Za-z]+)"')
_WANTED = frozenset(s.encode() for s in SCHEMATA)
_BATCH = 5000  # fragments written at once; entities made into posts at once

_TABLES = (
    "CREATE TEMP TABLE post_frag (schema TEXT NOT NULL, id TEXT NOT NULL, caption TEXT, "
    "data TEXT NOT NULL)",
    "CREATE TEMP TABLE post_title (id TEXT PRIMARY KEY, title TEXT NOT NULL) WITHOUT ROWID",
    "CREATE TEMP TABLE post_held (holder TEXT NOT NULL, post TEXT NOT NULL, tail TEXT NOT "
    "NULL, began TEXT NOT NULL, taken INTEGER NOT NULL DEFAULT 0)")


class FlatPosts:
    """The posts of a flat file's holders, in temporary tables of ``con`` (:meth:`read`),
    given to the holders' entries as they are written (:meth:`give`); ``left_out`` counts
    what no entry takes (:meth:`finish`), into the load's own count."""

    def __init__(self, con: sqlite3.Connection, left_out: Counter[str]) -> None:
        self.con = con
        self.active = False  # whether the file gave any flat Occupancy or Position
        self.left_out = left_out
        self.posts = 0  # post lines given to entries
        self.holders = 0  # entries given posts
        # the lines that name an Occupancy or Position first but were not read as one (a
        # nested line, a delta's DEL): the entries' pass reads them
        self._others: set[int] = set()

    def read(self, path: Path, progress: Progress | None = None, total: int = 0) -> bool:
        """Gather the file's flat Occupancy and Position lines (``progress`` hears of the
        bytes read, as the first fifth of ``total``: half reading, half making posts; it
        may raise Cancelled). False when a scan of its bytes finds no Occupancy: then the
        file is not read."""
        if not names_occupancies(path, "utf-8"):
            return False
        for table in ("post_frag", "post_title", "post_held"):
            self.con.execute(f"DROP TABLE IF EXISTS temp.{table}")
        for sql in _TABLES:  # (not executescript: it would commit the load's transaction)
            self.con.execute(sql)
        rows: list[tuple[str, str, str | None, str]] = []
        done = 0
        with path.open("rb") as fb:
            for n, raw in enumerate(fb, 1):
                done += len(raw)
                if progress is not None and n % 5000 == 0:
                    progress(done // 10, total, f"reading posts (Occupancy, Position): "
                             f"line {n:,}")
                found = _SCHEMA.search(raw)
                if found is None or found.group(1) not in _WANTED:
                    continue
                rec = _fragment(path, n, raw)
                if rec is not None:
                    rows.append(rec)
                else:
                    self._others.add(n)
                if len(rows) >= _BATCH:
                    self._write(rows)
        self._write(rows)
        self.active = bool(self.con.execute("SELECT 1 FROM temp.post_frag LIMIT 1").fetchone())
        if self.active:
            self._build(progress, total)
        self.con.execute("DROP TABLE temp.post_frag")
        return True

    def read_before(self, n: int, raw: bytes) -> bool:
        """Whether the line ``n`` (``raw``, its bytes) was read by :meth:`read`: the
        entries' pass need not parse it again."""
        if not self.active:
            return False
        found = _SCHEMA.search(raw)
        return found is not None and found.group(1) in _WANTED and n not in self._others

    def _write(self, rows: list[tuple[str, str, str | None, str]]) -> None:
        self.con.executemany("INSERT INTO temp.post_frag VALUES (?, ?, ?, ?)", rows)
        rows.clear()

    def _build(self, progress: Progress | None, total: int) -> None:
        """Each Occupancy and Position from its fragments (read in id order, so one at a
        time, and the same whatever the file's order), into post lines by holder."""
        posts = Posts(self._count)
        last: tuple[str, str] | None = None
        n = made = 0
        (lines,), = self.con.execute("SELECT count(*) FROM temp.post_frag")
        for schema, rid, caption, data in self.con.execute(
                "SELECT schema, id, caption, data FROM temp.post_frag "
                "ORDER BY schema, id, caption, data"):
            if (schema, rid) != last:
                if n >= _BATCH:
                    self._drain(posts)
                    n = 0
                    if progress is not None:
                        progress(total // 10 + total * made // lines // 10, total,
                                 f"making posts: {made:,} of {lines:,}")
                last, n = (schema, rid), n + 1
            made += 1
            posts.take({"id": rid, "schema": schema, "caption": caption,
                        "properties": json.loads(data), "langs": {}})
        self._drain(posts)
        self.con.execute("CREATE INDEX temp.post_held_holder ON post_held(holder, began, "
                         "post, tail)")

    def _drain(self, posts: Posts) -> None:
        posts.finish()
        self.con.executemany("INSERT INTO temp.post_title VALUES (?, ?)",
                             posts.titles.items())
        self.con.executemany(
            "INSERT INTO temp.post_held(holder, post, tail, began) VALUES (?, ?, ?, ?)",
            ((holder, *post) for holder, held in posts.held.items() for post in held))
        posts.titles.clear()
        posts.held.clear()

    def _count(self, what: str) -> None:
        self.left_out[what] += 1

    def give(self, one: dict[str, Any]) -> None:
        """Put the posts of the entity ``one`` (a matchable entity the file holds, about to
        be written) in its ``position``, before what its own ``position`` says that no
        post line does."""
        key = one.get("id")
        if not self.active or one.get("schema") not in MATCHABLE or not key:
            return
        rows = self.con.execute(
            "SELECT h.post, h.tail, h.began, t.title, h.taken FROM temp.post_held h LEFT "
            "JOIN temp.post_title t ON t.id = h.post WHERE h.holder = ? ORDER BY h.began, "
            "h.post, h.tail", (str(key),)).fetchall()
        props = one.get("properties")
        if not rows or not isinstance(props, dict):
            return
        first = not rows[0][4]  # an entity given again (fragments) is counted once
        view = Posts(self._count if first else _nothing)
        view.held[str(key)] = [(post, tail, began) for post, tail, began, _t, _k in rows]
        view.titles = {post: title for post, _tail, _b, title, _k in rows if title}
        lines = view.lines(str(key))
        if first:
            self.con.execute("UPDATE temp.post_held SET taken = 1 WHERE holder = ?",
                             (str(key),))
            self.posts += len(lines)
            self.holders += bool(lines)
        one["properties"] = Posts.into(props, lines)

    def finish(self) -> None:
        """Count what no entry took: the posts of a holder not in the file, the Positions
        no Occupancy names. The tables go."""
        if not self.active:
            return
        (stray,), = self.con.execute("SELECT count(*) FROM temp.post_held WHERE NOT taken")
        (unnamed,), = self.con.execute(
            "SELECT count(*) FROM temp.post_title WHERE id NOT IN (SELECT post FROM "
            "temp.post_held)")
        if stray:
            self.left_out["Occupancy whose holder is not in the file"] += stray
        if unnamed:
            self.left_out["Position that no Occupancy in the file names"] += unnamed
        self.con.execute("DROP TABLE temp.post_held")
        self.con.execute("DROP TABLE temp.post_title")
        self.active = False


def _nothing(_what: str) -> None:
    pass


def _fragment(path: Path, n: int, raw: bytes) -> tuple[str, str, str | None, str] | None:
    """(schema, id, caption, the properties a post is made of as JSON) of a flat Occupancy
    or Position line (a delta file's ADD or MOD of one too); None for anything else."""
    try:
        obj = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ImportFileError(f"{path.name}, line {n}: not readable as UTF-8 (byte "
                              f"{exc.start + 1} of the line)") from None
    except (json.JSONDecodeError, RecursionError) as exc:
        raise ImportFileError(f"{path.name}, line {n}: not valid JSON "
                              f"({json_reason(exc)})") from None
    if isinstance(obj, dict) and isinstance(obj.get("op"), str) and isinstance(
            obj.get("entity"), dict):
        if obj["op"].upper() == "DEL":
            return None
        obj = obj["entity"]
    # a nested line's posts are read with it (watchlist_import); a line with no brace but
    # its own and its properties' can nest nothing (nearly every flat line: no need to look)
    if raw.count(b"{") > 2 and is_nested(obj):
        return None
    rec = entity(obj)
    if rec is None or rec["schema"] not in SCHEMATA:
        return None
    props = {k: v for k, v in rec["properties"].items() if k in READ[rec["schema"]]}
    return (rec["schema"], rec["id"] or f"\x00line {n}", rec["caption"],
            json.dumps(props, ensure_ascii=False, sort_keys=True))


__all__ = ["FlatPosts"]
