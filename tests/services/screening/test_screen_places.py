"""Screening a case of Chinese suppliers against a list that names companies of the same
cities (look30): only the company the list names is a hit — the others share no more than
their city and 'Technology Co., Ltd.' with it — and the hit's explanation says the city is a
place."""

from casefile.services.screening.results import hits
from casefile.services.screening.screen import screen_case
from casefile.services.screening.watchlist_import import load
from tests.support.watchlist import ftm, write_ftm

LISTED = [
    ftm("NK-jiayuan", "Company", "SHENZHEN JIAYUAN TECHNOLOGY CO., LTD.",
        alias=["深圳市佳源科技有限公司"], country="cn", topics="sanction",
        datasets=("us_bis_entity",)),
    ftm("NK-haige", "Company", "Guangzhou Haige Communications Technology Co., Ltd.",
        country="cn", topics="sanction", datasets=("us_bis_entity",)),
]


def test_only_the_listed_company_of_a_city_is_a_hit(case, tmp_path):
    load(write_ftm(tmp_path / "entities.ftm.json", LISTED), "bis", where=tmp_path,
         dataset="bis")
    for name in ("Shenzhen Dajiang Technology Co., Ltd.", "深圳市大疆创新科技有限公司",
                 "Shenzhen Jiayuan Technology Co. Ltd", "Guangzhou Tianhe Electronics "
                 "Technology Co., Ltd.", "Shenzhen Baiwang Technology Co., Ltd."):
        case.create("entity", {"name": name, "kind": "company", "country": "CN"})
    summary = screen_case(case, "bis", where=tmp_path)
    with case.read() as conn:
        found = hits(conn)
    assert summary.parties == 5
    assert [(h.party, h.list_key) for h in found] == [
        ("Shenzhen Jiayuan Technology Co. Ltd", "NK-jiayuan")]
    assert found[0].score >= 0.7
    assert "shenzhen ≈ shenzhen (same place)" in found[0].explanation or \
        "shenzhen = shenzhen" in found[0].explanation


ENGLISH_ONLY = [  # as the US Entity List gives them: English names alone
    ("中国航天科工集团有限公司", "China Aerospace Science and Industry Corporation"),
    ("中国精密机械进出口总公司", "China Precision Machinery Import-Export Corporation"),
    ("哈尔滨工程大学", "Harbin Engineering University"),
    ("华为技术有限公司", "Huawei Technologies Co., Ltd."),
]


def test_a_party_under_its_chinese_name_finds_the_english_entry(case, tmp_path):
    """The entry 'China Aerospace Science and Industry Corporation' was not even a
    candidate for 中国航天科工集团有限公司: no key of the Han name (its characters' bigrams and
    their pinyin) is an English word. A Han name is found by its English form's words too."""
    entries = [ftm(f"NK-{i}", "Company", english, country="cn", topics="sanction",
                   datasets=("us_bis_entity",)) for i, (_h, english) in enumerate(ENGLISH_ONLY)]
    load(write_ftm(tmp_path / "entities.ftm.json", entries), "bis", where=tmp_path,
         dataset="bis")
    for han, _english in ENGLISH_ONLY:
        case.create("entity", {"name": han, "kind": "company", "country": "CN"})
    screen_case(case, "bis", where=tmp_path)
    with case.read() as conn:
        found = {h.party: (h.list_key, h.score) for h in hits(conn)}
    assert {party: key for party, (key, _s) in found.items()} == {
        han: f"NK-{i}" for i, (han, _e) in enumerate(ENGLISH_ONLY)}
    assert all(score >= 0.7 for _k, score in found.values())
