"""The tables' date filter on Entities (look29: From 1960 To 1970 listed every party, the
filter silently ignored): a party is kept when it was born, incorporated or dissolved in the
period — a date open at one end reaching into it too — and one the case gives none of those
dates is kept, as an undated record of another kind is (review34)."""

from casefile.services.case.facade import Case
from casefile.services.queries.listing import Filters, list_records


def test_parties_are_filtered_by_their_birth_incorporation_or_dissolution(tmp_path):
    with Case.new(tmp_path / "c.casefile") as case:
        born = case.create("entity", {"name": "Ivanov", "kind": "person",
                                      "birth": "c. 1965"}).result
        case.create("entity", {"name": "Petrova", "kind": "person", "birth": "1975"})
        firm = case.create("entity", {"name": "STC", "kind": "company",
                                      "incorporation": "IV квартал 1969 г."}).result
        undated = case.create("entity", {"name": "Undated LLC", "kind": "company"}).result
        gone = case.create("entity", {"name": "Old Trading", "kind": "company",
                                      "incorporation": "1950",
                                      "dissolution": "1961-03"}).result
        before = case.create("entity", {"name": "Before", "kind": "person",
                                        "birth": "before 1970"}).result
        old = case.create("entity", {"name": "Old", "kind": "company",
                                     "incorporation": "1901"}).result
        with case.read() as conn:
            got = list_records(conn, "entity", Filters(date_from="1960-01-01",
                                                       date_to="1970-12-31")).ids
            assert sorted(got) == sorted([born, firm, gone, undated, before])
            assert len(list_records(conn, "entity", Filters()).ids) == 7
            since = list_records(conn, "entity", Filters(date_from="1970-01-01")).ids
            assert born not in since and old not in since and undated in since
