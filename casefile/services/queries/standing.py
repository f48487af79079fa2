"""A sanction's standing (in force, ended, lifted) in SQL, for the listings and the timeline
that read rows straight from the case: the same rule and words as
:func:`casefile.core.sanctions.standing` (tests/services/test_sanction_standing.py holds the
two to each other)."""

from __future__ import annotations

from casefile.core.sanctions import NOT_STATED

TODAY = "date('now', 'localtime')"


def standing_sql(alias: str = "x", today: str = TODAY, not_stated: str = NOT_STATED) -> str:
    """SQL for the words of a sanction's standing ('ended 2024-10-30', 'in force',
    ``not_stated``: NOT_STATED, or NOT_STATED_SHORT in a table's column)."""
    end = f"trim(coalesce({alias}.end_text, ''))"
    with_end = f"CASE WHEN {end} = '' THEN '' ELSE ' ' || {end} END"
    return (f"CASE WHEN {alias}.status = 'lifted' THEN 'lifted' || {with_end} "
            f"WHEN {alias}.status = 'ended' OR {alias}.end_end < {today} "
            f"THEN 'ended' || {with_end} "
            f"WHEN {alias}.status = 'in_force' THEN 'in force' || CASE WHEN {end} = '' THEN ''"
            f" ELSE ' until ' || {end} END "
            f"ELSE CASE WHEN {end} = '' THEN '{not_stated}' ELSE 'until ' || {end} END END")


def ended_sql(alias: str = "x", today: str = TODAY) -> str:
    """SQL that is 1 for a sanction that has ended or was lifted, else 0."""
    return (f"({alias}.status IN ('ended', 'lifted') OR coalesce({alias}.end_end < {today}, "
            "0))")
