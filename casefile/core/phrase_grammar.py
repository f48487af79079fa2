"""Dates written in words, once the tokenisers have turned them into tokens (see
:mod:`casefile.core.date_words` for the kinds): one grammar for English, Russian and Chinese.

A date is a point ('15 June 2022', 'Q3 2022', 'early 2022', 'the last week of June 2022'), an
open end ('since 2021', 'no later than 30 June 2022') or a range of two points ('between June
and December 2022', 'from in or around 2019 through in or around 2022'), where the first end
may leave out what the second gives ('Nov–Dec 2022', '15–20 June 2022'). Qualifiers ('about',
'?') belong to the end they stand at, or to the whole when they stand outside a range.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from casefile.core.datetypes import (
    FuzzyDate,
    FuzzyDateError,
    Piece,
    day_piece,
    day_words,
    mark,
    month_piece,
    subyear_piece,
    year_piece,
    years_piece,
)
from casefile.core.year_parts import DECADE_PARTS, month_week, part_piece

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_SINGLE_EDTF = ("day", "month", "year")  # precisions whose EDTF may carry a qualifier
# 'since at least 2018', 'from at least 2019 to 2022': the start is the latest it can be
IF_NOT_EARLIER = ", if not earlier,"


class Tok(NamedTuple):
    """One token: its kind (see date_words), value, and the words it was read from."""

    kind: str
    value: int | str
    word: str


@dataclass
class _Partial:
    """What one end says, before the other end fills in what it leaves out."""

    y: int | None = None
    m: int | None = None
    d: int | None = None
    kind: str = "date"  # date, part, quarter, half, season, week, decade, decade part
    value: int | str = 0
    decade: int = 0  # of a decade part ('early 1970s': value 'early', decade 1970)
    weekday: int | None = None
    words: str = ""


def read_tokens(text: str, toks: list[Tok]) -> FuzzyDate:
    toks = _combine(text, toks)
    if not toks:
        raise FuzzyDateError(text, "it holds no date")
    approx, uncertain, toks = _qualifiers(toks)
    if not toks:
        raise FuzzyDateError(text, "it holds a qualifier but no date")
    head = toks[0]
    if head.kind == "R" and (not head.word.replace(" ", "").isalpha() or head.value == "or"):
        raise FuzzyDateError(text, f"{head.word!r} cannot start a date")
    ranged = [i for i, t in enumerate(toks) if t.kind == "R" and i > 0]
    if head.kind == "L" or (head.kind == "R" and not ranged) or (head.kind == "B"
                                                                 and not ranged):
        if head.kind == "B" and head.word in ("between", "между"):
            raise FuzzyDateError(text, "a range needs two ends, e.g. 'between June and "
                                       "December 2022'")
        limit = str(head.value) if head.kind == "L" or head.value == "atleast" else \
            "since" if head.kind == "B" else "until"
        return _open(text, limit, _point(text, toks[1:]).qualified(approx, uncertain))
    if ranged:
        if len(ranged) > 1:
            raise FuzzyDateError(text, "a range has two ends, this has more")
        i = ranged[0]
        if toks[i].value == "or":  # '2019 or 2020': one of the two, EDTF's [2019,2020]
            return _either(text, toks[:i], toks[i + 1:], approx, uncertain)
        return _range(text, toks[1 if head.kind == "B" else 0:i], toks[i + 1:], approx,
                      uncertain, head.value == "atleast")
    p = _point(text, toks).qualified(approx, uncertain)
    if p.edtf and (p.precision in _SINGLE_EDTF or not (p.approximate or p.uncertain)):
        return FuzzyDate(text, mark(p.edtf, p.approximate, p.uncertain), p.lo, p.hi,
                         p.precision, p.approximate, p.uncertain, p.reading)
    code = f"{mark(p.lo_edtf, p.approximate, p.uncertain)}/" \
           f"{mark(p.hi_edtf, p.approximate, p.uncertain)}"
    return FuzzyDate(text, code, p.lo, p.hi, "span", p.approximate, p.uncertain, p.reading)


_WHICH = {"quarter": "'the first quarter of 2023'",
          "half": "'the second half of 2022'",
          "week": "'the last week of June 2022' or 'week 12 2019' (ISO week 12)"}


def _combine(text: str, toks: list[Tok]) -> list[Tok]:
    """'first quarter' -> Q1, 'IV квартал' -> Q4, 'last week' -> W-1; 'winter 2022/23' ->
    winter 2022; a separator between a month or quarter and its year ('Q4/2022') dropped."""
    out: list[Tok] = []
    for t in toks:
        prev = out[-1] if out else None
        if t.kind == "K":
            if prev is None or prev.kind not in "ON":
                raise FuzzyDateError(text, f"{t.word!r} needs to say which one, e.g. "
                                           f"{_WHICH.get(str(t.value), _WHICH['quarter'])}")
            n = int(prev.value)
            limit = {"quarter": 4, "half": 2, "week": 5}[str(t.value)]
            if not (1 <= n <= limit or (n == -1 and t.value != "half")):
                raise FuzzyDateError(text, f"there is no {prev.word} {t.word}")
            if n == -1 and t.value == "quarter":
                n = 4
            out[-1] = Tok({"quarter": "Q", "half": "H", "week": "W"}[str(t.value)], n,
                          f"{prev.word} {t.word}")
            continue
        if t.kind in "YN" and prev is not None and prev.kind == "R" and len(out) >= 3 \
                and out[-2].kind == "Y" and out[-3].kind == "S" and out[-3].value == 24 \
                and int(t.value) in (int(out[-2].value) + 1, (int(out[-2].value) + 1) % 100):
            out.pop()  # winter 2022/23: the winter that begins in 2022
            continue
        if t.kind == "Y" and prev is not None and prev.word == "/" and len(out) >= 2 \
                and out[-2].kind in "MQHS":
            out[-1] = t
            continue
        out.append(t)
    for t in out:
        if t.kind == "O":
            raise FuzzyDateError(text, f"{t.word!r} must be followed by quarter, half or "
                                       "week")
    return out


def _qualifiers(toks: list[Tok]) -> tuple[bool, bool, list[Tok]]:
    """Qualifiers at either edge: (approximate, uncertain, the tokens between)."""
    approx = uncertain = False
    while toks and toks[0].kind in "AU":
        approx, uncertain = approx or toks[0].kind == "A", uncertain or toks[0].kind == "U"
        toks = toks[1:]
    while toks and toks[-1].kind in "AU":
        approx, uncertain = approx or toks[-1].kind == "A", uncertain or toks[-1].kind == "U"
        toks = toks[:-1]
    return approx, uncertain, toks


def _words(toks: list[Tok]) -> str:
    return " ".join(t.word for t in toks)


def _partial(text: str, toks: list[Tok]) -> _Partial:
    p = _Partial(words=_words(toks))
    if not toks:
        raise FuzzyDateError(text, "one end of the range is missing")
    for t in toks:
        if t.kind in "YMN":
            field = {"Y": "y", "M": "m", "N": "d"}[t.kind]
            if getattr(p, field) is not None:
                what = {"Y": "year", "M": "month", "N": "day"}[t.kind]
                raise FuzzyDateError(text, f"{p.words!r} gives the {what} twice")
            setattr(p, field, int(t.value))
        elif t.kind in "PQHSWX":
            if {p.kind, t.kind} in ({"part", "X"}, {"decade", "P"}):  # 'early 1970s'
                part, decade = (p.value, t.value) if p.kind == "part" else (t.value, p.value)
                p.kind, p.value, p.decade = "decade part", part, int(decade)
                continue
            if p.kind != "date":
                raise FuzzyDateError(text, f"{p.words!r} says two things at once")
            p.kind = {"P": "part", "Q": "quarter", "H": "half", "S": "season", "W": "week",
                      "X": "decade"}[t.kind]
            p.value = t.value
        elif t.kind == "D":
            p.weekday = int(t.value)
        else:
            raise FuzzyDateError(text, f"{t.word!r} cannot stand there")
    return p


def _piece(text: str, p: _Partial) -> Piece:
    if p.weekday is not None and (p.kind != "date" or p.d is None):
        raise FuzzyDateError(text, "a weekday needs a day of the month")
    if p.kind == "decade":
        y = int(p.value)
        return years_piece(y, y + 9, text, f"{y // 10:03d}X", f"the {y}s")
    if p.kind == "decade part":  # (look22: 'early 1970s' was refused)
        which, decade = str(p.value).rstrip("!"), p.decade
        a, b = DECADE_PARTS[which]
        piece = years_piece(decade + a, decade + b, text, "", "")
        return Piece(piece.lo, piece.hi, None, piece.lo_edtf, piece.hi_edtf, "span",
                     f"{which} {decade}s ({decade + a}–{decade + b})", approximate=True)
    if p.y is None:
        raise FuzzyDateError(text, f"{p.words!r} has no year")
    if p.kind in ("quarter", "half", "season"):
        if p.m is not None or p.d is not None:
            raise FuzzyDateError(text, f"{p.words!r} names a month as well as a {p.kind}")
        code = int(p.value) + {"quarter": 32, "half": 39, "season": 0}[p.kind]
        return subyear_piece(p.y, code, text)
    if p.d is not None and p.m is None:
        raise FuzzyDateError(text, f"{p.words!r} has a day but no month")
    if p.kind == "part":
        return part_piece(text, p.y, p.m, str(p.value), p.d)
    if p.kind == "week":
        return month_week(text, p.y, p.m, int(p.value), p.d)
    if p.d is not None and p.m is not None:
        piece = day_piece(p.y, p.m, p.d, text)
        if p.weekday is not None and piece.lo.weekday() != p.weekday:
            raise FuzzyDateError(text, f"{day_words(piece.lo)} was a "
                                       f"{WEEKDAYS[piece.lo.weekday()]}, not a "
                                       f"{WEEKDAYS[p.weekday]}")
        return piece
    return month_piece(p.y, p.m, text) if p.m is not None else year_piece(p.y, text)


def _point(text: str, toks: list[Tok]) -> Piece:
    approx, uncertain, toks = _qualifiers(toks)
    if not toks:
        raise FuzzyDateError(text, "it holds a qualifier but no date")
    return _piece(text, _partial(text, toks)).qualified(approx, uncertain)


def beyond(text: str, limit: str, lo: date, hi: date, reading: str, approximate: bool,
           uncertain: bool, word: str = "") -> FuzzyDate:
    """Before (``limit`` 'before') or after ('after') the days ``lo`` … ``hi``, open, those
    days left out; ``word``: the limit as the text wrote it ('prior to'), for a refusal."""
    a, u = approximate, uncertain
    try:
        if limit == "before":
            end = lo - timedelta(days=1)
            return FuzzyDate(text, f"../{mark(end.isoformat(), a, u)}", None, end, "open", a,
                             u, f"before {reading}")
        start = hi + timedelta(days=1)
        return FuzzyDate(text, f"{mark(start.isoformat(), a, u)}/..", start, None, "open", a,
                         u, f"after {reading}")
    except OverflowError:
        raise FuzzyDateError(text, f"nothing Casefile can place is {word or limit} "
                                   f"{reading}") from None


def _open(text: str, limit: str, p: Piece) -> FuzzyDate:
    a, u = p.approximate, p.uncertain
    if limit in ("before", "after"):
        return beyond(text, limit, p.lo, p.hi, p.reading, a, u)
    if limit in ("since", "atleast"):  # 'since at least 2018': begun then or earlier
        return FuzzyDate(text, f"{mark(p.lo_edtf, a, u)}/..", p.lo, None, "open", a, u,
                         f"from {p.reading}{IF_NOT_EARLIER if limit == 'atleast' else ''} on")
    return FuzzyDate(text, f"../{mark(p.hi_edtf, a, u)}", None, p.hi, "open", a, u,
                     f"until {p.reading}")


def _range(text: str, left: list[Tok], right: list[Tok], approx: bool,
           uncertain: bool, at_least: bool = False) -> FuzzyDate:
    la, lu, left = _qualifiers(left)
    ra, ru, right = _qualifiers(right)
    lp, rp = _partial(text, left), _partial(text, right)
    if lp.y is None and lp.kind != "decade":
        lp.y = rp.y
    if rp.y is None and rp.kind != "decade":
        rp.y = lp.y
    if lp.d is not None and lp.m is None:
        lp.m = rp.m
    if rp.d is not None and rp.m is None:
        rp.m = lp.m
    a = _piece(text, lp).qualified(la or approx, lu or uncertain)
    b = _piece(text, rp).qualified(ra or approx, ru or uncertain)
    if b.hi < a.lo:
        raise FuzzyDateError(text, f"the range ends before it starts ({day_words(b.hi)} is "
                                   f"before {day_words(a.lo)})")
    code = f"{mark(a.lo_edtf, a.approximate, a.uncertain)}/" \
           f"{mark(b.hi_edtf, b.approximate, b.uncertain)}"
    return FuzzyDate(text, code, a.lo, b.hi, "span", a.approximate or b.approximate,
                     a.uncertain or b.uncertain,
                     f"from {a.reading}{IF_NOT_EARLIER if at_least else ''} to {b.reading}")


def _either(text: str, left: list[Tok], right: list[Tok], approx: bool,
            uncertain: bool) -> FuzzyDate:
    """One of two dates ('2019 or 2020', 'June or July 2022'), as EDTF's one-of set."""
    if not left or not right:
        raise FuzzyDateError(text, "'or' needs a date on either side, e.g. '2019 or 2020'")
    la, lu, left = _qualifiers(left)
    ra, ru, right = _qualifiers(right)
    lp, rp = _partial(text, left), _partial(text, right)
    if lp.y is None:
        lp.y = rp.y
    if rp.y is None:
        rp.y = lp.y
    a = _piece(text, lp).qualified(la or approx, lu or uncertain)
    b = _piece(text, rp).qualified(ra or approx, ru or uncertain)
    if a.edtf is None or b.edtf is None or a.approximate or a.uncertain or b.approximate \
            or b.uncertain:
        raise FuzzyDateError(text, "each side of 'or' must be one date (a day, month or "
                                   "year), e.g. '2019 or 2020'")
    if b.lo < a.lo:
        a, b = b, a
    return FuzzyDate(text, f"[{a.edtf},{b.edtf}]", a.lo, max(a.hi, b.hi), "set", False,
                     False, f"{a.reading} or {b.reading}")
