"""Everything the PDF dossier prints, read from a case into plain data: the scope (a tag, or
an entity and what touches it), source numbers, citation marks, and protected sources
redacted before any of their text leaves this module."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, datetime
from typing import Any

from sqlalchemy.engine import Connection

from casefile.core.grading import admiralty_code
from casefile.core.labels import link_words_sql
from casefile.core.sanctions import standing
from casefile.core.timeline import build_timeline
from casefile.report.model import FACTS, SECTIONS, DossierData, DossierOptions
from casefile.services.queries.sourcing import high_on_few_sources
from casefile.services.queries.standing import who_sql
from casefile.services.queries.timeline import timeline_records
from casefile.store import digest, schema
from casefile.store.schema import CITATION_COLUMNS

__all__ = ["FACTS", "SECTIONS", "DossierData", "DossierOptions", "content_hash",
           "read_dossier"]

Row = dict[str, Any]  # one database row by column name

def content_hash(conn: Connection) -> str:
    """The content digest the last audit entry recorded (casefile.core.digests): a dossier
    names exactly what it was built from, and a copy of it kept elsewhere anchors the
    case's audit chain."""
    head = conn.exec_driver_sql(
        "SELECT content_digest FROM audit_log ORDER BY id DESC LIMIT 1").scalar()
    return str(head) if head else digest.head(conn)


def _rows(conn: Connection, sql: str, params: tuple[Any, ...] = ()) -> list[Row]:
    return [dict(r) for r in conn.exec_driver_sql(sql, params).mappings()]


_WHO = who_sql("s")


def _scope(conn: Connection, opt: DossierOptions) -> dict[str, set[int]] | None:
    """Ids in scope per kind, or None for the whole case."""
    if not opt.scoped:
        return None
    s: dict[str, set[int]] = defaultdict(set)
    if opt.entity_id is not None:
        e = opt.entity_id
        s["entity"].add(e)
        s["shipment"].update(r[0] for r in conn.exec_driver_sql(
            "SELECT id FROM shipment WHERE shipper_id = ? OR consignee_id = ? OR id IN "
            "(SELECT shipment_id FROM route_stop WHERE entity_id = ?)", (e, e, e)))
        for (ev,) in conn.exec_driver_sql("SELECT event_id FROM event_party WHERE "
                                          "entity_id = ?", (e,)):
            s["event"].add(ev)
        s["relationship"].update(r[0] for r in conn.exec_driver_sql(
            "SELECT id FROM relationship WHERE subject_id = ? OR object_id = ?", (e, e)))
    if opt.tag:
        like = f"%,{opt.tag.strip().lower()},%"
        for kind in (k for k in schema.FACT_KINDS if k in schema.TAGGED_KINDS):
            s[kind].update(r[0] for r in conn.exec_driver_sql(
                f"SELECT id FROM {kind} WHERE (',' || tags || ',') LIKE ?", (like,)))
    # every party the records in scope name is printed, with its sanctions: a
    # counterparty's standing is what a briefing must show (look28: Gulf Star, listed by
    # the EU, was printed with no sanction and drawn without its ring; review31: a tag's
    # pack too; review32: a route's forwarder, the parties of a tagged shipment)
    s["entity"].update(_named(conn, s))
    s["sanction"].update(r[0] for r in conn.exec_driver_sql(
        "SELECT id FROM sanction WHERE entity_id IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted(s["entity"])),)))
    if opt.entity_id is not None:  # a finding is about the party when it names it
        names = [n.casefold() for (n,) in conn.exec_driver_sql(
            "SELECT name FROM entity WHERE id = ? UNION SELECT name FROM alias WHERE "
            "entity_id = ?", (opt.entity_id, opt.entity_id)) if n and len(n) >= 3]
        for fid, title, text in conn.exec_driver_sql("SELECT id, title, text FROM finding"):
            said = f"{title} {text or ''}".casefold()
            if any(n in said for n in names):
                s["finding"].add(fid)
    return s


_IN = "IN (SELECT value FROM json_each(?))"
_NAMED = (  # the parties a record names: (kind, sql of its party ids for records in scope)
    ("shipment", f"SELECT shipper_id FROM shipment WHERE id {_IN}"),
    ("shipment", f"SELECT consignee_id FROM shipment WHERE id {_IN}"),
    ("shipment", f"SELECT entity_id FROM route_stop WHERE shipment_id {_IN}"),
    ("relationship", f"SELECT subject_id FROM relationship WHERE id {_IN}"),
    ("relationship", f"SELECT object_id FROM relationship WHERE id {_IN}"),
    ("event", f"SELECT entity_id FROM event_party WHERE event_id {_IN}"))


def _named(conn: Connection, s: dict[str, set[int]]) -> set[int]:
    """The parties the shipments, relationships and events in scope name."""
    out: set[int] = set()
    for kind, sql in _NAMED:
        if s.get(kind):
            out.update(party for (party,) in conn.exec_driver_sql(
                sql, (json.dumps(sorted(s[kind])),)) if party is not None)
    return out


def read_dossier(conn: Connection, opt: DossierOptions) -> DossierData:
    info = dict(conn.exec_driver_sql("SELECT * FROM case_info WHERE id = 1").mappings().one())
    updated = info.get("updated_at")
    as_of = (datetime.fromisoformat(str(updated)).date() if updated else None)
    data = DossierData(info, content_hash(conn), opt, as_of=as_of, today=date.today(),
                       updated_at=str(updated) if updated else None)
    scope = _scope(conn, opt)
    if opt.entity_id is not None:
        data.scope_name = conn.exec_driver_sql("SELECT name FROM entity WHERE id = ?",
                                               (opt.entity_id,)).scalar() or ""
    data.totals = {k: conn.exec_driver_sql(f"SELECT count(*) FROM {k}").scalar() or 0
                   for k in ("entity", "shipment", "event", "finding", "sanction",
                             "relationship", "source")}
    head = conn.exec_driver_sql("SELECT id, at, actor, action, summary, hash FROM audit_log "
                                "ORDER BY id DESC LIMIT 1").mappings().first()
    data.audit_head = dict(head) if head else None

    def keep(kind: str, rid: int) -> bool:
        return scope is None or rid in scope.get(kind, set())

    names = {r[0]: r[1] for r in conn.exec_driver_sql("SELECT id, name FROM entity")}
    data.shipments = [s for s in _rows(conn, "SELECT * FROM shipment ORDER BY coalesce("
                                             "date_start, '9999'), id") if keep("shipment",
                                                                               s["id"])]
    stops: dict[int, list[Row]] = defaultdict(list)
    for r in _rows(conn, "SELECT * FROM route_stop ORDER BY shipment_id, position"):
        stops[r["shipment_id"]].append(r)
    for stop_rows in stops.values():
        for stop in stop_rows:
            stop["entity"] = names.get(stop["entity_id"]) if stop["entity_id"] else None
    for s in data.shipments:
        s["shipper"] = names.get(s["shipper_id"], "unknown")
        s["consignee"] = names.get(s["consignee_id"], "unknown")
        s["route"] = stops.get(s["id"], [])
    data.events = [e for e in _rows(conn, "SELECT * FROM event ORDER BY coalesce(date_start,"
                                          " '9999'), id") if keep("event", e["id"])]
    data.findings = [f for f in _rows(conn, "SELECT * FROM finding ORDER BY position, id")
                     if keep("finding", f["id"])]
    data.entities = _entities(conn, keep, names, data)
    _sources_and_marks(conn, data, keep)
    records = [r for r in timeline_records(conn) if keep(r.kind, r.id)]
    if opt.redact_protected:
        records = [_redact_record(r, data) for r in records]
    data.timeline = build_timeline(records, "kind", until=data.today)
    data.uncited_sources = max(data.totals["source"] - len(data.sources), 0)
    for n, fi in enumerate(data.findings, 1):  # a grade the sourcing does not bear out
        said = high_on_few_sources(fi["confidence"], (
            num for num, _code in data.marks.get(("finding", fi["id"]), [])))
        fi["sourcing_note"] = said  # printed with the finding, and said by the export
        if said is not None and "findings" in opt.sections:  # (look15: said of a dossier
            # of the network alone)
            data.warnings.append(f"Finding {n} (“{fi['title'][:60]}”) is {said}")
    if opt.redact_protected:
        data.warnings += _redaction_leaks(conn, data)
    return data


def _redaction_leaks(conn: Connection, data: DossierData) -> list[str]:
    """Where the case's own printed free text names a protected source's title, publisher
    or author: redaction hides the source, but not these words."""
    protected = _rows(conn, "SELECT id, title, publisher, author FROM source WHERE protected")
    needles = {(p["id"], w) for p in protected for w in (p["title"], p["publisher"],
                                                          p["author"]) if w and len(w) >= 4}
    if not needles:
        return []
    texts: list[tuple[str, str]] = []
    printed = set(data.options.sections)  # what is not printed names nothing
    for s in data.shipments if "shipments" in printed else ():
        texts += [(f"shipment #{s['id']}", s.get(c) or "") for c in ("declared_goods",
                                                                      "assessed_goods",
                                                                      "notes")]
    texts += [(f"event #{e['id']}", f"{e['title']} {e.get('description') or ''}")
              for e in data.events if "chronology" in printed]
    texts += [(f"finding #{f['id']}", f"{f['title']} {f['text'] or ''}")
              for f in data.findings if "findings" in printed]
    texts += [(f"entity #{e['id']}", f"{e['name']} {e.get('description') or ''}")
              for e in data.entities if "entities" in printed]
    out = []
    for where, text in texts:
        low = text.casefold()
        for sid, word in needles:
            if word.casefold() in low:
                out.append(f"Redaction: {where} names “{word}” of protected source #{sid} "
                           "in its own text, which is printed")
    return out


def _entities(conn: Connection, keep: Any, names: dict[int, str],
              data: DossierData) -> list[Row]:
    aliases: dict[int, list[Row]] = defaultdict(list)
    for a in _rows(conn, "SELECT * FROM alias ORDER BY id"):
        aliases[a["entity_id"]].append(a)
    idents: dict[int, list[Row]] = defaultdict(list)
    for i in _rows(conn, "SELECT * FROM identifier ORDER BY id"):
        idents[i["entity_id"]].append(i)
    sanctions: dict[int, list[Row]] = defaultdict(list)
    today = date.today()
    for s in _rows(conn, "SELECT * FROM sanction ORDER BY coalesce(date_start, start_start), "
                         "id"):
        if keep("sanction", s["id"]):
            st = standing(s["status"], s["end_text"], s["end_end"], today, s["reason"])
            s.update(standing=st.text, ended=st.ended, state=st.state,
                     programme=s["programme"] or s["program_id"])
            sanctions[s["entity_id"]].append(s)
    rels: dict[int, list[Row]] = defaultdict(list)
    for r in _rows(conn, "SELECT * FROM relationship ORDER BY id"):
        if keep("relationship", r["id"]):
            r["subject"], r["object"] = names.get(r["subject_id"]), names.get(r["object_id"])
            rels[r["subject_id"]].append(r)
            rels[r["object_id"]].append(r)
    sent: dict[int, list[Row]] = defaultdict(list)
    received: dict[int, list[Row]] = defaultdict(list)
    for s in data.shipments:
        sent[s["shipper_id"]].append(s)
        received[s["consignee_id"]].append(s)
    events: dict[int, list[Row]] = defaultdict(list)
    by_id = {e["id"]: e for e in data.events}
    for p in _rows(conn, "SELECT * FROM event_party ORDER BY id"):
        if p["event_id"] in by_id:
            events[p["entity_id"]].append({**by_id[p["event_id"]], "role": p["role"]})
    out = []
    for e in _rows(conn, "SELECT * FROM entity ORDER BY name COLLATE NOCASE, id"):
        if not keep("entity", e["id"]):
            continue
        i = e["id"]
        e.update(aliases=aliases[i], identifiers=idents[i], sanctions=sanctions[i],
                 relationships=rels[i], sent=sent[i], received=received[i], events=events[i])
        out.append(e)
    return out


def _sources_and_marks(conn: Connection, data: DossierData, keep: Any) -> None:
    """Number the sources cited in scope; each fact gets its marks [(number, code)]."""
    sources = {s["id"]: s for s in _rows(conn, "SELECT * FROM source ORDER BY id")}
    cites = [c for c in _rows(conn, "SELECT * FROM citation ORDER BY id")
             if any(c[col] and keep(k, c[col]) for k, col in CITATION_COLUMNS.items())]
    cited = sorted({c["source_id"] for c in cites})
    number = {sid: n for n, sid in enumerate(cited, 1)}
    atts: dict[int, list[Row]] = defaultdict(list)
    for a in _rows(conn, "SELECT id, source_id, filename, size, sha256 FROM attachment "
                         "ORDER BY id"):
        atts[a["source_id"]].append(a)
    facts_of: dict[int, list[Row]] = defaultdict(list)
    redact = data.options.redact_protected
    labels = _fact_labels(conn)
    for c in cites:
        src = sources[c["source_id"]]
        kind, fact = next((k, c[col]) for k, col in CITATION_COLUMNS.items() if c[col])
        code = admiralty_code(src["reliability"], c["credibility"])
        data.marks.setdefault((kind, fact), []).append((number[src["id"]], code))
        hidden = redact and src["protected"]
        facts_of[src["id"]].append({"kind": kind, "id": fact, "code": code,
                                    "label": labels.get((kind, fact), ""),
                                    "locator": "" if hidden else c["locator"],
                                    "excerpt": "" if hidden else c["excerpt"]})
    for sid in cited:
        s = dict(sources[sid])
        s["number"], s["facts"], s["attachments"] = number[sid], facts_of[sid], atts[sid]
        if redact and s["protected"]:
            s = {"number": number[sid], "protected": True, "redacted": True,
                 "title": f"Protected source {number[sid]}", "reliability": s["reliability"],
                 "kind": s["kind"], "facts": s["facts"], "attachments": [], "publisher": "",
                 "author": "", "url": "", "date_text": None, "accessed": None,
                 "language": ""}
        data.sources.append(s)
    for key, marks in data.marks.items():
        data.marks[key] = sorted(set(marks))  # one mark per source and grade


def _fact_labels(conn: Connection) -> dict[tuple[str, int], str]:
    """Short names of facts, for the sources appendix ('shipment: June 2022 rifles')."""
    sql = {
        "entity": "SELECT id, name FROM entity",
        "shipment": "SELECT id, coalesce(nullif(reference, '') || ' — ', '') || "
                    "coalesce(nullif(date_text, '') || ' ', '') || substr(declared_goods, 1, 80)"
                    " FROM shipment",
        "event": "SELECT id, title FROM event",
        "finding": "SELECT id, title FROM finding",
        # its authority and programme (or programme id) before the party, where it has
        # them (look28: targets.simple.csv's ': Maria Aleksandrovna Osetrova')
        "sanction": "SELECT s.id, CASE WHEN " + _WHO + " = '' THEN e.name ELSE " + _WHO
                    + " || ': ' || e.name END FROM sanction s JOIN entity e "
                    "ON e.id = s.entity_id",
        "relationship": "SELECT r.id, a.name || ' ' || " + link_words_sql("r.kind") + " || ' ' || "
                        "b.name FROM relationship r JOIN entity a ON a.id = r.subject_id "
                        "JOIN entity b ON b.id = r.object_id",
    }
    out: dict[tuple[str, int], str] = {}
    for kind, q in sql.items():
        for rid, label in conn.exec_driver_sql(q):
            out[(kind, rid)] = label or ""
    return out


def _redact_record(rec: Any, data: DossierData) -> Any:
    """Timeline tooltips name sources; a dossier with redaction names none by title."""
    from dataclasses import replace

    return replace(rec, sources=())
