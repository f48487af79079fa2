"""The scorer on rigour: logic-v2's name alignment, identifiers with check digits, the
qualifiers, Han names through pinyin, and the explanation in words."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.core.screening import han, keys
from casefile.core.screening.records import Entry, Party, comparable
from casefile.core.screening.score import score


def entry(schema, name, **props):
    return Entry("x", schema, name, {"name": [name], **props})


def test_a_missing_patronymic_still_matches_with_the_given_name_as_a_symbol():
    r = score(Party(1, "Person", ["Sergey Chemezov"], {"ru"}),
              entry("Person", "Sergei Viktorovich Chemezov", country=["ru"]))
    assert 0.8 <= r.score < 1.0
    assert "sergey ≈ sergei (same given name)" in r.explanation
    assert "chemezov = chemezov" in r.explanation
    assert "country same (RU)" in r.explanation


def test_a_person_is_not_screened_as_a_company():
    e = entry("Person", "Sergei Viktorovich Chemezov")
    assert score(Party(1, "Company", ["Sergey Chemezov"]), e).score == 0.0
    assert score(Party(1, "Person", ["Sergey Chemezov"]), e).score > 0.8
    assert comparable("LegalEntity", "Person") and not comparable("Vessel", "Company")


def test_han_names_are_compared_through_pinyin():
    e = entry("Company", "深圳市大疆创新科技有限公司")
    r = score(Party(1, "Company", ["Shenzhen Dajiang Chuangxin Keji Youxian Gongsi"]), e)
    assert r.score > 0.9
    assert "pinyin" in r.explanation and "dajiang ≈ da jiang" in r.explanation
    assert han.latin_form("习近平") == "xi jin ping"
    assert score(Party(1, "Person", ["Xi Jinping"]), entry("Person", "习近平")).score > 0.9


def test_cyrillic_against_latin():
    r = score(Party(1, "Company", ["Tekhkrim LLC"]), entry("Company", "ООО «Техкрим»"))
    assert r.score >= 0.7, r.explanation


def test_a_checked_identifier_matches_alone_and_a_bad_one_never():
    e = entry("Company", "Bar Holding", innCode=["7707083893"])
    r = score(Party(1, "Company", ["Foo Trading"], identifiers=[("INN", "7707083893")]), e)
    assert r.score == 0.95 and "check digits hold" in r.explanation
    bad = entry("Company", "Bar Holding", innCode=["7707083894"])
    r = score(Party(1, "Company", ["Foo Trading"], identifiers=[("INN", "7707083894")]), bad)
    assert r.score == 0.0
    kpp = entry("Company", "Bar Holding", kppCode=["770701001"])
    assert score(Party(1, "Company", ["Foo"], identifiers=[("KPP", "770701001")]),
                 kpp).score == 0.0


def test_a_namesake_company_with_another_inn_scores_lower_and_says_why():
    """(review) ООО ВЕКТОР of INN 7768684242 scored 1.00 flagged against the list's OOO
    VEKTOR of registration number 5403123452, and nothing said the numbers differ:
    logic-v2's orgid_disjoint takes 0.2 and says so. Numbers of schemes that do not name one
    party (KPP) or that fail their check digits say nothing either way."""
    listed = entry("Company", "OOO VEKTOR", registrationNumber=["5403123452"], country=["ru"])
    ours = Party(1, "Company", ['ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "ВЕКТОР"'], {"ru"},
                 identifiers=[("INN", "7768684242")])
    r = score(ours, listed)
    assert r.score == 0.8 and "INN differs (7768684242 vs 5403123452) -0.2" in r.explanation
    same = Party(1, "Company", ["ООО ВЕКТОР"], {"ru"}, identifiers=[("INN", "5403123452")])
    assert score(same, listed).score == 1.0
    assert "differs" not in score(same, listed).explanation
    unknown = Party(1, "Company", ["ООО ВЕКТОР"], {"ru"}, identifiers=[("INN", "7768684243")])
    assert score(unknown, listed).score == 1.0  # fails its check digits: no evidence
    kpp = entry("Company", "OOO VEKTOR", kppCode=["540301001"], country=["ru"])
    assert score(Party(1, "Company", ["ООО ВЕКТОР"], {"ru"},
                       identifiers=[("KPP", "770701001")]), kpp).score == 1.0


def test_homonyms_apart_by_birth_date_and_country():
    e = entry("Person", "John Smith", birthDate=["1985-03-02"], country=["gb"])
    same = score(Party(1, "Person", ["John Smith"], {"gb"}, ["1985-03-02"]), e)
    other = score(Party(1, "Person", ["John Smith"], {"us"}, ["1970-01-01"]), e)
    assert same.score == 1.0 and "birth date equal" in same.explanation
    assert other.score < 0.7
    assert "birth date differs (1970-01-01 vs 1985-03-02) -0.40" in other.explanation
    assert "country differs (US vs GB) -0.2" in other.explanation


def test_only_generic_words_matching_is_said_and_scores_below_review():
    r = score(Party(1, "Company", ["Beijing Technology Co., Ltd"]),
              entry("Company", "Shanghai Technology Co., Ltd"))
    assert r.score < 0.5
    assert "only generic words" in r.explanation


def test_keys_of_han_names_include_bigrams_and_their_pinyin():
    k = keys.name_keys("深圳市大疆创新科技有限公司")
    assert {"b:深圳", "b:大疆", "n:shenzhen", "n:dajiang"} <= k
    assert "n:dajiang" in keys.name_keys("Shenzhen Dajiang Innovation")
    assert keys.identifier_key("IMO 9187629") == "i:9187629"
    assert keys.identifier_key("12") is None


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_any_name_gives_keys_and_scores_itself_fully(name):
    k = keys.name_keys(name)
    assert all(len(x) > 2 and x[1] == ":" for x in k)
    if keys.name_tokens(name):
        r = score(Party(1, "Company", [name]), entry("Company", name))
        assert r.score >= 0.99 or not name.strip()


def test_a_word_spelled_too_differently_is_not_said_to_be_alike():
    """(review) 'pengyu ≈ peng (spelling, 0.00)': a fuzzy pair that scores low says the
    words differ."""
    r = score(Party(1, "Person", ["Liu Pengyu"]), entry("Person", "Liu Peng"))
    assert "pengyu ≠ peng (spelled too differently, 0.00)" in r.explanation
    assert "≈" not in r.explanation


@pytest.mark.parametrize("ours, theirs", [
    ("ГРИГОРЬЕВ ЁЖИК АЛЕКСАНДРОВИЧ", "GRIGOREV EZHIK ALEKSANDROVICH"),  # the passport's E
    ("Фёдоров Иван Петрович", "FEDOROV Ivan Petrovich"),
    ("Семёнов Олег", "Семенов Олег"),  # е for ё, as Russian writes it as often as not
])
def test_yo_is_compared_as_e_too(ours, theirs):
    """(look23) ЁЖИК read as 'yozhik' scored 0.67 against the list's EZHIK: not flagged."""
    from casefile.core.screening.names import compare

    assert compare([ours], [theirs], "PER").score == 1.0
    assert compare(["GRIGORYEV YOZHIK ALEKSANDROVICH"], ["ГРИГОРЬЕВ ЁЖИК АЛЕКСАНДРОВИЧ"],
                   "PER").score > 0.9  # the other spelling still found


@pytest.mark.parametrize("ours, theirs, flagged", [
    ('АО "НАУЧНО-ПРОИЗВОДСТВЕННОЕ ОБЪЕДИНЕНИЕ "ЭЛЕКТРОНСНАБЖЕНИЕ"',
     "AO NPO ELEKTRONSNABZHENIE", True),
    ("АО НПО ЭЛЕКТРОНСНАБЖЕНИЕ", "AO NPO ELEKTRONSNABZHENIE", True),
    ('АО "НАУЧНО-ПРОИЗВОДСТВЕННОЕ ОБЪЕДИНЕНИЕ "ЭЛЕКТРОНСНАБЖЕНИЕ"',
     "JOINT STOCK COMPANY SCIENTIFIC AND PRODUCTION ASSOCIATION ELEKTRONSNABZHENIE", True),
    ("ООО НПП ИТЭЛМА", "OOO NAUCHNO-PROIZVODSTVENNOE PREDPRIYATIE ITELMA", True),
    ("АО НПО ВЕКТОР", "AO NPO ELEKTRONSNABZHENIE", False),  # the form alone names no one
])
def test_a_research_and_production_form_written_out_or_abbreviated_is_one(ours, theirs,
                                                                          flagged):
    """(look23) 'AO NPO ELEKTRONSNABZHENIE' scored 0.43 against АО "НАУЧНО-ПРОИЗВОДСТВЕННОЕ
    ОБЪЕДИНЕНИЕ "ЭЛЕКТРОНСНАБЖЕНИЕ"": the sanctioned consignee was not shown at all."""
    from casefile.core.screening.names import compare

    got = compare([ours], [theirs], "ORG").score
    assert (got >= 0.7) is flagged and (got < 0.5 or flagged), got


def test_the_explanation_says_words_as_the_names_write_them():
    """(look23) rigour compares legal forms as symbols ('coltd', 'ooo') and other scripts in
    Latin: the explanation names the legal form as each name writes it, and a word of
    another script with the Latin form that was compared."""
    r = score(Party(1, "Company", ["SHENZHEN XYZ ELECTRONICS CO., LTD"]),
              entry("Company", "Shenzhen ABC Electronics Co., Ltd."))
    assert "CO., LTD ≈ Co., Ltd. (same legal form)" in r.explanation
    assert "coltd" not in r.explanation
    r = score(Party(1, "Company", ["ООО «ВОСТОК-ЭКСПОРТ»"]),
              entry("Company", "VOSTOK IMPORT LLC"))
    assert "ООО ≈ LLC (same legal form)" in r.explanation
    assert "восток (vostok) = vostok" in r.explanation
    assert "экспорт (eksport) ≠ import" in r.explanation
    r = score(Party(1, "Company", ["Общество с ограниченной ответственностью «Восток»"]),
              entry("Company", "Vostok LLC"))
    assert "Общество с ограниченной ответственностью ≈ LLC" in r.explanation


def test_a_match_on_the_name_alone_says_so():
    """(look23) A common name ('ИВАНОВ СЕРГЕЙ') scored 1.00 against a list entry with
    nothing else to compare, and the explanation did not say that was all there was."""
    alone = score(Party(1, "Person", ["Иванов Сергей"]), entry("Person", "Sergey Ivanov"))
    assert alone.score >= 0.9
    assert "the name alone: no identifier, birth date or country on both sides" in \
        alone.explanation
    more = score(Party(1, "Person", ["Иванов Сергей"], {"ru"}),
                 entry("Person", "Sergey Ivanov", country=["ru"]))
    assert "the name alone" not in more.explanation and more.score == alone.score


def test_explanations_take_legal_forms_from_words_of_their_own_and_keep_given_names():
    """(review25) 'Sagal Trading SA' explained 'Sa = Sa', the form found inside 'Sagal'; and
    Cyrillic name shown with its Latin form ('чемезов (chemezov)') equal to the list's was
    said '≈ chemezov (same given name)'; a given name spelled otherwise stays one."""
    r = score(Party(1, "Company", ["Sagal Trading SA"]), entry("Company", "Sagal SA"))
    assert "SA = SA" in r.explanation and "Sa = Sa" not in r.explanation
    r = score(Party(1, "Person", ["Сергей Чемезов"]),
              entry("Person", "Sergei Viktorovich Chemezov"))
    assert "сергей (sergei) = sergei" in r.explanation
    assert "чемезов (chemezov) = chemezov" in r.explanation
    r = score(Party(1, "Person", ["Сергій Чемезов"]),
              entry("Person", "Sergei Viktorovich Chemezov"))
    assert "(same given name)" in r.explanation and "(same name)" not in r.explanation


@pytest.mark.parametrize(("ours", "theirs"), [
    ("Nanjing Xinchen Electronics Co., Ltd.", "Xinchen Electronics Company Limited"),
    ("Moscow Petrov Electronics Co., Ltd.", "Petrov Electronics Company Limited"),
    ("Petrov Electronics Company Limited", "Ural Petrov Electronics Co., Ltd."),
])
def test_a_word_both_names_hold_is_matched_beside_a_word_of_one_alone(ours, theirs):
    # rigour's residue alignment left 'xinchen' unmatched on both sides beside 'nanjing'
    # and 'company' (0.40; logic-v2 0.38): a sanctioned company missed for its city
    r = score(Party(1, "Company", [ours]), entry("Company", theirs))
    assert r.score >= 0.7, r.explanation
    word = ours.split()[1] if ours.split()[0] in ("Nanjing", "Moscow") else ours.split()[0]
    assert f"{word.lower()} = {word.lower()}" in r.explanation


@pytest.mark.parametrize(("ours", "theirs", "low", "high"), [
    ("Liu Pengyu", "周鹏宇", 0.0, 0.69),  # look30: 0.77, 'liu ≈ yu (same given name)'
    ("刘鹏宇", "ZHOU Pengyu", 0.0, 0.69),
    ("Zhou Pengyu", "周鹏宇", 0.99, 1.0),
    ("ZHOU Peng Yu", "周鹏宇", 0.9, 1.0),
    ("Zhou Peng-yu", "周鹏宇", 0.9, 1.0),
    ("Ouyang Xiu", "欧阳修", 0.99, 1.0),  # a two-character family name
    ("XI, Jinping", "习近平", 0.99, 1.0),
])
def test_a_chinese_persons_name_is_read_as_family_name_and_given_name(ours, theirs, low,
                                                                       high):
    r = score(Party(1, "Person", [ours]), entry("Person", theirs))
    assert low <= r.score <= high, r.explanation


@given(st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=2,
               max_size=3))
def test_a_chinese_persons_derived_name_is_two_words_of_latin_letters(name):
    form = han.person_form(name)
    assert form is not None
    family, given = form.split(" ")
    assert family.isascii() and given.isascii() and family and given
    assert "".join(form.split()) == "".join(han.latin_form(name).split())


def test_names_that_are_not_a_chinese_persons_have_no_such_form():
    assert han.person_form("山田太郎") is None  # four characters, no two-character surname
    assert han.person_form("やまだ") is None and han.person_form("王") is None
    assert han.person_form("Wang Yi") is None
    assert han.person_form("司马相如") == "sima xiangru"


@pytest.mark.parametrize(("ours", "theirs", "least"), [
    ("Wega Radio Engineering Corporation", "VEGA RADIO ENGINEERING CORPORATION JSC", 0.8),
    ("Zara Aero Group", "ZALA AERO GROUP", 0.8),
    ("Zara Aero", "ZALA Aero LLC", 0.7),
    ("Mars Petcare", "Marz Petcare", 0.8),
])
def test_a_misspelt_word_beside_shared_words_keeps_its_spelling_score(ours, theirs, least):
    # review35: the shared words paired first always left 'wega' alone against 'vega' (0.00):
    # 0.84 -> 0.64, unflagged; pairing them first is only tried beside rigour's alignment
    r = score(Party(1, "Company", [ours]), entry("Company", theirs))
    assert r.score >= least, r.explanation


def test_a_han_name_the_list_writes_in_other_characters_is_not_said_equal():
    """(look31) 王小明 was flagged 1.00, 'name equal', against WANG Xiaoming, whose entry
    gives 王晓明: only the pinyin is the same. The same characters (or their traditional
    form) still match whole."""
    def run(ours, **props):
        return score(Party(1, "Person", [ours]), entry("Person", "WANG Xiaoming", **props))

    other = run("王小明", alias=["王晓明"])
    assert other.score <= 0.6
    assert "the list writes the name in Chinese as 王晓明: other characters than 王小明" in \
        other.explanation
    assert run("王晓明", alias=["王晓明"]).score == 1.0
    assert run("王曉明", alias=["王晓明"]).score == 1.0  # traditional characters
    assert run("王小明").score == 1.0  # the list gives no characters: the sound is all


@pytest.mark.parametrize(("ours", "theirs"), [
    ("Zhou Pengyu", "ZHOU Yangli"), ("周鹏宇", "ZHOU Yangli"), ("Liu Pengyu", "ZHOU Pengyu"),
    ("Ivan Petrov", "Sergey Petrov")])
def test_two_people_sharing_one_name_part_alone_are_not_a_hit(ours, theirs):
    """(look31) 24 people of a common family name, each at 0.50, filled the review list of
    one party: one part alone matched while each keeps one the other lacks."""
    r = score(Party(1, "Person", [ours]), entry("Person", theirs))
    assert r.score < 0.5
    assert "one part of the names alone matched: the others differ" in r.explanation


@pytest.mark.parametrize(("ours", "theirs", "least"), [
    ("J Smith", "John Smith", 0.5), ("Smith", "John Smith", 0.8),
    ("Wang Xiaoming", "Wang Hsiao-ming", 0.8),
    ("Sergei Chemezov", "Sergei Viktorovich CHEMEZOV", 0.9)])
def test_a_name_missing_a_part_or_spelled_otherwise_still_matches(ours, theirs, least):
    assert score(Party(1, "Person", [ours]), entry("Person", theirs)).score >= least


@pytest.mark.parametrize(("ours", "theirs", "low", "high"), [
    # (review36) each was brought under review or flagged by a change of the day before
    ("ООО Казань Технологии Альфа", "ООО Казань Технологии Бета", 0.0, 0.49),
    ("Shenzhen Tonghua Trading Co., Ltd.", "HANGZHOU TONGHUA TRADING CO., LTD.", 0.5, 0.65),
    ("Kalashnikov-konserni", "АО «Концерн «Калашников»", 0.7, 1.0),
    ("Khalifa Haftar", "Khalifa Hifter", 0.5, 1.0),
])
def test_review36_pairs(ours, theirs, low, high):
    schema = "Person" if "Khalifa" in ours else "Company"
    r = score(Party(1, schema, [ours]), entry(schema, theirs))
    assert low <= r.score <= high, r.explanation


@pytest.mark.parametrize(("ours", "theirs", "low", "high"), [
    ("محمد أحمد المنصوري", "Mohammed Ahmed AL MANSOORI", 0.8, 1.0),  # look31: 0.57
    ("محمد أحمد المنصوري", "Mohammed Ahmed AL-MANSOORI", 0.8, 1.0),
    ("محمد أحمد المنصوري", "Mohammed Ahmed Al Hashimi", 0.0, 0.69),  # another family
])
def test_an_arabic_family_name_with_its_article_meets_its_latin_spelling(ours, theirs, low,
                                                                         high):
    r = score(Party(1, "Person", [ours]), entry("Person", theirs))
    assert low <= r.score <= high, r.explanation


@given(st.text(st.sampled_from(list("المنصوريحدأ abc")), max_size=30))
def test_leaving_out_arabic_articles_only_takes_letters_away(text):
    from casefile.core.names import without_articles

    bare = without_articles(text)
    assert len(bare) <= len(text)
    assert len(bare.split()) == len(text.split())  # no word left empty (a stem keeps two)
    assert [c for c in bare if c.isascii()] == [c for c in text if c.isascii()]


def test_simplified_and_traditional_characters_are_said_to_be_the_same():
    r = score(Party(1, "Person", ["王晓明"]), entry("Person", "王曉明"))
    assert r.score == 1.0
    assert r.explanation.startswith("the same characters, one name in simplified and one in "
                                    "traditional Chinese")
