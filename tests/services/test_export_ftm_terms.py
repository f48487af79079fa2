"""What the FtM export says of the new parts of a case, each checked against the
followthemoney model: identifiers under the FtM property of their scheme, an ended sanction
with endDate and status, dates at the precision FtM carries (a set of possible birth dates
as each date), the declaration number as ccdNumber where it is one, and a relationship as
the FtM schema its kind and parties allow."""

import json

from casefile.services.exchange.export_ftm import export_ftm
from tests.support import ftm_cluster as fc


def exported(case, tmp_path):
    out = tmp_path / "case.ftm.json"
    export_ftm(case, out)
    entities = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    fc.check(entities)  # every entity valid FtM, every reference resolving
    return entities


def one(entities, schema, **match):
    return next(e["properties"] for e in entities if e["schema"] == schema and all(
        v in e["properties"].get(k, []) for k, v in match.items()))


def test_parties_say_their_identifiers_countries_and_details(case, tmp_path):
    case.create("entity", {"name": "Ivan Petrov", "kind": "person", "country": "RU",
                           "other_countries": "KZ, GB", "nationality": "RU",
                           "birth": "[1960, 1961-03-02]", "topics": "role.pep,my-own-tag"},
                children={"identifier": [
                    {"scheme": "INN", "value": "500100732259"},
                    {"scheme": "passport", "value": "4509 123456"},
                    {"scheme": "registration", "value": "R-1"}]})
    case.create("entity", {"name": "Sky Tech", "kind": "other", "birth": "196X",
                           "incorporation": "late 2010"},
                children={"identifier": [{"scheme": "DUNS", "value": "150483782"},
                                         {"scheme": "okvedCode", "value": "30.30"},
                                         {"scheme": "KPP", "value": "784101001"}],
                          "alias": [{"name": "ST", "kind": "abbreviation"},
                                    {"name": "Old Sky", "kind": "previous_name"}]})
    entities = exported(case, tmp_path)
    ivan = one(entities, "Person", name="Ivan Petrov")
    assert ivan["innCode"] == ["500100732259"] and ivan["passportNumber"] == ["4509 123456"]
    assert ivan["registrationNumber"] == ["R-1"]
    assert sorted(ivan["country"]) == ["gb", "kz", "ru"] and ivan["mainCountry"] == ["ru"]
    assert ivan["nationality"] == ["ru"]
    assert sorted(ivan["birthDate"]) == ["1960", "1961-03-02"]  # one of two dates
    assert ivan["topics"] == ["role.pep"]  # a topic FtM does not know is not written
    sky = one(entities, "LegalEntity", name="Sky Tech")
    assert sky["dunsCode"] == ["150483782"] and sky["okvedCode"] == ["30.30"]
    assert sky["abbreviation"] == ["ST"] and sky["previousName"] == ["Old Sky"]
    assert "kppCode" not in sky and sky["registrationNumber"] == ["784101001"]  # no KPP here
    assert "birthDate" not in sky  # a LegalEntity is not born
    # late 2010 is no one date FtM can say: the year that holds it, and the text as given
    assert sky["incorporationDate"] == ["2010"]
    assert "Incorporation date as given: late 2010" in sky["summary"]


def test_a_uscc_and_a_sam_uei_go_out_under_their_own_properties_and_come_back(case, tmp_path):
    """(look25) FtM's uniqueEntityId is SAM.gov's UEI, not the Chinese USCC (uscCode): a real
    USCC went out as uniqueEntityId, which FtM refused, and 26 UEIs came in as USCCs, each
    with a false note that it had not the form of one."""
    from casefile.services.case.facade import Case
    from casefile.services.exchange.imports.ftm import import_ftm

    case.create("entity", {"name": "SZ DJI", "kind": "company"}, children={"identifier": [
        {"scheme": "USCC", "value": "914403007954257495"},
        {"scheme": "UEI", "value": "M83QKJMENEF9"}]})
    dji = one(exported(case, tmp_path), "Company", name="SZ DJI")
    assert dji["uscCode"] == ["914403007954257495"]
    assert dji["uniqueEntityId"] == ["M83QKJMENEF9"]
    other = Case.new(tmp_path / "back.casefile")
    try:
        report = import_ftm(other, tmp_path / "case.ftm.json").result
        with other.read() as conn:
            assert sorted(conn.exec_driver_sql("SELECT scheme, value FROM identifier")) == [
                ("UEI", "M83QKJMENEF9"), ("USCC", "914403007954257495")]
        assert not [w for w in report.warnings if "form" in w]
    finally:
        other.close()


def test_an_ended_sanction_says_its_end_and_status(case, tmp_path):
    who = case.create("entity", {"name": "Osetrova", "kind": "person"}).result
    case.create("sanction", {"entity_id": who, "authority": "NSDC", "programme": "Decree",
                             "program_id": "UA-265", "date": "2021-05-14",
                             "start": "2021-05-14", "end": "2024-10-30", "status": "ended",
                             "source_url": "https://www.president.gov.ua/documents/2652021"})
    sanction = one(exported(case, tmp_path), "Sanction")
    assert sanction["endDate"] == ["2024-10-30"] and sanction["status"] == ["ended"]
    assert sanction["startDate"] == ["2021-05-14"] and sanction["programId"] == ["UA-265"]
    assert sanction["sourceUrl"] == ["https://www.president.gov.ua/documents/2652021"]


def test_declaration_numbers_and_relationships_take_their_ftm_form(case, tmp_path):
    a = case.create("entity", {"name": "Holding", "kind": "company"}).result
    b = case.create("entity", {"name": "Ministry", "kind": "public_body"}).result
    c = case.create("entity", {"name": "Ivan", "kind": "person"}).result
    d = case.create("entity", {"name": "Anna", "kind": "person"}).result
    case.create("shipment", {"shipper_id": a, "declared_goods": "bearings",
                             "reference": "10702070/010622/0123456"})
    case.create("shipment", {"shipper_id": a, "declared_goods": "optics",
                             "reference": "MEDUXY123456", "quantity": 1820340})
    case.create("relationship", {"subject_id": a, "object_id": b, "kind": "owns"})
    case.create("relationship", {"subject_id": c, "object_id": a, "kind": "owns"})
    case.create("relationship", {"subject_id": c, "object_id": d, "kind": "family_of"})
    case.create("relationship", {"subject_id": c, "object_id": b, "kind": "employee_of"})
    entities = exported(case, tmp_path)
    assert one(entities, "EconomicActivity", goodsDescription="bearings")["ccdNumber"] == [
        "10702070/010622/0123456"]
    optics = one(entities, "EconomicActivity", goodsDescription="optics")
    assert optics["recordId"] == ["MEDUXY123456"] and "ccdNumber" not in optics
    assert "Quantity: 1820340" in optics["summary"]  # in full, never 1.82034e+06
    schemata = sorted(e["schema"] for e in entities if e["schema"] in (
        "Ownership", "UnknownLink", "Family", "Employment"))
    # a public body is no Asset: its 'owns' is an UnknownLink that says so
    assert schemata == ["Employment", "Family", "Ownership", "UnknownLink"]
    assert one(entities, "UnknownLink")["role"] == ["owns"]


def test_long_text_keeps_its_line_breaks_into_another_case(case, tmp_path):
    """A sanction's terms and a party's description are written on lines; FtM's text
    properties keep them, and so does the import into another case (before, they folded
    into one line there)."""
    from followthemoney import model

    from casefile.services.case.facade import Case
    from casefile.services.exchange.imports.ftm import import_ftm
    from casefile.services.exchange.imports.ftm_map import TEXT_PROPS

    assert TEXT_PROPS == {p.name for s in model.schemata.values()
                          for p in s.properties.values() if p.type.name == "text"}
    reason = "Supplies drones\nProvisions: Asset freeze; Travel ban\nDuration:  3 years"
    who = case.create("entity", {"name": "Osetrova", "kind": "person",
                                 "description": "Designer.\n\nSee the 2022 listing."}).result
    case.create("sanction", {"entity_id": who, "authority": "EU", "reason": reason})
    out = tmp_path / "case.ftm.json"
    export_ftm(case, out)
    other = Case.new(tmp_path / "other.casefile")
    try:
        import_ftm(other, out)
        assert other.get("sanction", 1)["reason"] == reason.replace("  ", " ")
        assert other.get("entity", 1)["description"] == "Designer.\n\nSee the 2022 listing."
    finally:
        other.close()


def test_a_customs_value_goes_out_and_comes_back_as_a_customs_amount(case, tmp_path):
    """(review26 (b)) A shipment whose one amount was FtM's customsAmount went out as an
    invoiceAmount: another figure for a reader who compares the two. Its notes now say which
    amount the value is; the export gives it as that; the round trip adds no second note."""
    from casefile.services.case.facade import Case
    from casefile.services.exchange.imports.ftm import import_ftm

    rows = [{"id": "a", "schema": "Company", "properties": {"name": ["Volga Trade"]}},
            {"id": "b", "schema": "Company", "properties": {"name": ["Ural Optics"]}},
            {"id": "t", "schema": "EconomicActivity", "properties": {
                "sender": ["a"], "receiver": ["b"], "goodsDescription": ["lenses"],
                "customsAmount": ["USD 1,200.50"], "description": ["Declared at Pulkovo"]}},
            {"id": "u", "schema": "EconomicActivity", "properties": {
                "sender": ["a"], "receiver": ["b"], "goodsDescription": ["prisms"],
                "invoiceAmount": ["900 EUR"]}}]
    f = tmp_path / "t.json"
    f.write_text("\n".join(json.dumps(r) for r in rows), "utf-8")
    import_ftm(case, f)
    assert [(s["value"], s["currency"], s["notes"]) for s in
            (case.get("shipment", 1), case.get("shipment", 2))] == [
        (1200.5, "USD", "Declared at Pulkovo\nValue: customs amount USD 1,200.50"),
        (900, "EUR", "")]
    entities = exported(case, tmp_path)
    lenses = one(entities, "EconomicActivity", goodsDescription="lenses")
    assert lenses["customsAmount"] == ["1200.5 USD"] and "invoiceAmount" not in lenses
    assert one(entities, "EconomicActivity", goodsDescription="prisms")["invoiceAmount"] == \
        ["900 EUR"]
    other = Case.new(tmp_path / "back.casefile")
    try:
        import_ftm(other, tmp_path / "case.ftm.json")
        back = other.get("shipment", 1)
        assert (back["value"], back["currency"], back["notes"]) == (
            1200.5, "USD", "Declared at Pulkovo\nValue: customs amount USD 1,200.50")
    finally:
        other.close()


def test_the_lists_own_status_words_go_out_as_its_status_and_come_back(case, tmp_path):
    """A status the case keeps in the list's words ('Excluded': removed from Ukraine's
    register, barred on a US Medicaid list) went out inside the reason, with no status:
    another reader saw none. It goes out as the sanction's status, as the list wrote it,
    and comes back as the same words."""
    from casefile.services.case.facade import Case
    from casefile.services.exchange.imports.ftm import import_ftm

    doe = case.create("entity", {"name": "John Doe Medical", "kind": "person"}).result
    case.create("sanction", {"entity_id": doe, "programme": "South Carolina Medicaid",
                             "start": "2020-05-01",
                             "reason": "Billing fraud; Status as listed: Excluded"})
    sanc = one(exported(case, tmp_path), "Sanction", program="South Carolina Medicaid")
    assert (sanc["status"], sanc["reason"]) == (["Excluded"], ["Billing fraud"])
    other = Case.new(tmp_path / "back.casefile")
    try:
        import_ftm(other, tmp_path / "case.ftm.json")
        with other.read() as conn:
            assert conn.exec_driver_sql("SELECT status, reason FROM sanction").one() == \
                ("", "Billing fraud; Status as listed: Excluded")
    finally:
        other.close()
