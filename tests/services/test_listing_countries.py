"""The Entities table's Countries column says a party's nationality where it adds to its
countries (look29: filtered by RU, a person of Russian nationality living nowhere recorded
was listed with an empty Countries cell, and the filter seemed wrong)."""

from casefile.services.case.facade import Case
from casefile.services.queries.listing import Filters, list_records
from casefile.ui.cell_delegates import with_country_names


def test_the_countries_column_says_the_nationality_the_filter_finds(tmp_path):
    with Case.new(tmp_path / "c.casefile") as case:
        rows = {
            "Petrov": {"nationality": "RU"},
            "Ivanova": {"country": "RU", "nationality": "RU"},
            "Smith": {"country": "GB", "other_countries": "CY", "nationality": "RU,UA"},
            "Acme": {"country": "GB", "other_countries": "CY"},
            "Nobody": {},
        }
        ids = {name: case.create("entity", {"name": name, "kind": "person", **v}).result
               for name, v in rows.items()}
        with case.read() as conn:
            listing = list_records(conn, "entity")
            at = [c.key for c in listing.columns].index("country")
            shown = {r[0]: r[at] for r in listing.rows}
            russian = set(list_records(conn, "entity", Filters(country="RU")).ids)
    assert shown == {"Petrov": "RU nationality", "Ivanova": "RU",
                     "Smith": "GB, CY; RU, UA nationality", "Acme": "GB, CY", "Nobody": ""}
    assert russian == {ids["Petrov"], ids["Ivanova"], ids["Smith"]}
    assert all("RU" in shown[n] for n in ("Petrov", "Ivanova", "Smith"))  # each says why
    assert with_country_names(shown["Smith"]) == \
        "United Kingdom (GB), Cyprus (CY); Russia (RU), Ukraine (UA) nationality"
    # the code first: a narrow column shows it, and the column sorts by it (review35)
    assert sorted(shown.values())[1:] == ["GB, CY", "GB, CY; RU, UA nationality", "RU",
                                          "RU nationality"]
