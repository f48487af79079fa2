"""Duplicate proposals across scripts (look31): the same supplier from a Chinese customs
export and from a Panjiva one, a Russian declaration's company and a list's transliteration,
an Arabic registry name and a bill of lading's were never proposed as one party. They are
now, by the screening matcher, with its reading said; parties that only share a city, a
given name or words of trade are not."""

from casefile.services.case.facade import Case
from casefile.services.queries.duplicates import find_duplicates
from casefile.services.queries.duplicates_scripts import script_of

COMPANIES = [("深圳市大疆创新科技有限公司", "SHENZHEN DAJIANG INNOVATION TECHNOLOGY CO.,LTD"),
             ("华为技术有限公司", "Huawei Technologies Co., Ltd."),
             ("ООО «Техкрим»", "OOO TEKHKRIM"),
             ("شركة الخليج للتجارة العامة ذ.م.م", "AL KHALEEJ GENERAL TRADING LLC")]
PEOPLE = [("Михаил Ходорковский", "Mikhail KHODORKOVSKY"), ("周鹏宇", "Zhou Pengyu"),
          ("حسام القاطرجي", "Hussam Katerji")]
APART = [("深圳市佳源科技有限公司", "company"),
         ("Shenzhen Baiwang Technology Co., Ltd.", "company"),
         ("AL NOOR GENERAL TRADING LLC", "company"), ("ООО «Техпром»", "company"),
         ("Liu Pengyu", "person"), ("Mikhail Khodakov", "person"), ("Hussam Khatib", "person")]


def test_the_same_party_in_two_scripts_is_proposed_and_no_other(tmp_path):
    case = Case.new(tmp_path / "d.casefile")
    ids = {}
    for kind, pairs in (("company", COMPANIES), ("person", PEOPLE)):
        for a, b in pairs:
            ids[a] = case.create("entity", {"name": a, "kind": kind}).result
            ids[b] = case.create("entity", {"name": b, "kind": kind}).result
    for name, kind in APART:
        ids[name] = case.create("entity", {"name": name, "kind": kind}).result
    with case.read() as conn:
        found = find_duplicates(conn)
    case.close()
    names = {v: k for k, v in ids.items()}
    proposed = {frozenset((names[p.keep], names[p.other])): p for p in found}
    assert set(proposed) == {frozenset(pair) for pair in [*COMPANIES, *PEOPLE]}
    dji = proposed[frozenset(COMPANIES[0])]
    assert dji.score >= 85
    assert dji.reason.startswith("names ") and "alike in two scripts" in dji.reason
    assert "read as “shenzhen dajiang innovation technology co., ltd.”" in dji.reason


def test_a_person_is_not_proposed_as_a_company_of_the_same_name(tmp_path):
    case = Case.new(tmp_path / "d.casefile")
    case.create("entity", {"name": "周鹏宇", "kind": "person"})
    case.create("entity", {"name": "Zhou Pengyu", "kind": "company"})
    with case.read() as conn:
        assert find_duplicates(conn) == []
    case.close()


def test_scripts():
    assert [script_of(n) for n in ("Acme", "Société Générale", "华为", "ООО Ромашка",
                                   "بنك ملت", "Ωμέγα")] == \
        ["latin", "latin", "han", "cyrillic", "arabic", "greek"]


def test_a_reading_is_no_identity_and_words_one_name_lacks_count(tmp_path):
    """(review38) 王伟 and 汪伟 were each '100%' alike WANG WEI; 'AL KHALEEJ GENERAL TRADING
    LLC' and 'AL KHALEEJ AL AMAL 3 GENERAL TRADING' were '100% alike' (token sets)."""
    case = Case.new(tmp_path / "d.casefile")
    ids = {n: case.create("entity", {"name": n, "kind": "company"}).result for n in (
        "王伟", "WANG WEI", "AL KHALEEJ GENERAL TRADING LLC",
        "AL KHALEEJ AL AMAL 3 GENERAL TRADING", "شركة الخليج الأمل 3 للتجارة العامة")}
    with case.read() as conn:
        found = {frozenset((p.keep, p.other)): p for p in find_duplicates(conn)}
    case.close()
    wang = found[frozenset((ids["王伟"], ids["WANG WEI"]))]
    assert wang.score == 95 and "read as “wang wei”" in wang.reason
    same_words = found[frozenset((ids["AL KHALEEJ GENERAL TRADING LLC"],
                                  ids["AL KHALEEJ AL AMAL 3 GENERAL TRADING"]))]
    assert 88 <= same_words.score < 100
    amal = found[frozenset((ids["شركة الخليج الأمل 3 للتجارة العامة"],
                            ids["AL KHALEEJ AL AMAL 3 GENERAL TRADING"]))]
    assert amal.score >= 85  # the short word read beside the name read
    assert amal.reason.startswith("names ") and "\u200eشركة الخليج" in amal.reason
