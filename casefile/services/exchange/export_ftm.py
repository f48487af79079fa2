"""Export a case as FollowTheMoney entities (JSON lines), for Aleph and OpenSanctions.

Parties become Company / Person / Organization / PublicBody / Vessel / Airplane /
LegalEntity with their aliases and identifiers; relationships Ownership, Directorship or
UnknownLink; sanctions Sanction; events Event; shipments EconomicActivity (what it lacks —
weight, quantity, route, assessed goods, number of shipments — is written into ``summary``);
sources Article or Document; citations of parties Documentation links, citations of
intervals (shipments, events, sanctions) the interval's ``proof``."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from casefile.core.countries import country_name
from casefile.errors import CasefileError
from casefile.store.copies import refuse_output
from casefile.store.schema import CITATION_COLUMNS

if TYPE_CHECKING:
    from casefile.services.case.facade import Case

SCHEMA = {"company": "Company", "person": "Person", "organisation": "Organization",
          "public_body": "PublicBody", "vessel": "Vessel", "aircraft": "Airplane",
          "other": "LegalEntity"}
IDENT_PROPS = {"inn": "innCode", "ogrn": "ogrnCode", "imo": "imoNumber", "lei": "leiCode",
               "uscc": "uniqueEntityId", "okpo": "okpoCode"}


def _model() -> Any:
    try:
        from followthemoney import model
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise CasefileError("FollowTheMoney export needs the 'followthemoney' package: "
                           "pip install 'casefile[ftm]'") from exc
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


_PLAIN_END = re.compile(r"(\d{4}(?:-\d{2}(?:-\d{2})?)?)[~?%]?")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}(?::?\d{2})?)?")


def _bounds(row: dict[str, Any]) -> tuple[date | None, date | None]:
    start, end = row.get("date_start"), row.get("date_end")
    return (date.fromisoformat(start) if start else None,
            date.fromisoformat(end) if end else None)


def _month_end(d: date) -> bool:
    return (d + timedelta(days=1)).day == 1


def ftm_dates(row: dict[str, Any]) -> tuple[str | None, str | None, str | None]:
    """(one date, start, end) in FtM's ISO prefixes for a row's date_* columns: the one
    date when the case's date is exactly a day, month or year, else the bounds (an open end
    is None) at the coarsest precision that keeps them exact."""
    lo, hi = _bounds(row)
    if lo is None and hi is None:
        return None, None, None
    code = row.get("date_edtf") or ""
    if lo is not None and lo == hi and _DATETIME.fullmatch(code):
        return code, None, None
    exact = _exactly(lo, hi)
    if exact:
        return exact, None, None
    years = (lo is None or (lo.month, lo.day) == (1, 1)) and \
        (hi is None or (hi.month, hi.day) == (12, 31))
    months = (lo is None or lo.day == 1) and (hi is None or _month_end(hi))
    cut = 4 if years else 7 if months else 10
    if lo is None or hi is None:  # one end: as precise as the case wrote it ('../2022-06-30')
        known = _PLAIN_END.fullmatch(code.split("/")[0 if hi is None else -1])
        cut = len(known.group(1)) if known else cut
    return None, lo.isoformat()[:cut] if lo else None, hi.isoformat()[:cut] if hi else None


def _exactly(lo: date | None, hi: date | None) -> str | None:
    """The day, month or year that is exactly lo … hi, if one is."""
    if lo is None or hi is None:
        return None
    if lo == hi:
        return lo.isoformat()
    if lo.year == hi.year and (lo.month, lo.day) == (1, 1) and (hi.month, hi.day) == (12, 31):
        return lo.isoformat()[:4]
    if (lo.year, lo.month) == (hi.year, hi.month) and lo.day == 1 and _month_end(hi):
        return lo.isoformat()[:7]
    return None


def _within(row: dict[str, Any]) -> str | None:
    """For a property that holds one date (a listing, a publication): the narrowest day,
    month or year that holds the whole of the case's date, if one does."""
    lo, hi = _bounds(row)
    if lo is None or hi is None:
        return None
    for cut in (10, 7, 4):
        if lo.isoformat()[:cut] == hi.isoformat()[:cut]:
            return lo.isoformat()[:cut]
    return None


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
    from followthemoney.util import make_entity_id

    with case.read() as conn:
        info = dict(conn.exec_driver_sql("SELECT * FROM case_info").mappings().one())
        ns = f"casefile-{info['created_at']}"

        def fid(kind: str, rid: int) -> str:
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

        for s in rows("SELECT * FROM source ORDER BY id"):
            doc = make("Article" if s["kind"] == "news_article" else "Document", "source",
                       s["id"])
            doc.add("title", s["title"])
            doc.add("publisher", s["publisher"] or None)
            doc.add("author", s["author"] or None)
            doc.add("sourceUrl", s["url"] or None)
            doc.add("publishedAt", _within(s))
            doc.add("summary", f"Admiralty reliability {s['reliability']}")
            yield doc
        parties: dict[int, Any] = {}
        for e in rows("SELECT * FROM entity ORDER BY id"):
            p = parties[e["id"]] = make(SCHEMA.get(e["kind"], "LegalEntity"), "entity",
                                        e["id"])
            p.add("name", e["name"])
            if e["country"]:
                p.add("country", e["country"].lower())
            p.add("description", e["description"] or None)
        for a in rows("SELECT * FROM alias ORDER BY id"):
            parties[a["entity_id"]].add("alias", a["name"])
        for i in rows("SELECT * FROM identifier ORDER BY id"):
            p = parties[i["entity_id"]]
            prop = IDENT_PROPS.get(i["scheme"].strip().lower(), "registrationNumber")
            p.add(prop if prop in p.schema.properties else "registrationNumber", i["value"])
        yield from parties.values()
        for r in rows("SELECT * FROM relationship ORDER BY id"):
            subj, obj = parties[r["subject_id"]], parties[r["object_id"]]
            if r["kind"] in ("owns", "subsidiary_of"):
                link = make("Ownership", "relationship", r["id"])
                owner, asset = (subj, obj) if r["kind"] == "owns" else (obj, subj)
                link.add("owner", owner)
                link.add("asset", asset)
            elif r["kind"] == "director_of" and obj.schema.is_a("Organization"):
                link = make("Directorship", "relationship", r["id"])
                link.add("director", subj)
                link.add("organization", obj)
            else:
                link = make("UnknownLink", "relationship", r["id"])
                link.add("subject", subj)
                link.add("object", obj)
                link.add("role", r["kind"].replace("_", " "))
            link.add("description", r["description"] or None)
            _dates(link, r)
            add_proof(link, "relationship", r["id"])
            yield link
        for s in rows("SELECT * FROM sanction ORDER BY id"):
            sanc = make("Sanction", "sanction", s["id"])
            sanc.add("entity", parties[s["entity_id"]])
            sanc.add("authority", s["authority"] or None)
            sanc.add("program", s["programme"] or None)
            sanc.add("reason", s["reason"] or None)
            sanc.add("listingDate", _within(s))
            if s["date_text"] and _within(s) != ftm_dates(s)[0]:
                sanc.add("summary", f"Listing date as given: {s['date_text']}")
            add_proof(sanc, "sanction", s["id"])
            yield sanc
        involved = _Merge(rows("SELECT * FROM event_party ORDER BY event_id, id"), "event_id")
        for ev in rows("SELECT * FROM event ORDER BY id"):
            e = make("Event", "event", ev["id"])
            e.add("name", ev["title"])
            e.add("summary", ev["description"] or None)
            _dates(e, ev)
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
                act.add("invoiceAmount", f"{s['value']:g} {s['currency']}".strip())
            act.add("recordId", s["reference"] or None)
            _dates(act, s)
            stops = [country_name(st["country"]) or st["place"] for st in route.take(s["id"])]
            act.add("summary", _summary(s, stops))
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


def _summary(s: dict[str, Any], route: list[str]) -> str:
    parts = []
    if s["assessed_goods"] and s["assessed_goods"] != s["declared_goods"]:
        parts.append(f"Assessed goods: {s['assessed_goods']}")
    if s["quantity"] is not None:
        parts.append(f"Quantity: {s['quantity']:g} {s['unit']}".strip())
    if s["weight_kg"] is not None:
        parts.append(f"Weight: {s['weight_kg']:g} kg")
    if route:
        parts.append("Route: via " + ", ".join(route))
    if s["shipment_count"] and s["shipment_count"] > 1:
        parts.append(f"Record stands for {s['shipment_count']} shipments")
    if s["dual_use"]:
        parts.append("Dual-use goods")
    if s["date_text"]:
        parts.append(f"Date as given: {s['date_text']}")
    return "; ".join(parts)


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
