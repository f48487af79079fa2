"""OpenSanctions' targets.nested.json (and the yente API's nested entities): each line a
target with its adjacent entities inside its properties. The importer takes each entity out
on its own, with the reference a reverse property implies put back, and imports the same
facts as from the flat entities.ftm.json — each once, however often it is nested."""

import json

from followthemoney import model
from followthemoney.types import registry
from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.services.case.facade import Case
from casefile.services.exchange.imports.ftm import import_ftm
from casefile.services.exchange.imports.ftm_nested import flatten, reverse_properties
from tests.support.ftm_cluster import cluster, write_lines
from tests.support.ftm_nested import nested_targets, write_nested


def test_the_reverse_property_table_is_followthemoneys():
    expected: dict[str, set[str]] = {}
    for schema in model.schemata.values():
        for p in schema.properties.values():
            if p.stub and p.reverse is not None:
                expected.setdefault(p.name, set()).add(p.reverse.name)
    assert {k: {f for _s, f in v} for k, v in reverse_properties().items()} == expected


@st.composite
def graphs(draw):
    """Companies, some sanctioned, owning each other."""
    n = draw(st.integers(2, 6))
    ents = [{"id": f"c{i}", "schema": "Company",
             "properties": {"name": [f"Company {i}"], "country": ["ru"]}} for i in range(n)]
    for i in sorted(draw(st.sets(st.integers(0, n - 1), min_size=1))):
        ents.append({"id": f"s{i}", "schema": "Sanction",
                     "properties": {"entity": [f"c{i}"], "authority": ["OFAC"]}})
    pairs = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1))
                          .filter(lambda p: p[0] != p[1]), max_size=6, unique=True))
    for k, (a, b) in enumerate(pairs):
        ents.append({"id": f"o{k}", "schema": "Ownership",
                     "properties": {"owner": [f"c{a}"], "asset": [f"c{b}"],
                                    "percentage": [str(10 + k)]}})
    return ents


@settings(max_examples=60, deadline=None)
@given(graphs())
def test_flattening_gives_back_each_fact_with_both_its_ends(ents):
    original = {d["id"]: d for d in ents}
    targets = {v for d in ents if d["schema"] == "Sanction" for v in d["properties"]["entity"]}
    got: dict[str, dict] = {}
    for line in nested_targets(ents):
        for one in flatten(line):
            for values in one["properties"].values():
                assert not any(isinstance(v, dict) for v in values)  # ids, not entities
            got.setdefault(one["id"], one)
            same = original[one["id"]]
            schema = model.get(same["schema"])
            for prop, values in one["properties"].items():
                if schema.get(prop).type == registry.entity:
                    assert set(values) <= set(same["properties"][prop])
                else:
                    assert values == same["properties"][prop]
    # every sanction, and every ownership touching a target, comes back whole
    for d in ents:
        ends = set(d["properties"].get("owner", []) + d["properties"].get("asset", []) +
                   d["properties"].get("entity", []))
        if d["schema"] != "Company" and ends & targets:
            assert got[d["id"]]["properties"] == d["properties"], d["id"]


def _facts(case):
    with case.read() as conn:
        q = conn.exec_driver_sql
        return ({r[0] for r in q("SELECT name FROM entity")},
                sorted(q("SELECT e.name, s.authority, s.programme, s.program_id, s.status, "
                         "s.date_text, s.end_text FROM sanction s JOIN entity e "
                         "ON e.id = s.entity_id").all()),
                sorted(q("SELECT a.name, r.kind, b.name, r.date_text, r.description "
                         "FROM relationship r JOIN entity a ON a.id = r.subject_id "
                         "JOIN entity b ON b.id = r.object_id").all()))


def test_the_cluster_nested_imports_as_its_flat_file_does(tmp_path):
    ents = cluster()
    flat = Case.new(tmp_path / "flat.casefile")
    import_ftm(flat, write_lines(tmp_path / "entities.ftm.json", ents))
    lines = nested_targets(ents)
    f = write_nested(tmp_path / "targets.nested.json", lines)
    assert len(f.read_text("utf-8").splitlines()) == len(lines) < len(ents)
    case = Case.new(tmp_path / "nested.casefile")
    report = import_ftm(case, f).result
    assert report.problems == []
    # each entity counted once, however often the lines nest it
    distinct = {one["id"] for line in lines for one in flatten(json.loads(json.dumps(line)))}
    assert report.rows == len(distinct) < sum(len(flatten(json.loads(json.dumps(x))))
                                              for x in lines)
    parties, sanctions, links = _facts(case)
    want_parties, want_sanctions, want_links = _facts(flat)
    assert sanctions == want_sanctions and len(sanctions) == 7
    assert parties <= want_parties
    # each link once, though nested under both its ends; every link of a target is there
    assert len(links) == len(set(links))
    target_names = {s[0] for s in sanctions}
    assert [x for x in want_links if {x[0], x[2]} & target_names] == links
    # imported again: the same entities, nothing new
    again = import_ftm(case, f, again=True).result
    assert again.nothing_new


def test_a_nested_sanction_names_its_target_again():
    line = {"id": "t", "schema": "Person", "properties": {
        "name": ["Ivan Petrov"],
        "sanctions": [{"id": "s", "schema": "Sanction",
                       "properties": {"authority": ["OFAC"], "program": ["RUSSIA"]}}],
        "ownershipOwner": [{"id": "o", "schema": "Ownership", "properties": {
            "asset": [{"id": "c", "schema": "Company", "properties": {"name": ["Volga"]}}],
            "percentage": ["50"]}}]}}
    out = {d["id"]: d for d in flatten(json.loads(json.dumps(line)))}
    assert list(out) == ["t", "s", "o", "c"]
    assert out["t"]["properties"] == {"name": ["Ivan Petrov"]}  # reverse properties dropped
    assert out["s"]["properties"]["entity"] == ["t"]
    assert out["o"]["properties"] == {"asset": ["c"], "percentage": ["50"], "owner": ["t"]}


def test_a_flat_file_that_repeats_an_id_loses_nothing(tmp_path):
    """FtM fragments: a flat file may give one entity in several lines. Two sanction lines
    under one id are one sanction, as ftm aggregate makes them, holding both programmes."""
    from casefile.services.case.facade import Case as C

    rows = [{"id": "a", "schema": "Company", "properties": {"name": ["Volga Trade"]}},
            {"id": "s1", "schema": "Sanction", "properties": {
                "entity": ["a"], "authority": ["OFAC"], "program": ["RUSSIA-EO14024"]}},
            {"id": "s1", "schema": "Sanction", "properties": {
                "entity": ["a"], "authority": ["OFAC"], "program": ["UKRAINE-EO13660"]}}]
    f = tmp_path / "fragments.json"
    f.write_text("\n".join(json.dumps(r) for r in rows), "utf-8")
    case = C.new(tmp_path / "f.casefile")
    report = import_ftm(case, f).result
    assert report.sanctions == 1 and report.fragments == 1
    with case.read() as conn:
        assert conn.exec_driver_sql("SELECT programme, authority FROM sanction").fetchall() \
            == [("RUSSIA-EO14024; UKRAINE-EO13660", "OFAC")]


def test_a_sanction_nested_under_an_unknown_property_says_why_its_entity_is_missing(tmp_path):
    """A newer FollowTheMoney model may nest under a reverse property this one does not
    know: the reference back cannot be put back, and the problem says so rather than
    claiming the entity is not in the file."""
    import pytest

    from casefile.errors import ImportFailed

    line = {"id": "t", "schema": "Person", "properties": {
        "name": ["Ivan Petrov"],
        "sanctionsOfTomorrow": [{"id": "s", "schema": "Sanction",
                                 "properties": {"authority": ["OFAC"]}}]}}
    path = tmp_path / "targets.nested.json"
    path.write_text(json.dumps(line) + "\n", "utf-8")
    case = Case.new(tmp_path / "c.casefile")
    with pytest.raises(ImportFailed) as failed:
        import_ftm(case, path)
    (problem,) = failed.value.report.problems
    assert problem.startswith("targets.nested.json, line 1, field 'entity': the sanctioned "
                              "entity is not in the file (it is nested under Person t "
                              "'sanctionsOfTomorrow', a property this version of Casefile "
                              "does not know")
