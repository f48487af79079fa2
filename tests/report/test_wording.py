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


def test_a_sanction_in_force_from_a_day_says_its_span_once():
    from casefile.report.profiles import sanction_text

    def said(standing, start="2023-02-19", listed=None):
        s = {"authority": "NSDC", "programme": "Decree 82/2023", "date_text": listed,
             "start_text": start, "standing": standing,
             "ended": standing.startswith(("ended", "lifted"))}
        return "".join(run.text for run in sanction_text(s))
    assert said("in force until 2033-02-19") == \
        "NSDC Decree 82/2023, in force from 2023-02-19 until 2033-02-19"
    assert said("until 2033-02-19") == "NSDC Decree 82/2023, in force from 2023-02-19 until " \
        "2033-02-19"
    assert said("in force") == "NSDC Decree 82/2023, in force from 2023-02-19"
    assert said("ended 2024-10-30") == "NSDC Decree 82/2023, in force from 2023-02-19, ended " \
        "2024-10-30"
    assert said("no status or end date recorded", start=None, listed="2021") == \
        "NSDC Decree 82/2023, listed 2021, no status or end date recorded"
    assert said("in force until 2033-02-19", start="2023-02-19", listed="2023-02-19") == \
        "NSDC Decree 82/2023, listed 2023-02-19, in force until 2033-02-19"
    # (look26) a status the case does not read as one of its own is no 'in force from'
    s = {"authority": "SC Medicaid", "programme": "Exclusions", "date_text": None,
         "start_text": "2020-05-01", "standing": "status as listed: Excluded",
         "ended": False, "state": "", "reason": "Fraud; Status as listed: Excluded"}
    assert "".join(run.text for run in sanction_text(s)) == \
        "SC Medicaid Exclusions, from 2020-05-01, status as listed: Excluded: Fraud"


def test_a_profile_gives_each_post_and_address_a_line_of_its_own():
    """A PEP's posts, dated, one under another: joined by '; ' into one paragraph they were
    hard to tell apart (each post holds commas of its own)."""
    from casefile.report.profiles import _details
    from casefile.report.rich import plain_text

    posts = ("Member of the State Duma (Russia), 2016-10-05 – 2021-10-12, ended\n"
             "Governor of Tver Oblast (Tver Oblast, Russia), since 2021-10-12, current")
    facts = dict(_details({"position": posts, "address": "Tverskaya 1, Moscow\n\nLondon"}))
    assert plain_text(facts["Position"]) == posts
    assert plain_text(facts["Address"]) == "Tverskaya 1, Moscow\nLondon"
