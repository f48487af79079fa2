"""Export a case as FollowTheMoney entities (JSON lines), for Aleph and OpenSanctions.

Parties become Company / Person / Organization / PublicBody / Vessel / Airplane /
LegalEntity with their aliases and identifiers; relationships Ownership, Directorship or
UnknownLink; sanctions Sanction; events Event; shipments EconomicActivity (what it lacks —
weight, quantity, route, assessed goods, number of shipments — is written into ``summary``);
sources Article or Document; citations of parties Documentation links, citations of
intervals (shipments, events, sanctions) the interval's ``proof``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casefile.core.countries import country_name

if TYPE_CHECKING:
    from casefile.services.case import Case

SCHEMA = {"company": "Company", "person": "Person", "organisation": "Organization",
          "public_body": "PublicBody", "vessel": "Vessel", "aircraft": "Airplane",
          "other": "LegalEntity"}
IDENT_PROPS = {"inn": "innCode", "ogrn": "ogrnCode", "imo": "imoNumber", "lei": "leiCode",
               "uscc": "uniqueEntityId", "okpo": "okpoCode"}


def _model() -> Any:
    try:
        from followthemoney import model
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise RuntimeError("FollowTheMoney export needs the 'followthemoney' package: "
                           "pip install 'casefile[ftm]'") from exc
    return model


def _dates(proxy: Any, row: dict, single: str = "date") -> None:
    if not row.get("date_start") and not row.get("date_end"):
        return
    if row.get("date_precision") in ("day", "month", "year"):
        proxy.add(single, row["date_edtf"].rstrip("~?%"))
        return
    if row.get("date_start"):
        proxy.add("startDate", row["date_start"])
    if row.get("date_end"):
        proxy.add("endDate", row["date_end"])


def build_entities(case: Case) -> list[Any]:
    model = _model()
    with case.read() as conn:
        info = dict(conn.exec_driver_sql("SELECT * FROM case_info").mappings().one())
        ns = f"casefile-{info['created_at']}"

        def rows(sql: str) -> list[dict]:
            return [dict(r) for r in conn.exec_driver_sql(sql).mappings()]

        out: dict[str, Any] = {}

        def make(schema: str, kind: str, rid: int) -> Any:
            proxy = model.make_entity(schema)
            proxy.make_id(ns, kind, rid)
            out[f"{kind}:{rid}"] = proxy
            return proxy

        for s in rows("SELECT * FROM source"):
            doc = make("Article" if s["kind"] == "news_article" else "Document", "source",
                       s["id"])
            doc.add("title", s["title"])
            doc.add("publisher", s["publisher"] or None)
            doc.add("author", s["author"] or None)
            doc.add("sourceUrl", s["url"] or None)
            if s["date_start"]:
                doc.add("publishedAt", s["date_start"])
            doc.add("summary", f"Admiralty reliability {s['reliability']}")
        for e in rows("SELECT * FROM entity"):
            p = make(SCHEMA.get(e["kind"], "LegalEntity"), "entity", e["id"])
            p.add("name", e["name"])
            if e["country"]:
                p.add("country", e["country"].lower())
            p.add("description", e["description"] or None)
        for a in rows("SELECT * FROM alias"):
            out[f"entity:{a['entity_id']}"].add("alias", a["name"])
        for i in rows("SELECT * FROM identifier"):
            p = out[f"entity:{i['entity_id']}"]
            prop = IDENT_PROPS.get(i["scheme"].strip().lower(), "registrationNumber")
            p.add(prop if prop in p.schema.properties else "registrationNumber", i["value"])
        for r in rows("SELECT * FROM relationship"):
            subj, obj = out[f"entity:{r['subject_id']}"], out[f"entity:{r['object_id']}"]
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
        for s in rows("SELECT * FROM sanction"):
            sanc = make("Sanction", "sanction", s["id"])
            sanc.add("entity", out[f"entity:{s['entity_id']}"])
            sanc.add("authority", s["authority"] or None)
            sanc.add("program", s["programme"] or None)
            sanc.add("reason", s["reason"] or None)
            if s["date_start"]:
                sanc.add("listingDate", s["date_edtf"].rstrip("~?%")
                         if s["date_precision"] in ("day", "month", "year") else s["date_start"])
        for ev in rows("SELECT * FROM event"):
            e = make("Event", "event", ev["id"])
            e.add("name", ev["title"])
            e.add("summary", ev["description"] or None)
            _dates(e, ev)
        for p in rows("SELECT * FROM event_party"):
            out[f"event:{p['event_id']}"].add("involved", out[f"entity:{p['entity_id']}"])
        stops: dict[int, list[str]] = {}
        for st in rows("SELECT * FROM route_stop ORDER BY shipment_id, position"):
            stops.setdefault(st["shipment_id"], []).append(
                country_name(st["country"]) or st["place"])
        for s in rows("SELECT * FROM shipment"):
            act = make("EconomicActivity", "shipment", s["id"])
            if s["shipper_id"]:
                act.add("sender", out[f"entity:{s['shipper_id']}"])
            if s["consignee_id"]:
                act.add("receiver", out[f"entity:{s['consignee_id']}"])
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
            act.add("summary", _summary(s, stops.get(s["id"], [])))
        for c in rows("SELECT * FROM citation"):
            doc = out[f"source:{c['source_id']}"]
            for kind in ("entity", "shipment", "event", "sanction", "relationship"):
                if c[f"{kind}_id"]:
                    fact = out[f"{kind}:{c[f'{kind}_id']}"]
                    if fact.schema.is_a("Thing"):
                        link = make("Documentation", "citation", c["id"])
                        link.add("document", doc)
                        link.add("entity", fact)
                        link.add("role", f"citation, credibility {c['credibility']}")
                        link.add("summary", c["excerpt"] or None)
                        link.add("description", c["locator"] or None)
                    elif "proof" in fact.schema.properties:
                        fact.add("proof", doc)
    return list(out.values())


def _summary(s: dict, route: list[str]) -> str:
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
    """Write JSON lines (one entity a line); return how many."""
    entities = build_entities(case)
    out = Path(out)
    tmp = out.with_name(out.name + ".part")
    with tmp.open("w", encoding="utf-8") as f:
        for e in entities:
            f.write(json.dumps(e.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
    tmp.replace(out)
    return len(entities)
