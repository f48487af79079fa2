"""What a fuzzy date is once read, and the calendar arithmetic every reader of dates shares.

:class:`FuzzyDate` is the result (the text as written, its EDTF form, inclusive first and last
day, precision, qualifiers and the reading in words); :class:`FuzzyDateError` the refusal, with
a reason in the user's terms. :class:`Piece` is one stretch of the calendar a reader has found
("June 2022", "Q3 2022", "early 2022"), before it becomes a date, an interval or one end of one.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date

from casefile.errors import ValidationError

MONTH_NAMES = ("", "January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
ORDINALS = ("", "first", "second", "third", "fourth", "fifth")

# EDTF (ISO 8601-2) sub-year groupings: code -> (first month, last month, words). The last
# month may lie in the next year (13 + m): winter runs from December into February.
SUBYEAR: dict[int, tuple[int, int, str]] = {
    21: (3, 5, "spring"), 22: (6, 8, "summer"), 23: (9, 11, "autumn"), 24: (12, 14, "winter"),
    25: (3, 5, "spring (northern hemisphere)"), 26: (6, 8, "summer (northern hemisphere)"),
    27: (9, 11, "autumn (northern hemisphere)"), 28: (12, 14, "winter (northern hemisphere)"),
    29: (9, 11, "spring (southern hemisphere)"), 30: (12, 14, "summer (southern hemisphere)"),
    31: (3, 5, "autumn (southern hemisphere)"), 32: (6, 8, "winter (southern hemisphere)"),
    33: (1, 3, "Q1"), 34: (4, 6, "Q2"), 35: (7, 9, "Q3"), 36: (10, 12, "Q4"),
    37: (1, 4, "the first four months of"), 38: (5, 8, "the second four months of"),
    39: (9, 12, "the last four months of"),
    40: (1, 6, "the first half of"), 41: (7, 12, "the second half of"),
}


def subyear_precision(code: int) -> str:
    return ("season" if code <= 32 else "quarter" if code <= 36 else
            "quadrimester" if code <= 39 else "half")


class FuzzyDateError(ValidationError):
    """Raised when a date text cannot be understood; the message says what was not understood.
    A :class:`~casefile.errors.ValidationError` of the field ``date`` (``message`` is the
    reason); who knows the real field re-raises it under that name."""

    def __init__(self, text: str, reason: str) -> None:
        super().__init__("date", reason,
                         display=f"Could not understand the date {text!r}: {reason}")
        self.text = text
        self.reason = reason


@dataclass(frozen=True)
class FuzzyDate:
    """A date as the source gave it, with its canonical form and inclusive day bounds.

    ``start``/``end`` are None for an open (or unknown) end. ``reading`` says in words how the
    text was read ("autumn 2022 (EDTF season 23)", "3 April 2022, day first")."""

    text: str
    edtf: str
    start: date | None
    end: date | None
    precision: str  # day, month, season, quarter, quadrimester, half, year, decade,
    #                 century, set, span, open
    approximate: bool = False
    uncertain: bool = False
    reading: str = ""

    @property
    def is_point(self) -> bool:
        """True when the date is one exact day (drawn as a point rather than a bar)."""
        return self.start is not None and self.start == self.end

    @property
    def open_start(self) -> bool:
        return self.start is None

    @property
    def open_end(self) -> bool:
        return self.end is None

    def bounds_text(self) -> str:
        """'2022-06-01 … 2022-06-30'; an open end in words: 'until 1994-12-31', 'from
        2019-01-01 on' (review: '… … 1994-12-31')."""
        if self.start is None and self.end is not None:
            return f"until {self.end.isoformat()}"
        if self.end is None and self.start is not None and not self.is_point:
            return f"from {self.start.isoformat()} on"
        a = self.start.isoformat() if self.start else "…"
        b = self.end.isoformat() if self.end else "…"
        return a if self.is_point else f"{a} … {b}"

    def flags_text(self) -> str:
        flags = [w for w, on in (("approximate", self.approximate),
                                 ("uncertain", self.uncertain)) if on]
        return f" ({', '.join(flags)})" if flags else ""

    def explain(self) -> str:
        """How the text was understood, for editors:
        'Jun 2022 → June 2022: 2022-06-01 … 2022-06-30  [2022-06]'."""
        reading = f"{self.reading}: " if self.reading else ""
        return f"{self.text} → {reading}{self.bounds_text()}{self.flags_text()}  [{self.edtf}]"


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def day_words(d: date) -> str:
    return f"{d.day} {MONTH_NAMES[d.month]} {d.year}"


def check_year(year: int, text: str) -> None:
    """Casefile places dates in the years 1 to 9999 (what a calendar date can hold)."""
    if year == 0:
        raise FuzzyDateError(text, "the year 0 (1 BC in EDTF) is before the dates Casefile "
                                   "can place, which run from the year 1 to 9999")
    if year < 0:
        raise FuzzyDateError(text, f"the year {year} ({1 - year} BC) is before the dates "
                                   "Casefile can place, which run from the year 1 to 9999")
    if year > 9999:
        raise FuzzyDateError(text, f"the year {year} is after the dates Casefile can place, "
                                   "which run from the year 1 to 9999")


def check_day(year: int, month: int, day: int, text: str) -> None:
    if not 1 <= month <= 12:
        raise FuzzyDateError(text, f"there is no month {month}")
    last = last_day(year, month)
    if not 1 <= day <= last:
        raise FuzzyDateError(text, f"{MONTH_NAMES[month]} {year} has {last} days, not {day}")


@dataclass(frozen=True)
class Piece:
    """A stretch of the calendar as one reader found it: its first and last day, its own EDTF
    form if it has one (None: it can only be written as an interval), the EDTF of its first
    and last end when it is one end of an interval, precision and the reading in words."""

    lo: date
    hi: date
    edtf: str | None
    lo_edtf: str
    hi_edtf: str
    precision: str
    reading: str
    approximate: bool = False
    uncertain: bool = False

    def qualified(self, approximate: bool, uncertain: bool) -> Piece:
        if (approximate <= self.approximate) and (uncertain <= self.uncertain):
            return self
        return replace(self, approximate=self.approximate or approximate,
                       uncertain=self.uncertain or uncertain)


def mark(edtf: str, approximate: bool, uncertain: bool) -> str:
    """EDTF's qualifier after a date: '~' approximate, '?' uncertain, '%' both."""
    return edtf + ("%" if approximate and uncertain else "~" if approximate else
                   "?" if uncertain else "")


def day_piece(y: int, m: int, d: int, text: str, reading: str = "") -> Piece:
    check_year(y, text)
    check_day(y, m, d, text)
    day = date(y, m, d)
    iso = day.isoformat()
    return Piece(day, day, iso, iso, iso, "day", reading or day_words(day))


def month_piece(y: int, m: int, text: str) -> Piece:
    check_year(y, text)
    if not 1 <= m <= 12:
        raise FuzzyDateError(text, f"there is no month {m}")
    iso = f"{y:04d}-{m:02d}"
    return Piece(date(y, m, 1), date(y, m, last_day(y, m)), iso, iso, iso, "month",
                 f"{MONTH_NAMES[m]} {y}")


def year_piece(y: int, text: str) -> Piece:
    check_year(y, text)
    iso = f"{y:04d}"
    return Piece(date(y, 1, 1), date(y, 12, 31), iso, iso, iso, "year", f"the year {y}")


def months_piece(y: int, first: int, last: int, text: str, edtf: str | None,
                 precision: str, reading: str) -> Piece:
    """Months ``first``..``last`` of ``y`` (``last`` > 12 runs into the next year)."""
    y2, m2 = (y + 1, last - 12) if last > 12 else (y, last)
    check_year(y, text)
    check_year(y2, text)
    return Piece(date(y, first, 1), date(y2, m2, last_day(y2, m2)), edtf,
                 f"{y:04d}-{first:02d}", f"{y2:04d}-{m2:02d}", precision, reading)


def subyear_piece(y: int, code: int, text: str) -> Piece:
    """An EDTF season, quarter, quadrimester or half of ``y`` (codes 21 to 41)."""
    first, last, words = SUBYEAR[code]
    if code <= 32:
        name = f"{words} {y}" + (f"/{(y + 1) % 100:02d}" if last > 12 else "")
    else:
        name = f"{words} {y}"
    return months_piece(y, first, last, text, f"{y:04d}-{code}", subyear_precision(code),
                        name)


def years_piece(first: int, last: int, text: str, edtf: str, reading: str) -> Piece:
    check_year(first, text)
    check_year(last, text)
    span = last - first + 1
    precision = ("year" if span == 1 else "decade" if span == 10 and first % 10 == 0 else
                 "century" if span == 100 and first % 100 == 0 else "span")
    return Piece(date(first, 1, 1), date(last, 12, 31), edtf, f"{first:04d}", f"{last:04d}",
                 precision, reading)
