"""Export a case as FollowTheMoney entities (JSON lines), for Aleph and OpenSanctions.

Parties become Company / Person / Organization / PublicBody / Vessel / Airplane /
LegalEntity with their aliases (under the property of their kind), every country,
nationality, dates, addresses, positions, topics and identifiers (each under the FtM property
of its scheme); relationships Ownership, Directorship, Family, Associate, Employment,
Membership, Representation, Succession or UnknownLink (as the kind and the two parties allow);
sanctions Sanction with their programme id, start, end and status; events Event; shipments
EconomicActivity (the declaration number as ccdNumber where it is one; what FtM lacks —
weight, quantity, route, assessed goods, number of shipments — is written into ``summary``);
sources Article or Document; citations of parties and events Documentation links, citations
of intervals (relationships, sanctions, shipments) the interval's ``proof``. Dates go at the
precision FtM can carry (:mod:`.ftm_dates`); the text as given is kept in the summary where
FtM cannot say it."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from casefile.core.countries import country_name
from casefile.errors import CasefileError
from casefile.paths import is_frozen
from casefile.services.exchange.export_ftm_parts import (
    SCHEMA,
    add_party_details,
    alias_prop,
    full_number,
    identifier_prop,
    link_for,
    sanction_terms,
    sent_from,
    shipment_reference,
    shipment_summary,
)
from casefile.services.exchange.ftm_dates import ftm_dates, within
from casefile.services.exchange.imports.ftm_known import imported_ids
from casefile.services.exchange.imports.ftm_map import mapping
from casefile.services.exchange.imports.ftm_shipment_values import CUSTOMS_VALUE
from casefile.services.exchange.link_details import details_said
from casefile.store.copies import refuse_output
from casefile.store.schema import CITATION_COLUMNS

if TYPE_CHECKING:
    from casefile.services.case.facade import Case

__all__ = ["SCHEMA", "export_ftm", "ftm_dates", "iter_entities"]


# What a user can do without the FtM libraries: a built app cannot take a pip install.
NO_FTM_FROZEN = ("FollowTheMoney export needs the FollowTheMoney libraries, which this build "
                 "of Casefile leaves out to keep it small. Nothing was written. Export the "
                 "tables as CSV instead (File → Export Tables as CSV…, or casefile "
                 "export-csv), or export from Casefile installed with Python (pip install "
                 "'casefile[ftm]'), which opens the same case file.")
NO_FTM_PYTHON = ("FollowTheMoney export needs the 'followthemoney' package, which is not "
                 "installed. Nothing was written. Install it with: pip install "
                 "'casefile[ftm]' (or export the tables as CSV).")


def _model() -> Any:
    try:
        from followthemoney import model
    except ImportError as exc:
        raise CasefileError(NO_FTM_FROZEN if is_frozen() else NO_FTM_PYTHON) from exc
    return model


def _dates(proxy: Any, row: dict[str, Any], single: str = "date") -> None:
    """The case's date as FtM can carry it: ``single`` when it is one day, month or year
    (or a date-time), else ``startDate`` / ``endDate`` at the precision both bounds share
    ('201X' -> 2010 … 2019, '156X-12-25' -> 1560-12-25 … 1569-12-25, 'late 2022' ->
    2022-09 … 2022-12). Qualifiers ('~', '?') FtM cannot carry; the text as given is kept
    in the summary of shipments."""
    exact, start, end = ftm_dates(row)
    if exact:
        proxy.add(single, exact)
        return
    if start:
        proxy.add("startDate", start)
    if end:
        proxy.add("endDate", end)


def _grouped(rows: Iterable[Any], key: str) -> Iterator[tuple[int, list[Any]]]:
    """Consecutive rows with the same ``key`` (rows sorted by it), as (key, rows)."""
    for k, group in groupby(rows, key=lambda r: r[key]):
        yield k, list(group)


class _Merge:
    """Children sorted by parent id, taken as the parents (sorted by id) go by: a streaming
    join that never holds more than one parent's children."""

    def __init__(self, rows: Iterable[Any], key: str) -> None:
        self.groups = _grouped(rows, key)
        self.head = next(self.groups, None)

    def take(self, parent_id: int) -> list[Any]:
        while self.head is not None and self.head[0] < parent_id:
            self.head = next(self.groups, None)
        if self.head is not None and self.head[0] == parent_id:
            found, self.head = self.head[1], next(self.groups, None)
            return found
        return []


def iter_entities(case: Case) -> Iterator[Any]:
    """The case as FtM entities, made and handed out one by one (a big case is never held
    whole: only its parties are, to collect their aliases and identifiers)."""
    model = _model()
    from followthemoney import registry
    from followthemoney.util import make_entity_id

    with case.read() as conn:
        info = dict(conn.exec_driver_sql("SELECT * FROM case_info").mappings().one())
        ns = f"casefile-{info['created_at']}"

        # (look25) a party an FtM import made keeps the id its file gave it (OpenSanctions'
        # NK-…), so the export merges with that list's data by id; the rest are made
        given: dict[int, str] = {}
        valid = registry.entity.clean  # (review26) 'ivan_petrov' is no FtM id: references
        for ftm_id, (eid, _schema) in imported_ids(conn, set(mapping().parties)).items():
            if valid(ftm_id) == ftm_id:  # to it were dropped; such a party's id is made
                given.setdefault(eid, ftm_id)

        def fid(kind: str, rid: int) -> str:
            if kind == "entity" and rid in given:
                return given[rid]
            return cast(str, make_entity_id(ns, kind, rid))  # None only without parts

        def rows(sql: str) -> Iterator[dict[str, Any]]:
            for r in conn.exec_driver_sql(sql).mappings():
                yield dict(r)

        def make(schema: str, kind: str, rid: int) -> Any:
            proxy = model.make_entity(schema)
            proxy.id = fid(kind, rid)
            return proxy

        proof: dict[tuple[str, int], set[str]] = {}  # intervals other than shipments
        for c in rows("SELECT source_id, relationship_id, sanction_id FROM citation WHERE "
                      "relationship_id IS NOT NULL OR sanction_id IS NOT NULL"):
            kind = "relationship" if c["relationship_id"] else "sanction"
            proof.setdefault((kind, c[CITATION_COLUMNS[kind]]), set()).add(
                fid("source", c["source_id"]))

        def add_proof(proxy: Any, kind: str, rid: int) -> None:
            for doc in sorted(proof.get((kind, rid), ())):
                proxy.add("proof", doc)

        files: dict[int, list[str]] = {}
        for a in rows("SELECT source_id, filename FROM attachment ORDER BY id"):
            files.setdefault(a["source_id"], []).append(a["filename"])
        for s in rows("SELECT * FROM source ORDER BY id"):
            doc = make("Article" if s["kind"] == "news_article" else "Document", "source",
                       s["id"])
            doc.add("title", s["title"])
            for name in files.get(s["id"], ()):  # (the file itself stays in the case)
                doc.add("fileName", name)
            doc.add("publisher", s["publisher"] or None)
            doc.add("author", s["author"] or None)
            doc.add("sourceUrl", s["url"] or None)
            doc.add("publishedAt", within(s))
            doc.add("retrievedAt", s["accessed"] or None)
            doc.add("keywords", s["kind"].replace("_", " "))
            doc.add("summary", f"Admiralty reliability {s['reliability']}")
            doc.add("notes", s["notes"] or None)
            if s["language"] and doc.schema.get("language").type.clean(s["language"]):
                doc.add("language", s["language"])
            yield doc
        parties: dict[int, Any] = {}
        for e in rows("SELECT * FROM entity ORDER BY id"):
            p = parties[e["id"]] = make(SCHEMA.get(e["kind"], "LegalEntity"), "entity",
                                        e["id"])
            p.add("name", e["name"])
            add_party_details(p, e)
            p.add("description", e["description"] or None)
        for a in rows("SELECT * FROM alias ORDER BY id"):
            p = parties[a["entity_id"]]
            p.add(alias_prop(p.schema, a["kind"]), a["name"])
        for i in rows("SELECT * FROM identifier ORDER BY id"):
            p = parties[i["entity_id"]]
            p.add(identifier_prop(p.schema, i["scheme"]), i["value"])
        yield from parties.values()
        for r in rows("SELECT * FROM relationship ORDER BY id"):
            subj, obj = parties[r["subject_id"]], parties[r["object_id"]]
            schema, ends, role = link_for(r["kind"], subj.schema, obj.schema)
            link = make(schema, "relationship", r["id"])
            for prop, party in zip(ends, (subj, obj), strict=True):
                link.add(prop, party)
            if role:
                link.add("role", role)
            link.add("description", r["description"] or None)
            for prop, value in details_said(schema, r["description"] or ""):
                link.add(prop, value)
            _dates(link, r)
            add_proof(link, "relationship", r["id"])
            yield link
        for s in rows("SELECT * FROM sanction ORDER BY id"):
            sanc = make("Sanction", "sanction", s["id"])
            sanc.add("entity", parties[s["entity_id"]])
            sanc.add("authority", s["authority"] or None)
            sanc.add("program", s["programme"] or None)
            sanction_terms(sanc, s)  # (the list's own status words go out as its status)
            add_proof(sanc, "sanction", s["id"])
            yield sanc
        involved = _Merge(rows("SELECT * FROM event_party ORDER BY event_id, id"), "event_id")
        for ev in rows("SELECT * FROM event ORDER BY id"):
            e = make("Event", "event", ev["id"])
            e.add("name", ev["title"])
            e.add("summary", ev["description"] or None)
            e.add("keywords", ev["kind"].replace("_", " "))
            _dates(e, ev)
            if ev["date_text"] and (e.get("startDate") or e.get("endDate")) and not (
                    e.get("startDate") and e.get("endDate")):  # open at one end: a start
                # date alone is read as the event's day (look21), so the case's words go too
                e.add("summary", f"Date as given: {ev['date_text']}")
            for p in involved.take(ev["id"]):
                e.add("involved", parties[p["entity_id"]])
            yield e
        route = _Merge(rows("SELECT * FROM route_stop ORDER BY shipment_id, position"),
                       "shipment_id")
        cited = _Merge(rows("SELECT shipment_id, source_id FROM citation WHERE shipment_id IS "
                            "NOT NULL ORDER BY shipment_id, source_id"), "shipment_id")
        for s in rows("SELECT * FROM shipment ORDER BY id"):
            act = make("EconomicActivity", "shipment", s["id"])
            if s["shipper_id"]:
                act.add("sender", parties[s["shipper_id"]])
            if s["consignee_id"]:
                act.add("receiver", parties[s["consignee_id"]])
            act.add("goodsDescription", s["declared_goods"] or None)
            act.add("vedCode", s["hs_code"] or None)
            for prop, col in (("originCountry", "origin_country"),
                              ("destinationCountry", "destination_country")):
                if s[col]:
                    act.add(prop, s[col].lower())
            if s["value"] is not None:
                customs = any(line.startswith(CUSTOMS_VALUE) for line in
                              (s["notes"] or "").splitlines())  # (review26 (b))
                act.add("customsAmount" if customs else "invoiceAmount",
                        f"{full_number(s['value'])} {s['currency']}".strip())
            if s["reference"]:
                act.add(shipment_reference(s["reference"]), s["reference"])
            act.add("description", s["notes"] or None)
            _dates(act, s)
            taken = route.take(s["id"])
            if taken and sent_from(taken[0], s["origin_country"]):  # (look28)
                act.add("departureCountry", taken.pop(0)["country"].lower())
            stops = [f"{country_name(st['country'])} ({st['place']})" if st["country"] and
                     st["place"] else country_name(st["country"]) or st["place"]
                     for st in taken if st["country"] or st["place"]]
            for part in shipment_summary(s, stops):
                act.add("summary", part)
            for c in cited.take(s["id"]):
                act.add("proof", fid("source", c["source_id"]))
            yield act
        for c in rows("SELECT * FROM citation WHERE entity_id IS NOT NULL OR event_id IS NOT "
                      "NULL ORDER BY id"):  # citations of Things: Documentation links
            kind = "entity" if c["entity_id"] else "event"
            link = make("Documentation", "citation", c["id"])
            link.add("document", fid("source", c["source_id"]))
            link.add("entity", fid(kind, c[CITATION_COLUMNS[kind]]))
            link.add("role", f"citation, credibility {c['credibility']}")
            link.add("summary", c["excerpt"] or None)
            link.add("description", c["locator"] or None)
            yield link


def export_ftm(case: Case, out: str | Path) -> int:
    """Write JSON lines (one entity a line, as they are made); return how many. The target
    is replaced only when the whole file was written, and is never the case or one of its
    files."""
    out = Path(out)
    refuse_output(out, case.path, "the FollowTheMoney export")
    tmp = out.with_name(out.name + ".part")
    refuse_output(tmp, case.path, "the FollowTheMoney export")
    n = 0
    try:
        with tmp.open("w", encoding="utf-8") as f:
            for e in iter_entities(case):
                f.write(json.dumps(e.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
                n += 1
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    tmp.replace(out)
    return n
