"""Chinese dates as tokens for :mod:`casefile.core.phrase_grammar`: 2022年6月15日, 2022年底,
2022年第三季度, 2022年上半年, 2022年春, 6月中旬, 自2021年起, 2022年6月至8月, 二〇二二年六月,
20世纪90年代. The words are in :mod:`casefile.core.date_words`."""

from __future__ import annotations

import re

from casefile.core.date_words import ZH_DIGITS, ZH_WEEKDAYS, ZH_WORDS
from casefile.core.datetypes import FuzzyDateError
from casefile.core.phrase_grammar import Tok

_NUMERALS = re.compile("[" + "".join(ZH_DIGITS) + "十]+")
_WORDS = "|".join(re.escape(w) for w in sorted(ZH_WORDS, key=len, reverse=True))
_TOKEN = re.compile(rf"""
    (?P<cent>\d{{1,2}})世纪(?P<dec>\d0)年代
  | (?P<decade>\d+)年代
  | (?P<y>\d+)\s*年度?
  | (?P<m>\d+)\s*月份?
  | (?P<d>\d+)\s*[日号]
  | 第?(?P<q>\d)\s*季度?
  | [Qq](?P<q2>[1-4])
  | (?:星期|礼拜|周)(?P<wd>[1-6日天])
  | (?P<word>{_WORDS})
  | (?P<num>\d+)
  | (?P<skip>[\s,、.])
  | (?P<other>.)""", re.X)


def _arabic(run: str) -> str:
    """二〇二二 -> 2022 (digit by digit), 十二 -> 12, 二十五 -> 25, 三十 -> 30."""
    if "十" not in run:
        return "".join(str(ZH_DIGITS[c]) for c in run)
    tens, _, ones = run.partition("十")
    if "十" in ones or len(tens) > 1 or len(ones) > 1:
        return run  # not a number a date holds; refused as it is
    return str((ZH_DIGITS[tens] if tens else 1) * 10 + (ZH_DIGITS[ones] if ones else 0))


def zh_tokens(text: str, s: str) -> list[Tok]:
    """``s``: the text stripped and NFKC-normalised (full-width digits made ASCII)."""
    s = _NUMERALS.sub(lambda m: _arabic(m.group(0)), s)
    out: list[Tok] = []
    tail: list[Tok] = []  # limits written after the date (2021年以来): they lead the tokens
    for m in _TOKEN.finditer(s):
        g = m.group
        if g("skip"):
            continue
        if g("cent"):
            year = (int(g("cent")) - 1) * 100 + int(g("dec"))
            out.append(Tok("X", year, m.group(0)))
        elif g("decade"):
            if len(g("decade")) != 4 or not g("decade").endswith("0"):
                raise FuzzyDateError(text, f"{m.group(0)!r} is not a decade Casefile can "
                                           "place: write it in full, e.g. 1990年代")
            out.append(Tok("X", int(g("decade")), m.group(0)))
        elif g("y"):
            if len(g("y")) != 4:
                raise FuzzyDateError(text, f"the year {g('y')!r} is not written in full "
                                           "(four digits)")
            out.append(Tok("Y", int(g("y")), m.group(0)))
        elif g("m"):
            out.append(Tok("M", int(g("m")), m.group(0)))
            if not 1 <= int(g("m")) <= 12:
                raise FuzzyDateError(text, f"there is no month {int(g('m'))} ({m.group(0)})")
        elif g("d"):
            out.append(Tok("N", int(g("d")), m.group(0)))
        elif g("q") or g("q2"):
            n = int(g("q") or g("q2"))
            if not 1 <= n <= 4:
                raise FuzzyDateError(text, f"there is no quarter {n} ({m.group(0)})")
            out.append(Tok("Q", n, m.group(0)))
        elif g("wd"):
            out.append(Tok("D", ZH_WEEKDAYS[g("wd")], m.group(0)))
        elif g("word"):
            kind, value = ZH_WORDS[g("word")]
            tok = Tok(kind, value, g("word"))
            (tail if kind == "L" and out else out).append(tok)
        elif g("num"):
            digits = g("num")
            out.append(Tok("Y" if len(digits) == 4 else "N", int(digits), digits))
        else:
            raise FuzzyDateError(text, f"{_unknown(s, m.start())!r} is not part of any date "
                                       "Casefile knows")
    if tail:
        out = tail + [t for t in out if t.kind != "B"]  # 自2021年起: since 2021
    return out


def _unknown(s: str, i: int) -> str:
    """The run of characters at ``i`` that no date word starts."""
    j = i + 1
    while j < len(s):
        m = _TOKEN.match(s, j)
        if m is None or m.lastgroup != "other":
            break
        j += 1
    return s[i:j]
