"""Identifier schemes: real identifiers pass their check digits, every other check digit
fails, a shared scheme (KPP) never matches, and the scheme is taken from the column's name or,
failing that, only from a form with check digits."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casefile.core.identifiers import (
    GENERIC,
    detect_scheme,
    match_key,
    problem,
    scheme_of_header,
    valid,
)

# Published identifiers of real parties and ships (registries, the IMO's own examples)
REAL = [
    ("INN", "7707083893"),  # Sberbank (10 digits: a company)
    ("INN", "500100732259"),  # the Tax Service's example of a person's 12-digit INN
    ("OGRN", "1027700132195"),  # Sberbank
    ("IMO", "IMO 9074729"),  # the IMO number example of SOLAS XI-1/3
    ("LEI", "529900T8BM49AURSDO55"),
    ("LEI", "5493001KJTIIGC8Y1R12"),
    ("USCC", "91350100M000100Y43"),  # the example of GB 32100-2015
]


@pytest.mark.parametrize(("scheme", "value"), REAL)
def test_real_identifiers_pass_and_are_recognised_by_form(scheme, value):
    assert valid(scheme, value)
    assert problem(scheme, value) is None
    assert detect_scheme(value) == scheme
    assert match_key(scheme, value) is not None


@pytest.mark.parametrize(("scheme", "value"), REAL)
def test_any_other_last_character_fails_the_check(scheme, value):
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY" if scheme == "USCC" else "0123456789"
    for c in alphabet:
        if c != value[-1]:
            wrong = value[:-1] + c
            assert not valid(scheme, wrong), wrong
            assert "fails the check digits" in (problem(scheme, wrong) or "")
            assert match_key(scheme, wrong) is None  # never used to match a party


@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_every_ten_digit_inn_prefix_has_exactly_one_check_digit(prefix):
    assert sum(valid("INN", prefix + d) for d in "0123456789") == 1


@given(st.text(alphabet="0123456789", min_size=6, max_size=6))
def test_every_imo_prefix_has_exactly_one_check_digit(prefix):
    assert sum(valid("IMO", prefix + d) for d in "0123456789") == 1


def test_a_shared_scheme_never_matches():
    assert valid("KPP", "773601001")  # a well-formed KPP …
    assert match_key("KPP", "773601001") is None  # … shared by every company of that office


def test_scheme_from_the_column_name_in_any_script():
    assert scheme_of_header("ИНН получателя") == "INN"
    assert scheme_of_header("Consignee INN") == "INN"
    assert scheme_of_header("КПП отправителя") == "KPP"
    assert scheme_of_header("统一社会信用代码") == "USCC"
    assert scheme_of_header("Shipper name") is None
    assert detect_scheme("773601001", "КПП") == "KPP"


def test_no_scheme_is_guessed_without_check_digits():
    assert detect_scheme("1234567") == GENERIC  # a bare 7-digit number is no IMO number
    assert detect_scheme("773601001") == GENERIC  # nine digits: could be anything
    assert detect_scheme("7707083894") == GENERIC  # fails the INN check
    # a vague hint ("registration number") lets the value's own form speak
    assert detect_scheme("7707083893", "registrationNumber") == "INN"
    assert detect_scheme("AB-12", "registrationNumber") == "registration"


@given(st.text(max_size=40), st.one_of(st.none(), st.text(max_size=20)))
def test_detection_never_fails(value, hint):
    scheme = detect_scheme(value, hint)
    assert isinstance(scheme, str) and scheme
    assert problem(scheme, value) is None or isinstance(problem(scheme, value), str)


@given(st.sampled_from(["IMO", "INN", "LEI", "OGRN", "passport"]),
       st.text(alphabet="0123456789 -", min_size=1, max_size=12))
def test_an_identifier_says_its_scheme_once(scheme, digits):
    from casefile.core.identifiers import labelled

    bare = labelled(scheme, digits.strip() or "1")
    assert bare.startswith(f"{scheme} ")
    # a value that already carries its scheme ('IMO 9074729', 'IMO9074729') is not prefixed
    for written in (f"{scheme} {digits}", f"{scheme}{digits}", f"{scheme.lower()} {digits}"):
        assert labelled(scheme, written) == written
        assert labelled(scheme, written).upper().count(scheme.upper()) == 1


def test_an_ftm_property_kept_as_its_scheme_reads_in_words():
    """wikidataId, okvedCode … are kept under FtM's property (the export writes them back
    there) but a reader meets 'Wikidata ID Q56226', not 'wikidataId Q56226'; every such
    property the importer keeps has its words."""
    from casefile.core.identifiers import labelled, scheme_label
    from casefile.services.exchange.imports.ftm_map import IDENT_OTHER

    assert labelled("wikidataId", "Q56226") == "Wikidata ID Q56226"
    assert labelled("INN", "7707083893") == "INN 7707083893"
    assert all(scheme_label(p) != p or p == "ticker" for p in IDENT_OTHER)
