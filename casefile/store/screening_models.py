"""The case's tables of screening (issue 18): each run against a watchlist, each hit it
found (with the feature scores, the explanation and a snapshot of the list entry, so a
decision stays defensible after the list changes) and each reviewer's decision.

A hit re-found by a later run against a newer list keeps the earlier decision
(``carried_decision_id``) unless the list entry changed or its score crossed a threshold;
then ``reopened`` says why and the hit waits for a decision of its own."""

from __future__ import annotations

from sqlmodel import Field, SQLModel

VERDICTS = ("match", "no_match", "unsure")


class ScreeningRun(SQLModel, table=True):
    __tablename__ = "screening_run"
    id: int | None = Field(default=None, primary_key=True)
    watchlist: str
    dataset: str = ""
    list_version: str = ""
    list_sha256: str = ""
    algorithm: str = ""
    algorithm_version: str = ""
    review_threshold: float = 0.5
    flag_threshold: float = 0.7
    scope: str = "case"  # "case", or the party screened alone ("entity 12")
    parties: int = 0
    started_at: str = ""  # ISO 8601 UTC
    finished_at: str = ""
    actor: str = ""


class ScreeningHit(SQLModel, table=True):
    __tablename__ = "screening_hit"
    id: int | None = Field(default=None, primary_key=True)
    run_id: int = Field(foreign_key="screening_run.id", ondelete="CASCADE", index=True)
    entity_id: int = Field(foreign_key="entity.id", ondelete="CASCADE", index=True)
    list_key: str = Field(index=True)  # the entry's FtM id
    list_schema: str = ""
    list_caption: str = ""
    score: float = 0.0
    features: str = "{}"  # JSON: feature -> score
    explanation: str = ""
    matched_name: str = ""  # the party's name and the list's name that matched best
    entry: str = "{}"  # JSON snapshot of the list entry
    entry_digest: str = ""
    carried_decision_id: int | None = Field(default=None, foreign_key="screening_decision.id",
                                            ondelete="SET NULL")
    reopened: str = ""  # why an earlier decision does not hold: entry changed, score crossed


class ScreeningDecision(SQLModel, table=True):
    __tablename__ = "screening_decision"
    id: int | None = Field(default=None, primary_key=True)
    hit_id: int = Field(foreign_key="screening_hit.id", ondelete="CASCADE", index=True)
    verdict: str  # match, no_match, unsure
    reviewer: str = ""
    note: str = ""
    decided_at: str = ""
