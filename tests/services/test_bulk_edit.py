"""Editing several records at once is one operation: one undo step takes it all back, the
audit chain holds, and a bad value changes nothing."""

import pytest

from casefile.errors import ValidationError
from casefile.services.case.integrity import check_case


def _entity(case, name, **kw):
    return case.create("entity", {"name": name, **kw}).result


def test_tags_and_country_of_three_entities_in_one_undo_step(case):
    a = _entity(case, "NORINCO", tags="seed,arms")
    b = _entity(case, "Tekhkrim", tags="seed")
    c = _entity(case, "DJI", country="CN")
    untouched = _entity(case, "Other", tags="seed")
    change = case.edit_many("entity", [a, b, c], {"country": "Russia"},
                            add_tags=["Sanctioned"], remove_tags=["seed"])
    assert change.result == 3
    assert case.undo_name == "Edit country and tags of 3 entities"
    rows = {i: case.get("entity", i) for i in (a, b, c, untouched)}
    assert [rows[i]["tags"] for i in (a, b, c)] == ["arms,sanctioned", "sanctioned",
                                                     "sanctioned"]
    assert {rows[i]["country"] for i in (a, b, c)} == {"RU"}
    assert rows[untouched]["tags"] == "seed"
    case.undo()
    assert case.get("entity", a)["tags"] == "arms,seed"
    assert case.get("entity", c)["country"] == "CN" and case.get("entity", b)["tags"] == "seed"
    assert case.redo_name == "Edit country and tags of 3 entities"
    case.redo()
    assert case.get("entity", b)["tags"] == "sanctioned"
    path = case.path
    case.close()
    assert check_case(path).ok


def test_a_bad_value_or_a_kind_without_tags_changes_nothing(case):
    a = _entity(case, "NORINCO", tags="seed")
    steps = case.undo_name
    with pytest.raises(ValidationError) as info:
        case.edit_many("entity", [a], {"country": "Atlantis"}, add_tags=["x"])
    assert info.value.field == "country"
    with pytest.raises(ValidationError):
        case.edit_many("relationship", [1], {}, add_tags=["x"])
    with pytest.raises(ValidationError):
        case.edit_many("entity", [a], {})
    assert case.get("entity", a)["tags"] == "seed" and case.undo_name == steps


def test_grades_of_sources(case):
    s1 = case.create("source", {"title": "A"}).result
    s2 = case.create("source", {"title": "B", "reliability": "A"}).result
    case.edit_many("source", [s1, s2], {"reliability": "c"})
    assert [case.get("source", s)["reliability"] for s in (s1, s2)] == ["C", "C"]
    assert case.undo_name == "Edit reliability of 2 sources"
