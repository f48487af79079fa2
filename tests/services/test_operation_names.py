"""What the History menu calls an edit of a relationship, which has no name of its own:
its parties (look29: 'Edit description of relationship “2020”', named by its date)."""

from casefile.services.case.facade import Case


def test_an_edit_of_a_relationship_is_named_by_its_parties(tmp_path):
    with Case.new(tmp_path / "c.casefile") as case:
        a = case.create("entity", {"name": "ИВАНОВ Сергей", "kind": "person"}).result
        b = case.create("entity", {"name": "STC", "kind": "company"}).result
        rel = case.create("relationship", {"subject_id": a, "object_id": b,
                                           "kind": "director_of", "date": "2020"}).result
        case.update("relationship", rel, {"description": "until 2021"})
        assert case.undo_name == ("Edit description of relationship “ИВАНОВ Сергей director "
                                  "of STC”")
        case.delete("relationship", rel)
        assert case.undo_name == "Delete relationship “ИВАНОВ Сергей director of STC”"


def test_a_relationship_of_long_names_names_both_parties(tmp_path):
    """(review34) 'Delete relationship “ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ…”' named
    neither party distinctly; 'New relationship' named none."""
    with Case.new(tmp_path / "c.casefile") as case:
        a = case.create("entity", {"name": "ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ «ЦСТ»",
                                   "kind": "company"}).result
        b = case.create("entity", {"name": "АКЦИОНЕРНОЕ ОБЩЕСТВО «ЗАЛА АЭРО»",
                                   "kind": "company"}).result
        case.create("relationship", {"subject_id": a, "object_id": b, "kind": "owns"})
        said = case.undo_name
        assert said.startswith("New relationship “ОБЩЕСТВО") and " owns АКЦИОНЕРНОЕ" in said
        assert said.endswith("…”") and "…" in said.split(" owns ")[0]
