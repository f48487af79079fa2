"""English and Russian dates in words, as tokens for :mod:`casefile.core.phrase_grammar`:
'on or about February 14, 2023', 'the second half of 2022', '15 июня 2022 г.', 'IV квартал
2022 г.'. The words are in :mod:`casefile.core.date_words`; a word it does not know is named
in the refusal, with the nearest word it does know. Figures joined by dots among the words
("02.2026 - 8 July 2030", "15.06.2022 г.") are one date in figures, day first as dots are
written, never loose numbers."""

from __future__ import annotations

import difflib
import re

from casefile.core.date_words import PHRASES, SAID, WORDS
from casefile.core.datetypes import FuzzyDateError
from casefile.core.phrase_grammar import Tok

_PHRASE_RX = re.compile(r"(?<!\w)(?:" + "|".join(
    re.escape(p) for p in sorted(PHRASES, key=len, reverse=True)) + r")(?!\w)")
_LETTERS = r"[^\W\d_]"
_TOKEN = re.compile(rf"""
    (?P<qh>(?<!{_LETTERS})(?:[qh]\d+|\d[qh])(?!\w))
  | (?P<fig>\d+(?:\.\d+)+)
  | (?P<num>\d+)(?P<suf>(?:st|nd|rd|th|'s|s)(?!{_LETTERS})
                        |-?(?:ые|ых|ый|ой|го|й|я|е|х)(?!{_LETTERS}))?
  | (?P<word>{_LETTERS}+\.?)
  | (?P<punct>[–/,?~-])
  | (?P<skip>\s+|\.(?!\.))
  | (?P<other>.)""", re.X)
_DECADE_SUFFIXES = {"s", "'s", "е", "-е", "х", "-х", "ые", "-ые", "ых", "-ых"}
_PUNCT = {"–": Tok("R", "to", "–"), "-": Tok("R", "-", "-"), "/": Tok("R", "/", "/"),
          "?": Tok("U", 1, "?"), "~": Tok("A", 1, "~")}
_MONTH_WORDS = "|".join(w for w, t in WORDS.items() if t[0] == "M")
_TWO_DIGIT_YEAR = re.compile(rf"^(?:\d{{1,2}}[- ](?:{_MONTH_WORDS})\.?[- ]'?"
                             rf"|(?:{_MONTH_WORDS})\.?(?:-|\s*'))(\d{{2}})$")
_REWRITES = [
    (re.compile(rf"^(\d{{1,2}})-({_LETTERS}+)\.?-(\d{{4}})$"), r"\1 \2 \3"),  # 15-JUN-2022
    (re.compile(rf"({_LETTERS})-(\d{{4}})\b"), r"\1 \2"),  # mid-2022, Jun-2022
    (re.compile(r"(?<!\w)(early|mid|middle|late)-"), r"\1 "),  # mid-June
    (re.compile(r"(\d{4})-([qh]\d)\b"), r"\1 \2"),  # 2022-Q1
    (re.compile(r"'(\d)"), r"\1"),  # the '90s (refused below, with the reason)
]

# an open end said after the date: '1995 or earlier', '2010 or later', '1995 и ранее',
# 'March 2024 and earlier' (also read after a date in figures: casefile.core.date_ranges)
OR_EARLIER = r"(?:(?:or|and)\s+(?:earlier|before)|и\s+(?:ранее|раньше))"
OR_LATER = r"(?:(?:or|and)\s+(?:later|after)|и\s+(?:позднее|позже))"
_OR_SO = [(re.compile(rf"^(.+?)\s+{OR_EARLIER}$"), r"nolaterthan \1"),
          (re.compile(rf"^(.+?)\s+{OR_LATER}$"), r"noearlierthan \1")]


def phrase_tokens(text: str, s: str) -> list[Tok]:
    """``s``: the text lower-cased, its dashes made '–' (a range) or '-' (a hyphen)."""
    if ".." in s:
        raise FuzzyDateError(text, "'..' stands only in an EDTF interval or set, e.g. "
                                   "'../1984' or '[..1984]'")
    for rx, repl in _OR_SO:  # '1995 or earlier' -> 'nolaterthan 1995'
        s = rx.sub(repl, s)
    s = _PHRASE_RX.sub(lambda m: PHRASES[m.group(0)], s)
    two = _TWO_DIGIT_YEAR.match(s) if s[-3:-2] in ("-", " ", "'") else None
    if two:
        raise FuzzyDateError(text, f"the year '{two.group(1)}' has two digits: write it in "
                                   f"full (20{two.group(1)} or 19{two.group(1)}?)")
    if "-" in s or "'" in s:
        for rx, repl in _REWRITES:
            s = rx.sub(repl, s)
    out: list[Tok] = []
    for m in _TOKEN.finditer(s):
        if m.group("skip"):
            continue
        if m.group("qh"):
            w = m.group("qh")
            n = int(w[1:] if w[0] in "qh" else w[0])
            if not 1 <= n <= (4 if "q" in w else 2):
                raise FuzzyDateError(text, f"there is no {'quarter' if 'q' in w else 'half'} "
                                           f"{n} ({w.upper()})")
            out.append(Tok("Q" if "q" in w else "H", n, w))
        elif m.group("fig"):
            out.extend(_figures(text, m.group("fig")))
        elif m.group("num"):
            out.append(_number(text, m.group("num"), m.group("suf") or "", m.group(0)))
        elif m.group("word"):
            tok = _word(text, m.group("word"))
            if tok is not None:
                out.append(tok)
        elif m.group("punct"):
            p = m.group("punct")
            if p != ",":
                out.append(_PUNCT[p])
        else:
            raise FuzzyDateError(text, f"{m.group(0)!r} is not part of any date Casefile "
                                       "knows")
    return out


# the figures of a date joined by dots, by their lengths: day-first as dots are written
# (15.06.2022, 06.2022, 15.06 before a year the other end gives), or year first (2022.06)
_DOTTED = {(2, 2, 4): "NMY", (4, 2, 2): "YMN", (2, 4): "MY", (4, 2): "YM", (2, 2): "NM"}


def _figures(text: str, group: str) -> list[Tok]:
    """A date in figures joined by dots inside words ('02.2026 - 8 July 2030'): its parts
    as the tokens they are, read as one date, never as loose numbers (02.2026 is February
    2026, not the 2nd of the other end's month)."""
    parts = group.split(".")
    shape = tuple(4 if len(p) == 4 else 2 if len(p) <= 2 else 0 for p in parts)
    kinds = _DOTTED.get(shape)
    if kinds is None and shape == (2, 2, 2) and len(y := parts[-1]) == 2:
        raise FuzzyDateError(text, f"the year '{y}' has two digits: write it in full "
                                   f"(20{y} or 19{y}?)")
    if kinds is None:
        raise FuzzyDateError(text, f"'{group}' is no date in figures Casefile knows: write "
                                   "day.month.year (15.06.2022), month.year (06.2022) or "
                                   "year-month-day (2022-06-15)")
    return [Tok(k, int(p), p) for k, p in zip(kinds, parts, strict=True)]


def _number(text: str, digits: str, suffix: str, whole: str) -> Tok:
    if suffix in _DECADE_SUFFIXES:
        if len(digits) == 4 and digits.endswith("00"):
            c = int(digits)
            raise FuzzyDateError(text, f"'{whole}' could be the decade {c}–{c + 9} or the "
                                       f"century {c}–{c + 99}: write {digits[:3]}X or "
                                       f"{digits[:2]}XX")
        if len(digits) == 4 and digits.endswith("0"):
            return Tok("X", int(digits), whole)
        raise FuzzyDateError(text, f"{whole!r} is not a decade Casefile can place: write it "
                                   "in full, e.g. 'the 1990s'")
    if len(digits) == 4:
        return Tok("Y", int(digits), whole)
    if len(digits) <= 2:
        return Tok("N", int(digits), whole)
    raise FuzzyDateError(text, f"{digits!r} is not a year, month or day (a year has four "
                               "digits)")


def _word(text: str, w: str) -> Tok | None:
    found = WORDS.get(w) or (WORDS.get(w[:-1]) if w.endswith(".") else None)
    if found is None:
        bare = w.rstrip(".")
        near = difflib.get_close_matches(bare, [k for k in WORDS if len(k) > 2], n=1,
                                         cutoff=0.75)
        hint = f" (did you mean {near[0]!r}?)" if near else ""
        raise FuzzyDateError(text, f"the word {bare!r} is not a month or a known "
                                   f"qualifier{hint}")
    kind, value = found
    return Tok(kind, value, SAID.get(w, w)) if kind else None
