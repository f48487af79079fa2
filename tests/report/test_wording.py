"""EDTF sets of dates read out in words in the dossier, never printed as code."""

from hypothesis import given
from hypothesis import strategies as st

from casefile.report.wording import date_words


def test_a_set_of_dates_reads_as_alternatives():
    assert date_words("[1960, 1961-03-02]", "[1960,1961-03-02]") == \
        "1960 or 2 March 1961 (sources differ)"
    assert date_words("{1960,1961}") == "1960 and 1961"
    assert date_words("[..1960,1970..1972]") == \
        "on or before 1960 or 1970 to 1972 (sources differ)"
    assert date_words("[1960~, 1961?]") == "about 1960 or 1961 (uncertain) (sources differ)"


def test_other_dates_print_as_given():
    assert date_words("1958-11", "1958-11") == "1958-11"
    assert date_words("late 2022", "2022-12~") == "late 2022"
    assert date_words(None) == "" and date_words("[]") == "[]"


@given(st.text(max_size=30))
def test_any_text_gives_words_without_crashing(text):
    said = date_words(f"[{text}]")
    assert isinstance(said, str) and said
    if not text.strip().startswith(("[", "{")):
        assert date_words(text) == text.strip()
