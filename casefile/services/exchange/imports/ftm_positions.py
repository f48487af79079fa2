"""The posts a person held, from FollowTheMoney's Occupancy and Position entities: how
OpenSanctions and Wikidata-fed datasets give politically exposed persons (a Person, the
Occupancy whose ``holder`` it is, with dates and status, and the Position that is its
``post``, with a name, country and area). Casefile keeps them in the person's Position field,
one line a post:

    Member of the State Duma (Russia), 2016-10-05 – 2021-10-12, ended
    Supreme Leader of North Korea (North Korea), since 2011-12-17

A file gives the three in any order, and a party's row is written when the party is read:
so the posts are gathered first, by a pass that parses only the lines naming an Occupancy or
a Position — and no pass at all when the file names none (a quick byte scan says so).
What a post line cannot say is counted as left out, never dropped silently."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from casefile.core.countries import country_name
from casefile.services.exchange.imports import ftm_map as fm
from casefile.services.exchange.imports.byte_scan import words_in
from casefile.services.exchange.imports.ftm_date_values import days, span
from casefile.services.exchange.imports.ftm_read import Record, json_entities

SCHEMATA = ("Occupancy", "Position")
# what each reads (besides the properties the importer never counts as left out)
READ = {"Occupancy": frozenset({"holder", "post", "status", "date", "startDate", "endDate"}),
         "Position": frozenset({"name", "country", "subnationalArea"})}
NEEDLE = b"Occupancy"  # quoted in JSON, bare in a statements CSV


def names_occupancies(path: Path, encoding: str) -> bool:
    """Whether the file may hold an Occupancy: a scan of its bytes (an encoding that does
    not write ASCII as ASCII is read in the pass itself)."""
    return bool(words_in(path, encoding, [NEEDLE]))


class Posts:
    """The posts of the file's holders, by the holder's FtM id, until each party takes its
    own; ``leave_out`` hears of what a post line cannot hold."""

    def __init__(self, leave_out: Callable[[str], None]) -> None:
        self.leave_out = leave_out
        self.titles: dict[str, str] = {}  # Position id -> 'Member of the State Duma (Russia)'
        # holder id -> [(post id, its tail: ', since 2021, current', the day it began)]
        self.held: dict[str, list[tuple[str, str, str]]] = {}
        self.used: set[str] = set()  # Position ids a post line took
        # what the file gives of each, merged over its fragments (FtM may give an entity
        # over several lines), until :meth:`read` ends
        self._given: dict[tuple[str, str], dict[str, list[str]]] = {}

    def read(self, f: TextIO, path: Path, tell: Callable[[], None] | None = None) -> None:
        """Gather the file's posts (``tell`` is called every 1,000 entities: progress)."""
        for i, (_line, rec) in enumerate(json_entities(path, f, SCHEMATA.__contains__), 1):
            if rec is not None:
                self.take(rec)
            if tell is not None and i % 1000 == 0:
                tell()
        self.finish()

    def take(self, rec: Record) -> None:
        """Note what an Occupancy or Position says (a flat file's fragments of one entity
        add to it; the reader gives a nested file's entity once)."""
        schema, props = rec["schema"], rec["properties"]
        key = (schema, rec["id"] or f"#{len(self._given)}")  # no id: one of its own
        given = self._given.setdefault(key, {})
        if rec.get("caption") and schema == "Position":
            given.setdefault("caption", [rec["caption"]])
        fm.merge_read(given, props, READ[schema])
        fm.count_unread(schema, props, READ[schema], self.leave_out)

    def finish(self) -> None:
        """The titles of the posts and the post lines of each holder, from all the file
        gave."""
        for (schema, rid), given in self._given.items():
            if schema == "Position":
                name = (given.get("caption") or given.get("name") or [""])[0]
                if not name:
                    self.leave_out("Position without a name")
                    continue
                where = given.get("subnationalArea", []) + [
                    country_name(c) or c for c in given.get("country", [])]
                self.titles[rid] = f"{name} ({', '.join(where)})" if where else name
        for (schema, _rid), given in self._given.items():
            if schema != "Occupancy":
                continue
            holders, posts = given.get("holder"), given.get("post")
            if not holders or not posts:
                self.leave_out("Occupancy without its holder or post")
                continue
            dates, _prop = span(given)
            status = [s for s in given.get("status", []) if s.casefold() != "unknown"]
            tail = "".join(f", {x}" for x in (dates, *status) if x)
            began = (days(given.get("startDate") or given.get("date") or []) or ("9999",))[0]
            for holder in holders:
                self.held.setdefault(holder, []).extend((post, tail, began) for post in posts)
        self._given.clear()

    def lines(self, holder: str) -> list[str]:
        """The post lines of a holder (taken: each is given once), the earliest first (the
        undated last, in file order)."""
        out: list[str] = []
        for post, tail, _began in sorted(self.held.pop(holder, ()), key=lambda x: x[2]):
            self.used.add(post)
            title = self.titles.get(post)
            if title is None:
                self.leave_out("Occupancy whose post (Position) is not in the file")
            elif (line := title + tail) not in out:
                out.append(line)
        # a post given again without dates or status says nothing the dated line does not
        return [x for x in out if not any(y.startswith(x + ", ") for y in out)]

    @staticmethod
    def position(posts: list[str], own: str) -> str:
        """The Position value of a party: its post lines (:meth:`lines`), then what its
        own ``position`` property says that no post line does ('Member of the State Duma'
        is said by 'Member of the State Duma (Russia), since 2021')."""
        if not posts:
            return own
        said = [p.casefold() for p in posts]
        rest = [x for x in own.splitlines() if x.strip() and not any(
            p.startswith(x.strip().casefold()) for p in said)]
        return "\n".join(posts + rest)

    @staticmethod
    def into(props: dict[str, Any], posts: list[str]) -> dict[str, Any]:
        """FtM ``props`` with the post lines in its ``position`` (as :meth:`position` puts
        them before what the entity's own ``position`` says): a watchlist entry's."""
        own = props.get("position") or []
        own = "\n".join(str(v) for v in (own if isinstance(own, list) else [own]))
        return {**props, "position": Posts.position(posts, own).splitlines()}

    def not_taken(self, existing: Callable[[str], str | None]) -> None:
        """Count the posts no party took: of a holder not in the file, or of a party the
        file gives but that neither a new party nor an addition to one the case held took
        (another entity of the file was that party first; ``existing`` gives its Position
        field, None for a holder the file did not give): a post the field does not already
        say is left out."""
        for holder in list(self.held):
            had = existing(holder)
            if had is None:
                for post, _tail, _began in self.held.pop(holder):
                    self.used.add(post)
                    self.leave_out("Occupancy whose holder is not a party in the file")
                continue
            there = set(had.splitlines())
            for line in self.lines(holder):
                if line not in there:
                    self.leave_out("Occupancy of a party already in the case: not added "
                                   "to it")
        for _post in self.titles.keys() - self.used:
            self.leave_out("Position that no Occupancy in the file names")
