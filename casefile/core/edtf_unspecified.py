"""EDTF's unspecified digits in any position of a date ('201X', '156X-12-25', '1985-XX-XX',
level 1 and 2 of ISO 8601-2): the first and the last day that fit, or why none does
('February 29 falls in none of the years 190X')."""

from __future__ import annotations

from datetime import date
from itertools import product

from casefile.core.datetypes import (
    MONTH_NAMES,
    FuzzyDateError,
    Piece,
    day_words,
    last_day,
    years_piece,
)

_LEAP_FEB = 29


def _choices(mask: str, lo: int, hi: int) -> list[int]:
    """Every number the digits of ``mask`` (X: any digit) can stand for, within lo..hi."""
    options = [("0123456789" if c == "X" else c) for c in mask]
    values = sorted({int("".join(p)) for p in product(*options)})
    return [v for v in values if lo <= v <= hi]


def _range_words(mask: str) -> str:
    a, b = mask.replace("X", "0"), mask.replace("X", "9")
    return str(int(a)) if a == b else f"{int(a)}–{int(b)}"


def unspecified(text: str, year: str, month: str | None, day: str | None) -> Piece:
    """Unspecified digits in any position ('201X', '156X-12-25', '1985-XX-XX')."""
    if year == "XXXX":
        raise FuzzyDateError(text, "it names no year (XXXX): Casefile cannot place a date "
                                   "without at least part of its year; write e.g. "
                                   "'19XX-12-XX' for a December in the 1900s")
    if year.startswith("-"):
        raise FuzzyDateError(text, f"the years {year} are before the dates Casefile can "
                                   "place, which run from the year 1 to 9999")
    years = _choices(year, 0, 9999)
    if years[0] == 0:
        raise FuzzyDateError(text, f"{year} includes the year 0 (1 BC in EDTF); Casefile "
                                   "places dates from the year 1 to 9999")
    if month is None:
        return years_piece(years[0], years[-1], text, year,
                           f"a year from {years[0]} to {years[-1]}")
    months = _choices(month, 1, 12)
    if not months:
        raise FuzzyDateError(text, f"there is no month {_range_words(month)}")
    days = _choices(day, 1, 31) if day else [0]
    if not days:
        raise FuzzyDateError(text, f"there is no day {_range_words(day or '')}")
    pairs = [(mo, d) for mo in months for d in days if d <= (_LEAP_FEB if mo == 2 else
                                                             last_day(2001, mo))]
    first = _first_fit(years, pairs)
    last = _first_fit(years[::-1], pairs[::-1])
    if first is None or last is None:
        raise FuzzyDateError(text, _no_fit(year, years, months, day or ""))
    lo = date(first[0], first[1], first[2] or 1)
    hi = date(last[0], last[1], last[2] or last_day(last[0], last[1]))
    precision = ("day" if lo == hi else "month" if (lo.year, lo.month) == (hi.year, hi.month)
                 and lo.day == 1 and hi.day == last_day(hi.year, hi.month) else
                 "year" if lo.year == hi.year and (lo.month, lo.day, hi.month, hi.day)
                 == (1, 1, 12, 31) else "span")
    reading = (f"{MONTH_NAMES[lo.month]} {lo.year} (day unspecified)" if precision == "month"
               else f"the year {lo.year} (month and day unspecified)" if precision == "year"
               else f"a day from {day_words(lo)} to {day_words(hi)} (unspecified digits)")
    return Piece(lo, hi, None, lo.isoformat(), hi.isoformat(), precision, reading)


def _first_fit(years: list[int], pairs: list[tuple[int, int]]) -> tuple[int, int, int] | None:
    for y in years:
        for mo, d in pairs:
            if d <= last_day(y, mo):
                return y, mo, d
    return None


def _no_fit(year: str, years: list[int], months: list[int], day: str) -> str:
    if len(months) == 1:
        name = MONTH_NAMES[months[0]]
        if len(years) == 1:
            return f"{name} {years[0]} has {last_day(years[0], months[0])} days, not " \
                   f"{_range_words(day)}"
        if months[0] == 2 and _range_words(day) == "29":
            return f"February 29 falls in none of the years {year} (none is a leap year)"
        return f"{name} has {last_day(2000, months[0])} days, not {_range_words(day)}"
    return f"no month {', '.join(MONTH_NAMES[m] for m in months)} has a day " \
           f"{_range_words(day)}"
