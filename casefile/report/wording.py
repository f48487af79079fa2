"""How the dossier words what a case stores in a form meant for machines: an EDTF set of
dates ('[1960, 1961-03-02]': the sources give several, one of them right) read out as
'1960 or 2 March 1961 (sources differ)' — the set's reading, which core gives."""

from __future__ import annotations

from casefile.core.datetypes import FuzzyDateError
from casefile.core.fuzzydate import parse_fuzzy_date


def date_words(text: str | None, edtf: str | None = None) -> str:
    """A date as printed: as the source gave it, unless it is an EDTF set, which is read
    out member by member ('one of' sets with 'or', 'all of' sets with 'and')."""
    text = (text or "").strip()
    code = (edtf or text).strip()
    if not code.startswith(("[", "{")):
        return text
    try:
        found = parse_fuzzy_date(code)
    except FuzzyDateError:  # not a set Casefile reads: as stored, never dropped
        return text or code
    return found.reading if found.precision == "set" else text
