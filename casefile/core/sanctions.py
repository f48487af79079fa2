"""Whether a sanction is in force, ended or lifted, and how to say it.

A case stores a sanction's status as the source gave it (``in_force``, ``ended``, ``lifted``,
or ``""`` when the source does not say) and its end as a fuzzy date. Its *standing* on a day
also follows from the end date: a sanction whose end has passed has ended, whatever status
it was listed with. Every view (record list, timeline, dossier) says it the same way, through
:func:`standing`.

The words lists write in a status (``active``, ``expired``, ``excluded``, ``не діє``) are a
data file (``resources/sanctions/status.json``)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from casefile.paths import resource_path

STATUSES = ("", "in_force", "ended", "lifted")
NOT_STATED = "no status or end date recorded"  # the standing of a sanction the source leaves open
NOT_STATED_SHORT = "not stated"  # the same in a table's Status column (3/4 of a list's rows)
ENDED = ("ended", "lifted")


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[\s\-_.,;:()]+", " ", text.casefold()).split())


AMBIGUOUS = "ambiguous"  # a status word lists write with opposite meanings (status.json)


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    """status.json, read once."""
    data: dict[str, Any] = json.loads(resource_path("sanctions", "status.json").read_text(
        "utf-8"))
    return data


@lru_cache(maxsize=1)
def _words() -> dict[str, str]:
    data = _data()
    return {_fold(w): status for status in ("in_force", "ended", "lifted", AMBIGUOUS)
            for w in data[status]}


# a closing remark a status may carry: '(expired 12 March 2024)', ' – Adequate Assurances'
_REMARK = re.compile(r"\s*(?:\([^()]*\)|\s[-–—]\s.*)\s*$")


def _meaning(text: str) -> str | None:
    """What the status words ``text`` mean in status.json (AMBIGUOUS included): the whole
    value, else the value without a closing remark that itself speaks of the status ('Past
    (expired 12 March 2024)', 'Reinstated – Adequate Assurances'; not 'Sanctioned (under
    EO 14024)', a reason: review27)."""
    words = _words()
    found = words.get(_fold(text))
    if found is None and (bare := _REMARK.sub("", text)) != text and bare.strip():
        remark = f" {_fold(re.sub(r'[0-9]+', ' ', text[len(bare):]))} "  # ('Assurances1')
        if any(f" {w} " in remark for w in words):
            found = words.get(_fold(bare))
    return found


@lru_cache(maxsize=1)
def _by_list() -> list[tuple[frozenset[str], str, tuple[str, ...]]]:
    data = _data()
    return [(frozenset(_fold(w) for w in rule["words"]), rule["means"],
             tuple(_fold(x) for x in rule["lists"])) for rule in data.get("by_list", [])]


def status_of(text: str | None, context: str = "") -> str | None:
    """The status a list's word means ('Expired' -> 'ended', 'delisted' -> 'lifted'); a key
    of STATUSES is itself; None when the words are not known, or mean opposite things in
    different lists ('Excluded': removed from Ukraine's list, barred by a US Medicaid one)
    and the ``context`` (the sanction's authority, programme, datasets) names none whose
    meaning status.json knows."""
    if text is None or not text.strip():
        return None
    if text.strip() in STATUSES:
        return text.strip()
    found = _meaning(text)
    if found == AMBIGUOUS and context:
        said, where = _fold(text), f" {_fold(context)} "
        found = next((means for words, means, lists in _by_list() if said in words
                      and any(f" {x} " in where for x in lists)), AMBIGUOUS)
    return None if found == AMBIGUOUS else found


def is_status(text: str) -> bool:
    """Whether ``text`` is a word lists write as a sanction's status, whatever it means
    (one of status.json's, the ambiguous ones too)."""
    return bool(text.strip()) and (text.strip() in STATUSES or _meaning(text) is not None)


@dataclass(frozen=True)
class Standing:
    """A sanction's standing on a day: ``state`` is in_force, ended, lifted or "" (not
    known), ``text`` says it with the end date as the source gave it."""

    state: str
    text: str

    @property
    def ended(self) -> bool:
        return self.state in ENDED


# how a sanction's reason keeps a status word Casefile does not read as one of STATUSES
LISTED = "Status as listed: "


# where an import puts them: at the reason's start, after '; ' or on a line of their own,
# up to the next '; ' or line break (review28: a user's "noted 'Status as listed: active' was
# wrong" set the standing)
_LISTED_AT = re.compile(r"(?:^|; |\n)" + re.escape(LISTED) + r"((?:(?!; )[^\n])*)")
STRIPPED = " \t\r\u00a0"  # what is trimmed off them, here and in SQL


def listed_status(reason: str | None) -> str:
    """The status words a sanction's reason keeps ('Status as listed: Excluded' ->
    'Excluded'; the first, where it keeps two), '' when it keeps none."""
    found = _LISTED_AT.search(reason or "")
    return found.group(1).strip(STRIPPED) if found else ""


def without_listed(reason: str) -> str:
    """The reason without the status words it keeps (:func:`listed_status`), for a view
    that says them with the standing already."""
    return _LISTED_AT.sub("", reason).strip()


def standing(status: str | None, end_text: str | None, end_last: date | str | None,
             today: date, reason: str | None = None) -> Standing:
    """How a sanction stands on ``today``: lifted or ended as its status says, ended when
    its last possible end day is before today, else in force (until its end, if it has
    one), or "until" its end, or — with neither status nor end — NOT_STATED, never blank.
    Where the status is not one of STATUSES but the ``reason`` keeps the list's own words
    (:func:`listed_status`: 'Excluded' means opposite things in two lists), they are said
    instead of NOT_STATED (look26: 'no status recorded' beside 'Status as listed: …')."""
    status = status or ""
    end = (end_text or "").strip()
    last = date.fromisoformat(end_last) if isinstance(end_last, str) and end_last else \
        end_last if isinstance(end_last, date) else None
    if status == "lifted":
        return Standing("lifted", f"lifted {end}".strip())
    if status == "ended" or (last is not None and last < today):
        return Standing("ended", f"ended {end}".strip())
    if status == "in_force":
        return Standing("in_force", f"in force until {end}" if end else "in force")
    # the source says neither: say so, rather than print nothing or presume it in force
    listed = listed_status(reason)
    said = f"status as listed: {listed}" if listed else ""
    if end:
        return Standing("", f"until {end} ({said})" if said else f"until {end}")
    return Standing("", said or NOT_STATED)
