"""A party the case already holds, met again in a FollowTheMoney file (a newer OpenSanctions
export, a colleague's case): what the file says that the party does not say yet is added to
it — names, identifiers, countries, dates, posts, topics — cited to the file, one undo with
the import; what would replace the case's own value is kept out and said."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casefile.errors import ImportFailed
from casefile.services.case.integrity import check_case
from casefile.services.exchange.imports.ftm import import_ftm
from casefile.services.exchange.imports.party_additions import detail_changes
from tests.support import ftm_cluster as fc

_write = fc.write_captioned


PETROV = {"id": "NK-petrov", "schema": "Person", "properties": {
    "name": ["Ivan Sergeyevich Petrov"], "alias": ["ПЕТРОВ ИВАН СЕРГЕЕВИЧ", "Ivan Petrov"],
    "innCode": ["500100732259"], "taxNumber": ["500100732259"],
    "country": ["ru", "kz"], "citizenship": ["ru"], "birthDate": ["1970-01-02"],
    "birthPlace": ["Tver"], "position": ["Director of ZALA Aero",
                                         "Deputy head of the   Tver regional duma"],
    "topics": ["sanction", "role.pep"], "notes": ["Listed by the EU in 2022."]}}


def _tables(case) -> dict[str, list[tuple]]:
    with case.read() as conn:
        return {t: [tuple(r) for r in conn.exec_driver_sql(f"SELECT * FROM {t} ORDER BY id")]
                for t in ("entity", "alias", "identifier", "citation", "source")}


def _petrov(case) -> int:
    return case.create("entity", {"kind": "person", "name": "Ivan Sergeyevich Petrov",
                                  "country": "RU",
                                  "position": "deputy head of the Tver regional Duma",
                                  "description": "Met in the 2021 customs files."}).result


def test_what_the_file_adds_goes_to_the_party_the_case_holds(case, tmp_path):
    eid = _petrov(case)
    report = import_ftm(case, _write(tmp_path / "entities.ftm.json", [PETROV])).result
    assert not report.problems and report.reused_entities == {"Ivan Sergeyevich Petrov": eid}
    assert not report.new_entities
    row = case.get("entity", eid)
    assert (row["country"], row["other_countries"], row["nationality"]) == ("RU", "KZ", "RU")
    assert row["birth_edtf"] == "1970-01-02" and row["birth_place"] == "Tver"
    assert row["topics"] == "role.pep,sanction"
    # the line the party says (spacing and case aside) is not said twice
    assert row["position"] == ("deputy head of the Tver regional Duma\n"
                               "Director of ZALA Aero")
    # the case's own description stays; the file's notes are said left out
    assert row["description"] == "Met in the 2021 customs files."
    assert report.left_out["Person description: the case's party already says another; the "
                            "case's kept"] == 1
    with case.read() as conn:
        names = {r[0] for r in conn.exec_driver_sql(
            "SELECT name FROM alias WHERE entity_id = ?", (eid,))}
        idents = conn.exec_driver_sql("SELECT scheme, value FROM identifier WHERE entity_id "
                                      "= ?", (eid,)).fetchall()
        cited = conn.exec_driver_sql(
            "SELECT s.title, c.locator FROM citation c JOIN source s ON s.id = c.source_id "
            "WHERE c.entity_id = ?", (eid,)).fetchall()
    assert names == {"ПЕТРОВ ИВАН СЕРГЕЕВИЧ", "Ivan Petrov"}
    assert idents == [("INN", "500100732259")]  # one INN under two properties
    assert cited == [("Imported FollowTheMoney data: entities.ftm.json", "line 1")]
    assert report.added_to == 1 and report.added["name"] == 2
    assert report.added_line().startswith("Added to 1 party already in the case: 2 names, "
                                          "1 identifier, ")
    assert "details of 1 party already in the case" in report.headline("Imported")
    assert [h.id for h in case.search("ПЕТРОВ") if h.kind == "entity"] == [eid]
    # found by what its new citation says too (the file's id), and the index holds that
    assert [h.id for h in case.search("NK-petrov") if h.kind == "entity"] == [eid]
    path = case.path
    case.close()
    assert check_case(path).ok


def test_a_party_given_only_a_name_and_a_citation_is_found_by_them(case, tmp_path):
    """A party the file adds nothing to but a name (and the citation of the file) is found
    by that name and by what the citation says, though its own row is unchanged."""
    eid = case.create("entity", {"kind": "person", "name": "Ivan Sergeyevich Petrov"}).result
    import_ftm(case, _write(tmp_path / "entities.ftm.json", [
        {"id": "NK-only-alias", "schema": "Person", "properties": {
            "name": ["Ivan Sergeyevich Petrov"], "alias": ["Иван Петров"]}}]))
    assert case.get("entity", eid)["name"] == "Ivan Sergeyevich Petrov"
    assert [h.id for h in case.search("Иван") if h.kind == "entity"] == [eid]
    assert [h.id for h in case.search("NK-only-alias") if h.kind == "entity"] == [eid]
    path = case.path
    case.close()
    assert check_case(path).ok


def test_one_undo_takes_the_import_and_what_it_added_back(case, tmp_path):
    eid = _petrov(case)
    before = _tables(case)
    import_ftm(case, _write(tmp_path / "entities.ftm.json", [PETROV]))
    assert case.get("entity", eid)["birth_place"] == "Tver"
    case.undo()
    assert _tables(case) == before
    assert not [h for h in case.search("ПЕТРОВ") if h.kind == "entity"]
    path = case.path
    case.close()
    assert check_case(path).ok


def test_the_same_file_again_adds_nothing(case, tmp_path):
    _petrov(case)
    path = _write(tmp_path / "entities.ftm.json", [PETROV])
    import_ftm(case, path)
    again = import_ftm(case, path, again=True).result
    assert again.nothing_new and not again.added and again.added_to == 0


def test_a_check_says_what_it_would_add_and_writes_nothing(case, tmp_path):
    eid = _petrov(case)
    before = _tables(case)
    report = import_ftm(case, _write(tmp_path / "entities.ftm.json", [PETROV]),
                        dry_run=True).result
    assert _tables(case) == before
    assert report.preview[0].startswith(f"line 1: Person Ivan Sergeyevich Petrov (= existing "
                                        f"#{eid} Ivan Sergeyevich Petrov; adds 2 names, "
                                        "1 identifier, ")


def test_a_value_the_case_holds_otherwise_stays_and_is_said(case, tmp_path):
    eid = case.create("entity", {"kind": "company", "name": "ZALA AERO", "legal_form": "JSC",
                                 "incorporation": "2004-03-01"}).result
    company = {"id": "NK-zala", "schema": "Company", "properties": {
        "name": ["ZALA AERO"], "legalForm": ["LLC"], "incorporationDate": ["2004-03-02"],
        "address": ["Izhevsk, Udmurtia"]}}
    report = import_ftm(case, _write(tmp_path / "zala.ftm.json", [company])).result
    row = case.get("entity", eid)
    assert (row["legal_form"], row["incorporation_edtf"]) == ("JSC", "2004-03-01")
    assert row["address"] == "Izhevsk, Udmurtia"
    for field in ("legal form", "incorporation date"):
        assert report.left_out[f"Company {field}: the case's party already says another; "
                               "the case's kept"] == 1


_COUNTRIES = st.lists(st.sampled_from(["RU", "KZ", "CN", "GB", "CY"]), unique=True,
                      max_size=3).map(",".join)
_LINES = st.lists(st.sampled_from(["Director", "director", "Member of the Duma",
                                   "Governor  of Tver", "Governor of Tver"]),
                  max_size=3).map("\n".join)
_ROW = st.fixed_dictionaries({
    "country": st.sampled_from(["", "RU", "KZ"]), "other_countries": _COUNTRIES,
    "nationality": _COUNTRIES, "topics": st.sampled_from(["", "sanction", "role.pep,sanction"]),
    "position": _LINES, "address": _LINES,
    "legal_form": st.sampled_from(["", "LLC", "JSC", "PJSC", "jsc"]),
    "gender": st.sampled_from([None, "male", "female"]),
    "birth_place": st.sampled_from(["", "Tver", "Tverskaya oblast", "TVER"]),
    "birth_text": st.sampled_from([None, "1970", "1970-01-02"])}).map(
    lambda r: {**r, "birth_edtf": r["birth_text"]})


@given(_ROW, _ROW)
def test_additions_never_take_a_value_away_and_come_once(old, new):
    out, added, other = detail_changes(old, new)
    merged = {**old, **out}
    for col in ("other_countries", "nationality", "topics"):
        assert set(filter(None, old[col].split(","))) <= set(merged[col].split(","))
    for col in ("position", "address"):
        assert merged[col].splitlines()[:len(old[col].splitlines())] == old[col].splitlines()
    for col in ("country", "legal_form", "birth_text"):
        if old[col]:
            assert merged[col] == old[col]
    if merged["country"] and merged["country"] not in old["other_countries"].split(","):
        assert merged["country"] not in merged["other_countries"].split(",")
    assert detail_changes(merged, new)[0] == {}  # what was added is not added again
    assert not set(added) & set(other)
    for col in ("legal_form", "gender", "birth_place"):  # another value: said, not lost
        if old[col] and new[col]:
            same = " ".join(old[col].split()).casefold() == " ".join(new[col].split()).casefold()
            assert (col in other) != same


def _namesakes() -> list[dict]:
    return [{"id": f"NK-ivanov-{n}", "schema": "Person", "properties": {
        "name": ["Ivan Ivanov"], "birthDate": [born], "country": [country]}}
        for n, (born, country) in enumerate((("1961-02-03", "ru"), ("1975-07-08", "by")))]


def test_a_newer_export_finds_its_parties_by_id_not_by_name(case, tmp_path):
    """Two namesakes, told apart by the first import; the next export of the list (one of
    them now also listed in Kazakhstan, under a new caption) goes to each by its id."""
    first = import_ftm(case, _write(tmp_path / "v1.ftm.json", _namesakes())).result
    assert len(first.new_entities) == 2  # two people of one name
    with case.read() as conn:
        ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM entity ORDER BY id")]
    newer = _namesakes()
    newer[1]["properties"].update(name=["Ivan Petrovich Ivanov", "Ivan Ivanov"],
                                  country=["by", "kz"])
    report = import_ftm(case, _write(tmp_path / "v2.ftm.json", newer)).result
    assert not report.new_entities and not report.proposals
    assert case.counts()["entity"] == 2
    second = case.get("entity", ids[1])
    assert (second["name"], second["country"], second["other_countries"]) == (
        "Ivan Ivanov", "BY", "KZ")
    assert case.get("entity", ids[0])["other_countries"] == ""
    with case.read() as conn:
        assert conn.exec_driver_sql("SELECT entity_id, name FROM alias").fetchall() == [
            (ids[1], "Ivan Petrovich Ivanov")]
    again = import_ftm(case, _write(tmp_path / "v2.ftm.json", newer), again=True).result
    assert again.nothing_new and not again.proposals


def test_a_citation_whose_words_were_changed_leaves_the_name_to_decide(case, tmp_path):
    import_ftm(case, _write(tmp_path / "v1.ftm.json", _namesakes()[:1]))
    with case.read() as conn:
        cid = conn.exec_driver_sql("SELECT id FROM citation WHERE entity_id IS NOT NULL"
                                   ).scalar()
    case.update("citation", cid, {"excerpt": "checked against the EU list"})
    other = {"id": "NK-ivanov-0", "schema": "Person", "properties": {
        "name": ["Ivan Ivanov"], "birthDate": ["1990-01-01"]}}
    report = import_ftm(case, _write(tmp_path / "v2.ftm.json", [other])).result
    assert len(report.new_entities) == 1 and len(report.proposals) == 1  # a namesake: asked


def test_two_namesakes_of_one_file_are_not_both_the_case_s_party(case, tmp_path):
    """The case knows an 'Ivan Ivanov' without a birth date; the file gives two, born 15
    years apart: the first is taken for it (and gives it his birth date), the second is asked
    about, never folded in."""
    eid = case.create("entity", {"kind": "person", "name": "Ivan Ivanov"}).result
    report = import_ftm(case, _write(tmp_path / "e.ftm.json", _namesakes())).result
    assert report.reused_entities == {"Ivan Ivanov": eid} and len(report.new_entities) == 1
    assert [(n, e) for n, e, *_ in report.proposals] == [("Ivan Ivanov", eid)]
    row = case.get("entity", eid)
    assert (row["birth_edtf"], row["country"], row["other_countries"]) == ("1961-02-03",
                                                                           "RU", "")


def test_a_namesake_without_a_birth_date_is_asked_about_once_another_entity_took_the_party(
        case, tmp_path):
    eid = case.create("entity", {"kind": "person", "name": "Ivan Ivanov"}).result
    people = [{"id": f"NK-{n}", "schema": "Person", "properties": {"name": ["Ivan Ivanov"]}}
              for n in ("a", "b")]
    report = import_ftm(case, _write(tmp_path / "e.ftm.json", people)).result
    assert report.proposals[0][2] == "Ivan Ivanov, same name but the file's NK-a is that " \
                                     "party already"
    assert report.reused_entities == {"Ivan Ivanov": eid} and len(report.new_entities) == 1


def test_an_id_of_another_file_is_not_taken_for_a_party_of_another_kind_or_name(case,
                                                                                tmp_path):
    """Ids are unique within a list, not across every file: a hand-made file's '1'."""
    import_ftm(case, _write(tmp_path / "a.ftm.json", [
        {"id": "1", "schema": "Person", "properties": {"name": ["Ivan Ivanov"]}}]))
    report = import_ftm(case, _write(tmp_path / "b.ftm.json", [
        {"id": "1", "schema": "Company", "properties": {"name": ["Acme Trading Ltd"],
                                                        "innCode": ["7707083893"]}},
        {"id": "1", "schema": "Person", "properties": {"name": ["Oleg Sidorov"]}}])).result
    assert report.new_entities == ["Acme Trading Ltd"] and report.added_to == 0
    assert case.get("entity", 1)["name"] == "Ivan Ivanov"
    with case.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM alias").scalar() == 0


def test_a_confirmed_match_with_a_party_deleted_since_fails_clearly(case, tmp_path):
    keep = case.create("entity", {"name": "A One"}).result
    gone = case.create("entity", {"name": "B Two"}).result
    case.create("entity", {"name": "C Three"})
    case.delete("entity", gone)
    path = _write(tmp_path / "z.ftm.json", [
        {"id": "z1", "schema": "Company", "properties": {"name": ["Zed Corp"],
                                                         "alias": ["Zed"]}}])
    with pytest.raises(ImportFailed) as info:
        import_ftm(case, path, accept={"Zed Corp": gone})
    assert info.value.report.problems == [
        f"the match confirmed for 'Zed Corp' is party #{gone}, which is not in the case "
        "(deleted since?): check the file again"]
    assert import_ftm(case, path, accept={"Zed Corp": keep}).result.added_to == 1


def test_an_identifier_added_that_lacks_its_form_is_pointed_out(case, tmp_path):
    case.create("entity", {"name": "Vostok LLC"})
    report = import_ftm(case, _write(tmp_path / "v.ftm.json", [
        {"id": "v", "schema": "Company", "properties": {"name": ["Vostok LLC"],
                                                        "innCode": ["77070838"]}}])).result
    assert report.added == {"identifier": 1}
    assert any("'77070838' does not have the form of an INN" in w for w in report.warnings)


def test_a_check_says_would_add(case, tmp_path):
    _petrov(case)
    report = import_ftm(case, _write(tmp_path / "e.ftm.json", [PETROV]), dry_run=True).result
    assert report.added_line().startswith("Would add to 1 party already in the case: ")


def test_a_person_of_a_company_s_name_is_asked_about_not_written_onto_it(case, tmp_path):
    eid = case.create("entity", {"kind": "company", "name": "Orion"}).result
    report = import_ftm(case, _write(tmp_path / "o.ftm.json", [
        {"id": "p-orion", "schema": "Person", "properties": {
            "name": ["Orion"], "birthDate": ["1970-01-02"], "gender": ["male"]}}])).result
    assert report.proposals[0][1:3] == (eid, "Orion, same name but not a person, the "
                                             "file's Person")
    row = case.get("entity", eid)
    assert (row["kind"], row["birth_edtf"], row["gender"]) == ("company", None, None)


def test_a_file_of_kinds_casefile_does_not_keep_says_so(tmp_path):
    """(helper-62) A file of Payments and Addresses was said to hold nothing the case
    lacked ('the case holds everything the file says it can hold'): it holds nothing
    Casefile keeps, and says that; a file whose party the case holds still says the other."""

    from casefile.services.case.facade import Case
    from casefile.services.exchange.imports.ftm import import_ftm

    only = tmp_path / "payments.json"
    only.write_text("\n".join(json.dumps(e) for e in (
        {"id": "pay-1", "schema": "Payment", "properties": {"amount": ["1000"]}},
        {"id": "addr-1", "schema": "Address", "properties": {"full": ["1 Lenin street"]}},
    )) + "\n", "utf-8")
    party = tmp_path / "party.json"
    party.write_text(json.dumps({"id": "p-1", "schema": "Company", "properties": {
        "name": ["Tekhkrim"]}}) + "\n" + only.read_text("utf-8"), "utf-8")
    with Case.new(tmp_path / "c.casefile") as case:
        said = " ".join(import_ftm(case, only).result.summary_lines())
        assert "Nothing to import: the file holds only records of kinds" in said
        assert "holds everything" not in said
        import_ftm(case, party)
        again = " ".join(import_ftm(case, party, again=True).result.summary_lines())
        assert "holds everything the file says it can hold" in again
