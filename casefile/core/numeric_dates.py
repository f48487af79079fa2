"""Dates in figures as records and forms write them: 20220615, 2022/06/15, 2022.6.15,
2022-06-15 00:00:00, 15.06.2022 and 12.07.2022 (dots: day first, as Russia and most of Europe
write it), 15/06/2022 and 06/15/2022 (slashes or dashes: whichever order the numbers allow),
06.2022 and 2022/06 (a month).

A slashed date that reads both ways ('03/04/2022') is refused naming both readings, unless the
caller says which order applies (``day_first``). A two-digit year is refused: it never says
which century it means."""

from __future__ import annotations

import re
from datetime import date

from casefile.core.datetypes import (
    MONTH_NAMES,
    FuzzyDate,
    FuzzyDateError,
    Piece,
    check_year,
    day_piece,
    day_words,
    last_day,
    month_piece,
)

_TIME = r"(?:(?:\s+|T)(\d{1,2}):(\d{2})(?::(\d{2}))?)?"
_FULL = re.compile(r"(\d{1,4})([./-])(\d{1,2})\2(\d{1,4})" + _TIME)
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})" + _TIME)
_MONTH_YEAR = re.compile(r"(\d{1,2})[./](\d{4})")
_YEAR_MONTH = re.compile(r"(\d{4})[./-](\d{1,2})")


def read_numeric(text: str, s: str, day_first: bool | None) -> FuzzyDate | None:
    """``s`` is ``text`` stripped; None when it is not a date in figures."""
    m = _FULL.fullmatch(s)
    if m:
        a, sep, b, c = m.group(1, 2, 3, 4)
        if len(a) == 4 and len(c) <= 2:
            piece = day_piece(int(a), int(b), int(c), text)
        elif len(a) <= 2 and len(c) == 4:
            check_year(int(c), text)
            if sep == ".":
                piece = day_piece(int(c), int(b), int(a), text)
            else:
                piece = _slashed(text, int(a), int(b), int(c), day_first)
        elif len(a) <= 2 and len(c) == 2:
            raise FuzzyDateError(text, f"the year '{c}' has two digits: write it in full "
                                       f"(20{c} or 19{c}?)")
        else:
            return None
        return _with_time(text, piece, m.group(5, 6, 7))
    m = _COMPACT.fullmatch(s)
    if m:
        y, mo, d = (int(g) for g in m.group(1, 2, 3))
        check_year(y, text)
        if not 1 <= mo <= 12 or not 1 <= d <= last_day(y, mo):
            raise FuzzyDateError(text, f"read as year, month, day ({m.group(1)} {m.group(2)} "
                                       f"{m.group(3)}) it is no date: "
                                       + ("there is no month " + str(mo) if not 1 <= mo <= 12
                                          else f"{MONTH_NAMES[mo]} {y} has "
                                               f"{last_day(y, mo)} days, not {d}"))
        return _with_time(text, day_piece(y, mo, d, text), m.group(4, 5, 6))
    m = _MONTH_YEAR.fullmatch(s)
    if m:
        p = month_piece(int(m.group(2)), int(m.group(1)), text)
        return FuzzyDate(text, p.lo_edtf, p.lo, p.hi, "month", reading=p.reading)
    m = _YEAR_MONTH.fullmatch(s)
    if m:
        p = month_piece(int(m.group(1)), int(m.group(2)), text)
        return FuzzyDate(text, p.lo_edtf, p.lo, p.hi, "month", reading=p.reading)
    return None


def _valid(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= last_day(y, m)


def _slashed(text: str, x: int, z: int, y: int, day_first: bool | None) -> Piece:
    """x/z/y: day first (x is the day) or month first (x is the month)."""
    dm, md = _valid(y, z, x), _valid(y, x, z)
    if dm and md and x != z:
        one, other = date(y, z, x), date(y, x, z)
        if day_first is None:
            raise FuzzyDateError(
                text, f"it could be {day_words(one)} (day first) or {day_words(other)} "
                      f"(month first): write {one.isoformat()} or {other.isoformat()}, or "
                      "say which order the source uses")
        d, m, how = (x, z, "read day first, as set") if day_first else \
            (z, x, "read month first, as set")
    elif dm:
        d, m, how = x, z, "" if x == z else f"day first: there is no month {x}"
    elif md:
        d, m, how = z, x, f"month first: there is no month {z}"
    else:
        why = (f"{MONTH_NAMES[z]} {y} has {last_day(y, z)} days, not {x}" if 1 <= z <= 12
               else f"there is no month {z}")
        why2 = (f"{MONTH_NAMES[x]} {y} has {last_day(y, x)} days, not {z}" if 1 <= x <= 12
                else f"there is no month {x}")
        raise FuzzyDateError(text, f"it is no date day first ({why}) nor month first "
                                   f"({why2})")
    reading = day_words(date(y, m, d)) + (f" ({how})" if how else "")
    return day_piece(y, m, d, text, reading)


def _with_time(text: str, piece: Piece, clock: tuple[str | None, ...]) -> FuzzyDate:
    h, mi, sec = (int(c) if c else 0 for c in clock)
    if clock[0] is None or (h, mi, sec) == (0, 0, 0):
        return FuzzyDate(text, piece.lo_edtf, piece.lo, piece.hi, "day", reading=piece.reading)
    if h > 23 or mi > 59 or sec > 59:
        raise FuzzyDateError(text, f"{h:02d}:{mi:02d}:{sec:02d} is not a time of day")
    t = f"{h:02d}:{mi:02d}:{sec:02d}"
    return FuzzyDate(text, f"{piece.lo_edtf}T{t}", piece.lo, piece.hi, "day",
                     reading=f"{piece.reading} at {t} (the time is kept, the day drawn)")


def numeric_order(text: str) -> str | None:
    """How a slashed or dashed day-month-year date shows its order: 'day' (only day first is
    a date: 15/06/2022), 'month' (06/15/2022), 'either' (03/04/2022), 'same' (04/04/2022);
    None for anything else (dotted dates are day first by convention and show nothing)."""
    m = _FULL.fullmatch(text.strip())
    if m is None or m.group(2) == "." or len(m.group(1)) > 2 or len(m.group(4)) != 4:
        return None
    x, z, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
    if y < 1:
        return None
    dm, md = _valid(y, z, x), _valid(y, x, z)
    if dm and md:
        return "same" if x == z else "either"
    return "day" if dm else "month" if md else None
