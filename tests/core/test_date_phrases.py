"""Dates as news, court filings and customs records write them, in English, Russian and
Chinese; numeric dates with slashes and the order of day and month; refusals in the user's
terms. Every example of the issue ('Dates as the world writes them') is here.

Expected days follow from what the words mean: a half year is six months, a quarter three, a
season three (spring March–May), the last week of a month its last seven days, 'late' / 'end
of' a year its last third (September–December, approximate)."""

import calendar
from datetime import date

import pytest

from casefile.core.fuzzydate import FuzzyDateError, numeric_order, parse_fuzzy_date

D = date


def month_end(y, m):
    return D(y, m, calendar.monthrange(y, m)[1])


# text, canonical EDTF, first day, last day, approximate
ENGLISH = [
    ("the second half of 2022", "2022-41", D(2022, 7, 1), D(2022, 12, 31), False),
    ("H1 2023", "2023-40", D(2023, 1, 1), D(2023, 6, 30), False),
    ("spring 2022", "2022-21", D(2022, 3, 1), D(2022, 5, 31), False),
    ("autumn 2022", "2022-23", D(2022, 9, 1), D(2022, 11, 30), False),
    ("the summer of 2022", "2022-22", D(2022, 6, 1), D(2022, 8, 31), False),
    ("the 1990s", "199X", D(1990, 1, 1), D(1999, 12, 31), False),
    ("last week of June 2022", "2022-06-24/2022-06-30", D(2022, 6, 24), D(2022, 6, 30),
     False),
    ("end of 2022", "2022-09~/2022-12~", D(2022, 9, 1), D(2022, 12, 31), True),
    ("the first quarter of 2023", "2023-33", D(2023, 1, 1), D(2023, 3, 31), False),
    ("on or about February 14, 2023", "2023-02-14~", D(2023, 2, 14), D(2023, 2, 14), True),
    ("in or around March 2022", "2022-03~", D(2022, 3, 1), D(2022, 3, 31), True),
    ("from in or around 2019 through in or around 2022", "2019~/2022~", D(2019, 1, 1),
     D(2022, 12, 31), True),
    ("no later than June 30, 2022", "../2022-06-30", None, D(2022, 6, 30), False),
    # (session 21) US indictments and Treasury notices
    ("on or before June 30, 2022", "../2022-06-30", None, D(2022, 6, 30), False),
    ("in or before 2023", "../2023", None, D(2023, 12, 31), False),
    ("on or after 1 May 2021", "2021-05-01/..", D(2021, 5, 1), None, False),
    ("since at least March 2015", "2015-03/..", D(2015, 3, 1), None, False),
    ("from at least 2019 through in or around 2022", "2019/2022~", D(2019, 1, 1),
     D(2022, 12, 31), True),
    ("up to and including 2023", "../2023", None, D(2023, 12, 31), False),
    ("from 2019 up to and including 2022", "2019/2022", D(2019, 1, 1), D(2022, 12, 31),
     False),
    ("by no later than June 2022", "../2022-06", None, D(2022, 6, 30), False),
    ("15-JUN-2022", "2022-06-15", D(2022, 6, 15), D(2022, 6, 15), False),
    ("20220615", "2022-06-15", D(2022, 6, 15), D(2022, 6, 15), False),
    ("2022/06/15", "2022-06-15", D(2022, 6, 15), D(2022, 6, 15), False),
    ("2022-06-15 00:00:00", "2022-06-15", D(2022, 6, 15), D(2022, 6, 15), False),
]
RUSSIAN = [
    ("июнь 2022", "2022-06", D(2022, 6, 1), D(2022, 6, 30), False),
    ("15 июня 2022 г.", "2022-06-15", D(2022, 6, 15), D(2022, 6, 15), False),
    ("конец 2022 года", "2022-09~/2022-12~", D(2022, 9, 1), D(2022, 12, 31), True),
    ("IV квартал 2022 г.", "2022-36", D(2022, 10, 1), D(2022, 12, 31), False),
    ("первое полугодие 2023", "2023-40", D(2023, 1, 1), D(2023, 6, 30), False),
    ("весна 2022", "2022-21", D(2022, 3, 1), D(2022, 5, 31), False),
    ("с 2021 года", "2021/..", D(2021, 1, 1), None, False),
    ("по меньшей мере с 2018 года", "2018/..", D(2018, 1, 1), None, False),
    ("как минимум со 2 мая по 30 июня 2021 г.", "2021-05-02/2021-06-30", D(2021, 5, 2),
     D(2021, 6, 30), False),
    ("12.07.2022", "2022-07-12", D(2022, 7, 12), D(2022, 7, 12), False),  # day first
]
CHINESE = [
    ("2022年6月", "2022-06", D(2022, 6, 1), D(2022, 6, 30), False),
    ("2022年6月15日", "2022-06-15", D(2022, 6, 15), D(2022, 6, 15), False),
    ("2022年底", "2022-09~/2022-12~", D(2022, 9, 1), D(2022, 12, 31), True),
    ("2022年第三季度", "2022-35", D(2022, 7, 1), D(2022, 9, 30), False),
    ("2022年上半年", "2022-40", D(2022, 1, 1), D(2022, 6, 30), False),
    ("2022年春", "2022-21", D(2022, 3, 1), D(2022, 5, 31), False),
]
SLASHES = [
    ("15/06/2022", "2022-06-15", D(2022, 6, 15), D(2022, 6, 15), False),  # day first
    ("06/15/2022", "2022-06-15", D(2022, 6, 15), D(2022, 6, 15), False),  # month first
    ("04/04/2022", "2022-04-04", D(2022, 4, 4), D(2022, 4, 4), False),  # reads the same
]
ISSUE_EXAMPLES = ENGLISH + RUSSIAN + CHINESE + SLASHES


@pytest.mark.parametrize("text,code,start,end,approx", ISSUE_EXAMPLES,
                         ids=[r[0] for r in ISSUE_EXAMPLES])
def test_as_the_world_writes_them(text, code, start, end, approx):
    fd = parse_fuzzy_date(text)
    assert (fd.edtf, fd.start, fd.end, fd.approximate) == (code, start, end, approx)
    assert fd.text == text


MORE = [
    # (look22: 'early 1970s' was refused as saying two things at once) parts of a decade
    ("early 1970s", D(1970, 1, 1), D(1973, 12, 31)),
    ("the mid-1980s", D(1984, 1, 1), D(1986, 12, 31)),
    ("late 1990s", D(1997, 1, 1), D(1999, 12, 31)),
    ("начало 1990-х", D(1990, 1, 1), D(1993, 12, 31)),
    # the same things said other ways
    ("2022 H2", D(2022, 7, 1), D(2022, 12, 31)),
    ("2022-Q3", D(2022, 7, 1), month_end(2022, 9)),
    ("Q4/2022", D(2022, 10, 1), D(2022, 12, 31)),
    ("fall 2022", D(2022, 9, 1), D(2022, 11, 30)),
    ("winter 2022/23", D(2022, 12, 1), D(2023, 2, 28)),
    ("зима 2023/2024", D(2023, 12, 1), D(2024, 2, 29)),  # 2024 is a leap year
    ("the first week of March 2022", D(2022, 3, 1), D(2022, 3, 7)),
    ("the last week of February 2024", D(2024, 2, 23), D(2024, 2, 29)),
    ("June 15–20, 2022", D(2022, 6, 15), D(2022, 6, 20)),
    ("15 June – 20 July 2022", D(2022, 6, 15), D(2022, 7, 20)),
    ("the 15th of June 2022", D(2022, 6, 15), D(2022, 6, 15)),
    ("Wednesday, June 15, 2022", D(2022, 6, 15), D(2022, 6, 15)),
    ("mid-June 2022", D(2022, 6, 11), D(2022, 6, 20)),
    ("2022-06-15 10:30", D(2022, 6, 15), D(2022, 6, 15)),
    ("2022.6.15", D(2022, 6, 15), D(2022, 6, 15)),
    ("06.2022", D(2022, 6, 1), D(2022, 6, 30)),
    ("1990s", D(1990, 1, 1), D(1999, 12, 31)),
    # Russian
    ("в IV квартале 2022 г.", D(2022, 10, 1), D(2022, 12, 31)),
    ("4-й квартал 2022 года", D(2022, 10, 1), D(2022, 12, 31)),
    ("второе полугодие 2022", D(2022, 7, 1), D(2022, 12, 31)),
    ("в начале июня 2022 г.", D(2022, 6, 1), D(2022, 6, 10)),
    ("с 2019 по 2022 год", D(2019, 1, 1), D(2022, 12, 31)),
    ("в 2019–2022 гг.", D(2019, 1, 1), D(2022, 12, 31)),
    ("до 2022 года", None, D(2022, 12, 31)),
    ("не позднее 30 июня 2022 г.", None, D(2022, 6, 30)),
    ("около 2021 года", D(2021, 1, 1), D(2021, 12, 31)),
    ("в 1990-х годах", D(1990, 1, 1), D(1999, 12, 31)),
    ("осенью 2022 года", D(2022, 9, 1), D(2022, 11, 30)),
    # Chinese
    ("二〇二二年六月", D(2022, 6, 1), D(2022, 6, 30)),
    ("２０２２年６月１５日", D(2022, 6, 15), D(2022, 6, 15)),  # full-width digits
    ("2022年第四季度", D(2022, 10, 1), D(2022, 12, 31)),
    ("2022年下半年", D(2022, 7, 1), D(2022, 12, 31)),
    ("2022年6月下旬", D(2022, 6, 21), D(2022, 6, 30)),
    ("2022年6月至8月", D(2022, 6, 1), D(2022, 8, 31)),
    ("2022年6月30日至7月5日", D(2022, 6, 30), D(2022, 7, 5)),
    ("自2021年起", D(2021, 1, 1), None),
    ("2021年以来", D(2021, 1, 1), None),
    ("截至2022年6月", None, D(2022, 6, 30)),
    ("2022年以前", None, D(2021, 12, 31)),
    ("20世纪90年代", D(1990, 1, 1), D(1999, 12, 31)),
    ("2022年秋季", D(2022, 9, 1), D(2022, 11, 30)),
]


@pytest.mark.parametrize("text,start,end", MORE, ids=[r[0] for r in MORE])
def test_other_ways_of_writing(text, start, end):
    fd = parse_fuzzy_date(text)
    assert (fd.start, fd.end) == (start, end)


def test_qualifiers_mean_what_they_say():
    assert parse_fuzzy_date("2022年6月15日左右").approximate
    assert parse_fuzzy_date("约2022年").approximate
    assert not parse_fuzzy_date("2022年6月中旬").approximate  # 中旬 is exactly days 11-20
    assert parse_fuzzy_date("mid June 2022").approximate  # 'mid' in English is not
    assert parse_fuzzy_date("June 2022?").uncertain
    assert not parse_fuzzy_date("June 2022?").approximate


def test_an_ambiguous_slashed_date_is_refused_naming_both_readings():
    with pytest.raises(FuzzyDateError) as info:
        parse_fuzzy_date("03/04/2022")
    reason = info.value.reason
    assert "3 April 2022 (day first)" in reason and "4 March 2022 (month first)" in reason


@pytest.mark.parametrize("text,day_first,expected", [
    ("03/04/2022", True, D(2022, 4, 3)),
    ("03/04/2022", False, D(2022, 3, 4)),
    ("03-04-2022", True, D(2022, 4, 3)),
    # the order only decides what could be read both ways
    ("15/06/2022", False, D(2022, 6, 15)),
    ("06/15/2022", True, D(2022, 6, 15)),
    # dots are day first whatever the setting (nobody writes month.day.year)
    ("03.04.2022", False, D(2022, 4, 3)),
])
def test_the_order_setting_decides(text, day_first, expected):
    fd = parse_fuzzy_date(text, day_first=day_first)
    assert fd.start == fd.end == expected


def test_the_reading_says_how_the_order_was_decided():
    assert "day first, as set" in parse_fuzzy_date("03/04/2022", day_first=True).reading
    assert "there is no month 15" in parse_fuzzy_date("15/06/2022").reading


@pytest.mark.parametrize("text,order", [("15/06/2022", "day"), ("06/15/2022", "month"),
                                        ("03/04/2022", "either"), ("04/04/2022", "same"),
                                        ("12.07.2022", None), ("2022-06-15", None),
                                        ("31/31/2022", None), ("June 2022", None)])
def test_numeric_order_shows_what_a_row_tells(text, order):
    assert numeric_order(text) == order


REFUSED = [
    ("31/04/2022", "nor month first"),
    ("15.06.22", "the year '22' has two digits"),
    ("Jun-22", "the year '22' has two digits"),
    ("the 1900s", "could be the decade 1900–1909 or the century 1900–1999"),
    ("the '90s", "write it in full"),
    ("Monday, June 15, 2022", "15 June 2022 was a Wednesday, not a Monday"),
    ("Q5 2022", "there is no quarter 5"),
    ("the fifth week of February 2022", "February 2022 has no fifth week"),
    ("last half of 2022", "there is no last half"),
    ("quarter 2022", "needs to say which one"),
    ("Jnue 2022", "did you mean 'june'?"),
    ("2022年13月", "there is no month 13"),
    ("22年6月", "not written in full"),
    ("去年", "'去年' is not part of any date"),
    ("2022年第五季度", "there is no quarter 5"),
    ("before 0001", "nothing Casefile can place is before the year 1"),
    ("..1984", "'..' stands only in an EDTF interval or set"),
    ("from 2019 to 2020 to 2021", "this has more"),
    ("or 2020", "'or' cannot start a date"),
    ("2019 or", "'or' needs a date on either side"),
    ("ca. 2019 or 2020", "each side of 'or' must be one date"),
    ("x" * 300, "longer than any date"),
]


@pytest.mark.parametrize("text,reason", REFUSED, ids=[r[0][:30] for r in REFUSED])
def test_refusals_explain_themselves(text, reason):
    with pytest.raises(FuzzyDateError) as info:
        parse_fuzzy_date(text)
    assert reason in info.value.reason


@pytest.mark.parametrize("text,code,start,end,reading", [
    ("2019 or 2020", "[2019,2020]", D(2019, 1, 1), D(2020, 12, 31),
     "the year 2019 or the year 2020"),
    ("June or July 2022", "[2022-06,2022-07]", D(2022, 6, 1), D(2022, 7, 31),
     "June 2022 or July 2022"),
    ("2019 или 2020", "[2019,2020]", D(2019, 1, 1), D(2020, 12, 31),
     "the year 2019 or the year 2020"),
    ("pre-1995", "../1994-12-31", None, D(1994, 12, 31), "before the year 1995"),
    ("post-2010", "2011-01-01/..", D(2011, 1, 1), None, "after the year 2010"),
    ("1995 or earlier", "../1995", None, D(1995, 12, 31), "until the year 1995"),
    ("2010 or later", "2010/..", D(2010, 1, 1), None, "from the year 2010 on"),
    ("1995 и ранее", "../1995", None, D(1995, 12, 31), "until the year 1995"),
])
def test_one_of_two_dates_and_open_ends_said_after_the_date(text, code, start, end,
                                                             reading):
    """(review) '2019 or 2020' was refused, though Casefile's own reading of [2019,2020]
    is '2019 or 2020'; so were 'pre-1995', 'post-2010' and '1995 or earlier'."""
    fd = parse_fuzzy_date(text)
    assert (fd.edtf, fd.start, fd.end, fd.reading) == (code, start, end, reading)
    assert parse_fuzzy_date(fd.edtf).start == fd.start  # the EDTF reads back the same


def test_a_chinese_date_is_not_refused_for_its_characters():
    """The old parser said "the word '年' is not a month" of 2022年6月."""
    assert parse_fuzzy_date("2022年6月").edtf == "2022-06"
    with pytest.raises(FuzzyDateError) as info:
        parse_fuzzy_date("2022年6月的某天")
    assert "'的某天' is not part of any date" in info.value.reason
    assert "not a month" not in info.value.reason


def test_a_season_typed_as_edtf_says_so():
    fd = parse_fuzzy_date("2022-23")  # autumn 2022, not the years 2022-2023
    said = "autumn 2022 (EDTF season 23; for the years 2022 to 2023 write 2022–2023)"
    assert fd.reading == said and said in fd.explain()
    assert parse_fuzzy_date("2022-2023").end == D(2023, 12, 31)


@pytest.mark.parametrize("text", [r[0] for r in ISSUE_EXAMPLES + MORE])
def test_what_the_case_stores_reads_back_as_the_same_date(text):
    fd = parse_fuzzy_date(text)
    again = parse_fuzzy_date(fd.edtf)
    assert (again.start, again.end) == (fd.start, fd.end)
    assert (again.approximate, again.uncertain) == (fd.approximate, fd.uncertain)
    assert again.edtf == fd.edtf


def test_a_start_that_may_be_earlier_says_so_in_its_reading():
    """(review29) 'since at least 2018' read 'from the year 2018 on': the source says it may
    have begun before (the stored start is the latest it can be)."""
    assert parse_fuzzy_date("since at least 2018").reading == \
        "from the year 2018, if not earlier, on"
    assert parse_fuzzy_date("from at least 2019 through 2022").reading == \
        "from the year 2019, if not earlier, to the year 2022"
    assert parse_fuzzy_date("since 2018").reading == "from the year 2018 on"


@pytest.mark.parametrize("text,quoted", [
    ("2019 on or before 2022", "'on or before' cannot stand there"),
    ("from on or after 1 May 2019 to 2022", "'on or after' cannot stand there"),
    ("2019 no later than 2022", "'no later than' cannot stand there"),
])
def test_a_refusal_quotes_the_phrase_as_written(text, quoted):
    """(review29) Refusals named the words the parser makes of a phrase ('nolaterthan')."""
    with pytest.raises(FuzzyDateError) as err:
        parse_fuzzy_date(text)
    assert quoted in str(err.value)
