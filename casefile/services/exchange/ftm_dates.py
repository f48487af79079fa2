"""The dates a case holds, at the precision FollowTheMoney can carry: FtM dates are ISO
prefixes (a year, a month, a day, a date-time), with no qualifiers, decades or seasons. A
fuzzy date becomes one date when it is exactly a day, month or year, else its first and last
day as startDate / endDate at the coarsest precision that keeps them exact; a property that
holds one date gets the narrowest day, month or year that holds all of it, or each date of a
set ('one of')."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

_PLAIN_END = re.compile(r"(\d{4}(?:-\d{2}(?:-\d{2})?)?)[~?%]?")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}(?::?\d{2})?)?")


def _bounds(row: dict[str, Any], p: str = "date") -> tuple[date | None, date | None]:
    start, end = row.get(f"{p}_start"), row.get(f"{p}_end")
    return (date.fromisoformat(start) if start else None,
            date.fromisoformat(end) if end else None)


def _month_end(d: date) -> bool:
    return (d + timedelta(days=1)).day == 1


def ftm_dates(row: dict[str, Any], p: str = "date"
              ) -> tuple[str | None, str | None, str | None]:
    """(one date, start, end) in FtM's ISO prefixes for a row's fuzzy date ``p`` (its
    date_* columns unless another prefix is named): the one date when the case's date is
    exactly a day, month or year, else the bounds (an open end is None) at the coarsest
    precision that keeps them exact."""
    lo, hi = _bounds(row, p)
    if lo is None and hi is None:
        return None, None, None
    code = row.get(f"{p}_edtf") or ""
    if lo is not None and lo == hi and _DATETIME.fullmatch(code):
        return code, None, None
    exact = _exactly(lo, hi)
    if exact:
        return exact, None, None
    years = (lo is None or (lo.month, lo.day) == (1, 1)) and \
        (hi is None or (hi.month, hi.day) == (12, 31))
    months = (lo is None or lo.day == 1) and (hi is None or _month_end(hi))
    cut = 4 if years else 7 if months else 10
    sides = code.split("/") if code.count("/") == 1 else ["", ""]
    # each end as precise as the case wrote it where it wrote a plain date ('../2022-06-30';
    # look21: '2015/2021-06-15' went out as 2015-01-01, a year made a false exact day)
    first, last = (_PLAIN_END.fullmatch(side) for side in sides)
    return (None, (first.group(1) if first else lo.isoformat()[:cut]) if lo else None,
            (last.group(1) if last else hi.isoformat()[:cut]) if hi else None)


def _exactly(lo: date | None, hi: date | None) -> str | None:
    """The day, month or year that is exactly lo … hi, if one is."""
    if lo is None or hi is None:
        return None
    if lo == hi:
        return lo.isoformat()
    if lo.year == hi.year and (lo.month, lo.day) == (1, 1) and (hi.month, hi.day) == (12, 31):
        return lo.isoformat()[:4]
    if (lo.year, lo.month) == (hi.year, hi.month) and lo.day == 1 and _month_end(hi):
        return lo.isoformat()[:7]
    return None


def within(row: dict[str, Any], p: str = "date") -> str | None:
    """For a property that holds one date (a listing, a publication): the narrowest day,
    month or year that holds the whole of the case's date ``p``, if one does."""
    lo, hi = _bounds(row, p)
    if lo is None or hi is None:
        return None
    for cut in (10, 7, 4):
        if lo.isoformat()[:cut] == hi.isoformat()[:cut]:
            return lo.isoformat()[:cut]
    return None


_SET = re.compile(r"[\[{]([^\]}]*)[\]}]")
_PLAIN = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def single_dates(row: dict[str, Any], p: str) -> list[str]:
    """The values of a one-date property (birthDate, listingDate) for the fuzzy date ``p``:
    the narrowest day, month or year that holds it, or each date of a set of possible
    dates ('[1960, 1961-03-02]'); none when FtM cannot say it (a decade, a span)."""
    one = within(row, p)
    if one:
        return [one]
    code = row.get(f"{p}_edtf") or ""
    found = _SET.fullmatch(code)
    if found:
        members = [m.strip() for m in found.group(1).split(",")]
        if members and all(_PLAIN.fullmatch(m) for m in members):
            return members
    return []
