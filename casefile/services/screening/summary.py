"""What the dossier says of screening, as plain data (the report layer prints it; it imports
nothing of the store): per watchlist, the list and its version, the algorithm, when it ran,
every decision with its reviewer and note, the hits still open, and the parties the run before
flagged that this one found no hit for."""

from __future__ import annotations

from dataclasses import dataclass

from casefile.services.case.facade import Case
from casefile.services.case.screening_ops import VERDICT_WORDS
from casefile.services.screening import results


@dataclass(frozen=True)
class DecisionLine:
    party: str
    list_caption: str
    list_key: str
    score: float
    verdict: str  # "match", "no match", "unsure"
    reviewer: str
    note: str
    decided_at: str
    explanation: str
    entity_id: int = 0  # the party's (a namesake is another party)
    unsanctioned: str = ""  # what the entry is when its list says it is not sanctioned


@dataclass(frozen=True)
class OpenHit:
    party: str
    list_caption: str
    list_key: str
    score: float
    flagged: bool  # at or above the flag threshold
    explanation: str
    reopened: str  # why an earlier decision no longer holds ("" when never decided)
    entity_id: int = 0
    unsanctioned: str = ""  # what the entry is when its list says it is not sanctioned


@dataclass(frozen=True)
class ScreeningSummary:
    watchlist: str
    dataset: str
    list_version: str
    list_sha256: str
    algorithm: str  # name and version, e.g. "casefile-logic-v2 1"
    screened_at: str  # ISO 8601 UTC, when the latest run finished
    parties: int
    review_threshold: float
    flag_threshold: float
    decisions: tuple[DecisionLine, ...]
    open_hits: tuple[OpenHit, ...]
    licence: str = ("Watchlist data from OpenSanctions, licensed under CC BY-NC 4.0.")
    # the parties the run before flagged and this one found no hit for (look17)
    cleared: tuple[str, ...] = ()
    # the parties (ids) whose names or details changed after the run that found their hits
    # began: the hits come from what they were then (look30)
    changed: frozenset[int] = frozenset()


def screening_summary(case: Case) -> list[ScreeningSummary]:
    """One summary per watchlist the case was screened against (latest run of each), in
    the order of the watchlists' names; empty when the case was never screened."""
    out = []
    with case.read() as conn:
        for run in sorted(results.latest_runs(conn), key=lambda r: r["watchlist"]):
            rows = results.hits(conn, run["watchlist"])
            out.append(ScreeningSummary(
                run["watchlist"], run["dataset"], run["list_version"], run["list_sha256"],
                f"{run['algorithm']} {run['algorithm_version']}", run["finished_at"],
                run["parties"], run["review_threshold"], run["flag_threshold"],
                tuple(DecisionLine(h.party, h.list_caption, h.list_key, h.score,
                                   VERDICT_WORDS[h.verdict], h.reviewer, h.note,
                                   h.decided_at, h.explanation, h.entity_id,
                                   h.unsanctioned)
                      for h in rows if not h.open),
                tuple(OpenHit(h.party, h.list_caption, h.list_key, h.score,
                              h.score >= run["flag_threshold"], h.explanation, h.reopened,
                              h.entity_id, h.unsanctioned)
                      for h in rows if h.open),
                cleared=tuple(results.cleared(conn, run)),
                changed=frozenset(results.outdated(conn, rows))))
    return out
