"""A flat FtM file may give one entity over several lines: ``ftm map`` writes one fragment of
a company for each row of the spreadsheet that names it, and ``ftm aggregate`` is the step
that joins them. A file imported without that step is read as the aggregated file would be:
the lines of an id are joined before the entity is read, so a party is matched with the
case's by all its names, identifiers and birth date, and a sanction or relationship is one
record; each is cited to every line it came from, one undo with the import."""

import json
import random
from pathlib import Path

import pytest
from followthemoney import model
from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.services.case.facade import Case
from casefile.services.case.integrity import check_case
from casefile.services.exchange.imports.ftm import import_ftm

# as a spreadsheet of Russian suppliers mapped with ftm map gives them: each party whole
ENTITIES = [
    {"id": "ru-inn-7707083893", "schema": "Company", "properties": {
        "name": ["OOO VOLGA TRADE", "ООО «ВОЛГА ТРЕЙД»"], "alias": ["Volga Trade LLC"],
        "innCode": ["7707083893"], "ogrnCode": ["1027700132195"], "kppCode": ["773601001"],
        "jurisdiction": ["ru"], "country": ["ru", "kz"],
        "address": ["117997, г. Москва, ул. Вавилова, д. 19", "Almaty, Abai ave 10"],
        "incorporationDate": ["2002-08-16"], "legalForm": ["ООО"],
        "topics": ["sanction", "export.control"]}},
    {"id": "ru-person-petrov", "schema": "Person", "properties": {
        "name": ["PETROV, Ivan Sergeyevich", "ПЕТРОВ ИВАН СЕРГЕЕВИЧ"],
        "birthDate": ["1961-02-03"], "birthPlace": ["Тверь"], "nationality": ["ru"],
        "position": ["Генеральный директор", "Director of Volga Trade"],
        "innCode": ["500100732259"], "topics": ["role.rca"]}},
    {"id": "gr-company-aegean", "schema": "Company", "properties": {
        "name": ["AEGEAN SHIPPING S.A.", "ΑΙΓΑΙΟ ΝΑΥΤΙΛΙΑΚΗ Α.Ε."],
        "registrationNumber": ["123456789000"], "country": ["gr"],
        "address": ["Akti Miaouli 47, Piraeus"]}},
    # and what refers to them, which ftm map gives over several rows as well
    {"id": "ofac-volga", "schema": "Sanction", "properties": {
        "entity": ["ru-inn-7707083893"], "authority": ["OFAC"], "program": ["RUSSIA-EO14024"],
        "programId": ["US-RUS-EO14024"], "startDate": ["2022-06-28"],
        "reason": ["Operates in the technology sector of the Russian economy"],
        "sourceUrl": ["https://sanctionssearch.ofac.treas.gov/"]}},
    {"id": "own-petrov-volga", "schema": "Ownership", "properties": {
        "owner": ["ru-person-petrov"], "asset": ["ru-inn-7707083893"], "percentage": ["51"],
        "startDate": ["2015-03"]}},
    {"id": "dir-petrov-volga", "schema": "Directorship", "properties": {
        "director": ["ru-person-petrov"], "organization": ["ru-inn-7707083893"],
        "role": ["Генеральный директор"], "startDate": ["2012"], "endDate": ["2021-12-31"]}},
]


def _fragments(entity: dict, rnd: random.Random) -> list[dict]:
    """The entity as fragments: a party's first name on the first, each other value on one
    of up to three lines (as rows of a mapped spreadsheet give them)."""
    props = entity["properties"]
    parts: list[dict[str, list[str]]] = [{"name": props["name"][:1]} if "name" in props
                                         else {}, {}, {}]
    for prop, values in props.items():
        for k, value in enumerate(values):
            if prop == "name" and k == 0:
                continue
            parts[rnd.randrange(3)].setdefault(prop, []).append(value)
    return [{"id": entity["id"], "schema": entity["schema"], "properties": p}
            for p in parts if p]


def _write(path: Path, lines: list[dict]) -> Path:
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in lines), "utf-8")
    return path


def _aggregated(lines: list[dict]) -> list[dict]:
    """What ftm aggregate makes of the lines: FollowTheMoney's own merge of fragments."""
    out: dict[str, object] = {}
    for d in lines:
        proxy = model.get_proxy(d)
        if d["id"] in out:
            out[d["id"]].merge(proxy)  # type: ignore[attr-defined]
        else:
            out[d["id"]] = proxy
    return [p.to_dict() for p in out.values()]  # type: ignore[attr-defined]


def _parties(case: Case) -> dict[str, dict]:
    """Each party by the FtM id it came from: every name, identifier, and field."""
    with case.read() as conn:
        ids = {eid: excerpt.split(" ")[1] for eid, excerpt in conn.exec_driver_sql(
            "SELECT entity_id, excerpt FROM citation WHERE entity_id IS NOT NULL")}
        out = {}
        for row in conn.exec_driver_sql("SELECT * FROM entity").mappings():
            names = {row["name"]} | {r[0] for r in conn.exec_driver_sql(
                "SELECT name FROM alias WHERE entity_id = ?", (row["id"],))}
            idents = set(conn.exec_driver_sql(
                "SELECT scheme, value FROM identifier WHERE entity_id = ?", (row["id"],)))
            fields = {k: row[k] for k in ("kind", "birth_edtf", "birth_place",
                                          "incorporation_edtf", "legal_form")}
            lists = {k: set(filter(None, (row[k] or "").replace(",", "\n").split("\n")))
                     for k in ("address", "position", "topics", "nationality")}
            countries = {row["country"], *(row["other_countries"] or "").split(",")} - {"", None}
            out[ids[row["id"]]] = {"names": names, "identifiers": idents, **fields, **lists,
                                   "countries": countries}
    return out


def _facts(case: Case) -> list[tuple]:
    """The sanctions and relationships, by the names of their parties."""
    with case.read() as conn:
        return sorted(conn.exec_driver_sql(
            "SELECT e.name, s.authority, s.programme, s.program_id, s.start_edtf, s.end_edtf, "
            "s.status, s.reason, s.source_url FROM sanction s JOIN entity e ON e.id = "
            "s.entity_id")) + sorted(conn.exec_driver_sql(
            "SELECT a.name, r.kind, b.name, r.description, r.date_edtf "
            "FROM relationship r JOIN entity a ON a.id = r.subject_id JOIN entity b "
            "ON b.id = r.object_id"))


@settings(max_examples=12, deadline=None)
@given(st.integers(0, 10**6))
def test_fragments_are_read_as_the_aggregated_file(tmp_path_factory, seed):
    rnd = random.Random(seed)
    lines = [f for e in ENTITIES for f in _fragments(e, rnd)]
    rnd.shuffle(lines)  # an entity's lines anywhere in the file, in any order
    tmp = tmp_path_factory.mktemp("frag")
    split, whole = Case.new(tmp / "split.casefile"), Case.new(tmp / "whole.casefile")
    report = import_ftm(split, _write(tmp / "mapped.ftm.json", lines)).result
    import_ftm(whole, _write(tmp / "aggregated.ftm.json", _aggregated(lines)))
    assert not report.left_out
    assert _parties(split) == _parties(whole)
    assert _names(split) == _names(whole)  # the same caption, as FtM picks it over all
    assert _facts(split) == _facts(whole) and len(_facts(split)) == 3
    assert len(report.new_entities) == 3
    assert report.fragments == len(lines) - len(ENTITIES)
    if report.fragments:
        assert report.headline("Imported").splitlines()[1].startswith("Joined ")
    for case in (split, whole):
        path = case.path
        case.close()
        assert check_case(path).ok


def _names(case: Case) -> list[str]:
    with case.read() as conn:
        return sorted(r[0] for r in conn.exec_driver_sql("SELECT name FROM entity"))


def test_each_line_is_cited_and_one_undo_takes_it_all_back(case, tmp_path):
    lines = [{"id": "c1", "schema": "Company", "properties": {"name": ["Volga Trade LLC"]}},
             {"id": "p1", "schema": "Person", "properties": {"name": ["Ivan Petrov"]}},
             {"id": "c1", "schema": "Company", "properties": {
                 "alias": ["ООО «Волга Трейд»"], "innCode": ["7707083893"],
                 "address": ["1 Lenin street, Moscow"]}},
             {"id": "s1", "schema": "Sanction", "properties": {
                 "entity": ["c1"], "authority": ["OFAC"], "program": ["RUSSIA-EO14024"]}}]
    report = import_ftm(case, _write(tmp_path / "mapped.ftm.json", lines)).result
    assert report.fragments == 1 and report.sanctions == 1
    (eid,) = [h.id for h in case.search("Волга") if h.kind == "entity"]  # indexed
    assert [h.id for h in case.search("7707083893") if h.kind == "entity"] == [eid]
    assert case.get("entity", eid)["address"] == "1 Lenin street, Moscow"
    with case.read() as conn:
        cited = conn.exec_driver_sql("SELECT locator FROM citation WHERE entity_id = ? "
                                     "ORDER BY id", (eid,)).fetchall()
    assert cited == [("lines 1, 3",)]
    case.undo()
    with case.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM entity").scalar() == 0
        assert conn.exec_driver_sql("SELECT count(*) FROM alias").scalar() == 0
    path = case.path
    case.close()
    assert check_case(path).ok


def test_a_later_line_that_makes_it_another_person_is_asked_about(case, tmp_path):
    """The case's Ivan Petrov was born in 1961; the file's, by its second line, in 1975:
    a proposal, as for the aggregated file, not a passport added to the wrong man."""
    eid = case.create("entity", {"kind": "person", "name": "Ivan Petrov",
                                 "birth": "1961-02-03"}).result
    lines = [{"id": "p1", "schema": "Person", "properties": {"name": ["Ivan Petrov"]}},
             {"id": "p1", "schema": "Person", "properties": {
                 "birthDate": ["1975-06-01"], "passportNumber": ["FA 123456"],
                 "nationality": ["ua"]}}]
    report = import_ftm(case, _write(tmp_path / "mapped.ftm.json", lines)).result
    assert report.new_entities == ["Ivan Petrov"] and not report.added_to
    assert [(n, e) for n, e, *_r in report.proposals] == [("Ivan Petrov", eid)]
    assert "born 1961-02-03, the file's 1975-06-01" in report.proposals[0][2]
    with case.read() as conn:
        assert not conn.exec_driver_sql("SELECT 1 FROM identifier WHERE entity_id = ?",
                                        (eid,)).fetchall()


def test_a_name_or_identifier_on_a_later_line_finds_the_case_party(case, tmp_path):
    held = case.create("entity", {"kind": "company", "name": "Volga Trade LLC"}).result
    lines = [{"id": "c1", "schema": "Company", "properties": {"name": ["ООО «Волга Трейд»"]}},
             {"id": "c1", "schema": "Company", "properties": {
                 "name": ["Volga Trade LLC"], "innCode": ["7707083893"]}}]
    report = import_ftm(case, _write(tmp_path / "mapped.ftm.json", lines)).result
    assert report.reused_entities == {"Volga Trade LLC": held} and not report.new_entities
    assert report.added == {"name": 1, "identifier": 1}


def test_a_one_value_field_two_lines_give_differently_is_read_as_the_aggregated_file(
        case, tmp_path):
    lines = [{"id": "c1", "schema": "Company", "properties": {
                 "name": ["Volga Trade"], "legalForm": ["LLC"]}},
             {"id": "c1", "schema": "Company", "properties": {
                 "legalForm": ["JSC"], "incorporationDate": ["2002-08-16"]}}]
    split = import_ftm(case, _write(tmp_path / "mapped.ftm.json", lines)).result
    other = Case.new(tmp_path / "whole.casefile")
    whole = import_ftm(other, _write(tmp_path / "whole.ftm.json", _aggregated(lines))).result
    assert split.left_out == whole.left_out
    assert _parties(case) == _parties(other)
    other.close()


@pytest.mark.parametrize("dry_run", [True, False])
def test_a_check_says_what_the_later_lines_would_join(case, tmp_path, dry_run):
    lines = [{"id": "c1", "schema": "Company", "properties": {"name": ["Volga Trade"]}},
             {"id": "c1", "schema": "Company", "properties": {"name": ["Volga Trade"]}}]
    report = import_ftm(case, _write(tmp_path / "mapped.ftm.json", lines),
                        dry_run=dry_run).result
    verb = "Would join" if dry_run else "Joined"
    assert report.joined_line() == (f"{verb} 1 later line of entities given over several "
                                    "lines to their first line, each entity read as one (as "
                                    "ftm aggregate joins an entity's fragments)")


def test_a_later_line_of_the_id_as_another_kind_is_not_joined_and_said(case, tmp_path):
    lines = [{"id": "c1", "schema": "Company", "properties": {"name": ["Volga Trade"]}},
             {"id": "c1", "schema": "Person", "properties": {"name": ["Oleg Sidorov"],
                                                             "birthDate": ["1970"]}}]
    report = import_ftm(case, _write(tmp_path / "mapped.ftm.json", lines)).result
    assert report.new_entities == ["Volga Trade"] and not report.fragments
    assert report.left_out == {
        f"Person {p}: a later line of the Company c1 as a Person; not joined to it": 1
        for p in ("name", "birthDate")}


def test_a_first_line_without_a_name_is_read_with_the_line_that_names_it(case, tmp_path):
    """ftm map may write a company's registration number before the row that names it; the
    lines share the schema FtM would merge them into (LegalEntity and Company: Company)."""
    lines = [{"id": "c1", "schema": "Company", "properties": {
                 "registrationNumber": ["1027700132195"], "address": ["Moscow"]}},
             {"id": "o1", "schema": "Ownership", "properties": {
                 "owner": ["p1"], "asset": ["c1"], "percentage": ["51"]}},
             {"id": "p1", "schema": "Person", "properties": {"name": ["Ivan Petrov"]}},
             {"id": "c1", "schema": "LegalEntity", "properties": {"name": ["Volga Trade"]}}]
    report = import_ftm(case, _write(tmp_path / "mapped.ftm.json", lines)).result
    assert sorted(report.new_entities) == ["Ivan Petrov", "Volga Trade"]
    assert report.relationships == 1 and report.fragments == 1
    (row,) = [case.get("entity", h.id) for h in case.search("Volga") if h.kind == "entity"]
    assert (row["address"], row["kind"]) == ("Moscow", "company")
    with case.read() as conn:
        assert conn.exec_driver_sql("SELECT value FROM identifier WHERE entity_id = ?",
                                    (row["id"],)).fetchall() == [("1027700132195",)]
        assert conn.exec_driver_sql("SELECT locator FROM citation WHERE entity_id = ?",
                                    (row["id"],)).fetchall() == [("lines 1, 4",)]


def test_a_party_named_by_no_line_is_a_problem_naming_its_lines(case, tmp_path):
    from casefile.errors import ImportFailed

    numbered = [{"id": "c9", "schema": "Company", "properties": {"address": ["Moscow"]}},
                {"id": "c9", "schema": "Company", "properties": {
                    "registrationNumber": ["1027700132195"]}}]  # FtM's caption: the number
    report = import_ftm(case, _write(tmp_path / "number.ftm.json", numbered)).result
    assert report.new_entities == ["1027700132195"]

    lines = [{"id": "c1", "schema": "Company", "properties": {"address": ["Moscow"]}},
             {"id": "p1", "schema": "Person", "properties": {"name": ["Ivan Petrov"]}},
             {"id": "c1", "schema": "Company", "properties": {"country": ["ru"]}},
             {"id": "c2", "schema": "Company", "properties": {"country": ["kz"]}}]
    with pytest.raises(ImportFailed) as failed:
        import_ftm(case, _write(tmp_path / "mapped.ftm.json", lines))
    assert sorted(failed.value.report.problems) == [
        "mapped.ftm.json, line 4, field 'name': a Company without a name",
        "mapped.ftm.json, lines 1, 3, field 'name': a Company without a name"]


def test_a_sanction_and_a_link_over_several_lines_are_one_record_each(case, tmp_path):
    """The lines of a record are read as one, whatever lies between them, cited to each;
    a bad value names the lines it may be on."""
    lines = [{"id": "c1", "schema": "Company", "properties": {"name": ["Volga Trade"]}},
             {"id": "p1", "schema": "Person", "properties": {"name": ["Ivan Petrov"]}},
             {"id": "s1", "schema": "Sanction", "properties": {
                 "entity": ["c1"], "authority": ["OFAC"], "program": ["RUSSIA-EO14024"]}},
             {"id": 7, "schema": "Ownership", "properties": {"percentage": ["51"]}},
             {"id": "s1", "schema": "Sanction", "properties": {"startDate": ["2022-06-28"]}},
             {"id": 7, "schema": "Ownership", "properties": {
                 "owner": ["p1"], "asset": ["c1"]}}]
    report = import_ftm(case, _write(tmp_path / "mapped.ftm.json", lines)).result
    assert (report.sanctions, report.relationships, report.fragments) == (1, 1, 2)
    assert not report.left_out and not report.problems
    with case.read() as conn:
        assert conn.exec_driver_sql("SELECT programme, start_edtf FROM sanction").fetchall() \
            == [("RUSSIA-EO14024", "2022-06-28")]
        assert conn.exec_driver_sql("SELECT kind, description FROM relationship").fetchall() \
            == [("owns", "51%")]
        assert sorted(conn.exec_driver_sql(
            "SELECT locator FROM citation WHERE sanction_id IS NOT NULL OR relationship_id IS "
            "NOT NULL").fetchall()) == [("lines 3, 5",), ("lines 4, 6",)]
    from casefile.errors import ImportFailed

    lines[4]["properties"]["startDate"] = ["2022-13-45"]
    with pytest.raises(ImportFailed) as failed:
        import_ftm(case, _write(tmp_path / "bad.ftm.json", lines))
    assert failed.value.report.problems[0].startswith("bad.ftm.json, lines 3, 5, field "
                                                      "'startDate'")


def test_joining_many_says_how_far_it_is_and_can_be_cancelled(case, tmp_path):
    from casefile.errors import Cancelled

    lines = [{"id": f"c{i}", "schema": "Company", "properties": {"name": [f"Firm {i}"]}}
             for i in range(2500)]
    lines += [{"id": f"c{i}", "schema": "Company", "properties": {"country": ["kz"]}}
              for i in range(2500)]
    said: list[str] = []

    def progress(_done: int, _total: int, text: str) -> None:
        said.append(text)
        if text.startswith("2,000 entities"):
            raise Cancelled("stopped")

    with pytest.raises(Cancelled):
        import_ftm(case, _write(tmp_path / "mapped.ftm.json", lines), progress=progress)
    assert said[-2:] == ["1,000 entities given over several lines joined",
                         "2,000 entities given over several lines joined"]
    with case.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM entity").scalar() == 0


def test_the_preview_names_every_line_of_a_joined_party(case, tmp_path):
    lines = [{"id": "c1", "schema": "Company", "properties": {"innCode": ["7707083893"]}},
             {"id": "p1", "schema": "Person", "properties": {"name": ["Ivan Petrov"]}},
             {"id": "c1", "schema": "Company", "properties": {"name": ["Volga Trade"]}}]
    report = import_ftm(case, _write(tmp_path / "mapped.ftm.json", lines),
                        dry_run=True).result
    assert report.preview == ["lines 1, 3: Company Volga Trade (new) · 1 identifier",
                              "line 2: Person Ivan Petrov (new)"]  # in the file's order


def test_an_entity_over_several_lines_is_read_in_its_place_among_namesakes(case, tmp_path):
    """The case's Ivan Petrov (1961) is the file's p1, whose second line gives his birth
    date; p2, a namesake on the last line, must not take him first."""
    held = case.create("entity", {"kind": "person", "name": "Ivan Petrov",
                                  "birth": "1961-02-03"}).result
    lines = [{"id": "p1", "schema": "Person", "properties": {"name": ["Ivan Petrov"]}},
             {"id": "p1", "schema": "Person", "properties": {
                 "birthDate": ["1961-02-03"], "innCode": ["500100732259"]}},
             {"id": "p2", "schema": "Person", "properties": {
                 "name": ["Ivan Petrov"], "nationality": ["ua"], "address": ["Kyiv"]}}]
    report = import_ftm(case, _write(tmp_path / "mapped.ftm.json", lines)).result
    assert report.reused_entities == {"Ivan Petrov": held}
    assert report.added == {"identifier": 1}
    assert [(n, e) for n, e, *_r in report.proposals] == [("Ivan Petrov", held)]
    row = case.get("entity", held)
    assert (row["nationality"], row["address"]) == ("", "")


def test_an_array_on_one_line_is_joined_entity_by_entity(case, tmp_path):
    """json.dump without indent, or a yente response: every entity is on line 1."""
    lines = [{"id": "c1", "schema": "Company", "properties": {"innCode": ["7707083893"]}},
             {"id": "c2", "schema": "Company", "properties": {"name": ["Aegean Shipping"]}},
             {"id": "c1", "schema": "Company", "properties": {"name": ["Volga Trade"]}},
             {"id": "c2", "schema": "Company", "properties": {"country": ["gr"]}}]
    path = tmp_path / "one-line.json"
    path.write_text(json.dumps(lines, ensure_ascii=False), "utf-8")
    report = import_ftm(case, path).result
    assert sorted(report.new_entities) == ["Aegean Shipping", "Volga Trade"]
    assert not report.left_out and not report.problems and report.fragments == 2
    with case.read() as conn:
        assert {r[0] for r in conn.exec_driver_sql("SELECT locator FROM citation WHERE "
                                                   "entity_id IS NOT NULL")} == {"line 1"}


def test_a_documentation_link_over_several_lines_is_one_citation(tmp_path):
    lines = [{"id": "c1", "schema": "Company", "properties": {"name": ["Volga Trade"]}},
             {"id": "d1", "schema": "Document", "properties": {
                 "title": ["Register extract"], "sourceUrl": ["https://egrul.nalog.ru/"]}},
             {"id": "doc-1", "schema": "Documentation", "properties": {
                 "document": ["d1"], "entity": ["c1"]}},
             {"id": "doc-1", "schema": "Documentation", "properties": {
                 "summary": ["page 3 names it"]}}]
    split, whole = Case.new(tmp_path / "s.casefile"), Case.new(tmp_path / "w.casefile")
    report = import_ftm(split, _write(tmp_path / "mapped.ftm.json", lines)).result
    import_ftm(whole, _write(tmp_path / "whole.ftm.json", _aggregated(lines)))
    assert not report.left_out and report.fragments == 1

    def cited(case: Case) -> list[tuple]:
        with case.read() as conn:
            return conn.exec_driver_sql(
                "SELECT s.title, c.excerpt FROM citation c JOIN source s ON s.id = "
                "c.source_id WHERE s.title = 'Register extract'").fetchall()
    assert cited(split) == cited(whole) == [("Register extract", "page 3 names it")]
    split.close()
    whole.close()


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_ids_are_compared_as_the_reader_reads_them(tmp_path, encoding):
    """Escaped and raw, a number and its text, keys in another order (Aleph sorts them,
    and a collection's id comes first), a value that says "properties": one id each."""
    from casefile.services.exchange.imports.ftm_fragments import repeated_ids

    text = "\n".join([
        '{"id": "\\u041e\\u041e\\u041e-1", "schema": "Company", "properties": {}}',
        '{"id": "ООО-1", "schema": "Company", "properties": {}}',
        '{"id": 7, "schema": "Company", "properties": {}}',
        '{"id": "7", "schema": "Company", "properties": {"notes": ["\\"properties\\""]}}',
        '{"collection": {"id": "42"}, "id": "a/b", "schema": "Company", "properties": {}}',
        '{"id": "a\\/b", "schema": "Company", "properties": {}}',
        '{"id": "", "schema": "Company", "properties": {}}',
        '{"id": "", "schema": "Company", "properties": {}}',
        '{"id": "once", "schema": "Company", "properties": {}}'])
    path = tmp_path / "ids.json"
    path.write_text(text, encoding)
    assert repeated_ids(path, encoding, "lines") == {"ООО-1", "7", "a/b"}


def test_lines_that_state_other_captions_are_captioned_over_every_name(case, tmp_path):
    """OpenSanctions-style lines each state the caption FtM gave their fragment; the
    joined entity's caption is FtM's over all its names."""
    held = case.create("entity", {"kind": "person", "name": "Ivan Sergeyevich Petrov"}).result
    lines = [{"id": "p1", "caption": "Petrov Ivan", "schema": "Person",
              "properties": {"name": ["Petrov Ivan"]}},
             {"id": "p1", "caption": "Ivan Sergeyevich Petrov", "schema": "Person",
              "properties": {"name": ["Ivan Sergeyevich Petrov"]}}]
    want = model.get_proxy(_aggregated(lines)[0]).caption
    assert want == "Ivan Sergeyevich Petrov"
    report = import_ftm(case, _write(tmp_path / "mapped.ftm.json", lines)).result
    assert report.reused_entities == {want: held} and not report.new_entities


def test_entities_without_an_id_are_each_their_own(case, tmp_path):
    lines = [{"id": "", "schema": "Person", "properties": {
                 "name": ["Ivan Petrov"], "birthDate": ["1961-02-03"]}},
             {"id": "", "schema": "Person", "properties": {
                 "name": ["Oleg Sidorov"], "birthDate": ["1975-06-01"]}},
             {"id": "p1", "schema": "Person", "properties": {"name": ["Anna Ivanova"]}},
             {"id": "p1", "schema": "Person", "properties": {"birthDate": ["1980"]}}]
    report = import_ftm(case, _write(tmp_path / "mapped.ftm.json", lines)).result
    assert sorted(report.new_entities) == ["Anna Ivanova", "Ivan Petrov", "Oleg Sidorov"]
    assert not report.left_out


def test_the_progress_says_what_each_pass_reads_and_the_writing_at_the_end(case, tmp_path):
    """(look27) From a third of the bar to its end the label said '100,198 records' and
    nothing of what was done; the bar sat at two thirds, then jumped to its end."""
    lines = [{"id": f"c{i}", "schema": "Company", "properties": {"name": [f"Firm {i}"]}}
             for i in range(2500)]
    lines += [{"id": f"s{i}", "schema": "Sanction", "properties": {
        "entity": [f"c{i}"], "authority": ["OFAC"], "startDate": ["2022-03-01"]}}
        for i in range(1500)]
    said: list[tuple[int, int, str]] = []
    import_ftm(case, _write(tmp_path / "list.ftm.json", lines),
               progress=lambda done, total, text: said.append((done, total, text)))
    texts = [t for _d, _n, t in said]
    assert any(t.startswith("Reading parties and sources: ") for t in texts)
    assert any(t.startswith("Reading sanctions, relationships, shipments and events: ")
               for t in texts)
    done, total, last = said[-1]
    assert last == "4,000 records read; writing the search index and the row digests…"
    assert done == total * 3 // 4  # the last quarter is the writing
    assert [d for d, _n, _t in said] == sorted(d for d, _n, _t in said)  # never back


def test_a_pass_a_file_needs_not_gives_up_its_share_and_the_gathering_pass_counts(
        case, tmp_path):
    """(review30) Parties alone filled a quarter of the bar, then it jumped to three
    quarters; the pass gathering posts said '0 records' throughout."""
    parties = [{"id": f"p{i}", "schema": "Person", "properties": {"name": [f"Person {i}"]}}
               for i in range(2500)]
    posts = [{"id": f"o{i}", "schema": "Occupancy", "properties": {
        "holder": [f"p{i}"], "post": ["pos1"]}} for i in range(1500)]
    position = [{"id": "pos1", "schema": "Position", "properties": {"name": ["Deputy"]}}]
    said: list[tuple[int, int, str]] = []
    import_ftm(case, _write(tmp_path / "peps.ftm.json", parties + posts + position),
               progress=lambda done, total, text: said.append((done, total, text)))
    fractions = [d / n for d, n, _t in said]
    assert fractions == sorted(fractions)  # never back
    gathered = [t for _d, _n, t in said if t.startswith("Reading posts and addresses: ")]
    assert gathered and gathered[-1] == "Reading posts and addresses: 1,000 records"
    first_pass = [d / n for d, n, t in said if t.startswith("Reading parties and sources")]
    # its share comes after the gathering's, in six while the later passes may run
    # (gathering 1, parties 2, links 1, documentation 1, writing 1)
    assert 1 / 6 <= first_pass[0] and first_pass[-1] <= 3 / 6
    assert fractions[-1] == 0.75 and said[-1][2].endswith("writing the search index and "
                                                          "the row digests…")
