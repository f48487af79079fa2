from datetime import date

import edtf
import pytest

from casefile.core.fuzzydate import FuzzyDateError, parse_fuzzy_date

D = date
GOOD = [
    # text, edtf, start, end, precision, approximate, uncertain
    ("2022-06-15", "2022-06-15", D(2022, 6, 15), D(2022, 6, 15), "day", False, False),
    ("15 June 2022", "2022-06-15", D(2022, 6, 15), D(2022, 6, 15), "day", False, False),
    ("June 15, 2022", "2022-06-15", D(2022, 6, 15), D(2022, 6, 15), "day", False, False),
    ("15.06.2022", "2022-06-15", D(2022, 6, 15), D(2022, 6, 15), "day", False, False),
    ("June 2022", "2022-06", D(2022, 6, 1), D(2022, 6, 30), "month", False, False),
    ("Jun. 2022", "2022-06", D(2022, 6, 1), D(2022, 6, 30), "month", False, False),
    ("2022-06", "2022-06", D(2022, 6, 1), D(2022, 6, 30), "month", False, False),
    ("February 2024", "2024-02", D(2024, 2, 1), D(2024, 2, 29), "month", False, False),
    ("Q4 2022", "2022-36", D(2022, 10, 1), D(2022, 12, 31), "quarter", False, False),
    ("2022-Q1", "2022-33", D(2022, 1, 1), D(2022, 3, 31), "quarter", False, False),
    ("early 2022", "2022-01~/2022-04~", D(2022, 1, 1), D(2022, 4, 30), "span", True, False),
    ("mid 2022", "2022-05~/2022-08~", D(2022, 5, 1), D(2022, 8, 31), "span", True, False),
    ("late 2022", "2022-09~/2022-12~", D(2022, 9, 1), D(2022, 12, 31), "span", True, False),
    ("late November 2022", "2022-11-21~/2022-11-30~", D(2022, 11, 21), D(2022, 11, 30),
     "span", True, False),
    ("2022", "2022", D(2022, 1, 1), D(2022, 12, 31), "year", False, False),
    ("Nov–Dec 2022", "2022-11/2022-12", D(2022, 11, 1), D(2022, 12, 31), "span", False, False),
    ("Nov-Dec 2022", "2022-11/2022-12", D(2022, 11, 1), D(2022, 12, 31), "span", False, False),
    ("November and December 2022", "2022-11/2022-12", D(2022, 11, 1), D(2022, 12, 31), "span",
     False, False),
    ("between June and December 2022", "2022-06/2022-12", D(2022, 6, 1), D(2022, 12, 31),
     "span", False, False),
    ("June–December 2022", "2022-06/2022-12", D(2022, 6, 1), D(2022, 12, 31), "span", False,
     False),
    ("from June to December 2022", "2022-06/2022-12", D(2022, 6, 1), D(2022, 12, 31), "span",
     False, False),
    ("December 2021 – February 2022", "2021-12/2022-02", D(2021, 12, 1), D(2022, 2, 28),
     "span", False, False),
    ("15–20 June 2022", "2022-06-15/2022-06-20", D(2022, 6, 15), D(2022, 6, 20), "span", False,
     False),
    ("2022-06/2022-12", "2022-06/2022-12", D(2022, 6, 1), D(2022, 12, 31), "span", False,
     False),
    ("2021?", "2021?", D(2021, 1, 1), D(2021, 12, 31), "year", False, True),
    ("2021~", "2021~", D(2021, 1, 1), D(2021, 12, 31), "year", True, False),
    ("circa 2021", "2021~", D(2021, 1, 1), D(2021, 12, 31), "year", True, False),
    ("c. 2021", "2021~", D(2021, 1, 1), D(2021, 12, 31), "year", True, False),
    ("about June 2022", "2022-06~", D(2022, 6, 1), D(2022, 6, 30), "month", True, False),
    ("before March 2022", "../2022-02-28", None, D(2022, 2, 28), "open", False, False),
    ("after March 2022", "2022-04-01/..", D(2022, 4, 1), None, "open", False, False),
    ("since 2021", "2021/..", D(2021, 1, 1), None, "open", False, False),
    ("until June 2022", "../2022-06", None, D(2022, 6, 30), "open", False, False),
    ("2021/..", "2021/..", D(2021, 1, 1), None, "open", False, False),
    ("  JUNE   2022 ", "2022-06", D(2022, 6, 1), D(2022, 6, 30), "month", False, False),
]


@pytest.mark.parametrize("text,code,start,end,precision,approx,uncertain", GOOD)
def test_parses(text, code, start, end, precision, approx, uncertain):
    fd = parse_fuzzy_date(text)
    assert (fd.edtf, fd.start, fd.end, fd.precision) == (code, start, end, precision)
    assert (fd.approximate, fd.uncertain) == (approx, uncertain)
    assert fd.text == text


@pytest.mark.parametrize("row", GOOD, ids=[g[0] for g in GOOD])
def test_canonical_form_is_valid_edtf(row):
    code = parse_fuzzy_date(row[0]).edtf
    assert str(edtf.parse_edtf(code)) == code


BAD = [
    ("", "empty"),
    ("   ", "empty"),
    ("Jnue 2022", "'jnue' is not a month"),
    ("2022-06-31", "June 2022 has 30 days, not 31"),
    ("31 February 2022", "February 2022 has 28 days"),
    ("2022-13", "no month 13"),
    ("June", "has no year"),
    ("between June 2022", "a range needs two ends"),
    ("December–June 2022", "ends before it starts"),
    ("yesterday", "'yesterday' is not a month"),
    ("sometime", "'sometime' is not a month"),
]


@pytest.mark.parametrize("text,reason", BAD)
def test_refuses_with_reason(text, reason):
    with pytest.raises(FuzzyDateError) as info:
        parse_fuzzy_date(text)
    assert reason in str(info.value)
    assert repr(text) in str(info.value)


def test_points_and_spans():
    assert parse_fuzzy_date("2022-06-15").is_point
    assert not parse_fuzzy_date("June 2022").is_point
    assert parse_fuzzy_date("since 2021").open_end
    assert parse_fuzzy_date("before 2021").open_start


def test_explain_shows_how_it_was_understood():
    text = parse_fuzzy_date("Jun 2022").explain()
    assert text == "Jun 2022 → June 2022: 2022-06-01 … 2022-06-30  [2022-06]"
    text = parse_fuzzy_date("about Q3 2022").explain()
    assert text == ("about Q3 2022 → Q3 2022: 2022-07-01 … 2022-09-30 (approximate)  "
                    "[2022-07~/2022-09~]")
