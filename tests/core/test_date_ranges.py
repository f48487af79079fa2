"""Ranges and open ends around dates written in figures — '2015-03-01 – 2016-02-01',
'01.03.2015 - 01.02.2016', 'с 01.03.2015 по 01.02.2016', 'since 2015-03-01', 'until
2021-12-31' — as registers, court records and FtM-derived text write them. Each reads as the
EDTF interval of its two ends; a reversed one is refused; an end that reads both ways says so."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casefile.core.edtf_forms import read_edtf
from casefile.core.fuzzydate import FuzzyDateError, parse_fuzzy_date

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
FORMS = {
    "iso": lambda d: d.isoformat(),
    "dotted": lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",
    "words": lambda d: f"{d.day} {MONTHS[d.month - 1]} {d.year}",
    "slashed": lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}",  # read day first below
}
RANGES = ["{a} – {b}", "{a} - {b}", "{a}-{b}", "{a} — {b}", "{a} to {b}", "from {a} to {b}",
          "from {a} until {b}", "between {a} and {b}", "с {a} по {b}", "{a} through {b}"]
days = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))


@given(days, st.integers(0, 4000), st.sampled_from(sorted(FORMS)),
       st.sampled_from(sorted(FORMS)), st.sampled_from(RANGES))
def test_a_range_of_two_days_in_figures_reads_as_their_interval(a, gap, fa, fb, shape):
    b = min(a + timedelta(days=gap), date(2099, 12, 31))
    text = shape.format(a=FORMS[fa](a), b=FORMS[fb](b))
    found = parse_fuzzy_date(text, day_first=True)
    assert (found.start, found.end) == (a, b), text
    assert found.edtf == f"{a.isoformat()}/{b.isoformat()}"
    again = parse_fuzzy_date(found.edtf)  # its canonical form reads back as the same
    assert (again.start, again.end) == (a, b)
    assert found.text == text


@given(days, st.integers(1, 4000), st.sampled_from(["iso", "dotted"]))
def test_a_range_that_ends_before_it_starts_is_refused(b, gap, form):
    a = b + timedelta(days=gap)
    if a.year > 2099:
        return
    with pytest.raises(FuzzyDateError, match="ends before it starts"):
        parse_fuzzy_date(f"{FORMS[form](a)} – {FORMS[form](b)}")


@given(days, st.sampled_from(["iso", "dotted"]),
       st.sampled_from(["since {d}", "from {d}", "{d} onwards", "с {d}", "starting {d}",
                        "{d} or later", "{d} and after", "{d} и позднее"]))
def test_since_a_day_in_figures_is_open_ended(d, form, shape):
    found = parse_fuzzy_date(shape.format(d=FORMS[form](d)))
    assert (found.start, found.end, found.edtf) == (d, None, f"{d.isoformat()}/..")


@given(days, st.sampled_from(["iso", "dotted"]),
       st.sampled_from(["until {d}", "till {d}", "up to {d}", "по {d}", "through {d}",
                        # (session 22) said after the day, as '{d} or later' always read
                        "{d} or earlier", "{d} or before", "{d} and earlier",
                        "{d} и ранее", "{d} и раньше"]))
def test_until_a_day_in_figures_is_open_at_the_start(d, form, shape):
    found = parse_fuzzy_date(shape.format(d=FORMS[form](d)))
    assert (found.start, found.end, found.edtf) == (None, d, f"../{d.isoformat()}")


# (session 21) as court filings and sanctions notices write them: 'on or before',
# 'no earlier than', 'since at least', Russian 'не позднее'; 'before' and 'after' leave the
# day itself out. Before, all but 'since' and 'until' were refused with a day in figures.
SINCE = ["no earlier than {d}", "not before {d}", "on or after {d}", "in or after {d}",
         "since at least {d}", "at least since {d}", "не ранее {d}", "не раньше {d}",
         "по меньшей мере с {d}", "как минимум с {d}"]
UNTIL = ["no later than {d}", "not later than {d}", "not after {d}", "on or before {d}",
         "in or before {d}", "by {d}", "up to and including {d}", "не позднее {d}",
         "не позже {d}"]


@given(days, st.sampled_from(["iso", "dotted"]), st.sampled_from(SINCE + UNTIL),
       st.booleans())
def test_legal_open_ends_of_a_day_in_figures_keep_the_day(d, form, shape, upper):
    text = shape.format(d=FORMS[form](d))
    found = parse_fuzzy_date(text.upper() if upper else text)
    if shape in SINCE:
        assert (found.start, found.end, found.edtf) == (d, None, f"{d.isoformat()}/..")
    else:
        assert (found.start, found.end, found.edtf) == (None, d, f"../{d.isoformat()}")


@given(st.dates(min_value=date(1900, 1, 2), max_value=date(2099, 12, 30)),
       st.sampled_from(["iso", "dotted"]),
       st.sampled_from(["before {d}", "prior to {d}", "after {d}", "после {d}"]))
def test_before_and_after_a_day_in_figures_leave_the_day_out(d, form, shape):
    found = parse_fuzzy_date(shape.format(d=FORMS[form](d)))
    if shape.startswith(("after", "после")):
        assert (found.start, found.end) == (d + timedelta(days=1), None)
        assert found.reading.startswith("after ")
    else:
        assert (found.start, found.end) == (None, d - timedelta(days=1))
        assert found.reading.startswith("before ")


@pytest.mark.parametrize("text,edtf,reading", [
    # (review29) an open-end word before a range in figures: read as the range, as before
    ("from 1957-02-1963", "1957-02/1963", "from February 1957 to the year 1963"),
    ("since 2015-03-2016", "2015-03/2016", "from March 2015 to the year 2016"),
    ("с 1957-02-1963", "1957-02/1963", "from February 1957 to the year 1963"),
    # a start that may be earlier says so, open or ranged
    ("since at least 2018-03-01", "2018-03-01/..", "from 1 March 2018, if not earlier, on"),
    ("from at least 2019-05-01 to 2022-01-31", "2019-05-01/2022-01-31",
     "from 1 May 2019, if not earlier, to 31 January 2022"),
    ("по меньшей мере со 02.05.2021 по 30.06.2021", "2021-05-02/2021-06-30",
     "from 2 May 2021, if not earlier, to 30 June 2021"),
    ("pre 2021-05-01", "../2021-04-30", "before 1 May 2021"),
    ("post 2021-05-01", "2021-05-02/..", "after 1 May 2021"),
    ("by no later than 2021-05-01", "../2021-05-01", "until 1 May 2021"),
])
def test_open_ends_and_ranges_in_figures_read_as_written(text, edtf, reading):
    found = parse_fuzzy_date(text)
    assert (found.edtf, found.reading) == (edtf, reading)


def test_an_open_end_that_reads_both_ways_says_so():
    for text in ("until 03/04/2022", "since 03/04/2022", "before 03/04/2022"):
        with pytest.raises(FuzzyDateError, match=r"3 April 2022 \(day first\) or 4 March"):
            parse_fuzzy_date(text)
    assert parse_fuzzy_date("before 03/04/2022", day_first=True).end == date(2022, 4, 2)
    with pytest.raises(FuzzyDateError, match="nothing Casefile can place is after"):
        parse_fuzzy_date("after 9999-12-31")


@pytest.mark.parametrize("text,edtf", [
    ("2015-03 – 2016-02", "2015-03/2016-02"),
    ("2015-03 onwards", "2015-03/.."),
    ("2015-03 or earlier", "../2015-03"),  # (session 22: was refused)
    ("March 2015 and earlier", "../2015-03"),
    ("Q3 2022 – Q4 2022", "2022-07/2022-12"),
    ("15/06/2022 - 20/06/2022", "2022-06-15/2022-06-20"),  # 15 and 20 can only be days
])
def test_other_single_dates_make_ranges_too(text, edtf):
    assert parse_fuzzy_date(text).edtf == edtf


def test_an_end_that_reads_both_ways_is_named_not_the_range():
    with pytest.raises(FuzzyDateError) as err:
        parse_fuzzy_date("03/04/2022 - 05/04/2022")
    assert "3 April 2022 (day first) or 4 March 2022 (month first)" in str(err.value)
    assert parse_fuzzy_date("03/04/2022 - 05/04/2022", day_first=True).edtf == \
        "2022-04-03/2022-04-05"
    with pytest.raises(FuzzyDateError, match="February 2022 has 28 days, not 31"):
        parse_fuzzy_date("31.02.2022 - 01.03.2022")


def test_two_dates_joined_by_and_are_not_a_range():
    # 'A and B' names two dates, not the days between them: only 'between A and B' is
    with pytest.raises(FuzzyDateError):
        parse_fuzzy_date("2015-03-01 and 2016-02-01")


def test_what_the_grammar_reads_is_read_as_before():
    # the range step runs only after the other readers refuse: their readings stand
    assert parse_fuzzy_date("since 2021").reading == "from the year 2021 on"
    assert parse_fuzzy_date("before 2021").edtf == "../2020-12-31"
    assert parse_fuzzy_date("June 2022 – 2023").edtf == "2022-06/2023"


@given(days, st.integers(0, 40), st.sampled_from(["{a}-{y}", "{a}-{b}", "{a}–{y}"]))
def test_a_bare_hyphen_between_iso_ends_is_never_split_in_the_wrong_place(a, years, shape):
    """'1957-02-21-1963' could split after 1957 or after 21: read only when one split
    reads, else refused naming both — never the wrong interval."""
    y = min(a.year + years, 2099)
    b = date(y, 12, 31) if y > a.year else a
    text = shape.format(a=a.isoformat(), y=y, b=b.isoformat())
    try:
        found = parse_fuzzy_date(text, day_first=True)
    except FuzzyDateError as exc:
        assert "it could be" in exc.reason or "ends before it starts" in exc.reason, text
        return
    assert found.start == a, text
    assert found.end == (b if "{b}" in shape else date(y, 12, 31)), text


def test_from_a_day_onwards_is_open_ended():
    assert parse_fuzzy_date("from 2015-03-01 onwards").edtf == "2015-03-01/.."


# --- ranges whose ends are written in different forms: figures on one side, words on the
# other ('02.2026 - 08 July 2030' once read as 2 July 2026 to 8 July 2030)
MONTHS_RU_DAY = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
                 "сентября", "октября", "ноября", "декабря"]
MONTHS_RU = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
             "сентябрь", "октябрь", "ноябрь", "декабрь"]
DAY_FORMS = {  # a day, as sources write it
    "iso": lambda d: d.isoformat(),
    "dotted": lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",
    "words": lambda d: f"{d.day:02d} {MONTHS[d.month - 1]} {d.year}",
    "words-short": lambda d: f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}",
    "russian": lambda d: f"{d.day} {MONTHS_RU_DAY[d.month - 1]} {d.year}",
    "russian-g": lambda d: f"{d.day} {MONTHS_RU_DAY[d.month - 1]} {d.year} г.",
}
MONTH_FORMS = {  # a month
    "mm.yyyy": lambda d: f"{d.month:02d}.{d.year}",
    "m.yyyy": lambda d: f"{d.month}.{d.year}",
    "yyyy-mm": lambda d: f"{d.year}-{d.month:02d}",
    "yyyy.mm": lambda d: f"{d.year}.{d.month:02d}",
    "mm/yyyy": lambda d: f"{d.month:02d}/{d.year}",
    "words": lambda d: f"{MONTHS[d.month - 1]} {d.year}",
    "russian": lambda d: f"{MONTHS_RU[d.month - 1]} {d.year}",
    "russian-g": lambda d: f"{MONTHS_RU[d.month - 1]} {d.year} г.",
}
YEAR_FORMS = {"yyyy": lambda d: str(d.year)}
END_FORMS = {**{f"day {k}": (v, "day") for k, v in DAY_FORMS.items()},
             **{f"month {k}": (v, "month") for k, v in MONTH_FORMS.items()},
             **{f"year {k}": (v, "year") for k, v in YEAR_FORMS.items()}}
MIXED_RANGES = ["{a} - {b}", "{a} – {b}", "{a} to {b}", "from {a} to {b}", "с {a} по {b}",
                "between {a} and {b}", "между {a} и {b}", "{a}-{b}", "{a}–{b}"]


def _end_edtf(d: date, precision: str) -> str:
    return {"day": d.isoformat(), "month": f"{d.year:04d}-{d.month:02d}",
            "year": f"{d.year:04d}"}[precision]


def _bounds(d: date, precision: str) -> tuple[date, date]:
    if precision == "day":
        return d, d
    if precision == "month":
        nxt = date(d.year + d.month // 12, d.month % 12 + 1, 1)
        return d.replace(day=1), nxt - timedelta(days=1)
    return date(d.year, 1, 1), date(d.year, 12, 31)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2090, 12, 31)),
       st.integers(1, 4000), st.sampled_from(sorted(END_FORMS)),
       st.sampled_from(sorted(END_FORMS)), st.sampled_from(MIXED_RANGES))
def test_a_range_with_ends_in_mixed_forms_reads_each_end_as_written(a, gap, fa, fb, shape):
    """Whatever form each end is in (figures or words, English or Russian, day, month or
    year), the range is exactly the interval of its two ends — or, where a bare hyphen
    could split it in two places, refused naming both readings. Never another date."""
    (form_a, prec_a), (form_b, prec_b) = END_FORMS[fa], END_FORMS[fb]
    b = a + timedelta(days=gap)
    if _bounds(b, prec_b)[1] < _bounds(a, prec_a)[0]:
        return
    text = shape.format(a=form_a(a), b=form_b(b))
    want = f"{_end_edtf(a, prec_a)}/{_end_edtf(b, prec_b)}"
    if read_edtf(text, text) is not None:  # '2000-01-01/2000' is EDTF, and means what it says
        assert parse_fuzzy_date(text).edtf == text
        return
    try:
        found = parse_fuzzy_date(text)
    except FuzzyDateError as exc:
        # only a bare hyphen between ends that hold hyphens of their own may be ambiguous
        assert shape in ("{a}-{b}", "{a}–{b}") and "it could be" in exc.reason, (text, exc)
        assert f"from {parse_fuzzy_date(want).reading.removeprefix('from ')}" in exc.reason
        return
    assert found.edtf == want, text
    assert (found.start, found.end) == (_bounds(a, prec_a)[0], _bounds(b, prec_b)[1]), text


@pytest.mark.parametrize("text,edtf,reading", [
    ("02.2026 - 08 July 2030", "2026-02/2030-07-08", "from February 2026 to 8 July 2030"),
    ("8 July 2030 - 02.2031", "2030-07-08/2031-02", "from 8 July 2030 to February 2031"),
    ("июль 2026 - 08.2030", "2026-07/2030-08", "from July 2026 to August 2030"),
    ("2026.02 - 8 July 2030", "2026-02/2030-07-08", "from February 2026 to 8 July 2030"),
    ("between 02.2026 and 8 July 2030", "2026-02/2030-07-08",
     "from February 2026 to 8 July 2030"),
    ("с 02.2026 по 8 июля 2030 г.", "2026-02/2030-07-08", "from February 2026 to 8 July 2030"),
    ("15.06–20.06.2022", "2022-06-15/2022-06-20", "from 15 June 2022 to 20 June 2022"),
    ("15.06.2022 г.", "2022-06-15", "15 June 2022"),
    ("about 02.2026", "2026-02~", "February 2026"),
])
def test_dotted_figures_among_words_are_one_date(text, edtf, reading):
    found = parse_fuzzy_date(text)
    assert (found.edtf, found.reading) == (edtf, reading)


@pytest.mark.parametrize("text,reason", [
    ("15.06.22 - 8 July 2030", "the year '22' has two digits"),
    ("13.2026 - 8 July 2030", "there is no month 13"),
    ("1.2.3 - 8 July 2030", "'1.2.3' is no date in figures"),
])
def test_dotted_figures_that_are_no_date_are_refused_with_the_reason(text, reason):
    with pytest.raises(FuzzyDateError, match=reason):
        parse_fuzzy_date(text)
