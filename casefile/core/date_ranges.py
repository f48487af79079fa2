"""Ranges and open ends around whole dates written in figures, which the phrase grammar
cannot read because the dates carry hyphens, dots or slashes of their own:
'2015-03-01 – 2016-02-01', '01.03.2015 - 01.02.2016', 'from 2015-03-01 to 2016-02-01',
'с 01.03.2015 по 01.02.2016', 'since 2015-03-01', 'until 2021-12-31', '2015-03 onwards',
'2024-03-12 or earlier', as
court filings and sanctions notices write them too ('on or before 2022-06-30', 'no earlier
than 01.05.2021', 'since at least 2018-03-01', 'не позднее 01.05.2021'); 'before' and
'after' a day leave the day itself out ('before 2021-05-01' ends on 30 April 2021).

Each end is read on its own by the whole parser (so it is any single date the parser knows);
the two are joined as the EDTF interval of their canonical forms and that interval is read, so
the range is exactly what 'A/B' means in EDTF (and a range that ends before it starts is
refused the same way). Only tried when the other readers refused the text: nothing they read
changes."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import cast

from casefile.core.datetypes import FuzzyDate, FuzzyDateError
from casefile.core.edtf_forms import read_edtf
from casefile.core.phrase_grammar import IF_NOT_EARLIER, beyond
from casefile.core.phrase_tokens import OR_EARLIER, OR_LATER

# words before a date that leave its end open: 'since 2015-03-01', 'с 01.03.2015'
_FROM = (r"(?:since(?:\s+at\s+least)?|at\s+least\s+since|from(?:\s+at\s+least)?"
         r"|starting(?:\s+from|\s+on)?|beginning|as\s+of|no(?:t)?\s+earlier\s+than"
         r"|not\s+before|[oi]n\s+or\s+after|не\s+ран(?:ее|ьше)|(?:по\s+меньшей\s+мере"
         r"|как\s+минимум|начиная)\s+со?|со|с|от)")
# words before a date that leave its start open: 'until 2021-12-31', 'по 31.12.2021'
_UNTIL = (r"(?:until|till|til|up\s+to(?:\s+and\s+including)?|up\s+until|through|thru|to"
          r"|(?:by\s+)?no(?:t)?\s+later\s+than|by|not\s+after|[oi]n\s+or\s+before"
          r"|не\s+поз(?:днее|же)|по|до)")
# words before a date that leave its start open and exclude the date itself: 'before
# 2021-05-01' ends on 30 April 2021, 'after 01.05.2021' starts on 2 May
_BEFORE_AFTER = re.compile(r"^(before|prior\s+to|pre|after|post|после)\s+(.+)$")
# an open end that may have begun earlier: 'since at least 2018-03-01'
_AT_LEAST = re.compile(r"^(?:since\s+at\s+least|at\s+least\s+since|from\s+at\s+least"
                       r"|(?:по\s+меньшей\s+мере|как\s+минимум)\s+со?)\s")
# words after a date that leave its end open: '2015-03-01 onwards'
_ONWARDS = rf"(?:onwards?|on|{OR_LATER}|и\s+далее)"
# what stands between the two ends of a range ('and' only after 'between')
_SEP = re.compile(r"\s*[–-]\s*|\s+(?:to|till|until|through|thru|по|до)\s+")
_SEP_BETWEEN = re.compile(r"\s+(?:and|и)\s+")

_OPEN_END = re.compile(rf"^{_FROM}\s+(.+?)(?:\s+{_ONWARDS})?$|^(.+?)\s+{_ONWARDS}$")
_OPEN_START = re.compile(rf"^{_UNTIL}\s+(.+)$|^(.+?)\s+{OR_EARLIER}$")
_FROM_PREFIX = re.compile(rf"^{_FROM}\s+")
_BETWEEN = re.compile(r"^(?:between|между)\s+")

Parse = Callable[[str], FuzzyDate]


def read_range(text: str, s: str, parse: Parse) -> FuzzyDate | None:
    """``s``: ``text`` stripped, lower-cased, dashes made '–'. ``parse`` reads one end (the
    whole parser, with the caller's day order). None when ``s`` is no such range."""
    at_least = _AT_LEAST.match(s) is not None
    try:
        if (m := _OPEN_END.match(s)) and (a := _open(m.group(1) or m.group(2), parse, text)):
            found = _range(text, s, parse, at_least)  # 'from A to B' is a range
            if found is not None:
                return found
            found = cast(FuzzyDate, read_edtf(text, f"{a.edtf}/.."))
            return replace(found, reading=f"from {a.reading}{IF_NOT_EARLIER} on") \
                if at_least else found
        if (m := _OPEN_START.match(s)) and (b := _open(m.group(1) or m.group(2), parse,
                                                         text)):
            return read_edtf(text, f"../{b.edtf}")
        if (m := _BEFORE_AFTER.match(s)) and (c := _open(m.group(2), parse, text)):
            limit = "after" if m.group(1) in ("after", "post", "после") else "before"
            return beyond(text, limit, cast(date, c.start), cast(date, c.end), c.reading,
                          c.approximate, c.uncertain, m.group(1))
    except FuzzyDateError:  # its one end in figures does not read: unless it is a range
        if (found := _range(text, s, parse, at_least)) is not None:  # ('from 1957-02-1963')
            return found
        raise
    return _range(text, s, parse, at_least)


def _open(part: str, parse: Parse, text: str) -> FuzzyDate | None:
    """The date of an open end; when it is a whole date in figures that does not read, why
    ('until 03/04/2022' reads both ways: said so, not 'a range has two ends')."""
    try:
        return _single(part, parse, strict=_FIGURES.fullmatch(part.strip()) is not None)
    except FuzzyDateError as exc:
        raise FuzzyDateError(text, exc.reason) from None


def _range(text: str, s: str, parse: Parse, at_least: bool = False) -> FuzzyDate | None:
    if between := _BETWEEN.match(s):
        body, seps = s[between.end():], _SEP_BETWEEN
    else:
        body, seps = _FROM_PREFIX.sub("", s, count=1), _SEP
    refused: FuzzyDateError | None = None  # why an end in figures did not read
    readings: dict[str, tuple[str, str]] = {}  # each split's range -> its ends as read
    for sep in seps.finditer(body):
        ends = body[:sep.start()], body[sep.end():]
        try:
            a, b = (_single(end, parse, strict=_FIGURES.fullmatch(end.strip()) is not None)
                    for end in ends)
        except FuzzyDateError as exc:  # '03/04/2022' reads both ways: say so, not 'range'
            refused = refused or FuzzyDateError(text, exc.reason)
            continue
        if a is not None and b is not None:
            readings.setdefault(f"{a.edtf}/{b.edtf}", (a.reading, b.reading))
    if len(readings) > 1:  # '1957-02-21-1963': split where? never guessed
        said = " or ".join(f"from {x} to {y}" for x, y in readings.values())
        raise FuzzyDateError(text, f"it could be {said}: write the two ends with ' – ' "
                                   "between them")
    if readings:
        code, (first, last) = next(iter(readings.items()))
        found = cast(FuzzyDate, read_edtf(text, code))
        return replace(found, reading=f"from {first}{IF_NOT_EARLIER} to {last}") \
            if at_least else found
    if refused is not None:
        raise refused
    return None


_FIGURES = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")  # a whole date in figures


def _single(part: str, parse: Parse, strict: bool = False) -> FuzzyDate | None:
    """One end: a single date (not itself a range, a set or an open end), or None; with
    ``strict`` (the end is a whole date in figures) the reason it does not read is raised."""
    part = part.strip(" ,")
    if not part or not any(c.isdigit() for c in part):
        return None
    try:
        found = parse(part)
    except FuzzyDateError:
        if strict:
            raise
        return None
    if "/" in found.edtf or found.edtf[:1] in "[{" or found.start is None or found.end is None:
        return None
    return found
