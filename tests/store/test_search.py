import pytest

from casefile.services.case.facade import Case
from casefile.store import search


@pytest.fixture
def scripts(case):
    case.create("entity", {"name": "China North Industries Group Corporation Limited"},
                children={"alias": [{"name": "中国北方工业集团有限公司", "lang": "zh-Hans"},
                                    {"name": "NORINCO"}]})
    case.create("entity", {"name": "Tekhkrim"}, children={"alias": [{"name": "Техкрим"}]})
    case.create("shipment", {"declared_goods": "civilian hunting rifles",
                             "assessed_goods": "CQ-A rifles", "notes": "Bronežilet? No."})
    return case


@pytest.mark.parametrize("query,title", [
    ("北方", "China North Industries Group Corporation Limited"),  # two-character CJK word
    ("工业集团", "China North Industries Group Corporation Limited"),
    ("Техкрим", "Tekhkrim"),
    ("техкрим", "Tekhkrim"),
    ("Техк", "Tekhkrim"),  # prefix
    ("norinco", "China North Industries Group Corporation Limited"),
    ('"hunting rifles"', ": civilian hunting rifles"),
    ("CQ-A", ": civilian hunting rifles"),
])
def test_finds_in_every_script(scripts, query, title):
    hits = scripts.search(query)
    assert hits and hits[0].title.endswith(title)


def test_cjk_phrase_must_be_adjacent(scripts):
    assert scripts.search("北工") == []


@pytest.mark.parametrize("query", ['"unbalanced', "AND", "OR OR", "NOT", "*", "(", ")",
                                   "a AND (b", "NEAR(", '"', "^", "col:val", "-", "''", ""])
def test_malformed_queries_never_raise(scripts, query):
    assert isinstance(scripts.search(query), list)


def test_or_between_words(scripts):
    kinds = sorted(h.kind for h in scripts.search("Техкрим OR rifles"))
    assert kinds == ["entity", "shipment"]


def test_index_follows_edits_and_deletes(scripts):
    eid = scripts.search("Tekhkrim")[0].id
    scripts.update("entity", eid, {"name": "Tekhkrim LLC"})
    assert scripts.search("LLC")[0].id == eid
    scripts.delete("entity", eid)
    assert scripts.search("Tekhkrim") == []


def test_like_fallback_when_fts5_is_missing(tmp_path, monkeypatch):
    monkeypatch.setattr(search, "fts5_available", lambda: False)
    with Case.new(tmp_path / "nofts.casefile") as c:
        assert not c.full_text_available()
        c.create("entity", {"name": "Tekhkrim"}, children={"alias": [{"name": "Техкрим"}]})
        c.create("entity", {"name": "中国北方工业集团有限公司"})
        c.create("entity", {"name": "snake_case_name"})
        assert [h.title for h in c.search("Техкрим")] == ["Tekhkrim"]
        assert [h.title for h in c.search("техкрим")] == ["Tekhkrim"]  # LIKE folds ASCII only
        assert [h.title for h in c.search("ТЕХКРИМ")] == ["Tekhkrim"]
        assert [h.title for h in c.search("TEKHKRIM")] == ["Tekhkrim"]
        assert [h.title for h in c.search("e_c")] == ["snake_case_name"]
        assert c.search("k_k") == []  # "_" is literal, not LIKE's any character ("khk")
        assert [h.title for h in c.search("北方")] == ["中国北方工业集团有限公司"]
        assert c.search('"(') == []


def test_a_search_for_a_name_finds_the_party_before_the_records_naming_it(case):
    """(look25) 'ИВАНОВ ИВАН' put the person sixth, behind five of his relationships and
    sanctions: their short texts name him too, and his own row holds his aliases and notes."""
    ivanov = case.create("entity", {
        "name": "ИВАНОВ ИВАН ИВАНОВИЧ", "kind": "person",
        "description": "Director of several trading houses in Moscow and Izhevsk. " * 20},
        children={"alias": [{"name": n} for n in (
            "Ivan Ivanovich IVANOV", "Иванов Иван Иванович", "IVANOV, Ivan",
            "Ivan I. Ivanov")]}).result
    for n in range(5):
        firm = case.create("entity", {"name": f"Trading House {n}"}).result
        case.create("relationship", {"subject_id": ivanov, "object_id": firm,
                                     "kind": "director_of"})
        case.create("sanction", {"entity_id": ivanov, "authority": f"List {n}"})
    hits = case.search("ИВАНОВ ИВАН")
    assert len(hits) == 11
    assert (hits[0].kind, hits[0].id) == ("entity", ivanov)
