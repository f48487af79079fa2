"""Everything about one party, read in one go: its names, identifiers, and every shipment,
event, relationship, sanction and source that touches it — what the dossier prints as the
party's profile, for one entity at a time (the GUI's "All about…" view).

Items are plain dicts ``{"kind", "id", "date", "text"}``: ``text`` is case text and is shown
as plain text only."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from casefile.core.countries import country_name
from casefile.core.labels import link_words
from casefile.report.wording import party_facts
from casefile.services.queries.party_screening import screened, screening_items
from casefile.services.queries.standing import standing_sql
from casefile.store import schema

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

Item = dict[str, Any]
SECTIONS = ("shipment", "event", "relationship", "sanction", "screening_hit", "source")
CONNECTIONS = ("sanction", "relationship", "event", "shipment")  # the editor's, in order


@dataclass
class PartyProfile:
    """One party and the records about it, section by section (keys of ``SECTIONS``)."""

    id: int
    name: str
    kind: str
    countries: list[str]
    aliases: list[Item]
    identifiers: list[Item]
    description: str
    gender: str = ""  # a person's: male, female, other; "" when not known
    items: dict[str, list[Item]] = field(default_factory=dict)
    # what else the case knows of it, in words: ("Born", "3 October 1971 in Tver"),
    # ("Position", a post a line), ("Topics", "Politically exposed person (PEP)") …
    details: list[tuple[str, str]] = field(default_factory=list)
    # the watchlists a run screened it against, latest first: (watchlist, finished_at ISO,
    # whether its names or details changed since: .party_screening.screened)
    screened: list[tuple[str, str, bool]] = field(default_factory=list)

    def count(self) -> int:
        return sum(len(v) for v in self.items.values())


def _rows(conn: Connection, sql: str, params: tuple[Any, ...]) -> list[Item]:
    return [dict(r) for r in conn.exec_driver_sql(sql, params).mappings().all()]


def _country(code: str | None) -> str:
    return f"{country_name(code)} ({code})" if code else ""


def party_profile(conn: Connection, entity_id: int) -> PartyProfile | None:
    """The profile of entity ``entity_id`` (None if there is no such entity)."""
    found = _rows(conn, "SELECT * FROM entity WHERE id = ?", (entity_id,))
    if not found:
        return None
    e = found[0]
    codes = [e["country"]] if e["country"] else []
    codes += [c.strip() for c in (e["other_countries"] or "").split(",") if c.strip()]
    p = PartyProfile(
        id=entity_id, name=e["name"], kind=e["kind"], countries=[_country(c) for c in codes],
        aliases=_rows(conn, "SELECT name, lang, kind FROM alias WHERE entity_id = ? "
                            "ORDER BY id", (entity_id,)),
        identifiers=_rows(conn, "SELECT scheme, value, country FROM identifier "
                                "WHERE entity_id = ? ORDER BY id", (entity_id,)),
        description=e["description"] or "", gender=e.get("gender") or "",
        details=party_facts(e))
    for kind, read in _SECTIONS.items():
        p.items[kind] = read(conn, entity_id, -1)[0]
    p.items["screening_hit"] = screening_items(conn, entity_id)
    p.screened = screened(conn, entity_id, e["created_at"])
    p.items["source"] = _sources(conn, entity_id, p.items)
    return p


def party_connections(conn: Connection, entity_id: int, limit: int = 20
                      ) -> tuple[list[Item], dict[str, int]]:
    """The party's sanctions, relationships, events and shipments — the first ``limit``
    of each, by date — and how many of each there are (the party editor's list)."""
    items: list[Item] = []
    totals: dict[str, int] = {}
    for kind in CONNECTIONS:
        some, totals[kind] = _SECTIONS[kind](conn, entity_id, limit)
        items += some
    return items, totals


def _limited(conn: Connection, sql: str, params: tuple[Any, ...], limit: int
             ) -> tuple[list[Item], int]:
    """The first ``limit`` rows of ``sql`` (all of them: -1), and how many it gives."""
    rows = _rows(conn, f"{sql} LIMIT ?", (*params, limit))
    if limit < 0 or len(rows) < limit:
        return rows, len(rows)
    return rows, int(conn.exec_driver_sql(f"SELECT count(*) FROM ({sql})", params).scalar()
                     or 0)


def _events(conn: Connection, entity_id: int, limit: int) -> tuple[list[Item], int]:
    rows, total = _limited(conn, "SELECT e.id, e.date_text, e.title, group_concat(p.role, "
                                 "', ') AS role FROM event e JOIN event_party p ON "
                                 "p.event_id = e.id WHERE p.entity_id = ? GROUP BY e.id "
                                 "ORDER BY e.date_start, e.id", (entity_id,), limit)
    return [{"kind": "event", "id": r["id"], "date": r["date_text"] or "",
             "text": r["title"] + (f" — as {r['role']}" if r["role"] else "")}
            for r in rows], total


def _relationships(conn: Connection, entity_id: int, limit: int
                   ) -> tuple[list[Item], int]:
    rows, total = _limited(conn, "SELECT r.id, r.kind, r.date_text, r.description, "
                                 "s.name AS subject, o.name AS object FROM relationship r "
                                 "JOIN entity s ON s.id = r.subject_id "
                                 "JOIN entity o ON o.id = r.object_id "
                                 "WHERE r.subject_id = ? OR r.object_id = ? "
                                 "ORDER BY r.date_start, r.id", (entity_id, entity_id), limit)
    return [{"kind": "relationship", "id": r["id"], "date": r["date_text"] or "",
             "text": f"{r['subject']} — {link_words(r['kind'])} — {r['object']}"
                     + _detail(r["description"])}
            for r in rows], total


def _detail(description: str | None) -> str:
    """A relationship's description after it, on one line and cut short (look21: the party
    pane showed neither '51%' nor 'brother-in-law', the dossier both)."""
    text = " ".join((description or "").split())
    return f": {text[:77]}…" if len(text) > 80 else f": {text}" if text else ""


def _sanctions(conn: Connection, entity_id: int, limit: int) -> tuple[list[Item], int]:
    rows, total = _limited(conn, f"SELECT x.*, {standing_sql('x')} AS standing FROM "
                                 "sanction x WHERE x.entity_id = ? ORDER BY "
                                 "coalesce(x.date_start, x.start_start), x.id",
                           (entity_id,), limit)
    return [{"kind": "sanction", "id": r["id"], "date": r["start_text"] or r["date_text"] or "",
             "text": _sanction_text(r)}
            for r in rows], total


def _sanction_text(r: Item) -> str:
    """'ended 2024-10-30 · Decree 265/2021 · National Security …': whether it is in force
    first, where the case says (three of one authority read alike in a narrow list, review:
    "National Security and Defense Council…" ×3); else who imposed it first."""
    standing, programme = r["standing"] or "", r["programme"] or r["program_id"]
    said = standing.startswith(("ended", "lifted", "in force"))
    parts = (standing, programme, r["authority"]) if said else \
        (r["authority"], programme, standing)
    return " · ".join(x for x in parts if x)


def _shipments(conn: Connection, entity_id: int, limit: int) -> tuple[list[Item], int]:
    rows, total = _limited(conn, "SELECT s.id, s.date_text, s.declared_goods, s.assessed_goods, "
                       "s.shipper_id, s.consignee_id, s.shipment_count, "
                       "a.name AS shipper, b.name AS consignee FROM shipment s "
                       "LEFT JOIN entity a ON a.id = s.shipper_id "
                       "LEFT JOIN entity b ON b.id = s.consignee_id "
                       "WHERE s.shipper_id = ? OR s.consignee_id = ? OR s.id IN "
                       "(SELECT shipment_id FROM route_stop WHERE entity_id = ?) "
                       "ORDER BY s.date_start, s.id", (entity_id,) * 3, limit)
    out = []
    for r in rows:
        if r["shipper_id"] == entity_id:
            role = f"sent to {r['consignee'] or 'unknown'}"
        elif r["consignee_id"] == entity_id:
            role = f"received from {r['shipper'] or 'unknown'}"
        else:
            role = f"via, {r['shipper'] or 'unknown'} → {r['consignee'] or 'unknown'}"
        goods = r["assessed_goods"] or r["declared_goods"] or "goods not stated"
        many = f" ({r['shipment_count']} shipments)" if (r["shipment_count"] or 1) > 1 else ""
        # who with, first: a long description of the goods must not hide the other party
        out.append({"kind": "shipment", "id": r["id"], "date": r["date_text"] or "",
                    "text": f"{role[0].upper()}{role[1:]}: {goods}{many}"})
    return out, total


_SECTIONS = {"shipment": _shipments, "event": _events, "relationship": _relationships,
             "sanction": _sanctions}


def _sources(conn: Connection, entity_id: int, items: dict[str, list[Item]]) -> list[Item]:
    """Sources cited for the party itself or for any record in its profile: one query per
    kind of record, whatever the number of records."""
    cols = schema.CITATION_COLUMNS
    wanted: dict[str, list[int]] = {"entity": [entity_id]}
    for kind in items:
        if kind in cols and items[kind]:
            wanted.setdefault(kind, []).extend(it["id"] for it in items[kind])
    counts: dict[int, int] = {}
    for kind, ids in wanted.items():
        for sid, n in conn.exec_driver_sql(
                f"SELECT source_id, count(*) FROM citation WHERE {cols[kind]} IN "
                "(SELECT value FROM json_each(?)) GROUP BY source_id",
                (json.dumps(ids),)).all():
            counts[sid] = counts.get(sid, 0) + n
    if not counts:
        return []
    rows = _rows(conn, "SELECT id, title, publisher, date_text, reliability FROM source "
                       "WHERE id IN (SELECT value FROM json_each(?)) "
                       "ORDER BY date_start, id", (json.dumps(list(counts)),))
    return [{"kind": "source", "id": r["id"], "date": r["date_text"] or "",
             "text": " · ".join(x for x in (r["title"], r["publisher"]) if x)
             + f" — {counts[r['id']]} citation{'s' if counts[r['id']] != 1 else ''}"}
            for r in rows]
