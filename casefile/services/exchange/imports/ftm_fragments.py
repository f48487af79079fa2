"""A flat FtM file's entity given over several lines (fragments), joined as ``ftm aggregate``
joins them.

``ftm map`` writes one fragment of a company for each spreadsheet row that names it, and may
write one that gives only its registration number before the one that names it. The first
pass makes (or finds) the party from its first line that has a name, and notes its other
lines (line and id only: memory stays flat); a line with no name at all is held until a later
line names the party, or until the pass ends (then the party is made from it and its caption,
a number where that is all it has, as FtM captions it). Once the pass is done the noted lines
are read again and what they say is added to the party through the rules of
:mod:`.party_additions`: to a party the case held, as any addition; to one the import made,
counted apart (:attr:`FtmReport.merged`). A later line of the id as a schema of another kind
(a Company, then a Person) is not joined, and what it says is counted as left out.

The other records (sanctions, relationships, shipments, events) are made whole, not added to:
the first pass notes the ids it sees more than once (without reading their lines), and the
second holds such a record's lines until its last one and reads them as one record, cited to
every line (:class:`LinkFragments`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from casefile.services.exchange.imports import ftm_map as fm
from casefile.services.exchange.imports.ftm_read import Record, json_entities
from casefile.services.exchange.imports.ftm_report import FtmReport
from casefile.services.exchange.imports.ftm_statements import common_schema
from casefile.services.exchange.imports.known import KnownParties
from casefile.services.exchange.imports.party_additions import PartyAdditions
from casefile.services.exchange.imports.party_writer import PartyWriter

_SCHEMA_NAMES = {s: s for s in fm.mapping().parties}


class FragmentJoin:
    """The fragments of one import run (its other state is set up by the run, ftm._Import)."""

    path: Path
    encoding: str
    report: FtmReport
    w: PartyWriter
    conn: Any
    known: KnownParties
    more: PartyAdditions  # adds to the parties the case held
    merged: PartyAdditions  # adds to the parties this import made
    parties: dict[str, int]  # FtM id -> entity id

    def _start_fragments(self, flat: bool) -> None:
        self.flat = flat  # a file of FtM entities (not targets.simple.csv's rows)
        # (line, FtM id) of the later lines of a party read before, joined to it once the
        # first pass is done
        self.fragments: set[tuple[int, str]] = set()
        self.schemata: dict[str, str] = {}  # FtM id -> the schema its first line gave
        # FtM id -> its lines so far, none of which has a name (a few, in a file as ftm map
        # writes them)
        self.nameless: dict[str, list[tuple[int, Record]]] = {}

    def party(self, line: int, rec: Record, detect: bool = False) -> int | None:
        raise NotImplementedError  # the run's

    def where(self, line: int) -> Callable[[str], str]:
        raise NotImplementedError  # the run's

    def add_to(self, eid: int, line: int, rec: Record, name: str,
               idents: list[tuple[str, str, str]],
               more: PartyAdditions | None = None) -> list[str]:
        raise NotImplementedError  # the run's

    def later_line(self, line: int, rec: Record) -> int:
        """A line of a party read before: noted to be joined to it (or, of another kind or
        in targets.simple.csv, counted as left out); the party's id."""
        schema, props = rec["schema"], rec["properties"]
        first = self.schemata.get(rec["id"]) or schema
        if not rec.get("nested"):  # (nested again where it is referred to: nothing new)
            if self.flat and common_schema([first, schema]) is not None:
                self.fragments.add((line, rec["id"]))
            else:
                why = (f"a later line of the {first} {rec['id']} as a {schema}" if self.flat
                       else "in a later row of an entity read before")
                for prop in props:
                    if fm.strings(props, prop):
                        self.report.leave_out(f"{schema} {prop}: {why}; not joined to it")
        return self.parties[rec["id"]]

    def held_back(self, line: int, rec: Record) -> bool:
        """Whether a party's line is held until a later line names the party (it has no
        name of any kind)."""
        props = rec["properties"]
        if props.get("name") or not self.flat or rec.get("nested") or "_unnamed" in rec \
                or any(props.get(p) for p in fm.mapping().name_props):
            return False
        self.nameless.setdefault(rec["id"], []).append((line, rec))
        return True

    def made(self, rec: Record, eid: int) -> None:
        """Party ``eid`` was made (or found) from ``rec``: its lines held back are noted."""
        self.parties[rec["id"]] = eid
        self.schemata[rec["id"]] = _SCHEMA_NAMES.get(rec["schema"]) or rec["schema"]
        for earlier, was in self.nameless.pop(rec["id"], ()):
            self.party(earlier, was)

    def join_fragments(self) -> None:
        """After the first pass: make the parties no line names, then join every party's
        later lines to it."""
        self._unnamed()
        if self.fragments:
            self._join()

    def _unnamed(self) -> None:
        """The parties no line of the file gives a name: each made from its first line and
        its caption, the other lines joined to it; a problem where even that is missing."""
        held, self.nameless = self.nameless, {}
        for lines in held.values():  # in the order of their first lines
            (first, rec), more = lines[0], [str(n) for n, _r in lines[1:]]
            if not fm.caption(rec["schema"], rec["properties"], rec.get("caption")):
                again = (f"lines {', '.join(more)}, which give" if len(more) > 1 else
                         f"line {''.join(more)}, which gives")
                self.report.problem(
                    f"{self.where(first)('name')}: a {rec['schema']} without a name"
                    + (f" (nor in {again} its id again)" if more else ""))
                continue
            rec["_unnamed"] = True
            for line, one in lines:
                self.party(line, one)

    def _join(self) -> None:
        self.w.flush()  # the parties to add to are rows to read
        made = {self.parties[i] for _line, i in self.fragments}
        self.known.load(self.conn, {e for e in made if not self.more.existed(e)})
        wanted = set(fm.mapping().parties)
        with self.path.open(encoding=self.encoding, newline="") as f:
            for line, rec in json_entities(self.path, f, wanted.__contains__):
                if rec is None or (line, rec["id"]) not in self.fragments:
                    continue
                eid, props = self.parties[rec["id"]], rec["properties"]
                named = any(fm.strings(props, p) for p in fm.mapping().name_props)
                name = named and fm.caption(rec["schema"], props, rec.get("caption"))
                self.add_to(eid, line, rec, name or self.known.names[eid],  # not a number
                            fm.identifiers(props),
                            self.more if self.more.existed(eid) else self.merged)
        self.report.fragments = len(self.fragments)


class LinkFragments:
    """The sanctions, relationships, shipments and events a file gives over several lines,
    read as one record each."""

    def __init__(self) -> None:
        self._seen: set[int] = set()  # the ids seen so far, by hash (memory stays small)
        self.repeats: dict[str, int] = {}  # an id seen again -> its lines still to come
        self._held: dict[str, tuple[int, Record, list[int]]] = {}  # id -> first line, lines
        self.joined = 0  # later lines read with their first

    def see(self, ftm_id: str) -> None:
        """The first pass met a line of ``ftm_id`` (without reading it)."""
        if not ftm_id:
            return
        key = hash(ftm_id)
        if key in self._seen:  # (two ids of one hash: held until the pass ends, no harm)
            self.repeats[ftm_id] = self.repeats.get(ftm_id, 1) + 1
        else:
            self._seen.add(key)

    def take(self, line: int, rec: Record, handle: Callable[[int, Record], None]) -> None:
        """Hand a record on, or hold it until the last line of its id (then hand on what the
        lines say together, at its first line)."""
        left = self.repeats.get(rec["id"])
        if left is None:
            handle(line, rec)
            return
        held = self._held.get(rec["id"])
        if held is None:
            self._held[rec["id"]] = (line, rec, [line])
        elif common_schema([held[1]["schema"], rec["schema"]]) is None:
            handle(line, rec)  # the id again, as another kind of record: not joined
        else:
            _join(held[1], rec)
            held[2].append(line)
            self.joined += 1
        if left > 1:
            self.repeats[rec["id"]] = left - 1
        else:
            del self.repeats[rec["id"]]
            self._release(rec["id"], handle)

    def finish(self, handle: Callable[[int, Record], None]) -> None:
        """Hand on what is still held (an id met again in the first pass by hash only)."""
        for ftm_id in list(self._held):
            self._release(ftm_id, handle)

    def _release(self, ftm_id: str, handle: Callable[[int, Record], None]) -> None:
        line, rec, lines = self._held.pop(ftm_id)
        if len(lines) > 1:
            rec["_locator"] = "lines " + ", ".join(map(str, lines))
        handle(line, rec)


def _join(into: Record, rec: Record) -> None:
    """Add a later line's values to a record's (each value once, in the order given)."""
    props = into["properties"]
    for prop, values in rec["properties"].items():
        have = props.setdefault(prop, [])
        have += [v for v in values if v not in have]
    for key, lang in rec.get("langs", {}).items():
        into.setdefault("langs", {}).setdefault(key, lang)
    into["schema"] = common_schema([into["schema"], rec["schema"]]) or into["schema"]
    if not into.get("caption"):
        into["caption"] = rec.get("caption")


__all__ = ["FragmentJoin", "LinkFragments"]
