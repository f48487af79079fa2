"""Cities in organisation names are place words (casefile.core.screening.places): two
companies of one city that share only the city and 'Technology Co., Ltd.' are not a hit
(look30: two Shenzhen companies scored 0.71, flagged), in Latin letters or in Chinese; the
same company with and without its city still is; people's names are left alone."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.core.screening import REVIEW_THRESHOLD, han
from casefile.core.screening import names as nm
from casefile.core.screening.places import SHORT, _words, phrases, tag_places
from casefile.core.screening.records import Entry, Party
from casefile.core.screening.score import score
from casefile.paths import resource_path

_LOCATION = "LOCATION"


def _places(text: str, tag: str = "ORG") -> list[tuple[str, str]]:
    """(words, symbol id) of each place marked in ``text``'s first analysed name."""
    name = nm.analyse(text, tag)[0]
    return sorted((" ".join(p.comparable for p in s.parts), s.symbol.id) for s in name.spans
                  if _LOCATION in str(s.symbol.category))


def _entry(name: str) -> Entry:
    return Entry("e", "Company", name, {"name": [name]})


def _cities() -> list[tuple[str, str, str]]:
    lines = resource_path("places", "cities.tsv").read_text("utf-8").splitlines()
    rows = [line.split("\t") for line in lines if not line.startswith("#")][1:]
    return [(r[0], r[1], r[2]) for r in rows]


@pytest.mark.parametrize("city", ["Shenzhen", "Guangzhou", "Hangzhou", "Chengdu", "Wuhan",
                                  "Dongguan", "Suzhou", "Ningbo", "Xiamen", "Hsinchu"])
def test_two_companies_of_one_city_sharing_trade_words_are_not_a_hit(city):
    r = score(Party(1, "Company", [f"{city} Dajiang Technology Co., Ltd."]),
              _entry(f"{city} Jiayuan Technology Co., Ltd."))
    assert r.score < REVIEW_THRESHOLD
    assert "only generic words" in r.explanation
    assert r.name is not None
    assert [p.how for p in r.name.pairs if p.query == city.lower()] == ["location"]


def test_two_chinese_names_of_one_city_sharing_trade_words_are_not_a_hit():
    r = score(Party(1, "Company", ["深圳市大疆创新科技有限公司"]),
              _entry("深圳市佳源科技有限公司"))
    assert r.score < REVIEW_THRESHOLD


@pytest.mark.parametrize(("ours", "theirs", "least"), [
    ("Shenzhen Jiayuan Technology Co., Ltd.", "Jiayuan Technology Co., Ltd", 0.7),
    ("Shenzhen Jiayuan Technology Co., Ltd.", "SHENZHEN JIAYUAN TECHNOLOGY CO LTD", 0.99),
    ("Shenzhen Dajiang Chuangxin Keji Youxian Gongsi", "深圳市大疆创新科技有限公司", 0.9),
])
def test_one_company_with_and_without_its_city_is_still_a_hit(ours, theirs, least):
    r = score(Party(1, "Company", [ours]), _entry(theirs))
    assert r.score >= least, r.explanation


def test_a_city_in_latin_letters_and_in_chinese_is_one_place():
    (latin,) = _places("Shenzhen Dajiang Technology")
    (pinyin,) = _places(han.latin_form("深圳市大疆创新科技有限公司"))
    assert latin[0] == "shenzhen" and pinyin[0] == "shen zhen shi"
    assert latin[1] == pinyin[1]


def test_a_city_written_with_letters_rigour_folds_is_found():
    assert [w for w, _id in _places("Ürümqi Dajiang Trading Co")] == ["urumqi"]


def test_a_pinyin_syllable_is_never_read_as_a_city():
    # Xi'an is 'xian' in Latin letters, and 有限 reads 'you xian' one syllable a word
    assert _places(han.latin_form("大疆创新科技有限公司")) == []
    assert _places("Xian You Trading Co") == []
    assert [w for w, _id in _places(han.latin_form("西安飞机工业有限公司"))] == ["xi an"]


def test_people_are_not_given_places():
    assert _places("Shenzhen Wang", "PER") == []


def test_a_place_rigour_knows_keeps_rigours_symbol():
    assert _places("Tianjin Dajiang Co") == [("tianjin", "cn-tj")]


def test_the_cities_file_has_no_word_left_out_and_every_row_is_read():
    from resources.places.make_cities import LEFT_OUT

    rows = _cities()
    assert len(rows) > 700
    names = {name for _id, _country, name in rows}
    assert not names & LEFT_OUT
    assert all(geonameid.isdigit() and len(country) == 2 for geonameid, country, _n in rows)
    symbols = {s.id for found in phrases().values() for _p, s in found}
    latin = {"city:" + "".join(_words(name)) for _id, _country, name in rows}
    assert symbols == latin


_WORDS = st.sampled_from(["dajiang", "technology", "co", "ltd", "shen", "zhen", "shi", "sz",
                          "you", "xian", "gong", "si", "hong", "kong", "wuhan", "sao",
                          "paulo", "trading", "ürümqi", "new", "york", "city"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=8))
def test_a_place_is_marked_only_over_words_that_spell_a_city(words):
    name = nm.analyse(" ".join(words), "ORG")[0]
    known = {p for found in phrases().values() for p, _s in found}
    comparable = [p.comparable for p in name.parts]
    for span in name.spans:
        if _LOCATION in str(span.symbol.category) and span.symbol.id.startswith("city:"):
            spelled = tuple(p.comparable for p in span.parts)
            assert spelled in known or (len(spelled) == 1 and spelled[0] in SHORT)
            at = span.parts[0].index
            assert tuple(comparable[at:at + len(spelled)]) == spelled
    tag_places(name)  # again: nothing is marked twice
    assert len(name.spans) == len({(tuple(p.index for p in s.parts), s.symbol.id)
                                   for s in name.spans})


def test_only_the_city_a_name_begins_with_is_a_place():
    """(review35) A trade name spelled as a city (Datong, Dalian, Tonghua) was a place word
    anywhere in the name: 'Datong Electronics (HK) Limited' was set apart from 'HANGZHOU
    DATONG ELECTRONICS CO., LTD.' (0.45) where the same shape with another trade name scores
    0.67. Only the city a name begins with is its place; after a province rigour knows."""
    assert _places("Hangzhou Datong Electronics Co") == [("hangzhou", "city:hangzhou")]
    assert _places("Zhejiang Hangzhou Datong Co") == [("hangzhou", "city:hangzhou"),
                                                     ("zhejiang", "cn-zj")]
    datong = score(Party(1, "Company", ["Datong Electronics (HK) Limited"]),
                   _entry("HANGZHOU DATONG ELECTRONICS CO., LTD."))
    kehua = score(Party(1, "Company", ["Kehua Electronics (HK) Limited"]),
                  _entry("HANGZHOU KEHUA ELECTRONICS CO., LTD."))
    assert datong.score >= REVIEW_THRESHOLD and kehua.score >= REVIEW_THRESHOLD
    assert "only generic words" not in datong.explanation  # (a trade name that begins a
    # name reads as its city: the two cities differ, in review — review36)


def test_a_name_of_either_kind_is_not_given_places():
    # (review35) LegalEntity against LegalEntity: 'Sofia Ivanova' / 'Sofia Petrova' said
    # 'only generic words … matched'
    assert _places("Sofia Ivanova", "ENT") == []
    r = score(Party(1, "LegalEntity", ["Sofia Ivanova"]),
              Entry("e", "LegalEntity", "Sofia Petrova", {"name": ["Sofia Petrova"]}))
    assert "only generic words" not in r.explanation


@pytest.mark.parametrize(("ours", "theirs"), [
    ("HK HESHENG TECHNOLOGY LIMITED", "Hong Kong Hesheng Technology Co., Limited"),
    ("Hesheng Technology (HK) Limited", "Hong Kong Hesheng Technology Co., Limited"),
    ("SZ DJI Technology Co., Ltd.", "Shenzhen DJI Technology Co., Ltd."),
])
def test_a_place_written_short_is_the_place(ours, theirs):
    """(look31) 'HK HESHENG TECHNOLOGY LIMITED', as customs declarations write Hong Kong
    shells, scored 0.43 against 'Hong Kong Hesheng Technology Co., Limited'."""
    r = score(Party(1, "Company", [ours]), _entry(theirs))
    assert r.score >= 0.9, r.explanation
    assert "(same place)" in r.explanation
    other = score(Party(1, "Company", ["HK Jiayuan Technology Limited"]), _entry(theirs))
    assert other.score < REVIEW_THRESHOLD  # and a place word, as the whole name is
