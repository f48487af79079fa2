"""The plain-ISO fast path of FtM date intervals says what the fuzzy date parser says, for
every plain date pair (real or not: month 13, 30 February, year 0000, reversed ends) and for
text that is not plain (left to the parser)."""

from hypothesis import example, given
from hypothesis import strategies as st

from casefile.services.exchange.imports.ftm_date_values import in_words, in_words_parsed
from casefile.services.exchange.imports.plain_dates import plain_days, plain_interval

_DAY = st.builds(lambda y, m, d, parts: "-".join([f"{y:04d}", f"{m:02d}", f"{d:02d}"][:parts]),
                 st.integers(0, 2100), st.integers(0, 13), st.integers(0, 32),
                 st.integers(1, 3))
_TEXT = _DAY | st.sampled_from(["2016-1-5", "20161005", "2016-10-05T00:00", "1990s",
                                "late 2022", "05.10.2016", "", "2016-10-05 ", "۲۰۱۶"])


def _forms(a: str, b: str) -> list[tuple[str, str]]:
    return [(f"{a} – {b}", f"{a}/{b}"), (f"since {a}", f"{a}/.."), (f"until {b}", f"../{b}")]


@given(_TEXT, _TEXT)
@example("2021-10-12", "2016-10-05")  # reversed: EDTF form
@example("2016-02-30", "2017")  # no such day
@example("0000", "2016")
@example("2016-10", "2016-10-01")  # a month ending on its first day
def test_the_fast_path_reads_as_the_parser_does(a, b):
    for words, edtf in _forms(a, b):
        assert in_words(words, edtf) == in_words_parsed(words, edtf), words


def test_plain_days_are_a_day_a_month_or_a_year():
    assert str(plain_days("2016-02")) == "(datetime.date(2016, 2, 1), datetime.date(2016, 2, 29))"
    assert plain_days("2016-02-30") is None and plain_days("late 2016") is None
    assert plain_interval("since late 2016") is None  # the parser decides


@given(_TEXT)
@example("2016-02")
@example("1900-02")
@example("2016-02-30")
def test_the_bounds_of_a_date_read_as_the_parser_reads_them(text):
    from casefile.core.fuzzydate import FuzzyDateError, parse_fuzzy_date
    from casefile.services.exchange.imports.ftm_date_values import _bounds

    try:
        d = parse_fuzzy_date(text)
        expected = ((d.start.isoformat() if d.start else ""),
                    (d.end.isoformat() if d.end else "9999"))
    except FuzzyDateError:
        expected = (text, text)
    assert _bounds(text) == expected
