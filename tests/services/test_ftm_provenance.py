"""Where an OpenSanctions entity comes from stays with the party it becomes, both ways
(look25): its datasets, first and last seen, former ids and whether it is a target are
cited for it on import (the same list's targets.simple.csv kept them; entities.ftm.json
lost them), and the case's FtM export gives it back its own id (NK-…), so the export merges
with that list's data by id."""

import json

from followthemoney import model

from casefile.services.exchange.export_ftm import export_ftm
from casefile.services.exchange.imports.ftm import import_ftm

CST = {"id": "NK-abdzbEBkqyT29GyREbiURZ", "schema": "Company",
       "properties": {"name": ["LLC CST"], "country": ["ru"], "innCode": ["7811636200"]},
       "datasets": ["us_ofac_sdn", "eu_fsf", "my_own_list"],
       "referents": ["ofac-34563", "NK-abdzbEBkqyT29GyREbiURZ"],
       "first_seen": "2023-02-24T18:45:02", "last_seen": "2025-05-30T06:12:41",
       "last_change": "2024-11-01T06:12:41", "target": True}


def _line(data):
    proxy = model.get_proxy(data)
    extra = {k: v for k, v in data.items() if k not in ("id", "schema", "properties")}
    return json.dumps({**proxy.to_dict(), "caption": proxy.caption, **extra},
                      ensure_ascii=False) + "\n"


def test_an_opensanctions_entity_keeps_its_provenance_and_its_id(case, tmp_path):
    src = tmp_path / "entities.ftm.json"
    src.write_text(_line(CST), "utf-8")
    import_ftm(case, src)
    with case.read() as conn:
        (excerpt,) = conn.exec_driver_sql(
            "SELECT excerpt FROM citation WHERE entity_id IS NOT NULL").scalars().all()
    assert excerpt == (
        "Company NK-abdzbEBkqyT29GyREbiURZ · OpenSanctions: US OFAC Specially Designated "
        "Nationals (SDN) List (us_ofac_sdn), EU Financial Sanctions Files (FSF) (eu_fsf), "
        "my_own_list; first seen 2023-02-24T18:45:02; last seen 2025-05-30T06:12:41; last "
        "change 2024-11-01T06:12:41; also known by the ids ofac-34563; a target of the list")
    out = tmp_path / "case.ftm.json"
    export_ftm(case, out)
    ids = {e["schema"]: e["id"] for e in map(json.loads, out.read_text("utf-8").splitlines())}
    assert ids["Company"] == "NK-abdzbEBkqyT29GyREbiURZ"
    report = import_ftm(case, out).result  # the case's own export, back: nothing twice
    assert report.nothing_new and not report.new_entities


def test_a_partys_own_programme_ids_are_cited_for_it(case, tmp_path):
    """(look25) A party's programId with no Sanction record of it (Osetrova's GB-RUS,
    UA-SA1644) was dropped from entities.ftm.json without a word; the same list's
    targets.simple.csv made sanctions of them."""
    osetrova = {"id": "NK-os", "schema": "Person", "properties": {
        "name": ["Maria Osetrova"], "programId": ["GB-RUS", "UA-SA1644"]}}
    src = tmp_path / "entities.ftm.json"
    src.write_text(_line(osetrova), "utf-8")
    import_ftm(case, src)
    with case.read() as conn:
        excerpt = conn.exec_driver_sql("SELECT excerpt FROM citation").scalar()
    assert excerpt == "Person NK-os · programme ids GB-RUS, UA-SA1644"


def test_an_id_ftm_would_not_take_is_made_anew_so_its_references_hold(case, tmp_path):
    """(review26) A file's id such as 'ivan_petrov' is no FtM id: the export gave it to the
    party, FtM dropped every reference to it, and its sanction lost its party."""
    person = {"id": "ivan_petrov", "schema": "Person", "properties": {"name": ["Ivan Petrov"]}}
    sanction = {"id": "s1", "schema": "Sanction", "properties": {
        "entity": ["ivan_petrov"], "authority": ["EU"], "program": ["UKR"]}}
    src = tmp_path / "entities.ftm.json"
    src.write_text(json.dumps(person) + "\n" + json.dumps(sanction) + "\n", "utf-8")
    import_ftm(case, src)
    out = tmp_path / "case.ftm.json"
    export_ftm(case, out)
    got = {e["schema"]: e for e in map(json.loads, out.read_text("utf-8").splitlines())}
    assert got["Person"]["id"] != "ivan_petrov"
    assert got["Sanction"]["properties"]["entity"] == [got["Person"]["id"]]
