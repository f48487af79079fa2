"""A date's word and a year in a query ('born 1954', 'incorporated 2015') find the parties
whose date holds that year, not those with the year anywhere else in their text (helper-60:
an FtM id 'ent-1954' quoted in a citation). Queries of any shape never raise."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casefile.services.case.facade import Case
from casefile.store import search

YEARS = ["1954", "1960", "2015", "2001"]


@pytest.fixture(scope="module")
def case(tmp_path_factory):
    c = Case.new(tmp_path_factory.mktemp("dated") / "d.casefile")
    src = c.create("source", {"title": "entities.ftm.json"}).result
    for i, (birth, inc, note) in enumerate([
            ("2 March 1954", None, "ent-1960"), ("1960", None, "ent-1954 born 2015"),
            (None, "2015", "founded 1954"), (None, "2001", "2015 incorporated elsewhere"),
            ("c. 1954", None, ""), ("between 1950 and 1960", None, "1954")]):
        values = {"name": f"Party {i}", "kind": "person" if birth else "company",
                  "birth": birth, "incorporation": inc}
        eid = c.create("entity", {k: v for k, v in values.items() if v}).result
        if note:
            c.create("citation", {"source_id": src, "entity_id": eid, "excerpt": note})
    yield c
    c.close()


token = st.one_of(st.sampled_from(["born", "Born", "incorporated", "dissolved", "OR", "Party",
                                   '"born 1954"', "ent", "-", "*", '"', "NEAR", "("]),
                  st.sampled_from(YEARS), st.text(max_size=6))


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(token, max_size=8))
def test_any_query_runs_and_a_dated_year_is_the_dates_own(case, tokens):
    query = " ".join(tokens)
    with case.read() as conn:
        hits = search.search(conn, query)
        wanted = search.dated_years(query)
        if not wanted or re.search(r"\bOR\b", query):
            return
        for h in hits:
            if h.kind != "entity":
                continue
            for col, year in wanted:
                text, edtf = conn.exec_driver_sql(
                    f"SELECT {col}_text, {col}_edtf FROM entity WHERE id = ?", (h.id,)).one()
                assert year in f"{text} {edtf}", (query, h)


def test_the_dated_party_is_found_and_the_others_are_not(case):
    with case.read() as conn:
        def names(q: str) -> set[str]:
            return {h.title for h in search.search(conn, q) if h.kind == "entity"}
        assert names("born 1954") == {"Party 0", "Party 4"}
        assert names("1954") == {"Party 0", "Party 1", "Party 2", "Party 4", "Party 5"}
        assert names("incorporated 2015") == {"Party 2"}
        assert names("born 1960 OR incorporated 2001") == {"Party 1", "Party 3", "Party 5"}
