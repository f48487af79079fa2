"""The dates FollowTheMoney properties give, as the case writes them: one date or several
the source could not decide between ('one of'), the interval of a start and an end in words
where that reads the same, the first and last day a date can mean (to compare them), and the
date as the case gave it in Casefile's own export's summary ('Date as given: late 2022')."""

from __future__ import annotations

from functools import lru_cache

from casefile.core.fuzzydate import FuzzyDateError, parse_fuzzy_date
from casefile.services.exchange.imports.ftm_map import Props, strings
from casefile.services.exchange.imports.plain_dates import plain_days, plain_interval


def one_of(values: list[str]) -> str | None:
    """One date, or several the source could not decide between as an EDTF set ('one of')."""
    days = sorted(set(values))
    if not days:
        return None
    return days[0] if len(days) == 1 else "[" + ", ".join(days) + "]"


def span(props: Props, single: str = "date", point: bool = False) -> tuple[str | None, str]:
    """A fuzzy date as written from FtM's date / startDate / endDate, and the property it
    came from: the one date, or the interval of start and end (open where one is missing).
    With ``point`` a start date alone is the record's date, not an open interval (a
    shipment, a succession, an event: look21 — a customs declaration of 2022-06-15 was
    drawn as a flow 'since 2022-06-15' to this day)."""
    if one := strings(props, single):
        return one_of(one), single
    start, end = strings(props, "startDate"), strings(props, "endDate")
    first, last = (earliest(start) if start else ""), (latest(end) if end else "")
    if start and end:
        return in_words(f"{first} – {last}", f"{first}/{last}"), "startDate"
    if start and point:
        return one_of(start), "startDate"
    if start:
        return in_words(f"since {first}", f"{first}/.."), "startDate"
    if end:
        return in_words(f"until {last}", f"../{last}"), "endDate"
    return None, single


def _bounds(text: str) -> tuple[str, str]:
    """The first and last day a date can mean, as ISO text ('2016' -> 2016-01-01, 2016-12-31);
    the text itself for one that does not read (then it is compared as written)."""
    if (plain := plain_days(text)) is not None:  # a plain ISO date: no parser needed
        return plain[0].isoformat(), plain[1].isoformat()
    try:
        d = parse_fuzzy_date(text)
    except FuzzyDateError:
        return text, text
    return (d.start.isoformat() if d.start else ""), (d.end.isoformat() if d.end else "9999")


def days(dates: list[str]) -> tuple[str, str] | None:
    """The first and last day several dates of one property can mean, as ISO text (None
    for none; a date that does not read counts as any day)."""
    if not dates:
        return None
    spans = [_bounds(d) for d in dates]
    lo, hi = min(a for a, _b in spans), max(b for _a, b in spans)
    return (lo if lo[:1].isdigit() else "0000", hi if hi[:1].isdigit() else "9999")


def last_day(text: str) -> str:
    """The last day a date can mean, as ISO text (the text itself if it does not read)."""
    return _bounds(text)[1]


def earliest(dates: list[str]) -> str:
    """Of several dates FtM gives one property, the one that starts first ('2016' before
    '2016-01', which as text sorts after it)."""
    if len(dates) == 1:  # (nearly always)
        return dates[0]
    return min(dates, key=lambda t: (_bounds(t)[0], t))


def latest(dates: list[str]) -> str:
    """Of several dates, the one that ends last ('2016' after '2016-01': it runs to
    December)."""
    if len(dates) == 1:
        return dates[0]
    return max(dates, key=lambda t: (_bounds(t)[1], t))


@lru_cache(maxsize=4096)
def in_words(words: str, edtf: str) -> str:
    """An interval of FtM's start and end dates as a reader would write it ('since 2015',
    'until 2021-12-31', '2012-09 – 2014-06'), when that reads as the very same interval;
    else its EDTF form ('2015/..'), which the date field reads and says the same of."""
    if (plain := plain_interval(words)) is not None:  # plain ISO dates: no parser needed
        return words if plain else edtf
    return in_words_parsed(words, edtf)


def in_words_parsed(words: str, edtf: str) -> str:
    """:func:`in_words` by the fuzzy date parser alone."""
    try:
        same = parse_fuzzy_date(words).edtf == parse_fuzzy_date(edtf).edtf
    except FuzzyDateError:
        same = False
    return words if same else edtf


def given_in_summary(props: Props, prefix: str, date_text: str | None) -> str | None:
    """The date as the case gave it, from Casefile's own export ('Date as given: late
    2022' in the summary), when it is a date that holds what FtM says (``date_text``);
    else ``date_text``."""
    if "summary" not in props:
        return date_text
    for text in strings(props, "summary"):
        for part in text.split("; "):
            if part.startswith(prefix):
                return given_date(part.removeprefix(prefix).strip(), date_text)
    return date_text


def given_date(given: str, date_text: str | None) -> str | None:
    """``given`` if it reads as a date that lies within what FtM said (``date_text``: FtM
    carries 'spring 2021' as 2021, '~2004-06-11' as 2004-06-11); else ``date_text``."""
    try:
        g = parse_fuzzy_date(given)
        d = parse_fuzzy_date(date_text) if date_text else None
    except FuzzyDateError:
        return date_text
    if d is not None and not ((d.start is None or (g.start is not None and d.start <= g.start))
                              and (d.end is None or (g.end is not None and g.end <= d.end))):
        return date_text
    return given
