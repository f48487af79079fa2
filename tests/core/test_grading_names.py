import pytest

from casefile.core import grading
from casefile.core.countries import CountryError, country_code, country_name
from casefile.core.names import normalise_name, spaced_cjk


@pytest.mark.parametrize("given,expected", [("amber", "AMBER"), ("TLP:RED", "RED"),
                                            ("tlp:amber+strict", "AMBER+STRICT"),
                                            ("white", "CLEAR"), (" green ", "GREEN")])
def test_tlp_labels(given, expected):
    assert grading.normalise_tlp(given) == expected


@pytest.mark.parametrize("bad", ["ORANGE", "TLP:PURPLE", "", "secret"])
def test_unknown_tlp_label_is_refused(bad):
    with pytest.raises(grading.GradeError, match="Unknown TLP label"):
        grading.normalise_tlp(bad)


def test_admiralty_codes():
    assert grading.admiralty_code("B", 2) == "B2"
    assert grading.admiralty_code(None, None) == "F6"
    with pytest.raises(grading.GradeError):
        grading.check_reliability("G")
    with pytest.raises(grading.GradeError):
        grading.check_credibility(7)
    assert grading.check_credibility("3") == 3


def test_names_normalise_across_forms():
    assert normalise_name("Da-Jiang Innovations Science & Technology Co., Ltd.") == \
        normalise_name("DA JIANG INNOVATIONS SCIENCE AND TECHNOLOGY").replace(" and", "")
    assert normalise_name("ООО «Техкрим»") == "техкрим"
    assert normalise_name("中国北方工业集团有限公司") == "中国北方工业"
    assert spaced_cjk("NORINCO 北方") == "NORINCO  北  方 "


def test_countries():
    assert country_code("Russia") == "RU"
    assert country_code("rus") == "RU"
    assert country_code("Turkey") == "TR"
    assert country_code("United Arab Emirates") == "AE"
    assert country_name("RU") == "Russia"
    with pytest.raises(CountryError):
        country_code("Atlantis")
