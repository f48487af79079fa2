"""Weeks numbered within a year, as ISO 8601 counts them (weeks run Monday to Sunday; week 1
holds the year's first Thursday): '2019-W12', '2019W12', 'week 12 2019', 'week 12 of 2019',
'W12/2019', 'KW 12 2019' (German Kalenderwoche), 'the 12th week of 2019', '12-я неделя 2019
г.', and a day of one ('2019-W12-3': its Wednesday). EDTF has no week, so a week is kept as
the span of its days ('2019-03-18/2019-03-24'), which reads back as the same days; the text
stays as written and the reading says which week it was."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from casefile.core.datetypes import FuzzyDate, FuzzyDateError, check_year, day_words, mark

_WORD = r"(?:week|wk\.?|kw|w|неделя|нед\.?)"
_ORD = r"(?:st|nd|rd|th|[-–]?я|[-–]?й)?"  # ('12–я': the dash a Russian keyboard types)
# a qualifier before the week, or a mark after it, as the other dates take them
_BEFORE = re.compile(r"^(?:about|around|circa|approximately|approx\.?|ca\.?|c\.|~|около|"
                     r"примерно)\s*")
_AFTER = re.compile(r"\s*([?~%])$")
_YEAR = r"(\d{4})(?:\s*(?:г\.?|года?))?"
_FORMS = [
    re.compile(r"(\d{4})-?w(\d{1,2})(?:-?([1-7]))?"),  # ISO: week first after its year
    re.compile(rf"{_WORD}\s*(?:no\.?\s*|#|№\s*)?(\d{{1,2}})\s*(?:,|/|-|of|in)?\s*{_YEAR}"),
    re.compile(rf"(?:the\s+)?(\d{{1,2}}){_ORD}\s+{_WORD}\s+(?:of\s+|in\s+)?{_YEAR}"),
    re.compile(rf"{_YEAR}\s*,?\s*{_WORD}\s*(\d{{1,2}})"),
]
_YEAR_FIRST = (0, 3)  # the forms that give the year before the week


def weeks_in(year: int) -> int:
    """52 or 53: the ISO weeks of ``year`` (28 December is always in its last)."""
    return date(year, 12, 28).isocalendar()[1]


_SPAN = re.compile(r"\s*–\s*|\s+-\s+|\s+(?:to|till|until|through|and|по)\s+")
_SPAN_START = re.compile(r"^(?:from|between|с)\s+")


_OPEN = re.compile(r"^(since|from|after|until|till|by|before|с|после|до|по)\s+(.+)$")


def _open(text: str, limit: str, week: FuzzyDate) -> FuzzyDate:
    """'since week 12 2019' and the like: from or until a week, the other end open."""
    assert week.start is not None and week.end is not None
    lo, _sep, hi = week.edtf.partition("/")
    name = week.reading.split(" (")[0]
    if limit in ("since", "from", "с"):
        return FuzzyDate(text, f"{lo}/..", week.start, None, "open", week.approximate,
                         week.uncertain, f"from {name} on ({day_words(week.start)})")
    if limit in ("after", "после"):
        day = week.end + timedelta(days=1)
        return FuzzyDate(text, f"{day.isoformat()}/..", day, None, "open", week.approximate,
                         week.uncertain, f"after {name} (from {day_words(day)})")
    if limit in ("before", "до"):
        day = week.start - timedelta(days=1)
        return FuzzyDate(text, f"../{day.isoformat()}", None, day, "open", week.approximate,
                         week.uncertain, f"before {name} (until {day_words(day)})")
    return FuzzyDate(text, f"../{hi or lo}", None, week.end, "open", week.approximate,
                     week.uncertain, f"until {name} ({day_words(week.end)})")


def read_week(text: str, s: str) -> FuzzyDate | None:
    """The ISO week (or a day of one) ``s`` names, or the weeks from one to another ('week
    12 2019 – week 14 2019'); None when it names no week. 'about week 12 2019' is
    approximate, 'week 12 2019?' uncertain."""
    words = " ".join(s.lower().split())
    opened = _OPEN.match(words)
    if opened and not _SPAN.search(opened.group(2)):  # ('from week 12 to week 14': a span)
        week = _one(text, opened.group(2))
        if week is not None:
            return _open(text, opened.group(1), week)
    parts = _SPAN.split(_SPAN_START.sub("", words))
    if len(parts) != 2 and words.count("/") == 1:  # '2019-W12/2019-W14', as EDTF writes one
        parts = words.split("/")
    if len(parts) == 2:
        first, last = (_one(text, part) for part in parts)
        if first is not None and last is not None:
            return _span(text, first, last)
    return _one(text, words)


def _span(text: str, first: FuzzyDate, last: FuzzyDate) -> FuzzyDate:
    assert first.start is not None and last.end is not None  # (weeks are closed)
    if last.end < first.start:
        raise FuzzyDateError(text, f"it ends ({last.reading}) before it begins "
                                   f"({first.reading})")
    lo, hi = first.edtf.partition("/")[0], last.edtf.rpartition("/")[2]
    return FuzzyDate(text, f"{lo}/{hi}", first.start, last.end, "span",
                     first.approximate or last.approximate, first.uncertain or last.uncertain,
                     f"from {first.reading.split(' (')[0]} to {last.reading.split(' (')[0]} "
                     f"({_days(first.start, last.end)})")


def _one(text: str, words: str) -> FuzzyDate | None:
    approx = uncertain = False
    before = _BEFORE.match(words)
    if before:
        words, approx = words[before.end():], True
    after = _AFTER.search(words)
    if after:
        words = words[:after.start()]
        approx = approx or after.group(1) in "~%"
        uncertain = after.group(1) in "?%"
    for k, form in enumerate(_FORMS):
        m = form.fullmatch(words)
        if m is None:
            continue
        a, b = m.group(1), m.group(2)
        year, week = (int(a), int(b)) if k in _YEAR_FIRST else (int(b), int(a))
        day = int(m.group(3)) if k == 0 and m.group(3) else None
        found = _week(text, year, week, day)
        if not (approx or uncertain):
            return found
        lo, _sep, hi = found.edtf.partition("/")
        edtf = "/".join(mark(x, approx, uncertain) for x in (lo, hi) if x)
        return replace(found, edtf=edtf, approximate=approx, uncertain=uncertain,
                       reading=("about " if approx else "") + found.reading
                       + (", uncertain" if uncertain else ""))
    return None


def _week(text: str, year: int, week: int, day: int | None) -> FuzzyDate:
    check_year(year, text)
    last = weeks_in(year)
    if not 1 <= week <= last:
        raise FuzzyDateError(text, f"{year} has {last} weeks (ISO 8601); there is no week "
                                   f"{week}")
    if day is not None:
        d = date.fromisocalendar(year, week, day)
        return FuzzyDate(text, d.isoformat(), d, d, "day",
                         reading=f"{d:%A} {day_words(d)} (ISO week {week} of {year})")
    lo, hi = date.fromisocalendar(year, week, 1), date.fromisocalendar(year, week, 7)
    return FuzzyDate(text, f"{lo.isoformat()}/{hi.isoformat()}", lo, hi, "span",
                     reading=f"ISO week {week} of {year} ({_days(lo, hi)})")


def _days(lo: date, hi: date) -> str:
    """'18–24 March 2019', '29 April – 5 May 2019', '30 December 2024 – 5 January 2025'."""
    if (lo.year, lo.month) == (hi.year, hi.month):
        return f"{lo.day}–{day_words(hi)}"
    if lo.year == hi.year:
        return f"{day_words(lo).rsplit(' ', 1)[0]} – {day_words(hi)}"
    return f"{day_words(lo)} – {day_words(hi)}"


__all__ = ["read_week", "weeks_in"]
