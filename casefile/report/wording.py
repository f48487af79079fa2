"""How the dossier words what a case stores in a form meant for machines: an EDTF set of
dates ('[1960, 1961-03-02]': the sources give several, one of them right) read out as
'1960 or 2 March 1961 (sources differ)' — the set's reading, which core gives."""

from __future__ import annotations

from typing import Any

from casefile.core.countries import country_name
from casefile.core.datetypes import FuzzyDateError
from casefile.core.fuzzydate import parse_fuzzy_date
from casefile.core.topics import topics_words


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


def party_facts(e: dict[str, Any], gender: bool = False) -> list[tuple[str, str]]:
    """What a profile says of a party beyond its names and countries (and its gender, with
    ``gender``), in words, in the dossier's order: ('Born', '3 October 1971 in Tver'),
    ('Position', a post a line) … (the dossier's profile and the GUI's views alike)."""
    nationality = ", ".join(country_name(c) or c
                            for c in (e.get("nationality") or "").split(",") if c)
    born = " in ".join(x for x in (date_words(e.get("birth_text"), e.get("birth_edtf")),
                                   e.get("birth_place")) if x)
    out = [("Nationality", nationality), ("Gender", e.get("gender") or "" if gender else ""),
           ("Born", born),
           ("Incorporated", date_words(e.get("incorporation_text"),
                                       e.get("incorporation_edtf"))),
           ("Dissolved", date_words(e.get("dissolution_text"), e.get("dissolution_edtf"))),
           ("Legal form", e.get("legal_form") or ""), ("Position", e.get("position") or ""),
           ("Address", e.get("address") or ""), ("Topics", topics_words(e.get("topics")))]
    return [(label, value.strip()) for label, value in out if value and value.strip()]
