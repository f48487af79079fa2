"""A source's "Accessed" date is written like every other date and stored as EDTF."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casefile.core.fuzzydate import FuzzyDateError, parse_fuzzy_date
from casefile.errors import ValidationError
from casefile.services.case.facade import Case
from casefile.services.case.validation import accessed_text


def test_fuzzy_accessed_dates_are_stored_canonically(tmp_path):
    case = Case.new(tmp_path / "a.casefile")
    sid = case.create("source", {"title": "S", "accessed": "5 March 2024"}).result
    assert case.get("source", sid)["accessed"] == "2024-03-05"
    case.update("source", sid, {"accessed": "March 2024"})
    assert case.get("source", sid)["accessed"] == "2024-03"
    case.update("source", sid, {"accessed": ""})
    assert case.get("source", sid)["accessed"] is None
    with pytest.raises(ValidationError) as err:
        case.update("source", sid, {"accessed": "the day after the flood"})
    assert err.value.field == "accessed"
    assert case.get("source", sid)["accessed"] is None  # nothing stored
    case.close()


@given(st.text(max_size=40))
def test_accessed_is_what_the_date_parser_reads_or_a_field_error(text):
    try:
        expected = parse_fuzzy_date(text).edtf if text.strip() else None
    except FuzzyDateError:
        with pytest.raises(ValidationError):
            accessed_text(text)
        return
    assert accessed_text(text) == expected
