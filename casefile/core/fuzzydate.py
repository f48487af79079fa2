"""Fuzzy dates as investigators write them.

"late 2022", "Nov–Dec 2022", "between June and December 2022", "2021?", "since 2021", "15 июня
2022 г.", "2022年第三季度", "156X-12-25": each is parsed into a :class:`FuzzyDate` that keeps the
original text, a canonical EDTF (ISO 8601-2) string, an inclusive first and last day for
sorting, filtering and drawing (None for an open end), and the reading in words. Anything else
raises :class:`FuzzyDateError` with the reason; no input makes the parser fail otherwise.

One parser, in readers tried in turn: EDTF levels 0–2 (:mod:`.edtf_forms`), dates in figures
(:mod:`.numeric_dates`), ISO weeks (:mod:`.week_dates`), dates in words in English and
Russian (:mod:`.phrase_tokens`) or Chinese (:mod:`.phrases_zh`), read by one grammar
(:mod:`.phrase_grammar`), and last ranges or open ends around dates in figures
(:mod:`.date_ranges`). Every canonical
form it gives is EDTF this parser reads back as the same date.

It never guesses an ambiguous numeric date: '03/04/2022' is refused naming both readings unless
the caller passes ``day_first`` (True: 3 April, False: 4 March).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import lru_cache

from casefile.core.date_ranges import read_range
from casefile.core.datetypes import FuzzyDate, FuzzyDateError, day_words
from casefile.core.edtf_forms import read_edtf
from casefile.core.numeric_dates import numeric_order, read_numeric
from casefile.core.phrase_grammar import read_tokens
from casefile.core.phrase_tokens import phrase_tokens
from casefile.core.phrases_zh import zh_tokens
from casefile.core.week_dates import read_week

__all__ = ["ISO_PREFIX", "FuzzyDate", "FuzzyDateError", "numeric_order", "parse_fuzzy_date"]

MAX_LENGTH = 200
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# a date as FollowTheMoney and OpenSanctions write it: a year, year-month or day in ISO 8601
ISO_PREFIX = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
_DASHES = str.maketrans({"‒": "–", "—": "–", "―": "–", "−": "–", "‐": "-", "‑": "-"})


@lru_cache(maxsize=16384)
def parse_fuzzy_date(text: str, day_first: bool | None = None) -> FuzzyDate:
    """Parse what an investigator wrote into a :class:`FuzzyDate`; raise FuzzyDateError if not.
    ``day_first`` decides a slashed date that reads both ways (None: refuse it).
    (Cached: trade data repeats its dates, and the values are immutable.)"""
    s = text.strip()
    if not s:
        raise FuzzyDateError(text, "the date is empty")
    if len(s) > MAX_LENGTH:
        raise FuzzyDateError(text, f"it is longer than any date ({len(s)} characters)")
    plain = _ISO_DAY.fullmatch(s)
    if plain:  # the common case, straight
        y, m, d = (int(g) for g in plain.groups())
        if 1 <= m <= 12 and 1 <= d <= 28 and y > 0:
            day = date(y, m, d)
            return FuzzyDate(text, s, day, day, "day", reading=day_words(day))
    try:
        return _parse(text, s, day_first)
    except FuzzyDateError:
        raise
    except (ValueError, OverflowError, RecursionError) as exc:  # a date beyond the calendar
        raise FuzzyDateError(text, f"it is no date Casefile can place ({exc})") from None


def _parse(text: str, s: str, day_first: bool | None, ranges: bool = True) -> FuzzyDate:
    if not s.isascii():
        s = unicodedata.normalize("NFKC", s).translate(_DASHES).strip()
    found = read_edtf(text, s) or read_numeric(text, s, day_first) or read_week(text, s)
    if found is not None:
        return found
    if _CJK.search(s):
        return read_tokens(text, zh_tokens(text, s))
    words = " ".join(s.lower().split())
    try:
        return read_tokens(text, phrase_tokens(text, words))
    except FuzzyDateError:
        if not ranges:
            raise
        # a range or open end around dates in figures ('2015-03-01 – 2016-02-01'); each
        # end read without this step, so the work stays linear in the separators
        found = read_range(text, words,
                           lambda part: _parse(part, part, day_first, ranges=False))
        if found is None:
            raise
        return found
