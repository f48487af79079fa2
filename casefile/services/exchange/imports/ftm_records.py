"""What each FollowTheMoney record of an import becomes: sources, sanctions, relationships,
shipments (EconomicActivity), events and the Documentation links that cite them; and what the
importer's passes share (the case's own ids, where a value stands in the file, the entities
read already, the properties left out). The passes and the parties are
:mod:`casefile.services.exchange.imports.ftm`'s."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from casefile.services.case.validation import max_chars
from casefile.services.exchange.imports import ftm_facts as ff
from casefile.services.exchange.imports import ftm_map as fm
from casefile.services.exchange.imports import ftm_shipment_values as fsv
from casefile.services.exchange.imports.ftm_known import CaseFacts, own_ids
from casefile.services.exchange.imports.ftm_read import Record
from casefile.services.exchange.imports.ftm_report import FtmReport
from casefile.services.exchange.imports.ftm_updates import FactUpdates
from casefile.services.exchange.imports.party_writer import PartyWriter


def _unknown_nesting(rec: Record) -> str:
    """Why a nested record may lack the entity it belongs to: it was nested under a property
    Casefile's FollowTheMoney model does not know, so the reference the nesting left out
    could not be put back."""
    if "_under" not in rec:
        return ""
    return (f" (it is nested under {rec['_under']}, a property this version of Casefile "
            "does not know — perhaps from a newer FollowTheMoney model — so which entity it "
            "names cannot be told)")


# the ends of links FollowTheMoney's schema gives to people only (Person, not LegalEntity)
PEOPLE_ONLY = {"Family": ("person", "relative"), "Associate": ("person", "associate"),
               "Employment": ("employee",)}


class FtmRecords:
    """The records of one import run (its state is set up by the run, ftm._Import)."""

    path: Path
    report: FtmReport
    w: PartyWriter
    facts: CaseFacts
    updates: FactUpdates
    conn: Any
    today: date
    parties: dict[str, int]  # FtM id -> entity id
    sources: dict[str, int]  # FtM id -> source id
    events: dict[str, int]  # FtM id -> event id
    spans: dict[int, str]  # first line -> 'lines 3, 9' while its joined lines are read
    schemata: dict[str, str]  # FtM id -> the schema of the party it made
    _own: dict[str, dict[str, int]] | None

    def own(self, kind: str, ftm_id: str) -> int | None:
        """The record of this case that the case's own FtM export names ``ftm_id`` (its
        ids are made from the case's creation time, the kind and the row id): the exact
        record, even where two parties share a name. Worked out once, when the file first
        names an id of that form (40 hex digits)."""
        if len(ftm_id) != 40:
            return None
        if self._own is None:
            self._own = own_ids(self.conn)
        return self._own.get(kind, {}).get(ftm_id)

    def at(self, line: int) -> str:
        """'line 3', or 'lines 3, 9' for an entity the file gives over several lines."""
        return self.spans.get(line) or f"line {line}"

    def where(self, line: int) -> Callable[[str], str]:
        at = self.at(line)
        return lambda prop: f"{self.path.name}, {at}, field {prop!r}"

    def _left_out(self, schema: str, props: fm.Props, read: frozenset[str]) -> None:
        fm.count_unread(schema, props, read, self.report.leave_out)

    def source(self, line: int, rec: Record) -> None:
        values = ff.source_values(rec["schema"], rec["properties"])
        # as stored: a title longer than the field holds is cut there (and said)
        key = (values["title"][:max_chars("source", "title") or None].casefold(),
               values["url"])
        sid = self.own("source", rec["id"]) or self.facts.sources.get(key)
        if sid is not None:
            self.report.already["sources"] = self.report.already.get("sources", 0) + 1
        else:
            sid = self.w.record(self.where(line), "source", values,
                                {"title": "title", "date": "publishedAt",
                                 "url": "sourceUrl"})
            if sid is None:
                return
            self.facts.sources[key] = sid
            self.report.sources += 1
        self.sources[rec["id"]] = sid

    def second(self, line: int, rec: Record) -> None:
        rec["properties"] = fm.Seen(rec["properties"])  # what it leaves out is counted
        schema = rec["schema"]
        if schema == "Sanction":
            self.sanction(line, rec["properties"], rec)
        elif schema == "EconomicActivity":
            self.shipment(line, rec)
        elif schema == "Event":
            self.event(line, rec)
        else:
            self.relationship(line, rec)

    def third(self, line: int, rec: Record) -> None:
        props = rec["properties"] = fm.Seen(rec["properties"])
        doc = next((self.sources[d] for d in fm.strings(props, "document")
                    if d in self.sources), None)
        ent = next(((k, ids[e]) for e in fm.strings(props, "entity")
                    for k, ids in (("entity", self.parties), ("event", self.events))
                    if e in ids), None)
        if doc is None or ent is None:
            self.report.leave_out("Documentation: its document or entity is not in the file")
            return
        excerpt, locator, credibility = ff.citation_values(props)
        self._left_out("Documentation", props, frozenset(props.read))
        if any(not ff.is_credibility_role(r) for r in fm.strings(props, "role")):
            self.report.leave_out("Documentation role: Casefile keeps a citation's "
                                  "credibility, not its role")
        self._cite(line, ent[0], ent[1], doc, excerpt, locator, credibility)

    def sanction(self, line: int, props: fm.Props, rec: Record,
                 target: int | None = None) -> None:
        where = self.where(line)
        target = target or next((self.parties[e] for e in fm.strings(props, "entity")
                                 if e in self.parties), None)
        if target is None:
            self.report.problem(f"{where('entity')}: the sanctioned entity is not in the "
                                f"file{_unknown_nesting(rec)}")
            return
        values, fields = ff.sanction_values(  # (the list it comes from: review27, 28)
            props, self.today, self.report.warn,
            rec["_list"] if "_list" in rec else rec.get("_note") or "")
        rid = self._fact(line, "sanction", {**values, "entity_id": target}, fields, rec)
        if rid is not None:
            self.report.sanctions += rid[1]

    def relationship(self, line: int, rec: Record) -> None:
        link = fm.mapping().links[rec["schema"]]
        props = rec["properties"]
        ends = [next((self.parties[e] for e in fm.strings(props, link[end])
                      if e in self.parties), None) for end in ("subject", "object")]
        if ends[0] is None or ends[1] is None:
            self.report.leave_out(f"{rec['schema']}: a party it links is not in the "
                                  f"file{_unknown_nesting(rec)}")
            return
        self._people_only(rec)
        _kind, values = ff.relationship_values(rec["schema"], props)
        values.update(subject_id=ends[0], object_id=ends[1])
        made = self._fact(line, "relationship", values, {"date": "startDate"}, rec)
        if made is not None:
            self.report.relationships += made[1]

    def _people_only(self, rec: Record) -> None:
        """Say where a link FollowTheMoney gives only to people (a Family's relatives, an
        Employment's employee) names a company or another body: kept as the file gives
        it, for a person to look at (look27: 'AEROSCAN 0 family of ZALA AERO 2863')."""
        for prop in PEOPLE_ONLY.get(rec["schema"], ()):
            for ref in fm.strings(rec["properties"], prop):
                other = self.schemata.get(ref)
                if other is not None and fm.mapping().parties.get(other) != "person":
                    self.report.warn(f"{rec['schema']} {prop}: a {other} where "
                                     "FollowTheMoney has only people; the link is kept as "
                                     "the file gives it")

    def shipment(self, line: int, rec: Record) -> None:
        props = rec["properties"]
        values, route = fsv.shipment_values(props)
        for prop in ("vedCode", "originCountry", "destinationCountry", "ccdNumber"):
            if len(fm.strings(props, prop)) > 1:  # the record holds one
                self.report.leave_out(f"EconomicActivity {prop}: only the first value kept")
        for role, prop in (("shipper_id", "sender"), ("consignee_id", "receiver")):
            refs = fm.strings(props, prop)
            values[role] = next((self.parties[e] for e in refs if e in self.parties), None)
            if refs and values[role] is None:
                self.report.leave_out(f"EconomicActivity {prop}: not in the file")
        stops = fsv.route_stops(route)
        made = self._fact(line, "shipment", values,
                          {"declared_goods": "goodsDescription", "hs_code": "vedCode",
                           "origin_country": "originCountry", "reference": "ccdNumber",
                           "destination_country": "destinationCountry"}, rec,
                          {"route_stop": stops})
        if made is not None:
            self.report.shipments += made[1]

    def event(self, line: int, rec: Record) -> None:
        props = rec["properties"]
        involved = [{"entity_id": self.parties[e], "role": ""}
                    for e in fm.strings(props, "involved") if e in self.parties]
        made = self._fact(line, "event", ff.event_values(props), {"title": "name"}, rec,
                          {"event_party": involved})
        if made is not None:
            self.events[rec["id"]] = made[0]
            self.report.events += made[1]

    def _fact(self, line: int, kind: str, values: dict[str, Any], fields: dict[str, str],
              rec: Record, children: dict[str, list[dict[str, Any]]] | None = None
              ) -> tuple[int, int] | None:
        """(id, 1 if new else 0) of a fact: the same one already in the case, or a new one
        citing the file; its proof sources cited either way."""
        where = self.where(line)
        row = self.w.check(kind, values, where, fields)
        if row is None:
            return None
        rid = self.facts.take(kind, row, self.own(kind, rec["id"]))
        new = rid is None
        if rid is None:
            rid = self.w.record(where, kind, values, fields, children, row=row)
            if rid is None:
                return None
            self.w.cite(where, kind, rid, self.at(line), f"{rec['schema']} {rec['id']}")
        else:
            self.report.already[f"{kind}s"] = self.report.already.get(f"{kind}s", 0) + 1
            if self.updates.fact(kind, rid, row):  # what the file says anew of it
                self.w.cite(where, kind, rid, self.at(line), f"{rec['schema']} {rec['id']}")
        props = rec["properties"]
        for doc in fm.strings(props, "proof"):
            if doc in self.sources:
                self._cite(line, kind, rid, self.sources[doc], "", "", 6)
        if isinstance(props, fm.Seen):  # a row of targets.simple.csv has no more to say
            self._left_out(rec["schema"], props, frozenset(props.read))
        return rid, int(new)

    def _cite(self, line: int, kind: str, fact: int, source_id: int, excerpt: str,
              locator: str, credibility: int) -> None:
        if self.facts.cited(source_id, kind, fact):
            self.report.already["citations"] = self.report.already.get("citations", 0) + 1
            return
        self.w.cite(self.where(line), kind, fact, locator, excerpt, source_id, credibility)
        self.report.citations += 1
