"""A party's screening, for its profile (All About This Party): the hits of the latest run
against each watchlist with the decision that holds for each, and the watchlists a run
screened it against — with whether its names or details changed since, so that "no hit" is
never said of a name nobody screened (review25: a party renamed after the run to a listed
name read "No hit in the latest screening")."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from casefile.services.queries.screening_changes import changed_since

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection


def screening_said(verdict: str, score: float, flag: float) -> str:
    """A hit's standing in words: its decision, or whether it waits for one."""
    if verdict:
        return {"match": "Match", "no_match": "Not a match", "unsure": "Unsure"}[verdict]
    return "Flagged, not reviewed" if score >= flag else "To review"


def screening_items(conn: Connection, entity_id: int) -> list[dict[str, Any]]:
    """The party's current screening hits (the latest run against each watchlist), best
    score first, each with the decision that holds for it and who made it (look23: a match
    decided left no trace in the party's profile unless a sanction was recorded)."""
    from casefile.services.screening.results import hits

    out = []
    for h in hits(conn, party=entity_id):
        by = f" — decided by {h.reviewer}" if h.verdict and h.reviewer else ""
        note = f"; note: {h.note}" if h.note else ""
        out.append({"kind": "screening_hit", "id": h.id, "date": h.decided_at[:10],
                    "alert": not h.verdict and h.score >= h.flag,  # flagged, undecided
                    "text": f"{screening_said(h.verdict, h.score, h.flag)}: "
                            f"{h.list_caption} ({h.list_key}){_said(h.unsanctioned)} on "
                            f"{h.watchlist}, score {h.score:.2f}{by}{note}"})
    return out


def _said(unsanctioned: str) -> str:
    return f", {unsanctioned}," if unsanctioned else ""


def _utc(stamp: object) -> datetime | None:
    try:
        t = datetime.fromisoformat(str(stamp))
    except ValueError:
        return None
    return t.astimezone(UTC).replace(tzinfo=None) if t.tzinfo else t


def screened(conn: Connection, entity_id: int, created: object
             ) -> list[tuple[str, str, bool]]:
    """The watchlists the party was screened against — the latest run of each that covered
    it: one of the whole case begun after the party was made, or one of the party alone —
    with when it finished and whether the party changed since it began. (Runs before
    December 2026 kept their start to the second only: a party made in the second one
    began, before it, reads as not screened by it.)"""
    made = _utc(created)
    out: dict[str, tuple[str, str]] = {}
    for watchlist, scope, started, finished in conn.exec_driver_sql(
            "SELECT watchlist, scope, started_at, finished_at FROM screening_run WHERE "
            "finished_at != '' AND (scope = 'case' OR scope = ?) ORDER BY id DESC",
            (f"entity {entity_id}",)).all():
        begun = _utc(started)
        if watchlist not in out and (scope != "case" or made is None or begun is None
                                     or begun >= made):
            out[watchlist] = (started, finished)
    return [(w, finished, changed_since(conn, entity_id, started))
            for w, (started, finished) in sorted(out.items(), key=lambda w: w[1][1],
                                                  reverse=True)]
