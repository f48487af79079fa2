"""The screening operations of a case, each one :meth:`Case.operation` (one transaction, one
undo step, one audit entry, the content digest kept): record a run with its hits, and decide
on hits (match / no match / unsure, with the reviewer and a note)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from casefile.errors import NotFoundError, ValidationError
from casefile.services.case.change import Change
from casefile.services.case.journal import Tx
from casefile.store.screening_models import VERDICTS

if TYPE_CHECKING:
    from casefile.services.case.facade import Case

VERDICT_WORDS = {"match": "match", "no_match": "no match", "unsure": "unsure"}


def record_run(case: Case, run: dict[str, Any], hits: Sequence[dict[str, Any]]) -> Change:
    """Write a run and its hits; the Change's result is the run's id."""
    def work(tx: Tx) -> int:
        rid = tx.insert("screening_run", dict(run))
        for h in hits:
            tx.insert("screening_hit", {**h, "run_id": rid})
        return rid
    n = len(hits)
    return case.operation(f"Screen against {run['watchlist']} ({n} hit{'s' * (n != 1)})",
                          work)


def decide(case: Case, hit_ids: Sequence[int], verdict: str, note: str = "",
           reviewer: str | None = None) -> Change:
    """Record a decision on each of ``hit_ids``. Deciding several at once as "no match"
    needs a note (why they were all dismissed)."""
    if verdict not in VERDICTS:
        raise ValidationError("verdict", f"{verdict!r} is no decision: one of "
                              f"{', '.join(VERDICT_WORDS.values())}")
    if not hit_ids:
        raise ValidationError("hits", "no hit chosen")
    if len(hit_ids) > 1 and verdict == "no_match" and not note.strip():
        raise ValidationError("note", "dismissing several hits at once needs a note saying "
                              "why")
    who = reviewer if reviewer is not None else case.actor
    at = datetime.now(UTC).isoformat(timespec="seconds")

    def work(tx: Tx) -> list[int]:
        out = []
        for hid in hit_ids:
            if tx.fetch("screening_hit", hid) is None:
                raise NotFoundError(f"screening hit {hid} no longer exists")
            out.append(tx.insert("screening_decision", {
                "hit_id": hid, "verdict": verdict, "reviewer": who, "note": note.strip(),
                "decided_at": at}))
        return out
    word = VERDICT_WORDS[verdict]
    if len(hit_ids) == 1:
        hit = case.get("screening_hit", hit_ids[0]) or {}
        name = f"Decide “{word}” on {hit.get('list_caption', 'hit')}"
    else:
        name = f"Decide “{word}” on {len(hit_ids)} hits"
    return case.operation(name, work)
