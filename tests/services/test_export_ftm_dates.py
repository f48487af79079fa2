"""FollowTheMoney export keeps what the case knows of a date: one date at the precision FtM
can carry (a day, a month or a year), or the first and last day as startDate / endDate at the
coarsest precision that keeps them exact. FtM has no qualifiers, decades or seasons."""

import json

import pytest

from casefile.services.exchange.export_ftm import export_ftm, ftm_dates


def _row(text):
    from casefile.services.case.validation import date_columns

    return date_columns(text)


# the case's date -> (date, startDate, endDate) in FtM
CASES = [
    ("201X", (None, "2010", "2019")),  # some year of the 2010s
    ("20XX", (None, "2000", "2099")),
    ("156X-12-25", (None, "1560-12-25", "1569-12-25")),  # a Christmas of the 1560s
    ("?2004-06-~11", ("2004-06-11", None, None)),  # qualifiers FtM cannot carry
    ("2004?-06-11", ("2004-06-11", None, None)),  # the day is not lost
    ("June 2022", ("2022-06", None, None)),
    ("2022", ("2022", None, None)),
    ("Q3 2022", (None, "2022-07", "2022-09")),
    ("winter 2022/23", (None, "2022-12", "2023-02")),
    ("15–20 June 2022", (None, "2022-06-15", "2022-06-20")),
    ("since 2021", (None, "2021", None)),
    ("no later than June 30, 2022", (None, None, "2022-06-30")),
    ("1985-04-12T23:20:30Z", ("1985-04-12T23:20:30Z", None, None)),
    ("[1667,1668,1670..1672]", (None, "1667", "1672")),
    # (look21) each end at its own precision: a year is not made a false exact day
    ("2015/2021-06-15", (None, "2015", "2021-06-15")),
    ("2018-05/2023", (None, "2018-05", "2023")),
    ("2021/2021-05-09", (None, "2021", "2021-05-09")),
    ("2015~/2021-06-15", (None, "2015", "2021-06-15")),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0] for c in CASES])
def test_dates_as_ftm_can_carry_them(text, expected):
    assert ftm_dates(_row(text)) == expected


def test_exported_events_and_sanctions_carry_their_dates(case, tmp_path):
    party = case.create("entity", {"name": "Example Co"}).result
    for title, when in (("decade", "201X"), ("century", "20XX"), ("christmas", "156X-12-25"),
                        ("qualified", "?2004-06-~11"), ("year uncertain", "2004?-06-11")):
        case.create("event", {"title": title, "date": when})
    case.create("sanction", {"entity_id": party, "authority": "EU", "date": "15–20 June 2022"})
    out = tmp_path / "case.ftm.json"
    export_ftm(case, out)
    entities = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    events = {e["properties"]["name"][0]: e["properties"] for e in entities
              if e["schema"] == "Event"}
    assert (events["decade"]["startDate"], events["decade"]["endDate"]) == (["2010"], ["2019"])
    assert (events["century"]["startDate"], events["century"]["endDate"]) == (["2000"],
                                                                              ["2099"])
    assert events["christmas"]["startDate"] == ["1560-12-25"]
    assert events["christmas"]["endDate"] == ["1569-12-25"]
    assert events["qualified"]["date"] == ["2004-06-11"]
    assert events["year uncertain"]["date"] == ["2004-06-11"]
    sanction = next(e["properties"] for e in entities if e["schema"] == "Sanction")
    assert sanction["listingDate"] == ["2022-06"]  # the month that holds 15-20 June
    assert sanction["summary"] == ["Listing date as given: 15–20 June 2022"]


def test_a_start_date_alone_is_a_shipments_or_a_successions_day(case, tmp_path):
    """(look21) An EconomicActivity (a customs declaration) and a Succession with only a
    startDate were stored as 'since …' and drawn as flows to this day; an ownership with
    only a start is still one that runs on."""
    from casefile.services.exchange.imports.ftm import import_ftm

    lines = [
        {"id": "a", "schema": "Company", "properties": {"name": ["OOO VEKTOR"]}},
        {"id": "b", "schema": "Company", "properties": {"name": ["Ocean Fortune Ltd"]}},
        {"id": "x", "schema": "EconomicActivity", "properties": {
            "sender": ["b"], "receiver": ["a"], "startDate": ["2022-06-15"],
            "goodsDescription": ["drone parts"]}},
        {"id": "s", "schema": "Succession", "properties": {
            "predecessor": ["b"], "successor": ["a"], "startDate": ["2023-03-15"]}},
        {"id": "o", "schema": "Ownership", "properties": {
            "owner": ["b"], "asset": ["a"], "startDate": ["2019"]}}]
    f = tmp_path / "e.ftm.json"
    f.write_text("".join(json.dumps(x) + "\n" for x in lines), "utf-8")
    import_ftm(case, f)
    with case.read() as conn:
        shipped = conn.exec_driver_sql("SELECT date_text, date_end FROM shipment").one()
        links = dict(conn.exec_driver_sql("SELECT kind, date_edtf FROM relationship").all())
    assert tuple(shipped) == ("2022-06-15", "2022-06-15")
    assert links["owns"] == "2019/.."
    assert [v for k, v in links.items() if k != "owns"] == ["2023-03-15"]


def test_an_open_event_and_shipment_come_back_open(case, tmp_path):
    """A start alone is read as a day; the case's own open dates ('since …') still come
    back as they were, by the date as given that the export writes with them."""
    from casefile.services.case.facade import Case
    from casefile.services.exchange.imports.ftm import import_ftm

    a = case.create("entity", {"name": "OOO VEKTOR"}).result
    b = case.create("entity", {"name": "Ocean Fortune Ltd"}).result
    case.create("event", {"title": "Blockade", "date": "since 24 February 2022"})
    case.create("event", {"title": "Raid", "date": "2022-03-01"})
    case.create("shipment", {"shipper_id": b, "consignee_id": a, "date": "since June 2022"})
    out = tmp_path / "case.ftm.json"
    export_ftm(case, out)
    with Case.new(tmp_path / "new.casefile") as new:
        import_ftm(new, out)
        with new.read() as conn:
            events = dict(conn.exec_driver_sql("SELECT title, date_edtf FROM event").all())
            shipped = conn.exec_driver_sql("SELECT date_edtf FROM shipment").scalar()
            about = dict(conn.exec_driver_sql("SELECT title, description FROM event").all())
    assert events == {"Blockade": "2022-02-24/..", "Raid": "2022-03-01"}
    assert shipped == "2022-06/.."
    assert "Date as given" not in about["Blockade"]


def test_a_sanction_in_force_whose_end_has_passed_goes_out_as_ended(case, tmp_path):
    """(look21) Listed 'Active' with an end date that has passed: the window and the
    dossier say it ended, the export wrote status 'in force' beside the end date. A status
    goes out as the sanction stands; none stated, none written."""
    party = case.create("entity", {"name": "Example Co"}).result
    for authority, status, end in (("UK", "in_force", "2024-01-01"),
                                   ("EU", "in_force", "2999-01-01"),
                                   ("UN", "", "2024-01-01"), ("CH", "lifted", "")):
        case.create("sanction", {"entity_id": party, "authority": authority,
                                 "status": status, "end": end})
    out = tmp_path / "case.ftm.json"
    export_ftm(case, out)
    got = {e["properties"]["authority"][0]: e["properties"].get("status")
           for e in map(json.loads, out.read_text("utf-8").splitlines())
           if e["schema"] == "Sanction"}
    assert got == {"UK": ["ended"], "EU": ["in force"], "UN": None, "CH": ["lifted"]}


def test_an_ownerships_details_go_out_as_its_properties_and_come_back_once(case, tmp_path):
    """(look21) An ownership's percentage, ownership type and shares went out only inside
    its description: FtM readers (Aleph) saw no percentage. They go out as the properties
    too, the description whole; imported back, nothing is said twice."""
    from casefile.services.case.facade import Case
    from casefile.services.exchange.imports.ftm import import_ftm

    lines = [
        {"id": "a", "schema": "Company", "properties": {"name": ["OOO VEKTOR"]}},
        {"id": "b", "schema": "Company", "properties": {"name": ["Ocean Fortune Ltd"]}},
        {"id": "o", "schema": "Ownership", "properties": {
            "owner": ["b"], "asset": ["a"], "percentage": ["51"], "role": ["beneficial owner"],
            "ownershipType": ["Shares"], "sharesCount": ["5100"],
            "description": ["Via a nominee; see the register"]}},
        {"id": "d", "schema": "Directorship", "properties": {
            "director": ["b"], "organization": ["a"], "role": ["Chief Designer"]}}]
    f = tmp_path / "in.ftm.json"
    f.write_text("".join(json.dumps(x) + "\n" for x in lines), "utf-8")
    import_ftm(case, f)
    out = tmp_path / "case.ftm.json"
    export_ftm(case, out)
    own = next(e["properties"] for e in map(json.loads, out.read_text("utf-8").splitlines())
               if e["schema"] == "Ownership")
    assert (own["percentage"], own["ownershipType"], own["sharesCount"]) == (
        ["51"], ["Shares"], ["5100"])
    with Case.new(tmp_path / "new.casefile") as new:
        import_ftm(new, out)
        with new.read() as conn:
            again = dict(conn.exec_driver_sql("SELECT kind, description FROM relationship").all())
    with case.read() as conn:
        first = dict(conn.exec_driver_sql("SELECT kind, description FROM relationship").all())
    assert again == first
    assert first["owns"] == ("Via a nominee; see the register; 51%; beneficial owner; "
                             "ownership type: Shares; shares: 5100")


def test_where_an_event_happened_is_kept_in_its_description(case, tmp_path):
    """(look21) An Event's location and country were counted as left out: an event has no
    field for a place. Its description says it, and a round trip keeps it once."""
    from casefile.services.case.facade import Case
    from casefile.services.exchange.imports.ftm import import_ftm

    f = tmp_path / "e.ftm.json"
    f.write_text(json.dumps({"id": "ev", "schema": "Event", "properties": {
        "name": ["Seizure of the cargo"], "date": ["2023-04-02"], "location": ["Новороссийск"],
        "country": ["ru"], "summary": ["The port authority held the vessel."]}},
        ensure_ascii=False) + "\n", "utf-8")
    report = import_ftm(case, f).result
    assert not any(k.startswith("Event location") or k.startswith("Event country")
                   for k in report.left_out)
    about = case.get("event", 1)["description"]
    assert about == "The port authority held the vessel.\nPlace: Новороссийск, Russia"
    out = tmp_path / "case.ftm.json"
    export_ftm(case, out)
    with Case.new(tmp_path / "new.casefile") as new:
        import_ftm(new, out)
        assert new.get("event", 1)["description"] == about
