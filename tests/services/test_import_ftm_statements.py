"""FollowTheMoney statements — OpenSanctions' statements.csv and FtM's JSON statement lines —
written here by followthemoney's own statement writer: each entity's run of rows imports as
the entity itself does, with its values' languages; entities merged from datasets that gave
different schemata take the schema FtM would merge them into."""

import json

import pytest
from followthemoney.dataset import Dataset
from followthemoney.statement import CSV, JSON, StatementEntity
from followthemoney.statement.serialize import CSVStatementWriter, JSONStatementWriter
from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.errors import ImportFailed
from casefile.services.case.facade import Case
from casefile.services.exchange.imports.ftm import import_ftm
from casefile.services.exchange.imports.ftm_statements import entities
from tests.services.test_ftm_nested import _facts
from tests.services.test_import_ftm_posts import DUMA, GOVERNOR, OCCUPANCIES, PERSON
from tests.support.ftm_cluster import cluster, write_lines

DS = Dataset.make({"name": "test", "title": "Test"})


def _write(path, stmts, fmt=CSV):
    """followthemoney's own writers (its write_statements leaves a text wrapper open)."""
    if fmt == CSV:
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = CSVStatementWriter(fh)
            for s in stmts:
                writer.write(s)
            writer.close()
    else:
        with path.open("wb") as fb:
            jw = JSONStatementWriter(fb)
            for s in stmts:
                jw.write(s)
            jw.close()
    return path


def _statements(path, ents, fmt=CSV, dataset=DS):
    return _write(path, [s for e in ents
                         for s in StatementEntity.from_data(dataset, e).statements], fmt)


@pytest.mark.parametrize("fmt", [CSV, JSON])
def test_statements_import_as_the_entities_do(tmp_path, fmt):
    ents = cluster()
    want = Case.new(tmp_path / "lines.casefile")
    import_ftm(want, write_lines(tmp_path / "entities.ftm.json", ents))
    got = Case.new(tmp_path / "statements.casefile")
    report = import_ftm(got, _statements(tmp_path / f"statements.{fmt}", ents, fmt)).result
    assert report.problems == []
    assert _facts(got) == _facts(want)
    assert report.sanctions == 7


def test_a_peps_posts_come_from_statements_too(case, tmp_path):
    path = _statements(tmp_path / "statements.csv", [PERSON, DUMA, GOVERNOR, *OCCUPANCIES])
    import_ftm(case, path)
    with case.read() as conn:
        position = conn.exec_driver_sql(
            "SELECT position FROM entity WHERE kind = 'person'").scalar()
    assert position.splitlines()[0] == ("Member of the State Duma (Russia), 2016-10-05 – "
                                        "2021-10-12, ended")


def test_datasets_that_disagree_on_the_schema_merge_as_ftm_does(case, tmp_path):
    other = Dataset.make({"name": "other", "title": "Other"})
    stmts = [*StatementEntity.from_data(DS, {"id": "x", "schema": "LegalEntity",
                                             "properties": {"name": ["Volga Trade"]}}
                                        ).statements,
             *StatementEntity.from_data(other, {"id": "x", "schema": "Company",
                                                "properties": {"innCode": ["7707083893"]}}
                                        ).statements]
    import_ftm(case, _write(tmp_path / "statements.csv", stmts))
    assert case.counts()["entity"] == 1
    party = case.get("entity", 1)
    assert (party["name"], party["kind"]) == ("Volga Trade", "company")
    assert [i["value"] for i in case.children("identifier", "entity_id", party["id"])] == [
        "7707083893"]


def test_a_problem_names_the_first_row_of_its_entity(case, tmp_path):
    path = _statements(tmp_path / "statements.csv", [
        {"id": "a", "schema": "Person", "properties": {"name": ["Ivan Petrov"],
                                                       "notes": ["one\ntwo"]}},
        {"id": "b", "schema": "Person", "properties": {"birthDate": ["1960"]}}])
    rows = path.read_text("utf-8").split("\n")
    at = next(n for n, text in enumerate(rows, 1) if text.startswith('"b"'))
    with pytest.raises(ImportFailed) as failed:
        import_ftm(case, path)
    assert failed.value.report.problems == [
        f"statements.csv, line {at}, field 'name': a Person without a name"]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("abcd"),
                          st.lists(st.text(min_size=1, max_size=5), min_size=1, max_size=4)),
                max_size=6))
def test_each_run_of_rows_is_one_entity_with_all_its_values(runs):
    rows, n = [], 1
    for key, values in runs:
        for v in values:
            n += 1
            rows.append((n, {"canonical_id": key, "entity_id": key, "prop": "name",
                             "schema": "Person", "value": v}))
    got = list(entities(rows))
    expected = []
    for key, values in runs:  # adjacent runs of one key are one entity
        if expected and expected[-1][0] == key:
            expected[-1][1].extend(values)
        else:
            expected.append((key, list(values)))
    assert [(e["id"], [s["value"] for s in e["statements"]]) for _n, e in got] == expected
    assert json.dumps([e for _n, e in got])  # plain data, as a JSON line would give


def test_a_value_longer_than_csv_allows_is_read_and_cut_where_its_field_ends(tmp_path):
    """Python's csv stops at 131,072 characters a value; a statement's notes can be longer.
    In a fresh process (followthemoney not imported: it raises the limit for its own use)
    the import reads it and cuts it to the 100,000 characters a description holds, said."""
    import subprocess
    import sys

    notes = "Designer of guidance systems. " * 4700  # 141,000 characters
    path = _statements(tmp_path / "statements.csv", [
        {"id": "a", "schema": "Person", "properties": {"name": ["Ivan Petrov"],
                                                       "notes": [notes]}}])
    case_path = tmp_path / "c.casefile"
    Case.new(case_path).close()
    done = subprocess.run([sys.executable, "-m", "casefile", "import-ftm", str(case_path),
                           str(path)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert ("entity notes: longer than the 100,000 characters the field holds; cut there"
            in done.stdout)
    case = Case.open(case_path)
    try:
        assert case.get("entity", 1)["description"] == notes.strip()[:100_000]
    finally:
        case.close()


def test_blank_lines_before_the_header_are_skipped_and_lines_still_named(case, tmp_path):
    path = _statements(tmp_path / "statements.csv", [
        {"id": "a", "schema": "Person", "properties": {"name": ["Ivan Petrov"]}},
        {"id": "b", "schema": "Person", "properties": {"birthDate": ["1960"]}}])
    path.write_text("\r\n\n" + path.read_text("utf-8"), "utf-8")
    at = next(n for n, text in enumerate(path.read_text("utf-8").split("\n"), 1)
              if text.startswith('"b"'))
    with pytest.raises(ImportFailed) as failed:
        import_ftm(case, path)
    assert failed.value.report.problems == [
        f"statements.csv, line {at}, field 'name': a Person without a name"]


@pytest.mark.parametrize("fmt", [CSV, JSON])
def test_an_entity_given_again_later_in_the_file_is_joined_to_the_party_it_gave(case,
                                                                                 tmp_path,
                                                                                 fmt):
    """Two datasets' statements concatenated: Q1's second run comes after another entity.
    What it says is joined to the party its first run gave, as ftm aggregate would."""
    other = Dataset.make({"name": "eu_fsf", "title": "EU FSF"})
    stmts = [*StatementEntity.from_data(DS, {"id": "Q1", "schema": "Person", "properties": {
                 "name": ["Ivan Petrov"]}}).statements,
             *StatementEntity.from_data(DS, {"id": "Q9", "schema": "Person", "properties": {
                 "name": ["Olga Ivanova"]}}).statements,
             *StatementEntity.from_data(other, {"id": "Q1", "schema": "Person", "properties": {
                 "name": ["Ivan Petrov"], "alias": ["Иван Петров"],
                 "passportNumber": ["4509 123456"]}}).statements]
    report = import_ftm(case, _write(tmp_path / f"statements.{fmt}", stmts, fmt)).result
    assert sorted(report.new_entities) == ["Ivan Petrov", "Olga Ivanova"]
    assert not report.left_out and report.fragments == 1
    (eid,) = [h.id for h in case.search("Петров") if h.kind == "entity"]
    assert case.get("entity", eid)["name"] == "Ivan Petrov"
    with case.read() as conn:
        assert conn.exec_driver_sql("SELECT scheme, value FROM identifier WHERE entity_id = ?",
                                    (eid,)).fetchall() == [("passport", "4509 123456")]
