"""The parties of an FtM import: each entity of a party schema found among the case's parties
(the case's own export's id, a match the user confirmed, the id an earlier import of the list
gave it, its name, an identifier under the same name) and given what the file adds
(:mod:`.party_additions`), or made anew with its names, identifiers and details and cited to
the lines it came from; a party another entity of the file already is, or whose birth date or
unique identifier says otherwise, is asked about, never taken (:class:`FtmParties`, the
base of the run in :mod:`.ftm`)."""

from __future__ import annotations

import sys
from typing import Any, NamedTuple

from casefile.core.identifiers import labelled
from casefile.core.identifiers import problem as identifier_problem
from casefile.core.labels import counted
from casefile.core.names import normalise_name
from casefile.services.exchange.imports import ftm_map as fm
from casefile.services.exchange.imports.ftm_attached import Attached
from casefile.services.exchange.imports.ftm_date_values import days
from casefile.services.exchange.imports.ftm_known import lists_of
from casefile.services.exchange.imports.ftm_party_details import party_details
from casefile.services.exchange.imports.ftm_positions import Posts
from casefile.services.exchange.imports.ftm_read import Record
from casefile.services.exchange.imports.ftm_records import FtmRecords
from casefile.services.exchange.imports.known import KnownParties
from casefile.services.exchange.imports.party_additions import PartyAdditions
from casefile.services.exchange.imports.report import PREVIEW_ROWS


class _PartyValues(NamedTuple):
    """What a file says of a party: its name, kind, first country and description (``base``,
    as the party writer takes them), further entity values, entity column -> the file's
    field, its other names (property, name, kind, language), and the post lines it held
    (Occupancy and Position, already in its Position value)."""
    base: dict[str, Any]
    details: dict[str, Any]
    fields: dict[str, str]
    aliases: list[tuple[str, str, str, str]]
    held: list[str]


class FtmParties(FtmRecords):
    """The parties of one import run (its state is set up by the run, ftm._Import)."""

    known: KnownParties
    more: PartyAdditions  # adds what the file says to the parties the case held
    imported: dict[str, tuple[int, str]]  # FtM id -> (party, schema) an earlier import made
    claimed: dict[int, str]  # party of the case -> the file's entity found to be it
    lists: set[str]  # the OpenSanctions datasets the file's parties come from
    accept: dict[str, int]  # normalised name -> the party the user confirmed
    apart: set[str]  # normalised names the user keeps apart from the case's parties
    posts: Posts
    attached: Attached
    schemata: dict[str, str]  # FtM id -> the schema of the party it made
    flat: bool  # a file of FtM entities (not targets.simple.csv's rows)

    def party(self, line: int, rec: Record, detect: bool = False) -> int | None:
        schema, props, report = rec["schema"], rec["properties"], self.report
        where = self.where(line)
        if rec["id"] and rec["id"] in self.parties:  # the same entity again, not joined
            return self._later_line(rec)
        self.attached.enrich(rec)  # (its Address and Passport entities: ftm_attached)
        name = fm.caption(schema, props, rec.get("caption"))
        if not name:
            report.problem(f"{where('name')}: a {schema} without a name")
            return None
        key = normalise_name(name)
        idents = fm.identifiers(props, detect)
        pairs = [(s, v) for _p, s, v in idents]
        by_id = self.known.by_identifier(pairs)
        eid, doubt = self._resolve(rec, name, key, pairs, by_id)
        added: list[str] = []
        if eid is not None:
            report.reuse(name, eid)
            self.claimed.setdefault(eid, rec["id"])
            if self.more.existed(eid):
                added = self._add_to(eid, line, rec, name, idents)
        else:
            eid = self._new_party(line, rec, name, key, idents, by_id, doubt)
            if eid is None:
                return None
        self.parties[rec["id"]] = eid
        self.lists.update(rec.get("_datasets") or lists_of(rec.get("_note") or ""))
        self.schemata[rec["id"]] = sys.intern(schema)  # one string of each schema
        if len(report.preview) < PREVIEW_ROWS:
            asked = " or ".join(f"#{e} {self.known.names.get(e, '')}" for n, e, *_r
                                in report.proposals if n == name) or None
            what = ("new" if asked is None else f"new, unless it is {asked}: see the "
                    "matches to tick") if eid not in self.known.names else \
                f"= existing #{eid} {self.known.names[eid]}" + \
                (f"; adds {', '.join(added)}" if added else "")
            extra = [counted(len(idents), "identifier")] if idents and not added else []
            report.preview.append(" · ".join([f"{self.at(line)}: {schema} {name} ({what})"]
                                             + extra))
        return eid

    def position_of(self, ftm_id: str) -> str | None:
        """The Position field of the case's party the file's ``ftm_id`` became (None when
        the file gave no such party)."""
        eid = self.parties.get(ftm_id)
        if eid is None:
            return None
        return self.w.conn.exec_driver_sql("SELECT position FROM entity WHERE id = ?",
                                           (eid,)).scalar() or ""

    def _later_line(self, rec: Record) -> int:
        """A line of a party read before, not joined to it (nested again where it is
        referred to: nothing new; a row of targets.simple.csv, or the id as another kind of
        entity: what it says is counted as left out); the party's id."""
        schema, props = rec["schema"], rec["properties"]
        if not rec.get("nested"):
            first = self.schemata.get(rec["id"]) or schema
            why = (f"a later line of the {first} {rec['id']} as a {schema}" if self.flat
                   else "in a later row of an entity read before")
            for prop in props:
                if fm.strings(props, prop):
                    self.report.leave_out(f"{schema} {prop}: {why}; not joined to it")
        return self.parties[rec["id"]]

    def _resolve(self, rec: Record, name: str, key: str, pairs: list[tuple[str, str]],
                 by_id: int | None) -> tuple[int | None, tuple[int, str] | None]:
        """The party of the case a file's party is (None: a new one), and, when a party of
        the case may be it but something says otherwise, that party and why. The case's own
        export's id, a match the user confirmed, the id an earlier import of the list gave
        it (of a party of its kind that has one of its names), then its name, then an
        identifier under the same name. A party another entity of this file already is,
        or whose birth date or identifier of a scheme that names one party says otherwise,
        is asked about, never taken."""
        props = rec["properties"]
        eid = self.own("entity", rec["id"]) or self.accept.get(key)
        if eid is not None:
            return eid, None
        for same, shared in ((self._imported(rec, key), None),
                             self.known.existing_party(key, name)):
            if same is None:
                continue
            doubt = shared or self.known.conflict(same, days(fm.strings(props, "birthDate")),
                                                  pairs)
            person = fm.mapping().parties.get(rec["schema"]) == "person"
            if doubt is None and person != (same in self.known.people) and \
                    same not in self.known.stand_ins:  # (a stand-in's kind is not known)
                doubt = f"{'not ' if person else ''}a person, the file's {rec['schema']}"
            if doubt is None and self.claimed.get(same, rec["id"]) != rec["id"]:
                doubt = f"the file's {self.claimed[same]} is that party already"
            return (same, None) if doubt is None else (None, (same, doubt))
        if by_id is not None and self.known.named(by_id, key) and \
                self.claimed.get(by_id, rec["id"]) == rec["id"]:
            return by_id, None
        return None, None

    def _imported(self, rec: Record, key: str) -> int | None:
        """The party an earlier import made of this FtM id, when it is of the same kind and
        has the file's caption or one of its names among its own (ids are unique in a list,
        not across every file: a hand-made file's "1" is not another file's "1")."""
        found = self.imported.get(rec["id"])
        if found is None:
            return None
        eid, schema = found
        kinds = fm.mapping().parties
        if kinds.get(schema) != kinds.get(rec["schema"]) or eid not in self.known.names:
            return None
        names = ("name", *fm.mapping().alias_kinds)
        if self.known.named(eid, key) or any(
                self.known.named(eid, normalise_name(n)) for prop in names
                for n in fm.strings(rec["properties"], prop)):
            return eid
        return None

    def _new_party(self, line: int, rec: Record, name: str, key: str,
                   idents: list[tuple[str, str, str]], by_id: int | None,
                   doubt: tuple[int, str] | None = None) -> int | None:
        report, where = self.report, self.where(line)
        shared = self.known.shared_proposals(key) if doubt is not None else []
        if shared and doubt is not None and doubt[0] in dict(shared) and key not in self.apart:
            report.proposals += [(name, e, said, 100.0) for e, said in shared]  # any of them
        elif doubt is not None and key not in self.apart:  # same name, other facts: asked
            other, reason = doubt
            report.proposals.append((name, other, f"{self.known.names[other]}, same name "
                                                  f"but {reason}", 100.0))
        elif by_id is not None and key not in self.apart and by_id in self.known.names:
            same = next(labelled(s, v) for _p, s, v in idents
                        if self.known.by_identifier([(s, v)]) == by_id)
            report.proposals.append((name, by_id, f"{self.known.names[by_id]}, same {same}",
                                     100.0))
        elif key not in self.apart and (near := self.known.near(key)):
            report.proposals.append((name, *near))
        for p, s, v in idents:
            if why := identifier_problem(s, v):
                report.warn(f"{where(p)}: {why}; kept, not used to match parties")
        pv = self._party_values(rec, name)
        report.posts += len(pv.held)
        report.post_holders += bool(pv.held)
        eid = self.w.party(where, **pv.base, aliases=pv.aliases, identifiers=idents,
                           issued=rec.get("_id_countries"),
                           details=pv.details, field=pv.fields)
        if eid is None:
            return None
        self._unread(rec, [name, *(a[1] for a in pv.aliases)])
        self._cite_party(line, rec, eid)
        report.new_entities.append(name)
        return eid

    def _party_values(self, rec: Record, name: str) -> _PartyValues:
        """What the file says of a party named ``name``, as a new party or an addition
        takes it (:class:`_PartyValues`)."""
        props = rec["properties"]
        country, details, fields = party_details(rec["schema"], props,
                                                    self.report.leave_out, self._unsure)
        held = self.posts.lines(rec["id"]) if rec["id"] in self.posts.held else []
        if held:
            details["position"] = self.posts.position(held, details.get("position", ""))
        base = {"kind": fm.mapping().parties[rec["schema"]], "name": name, "country": country,
                "description": fm.joined(props, "description", "notes")}
        return _PartyValues(base, details, {"name": "name", "description": "notes", **fields},
                            fm.aliases(props, name, rec["langs"]), held)

    def _unsure(self) -> None:
        self.report.warn(f"{self.path.name}: a party given several countries and no main one "
                         "(mainCountry) — nor one nationality or jurisdiction among them — has "
                         "the first as its Country, the others as other countries: the file "
                         "lists them by code, not by weight")

    def _unread(self, rec: Record, names: list[str]) -> None:
        """Count what of a party's record the importer did not read (``names``: its names
        kept, whose parts need no counting)."""
        self._left_out(rec["schema"], rec["properties"], fm.PARTY_PROPS)
        fm.name_parts_left_out(rec["schema"], rec["properties"], names, self.report.leave_out)

    def _cite_party(self, line: int, rec: Record, eid: int) -> None:
        props = rec["properties"]
        # (look25) the programmes a list says the party is under, which its own Sanction
        # records may not name (a targets.simple.csv row makes sanctions of them)
        ids = fm.strings(props, "programId") if self.flat else []
        note = "; ".join(x for x in (rec.get("_note"), " ".join(fm.strings(
            props, "sourceUrl")), "programme ids " + ", ".join(ids) if ids else "") if x)
        self.w.cite(self.where(line), "entity", eid, self.at(line),
                    " · ".join(x for x in (f"{rec['schema']} {rec['id']}".strip(), note)
                               if x))

    def _add_to(self, eid: int, line: int, rec: Record, name: str,
                idents: list[tuple[str, str, str]]) -> list[str]:
        """Add what the file's party says to party ``eid``, which the case held before the
        import (:mod:`.party_additions`), citing the file for it; what was added."""
        schema, report, where = rec["schema"], self.report, self.where(line)
        v = self._party_values(rec, name)
        row = self.w.check("entity", {**v.base, **v.details}, where, v.fields)
        added = self.more.add(eid, where, schema, names=[("name", name), *v.aliases],
                              identifiers=idents, details=row)
        self._unread(rec, [name, *(a[1] for a in v.aliases)])
        if added:
            self._cite_party(line, rec, eid)
        if v.held and "positions" in added:
            report.posts += len(v.held)
            report.post_holders += 1
        return added
