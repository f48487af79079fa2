"""The one bulk party writer: both importers create parties through it, and a value the
editor's rules refuse becomes a problem naming the file, line and column (or field), with
nothing written."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.services.case.validation import ValidationError, clean, clean_plain
from casefile.services.exchange.imports.ftm import import_ftm
from casefile.services.exchange.imports.party_writer import PartyWriter
from casefile.services.exchange.imports.shipments import ImportFailed, import_shipments

LONG = "Exporter " + "x" * 1200  # over the 1,000 characters a name takes
HEADER = "ShipperName,ShipperCountry,ShipperID,ConsigneeName,ArrivalDate,ProductDescription\n"


def counts(case):
    with case.read() as conn:
        return {t: conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar()
                for t in ("entity", "alias", "identifier", "shipment", "sanction", "citation",
                          "source", "attachment", "audit_log")}


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, "utf-8")
    return p


def failed(fn, *args, **kw):
    with pytest.raises(ImportFailed) as info:
        fn(*args, **kw)
    return info.value.report.problems


def test_the_editor_refuses_the_same_values(case):
    with pytest.raises(ValidationError) as info:
        case.create("entity", {"name": LONG})
    assert info.value.field == "name" and "1,209 characters long" in info.value.message
    with pytest.raises(ValidationError) as info:
        case.create("entity", {"name": "A", "country": "Atlantis"})
    assert info.value.field == "country"


def test_csv_party_country_is_stored_on_the_new_party(case, tmp_path):
    f = write(tmp_path, "t.csv", HEADER + "Norinco,China,91110000100000000X,Tekhkrim,2022,"
                                          "rifles\n")
    report = import_shipments(case, f, accept_missing=True).result
    assert report.new_entities == ["Norinco", "Tekhkrim"]
    with case.read() as conn:
        rows = conn.exec_driver_sql("SELECT e.name, e.country, e.tags, i.value FROM entity e "
                                    "LEFT JOIN identifier i ON i.entity_id = e.id "
                                    "ORDER BY e.id").all()
    assert rows == [("Norinco", "CN", "imported", "91110000100000000X"),
                    ("Tekhkrim", None, "imported", None)]
    case.undo()
    assert counts(case)["entity"] == 0 and counts(case)["identifier"] == 0


@pytest.mark.parametrize("dry_run", [False, True])
def test_csv_party_with_a_bad_country_or_long_field_is_reported_and_nothing_written(
        case, tmp_path, dry_run):
    f = write(tmp_path, "trade.csv", HEADER
              + "Good Co,Turkey,,Buyer,2022,drones\n"
              + "Nowhere Ltd,Atlantis,,Buyer,2022,drones\n"
              + f"{LONG},,,Buyer,2022,drones\n"
              + "Other Co,,7" + "0" * 1100 + ",Buyer,2022,drones\n")
    before = counts(case)
    problems = failed(import_shipments, case, f, dry_run=dry_run, accept_missing=True)
    assert problems[0].startswith("trade.csv, row 3, column 'ShipperCountry': 'Atlantis' is "
                                  "not a country")
    assert problems[1] == ("trade.csv, row 4, column 'ShipperName': is 1,209 characters "
                           "long; at most 1,000 fit")
    assert problems[2].startswith("trade.csv, row 5, column 'ShipperID': is 1,101 characters")
    assert len(problems) == 3
    assert counts(case) == before


def test_csv_bad_country_of_a_party_already_in_the_case_is_reported(demo, tmp_path):
    f = write(tmp_path, "t.csv", HEADER + "NORINCO,Narnia,,Tekhkrim LLC,2022,rifles\n")
    before = counts(demo)
    lines = []
    problems = failed(import_shipments, demo, f, accept_missing=True,
                      row_log=lambda line, status, what: lines.append((line, status, what)))
    assert problems == ["t.csv, row 2, column 'ShipperCountry': 'Narnia' is not a country "
                        "Casefile knows (ISO 3166)"]
    assert lines == [(2, "problem", problems[0])]
    assert counts(demo) == before


def ftm_file(tmp_path, *records):
    return write(tmp_path, "x.ftm.json", "\n".join(json.dumps(r) for r in records) + "\n")


def test_ftm_party_with_a_bad_country_or_long_field_is_reported_and_nothing_written(
        case, tmp_path):
    f = ftm_file(tmp_path,
                 {"id": "a", "schema": "Company", "properties": {"name": ["Good"],
                                                                 "country": ["ru"]}},
                 {"id": "b", "schema": "Company", "properties": {"name": ["B"],
                                                                 "jurisdiction": ["Atlantis"]}},
                 {"id": "c", "schema": "Person", "properties": {"name": [LONG]}},
                 {"id": "d", "schema": "Company", "properties": {
                     "name": ["D"], "innCode": ["7" * 1001], "alias": ["D2"]}},
                 {"id": "e", "schema": "Company", "properties": {
                     "name": ["E"], "weakAlias": ["y" * 1001]}})
    before = counts(case)
    problems = failed(import_ftm, case, f)
    assert problems[0] == ("x.ftm.json, line 3, field 'name': is 1,209 characters long; at "
                           "most 1,000 fit")
    assert problems[1].startswith("x.ftm.json, line 4, field 'innCode': is 1,001 characters")
    assert problems[2].startswith("x.ftm.json, line 5, field 'weakAlias': is 1,001 characters")
    assert len(problems) == 3
    assert counts(case) == before


def test_ftm_countries_casefile_cannot_hold_are_left_out_and_counted(case, tmp_path):
    """OpenSanctions writes codes outside ISO 3166: the former states (Yugoslavia 'yucs', the
    Soviet Union 'suhh') are no place Casefile holds — the party is kept, the value is left
    out, and the report says so; Kosovo 'xk' is a territory Casefile holds (XK); Abkhazia
    'ge-ab' is read as the country ISO 3166-2 lists it under."""
    f = ftm_file(tmp_path,
                 {"id": "a", "schema": "Company", "properties": {
                     "name": ["Kosovo Trade"], "jurisdiction": ["xk"]}},
                 {"id": "b", "schema": "Person", "properties": {
                     "name": ["Иван ПЕТРОВ"], "nationality": ["suhh", "ru", "ge-ab"],
                     "country": ["ua"]}},
                 {"id": "c", "schema": "Company", "properties": {
                     "name": ["Other"], "jurisdiction": ["yucs"]}},
                 {"id": "d", "schema": "Company", "properties": {
                     "name": ["Belgrade Works"], "jurisdiction": ["yucs"]}})
    report = import_ftm(case, f).result
    assert report.new_entities == ["Kosovo Trade", "Иван ПЕТРОВ", "Other", "Belgrade Works"]
    assert [case.get("entity", i)["country"] for i in (1, 2, 3, 4)] == ["XK", "UA", None,
                                                                         None]
    # ISO 3166-2 GE-AB (Abkhazia) is read as Georgia; every country is kept
    assert case.get("entity", 2)["nationality"] == "RU,GE"
    assert report.left_out == {"jurisdiction 'yucs': not an ISO 3166 country": 2,
                               "nationality 'suhh': not an ISO 3166 country": 1}
    assert report.left_out_lines()[0] == "jurisdiction 'yucs': not an ISO 3166 country (2×)"


def test_ftm_takes_the_first_known_country_and_keeps_the_others(case, tmp_path):
    f = ftm_file(tmp_path, {"id": "a", "schema": "Company", "properties": {
        "name": ["A"], "country": ["Atlantis", "ru"], "notes": ["n1", 2]}})
    import_ftm(case, f)
    row = case.get("entity", 1)
    assert (row["country"], row["description"], row["tags"]) == ("RU", "n1; 2", "imported")


def test_a_refused_party_leaves_no_rows_of_it(case):
    problems = []

    def run(tx):
        w = PartyWriter(tx.conn, 0, problems.append)
        good = w.party(lambda f: f"here {f}", name="Good", identifiers=[("inn", "INN", "1")])
        bad = w.party(lambda f: f"there {f}", name="Bad", aliases=[("alias", "Alias")],
                      identifiers=[("inn", "INN", "")])
        w.flush()
        return good, bad

    good, bad = case.operation("test", run).result
    assert bad is None and problems == ["there inn: must not be empty"]
    assert case.get("entity", good)["name"] == "Good"
    c = counts(case)
    assert (c["entity"], c["alias"], c["identifier"]) == (1, 0, 1)


_KEYS = {"alias": ["name", "kind", "lang", "credibility"],
         "identifier": ["scheme", "value", "notes"],
         "citation": ["locator", "excerpt", "credibility"]}


@settings(max_examples=300, deadline=None)
@given(kind=st.sampled_from(sorted(_KEYS)), data=st.data())
def test_the_fast_path_gives_what_clean_gives_or_defers_to_it(kind, data):
    """clean_plain (the bulk writer's fast path) never disagrees with clean(): where it
    answers, clean answers the same; where clean refuses, clean_plain defers (None)."""
    keys = data.draw(st.lists(st.sampled_from(_KEYS[kind]), unique=True, min_size=1))
    text = st.text(st.characters(codec="utf-8"), max_size=1010) | st.sampled_from(
        ["", " ", "  x  ", "x" * 1000, " " + "x" * 1000, "x" * 1001])
    values = {k: data.draw(text | st.integers(0, 9) | st.none()) for k in keys}
    fast = clean_plain(kind, values)
    try:
        slow = clean(kind, values)
    except ValidationError:
        assert fast is None
        return
    assert fast is None or fast == slow
