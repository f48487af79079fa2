import json

import pytest

from casefile.errors import ImportFailed, ImportFileError
from casefile.services.case.facade import Case
from casefile.services.exchange.export_ftm import export_ftm
from casefile.services.exchange.imports.ftm import import_ftm


def test_round_trip_through_followthemoney(demo, tmp_path):
    out = tmp_path / "demo.ftm.json"
    export_ftm(demo, out)
    with Case.new(tmp_path / "fresh.casefile") as fresh:
        report = import_ftm(fresh, out).result
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
    report = import_ftm(demo, out, dry_run=True).result
    assert report.new_entities == [] and len(report.reused_entities) == before
    assert demo.counts()["entity"] == before


def test_opensanctions_targets_simple_csv(case, tmp_path):
    f = tmp_path / "targets.simple.csv"
    f.write_text("id,schema,name,aliases,birth_date,countries,addresses,identifiers,sanctions,"
                 "phones,emails,dataset,first_seen,last_seen,last_change\n"
                 "NK-1,Company,\"TEKHKRIM, OOO\",Техкрим;Tekhkrim LLC,,ru,,1234567890,"
                 "US OFAC SDN;EU FSF,,,sanctions,2023-01-01,2024-01-01,2024-01-01\n",
                 encoding="utf-8")
    report = import_ftm(case, f).result
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


def test_bulk_import_is_checked_searchable_and_one_undo(case, tmp_path):
    from casefile.services.case.integrity import check_case

    lines = []
    for i in range(1200):
        lines.append({"id": f"e{i}", "schema": "Person" if i % 2 else "Company",
                      "properties": {"name": [f"Holding {i}"], "alias": [f"Холдинг {i}"],
                                     "innCode": [str(7700000000 + i)], "country": ["ru"]}})
        if i % 4 == 0:
            lines.append({"id": f"s{i}", "schema": "Sanction", "properties": {
                "entity": [f"e{i}"], "authority": ["OFAC"], "program": ["RUSSIA-EO14024"],
                "startDate": ["2022-04-06"]}})
    f = tmp_path / "big.ftm.json"
    f.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), "utf-8")
    report = import_ftm(case, f).result
    assert len(report.new_entities) == 1200
    counts = case.counts()
    assert counts["entity"] == 1200 and counts["sanction"] == 300
    assert counts["citation"] == 1500  # every created record cites the file
    with case.read() as conn:
        kind, created = conn.exec_driver_sql(
            "SELECT kind, created_at FROM entity WHERE name = 'Holding 7'").one()
        sanction = conn.exec_driver_sql(
            "SELECT start_start, start_precision, date_start FROM sanction LIMIT 1").one()
    assert kind == "person" and created[:4].isdigit() and "T" not in created
    assert tuple(sanction) == ("2022-04-06", "day", None)  # in force from; listing unknown
    assert case.search("Холдинг 1199")[0].title == "Holding 1199"
    assert case.search("7700000042")[0].title == "Holding 42"
    assert check_case(case.path).ok
    assert case.undo_name == "Import big.ftm.json"
    case.undo()
    assert case.counts()["entity"] == 0 and case.counts()["source"] == 0
    assert case.search("Holding") == []


def test_bad_records_name_line_and_field_and_change_nothing(case, tmp_path):
    f = tmp_path / "bad.json"
    f.write_text("\n".join([
        json.dumps({"id": "a", "schema": "Company", "properties": {"name": ["A"]}}),
        json.dumps(["not", "an", "entity"]),
        json.dumps({"id": "s", "schema": "Sanction", "properties": {
            "entity": ["a"], "startDate": ["sometime"]}})]) + "\n")
    with pytest.raises(ImportFailed) as info:
        import_ftm(case, f)
    problems = "\n".join(info.value.report.problems)
    assert "bad.json, line 2: not a FollowTheMoney entity" in problems
    assert problems.count("line 2: not a") == 1  # once, however many passes read the file
    assert "bad.json, line 3, field 'startDate'" in problems  # the file's own property
    assert case.counts()["entity"] == 0 and case.counts()["source"] == 0


def test_review_stops_on_near_matches_and_keep_apart_decides(demo, tmp_path):
    from casefile.errors import NeedsReview

    f = tmp_path / "n.json"
    f.write_text(json.dumps({"id": "x", "schema": "Company", "properties": {
        "name": ["Da-Jiang Innovations"]}}) + "\n", "utf-8")
    before = demo.counts()
    with pytest.raises(NeedsReview) as info:
        import_ftm(demo, f, review=True)
    assert info.value.report.proposals[0][1] == 3  # the DJI already in the case
    assert demo.counts() == before
    report = import_ftm(demo, f, review=True, keep_apart=["Da-Jiang Innovations"]).result
    assert report.new_entities == ["Da-Jiang Innovations"] and report.proposals == []


def test_what_a_fact_leaves_out_is_counted_and_a_sanctions_terms_are_kept(case, tmp_path):
    """Sanctions, links and trade records carry properties Casefile has no field for: each
    is counted by schema and property, never dropped silently; a sanction's provisions,
    duration and listing ids are kept in its reason."""
    from followthemoney import model

    rows = [
        {"id": "a", "schema": "Company", "properties": {"name": ["Volga Trade"]}},
        {"id": "b", "schema": "Company", "properties": {"name": ["Ural Optics"]}},
        {"id": "s", "schema": "Sanction", "properties": {
            "entity": ["a"], "authority": ["Council of the European Union"], "country": ["eu"],
            "provisions": ["Asset freeze", "Prohibition to make funds available"],
            "duration": ["3 роки"], "authorityId": ["EU.9876.54"], "unscId": ["QDe.123"]}},
        {"id": "o", "schema": "Ownership", "properties": {
            "owner": ["a"], "asset": ["b"], "percentage": ["40"], "legalBasis": ["charter"],
            "namesMentioned": ["Ivanov"]}},
        {"id": "t", "schema": "EconomicActivity", "properties": {
            "sender": ["a"], "receiver": ["b"], "goodsDescription": ["lenses"],
            "date": ["2022-05-04"], "transport": ["Air"], "declarant": ["Broker LLC"]}}]
    for r in rows:  # every entity is one the real model accepts
        model.get_proxy(r, cleaned=False)
    f = tmp_path / "facts.json"
    f.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), "utf-8")
    report = import_ftm(case, f).result
    assert report.left_out == {
        "EconomicActivity transport: Casefile has no field for it": 1,
        "EconomicActivity declarant: Casefile has no field for it": 1}
    reason = case.get("sanction", 1)["reason"]
    assert reason.splitlines() == ["Provisions: Asset freeze; Prohibition to make funds "
                                   "available", "Duration: 3 роки",
                                   "Authority's listing id: EU.9876.54",
                                   "UN listing id: QDe.123"]
    assert case.get("relationship", 1)["description"] == "40%; legal basis: charter"


def test_several_dates_of_one_property_are_compared_as_dates_not_text(case, tmp_path):
    """'2016' and '2016-01' as end dates: the interval runs to December 2016 (as text,
    '2016-01' sorts after '2016'); a sanction ending in the current year has not ended."""
    from datetime import date

    this_year = str(date.today().year)
    rows = [{"id": "a", "schema": "Company", "properties": {"name": ["Volga Trade"]}},
            {"id": "b", "schema": "Company", "properties": {"name": ["Ural Optics"]}},
            {"id": "o", "schema": "Ownership", "properties": {
                "owner": ["a"], "asset": ["b"], "startDate": ["2012-05", "2012"],
                "endDate": ["2016-01", "2016"]}},
            {"id": "s", "schema": "Sanction", "properties": {
                "entity": ["a"], "authority": ["OFAC"], "program": ["X"],
                "startDate": ["2020"], "endDate": [this_year]}}]
    f = tmp_path / "dates.json"
    f.write_text("\n".join(json.dumps(r) for r in rows), "utf-8")
    import_ftm(case, f)
    rel = case.get("relationship", 1)
    assert (rel["date_start"], rel["date_end"]) == ("2012-01-01", "2016-12-31")
    assert case.get("sanction", 1)["status"] != "ended"


def test_values_a_record_holds_one_of_are_counted_when_more_are_given(case, tmp_path):
    """A trade record keeps one HS code, origin and amount; a citation keeps its
    credibility: what else the file gives is counted, not dropped silently."""
    rows = [{"id": "a", "schema": "Company", "properties": {"name": ["Volga Trade"]}},
            {"id": "b", "schema": "Company", "properties": {"name": ["Ural Optics"]}},
            {"id": "t", "schema": "EconomicActivity", "properties": {
                "sender": ["a"], "receiver": ["b"], "goodsDescription": ["lenses"],
                "vedCode": ["9002110000", "8483"], "originCountry": ["cn"],
                "invoiceAmount": ["1000 USD"], "customsAmount": ["1200 USD"]}},
            {"id": "d", "schema": "Document", "properties": {"title": ["Court ruling"]}},
            {"id": "x", "schema": "Documentation", "properties": {
                "document": ["d"], "entity": ["a"], "role": ["Defendant named in ruling"]}}]
    f = tmp_path / "t.json"
    f.write_text("\n".join(json.dumps(r) for r in rows), "utf-8")
    report = import_ftm(case, f).result
    assert report.left_out == {
        "EconomicActivity vedCode: only the first value kept": 1,
        "Documentation role: Casefile keeps a citation's credibility, not its role": 1}
    # (look21: 'only the first amount kept' — which, it did not say): the value is one
    # amount, the note says which, and keeps the other
    shipment = case.get("shipment", 1)
    assert (shipment["value"], shipment["currency"]) == (1000, "USD")
    assert shipment["notes"] == "Value: invoice amount 1000 USD; also customs amount 1200 USD"


def test_name_parts_no_kept_name_holds_are_counted(case, tmp_path):
    """A first, middle or father's name that a kept name repeats is read; one that no name
    of the party holds (the name gives only 'PETROV Ivan') is counted as left out."""
    rows = [{"id": "p", "schema": "Person", "properties": {
        "name": ["PETROV Ivan"], "alias": ["Иван Петров", "Joanna P."],
        "firstName": ["Ivan", "Иван", "Ann"],
        "lastName": ["Petrov"], "fatherName": ["Sergeyevich"], "middleName": ["Sergeyevich"]}}]
    f = tmp_path / "person.json"
    f.write_text(json.dumps(rows[0], ensure_ascii=False), "utf-8")
    report = import_ftm(case, f).result
    assert report.left_out == {  # 'Ann' is a word of no name ('Joanna' is another name)
        "Person firstName: a part of a name that none of the party's names contains": 1,
        "Person fatherName: a part of a name that none of the party's names contains": 1,
        "Person middleName: a part of a name that none of the party's names contains": 1}


def test_a_person_given_only_the_parts_of_a_name_is_named_by_them(case, tmp_path):
    """(look21) A person with first, middle and last names but no name was named 'IVANOV'
    (FtM's caption falls back on the last name), the rest counted as left out."""
    rec = {"id": "q5", "schema": "Person", "caption": "IVANOV", "properties": {
        "firstName": ["Sergei"], "middleName": ["Borisovich"], "fatherName": ["Borisovich"],
        "lastName": ["IVANOV"], "weakAlias": ["Seryoga"]}}
    f = tmp_path / "person.json"
    f.write_text(json.dumps(rec), "utf-8")
    report = import_ftm(case, f).result
    assert report.new_entities == ["Sergei Borisovich IVANOV"]
    assert not any("name" in k for k in report.left_out)


def test_a_namesake_born_on_other_days_or_with_another_inn_is_asked_about_not_merged(
        case, tmp_path):
    """Same name, but the case's party was born in 1959 and the file's in 1972 (or their
    INNs differ): two people, perhaps. A new party is made and the match is proposed, to be
    ticked by a person; the same name with nothing against it is the same party."""
    case.create("entity", {"name": "Maria Aleksandrovna Osetrova", "kind": "person",
                           "birth": "1959-03-02"})
    case.create("entity", {"name": "Volga Trade", "kind": "company"},
                children={"identifier": [{"scheme": "INN", "value": "7707083893"}]})
    rows = [{"id": "p", "schema": "Person", "properties": {
                "name": ["Maria Aleksandrovna Osetrova"], "birthDate": ["1972-03-05"]}},
            {"id": "c", "schema": "Company", "properties": {
                "name": ["Volga Trade"], "innCode": ["7804507227"]}},
            {"id": "q", "schema": "Person", "properties": {
                "name": ["Maria Aleksandrovna Osetrova"], "birthDate": ["1959"]}}]
    f = tmp_path / "people.json"
    f.write_text("\n".join(json.dumps(r) for r in rows), "utf-8")
    report = import_ftm(case, f, dry_run=True).result
    assert sorted(report.proposals) == [
        ("Maria Aleksandrovna Osetrova", 1, "Maria Aleksandrovna Osetrova, same name but born "
         "1959-03-02, the file's 1972-03-05", 100.0),
        ("Volga Trade", 2, "Volga Trade, same name but its INN is 7707083893, the file's "
         "7804507227", 100.0)]
    assert report.reused_entities == {"Maria Aleksandrovna Osetrova": 1}  # born in 1959: same
    assert report.preview[0] == ("line 1: Person Maria Aleksandrovna Osetrova (new, unless it "
                                 "is #1 Maria Aleksandrovna Osetrova: see the matches to tick)")
    import_ftm(case, f)
    assert case.counts()["entity"] == 4  # two namesakes added, not merged
    other = Case.new(tmp_path / "other.casefile")
    try:  # ticked by a person: then it is the same party
        other.create("entity", {"name": "Volga Trade", "kind": "company"},
                     children={"identifier": [{"scheme": "INN", "value": "7707083893"}]})
        ticked = import_ftm(other, f, accept={"Volga Trade": 1}).result
        assert ticked.reused_entities == {"Volga Trade": 1}
        assert other.counts()["entity"] == 3  # and the file's two Marias
    finally:
        other.close()


@pytest.mark.parametrize("amount,value,currency", [
    ("12,5 EUR", 12.5, "EUR"), ("1 250,50 EUR", 1250.5, "EUR"),
    ("1.234,56 EUR", 1234.56, "EUR"), ("EUR 1000", 1000.0, "EUR"),
    ("1,234.50 USD", 1234.5, "USD"), ("250", 250.0, "")])
def test_an_amount_is_read_as_a_trade_files_number_is(amount, value, currency):
    """(review23) '12,5 EUR' was kept as 125, '1 250,50 EUR' as 125050 and '1.234,56 EUR' as
    1.23456; 'EUR 1000' was no amount at all."""
    from casefile.services.exchange.imports.ftm_shipment_values import shipment_values

    values, _route = shipment_values({"invoiceAmount": [amount]})
    assert (values["value"], values["currency"]) == (value, currency)


def test_a_family_link_between_companies_is_kept_and_said(case, tmp_path):
    """(look27) FollowTheMoney's Family links people; one between two companies was kept
    as 'family of' without a word."""
    lines = [{"id": "c1", "schema": "Company", "properties": {"name": ["AEROSCAN"]}},
             {"id": "c2", "schema": "Company", "properties": {"name": ["ZALA AERO"]}},
             {"id": "p1", "schema": "Person", "properties": {"name": ["Olga Zakharova"]}},
             {"id": "p2", "schema": "Person", "properties": {"name": ["Ivan Zakharov"]}},
             {"id": "f1", "schema": "Family", "properties": {"person": ["c1"],
                                                             "relative": ["c2"]}},
             {"id": "f2", "schema": "Family", "properties": {"person": ["p1"],
                                                             "relative": ["p2"]}}]
    path = tmp_path / "fam.ftm.json"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    report = import_ftm(case, path).result
    assert report.relationships == 2  # kept, as the file gives them
    said = {w: n for w, n in report.warnings.items() if w.startswith("Family")}
    assert said == {"Family person: a Company where FollowTheMoney has only people; the "
                    "link is kept as the file gives it": 1,
                    "Family relative: a Company where FollowTheMoney has only people; the "
                    "link is kept as the file gives it": 1}
