"""An Arabic-script name against the Latin name a list gives it (casefile.core.screening.
arabic_words): a Gulf trading company in Arabic scored 0.00 against 'Al Khaleej General
Trading LLC', as did Iranian banks, Syrian and Iraqi groups and most companies (look31).
Words of trade and legal forms are translated, names read by their consonants and long
vowels; a name of the same shape that is someone else's scores no more than its Latin
spelling would (review37: محمد read as 'Mahmoud', 1.00)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casefile.core.screening import REVIEW_THRESHOLD
from casefile.core.screening.arabic_words import has_arabic, key_words, latin_form, normal
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
    latin = _result(schema, listed.title(), other).score
    assert ours < 0.7
    # out of review where its Latin spelling is, else no higher (an adjective read as its
    # country, الإيرانية as 'Iran', may add a little under review)
    assert ours < REVIEW_THRESHOLD if latin < REVIEW_THRESHOLD else ours <= latin + 0.05


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
    assert latin_form("مؤسسة الحرمين") == "establishment الحرمين"  # as written: no spelling
    # of its own, which came near other names (review37: 'sliman' ≈ 'Salman' 0.85)
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
    # (review37) a long vowel the Latin spells is one the Arabic writes, a word that
    # begins with alif or ع begins with a vowel, one that ends in a consonant ends so
    ("محمد", "Mahmoud", False), ("محمود", "Mohammed", False), ("حسن", "Hussein", False),
    ("حسن", "Hasanein", False), ("سعد", "Saeed", False),
    ("سعد", "Saad", False), ("عمر", "Omar", False),  # too short to read alone: Omar, Amir
    ("عصائب أهل الحق", "Asa'ib Ahl al-Haqq", True),  # a company's, beside a name read
    ("أحمد", "Hamed", False), ("أحمد", "Ahmed", True), ("علي", "Lee", False),
    ("علي", "Ali", True), ("سلمان", "Suleiman", False), ("سليمان", "Suleiman", True),
    ("مصر", "Maysar", False), ("النصر", "Nusra", False),
    # romanisations: Egyptian g and Maghreb dj, Persian z and v, compounds joined
    ("جمال", "Gamal", True), ("جمال", "Djamel", True), ("ظريف", "Zarif", True),
    ("جواد", "Javad", True), ("ذو الفقار", "Zulfiqar", True),
    ("فخري زاده", "Fakhrizadeh", True), ("صلاح الدين", "Salah Eddine", True),
    # (review38) an e alone is no long i; -iyeh and -iyya end ـية; a final ه may be an h
    ("جميل", "Djamel", False), ("جميل", "Jamil", True), ("مغنية", "Mughniyeh", True),
    ("سمية", "Sumayyah", True), ("سپه", "Sepah", True), ("احمدی نژاد", "Ahmadinejad", True),
    # (look32) a word that only looks as if it had the article: الفا, ألفا Alfa
    ("الفا", "Alfa", True), ("ألفا", "Alfa", True),
])
def test_a_name_is_read_as_a_latin_word_only_when_its_letters_allow(arabic, latin, reads):
    assert (latin.casefold() in latin_form(arabic, latin)) is reads


@pytest.mark.parametrize(("arabic", "other", "its_latin", "schema"), [
    # (review37) flagged at 1.00 though the Latin spellings of the pair score 0.5 at most
    ("محمد علي", "Mahmoud Ali", "Mohammed Ali", "Person"),
    ("حسن علي", "Hussein Ali", "Hasan Ali", "Person"),
    ("سعد الحريري", "Saeed Hariri", "Saad Hariri", "Person"),
    ("عمر علي", "Amir Ali", "Omar Ali", "Person"),
    ("محمد سليمان", "Mohammed Salman", "Mohammed Suleiman", "Person"),
    ("مجموعة فوز", "FAWAZ GROUP", "Foz Group", "Company"),
    ("شركة الشام للتجارة", "SHAMS TRADING", "Al Sham Trading", "Company"),
    ("شركة دبي للتجارة العامة ذ.م.م", "ABU DHABI GENERAL TRADING LLC",
     "Dubai General Trading LLC", "Company"),
])
def test_names_of_the_same_root_score_as_their_latin_spellings(arabic, other, its_latin,
                                                              schema):
    assert _result(schema, arabic, other).score <= \
        max(_result(schema, its_latin, other).score + 0.05, REVIEW_THRESHOLD)


def test_a_name_read_whole_is_said_to_be_read_not_equal():
    said = _result("Person", "رامي مخلوف", "Rami MAKHLOUF").explanation
    assert "name read as the list spells it: رامي مخلوف ≈ Rami MAKHLOUF" in said
    assert "name equal" not in said


def test_presentation_forms_copied_from_a_pdf_are_read():
    assert _result("Person", "ﻣﺤﻤﺪ ﻋﻠﻲ", "Mohammed Ali").score >= 0.9  # review37: 0.00
    assert _result("Company", "ﺷﺮﻛﺔ ﺍﻟﺨﻠﻴﺞ ﻟﻠﺘﺠﺎﺭﺓ ﺍﻟﻌﺎﻣﺔ",
                   "AL KHALEEJ GENERAL TRADING").score >= 0.8


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
def test_the_latin_form_says_only_words_it_can_say(text, against):
    """Each word: one of the Latin name's, a translation, or a word of the text as
    written (never a spelling of its own)."""
    form = latin_form(text, against)
    theirs = {w.casefold() for w in against.split()}
    ours = set(normal(text).split())
    for word in form.split():
        if has_arabic(word):
            assert any(word in w for w in ours), word
        else:
            assert word in theirs or word.replace(".", "").isalpha() or \
                not word.strip(".-'"), word


@given(ARABIC_TEXT)
def test_key_words_are_latin(text):
    assert all(w.isascii() and w for w in key_words(text))


def test_a_latin_party_against_an_arabic_entry_is_said_the_other_way_round():
    """(review38) The party's Latin name was called the list's spelling, and the list's
    الخليج said to lack the party's 'Al'."""
    r = score(Party(1, "Company", ["AL KHALEEJ GENERAL TRADING LLC"]),
              Entry("e", "Company", "شركة الخليج للتجارة العامة ذ.م.م",
                    {"name": ["شركة الخليج للتجارة العامة ذ.م.م"]}))
    assert r.score >= 0.8
    assert "read in Latin letters as the party's name spells it" in r.explanation
    assert "the list spells it" not in r.explanation
    assert "not in the list's name" not in r.explanation


def test_two_companies_sharing_only_arabic_words_of_trade_stay_out_of_review():
    """(look32) الفا للتجارة ذ.م.م against AL NOOR GENERAL TRADING L.L.C., whose alias is
    شركة النور للتجارة العامة ذ.م.م: 'للتجارة = للتجارة, ذمم = ذمم', 0.60 for review."""
    entry = Entry("e", "Company", "AL NOOR GENERAL TRADING L.L.C.", {
        "name": ["AL NOOR GENERAL TRADING L.L.C."], "alias": ["شركة النور للتجارة العامة ذ.م.م"]})
    other = score(Party(1, "Company", ["الفا للتجارة ذ.م.م"]), entry)
    assert other.score < REVIEW_THRESHOLD, other.explanation
    assert score(Party(1, "Company", ["شركة النور للتجارة العامة"]), entry).score >= 0.9
