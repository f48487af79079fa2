import json

import pytest

from casefile.services.case import Case
from casefile.services.export_ftm import export_ftm
from casefile.services.imports.ftm import import_ftm
from casefile.services.imports.reader import ImportFileError
from casefile.services.imports.shipments import ImportFailed


def test_round_trip_through_followthemoney(demo, tmp_path):
    out = tmp_path / "demo.ftm.json"
    export_ftm(demo, out)
    with Case.new(tmp_path / "fresh.casefile") as fresh:
        report = import_ftm(fresh, out)
        assert len(report.new_entities) == demo.counts()["entity"]
        assert fresh.counts()["sanction"] == 1
        hits = fresh.search("中国北方")
        assert hits and hits[0].title == "China North Industries Group Corporation Limited"
        with fresh.read() as conn:
            att = conn.exec_driver_sql("SELECT filename FROM attachment").scalar()
        assert att == "demo.ftm.json"
        fresh.undo()
        assert fresh.counts()["entity"] == 0


def test_parties_already_in_the_case_are_reused(demo, tmp_path):
    out = tmp_path / "demo.ftm.json"
    export_ftm(demo, out)
    before = demo.counts()["entity"]
    report = import_ftm(demo, out, dry_run=True)
    assert report.new_entities == [] and len(report.reused_entities) == before
    assert demo.counts()["entity"] == before


def test_opensanctions_targets_simple_csv(case, tmp_path):
    f = tmp_path / "targets.simple.csv"
    f.write_text("id,schema,name,aliases,birth_date,countries,addresses,identifiers,sanctions,"
                 "phones,emails,dataset,first_seen,last_seen,last_change\n"
                 "NK-1,Company,\"TEKHKRIM, OOO\",Техкрим;Tekhkrim LLC,,ru,,1234567890,"
                 "US OFAC SDN;EU FSF,,,sanctions,2023-01-01,2024-01-01,2024-01-01\n",
                 encoding="utf-8")
    report = import_ftm(case, f)
    assert report.new_entities == ["TEKHKRIM, OOO"]
    assert case.counts()["sanction"] == 2
    assert case.search("Техкрим")[0].title == "TEKHKRIM, OOO"
    assert case.children("identifier", "entity_id", 1)[0]["value"] == "1234567890"


def test_bad_json_names_the_line(case, tmp_path):
    f = tmp_path / "x.json"
    f.write_text('{"id": "a", "schema": "Company", "properties": {"name": ["A"]}}\n{oops\n')
    with pytest.raises(ImportFileError, match="x.json, line 2"):
        import_ftm(case, f)
    assert case.counts()["entity"] == 0


def test_sanction_of_an_unknown_entity_changes_nothing(case, tmp_path):
    f = tmp_path / "s.json"
    f.write_text(json.dumps({"id": "s1", "schema": "Sanction",
                             "properties": {"entity": ["nobody"], "program": ["X"]}}) + "\n")
    with pytest.raises(ImportFailed, match="s.json, line 1, field 'entity'"):
        import_ftm(case, f)
    assert case.counts()["source"] == 0
