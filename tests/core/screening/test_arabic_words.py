"""An Arabic-script name against the Latin name a list gives it (casefile.core.screening.
arabic_words): a Gulf trading company in Arabic scored 0.00 against 'Al Khaleej General
Trading LLC', as did Iranian banks, Syrian and Iraqi groups and most companies (look31).
Words of trade and legal forms are translated, names read by their consonants and long
vowels; a name of the same shape that is someone else's scores no more than its Latin
spelling would."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casefile.core.screening import REVIEW_THRESHOLD
from casefile.core.screening.arabic_words import has_arabic, key_words, latin_form
from casefile.core.screening.keys import name_keys
from casefile.core.screening.records import Entry, Party
from casefile.core.screening.score import score
from tests.support.gold_set import ARABIC

SCHEMA = {"Person": "Person", "Company": "Company", "Organization": "Organization"}


def _result(schema: str, ours: str, theirs: str):
    return score(Party(1, schema, [ours]), Entry("e", schema, theirs, {"name": [theirs]}))


@pytest.mark.parametrize(("arabic", "listed", "_other", "schema"), ARABIC)
def test_an_arabic_name_meets_the_latin_name_a_list_gives(arabic, listed, _other, schema):
    r = _result(schema, arabic, listed)
    assert r.score >= 0.7, r.explanation
    assert f"{arabic} read in Latin letters as the list spells it: “" in r.explanation
    assert _result(schema, listed, arabic).score >= 0.7  # either side may be the list's


@pytest.mark.parametrize(("arabic", "listed", "other", "schema"), ARABIC)
def test_a_name_of_the_same_shape_scores_no_more_than_its_latin_spelling(arabic, listed,
                                                                        other, schema):
    ours = _result(schema, arabic, other).score
    assert ours < 0.7
    assert ours <= _result(schema, listed.title(), other).score + 0.05


@pytest.mark.parametrize(("ours", "theirs", "least", "most"), [
    ("شركة الخليج للتجارة العامة ذ.م.م", "Gulf General Trading LLC", 0.8, 1.0),  # translated
    ("مؤسسة النور للمقاولات", "Al Noor Contracting Establishment", 0.8, 1.0),
    ("شركة الاتحاد للصناعات الدفاعية", "Al Ittihad Defence Industries Company", 0.8, 1.0),
    ("شركة الإمارات للشحن ذ. م. م", "Emirates Shipping L.L.C.", 0.8, 1.0),
    ("عبد الملك الحوثي", "Abd al-Malik al-Houthi", 0.8, 1.0),  # a compound written apart
    ("مؤسسة النور للمقاولات", "Al Nahar Contracting Establishment", 0.0, 0.69),
    ("بنك ملت", "Bank Melli", 0.0, REVIEW_THRESHOLD - 0.01),  # another Iranian bank
    ("شركة دبي للتجارة العامة", "Sharjah General Trading Company", 0.0, 0.49),
])
def test_gulf_companies_and_compound_names(ours, theirs, least, most):
    schema = "Person" if "الحوثي" in ours else "Company"
    r = _result(schema, ours, theirs)
    assert least <= r.score <= most, r.explanation


def test_the_latin_form_translates_trade_words_and_reads_names_as_the_other_spells_them():
    ours = "شركة الخليج للتجارة العامة ذ.م.م"
    assert latin_form(ours, "Al Khaleej General Trading LLC") == \
        "company khaleej trading general llc"
    assert latin_form(ours, "Gulf General Trading LLC") == "company gulf trading general llc"
    assert latin_form(ours, "Al Khaleej General Trading LLC", legal=False) == \
        "khaleej trading general"
    assert latin_form(ours) == "company gulf trading general llc"  # nothing to read it as
    assert latin_form("مؤسسة الحرمين", "Al-Haramain Foundation") == "foundation al-haramain"
    assert latin_form("مؤسسة الحرمين") == "establishment hrmin"
    assert latin_form("ACME للتجارة") == "acme trading"


@pytest.mark.parametrize(("arabic", "latin", "reads"), [
    ("فوز", "Fawaz", False),  # و beside no alif is a vowel: Foz, not Fawaz
    ("فواز", "Fawaz", True),
    ("فوز", "Foz", True),
    ("النصرة", "Nasr", False),  # ة ends it in a vowel: Nusrah, not Nasr
    ("النصرة", "Nusrah", True),
    ("ملت", "Melli", False),
    ("صلاح الدين", "Salahuddin", True),  # the article's l taken by the d
    ("القاطرجي", "Qaterji", True),
    ("القاطرجي", "Katerji", True),
])
def test_a_name_is_read_as_a_latin_word_only_when_its_letters_allow(arabic, latin, reads):
    assert (latin.casefold() in latin_form(arabic, latin).split()) is reads


@pytest.mark.parametrize("abbreviation", ["ذ.م.م", "ذ. م. م", "ذ م م", "ذ.م.م."])
def test_a_legal_form_is_read_however_it_is_dotted(abbreviation):
    assert latin_form(f"شركة الخليج {abbreviation}") == "company gulf llc"


def test_a_word_is_no_legal_form_for_its_letters_alone():
    assert "pjsc" not in latin_form("مصنع شمع")  # wax (ش.م.ع is a PJSC)


def test_an_arabic_name_is_found_by_the_phonetic_key_of_the_lists_spelling():
    for arabic, listed in [("شركة الخليج للتجارة العامة ذ.م.م", "Al Khaleej Trading"),
                           ("حسام القاطرجي", "Hussam Katerji"),
                           ("بنك صادرات ايران", "Bank Saderat Iran")]:
        shared = {k for k in name_keys(arabic) & name_keys(listed) if k.startswith("p:")}
        assert shared, (arabic, listed)
    assert "gulf" in key_words("الخليج") and "khalij" in key_words("الخليج")


ARABIC_TEXT = st.lists(st.sampled_from(list("ابتثجحخدذرسشصضطظعغفقكلمنهويةءأإآىؤئ .")
                                       + ["ال", "لل", "ذ.م.م", "عبد ", " الله"]),
                       max_size=30).map("".join)


@given(ARABIC_TEXT, st.text(st.sampled_from(list("abdehiklmnorstuwyz -'")), max_size=30))
def test_the_latin_form_holds_no_arabic_letter_and_only_words_it_can_say(text, against):
    form = latin_form(text, against)
    assert not has_arabic(form)
    theirs = {w.casefold() for w in against.split()}
    for word in form.split():
        assert word.isascii()
        assert word in theirs or word.replace(".", "").isalpha() or not word.strip(".-'"), \
            word


@given(ARABIC_TEXT)
def test_key_words_are_latin(text):
    assert all(w.isascii() and w for w in key_words(text))
