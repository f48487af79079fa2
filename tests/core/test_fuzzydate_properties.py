"""Properties of the date parser over inputs nobody wrote by hand (Hypothesis): random text,
random EDTF-shaped strings, random phrases of date words, and real dates written in random
forms. Whatever it is given, the parser answers with a date or with FuzzyDateError and a
reason; a date it gives has its first day on or before its last, and its canonical form reads
back as the same date."""

from datetime import date

import edtf
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from casefile.core.date_words import WORDS
from casefile.core.fuzzydate import FuzzyDate, FuzzyDateError, parse_fuzzy_date

PRECISIONS = {"day", "month", "season", "quarter", "quadrimester", "half", "year", "decade",
              "century", "set", "span", "open"}
FAST = settings(max_examples=1000, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


def parse_or_refuse(text: str, day_first: bool | None = None) -> FuzzyDate | None:
    """The parser's answer: a date that holds together, or None for a refusal with a reason.
    Any other exception fails the test (Hypothesis reports the input)."""
    try:
        fd = parse_fuzzy_date(text, day_first)
    except FuzzyDateError as exc:
        assert exc.reason.strip()
        assert repr(text) in str(exc)
        return None
    assert fd.text == text
    assert fd.start is not None or fd.end is not None
    if fd.start is not None and fd.end is not None:
        assert fd.start <= fd.end
    assert fd.precision in PRECISIONS
    assert fd.reading
    return fd


def reads_back(fd: FuzzyDate) -> None:
    """The canonical form, typed back, is the same date (and the same canonical form)."""
    again = parse_fuzzy_date(fd.edtf)
    assert (again.start, again.end) == (fd.start, fd.end), (fd, again)
    assert (again.approximate, again.uncertain) == (fd.approximate, fd.uncertain)
    assert again.edtf == fd.edtf


@FAST
@given(st.text(max_size=40))
def test_random_text_parses_or_is_refused(text):
    fd = parse_or_refuse(text)
    if fd is not None:
        reads_back(fd)


@FAST
@given(st.text(alphabet="0123456789X-/.~?%[]{},:TZ+YES ", max_size=30))
def test_random_edtf_characters_parse_or_are_refused(text):
    fd = parse_or_refuse(text)
    if fd is not None:
        reads_back(fd)


# -- EDTF-shaped strings, built from the parts the specification combines -----------------
qualifier = st.sampled_from(["", "", "", "?", "~", "%"])
digit_or_x = st.sampled_from(list("0123456789X"))


@st.composite
def year(draw):
    kind = draw(st.sampled_from(["plain", "plain", "masked", "negative", "long", "exp"]))
    if kind == "plain":
        return f"{draw(st.integers(0, 9999)):04d}"
    if kind == "masked":
        return "".join(draw(st.lists(digit_or_x, min_size=4, max_size=4)))
    if kind == "negative":
        return f"-{draw(st.integers(0, 9999)):04d}"
    if kind == "long":
        return f"Y{draw(st.sampled_from(['', '-']))}{draw(st.integers(1, 10**10))}"
    return f"Y{draw(st.integers(1, 99))}E{draw(st.integers(0, 12))}"


two_digits = st.one_of(st.integers(0, 99).map(lambda n: f"{n:02d}"),
                       st.lists(digit_or_x, min_size=2, max_size=2).map("".join))


@st.composite
def edtf_date(draw):
    text = draw(qualifier) + draw(year())
    if draw(st.booleans()) and not text.startswith(("Y", "?Y", "~Y", "%Y")):
        text += f"S{draw(st.integers(0, 5))}"
        return text + draw(qualifier)
    text += draw(qualifier)
    if draw(st.booleans()):
        text += "-" + draw(qualifier) + draw(two_digits) + draw(qualifier)
        if draw(st.booleans()):
            text += "-" + draw(qualifier) + draw(two_digits) + draw(qualifier)
            if draw(st.integers(0, 4)) == 0:
                text += f"T{draw(st.integers(0, 25)):02d}:{draw(st.integers(0, 61)):02d}:" \
                        f"{draw(st.integers(0, 61)):02d}" + draw(st.sampled_from(
                            ["", "Z", "+04", "-04:30", "+15:00"]))
    return text


@st.composite
def edtf_shaped(draw):
    kind = draw(st.sampled_from(["date", "date", "interval", "set"]))
    if kind == "date":
        return draw(edtf_date())
    end = st.one_of(edtf_date(), st.sampled_from(["", ".."]))
    if kind == "interval":
        return f"{draw(end)}/{draw(end)}"
    members = draw(st.lists(st.one_of(
        edtf_date(), edtf_date().map(lambda d: ".." + d), edtf_date().map(lambda d: d + ".."),
        st.tuples(edtf_date(), edtf_date()).map(lambda t: f"{t[0]}..{t[1]}")),
        min_size=1, max_size=4))
    opening = draw(st.sampled_from("[{"))
    return opening + ",".join(members) + {"[": "]", "{": "}"}[opening]


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edtf_shaped())
def test_edtf_shaped_strings_parse_or_are_refused(text):
    fd = parse_or_refuse(text)
    if fd is not None:
        reads_back(fd)


def _library_bounds(text):
    """python-edtf's strict first and last day, where it has them and they are days."""
    try:
        parsed = edtf.parse_edtf(text)
        lo, hi = parsed.lower_strict(), parsed.upper_strict()
        return date(lo.tm_year, lo.tm_mon, lo.tm_mday), date(hi.tm_year, hi.tm_mon,
                                                               hi.tm_mday)
    except Exception:  # noqa: BLE001 - the library fails in many ways on what it cannot read
        return None


@st.composite
def plain_edtf_date(draw):
    """A date python-edtf reads as the specification says: a year (four digits, any of them
    unspecified), a month or sub-year grouping, a day, qualifiers."""
    text = draw(qualifier) + "".join(draw(st.lists(
        st.sampled_from("0123456789") | st.just("X"), min_size=4, max_size=4)))
    text += draw(qualifier)
    if draw(st.booleans()):
        text += "-" + draw(qualifier) + f"{draw(st.integers(0, 45)):02d}" + draw(qualifier)
        if draw(st.booleans()):
            text += "-" + draw(qualifier) + f"{draw(st.integers(0, 32)):02d}" + \
                draw(qualifier)
    return text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.filter_too_much])
@given(plain_edtf_date())
def test_single_edtf_dates_agree_with_the_edtf_library(text):
    """Where both readers give days, they are the same days. Winter is left out: python-edtf
    makes it December alone, Casefile December to February (the specification says
    neither)."""
    assume(not any(f"-{code}" in text for code in ("24", "28", "30")))
    fd = parse_or_refuse(text)
    lib = _library_bounds(text)
    assume(fd is not None and lib is not None)
    assert (fd.start, fd.end) == lib


# -- phrases: date words, numbers and signs in any order -----------------------------------
piece = st.one_of(
    st.sampled_from(sorted(WORDS)),
    st.sampled_from(["–", "-", "/", ",", "?", "~", "年", "月", "日", "季度", "上半年", "底",
                     "至", "起", "第三", "q3", "h1", "1990s", "1990-х", "15th"]),
    st.integers(0, 40).map(str),
    st.integers(1890, 2110).map(str),
)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(piece, min_size=1, max_size=7), st.sampled_from([" ", ""]),
       st.sampled_from([None, True, False]))
def test_random_phrases_parse_or_are_refused(words, joiner, day_first):
    fd = parse_or_refuse(joiner.join(words), day_first)
    if fd is not None:
        reads_back(fd)


# -- real dates written in the forms sources use: the same day comes back ----------------
RU_GENITIVE = dict(enumerate("января февраля марта апреля мая июня июля августа сентября "
                             "октября ноября декабря".split(), start=1))
EN_NAMES = dict(enumerate("January February March April May June July August September "
                          "October November December".split(), start=1))
FORMS = [
    lambda d: d.isoformat(),
    lambda d: f"{d.day} {EN_NAMES[d.month]} {d.year}",
    lambda d: f"{EN_NAMES[d.month]} {d.day}, {d.year}",
    lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",
    lambda d: f"{d.year}{d.month:02d}{d.day:02d}",
    lambda d: f"{d.year}/{d.month}/{d.day}",
    lambda d: f"{d.day} {RU_GENITIVE[d.month]} {d.year} г.",
    lambda d: f"{d.year}年{d.month}月{d.day}日",
    lambda d: f"{d.day:02d}-{EN_NAMES[d.month][:3].upper()}-{d.year}",
    lambda d: f"{d.isoformat()} 00:00:00",
]


@settings(max_examples=600, deadline=None)
@given(st.dates(date(1000, 1, 1), date(9999, 12, 31)), st.sampled_from(range(len(FORMS))))
def test_a_written_day_parses_to_that_day(day, form):
    text = FORMS[form](day)
    fd = parse_fuzzy_date(text)
    assert fd.start == fd.end == day, text
    assert fd.is_point


@settings(max_examples=400, deadline=None)
@given(st.dates(date(1000, 1, 1), date(9999, 12, 31)))
def test_slashed_dates_are_never_guessed(day):
    day_first = f"{day.day:02d}/{day.month:02d}/{day.year}"
    month_first = f"{day.month:02d}/{day.day:02d}/{day.year}"
    assert parse_fuzzy_date(day_first, day_first=True).start == day
    assert parse_fuzzy_date(month_first, day_first=False).start == day
    if day.day > 12 or day.day == day.month:  # only one reading is a date
        assert parse_fuzzy_date(day_first).start == day
        assert parse_fuzzy_date(month_first).start == day
    else:
        try:
            parse_fuzzy_date(day_first)
        except FuzzyDateError as exc:
            assert "(day first)" in exc.reason and "(month first)" in exc.reason
        else:
            raise AssertionError(f"{day_first} has two readings and was not refused")


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 9998), st.integers(21, 41))
def test_every_sub_year_grouping_reads_back(y, code):
    fd = parse_fuzzy_date(f"{y:04d}-{code}")
    assert fd.edtf == f"{y:04d}-{code}"
    assert fd.start is not None and fd.start.year == y
    reads_back(fd)
