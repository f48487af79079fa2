"""What a FollowTheMoney export leaves out, counted: the parts of a case FtM has no place
for — findings, saved charts, screening decisions, tags, the languages of aliases, the
roles of an event's parties, the parties and roles of a route's stops, attached files, and the
excerpt, locator and grade of a citation of a shipment, relationship
or sanction (FtM keeps only which source proves an interval) — so that an export says what
it does not carry (review: a round trip lost findings, tags and citation grades unsaid)."""

from __future__ import annotations

from sqlalchemy.engine import Connection

# (what one is, what several are — {n} the number —, the SQL that counts them), in order
_LEFT = (
    ("{n} finding", "{n} findings", "SELECT count(*) FROM finding"),
    ("{n} saved chart", "{n} saved charts", "SELECT count(*) FROM chart"),
    ("{n} screening decision", "{n} screening decisions",
     "SELECT count(*) FROM screening_decision"),
    ("the tags of {n} record", "the tags of {n} records",
     "SELECT (SELECT count(*) FROM entity WHERE tags <> '') + (SELECT count(*) FROM shipment "
     "WHERE tags <> '') + (SELECT count(*) FROM event WHERE tags <> '') + (SELECT count(*) "
     "FROM source WHERE tags <> '')"),
    ("the language of {n} alias", "the languages of {n} aliases",
     "SELECT count(*) FROM alias WHERE lang <> ''"),
    # (look21: every role of the demo's events was lost on a round trip, unsaid)
    ("the role of {n} party in an event (FtM names who was involved, not their part)",
     "the roles of {n} parties in events (FtM names who was involved, not their part)",
     "SELECT count(*) FROM event_party WHERE role <> ''"),
    ("the party or role of {n} stop of a shipment's route (its country and place are kept)",
     "the parties or roles of {n} stops of shipments' routes (their countries and places "
     "are kept)",
     "SELECT count(*) FROM route_stop r WHERE entity_id IS NOT NULL OR role NOT IN ('', "
     "'transit', 'dispatch') OR (role = 'dispatch' AND (country IS NULL OR place <> '' OR "
     "country = (SELECT origin_country FROM shipment WHERE id = r.shipment_id) OR "
     "EXISTS (SELECT 1 FROM route_stop o WHERE o.shipment_id = r.shipment_id AND "
     "o.position < r.position)))"),  # a stop on the way is what 'via' says; the first
    # one's dispatch, departureCountry (export_ftm_parts.sent_from)
    ("{n} attached file (its source is named)", "{n} attached files (their sources are named)",
     "SELECT count(*) FROM attachment"),
    ("the excerpt, locator and grade of {n} citation of a shipment, relationship or sanction "
     "(FtM says only which source proves it)",
     "the excerpts, locators and grades of {n} citations of shipments, relationships and "
     "sanctions (FtM says only which source proves each)",
     "SELECT count(*) FROM citation WHERE shipment_id IS NOT NULL OR relationship_id IS NOT "
     "NULL OR sanction_id IS NOT NULL"),
    # (look25: the demo's 33 citations came back as 27, unsaid)
    ("{n} further citation of a record by a source that already proves it (one proof a "
     "source and record)",
     "{n} further citations of records by sources that already prove them (one proof a "
     "source and record)",
     "SELECT count(*) - count(DISTINCT source_id || ':' || coalesce(shipment_id, '') || ':' "
     "|| coalesce(relationship_id, '') || ':' || coalesce(sanction_id, '')) FROM citation "
     "WHERE shipment_id IS NOT NULL OR relationship_id IS NOT NULL OR sanction_id IS NOT "
     "NULL"),
)


def left_out_of_ftm(conn: Connection) -> list[str]:
    """'4 findings', 'the tags of 23 records', … — what the case holds that the export
    leaves out (empty when it leaves nothing out)."""
    said = []
    for one, many, sql in _LEFT:
        n = int(conn.exec_driver_sql(sql).scalar() or 0)
        if n:
            said.append((one if n == 1 else many).format(n=f"{n:,}"))
    return said


def left_out_line(conn: Connection) -> str | None:
    """One sentence of :func:`left_out_of_ftm` (None when nothing is left out)."""
    said = left_out_of_ftm(conn)
    return ("Left out, as FollowTheMoney has no place for them: " + "; ".join(said) + "."
            if said else None)


__all__ = ["left_out_line", "left_out_of_ftm"]
