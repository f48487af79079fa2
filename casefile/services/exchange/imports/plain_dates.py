"""The intervals FtM's start and end dates make when both are plain ISO 8601 dates (nearly
every one OpenSanctions writes: '2016-10-05', '2021-10', '2019'), read without the fuzzy date
parser: a PEP file's million posts each name one, and the parser takes some 150 µs a date.
Anything else is left to the parser (:func:`plain_interval` says None)."""

from __future__ import annotations

import calendar
import re
from datetime import date

_PLAIN = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")  # ASCII digits only
_SHAPES = (re.compile(r"(.+) – (.+)"), re.compile(r"since (.+)"), re.compile(r"until (.+)"))


def plain_days(text: str) -> tuple[date, date] | None:
    """The first and last day of a plain ISO 8601 date that is a real day, month or year
    ('2016-10-05', '2016-10', '2016'); None for any other text."""
    m = _PLAIN.fullmatch(text)
    if m is None:
        return None
    try:
        year = int(m[1])
        if m[3] is not None:
            one = date(year, int(m[2]), int(m[3]))
            return one, one
        if m[2] is not None:
            month = int(m[2])
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:  # month 13, 30 February, year 0
        return None


def plain_interval(words: str) -> bool | None:
    """Whether ``words`` ('A – B', 'since A', 'until B') between plain ISO dates reads as
    the interval its EDTF form ('A/B', 'A/..', '../B') says: 'A – B' does when A does not
    begin after B ends, 'since A' and 'until B' always; None when a date is not plain (the
    parser decides)."""
    for i, shape in enumerate(_SHAPES):
        if (m := shape.fullmatch(words)) is not None:
            spans = [plain_days(x) for x in m.groups()]
            if None in spans:
                return None
            if i > 0:
                return True
            first, last = spans
            return first is not None and last is not None and first[0] <= last[1]
    return None
