"""EDTF (ISO 8601-2, the Library of Congress 2019 specification), levels 0, 1 and 2.

:func:`read_edtf` returns None for text that is not EDTF at all (another reader may know it),
a :class:`FuzzyDate` whose canonical form is the text as written (upper-cased, without spaces
after commas), or raises :class:`FuzzyDateError` for EDTF that names no date Casefile can place:
an impossible day ('2022-02-30'), a year before 1 or after 9999 ('-1985', 'Y170000002'), no
year at all ('XXXX-12-XX'). Unspecified digits ('156X-12-25') give the first and the last day
that fit (:mod:`.edtf_unspecified`); qualifiers ('?', '~', '%', anywhere) set the uncertain
and approximate flags.
"""

from __future__ import annotations

import re
from datetime import date

from casefile.core.datetypes import (
    SUBYEAR,
    FuzzyDate,
    FuzzyDateError,
    Piece,
    check_year,
    day_piece,
    mark,
    month_piece,
    subyear_piece,
    year_piece,
    years_piece,
)
from casefile.core.edtf_unspecified import unspecified
from casefile.core.labels import joined

_SHAPE = re.compile(r"[\dXYES\-?~%/.\[\]{},:TZ+]+")
_SINGLE = re.compile(
    r"(?P<q0>[?~%])?(?P<year>Y-?\d+(?:E\d+)?|-?[\dX]{4})(?P<sig>S\d+)?(?P<q1>[?~%])?"
    r"(?:-(?P<q2>[?~%])?(?P<month>[\dX]{2})(?P<q3>[?~%])?"
    r"(?:-(?P<q4>[?~%])?(?P<day>[\dX]{2})(?P<q5>[?~%])?"
    r"(?:T(?P<time>\d{2}:\d{2}:\d{2})(?P<tz>Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?")
_SHORT_Y = re.compile(r"(?<![\dXYES])Y(\d{1,4})(?![\dE])")


def read_edtf(text: str, s: str) -> FuzzyDate | None:
    """``s`` is ``text`` stripped. None when it is not EDTF."""
    code = s.upper()
    if "," in code:
        code = re.sub(r",\s+", ",", code)
    if not _SHAPE.fullmatch(code):
        return None
    if "Y" in code:  # a year the Y prefix was not needed for: written as four digits
        code = _SHORT_Y.sub(lambda m: f"{int(m.group(1)):04d}", code)
    if code[0] in "[{":
        return _set(text, code)
    if "/" in code:
        return _interval(text, code)
    found = _single(text, code)
    if found is None:
        return None
    piece, approx, uncertain = found
    if (approx or uncertain) and piece.precision in ("season", "quarter", "quadrimester",
                                                     "half"):
        # EDTF qualifies no season: '2022-35~' is kept as the months it spans, qualified
        code = f"{mark(piece.lo_edtf, approx, uncertain)}/{mark(piece.hi_edtf, approx, uncertain)}"
        return FuzzyDate(text, code, piece.lo, piece.hi, "span", approx, uncertain,
                         piece.reading)
    return FuzzyDate(text, code, piece.lo, piece.hi, piece.precision, approx, uncertain,
                     piece.reading)


def _single(text: str, code: str) -> tuple[Piece, bool, bool] | None:
    """One EDTF date (not an interval or a set): its piece and (approximate, uncertain)."""
    m = _SINGLE.fullmatch(code)
    if m is None:
        return None
    g = m.groupdict()
    quals = "".join(g[f"q{i}"] or "" for i in range(6))
    approx, uncertain = bool(set(quals) & {"~", "%"}), bool(set(quals) & {"?", "%"})
    if g["time"] and quals:
        raise FuzzyDateError(text, "a date with a time of day cannot carry '?', '~' or '%'")
    year, month, day = g["year"], g["month"], g["day"]
    if year.startswith("Y"):
        y = _long_year(year, text)
        year = f"{y:04d}" if y >= 0 else str(y)
    if "X" not in year:
        check_year(int(year), text)
    if g["sig"]:
        if month:
            raise FuzzyDateError(text, "significant digits ('S') apply to a year on its own")
        return _significant(year, int(g["sig"][1:]), text), approx, uncertain
    if month and "X" not in month and "X" not in year and int(month) > 12:
        return _subyear(text, year, int(month), day), approx, uncertain
    if "X" in year + (month or "") + (day or ""):
        return unspecified(text, year, month, day), approx, uncertain
    y = int(year)
    if day:
        piece = day_piece(y, int(month), int(day), text)
        if g["time"]:
            return _with_time(piece, g["time"], g["tz"], text), False, False
        return piece, approx, uncertain
    return (month_piece(y, int(month), text) if month else year_piece(y, text)), approx, \
        uncertain


def _long_year(year: str, text: str) -> int:
    """'Y170000002', 'Y-17E7': the year, or a refusal when it is out of any calendar."""
    body = year[1:]
    digits, _, exp = body.lstrip("-").partition("E")
    if len(exp) > 2 or len(digits) + int(exp or 0) > 9:
        far = "before" if body.startswith("-") else "after"
        raise FuzzyDateError(text, f"{year} is a year far {far} the dates Casefile can place, "
                                   "which run from the year 1 to 9999")
    y = int(digits + "0" * int(exp or 0)) * (-1 if body.startswith("-") else 1)
    check_year(y, text)
    return y


def _significant(year: str, digits: int, text: str) -> Piece:
    if "X" in year:
        raise FuzzyDateError(text, "significant digits ('S') need the year written in full")
    y = int(year)
    if not 1 <= digits <= len(str(y)):
        raise FuzzyDateError(text, f"{y} has {len(str(y))} digits, so it cannot have "
                                   f"{digits} significant ones")
    step = 10 ** (len(str(y)) - digits)
    lo = y - y % step
    return years_piece(max(lo, 1), lo + step - 1, text, f"{year}S{digits}",
                       f"a year from {max(lo, 1)} to {lo + step - 1} (estimated {y})")


def _subyear(text: str, year: str, code: int, day: str | None) -> Piece:
    if day or code not in SUBYEAR:
        extra = (" (EDTF seasons, quarters and halves are 21 to 41, without a day)"
                 if code > 12 else "")
        after = int(year) + 1
        if not day and code == after % 100:  # '2019-20': a fiscal year (review23)
            extra += f"; for the years {year} to {after} write {year}–{after}"
        raise FuzzyDateError(text, f"there is no month {code}{extra}")
    piece = subyear_piece(int(year), code, text)
    kind = "season" if code <= 32 else piece.precision
    # '2021-22' is the EDTF season, but reads as a span of two years to most people (look22)
    after = int(year) + 1
    span = f"; for the years {year} to {after} write {year}–{after}" \
        if code == after % 100 else ""
    return Piece(piece.lo, piece.hi, piece.edtf, piece.lo_edtf, piece.hi_edtf, piece.precision,
                 f"{piece.reading} (EDTF {kind} {code}{span})")


def _with_time(piece: Piece, clock: str, tz: str | None, text: str) -> Piece:
    h, mi, sec = (int(x) for x in clock.split(":"))
    if h > 23 or mi > 59 or sec > 59:
        raise FuzzyDateError(text, f"{clock} is not a time of day")
    if tz and tz != "Z":
        oh, om = int(tz[1:3]), int(tz[3:].lstrip(":") or 0)
        if oh > 14 or om > 59:
            raise FuzzyDateError(text, f"{tz} is not a time zone offset")
    zone = " UTC" if tz == "Z" else f" (UTC{tz})" if tz else ""
    return Piece(piece.lo, piece.hi, None, piece.lo_edtf, piece.hi_edtf, "day",
                 f"{piece.reading} at {clock}{zone} (the time is kept, the day drawn)")


def _end(text: str, part: str) -> tuple[Piece | None, bool, bool, str]:
    """One end of an interval or a set member: (piece or None, approx, uncertain, words)."""
    if part in ("", ".."):
        return None, False, False, "an unknown end" if part == "" else "open"
    found = _single(text, part)
    if found is None:
        raise FuzzyDateError(text, f"{part!r} is not an EDTF date")
    return found[0], found[1], found[2], found[0].reading


def _interval(text: str, code: str) -> FuzzyDate | None:
    left, sep, right = code.partition("/")
    if "/" in right or not (_SINGLE.fullmatch(left) or left in ("", "..")) \
            or not (_SINGLE.fullmatch(right) or right in ("", "..")):
        return None
    a, a_approx, a_unc, a_words = _end(text, left)
    b, b_approx, b_unc, b_words = _end(text, right)
    if a is None and b is None:
        raise FuzzyDateError(text, "an interval needs at least one known end")
    if a is not None and b is not None and b.hi < a.lo:
        raise FuzzyDateError(text, f"the interval ends before it starts ({b.hi.isoformat()} "
                                   f"is before {a.lo.isoformat()})")
    if a is None:
        reading = f"until {b_words}" if left == ".." else f"from an unknown start to {b_words}"
    elif b is None:
        reading = f"from {a_words} on" if right == ".." else f"from {a_words} to an unknown end"
    else:
        reading = f"from {a_words} to {b_words}"
    return FuzzyDate(text, code, a.lo if a else None, b.hi if b else None,
                     "span" if a and b else "open", a_approx or b_approx, a_unc or b_unc,
                     reading)


def _set(text: str, code: str) -> FuzzyDate:
    closing = {"[": "]", "{": "}"}[code[0]]
    if code[-1] != closing or len(code) < 3:
        raise FuzzyDateError(text, f"an EDTF set opened with {code[0]!r} must end with "
                                   f"{closing!r}")
    lows: list[date | None] = []
    highs: list[date | None] = []
    said: list[str] = []  # each member in words
    approx = uncertain = False
    for member in code[1:-1].split(","):
        first, dots, second = member.partition("..")
        if not first and not second:
            raise FuzzyDateError(text, "a set has an empty member" if not dots else
                                 "'..' in a set needs a date on one side")
        a, qa, ua, _ = _end(text, first) if first else (None, False, False, "")
        b, qb, ub, _ = (_end(text, second) if second else (None, False, False, "")) if dots \
            else (a, qa, ua, "")
        if a is not None and b is not None and b.hi < a.lo:
            raise FuzzyDateError(text, f"the range {member} ends before it starts")
        said.append(_member_words(a, qa, ua, b, qb, ub) if dots else _said(a, qa, ua))
        lows.append(a.lo if a else None)
        highs.append(b.hi if b else None)
        approx, uncertain = approx or qa or qb, uncertain or ua or ub
    start = None if None in lows else min(d for d in lows if d)
    end = None if None in highs else max(d for d in highs if d)
    if start is None and end is None:
        raise FuzzyDateError(text, "the set is open at both ends, so it places no date")
    reading = (said[0] if len(said) == 1 else f"{joined(said, 'or')} (sources differ)"
               if code[0] == "[" else joined(said))
    return FuzzyDate(text, code, start, end, "set", approx, uncertain, reading)


def _member_words(a: Piece | None, qa: bool, ua: bool, b: Piece | None, qb: bool,
                  ub: bool) -> str:
    """A range in a set in words: '1970 to 1972', 'on or before 1960', 'on or after 1970'."""
    if a is not None and b is not None:
        return f"{_said(a, qa, ua)} to {_said(b, qb, ub)}"
    return f"on or after {_said(a, qa, ua)}" if b is None else f"on or before {_said(b, qb, ub)}"


def _said(piece: Piece | None, approx: bool, uncertain: bool) -> str:
    """A date in a set in words: '1960', 'about 2 March 1961', '1961 (uncertain)' (a set's
    reading says its members so: '1960 or 2 March 1961 (sources differ)' for a 'one of' set
    — the sources differ on a date —, '1960 and 1961' for an 'all of' set)."""
    if piece is None:
        return ""
    said = str(piece.lo.year) if piece.precision == "year" else \
        piece.reading.removeprefix("the year ")
    said = f"about {said}" if approx else said
    return f"{said} (uncertain)" if uncertain else said
