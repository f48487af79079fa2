"""How the dossier words what a case stores in a form meant for machines: an EDTF set of
dates ('[1960, 1961-03-02]': the sources give several, one of them right) read out as
'1960 or 2 March 1961 (sources differ)'."""

from __future__ import annotations

from casefile.core.datetypes import FuzzyDateError
from casefile.core.fuzzydate import parse_fuzzy_date


def date_words(text: str | None, edtf: str | None = None) -> str:
    """A date as printed: as the source gave it, unless it is an EDTF set, which is read
    out member by member ('one of' sets with 'or', 'all of' sets with 'and')."""
    text = (text or "").strip()
    code = (edtf or text).replace(" ", "")
    if len(code) < 3 or (code[0], code[-1]) not in (("[", "]"), ("{", "}")):
        return text
    members = [m for m in code[1:-1].split(",") if m]
    said = [_member(m) for m in members]
    if len(said) < 2:
        return said[0] if said else text
    if code[0] == "[":
        return f"{', '.join(said[:-1])} or {said[-1]} (sources differ)"
    return f"{', '.join(said[:-1])} and {said[-1]}"


def _member(member: str) -> str:
    first, dots, second = member.partition("..")
    if not dots:
        return _one(member)
    if first and second:
        return f"{_one(first)} to {_one(second)}"
    return f"on or before {_one(second)}" if second else f"on or after {_one(first)}"


def _one(code: str) -> str:
    try:
        d = parse_fuzzy_date(code)
    except FuzzyDateError:
        return code
    said = str(d.start.year) if d.precision == "year" and d.start is not None else \
        d.reading.removeprefix("the year ") or code
    if d.approximate:
        said = f"about {said}"
    return f"{said} (uncertain)" if d.uncertain else said
