"""Candidate retrieval from a watchlist's token index: the entries that share the party's
rarest keys (name parts, phonetic keys, Han bigrams, identifiers), ranked by the summed
rarity of the keys they share; only those are scored (:meth:`Index.matches`, for the
scoring in this thread and in the worker processes alike)."""

from __future__ import annotations

import sqlite3
from functools import cached_property

from casefile.core.screening.keys import entry_keys, rarity
from casefile.core.screening.records import Entry, Party, comparable
from casefile.core.screening.score import Result, score
from casefile.services.screening.watchlist_db import entry_of

LIMIT = 30  # candidates scored per party (plus every entry sharing an identifier)
_COMMON = 0.02  # a key found in more than this share of the entries only ranks, never finds


class Index:
    """An open watchlist, asked for candidates."""

    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con

    @cached_property
    def size(self) -> int:
        return int(self.con.execute("SELECT count(*) FROM entry").fetchone()[0])

    def _frequencies(self, keys: list[str]) -> dict[str, int]:
        out: dict[str, int] = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            out.update(self.con.execute(
                f"SELECT key, n FROM key_weight WHERE key IN ({','.join('?' * len(chunk))})",
                chunk).fetchall())
        return out

    def candidates(self, party: Party, limit: int = LIMIT) -> list[Entry]:
        keys = sorted(entry_keys(party.names, [v for _s, v in party.identifiers
                                               if _s != "KPP"]))
        freq = self._frequencies(keys)
        if not freq:
            return []
        cap = max(50, int(self.size * _COMMON))
        usable = sorted(freq, key=lambda k: freq[k])
        finding = [k for k in usable if freq[k] <= cap] or usable[:2]
        scores: dict[int, float] = {}
        must: set[int] = set()
        for key in finding:
            w = rarity(self.size, freq[key]) * (4.0 if key.startswith("i:") else 1.0)
            for (eid,) in self.con.execute("SELECT entry FROM token WHERE key = ?", (key,)):
                scores[eid] = scores.get(eid, 0.0) + w
                if key.startswith("i:"):
                    must.add(eid)
        ranked = sorted(scores, key=lambda e: (-scores[e], e))
        chosen = list(dict.fromkeys([*must, *ranked[:limit]]))
        return [e for e in self.entries(chosen) if comparable(party.schema, e.schema)]

    def matches(self, party: Party, review: float) -> list[tuple[Entry, Result, str]]:
        """(entry, result, the entry's digest) of each candidate scoring at least
        ``review`` for ``party``, best first."""
        scored = [(e, score(party, e)) for e in self.candidates(party)]
        return [(e, r, self.digest(e.key)) for e, r in sorted(scored, key=lambda x: -x[1].score)
                if r.score >= review]

    def entries(self, ids: list[int]) -> list[Entry]:
        out: list[Entry] = []
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            out += [entry_of(r) for r in self.con.execute(
                "SELECT key, schema, caption, datasets, last_change, data, first_seen FROM "
                "entry WHERE "
                f"id IN ({','.join('?' * len(chunk))})", chunk)]
        return out

    def digest(self, key: str) -> str:
        row = self.con.execute("SELECT digest FROM entry WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else ""
