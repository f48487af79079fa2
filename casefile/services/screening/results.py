"""Reading screening results from a case: the hits of the latest run (per watchlist) with the
decision that holds for each (its own latest decision, else the one carried from an earlier
run), for the CLI, the review dialog and the dossier summary."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import Connection

from casefile.core.labels import counted
from casefile.core.topics import unsanctioned
from casefile.services.queries.screening_changes import changed_parties


@dataclass(frozen=True)
class HitRow:
    """A hit as a reviewer sees it."""

    id: int
    run_id: int
    entity_id: int
    party: str
    party_kind: str
    list_key: str
    list_schema: str
    list_caption: str
    score: float
    explanation: str
    matched_name: str
    features: dict[str, float]
    entry: dict[str, Any]
    reopened: str
    verdict: str  # "" when open
    reviewer: str
    note: str
    decided_at: str
    carried: bool  # the decision was made on an earlier run's hit
    flag: float = 0.7  # the run's thresholds: a score from ``flag`` on is flagged
    review: float = 0.5
    watchlist: str = ""  # the list the run screened against

    @property
    def open(self) -> bool:
        return not self.verdict

    @property
    def unsanctioned(self) -> str:
        """'' when the list says its entry is sanctioned; else what it is (core.topics)."""
        return unsanctioned(self.entry)


def latest_runs(conn: Connection, watchlist: str | None = None) -> list[dict[str, Any]]:
    """The latest whole-case run of each watchlist (or of ``watchlist``); for a watchlist
    only ever used on single parties, its latest run."""
    rows = conn.exec_driver_sql(
        "SELECT * FROM screening_run ORDER BY scope = 'case', id").mappings().all()
    out: dict[str, dict[str, Any]] = {}
    for r in rows:
        if watchlist is None or r["watchlist"] == watchlist:
            out[r["watchlist"]] = dict(r)
    return list(out.values())


def hits(conn: Connection, watchlist: str | None = None, party: int | None = None,
         run_ids: list[int] | None = None) -> list[HitRow]:
    """The current hits: of the latest run of each party against each watchlist (a party
    screened alone later shows its newer hits), best score first."""
    where, params = "", list[Any]()
    if watchlist is not None:
        where += " AND r.watchlist = ?"
        params.append(watchlist)
    if party is not None:
        where += " AND h.entity_id = ?"
        params.append(party)
    if run_ids is not None:
        where += f" AND h.run_id IN ({','.join(str(int(i)) for i in run_ids) or 'NULL'})"
    else:  # the latest run that screened each party, per watchlist
        where += (" AND h.run_id = (SELECT max(r2.id) FROM screening_run r2 WHERE "
                  "r2.watchlist = r.watchlist AND (r2.scope = 'case' OR r2.scope = "
                  "'entity ' || h.entity_id))")
    # The decision that holds (the hit's own latest, else the one carried from an earlier
    # run) is joined in, not looked up hit by hit.
    sql = f"""
        SELECT x.*, coalesce(d.verdict, '') AS verdict, coalesce(d.reviewer, '') AS reviewer,
               coalesce(d.note, '') AS note, coalesce(d.decided_at, '') AS decided_at
        FROM (SELECT h.id, h.run_id, h.entity_id, e.name, e.kind, h.list_key, h.list_schema,
                     h.list_caption, h.score, h.explanation, h.matched_name, h.features,
                     h.entry, h.reopened, h.carried_decision_id, r.flag_threshold,
                     r.review_threshold, r.watchlist,
                     (SELECT max(id) FROM screening_decision WHERE hit_id = h.id) AS own
              FROM screening_hit h JOIN screening_run r ON r.id = h.run_id
              JOIN entity e ON e.id = h.entity_id WHERE 1 = 1 {where}) x
        LEFT JOIN screening_decision d ON d.id = coalesce(x.own, x.carried_decision_id)
        ORDER BY x.score DESC, x.id"""
    return [HitRow(
        r["id"], r["run_id"], r["entity_id"], r["name"], r["kind"], r["list_key"],
        r["list_schema"], r["list_caption"], r["score"], r["explanation"],
        r["matched_name"], json.loads(r["features"] or "{}"),
        json.loads(r["entry"] or "{}"), r["reopened"], r["verdict"], r["reviewer"],
        r["note"], r["decided_at"],
        carried=r["own"] is None and r["carried_decision_id"] is not None,
        flag=r["flag_threshold"], review=r["review_threshold"], watchlist=r["watchlist"])
        for r in conn.exec_driver_sql(sql, tuple(params)).mappings()]


def outdated(conn: Connection, rows: list[HitRow]) -> set[int]:
    """The parties of ``rows`` whose names or details changed after the run their hits come
    from began: those hits were worked out from what they were then (look30: a party
    renamed, or its birth date or nationality corrected, kept its old hits unsaid)."""
    runs: dict[int, set[int]] = {}
    for h in rows:
        runs.setdefault(h.run_id, set()).add(h.entity_id)
    out: set[int] = set()
    for run_id, ids in runs.items():
        started = conn.exec_driver_sql("SELECT started_at FROM screening_run WHERE id = ?",
                                       (run_id,)).scalar()
        out |= changed_parties(conn, str(started or ""), ids)
    return out


def cleared(conn: Connection, run: dict[str, Any]) -> list[str]:
    """The parties (by name) the run before ``run`` against its watchlist flagged — a hit at
    its flag threshold or more, or decided a match — that ``run`` screened and found no hit
    for: they went clean, most often because the list lost their entries (look16, look17:
    said by the run, and kept for the window and the dossier)."""
    before = conn.exec_driver_sql(
        "SELECT id, flag_threshold FROM screening_run WHERE watchlist = ? AND id < ? "
        "ORDER BY id DESC LIMIT 1", (run["watchlist"], run["id"])).first()
    if before is None:
        return []
    scope = str(run["scope"])
    only = int(scope.split()[1]) if scope.startswith("entity ") else None
    rows = conn.exec_driver_sql(
        "SELECT DISTINCT e.id, e.name FROM screening_hit h JOIN entity e ON e.id = h.entity_id "
        "WHERE h.run_id = ? AND (h.score >= ? OR EXISTS (SELECT 1 FROM screening_decision d "
        "WHERE d.hit_id = h.id AND d.verdict = 'match')) AND NOT EXISTS (SELECT 1 FROM "
        "screening_hit n WHERE n.run_id = ? AND n.entity_id = h.entity_id) ORDER BY e.id",
        (before[0], before[1], run["id"])).all()
    return [name for eid, name in rows if only is None or eid == only]


def cleared_said(watchlist: str, names: list[str]) -> str:
    """The parties that went clean in a sentence ('' when none)."""
    if not names:
        return ""
    n = len(names)
    shown = "; ".join(names[:6]) + (" …" if n > 6 else "")
    return (f"{counted(n, 'party', 'parties')} flagged by the previous run against "
            f"{watchlist} {'has' if n == 1 else 'have'} no hit now: {shown}")


def cleared_now(conn: Connection) -> str:
    """What the latest run of each list found clean that the run before flagged."""
    said = [cleared_said(run["watchlist"], cleared(conn, run)) for run in latest_runs(conn)]
    return ". ".join(s for s in said if s)
