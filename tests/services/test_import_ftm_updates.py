"""A newer release of a list, imported into the case that holds the older one: a sanction it
says has ended or was lifted is marked so (look25: it stayed current and the report said
only 'already in the case'); what the case's facts leave empty is filled in; what they say
otherwise is kept and said; one undo takes it all back; the file is cited for what it
changed."""



import pytest

from casefile.services.case.integrity import check_case
from casefile.services.exchange.imports.ftm import import_ftm
from tests.support import ftm_cluster as fc

_write = fc.write_captioned


def _release(sanction: dict, percentage: str, role: str | None = None) -> list[dict]:
    owner = {"id": "NK-zakharov", "schema": "Person",
             "properties": {"name": ["Aleksandr Zakharov"], "country": ["ru"]}}
    cst = {"id": "NK-cst", "schema": "Company",
           "properties": {"name": ["LLC CST"], "country": ["ru"]}}
    owns = {"id": "NK-own", "schema": "Ownership", "properties": {
        "owner": ["NK-zakharov"], "asset": ["NK-cst"], "percentage": [percentage],
        "startDate": ["2019"], **({"role": [role]} if role else {})}}
    gb = {"id": "NK-gb-cst", "schema": "Sanction", "properties": {
        "entity": ["NK-cst"], "authority": ["HM Treasury"], "program": ["Russia"],
        "listingDate": ["2022-11-04"], "startDate": ["2022-11-04"], **sanction}}
    return [owner, cst, owns, gb]


def _sanction(case):
    with case.read() as conn:
        return conn.exec_driver_sql(
            "SELECT status, end_text, reason, program_id FROM sanction").fetchall()


def test_a_sanction_lifted_in_the_newer_release_is_marked_lifted(case, tmp_path):
    import_ftm(case, _write(tmp_path / "v1.ftm.json", _release({}, "10.5")))
    assert [tuple(r) for r in _sanction(case)] == [("", None, "", "")]
    v2 = _release({"endDate": ["2025-12-01"], "status": ["Delisted"],
                   "programId": ["GB-RUS"]}, "60")
    report = import_ftm(case, _write(tmp_path / "v2.ftm.json", v2)).result
    assert [tuple(r) for r in _sanction(case)] == [("lifted", "2025-12-01", "", "GB-RUS")]
    assert report.updated == ("Updated facts already in the case from the file: 1 sanction "
                              "marked ended or lifted (LLC CST: Russia), 1 sanction given its "
                              "programme id, 1 sanction given its end date")
    assert "updates to 1 fact already in the case" in report.headline("Imported")
    # the ownership's share is another in the newer file: the case's kept, and said
    assert report.left_out == {"Relationship description: the case's relationship already "
                               "says another; the case's kept": 1}
    with case.read() as conn:
        assert conn.exec_driver_sql("SELECT description FROM relationship").scalar() == \
            "10.5%"
        cited = conn.exec_driver_sql(
            "SELECT s.title FROM citation c JOIN source s ON s.id = c.source_id "
            "WHERE c.sanction_id IS NOT NULL ORDER BY c.id").scalars().all()
    assert cited[-1].endswith("v2.ftm.json")  # the file that lifted it is cited for it
    assert check_case(case.path).ok
    case.undo()
    assert [tuple(r) for r in _sanction(case)] == [("", None, "", "")]


def test_an_older_release_does_not_make_an_ended_sanction_current(case, tmp_path):
    ended = _release({"endDate": ["2024-10-30"], "status": ["expired"]}, "10.5")
    import_ftm(case, _write(tmp_path / "v2.ftm.json", ended))
    assert [tuple(r[:2]) for r in _sanction(case)] == [("ended", "2024-10-30")]
    older = _release({"status": ["active"]}, "10.5")
    report = import_ftm(case, _write(tmp_path / "v1.ftm.json", older)).result
    assert [tuple(r[:2]) for r in _sanction(case)] == [("ended", "2024-10-30")]
    assert "Sanction status: the case's sanction already says another; the case's kept" in \
        report.left_out
    assert report.updated == ""


def test_a_text_the_user_cut_stays_cut(case, tmp_path):
    """(review26) A reason or description the file says more in was taken whole, putting
    back what a user had cut; the case's stays, and that is said."""
    import_ftm(case, _write(tmp_path / "v1.ftm.json", _release({}, "10.5")))
    report = import_ftm(case, _write(tmp_path / "v2.ftm.json",
                                     _release({}, "10.5", role="founder"))).result
    with case.read() as conn:
        assert conn.exec_driver_sql("SELECT description FROM relationship").scalar() == \
            "10.5%"
    assert report.updated == ""
    assert "Relationship description: the case's relationship already says another; the " \
           "case's kept" in report.left_out


def test_an_earlier_listing_under_the_same_programme_is_not_taken_for_the_current(case,
                                                                                 tmp_path):
    """(review26) The case held a party's current EU listing (2022); the newer file added an
    earlier, ended one under the same programme (2014–2015), its id first: it was paired
    with the current one, which was marked ended seven years before it began."""
    current = {"startDate": ["2022-02-23"], "listingDate": [], "program": ["UKR"],
               "authority": ["EU"]}
    import_ftm(case, _write(tmp_path / "v1.ftm.json", _release(current, "10.5")))
    earlier = {"id": "NK-a-2014", "schema": "Sanction", "properties": {
        "entity": ["NK-cst"], "authority": ["EU"], "program": ["UKR"],
        "startDate": ["2014-03-17"], "endDate": ["2015-03-15"], "status": ["ended"]}}
    v2 = [earlier, *_release(current, "10.5")]
    report = import_ftm(case, _write(tmp_path / "v2.ftm.json", v2)).result
    with case.read() as conn:
        got = sorted(tuple(r) for r in conn.exec_driver_sql(
            "SELECT start_text, status, end_text FROM sanction").fetchall())
    assert got == [("2014-03-17", "ended", "2015-03-15"), ("2022-02-23", "", None)]
    assert report.sanctions == 1 and report.updated == ""


def test_the_same_file_again_changes_nothing(case, tmp_path):
    path = _write(tmp_path / "v1.ftm.json", _release({"endDate": ["2030-01-01"]}, "10.5"))
    import_ftm(case, path)
    again = tmp_path / "copy.ftm.json"
    again.write_bytes(path.read_bytes() + b"\n")
    report = import_ftm(case, again).result
    assert report.updated == "" and report.left_out == {} and report.nothing_new


def test_what_a_sanctions_fields_hold_one_of_is_kept_in_its_reason(case, tmp_path):
    """(look25) A sanction's summary, its second source page and its later start dates were
    dropped without a word; a programme longer than the field holds stopped the import."""
    long_programme = "Council Decision concerning restrictive measures " * 30
    v1 = _release({"summary": ["Secondary sanctions risk: See Section 11 of EO 14024."],
                   "sourceUrl": ["https://a.example/1", "https://a.example/2"],
                   "startDate": ["2022-11-04", "2023-06-23", "2024-02-01"],
                   "program": [long_programme]}, "10.5")
    report = import_ftm(case, _write(tmp_path / "v1.ftm.json", v1)).result
    assert report.sanctions == 1
    with case.read() as conn:
        programme, reason, url, start = conn.exec_driver_sql(
            "SELECT programme, reason, source_url, start_text FROM sanction").one()
    assert programme == "" and start == "2022-11-04" and url == "https://a.example/1"
    assert reason.splitlines() == [
        f"Programme: {long_programme.strip()}",
        "Further start dates: 2023-06-23; 2024-02-01",
        "Further source pages: https://a.example/2",
        "Summary: Secondary sanctions risk: See Section 11 of EO 14024."]


def test_of_several_countries_the_nationality_is_the_main_one(case, tmp_path):
    """(look25) A Russian-born person listed 'gb', 'ru' (FtM files list countries by code)
    with nationality 'ru' was made British; with no hint the first is taken, and said."""
    people = [{"id": "NK-z", "schema": "Person", "properties": {
                  "name": ["Svetlana Zakharova"], "country": ["gb", "ru"],
                  "nationality": ["ru"]}},
              {"id": "NK-y", "schema": "Company", "properties": {
                  "name": ["Sky Trade"], "country": ["ae", "ru"], "jurisdiction": ["ru"]}},
              {"id": "NK-x", "schema": "Person", "properties": {
                  "name": ["Ivan Petrov"], "country": ["kz", "ru"]}}]
    report = import_ftm(case, _write(tmp_path / "p.ftm.json", people)).result
    with case.read() as conn:
        got = dict(conn.exec_driver_sql(
            "SELECT name, country || ' ' || other_countries FROM entity").fetchall())
    assert got == {"Svetlana Zakharova": "RU GB", "Sky Trade": "RU AE",
                   "Ivan Petrov": "KZ RU"}
    assert list(report.warnings.values()) == [1]
    assert "no main one (mainCountry)" in next(iter(report.warnings))


def test_namesakes_already_in_the_case_are_counted_each(case, tmp_path):
    """(look25) Five homonyms of different INNs, all in the case, were said as one party
    already in the case."""
    people = [{"id": f"NK-iv{i}", "schema": "Person", "properties": {
        "name": ["ИВАНОВ ИВАН ИВАНОВИЧ"], "innCode": [inn]}}
        for i, inn in enumerate(("500100732259", "7707083893", "7736207543"))]
    path = _write(tmp_path / "iv.ftm.json", people)
    import_ftm(case, path)
    again = tmp_path / "again.ftm.json"
    again.write_bytes(path.read_bytes() + b"\n")
    report = import_ftm(case, again).result
    assert report.reused == 3 and len(report.new_entities) == 0
    assert "Already in the case (not added again): 3 parties" in report.headline("Imported")


def test_of_two_nationalities_among_the_countries_neither_is_taken_unsaid(case, tmp_path):
    """(review26) Abramovich, nationality il, pt and ru, was made Israeli without a word."""
    person = [{"id": "NK-ab", "schema": "Person", "properties": {
        "name": ["Roman Abramovich"], "country": ["il", "pt", "ru"],
        "nationality": ["il", "pt", "ru"]}}]
    report = import_ftm(case, _write(tmp_path / "a.ftm.json", person)).result
    assert "no main one (mainCountry)" in next(iter(report.warnings))


_SIMPLE = ("id,schema,name,aliases,birth_date,countries,addresses,identifiers,sanctions,"
           "phones,emails,program_ids,dataset,first_seen,last_seen,last_change\n"
           'NK-cst,Company,LLC CST,,,ru,,,"{cell}",,,CH-RUS,Swiss SECO,2023-12-21,'
           "{seen},2025-04-23\n")


def _simple(tmp_path, name, cell):
    """The list's release ``name`` (a later one was last seen later)."""
    path = tmp_path / name
    seen = "2025-05-30" if name.startswith("v1") else "2025-12-01"
    path.write_text(_SIMPLE.format(cell=cell, seen=seen), encoding="utf-8")
    return path


def _check_warning(report):
    return [w for w in report.warnings if "does not bear out" in w]


def test_an_end_date_the_file_does_not_bear_out_is_pointed_out_not_changed(case, tmp_path):
    """(review26 (a)) Before 30 November, the second date of a targets.simple.csv sanction
    with no status was read as its end: LLC CST's Swiss listing, started 2023-12-21 and
    amended 2025-04-23, read as ended. The list imported again gives that date as a further
    one. (review28) Clearing it cleared real ends too — one entities.ftm.json gave, one a
    user set: the import names the sanction to check and changes nothing."""
    cell = "SECO - Ordinance of 4 March 2022 - 2023-12-21 - 2025-04-23"
    import_ftm(case, _simple(tmp_path, "v1.simple.csv", cell))
    with case.read() as conn:
        sid = conn.exec_driver_sql("SELECT id FROM sanction").scalar()
    # the case as a Casefile before 30 November left it: the end, and 'ended' because that
    # end had passed (review27)
    case.update("sanction", sid, {"end": "2025-04-23", "status": "ended",
                                  "reason": "Ordinance of 4 March 2022"})
    report = import_ftm(case, _simple(tmp_path, "v2.simple.csv", cell)).result
    assert [tuple(r[:3]) for r in _sanction(case)] == [
        ("ended", "2025-04-23", "Ordinance of 4 March 2022")]
    assert _check_warning(report) == [
        "1 sanction in the case has an end date or an 'in force' this file does not bear out "
        "— it gives the end as a date it does not place, or gives a later date that has "
        "passed (Casefile before 1 December read such dates as the end) — left as it is; "
        "check it: LLC CST: SECO"]


@pytest.mark.parametrize("cell,end,status,warned", [
    ("EU-TERR - Osoba - změněn - 2023-06-14", "2023-06-14", "ended", True),  # (look26)
    ("EU-TERR - Osoba - změněn - 2023-06-14", "2024-01-31", "ended", False),
    ("SECO - Ordinance - 2023-12-21 - 2025-04-23", "2026-01-31", "", False),  # a user's
    ("GPPB Blacklist - temporary debarment - 2023-01-10 - 2024-01-10", None, "in_force",
     True)])  # an earlier import's 'in force' beside a date that has passed (review28)
def test_what_the_file_does_not_bear_out_is_kept_and_named(case, tmp_path, cell, end,
                                                            status, warned):
    import_ftm(case, _simple(tmp_path, "v1.simple.csv", cell))
    with case.read() as conn:
        sid = conn.exec_driver_sql("SELECT id FROM sanction").scalar()
    case.update("sanction", sid, {"end": end, "status": status})
    report = import_ftm(case, _simple(tmp_path, "v2.simple.csv", cell)).result
    assert [tuple(r[:2]) for r in _sanction(case)] == [(status, end)]
    assert bool(_check_warning(report)) == warned


def test_a_status_the_list_words_anew_is_taken(case, tmp_path):
    """(look26) A court stage the list changed ('Final consent judgement' to 'Dismissed'),
    kept in words in the reason, stayed as it was, and the report said only that the
    reason 'already says another'. When only the list's own status words differ, the
    file's are taken, and said."""
    import_ftm(case, _simple(tmp_path, "v1.simple.csv",
                             "SEC Litigation - Fraud - Final consent judgement - 2024-05-01"))
    report = import_ftm(case, _simple(tmp_path, "v2.simple.csv",
                                      "SEC Litigation - Fraud - Dismissed - 2024-05-01")).result
    (status, end, reason, _pid), = _sanction(case)
    assert (status, end, reason) == ("", None, "Fraud; Status as listed: Dismissed")
    assert report.updated == ("Updated facts already in the case from the file: 1 sanction "
                              "given its status as listed")
    assert report.left_out == {}


def test_a_party_the_newer_release_leaves_out_is_named(case, tmp_path):
    """(look26) A newer release without a party an earlier one listed — the likeliest sign
    it was delisted — said only 'Already in the case: 79 parties'. The report names whom
    the file no longer gives. (review28) Every OpenSanctions export is called
    targets.simple.csv: another list's file, or a party the release gives under a new id
    that matched, is no delisting."""
    header = _SIMPLE.split("\n", 1)[0] + "\n"
    row = ('{id},Company,{name},,,ru,,,"{prog} - 2022-01-01",,,,{list},2022-01-01,{seen},'
           "2022-01-01\n")

    def release(folder, *rows):
        path = tmp_path / folder / "targets.simple.csv"
        path.parent.mkdir()
        path.write_text(header + "".join(row.format(seen=folder, **r) for r in rows), "utf-8")
        return path

    ofac = {"prog": "SDGT", "list": "US OFAC SDN"}
    eu = {"prog": "EU-UKR", "list": "EU FSF"}
    import_ftm(case, release("ofac1", {"id": "NK-cst", "name": "LLC CST", **ofac},
                             {"id": "NK-zala", "name": "ZALA AERO", **ofac},
                             {"id": "NK-jh", "name": "Shenzhen Jinghua", **ofac}))
    other = import_ftm(case, release("eu1", {"id": "NK-pet", "name": "Maria Petrova", **eu}))
    assert not [w for w in other.result.warnings if "earlier import" in w]
    report = import_ftm(case, release("ofac2", {"id": "NK-cst", "name": "LLC CST", **ofac},
                                      {"id": "Q123", "name": "Shenzhen Jinghua", **ofac})).result
    assert [w for w in report.warnings if "earlier import" in w] == [
        "1 party an earlier import of targets.simple.csv from the same list brought in is not "
        "in this file (ZALA AERO): a newer release of a list leaves out whom it delisted — "
        "check its sanctions"]


def test_a_note_beside_the_lists_status_words_is_kept(case, tmp_path):
    """(review28) A user's note after the list's words ('— appeal pending') was dropped
    when the newer release changed the words."""
    import_ftm(case, _simple(tmp_path, "v1.simple.csv",
                             "SEC Litigation - Fraud - Final consent judgement - 2024-05-01"))
    with case.read() as conn:
        sid = conn.exec_driver_sql("SELECT id FROM sanction").scalar()
    noted = "Fraud; Status as listed: Final consent judgement — appeal pending (analyst)"
    case.update("sanction", sid, {"reason": noted})
    report = import_ftm(case, _simple(tmp_path, "v2.simple.csv",
                                      "SEC Litigation - Fraud - Dismissed - 2024-05-01")).result
    assert _sanction(case)[0][2] == noted
    assert "Sanction reason: the case's sanction already says another; the case's kept" in \
        report.left_out


def test_the_one_date_of_an_ended_sanction_dates_its_listing(case, tmp_path):
    """(session 22) The one date of a sanction the list says has ended ('změněn', the Czech
    list's 'changed') may be its start or its end: it was kept in the reason only, and the
    sanction had no date — not on the timeline. Listed before it began and before it ended,
    it was listed on that day or earlier: so it is dated, and drawn there as ended."""
    from datetime import date

    from casefile.services.queries.timeline import timeline_records

    import_ftm(case, _simple(tmp_path, "v1.simple.csv", "EU-TERR - Osoba - změněn - 2023-06-14"))
    with case.read() as conn:
        (when, status, reason), = conn.exec_driver_sql(
            "SELECT date_text, status, reason FROM sanction").fetchall()
        (drawn,) = timeline_records(conn, ("sanction",))
    assert (when, status) == ("2023-06-14 or earlier", "ended")
    assert "Date the list gives: 2023-06-14" in reason  # which it is: still said
    # drawn up to that day, begun before it: not a dot of an exact day (review31)
    assert (drawn.start, drawn.end) == (None, date(2023, 6, 14))
    assert drawn.standing.startswith("ended")
    from casefile.core.timeline import build_timeline

    assert [r.style for r in build_timeline([drawn]).rows] == ["open_start"]


def test_a_listing_or_earlier_that_holds_the_cases_is_no_other_listing(case, tmp_path):
    """(session 22) A sanction the case holds from the full data (listed 2021-05-01), and
    targets.simple.csv's one date of it ended: '2023-06-14 or earlier' holds 2021-05-01 — the
    same listing said with less; it is marked ended, not left as another listing."""
    full = [{"id": "NK-cst", "schema": "Company",
             "properties": {"name": ["LLC CST"], "country": ["ru"]}},
            {"id": "NK-cst-terr", "schema": "Sanction", "properties": {
                "entity": ["NK-cst"], "program": ["EU-TERR"], "listingDate": ["2021-05-01"]}}]
    import_ftm(case, _write(tmp_path / "full.ftm.json", full))
    report = import_ftm(case, _simple(tmp_path, "v1.simple.csv",
                                      "EU-TERR - Osoba - změněn - 2023-06-14")).result
    with case.read() as conn:
        got = conn.exec_driver_sql("SELECT date_text, status FROM sanction").fetchall()
    assert [tuple(r) for r in got] == [("2021-05-01", "ended")]
    assert report.sanctions == 0
    assert "marked ended or lifted" in report.updated
    assert not [k for k in report.left_out if "listing date" in k]


@pytest.mark.parametrize("listed", ["2024-01-01", "2023", "2020-05-01"])
def test_the_file_again_adds_no_second_sanction_whatever_the_cases_listing(case, tmp_path,
                                                                           listed):
    """(review31) With its one date read as a listing '2023-06-14 or earlier', the same
    targets.simple.csv imported again added a second sanction where a user had set a later
    listing date (2024-01-01), and left 'another listing date' out where it was 2023."""
    cell = "EU-TERR - Osoba - změněn - 2023-06-14"
    import_ftm(case, _simple(tmp_path, "v1.simple.csv", cell))
    with case.read() as conn:
        sid = conn.exec_driver_sql("SELECT id FROM sanction").scalar()
    case.update("sanction", sid, {"date": listed, "status": ""})
    report = import_ftm(case, _simple(tmp_path, "v2.simple.csv", cell)).result
    with case.read() as conn:
        got = conn.exec_driver_sql("SELECT date_text, status FROM sanction").fetchall()
    assert [tuple(r) for r in got] == [(listed, "ended")]  # one, marked ended again
    assert report.sanctions == 0
    assert not [k for k in report.left_out if "listing date" in k]


def test_the_report_says_how_a_sanctions_one_date_is_kept(case, tmp_path):
    report = import_ftm(case, _simple(tmp_path, "v1.simple.csv",
                                      "EU-TERR - Osoba - změněn - 2023-06-14")).result
    assert any("is listed on that date or earlier and keeps the date in its reason" in w
               for w in report.warnings)  # (review31: it said 'in its reason' only)
