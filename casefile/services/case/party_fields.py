"""How a party takes what another record says of it without losing what it holds: an
import adding what a file says to a party the case has (imports.party_additions), and a
merge folding one party into another (operations.merge_entities).
Empty fields are filled, country lists and topics joined, position and address lines it lacks
added, a date moves whole; a one-value field holding something else is reported, never
replaced."""

from __future__ import annotations

from typing import Any

from casefile.services.case.validation import tags_text
from casefile.store import schema

DATE_PARTS = ("text", "edtf", "start", "end", "precision", "approx", "uncertain")
# a field as a report says it
WORDS = {"country": "country", "other_countries": "other countries",
         "nationality": "nationality", "topics": "topics", "birth": "birth date",
         "incorporation": "incorporation date", "dissolution": "dissolution date",
         "birth_place": "place of birth", "legal_form": "legal form", "gender": "gender",
         "description": "description", "position": "positions", "address": "addresses"}
LINES = ("position", "address")  # one value a line: the other's lines not there are added
ONE = ("birth_place", "legal_form", "gender", "description")  # one value: filled if empty
DATES = tuple(schema.date_fields("entity"))


def items(value: str | None) -> list[str]:
    """The items of a comma-separated list column."""
    return [x for x in (value or "").split(",") if x]


def detail_changes(old: dict[str, Any], new: dict[str, Any]
                   ) -> tuple[dict[str, Any], list[str], list[str]]:
    """(the columns of the case's party ``old`` to write, the fields they add to, the
    fields where the file's party ``new`` says otherwise and the case's value stays), both
    as keys of :data:`WORDS`. ``new`` holds the file's values as cleaned for an entity row; a
    column it lacks says nothing."""
    out: dict[str, Any] = {}
    added: list[str] = []
    other: list[str] = []
    country, theirs = old.get("country"), new.get("country")
    if theirs and not country:
        out["country"], country = theirs, theirs
        added.append("country")
    had = items(old.get("other_countries"))
    more = [c for c in dict.fromkeys(([theirs] if theirs else [])
                                     + items(new.get("other_countries")))
            if c != country and c not in had]
    if more:
        out["other_countries"] = ",".join(had + more)
        added.append("other_countries")
    nation = list(dict.fromkeys(items(old.get("nationality"))
                                + items(new.get("nationality"))))
    if nation != items(old.get("nationality")):
        out["nationality"] = ",".join(nation)
        added.append("nationality")
    topics = tags_text(items(old.get("topics")) + items(new.get("topics")))
    if topics != tags_text(items(old.get("topics"))):
        out["topics"] = topics
        added.append("topics")
    for prefix in DATES:
        mine, given = old.get(f"{prefix}_text"), new.get(f"{prefix}_text")
        if given and not mine:
            out.update({f"{prefix}_{p}": new.get(f"{prefix}_{p}") for p in DATE_PARTS})
            added.append(prefix)
        elif given and new.get(f"{prefix}_edtf") != old.get(f"{prefix}_edtf"):
            other.append(prefix)
    for col in LINES:
        have = (old.get(col) or "").splitlines()
        seen = {" ".join(x.split()).casefold() for x in have}
        extra = [x for x in (new.get(col) or "").splitlines()
                 if x.strip() and " ".join(x.split()).casefold() not in seen]
        if extra:
            out[col] = "\n".join([*have, *extra]).strip("\n")
            added.append(col)
    for col in ONE:
        mine, given = old.get(col), new.get(col)
        if given and not mine:
            out[col] = given
            added.append(col)
        elif given and not _says(str(mine), str(given), col == "description"):
            other.append(col)
    return out, added, other


def _says(mine: str, given: str, within: bool) -> bool:
    """Whether the case's value says the file's: the same (spaces and case aside), or, for
    free text (``within``), holds it ('male' is not 'female', 'JSC' not 'PJSC')."""
    mine, given = " ".join(mine.split()).casefold(), " ".join(given.split()).casefold()
    return given in mine if within else given == mine
