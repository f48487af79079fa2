"""ISO weeks (helper-58: 'week 12 2019' was refused with a hint to write a quarter): a week
numbered in its year, in the ways people and systems write one, is the span of its days,
Monday to Sunday; what the case stores reads back as the same days."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casefile.core.fuzzydate import FuzzyDateError, parse_fuzzy_date
from casefile.core.week_dates import weeks_in

WAYS = ["{y:04d}-W{w:02d}", "{y:04d}W{w:02d}", "week {w} {y:04d}", "Week {w}, {y:04d}",
        "week {w} of {y:04d}", "W{w} {y:04d}", "W{w}/{y:04d}", "KW {w} {y:04d}",
        "wk. {w}/{y:04d}", "the {w}th week of {y:04d}", "{y:04d}, week {w}",
        "неделя {w} {y:04d}", "{w}-я неделя {y:04d} г."]


@st.composite
def year_and_week(draw):
    y = draw(st.integers(1, 9998))
    return y, draw(st.integers(1, weeks_in(y)))


@given(year_and_week(), st.sampled_from(WAYS))
def test_a_week_is_its_seven_days_however_written(yw, way):
    y, w = yw
    found = parse_fuzzy_date(way.format(y=y, w=w))
    assert found.start is not None and found.end is not None
    assert found.start.weekday() == 0 and found.end - found.start == timedelta(days=6)
    assert found.start.isocalendar()[:2] == (y, w) == found.end.isocalendar()[:2]
    again = parse_fuzzy_date(found.edtf)  # as the case stores it
    assert (again.start, again.end) == (found.start, found.end)
    assert f"ISO week {w} of {y} (" in found.reading


@given(year_and_week(), st.integers(1, 7))
def test_a_day_of_a_week(yw, day):
    y, w = yw
    found = parse_fuzzy_date(f"{y:04d}-W{w:02d}-{day}")
    assert found.start == found.end == date.fromisocalendar(y, w, day)
    assert parse_fuzzy_date(found.edtf).start == found.start


@pytest.mark.parametrize("text, start, end", [
    ("week 12 2019", date(2019, 3, 18), date(2019, 3, 24)),
    ("2020-W53", date(2020, 12, 28), date(2021, 1, 3)),  # a 53-week year runs into the next
    ("W1 2025", date(2024, 12, 30), date(2025, 1, 5)),  # week 1 may begin the year before
])
def test_known_weeks(text, start, end):
    found = parse_fuzzy_date(text)
    assert (found.start, found.end) == (start, end)


@pytest.mark.parametrize("text, reason", [
    ("2019-W53", "2019 has 52 weeks (ISO 8601); there is no week 53"),
    ("week 0 2019", "there is no week 0"),
    ("week 12", "'week 12 2019' (ISO week 12)"),  # which year: the hint says how
    ("the first week of 2019", "numbered in its year ('week 12 2019')"),
    ("half 2019", "'the second half of 2022'"),
])
def test_a_week_that_is_not_one_is_refused_saying_why(text, reason):
    with pytest.raises(FuzzyDateError) as err:
        parse_fuzzy_date(text)
    assert reason in err.value.reason


@given(year_and_week(), st.integers(0, 60), st.sampled_from(
    ["week {w} {y:04d} – week {v} {x:04d}", "from week {w} {y:04d} to week {v} {x:04d}",
     "{y:04d}-W{w:02d} - {x:04d}-W{v:02d}", "{y:04d}-W{w:02d}/{x:04d}-W{v:02d}",
     "between week {w} {y:04d} and week {v} {x:04d}"]))
def test_from_one_week_to_another(yw, later, way):
    """(review21) 'week 12 2019 – week 14 2019' was refused: from the Monday of the first to
    the Sunday of the last, read back the same."""
    from datetime import timedelta as td

    y, w = yw
    start = date.fromisocalendar(y, w, 1)
    end = start + td(weeks=later, days=6)
    if end.year > 9998:
        return
    x, v, _d = end.isocalendar()
    found = parse_fuzzy_date(way.format(y=y, w=w, x=x, v=v))
    assert (found.start, found.end) == (start, end)
    again = parse_fuzzy_date(found.edtf)
    assert (again.start, again.end) == (start, end)


@pytest.mark.parametrize("text, approx, uncertain", [
    ("about week 12 2019", True, False), ("c. week 12 2019", True, False),
    ("week 12 2019?", False, True), ("2019-W12~", True, False), ("около 12-я неделя 2019",
                                                                 True, False)])
def test_a_week_can_be_approximate_or_uncertain(text, approx, uncertain):
    found = parse_fuzzy_date(text)
    assert (found.start, found.end) == (date(2019, 3, 18), date(2019, 3, 24))
    assert (found.approximate, found.uncertain) == (approx, uncertain)
    again = parse_fuzzy_date(found.edtf)
    assert (again.approximate, again.uncertain) == (approx, uncertain)


def test_the_dash_a_russian_keyboard_types():
    assert parse_fuzzy_date("12–я неделя 2019 г.").start == date(2019, 3, 18)


def test_a_span_of_weeks_that_ends_before_it_begins_is_refused():
    with pytest.raises(FuzzyDateError, match="before it begins"):
        parse_fuzzy_date("week 14 2019 – week 12 2019")


@pytest.mark.parametrize("text, start, end", [
    ("since week 12 2019", date(2019, 3, 18), None),
    ("from week 12 2019", date(2019, 3, 18), None),
    ("after week 12 2019", date(2019, 3, 25), None),
    ("until week 12 2019", None, date(2019, 3, 24)),
    ("before week 12 2019", None, date(2019, 3, 17)),
])
def test_a_week_can_open_or_close_an_open_span(text, start, end):
    """(look15) 'since week 12 2019' and 'until week 12 2019' were refused, though 'since
    Q3 2022' is read."""
    found = parse_fuzzy_date(text)
    assert (found.start, found.end) == (start, end)
    again = parse_fuzzy_date(found.edtf)
    assert (again.start, again.end) == (start, end)
