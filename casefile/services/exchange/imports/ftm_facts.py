"""What one FollowTheMoney sanction, relationship, event, document or Documentation link
says, as the values of a Casefile record (an EconomicActivity's: :mod:`.ftm_shipment_values`).
Pure functions over an entity's properties; what Casefile's own export writes into a summary
(a date as given) is read back into its fields."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from casefile.core.countries import country_name
from casefile.core.sanctions import is_status, status_of
from casefile.services.case.validation import max_chars
from casefile.services.exchange.imports.ftm_date_values import (
    earliest,
    given_date,
    given_in_summary,
    last_day,
    latest,
    span,
)
from casefile.services.exchange.imports.ftm_map import (
    Props,
    bcp47,
    first,
    joined,
    mapping,
    strings,
)
from casefile.services.exchange.link_details import detail
from casefile.store import models


# -- sanctions -------------------------------------------------------------------------------
def sanction_values(props: Props, today: date, warn: Callable[[str], None],
                    context: str = "") -> tuple[dict[str, Any], dict[str, str]]:
    """A sanction's terms: the listing date is the designation (the earliest listingDate,
    not a later amendment); start the earliest startDate, end the latest endDate; the
    status in the case's words (a word lists use in opposite senses as the list its
    authority, programme or ``context`` — the entity's datasets — names means it), else
    'ended' when the end has passed."""
    field = {"programme": "program", "program_id": "programId", "authority": "authority",
             "reason": "reason", "source_url": "sourceUrl"}
    listed = strings(props, "listingDate") or strings(props, "date")
    field["date"] = "listingDate" if strings(props, "listingDate") else "date"
    start, end = strings(props, "startDate"), strings(props, "endDate")
    reason = joined(props, "reason")
    status = None
    named = " ".join([context, *(v for p in ("authority", "program", "programId")
                                 for v in strings(props, p))])
    for said in strings(props, "status"):
        status = status_of(said, named)
        if status is None:
            warn(f"Sanction status {said!r} means different things in different lists, or "
                 "says nothing of whether the measures are in force; kept in the reason in "
                 "the list's words" if is_status(said) else
                 f"Sanction status {said!r} is not one Casefile knows; kept in the reason")
            reason = "; ".join(x for x in (reason, f"Status as listed: {said}") if x)
    terms = [f"{label}: {'; '.join(given)}" for prop, label in _TERMS
             if (given := strings(props, prop))]
    # (look25) what the fields hold one of: the other dates and source pages, and the
    # list's summary (not Casefile's own export's 'Start date as given: …'), in the reason
    end_day = latest(end) if end else None
    listed_on, start_on = (earliest(listed) if listed else None,
                           earliest(start) if start else None)
    for label, given, kept in (("Further listing dates", listed, listed_on),
                               ("Further start dates", start, start_on),
                               ("Further end dates", end, end_day),
                               ("Further source pages", strings(props, "sourceUrl")[1:], None)):
        if more := [v for v in dict.fromkeys(given) if v != kept]:
            terms.append(f"{label}: {'; '.join(more)}")
    summary = [part for text in strings(props, "summary") for part in text.split("; ")
               if not _AS_GIVEN.match(part)]
    if summary:
        terms.append("Summary: " + "; ".join(summary))
    if len(programme := joined(props, "program")) > (max_chars("sanction", "programme") or 0):
        terms.insert(0, f"Programme: {programme}")  # (look25) past what the field holds
        programme = ""
    reason = "\n".join(x for x in (reason, *terms) if x)
    # ended when its last day has passed ('2026' runs to 31 December 2026)
    if status is None and end_day and last_day(end_day) < today.isoformat():
        status = "ended"  # expired: its term ran out before the import
    countries = _country_names(props)  # the authority's country: said by the authority
    values = {"authority": joined(props, "authority") or countries,
              "programme": programme, "program_id": joined(props, "programId"),
              "reason": reason, "source_url": (strings(props, "sourceUrl") or [""])[0],
              "status": status or "", "date": listed_on, "start": start_on, "end": end_day}
    for key, label in SANCTION_DATES.items():
        values[key] = given_in_summary(props, f"{label} as given: ", values[key])
    field.update(start="startDate", end="endDate", status="status")
    return values, field


# a sanction's dates, and how a summary or a reason names them
SANCTION_DATES = {"date": "Listing date", "start": "Start date", "end": "End date"}
_AS_GIVEN = re.compile(r"(?:Listing|Start|End) date as given: ")
# what else a list says of a sanction, kept in its reason, each on a line of its own
_TERMS = (("provisions", "Provisions"), ("duration", "Duration"),
          ("authorityId", "Authority's listing id"), ("unscId", "UN listing id"),
          ("programUrl", "Programme page"))


def _country_names(props: Props) -> str:
    return "; ".join(country_name(c) or c for c in strings(props, "country"))


# -- relationships ---------------------------------------------------------------------------
_KIND_WORDS = {k.replace("_", " "): k for k in models.RELATIONSHIP_KINDS}


# how a relationship's FtM detail reads in its description: the value alone where it says
# what it is ('Chief Designer', 'spouse', '25%'), else the property in words
def relationship_values(schema: str, props: Props) -> tuple[str, dict[str, Any]]:
    """(kind, values) of a relationship: an UnknownLink whose role is a Casefile kind in
    words ('supplies', 'spokesperson for') is that kind; the role, percentage and the like
    go into the description."""
    link = mapping().links[schema]
    kind = link["kind"]
    details = []
    said = joined(props, "description", "summary")
    within = set(said.split("; "))  # Casefile's own export keeps them in it too
    for prop in link["details"]:
        for v in strings(props, prop):
            if schema == "UnknownLink" and prop == "role" and v.casefold() in _KIND_WORDS:
                kind = _KIND_WORDS[v.casefold()]
                continue
            if (part := detail(prop, v)) not in within:
                details.append(part)
    text, _prop = span(props, point=schema in POINT_LINKS)
    description = "; ".join(x for x in (said, *details) if x)
    return kind, {"kind": kind, "date": text, "description": description}


GIVEN = "Date as given: "  # the date as the case gave it, in Casefile's own export
PLACE = "Place: "  # where an event happened, in its description
# links that happen at a moment: a start date alone is when (a succession), not 'since'
POINT_LINKS = frozenset({"Succession"})


def as_given(given: str, props: Props, point: str | None) -> str | None:
    """The date the case gave (Casefile's own export: 'Date as given: since 2022-06') where
    it lies within what FtM said, read as an interval (a start alone: since then); else the
    record's date as read (``point``)."""
    chosen = given_date(given, span(props)[0])
    return chosen if chosen == given else point



# -- events, sources, citations ----------------------------------------------------------
def event_values(props: Props) -> dict[str, Any]:
    text, _p = span(props, point=True)
    kinds = {k.replace("_", " "): k for k in models.EVENT_KINDS}
    kind = next((kinds[k.casefold()] for k in strings(props, "keywords")
                 if k.casefold() in kinds), "other")
    said = [*strings(props, "summary"), *strings(props, "description")]
    given = [s.removeprefix(GIVEN) for s in said if s.startswith(GIVEN)]
    # (look21) where it happened: an event has no field for it, its description says it
    where = [*strings(props, "location"), *strings(props, "address"),
             *(country_name(c) or c for c in strings(props, "country"))]
    place = f"{PLACE}{', '.join(dict.fromkeys(where))}" if where else ""
    return {"title": (strings(props, "name") or ["Untitled event"])[0], "kind": kind,
            "description": "\n".join(dict.fromkeys(
                s for s in [*said, place] if s and not s.startswith(GIVEN))),
            "date": as_given(given[0], props, text) if given else text}


def source_values(schema: str, props: Props) -> dict[str, Any]:
    kinds = {k.replace("_", " "): k for k in models.SOURCE_KINDS}
    kind = next((kinds[k.casefold()] for k in strings(props, "keywords")
                 if k.casefold() in kinds), mapping().sources[schema])
    reliability = "F"  # cannot be judged, unless Casefile wrote the grade
    notes = []
    for s in strings(props, "summary"):
        if m := re.fullmatch(r"Admiralty reliability ([A-F])", s):
            reliability = m.group(1)
        else:
            notes.append(s)
    title = (strings(props, "title") or strings(props, "name") or strings(props, "fileName")
             or ["Untitled document"])[0]
    published = strings(props, "publishedAt") or strings(props, "date")
    return {"kind": kind, "title": title, "publisher": joined(props, "publisher"),
            "author": joined(props, "author"), "url": (strings(props, "sourceUrl") or [""])[0],
            "date": earliest(published) if published else None,
            "accessed": (first(props, "retrievedAt") or "")[:10] or None,
            "language": bcp47(first(props, "language")),
            "reliability": reliability,
            "notes": "\n".join(notes + strings(props, "notes") + strings(props, "description"))}


_CREDIBILITY = re.compile(r"citation, credibility ([1-6])")  # as Casefile's export writes it


def is_credibility_role(role: str) -> bool:
    """Whether a Documentation role is the credibility Casefile's own export wrote."""
    return _CREDIBILITY.fullmatch(role) is not None


def citation_values(props: Props) -> tuple[str, str, int]:
    """(excerpt, locator, credibility) of a Documentation link (Casefile's own export
    writes the credibility into its role)."""
    credibility = 6
    for role in strings(props, "role"):
        if m := _CREDIBILITY.fullmatch(role):
            credibility = int(m.group(1))
    return (joined(props, "summary"), joined(props, "description"),
            credibility)
