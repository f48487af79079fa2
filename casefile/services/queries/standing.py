"""A sanction's standing (in force, ended, lifted) in SQL, for the listings and the timeline
that read rows straight from the case: the same rule and words as
:func:`casefile.core.sanctions.standing` (tests/services/test_sanction_standing.py holds the
two to each other)."""

from __future__ import annotations

from casefile.core.sanctions import LISTED, NOT_STATED, STRIPPED

TODAY = "date('now', 'localtime')"


def _listed_sql(alias: str) -> str:
    """SQL for :func:`casefile.core.sanctions.listed_status` of the sanction's reason: the
    words after the first LISTED at the reason's start, after '; ' or a line break, up to
    the next '; ' or line break."""
    text = (f"(char(10) || replace(coalesce({alias}.reason, ''), '; {LISTED}', "
            f"char(10) || '{LISTED}'))")
    at = f"instr({text}, char(10) || '{LISTED}')"
    rest = f"substr({text}, {at} + {1 + len(LISTED)})"
    cut = (f"min(instr({rest} || char(10), char(10)), instr({rest} || '; ', '; '))")
    strip = STRIPPED.replace("\t", "' || char(9) || '").replace("\r", "' || char(13) || '")
    # (a reason without the words, as most are, is passed over by one instr)
    return (f"CASE WHEN instr(coalesce({alias}.reason, ''), '{LISTED}') = 0 THEN '' "
            f"WHEN {at} > 0 THEN trim(substr({rest}, 1, {cut} - 1), '{strip}') ELSE '' END")


def standing_sql(alias: str = "x", today: str = TODAY, not_stated: str = NOT_STATED) -> str:
    """SQL for the words of a sanction's standing ('ended 2024-10-30', 'in force',
    ``not_stated``: NOT_STATED, or NOT_STATED_SHORT in a table's column; the list's own
    status words where the reason keeps them)."""
    end = f"trim(coalesce({alias}.end_text, ''))"
    with_end = f"CASE WHEN {end} = '' THEN '' ELSE ' ' || {end} END"
    # the list's words, where the reason keeps them, else NULL: each once in the SQL
    said = f"'status as listed: ' || nullif({_listed_sql(alias)}, '')"
    return (f"CASE WHEN {alias}.status = 'lifted' THEN 'lifted' || {with_end} "
            f"WHEN {alias}.status = 'ended' OR {alias}.end_end < {today} "
            f"THEN 'ended' || {with_end} "
            f"WHEN {alias}.status = 'in_force' THEN 'in force' || CASE WHEN {end} = '' THEN ''"
            f" ELSE ' until ' || {end} END "
            f"WHEN {end} = '' THEN coalesce({said}, '{not_stated}') "
            f"ELSE 'until ' || {end} || coalesce(' (' || {said} || ')', '') END")


def ended_sql(alias: str = "x", today: str = TODAY) -> str:
    """SQL that is 1 for a sanction that has ended or was lifted, else 0."""
    return (f"({alias}.status IN ('ended', 'lifted') OR coalesce({alias}.end_end < {today}, "
            "0))")


def who_sql(alias: str = "x") -> str:
    """A sanction's authority and programme (its id where the name is not recorded, as
    targets.simple.csv gives many), '' when neither is: how a list of facts names it
    beside its party (casefile.report.profiles.sanction_who says the same in Python)."""
    return (f"trim({alias}.authority || ' ' || coalesce(nullif({alias}.programme, ''), "
            f"{alias}.program_id, ''))")

