"""Read a case into the link chart's graph (:class:`casefile.core.chart.model.ChartGraph`),
and its saved charts. One query per kind of fact; a fact's citations come with it as codes
('B2 Politico report'; a protected source by its number only)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from casefile.core.chart.build import ChartBuilder, Stop
from casefile.core.chart.links import LinkList
from casefile.core.chart.model import ChartGraph
from casefile.core.chart.state import ChartState
from casefile.core.countries import country_name
from casefile.services.queries.chart_facts import (
    SHIPMENT_TEXT,
    ShipmentFacts,
    cites_sql,
    day,
    pair_table,
    split,
)
from casefile.services.queries.standing import ended_sql

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

_cites, _day, _split = cites_sql, day, split


def graph_for(conn: Connection, state: ChartState) -> ChartGraph:
    """The case's graph as a chart's state asks for it (before its scope and folds)."""
    return read_graph(conn, state.waypoints, state.events, state.shared,
                      state.multiplicity == "multiple")


def read_graph(conn: Connection, waypoints: bool = False, events: bool = False,
               shared: bool = False, per_record: bool = False) -> ChartGraph:
    """The chart of the whole case: every party, shipments per pair (through their route
    stops when ``waypoints``), relationships, sanctions by authority, with ``events`` the
    events parties took part in (an event node, a link from each party to it), and with
    ``shared`` a link between every two parties of an event (their shared events); with
    ``per_record`` each shipment record is a link of its own.

    Without waypoints the shipments are read in aggregate, one row per pair; a link's own
    shipments are read from the case when asked for (:attr:`ChartLink.facts`), while the
    case is open."""
    stops: dict[int, list[Stop]] = defaultdict(list)
    if waypoints:
        for sid, country, entity in conn.exec_driver_sql(
                "SELECT shipment_id, coalesce(country, ''), entity_id FROM route_stop "
                "ORDER BY shipment_id, position, id"):
            stops[sid].append(Stop(country, entity))
    names = {s.country: country_name(s.country) for ss in stops.values() for s in ss}
    one_by_one = waypoints or per_record
    b = ChartBuilder(waypoints, names, per_record)
    entities = []
    for eid, name, kind, country, cites in conn.exec_driver_sql(
            "SELECT x.id, x.name, x.kind, coalesce(x.country, ''), " + _cites("entity")
            + " FROM entity x ORDER BY x.id"):
        b.party(eid, name, kind, country, sources=_split(cites))
        entities.append(eid)  # (the party's node index is its place in this list)
    lazy = ShipmentFacts(conn)
    if one_by_one:
        rows = conn.exec_driver_sql(
            f"SELECT x.id, x.shipper_id, x.consignee_id, {SHIPMENT_TEXT}, x.date_start, "
            "x.date_end, x.shipment_count, x.weight_kg, x.value, x.currency, "
            + _cites("shipment") + " FROM shipment x ORDER BY x.id").fetchall()
        b.shipments((sid, shipper, consignee, text or f"shipment {sid}", _day(first),
                     _day(last), count or 1, weight, value, currency or "",
                     stops.get(sid, ()), _split(cites))
                    for (sid, shipper, consignee, text, first, last, count, weight, value,
                         currency, cites) in rows)
    else:
        pairs, skipped = pair_table(conn, np.array(entities, np.int64))
        b.leave_out("shipments without a shipper or consignee", skipped)
    for rid, subject, obj, kind, desc, text, first, last, cites in conn.exec_driver_sql(
            "SELECT x.id, x.subject_id, x.object_id, x.kind, x.description, x.date_text, "
            "x.date_start, x.date_end, " + _cites("relationship")
            + " FROM relationship x ORDER BY x.id"):
        words = (kind or "other").replace("_", " ")
        said = f"{text + ': ' if text else ''}{words}{' — ' + desc if desc else ''}"
        b.relationship(rid, subject, obj, kind or "other", said, _day(first), _day(last),
                       _split(cites))
    for sid, eid, authority, programme, first, last, ended, cites in conn.exec_driver_sql(
            "SELECT x.id, x.entity_id, x.authority, coalesce(nullif(x.programme, ''), "
            "x.program_id), coalesce(x.date_start, x.start_start), x.end_end, "
            + ended_sql("x") + ", " + _cites("sanction")
            + " FROM sanction x ORDER BY x.id"):
        b.sanction(sid, eid, authority or "", programme or "", _day(first), _day(last),
                   _split(cites), bool(ended))
    if events or shared:
        _events(conn, b, events, shared)
    graph = b.graph()
    if not one_by_one:
        graph = ChartGraph(graph.nodes, LinkList(graph.nodes, pairs, list(graph.links),
                                                 lazy.load), graph.left_out, lazy.locate)
    return graph.warm()


def _events(conn: Connection, b: ChartBuilder, nodes: bool, shared: bool) -> None:
    """The events with parties: as ``nodes``, each party's part (the event's citations on
    it); ``shared``, the parties of each event linked to one another."""
    rows = conn.exec_driver_sql(
        "SELECT x.id, x.title, x.date_text, x.date_start, x.date_end, p.entity_id, "
        "p.role, " + _cites("event") + " FROM event x JOIN event_party p ON "
        "p.event_id = x.id ORDER BY x.id, p.id").fetchall()
    parties: dict[int, list[int]] = defaultdict(list)
    for eid, title, text, first, last, entity, role, cites in rows:
        said = f"{text + ': ' if text else ''}{title or f'event {eid}'}"
        if nodes and eid not in parties:
            b.event(eid, title or "", _day(first), _day(last))
        parties[eid].append(entity)
        if nodes:
            b.participation(eid, entity, role or "", said, _day(first), _day(last),
                            _split(cites))
    if not shared:
        return
    for eid, title, text, first, last, _entity, _role, cites in rows:
        if eid in parties:
            said = f"{text + ': ' if text else ''}{title or f'event {eid}'}"
            b.shared_event(eid, title or "", parties.pop(eid), said, _day(first),
                           _day(last), _split(cites))


@dataclass(frozen=True)
class SavedChart:
    """A chart saved in the case: its id, name and state."""

    id: int
    name: str
    state: ChartState


def list_charts(conn: Connection) -> list[tuple[int, str]]:
    """(id, name) of the case's saved charts, by name."""
    return [(int(r[0]), str(r[1])) for r in conn.exec_driver_sql(
        "SELECT id, name FROM chart ORDER BY name COLLATE NOCASE, id")]


def read_chart(conn: Connection, chart_id: int) -> SavedChart | None:
    row = conn.exec_driver_sql("SELECT id, name, state FROM chart WHERE id = ?",
                               (chart_id,)).first()
    return None if row is None else SavedChart(int(row[0]), str(row[1]),
                                               ChartState.from_json(row[2]))
