"""Parts of a year, a month or a decade written in words: early / mid / late (beginning,
middle, end) and the weeks of a month ('the last week of June 2022'), as the date grammar
(:mod:`.phrase_grammar`) reads them."""

from __future__ import annotations

from datetime import date

from casefile.core.datetypes import (
    MONTH_NAMES,
    ORDINALS,
    FuzzyDateError,
    Piece,
    last_day,
    month_piece,
)

# early / mid / late in a year: its thirds, January–April, May–August, September–December
YEAR_THIRDS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
# early / mid / late in a decade: its first four years, the middle three, the last three
DECADE_PARTS = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}


def part_piece(text: str, y: int, m: int | None, which: str, d: int | None) -> Piece:
    """early / mid / late (beginning, middle, end) of a year (thirds: January–April,
    May–August, September–December) or a month (days 1–10, 11–20, 21 to the end);
    approximate, except an exact third of a month ('!': Chinese 上旬 / 中旬 / 下旬)."""
    exact = which.endswith("!")
    which = which.rstrip("!")
    if d is not None:
        raise FuzzyDateError(text, f"'{which}' cannot go with a day")
    if m is None:
        a, b = YEAR_THIRDS[which]
        first, last = month_piece(y, a, text), month_piece(y, b, text)
        return Piece(first.lo, last.hi, None, first.lo_edtf, last.hi_edtf, "span",
                     f"{which} {y} ({MONTH_NAMES[a]}–{MONTH_NAMES[b]})", approximate=True)
    month = month_piece(y, m, text)
    a, b = {"early": (1, 10), "mid": (11, 20), "late": (21, last_day(y, m))}[which]
    lo, hi = date(y, m, a), date(y, m, b)
    return Piece(lo, hi, None, lo.isoformat(), hi.isoformat(), "span",
                 f"{which} {month.reading} (days {a}–{b})", approximate=not exact)


def month_week(text: str, y: int, m: int | None, n: int, d: int | None) -> Piece:
    if m is None or d is not None:
        raise FuzzyDateError(text, "a week is counted within a month ('the last week of "
                                   "June 2022') or numbered in its year ('week 12 2019')")
    month = month_piece(y, m, text)
    last = last_day(y, m)
    a, b = (last - 6, last) if n == -1 else ((n - 1) * 7 + 1, min(n * 7, last))
    if a > last:
        raise FuzzyDateError(text, f"{month.reading} has no {ORDINALS[n]} week")
    lo, hi = date(y, m, a), date(y, m, b)
    which = "last" if n == -1 else ORDINALS[n]
    return Piece(lo, hi, None, lo.isoformat(), hi.isoformat(), "span",
                 f"the {which} week of {month.reading} (days {a}–{b})")
