"""Read a case's dated records for the timeline (GUI and dossier)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from casefile.core.countries import country_name
from casefile.core.labels import link_words_sql
from casefile.core.timeline import Timeline, TimelineRecord, build_timeline
from casefile.services.queries.chart_facts import SEP as _SEP
from casefile.services.queries.chart_facts import cites_sql as _cites
from casefile.services.queries.standing import ended_sql, standing_sql

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

_PARTS = ("text", "edtf", "start", "end", "approx", "uncertain")
_DATE = ", ".join(f"x.date_{p}" for p in _PARTS)
# a sanction is drawn from its listing date (or when it took effect if no listing date is
# known) to its end, open-ended while in force
_LISTED_OR_START = ", ".join(f"CASE WHEN x.date_start IS NULL AND x.date_end IS NULL THEN "
                             f"x.start_{p} ELSE x.date_{p} END" for p in _PARTS)

# a sanction's authority and programme, as its label on the timeline says them: neither
# an empty authority's ': ' (look26: 'Sanction:  (…)') nor a Czech legal reference of 300
# characters that pushed the standing off the label
_PROGRAMME = ("CASE WHEN length(x.programme) > 80 THEN substr(x.programme, 1, 79) || '…' "
              "ELSE x.programme END")
_WHO = ("ltrim(x.authority || CASE WHEN x.programme = '' THEN CASE WHEN x.program_id = '' "
        "THEN '' ELSE ' (' || x.program_id || ')' END WHEN x.programme LIKE '(%' THEN ' ' || "
        + _PROGRAMME + " "  # begins in brackets: '(UE) 2023/1216 (…)', '(A) and (B)'
        "ELSE ' (' || " + _PROGRAMME + " || ')' END)")


SQL = {
    "shipment": (
        # the goods (none said: no goods and no colon — look24: '03/04/2022: : SPÓŁKA…')
        "SELECT x.id, CASE WHEN x.declared_goods = '' AND x.assessed_goods = '' THEN '' "
        "WHEN x.declared_goods = '' THEN x.assessed_goods || ': ' "
        "WHEN x.assessed_goods != '' AND x.assessed_goods != x.declared_goods THEN "
        "x.declared_goods || ' (assessed: ' || x.assessed_goods || '): ' "
        "ELSE x.declared_goods || ': ' END || coalesce(a.name, 'unknown shipper') || ' → ' || "
        "coalesce(b.name, 'unknown consignee'), " + _DATE + ", "
        "coalesce(a.name, '') || '\x1f' || coalesce(b.name, '') || '\x1f' || "
        "coalesce((SELECT group_concat(e.name, '\x1f') FROM route_stop r JOIN entity e ON "
        "e.id = r.entity_id WHERE r.shipment_id = x.id), ''), "
        "coalesce(x.origin_country, '') || '\x1f' || coalesce(x.destination_country, '') || "
        "'\x1f' || coalesce((SELECT group_concat(r.country, '\x1f') FROM route_stop r WHERE "
        "r.shipment_id = x.id), ''), x.tags, " + _cites("shipment") + ", ''" +
        " FROM shipment x LEFT JOIN entity a ON a.id = x.shipper_id LEFT JOIN entity b ON "
        "b.id = x.consignee_id"),
    "event": (
        "SELECT x.id, x.title, " + _DATE + ", coalesce((SELECT group_concat(e.name, '\x1f') "
        "FROM event_party p JOIN entity e ON e.id = p.entity_id WHERE p.event_id = x.id), ''),"
        " coalesce((SELECT group_concat(e.country, '\x1f') FROM event_party p JOIN entity e "
        "ON e.id = p.entity_id WHERE p.event_id = x.id), ''), x.tags, "
        + _cites("event") + ", '' FROM event x"),
    "sanction": (
        "SELECT x.id, 'Sanction' || CASE WHEN " + _WHO + " = '' THEN '' ELSE ': ' || "
        + _WHO + " END || ' — ' || e.name || CASE WHEN "
        + ended_sql("x") + " THEN ' — ' || " + standing_sql("x") + " ELSE '' END, "
        + _LISTED_OR_START + ", e.name, coalesce(e.country, ''), e.tags, "
        + _cites("sanction") + ", " + standing_sql("x")
        + ", x.end_end, " + ended_sql("x") + ", x.end_text FROM sanction x JOIN entity e ON "
        "e.id = x.entity_id"),
    # a relationship with a date (a tie held 'since 2015', 'until 2021-12-31'): who, what
    # and with whom; one without is no point in time and is not drawn
    "relationship": (
        "SELECT x.id, a.name || ' ' || " + link_words_sql("x.kind") + " || ' ' || b.name || CASE "
        "WHEN x.description != '' THEN ': ' || x.description ELSE '' END, " + _DATE + ", "
        "a.name || '\x1f' || b.name, coalesce(a.country, '') || '\x1f' || "
        "coalesce(b.country, ''), '', " + _cites("relationship") + ", '' FROM relationship x "
        "JOIN entity a ON a.id = x.subject_id JOIN entity b ON b.id = x.object_id "
        "WHERE x.date_start IS NOT NULL OR x.date_end IS NOT NULL"),
    "source": (
        "SELECT x.id, CASE WHEN x.protected THEN 'Protected source ' || x.id ELSE x.title END,"
        " " + _DATE + ", x.publisher, '', x.tags, '', '' FROM source x"),
}


class _Shared:
    """One object per distinct value among the records read: the dates, names, countries
    and sources of 100k shipments repeat, and the driver makes a new string for each (about
    half of what the timeline of a big case held)."""

    def __init__(self) -> None:
        self.one: Any = {}.setdefault
        self._days: dict[str | None, date | None] = {None: None, "": None}
        self._parts: dict[tuple[str | None, bool], tuple[str, ...]] = {}
        self._tags: dict[str | None, tuple[str, ...]] = {}

    def day(self, text: str | None) -> date | None:
        got = self._days.get(text)
        if got is None and text:
            got = self._days[text] = date.fromisoformat(text)
        return got

    def parts(self, text: str | None, countries: bool = False) -> tuple[str, ...]:
        """The parts of a _SEP-separated list (country codes as country names), the same
        list read twice as one tuple."""
        got = self._parts.get((text, countries))
        if got is None:
            got = self._parts[(text, countries)] = self.split(text, countries)
        return got

    def split(self, text: str | None, countries: bool = False) -> tuple[str, ...]:
        """The parts of a list seldom the same twice (a shipment's sources): not kept."""
        one = self.one
        got = tuple(one(country_name(p), country_name(p)) if countries else one(p, p)
                    for p in (text or "").split(_SEP) if p)
        return one(got, got) if len(got) < 2 else got

    def tags(self, text: str | None) -> tuple[str, ...]:
        got = self._tags.get(text)
        if got is None:
            got = tuple(self.one(t, t) for t in (text or "").split(",") if t)
            got = self._tags[text] = self.one(got, got)
        return got


RECORD_KINDS = ("shipment", "event", "sanction", "relationship")


def timeline_records(conn: Connection, kinds: tuple[str, ...] = RECORD_KINDS
                     ) -> list[TimelineRecord]:
    out: list[TimelineRecord] = []
    same = _Shared()
    one, day, parts = same.one, same.day, same.parts
    for kind in kinds:
        for row in conn.exec_driver_sql(SQL[kind]):
            (rid, label, text, code, start, end, approx, uncertain, parties, countries, tags,
             sources, standing, *term) = row
            if term:  # a sanction spans its time in force: to its end, or on (open end)
                end_end, ended, end_text = term
                if start is None and end is not None and not (ended and not end_end):
                    start = end  # listed on that day or earlier (a list's first sighting,
                    # a targets.simple.csv sanction's one date): in force from then at least
                # (ended, its end unknown: drawn up to that day, begun before it — not as a
                # dot of an exact day: review31)
                end = end_end or (end if ended else None)
                if not text and end_text:  # known only to end (look21: ": Sanction …")
                    text = f"until {end_text}"
            out.append(TimelineRecord(
                kind, rid, label or "", one(text or "", text or ""),  # (labels differ)
                one(code or "", code or ""), day(start), day(end), bool(approx),
                bool(uncertain), parts(parties), parts(countries, True), same.tags(tags),
                same.split(sources), one(standing or "", standing or "")))
    return out


def case_timeline(conn: Connection, group_by: str = "kind",
                  include_sources: bool = False) -> Timeline:
    kinds = RECORD_KINDS + (("source",) if include_sources else ())
    return build_timeline(timeline_records(conn, kinds), group_by)
