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
