"""The entries of a watchlist load: which properties of a matchable entity are kept (what a
match or a reviewer needs), the row each makes (with the digest that tells an unchanged entry),
and the writer that adds, changes, keeps or removes entries and their sanctions, counting each
in the load's :class:`LoadReport`."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from casefile.core.labels import counted
from casefile.core.screening.records import ID_PROPS, MATCHABLE, NAME_PROPS, WEAK_PROPS
from casefile.services.exchange.imports.ftm_read import entity
from casefile.services.exchange.imports.ftm_statements import schema_names
from casefile.services.screening import watchlist_db as db
from casefile.services.screening.watchlist_keys import entry_tokens

KEPT = frozenset({*NAME_PROPS, *WEAK_PROPS, *ID_PROPS, "country", "nationality",
                  "citizenship", "jurisdiction", "mainCountry", "flag", "birthDate",
                  "birthPlace", "gender", "topics", "position", "notes", "sourceUrl",
                  "program", "incorporationDate", "legalForm", "firstName", "lastName",
                  "fatherName"})
_BATCH = 2000


Props = dict[str, list[str]]


@dataclass
class LoadReport:
    name: str
    file: str
    sha256: str
    dataset: str
    version: str
    kind: str  # full, delta, simple
    added: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0
    skipped: int = 0  # entities of schemata that are not matched (addresses, links…)
    sanctions: int = 0  # kept with the entries they list, for the reviewer to read
    posts: int = 0  # a flat file's PEP posts (Occupancy, Position) kept in entries
    post_holders: int = 0  # the entries they are kept in
    left_out: Counter[str] = field(default_factory=Counter)  # of the posts, by reason
    schemata: Counter[str] = field(default_factory=Counter)  # what was skipped, by schema
    licence: str = db.LICENCE

    def said(self) -> str:
        kept = ("1 sanction kept with the entry it lists; " if self.sanctions == 1 else
                f"{self.sanctions:,} sanctions kept with the entries they list; "
                if self.sanctions else "")
        if self.posts:
            kept += (f"{counted(self.posts, 'post')} (Occupancy and Position) kept in the "
                     f"position of {counted(self.post_holders, 'entry', 'entries')}; ")
        if self.left_out:
            kept += "left out: " + ", ".join(f"{n:,} {what}" for what, n in sorted(
                self.left_out.items())) + "; "
        return (f"{self.name}: {self.added:,} added, {self.changed:,} changed, "
                f"{self.removed:,} removed, {self.unchanged:,} unchanged; {kept}"
                f"{self._skipped()} (dataset {self.dataset}, version {self.version}, "
                f"SHA-256 {self.sha256[:16]}…)")

    def _skipped(self) -> str:
        """What was left out, by schema, one no FollowTheMoney schema said to be none
        (look30: a misspelt 'Persn' went into '1 entities of other schemata left out')."""
        if not self.skipped:
            return "no entity of another schema left out"
        if not self.schemata:
            return f"{counted(self.skipped, 'entity', 'entities')} of other schemata left out"
        known = schema_names()
        return "left out: " + ", ".join(
            f"{n:,} {schema}" + ("" if schema in known else " (no FollowTheMoney schema)")
            for schema, n in self.schemata.most_common())


def entry_row(obj: dict[str, Any]) -> tuple[tuple[Any, ...], Props] | None:
    """(key, schema, caption, datasets, topics, first_seen, last_seen, last_change, data,
    digest) of a matchable entity, and the properties kept (``data`` is their JSON); None
    for any other entity."""
    rec = entity(obj)
    if rec is None or not rec["id"] or rec["schema"] not in MATCHABLE:
        return None
    props = {k: [str(v) for v in vs if v not in (None, "")]
             for k, vs in rec["properties"].items() if k in KEPT}
    props = {k: v for k, v in props.items() if v}
    caption = rec["caption"] or next(iter(props.get("name", [])), rec["id"])
    data = json.dumps(props, ensure_ascii=False, sort_keys=True)
    datasets = ",".join(str(d) for d in obj.get("datasets") or [])
    digest = hashlib.sha256(f"{rec['schema']}\x1f{caption}\x1f{data}".encode()).hexdigest()
    return (rec["id"], rec["schema"], caption, datasets, ",".join(props.get("topics", [])),
            obj.get("first_seen"), obj.get("last_seen"), obj.get("last_change"), data,
            digest), props


class EntryWriter:
    """Writes the entries of one load (``load_id``) in its transaction."""

    def __init__(self, con: sqlite3.Connection, load_id: int, report: LoadReport) -> None:
        self.con, self.load, self.report = con, load_id, report
        self.tokens: list[tuple[str, int]] = []
        self.fresh = con.execute("SELECT count(*) FROM entry").fetchone()[0] == 0

    def put(self, row: tuple[Any, ...], props: Props) -> None:
        """Write one entry (``props``: its properties, as ``row``'s data holds them): new,
        changed (its tokens renewed) or unchanged (only marked as seen by this load). An id
        met twice in one file keeps its last entity."""
        key, digest = row[0], row[9]
        old = None if self.fresh else self.con.execute(
            "SELECT id, digest FROM entry WHERE key = ?", (key,)).fetchone()
        eid = 0
        if old is None:
            try:
                eid = self.con.execute(
                    "INSERT INTO entry(key, schema, caption, datasets, topics, first_seen, "
                    "last_seen, last_change, data, digest, seen) VALUES "
                    "(?,?,?,?,?,?,?,?,?,?,?)", (*row, self.load)).lastrowid or 0
                self.report.added += 1
            except sqlite3.IntegrityError:  # the same id earlier in this very file
                self.flush()
                old = self.con.execute("SELECT id, digest FROM entry WHERE key = ?",
                                       (key,)).fetchone()
        if old is not None and old[1] == digest:
            self.con.execute("UPDATE entry SET seen = ? WHERE id = ?", (self.load, old[0]))
            self.report.unchanged += 1
            return
        if old is not None:
            self.flush()
            self.con.execute("DELETE FROM token WHERE entry = ?", (old[0],))
            self.con.execute("UPDATE entry SET schema=?, caption=?, datasets=?, topics=?, "
                             "first_seen=?, last_seen=?, last_change=?, data=?, digest=?, "
                             "seen=? WHERE id = ?", (*row[1:], self.load, old[0]))
            eid = old[0]
            self.report.changed += 1
        self.tokens += entry_tokens(eid, row[2], props)
        if len(self.tokens) >= _BATCH * 8:
            self.flush()

    def put_sanction(self, key: str, listed: str, props: Props) -> None:
        """Keep a sanction of the entry ``listed`` (an entry that comes later in the file,
        or not at all, is fine: it is looked up by key when shown)."""
        self.con.execute(
            "INSERT INTO sanction(key, entity, data, seen) VALUES (?, ?, ?, ?) ON CONFLICT"
            "(key) DO UPDATE SET entity = excluded.entity, data = excluded.data, seen = "
            "excluded.seen", (key, listed, json.dumps(props, ensure_ascii=False,
                                                      sort_keys=True), self.load))
        self.report.sanctions += 1

    def delete(self, key: str) -> None:
        self.con.execute("DELETE FROM sanction WHERE key = ?", (key,))
        old = self.con.execute("SELECT id FROM entry WHERE key = ?", (key,)).fetchone()
        if old is not None:
            self.con.execute("DELETE FROM token WHERE entry = ?", (old[0],))
            self.con.execute("DELETE FROM entry WHERE id = ?", (old[0],))
            self.report.removed += 1

    def flush(self) -> None:
        if self.tokens:
            self.con.executemany("INSERT INTO token(key, entry) VALUES (?, ?)", self.tokens)
            self.tokens = []
