"""Duplicate proposals over a case's parties: by name, alias, identifier and similarity."""

from casefile.services.case.facade import Case
from casefile.services.queries.duplicates import find_duplicates


def test_proposals_by_alias_identifier_and_similar_names(tmp_path):
    case = Case.new(tmp_path / "d.casefile")
    dji = case.create("entity", {"name": "Da-Jiang Innovations"}).result
    case.create("alias", {"entity_id": dji, "name": "DJI"})
    dji2 = case.create("entity", {"name": "DJI"}).result
    case.create("shipment", {"shipper_id": dji2})  # the one with records is kept
    a = case.create("entity", {"name": "Tekhkrim LLC"}).result
    b = case.create("entity", {"name": "Tekhkrim"}).result
    p1 = case.create("entity", {"name": "Ivan Petrov", "kind": "person"}).result
    p2 = case.create("entity", {"name": "Ivan Petrov", "kind": "vessel"}).result
    x = case.create("entity", {"name": "Rosoboronexport"}).result
    y = case.create("entity", {"name": "Another Name Entirely"}).result
    for eid in (x, y):
        case.create("identifier", {"entity_id": eid, "scheme": "INN", "value": "7718852163"})
    with case.read() as conn:
        found = find_duplicates(conn)
    case.close()
    pairs = {frozenset((p.keep, p.other)): p for p in found}
    assert pairs[frozenset((dji, dji2))].reason == "same name or alias"
    assert pairs[frozenset((dji, dji2))].keep == dji2
    assert pairs[frozenset((x, y))].reason.startswith("same identifier INN")
    assert frozenset((a, b)) in pairs and pairs[frozenset((a, b))].score >= 88
    assert frozenset((p1, p2)) not in pairs  # a person is not a vessel
    assert len(found) == 3
    assert [p.score for p in found] == sorted((p.score for p in found), reverse=True)


def test_a_cut_list_says_how_many_were_found(tmp_path):
    """(review38) The dialog said '1000 possible duplicates' of 20,520 found."""
    case = Case.new(tmp_path / "d.casefile")
    for name in ("Tekhkrim", "Tekhkrim LLC", "DJI", "DJI Ltd", "Rostec", "Rostec JSC"):
        case.create("entity", {"name": name})
    with case.read() as conn:
        every, cut = find_duplicates(conn), find_duplicates(conn, limit=2)
    case.close()
    assert len(every) == every.total == 3
    assert cut == every[:2] and cut.total == 3
