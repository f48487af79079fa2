"""Fuzzy dates as investigators write them.

"late 2022", "Nov–Dec 2022", "between June and December 2022", "2021?", "since 2021": each is
parsed into a :class:`FuzzyDate` that keeps the original text, a canonical EDTF (ISO 8601-2)
string, and an inclusive first and last day for sorting, filtering and drawing. Open ends
("since 2021") have no first or last day.
"""

from __future__ import annotations

import calendar
import re
import time
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import edtf

from casefile.errors import ValidationError

__all__ = ["FuzzyDate", "FuzzyDateError", "parse_fuzzy_date"]


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
    """A date as the source gave it, with its canonical form and inclusive day bounds."""

    text: str
    edtf: str
    start: date | None
    end: date | None
    precision: str  # day, month, quarter, season, year, span, open
    approximate: bool = False
    uncertain: bool = False

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
        """'2022-06-01 … 2022-06-30' (open ends shown as '…')."""
        a = self.start.isoformat() if self.start else "…"
        b = self.end.isoformat() if self.end else "…"
        return a if self.is_point else f"{a} … {b}"

    def explain(self) -> str:
        """How the text was understood, for editors: 'June 2022 → 2022-06-01 … 2022-06-30'."""
        flags = [w for w, on in (("approximate", self.approximate),
                                 ("uncertain", self.uncertain)) if on]
        extra = f" ({', '.join(flags)})" if flags else ""
        return f"{self.text} → {self.bounds_text()}{extra}  [{self.edtf}]"


_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}
_MON = r"(?P<{0}>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_THIRDS = {"early": (1, 4), "mid": (5, 8), "middle": (5, 8), "late": (9, 12)}
_APPROX = re.compile(r"^(circa|ca\.?|c\.|about|around|approximately|approx\.?|~)\s*")
_RANGE_SPLIT = re.compile(r"\s*(?:\bto\b|\buntil\b|\bthrough\b|\band\b|–|—|-)\s*")

# A "part" is a partially given date: (year, month, day), any of which may be missing.
Part = tuple[int | None, int | None, int | None]

_PART_FORMS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$"), "ymd"),
    (re.compile(r"^(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})$"), "ymd"),
    (re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})$"), "ym"),
    (re.compile(r"^(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MON.format("mon") + r",?\s+(?P<y>\d{4})$"),
     "ymd"),
    (re.compile(r"^" + _MON.format("mon") + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})$"),
     "ymd"),
    (re.compile(r"^" + _MON.format("mon") + r",?\s+(?P<y>\d{4})$"), "ym"),
    (re.compile(r"^(?P<y>\d{4})$"), "y"),
    (re.compile(r"^(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MON.format("mon") + r"$"), "md"),
    (re.compile(r"^" + _MON.format("mon") + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?$"), "md"),
    (re.compile(r"^" + _MON.format("mon") + r"$"), "m"),
    (re.compile(r"^(?P<d>\d{1,2})$"), "d"),
]


def _normalise(text: str) -> str:
    s = " ".join(text.strip().split()).lower()
    s = s.replace("‒", "–").replace("―", "—").replace("‐", "-")
    return s


def _part(s: str, original: str) -> Part:
    for rx, _form in _PART_FORMS:
        m = rx.match(s)
        if not m:
            continue
        g = m.groupdict()
        y = int(g["y"]) if g.get("y") else None
        mo = _MONTHS[g["mon"]] if g.get("mon") else (int(g["m"]) if g.get("m") else None)
        d = int(g["d"]) if g.get("d") else None
        return (y, mo, d)
    words = [w for w in re.findall(r"[a-zа-я\u4e00-\u9fff]+", s) if w not in _MONTHS]
    what = f"the word {words[0]!r} is not a month or a known qualifier" if words else \
        f"{s!r} is not a date form Casefile knows"
    raise FuzzyDateError(original, what)


def _check(part: Part, original: str) -> None:
    y, m, d = part
    if m is not None and not 1 <= m <= 12:
        raise FuzzyDateError(original, f"there is no month {m}")
    if d is not None:
        if y is None or m is None:
            raise FuzzyDateError(original, "a day needs a month and a year")
        last = calendar.monthrange(y, m)[1]
        if not 1 <= d <= last:
            raise FuzzyDateError(original, f"{calendar.month_name[m]} {y} has {last} days, not {d}")
    if y is not None and not 1 <= y <= 9999:
        raise FuzzyDateError(original, f"the year {y} is out of range")


def _bounds(part: Part) -> tuple[date, date]:
    y, m, d = part
    assert y is not None
    if m is None:
        return date(y, 1, 1), date(y, 12, 31)
    if d is None:
        return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])
    return date(y, m, d), date(y, m, d)


def _iso(part: Part) -> str:
    y, m, d = part
    out = f"{y:04d}"
    if m is not None:
        out += f"-{m:02d}"
    if d is not None:
        out += f"-{d:02d}"
    return out


def _precision(part: Part) -> str:
    return "day" if part[2] is not None else "month" if part[1] is not None else "year"


def _complete(left: Part, right: Part) -> Part:
    """Fill what the left end of a range leaves out from the right end ('Nov–Dec 2022')."""
    y, m, d = left
    if y is None:
        y = right[0]
    if m is None and d is not None:
        m = right[1]
    return (y, m, d)


def _point(s: str, original: str) -> Part:
    part = _part(s, original)
    if part[0] is None:
        raise FuzzyDateError(original, f"{s!r} has no year")
    _check(part, original)
    return part


_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _from_edtf(text: str, s: str) -> FuzzyDate | None:
    """Accept input already in EDTF (2022-06/2022-12, 2021?, 2022-36, 2021/..)."""
    plain = _ISO.fullmatch(s)
    if plain and (plain.group(2) or plain.group(3)):  # the common case, without the parser
        part = tuple(int(g) if g else None for g in plain.groups())
        _check(part, text)  # type: ignore[arg-type]
        lo, hi = _bounds(part)  # type: ignore[arg-type]
        return FuzzyDate(text, s, lo, hi, _precision(part))  # type: ignore[arg-type]
    if not re.fullmatch(r"[\dX\-/.~?%]+", s, flags=re.IGNORECASE) or re.fullmatch(r"\d{4}", s):
        return None
    if "." in s.replace("..", ""):  # 05.03.2022: EDTF has dots only in "..", skip its parser
        return None
    try:
        parsed = edtf.parse_edtf(s.upper())
    except Exception:  # noqa: BLE001 - edtf raises several types; any means "not EDTF"
        return None

    def day(st: object) -> date | None:
        if not isinstance(st, time.struct_time) or not 0 < st.tm_year <= 9999:
            return None
        return date(st.tm_year, st.tm_mon, st.tm_mday)

    if ".." in s or s.startswith("/") or s.endswith("/"):
        left, _, right = s.partition("/")
        start = None if left in ("", "..") else _bounds(_point(left.strip("~?%"), text))[0]
        end = None if right in ("", "..") else _bounds(_point(right.strip("~?%"), text))[1]
    else:
        start, end = day(parsed.lower_strict()), day(parsed.upper_strict())
    kind = type(parsed).__name__
    precision = ("open" if start is None or end is None else "span" if "Interval" in kind
                 else "season" if "Season" in kind else
                 "day" if start == end else "month" if len(s.strip("~?%")) == 7 else "year")
    return FuzzyDate(text, str(parsed), start, end, precision,
                     approximate="~" in s or "%" in s, uncertain="?" in s or "%" in s)


@lru_cache(maxsize=8192)
def parse_fuzzy_date(text: str) -> FuzzyDate:
    """Parse what an investigator wrote into a :class:`FuzzyDate`; raise FuzzyDateError if not.
    (Cached: trade data repeats its dates, and the values are immutable.)"""
    original = text
    s = _normalise(text)
    if not s:
        raise FuzzyDateError(original, "the date is empty")
    as_edtf = _from_edtf(original, s)
    if as_edtf is not None:
        return as_edtf
    approx = uncertain = False
    m = _APPROX.match(s)
    if m:
        approx, s = True, s[m.end():]
    if s.endswith("?"):
        uncertain, s = True, s[:-1].strip()
    if s.endswith("~"):
        approx, s = True, s[:-1].strip()
    mark = ("%" if approx and uncertain else "~" if approx else "?" if uncertain else "")

    m = re.match(r"^(before|after|since|from|until|till|by)\s+(.+)$", s)
    if m and not _RANGE_SPLIT.search(m.group(2).replace("-", " ")):
        word, rest = m.groups()
        p = _point(rest, original)
        lo, hi = _bounds(p)
        if word == "before":
            end = lo - timedelta(days=1)
            return FuzzyDate(original, f"../{end.isoformat()}", None, end, "open", approx,
                             uncertain)
        if word == "after":
            start = hi + timedelta(days=1)
            return FuzzyDate(original, f"{start.isoformat()}/..", start, None, "open", approx,
                             uncertain)
        if word in ("since", "from"):
            return FuzzyDate(original, f"{_iso(p)}{mark}/..", lo, None, "open", approx, uncertain)
        return FuzzyDate(original, f"../{_iso(p)}{mark}", None, hi, "open", approx, uncertain)

    m = re.match(r"^(early|mid|middle|late)[\s-]+(.+)$", s)
    if m:
        p = _point(m.group(2), original)
        y, mo, _d = p
        if mo is None:
            a, b = _THIRDS[m.group(1)]
            first, last_third = _bounds((y, a, None)), _bounds((y, b, None))
            code = f"{_iso((y, a, None))}~/{_iso((y, b, None))}~"
            return FuzzyDate(original, code, first[0], last_third[1], "span", True, uncertain)
        last = calendar.monthrange(y, mo)[1]  # type: ignore[arg-type]
        a, b = {"early": (1, 10), "mid": (11, 20), "middle": (11, 20), "late": (21, last)}[
            m.group(1)]
        lo_d, hi_d = date(y, mo, a), date(y, mo, b)  # type: ignore[arg-type]
        return FuzzyDate(original, f"{lo_d.isoformat()}~/{hi_d.isoformat()}~", lo_d, hi_d, "span",
                         True, uncertain)

    m = re.match(r"^(?:q([1-4])\s+(\d{4})|(\d{4})[\s-]+q([1-4]))$", s)
    if m:
        q, y = (int(m.group(1)), int(m.group(2))) if m.group(1) else (int(m.group(4)),
                                                                       int(m.group(3)))
        lo, hi = date(y, 3 * q - 2, 1), _bounds((y, 3 * q, None))[1]
        return FuzzyDate(original, f"{y:04d}-{32 + q}{mark}", lo, hi, "quarter", approx, uncertain)

    body = re.sub(r"^(between|from)\s+", "", s)
    if body != s or _RANGE_SPLIT.search(body) and not re.fullmatch(r"\d{4}-\d{1,2}(-\d{1,2})?",
                                                                   body):
        pieces = [p for p in _RANGE_SPLIT.split(body) if p]
        if len(pieces) == 2:
            right = _point(pieces[1], original)
            left = _complete(_part(pieces[0], original), right)
            if left[0] is None:
                raise FuzzyDateError(original, f"{pieces[0]!r} has no year")
            _check(left, original)
            lo, hi = _bounds(left)[0], _bounds(right)[1]
            if hi < lo:
                raise FuzzyDateError(original, "the range ends before it starts")
            code = f"{_iso(left)}{mark}/{_iso(right)}{mark}"
            return FuzzyDate(original, code, lo, hi, "span", approx, uncertain)
        if body != s:
            raise FuzzyDateError(original, "a range needs two ends, e.g. 'between June and "
                                           "December 2022'")

    p = _point(s, original)
    lo, hi = _bounds(p)
    return FuzzyDate(original, _iso(p) + mark, lo, hi, _precision(p), approx, uncertain)
