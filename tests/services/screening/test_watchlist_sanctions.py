"""A watchlist keeps the sanctions its file gives its entries (OpenSanctions-shaped fixtures:
the Sanction entities of entities.ftm.json, the sanctions cell and program_ids of
targets.simple.csv), and a screening hit keeps them in its snapshot of the entry, for the
reviewer to read — authority, programme, dates and reason."""

import json
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.services.case.facade import Case
from casefile.services.screening import watchlist_db as db
from casefile.services.screening.results import hits
from casefile.services.screening.screen import screen_case
from casefile.services.screening.watchlist_import import load
from casefile.services.screening.watchlist_sanctions import SANCTION_KEPT, sanction_of
from tests.support import ftm_cluster as fc
from tests.support.watchlist import write_ftm


def _lines(path, entities):
    path.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entities),
                    "utf-8")
    return path


def _sanctions(where, name, *keys):
    con = db.connect(db.path_of(name, where))
    try:
        return db.sanctions_of(con, list(keys))
    finally:
        con.close()


def test_the_sanction_entities_of_an_ftm_file_are_kept_with_their_entries(tmp_path):
    ents = fc.cluster()
    r = load(_lines(tmp_path / "entities.ftm.json", ents), "c", where=tmp_path)
    assert r.sanctions == sum(e["schema"] == "Sanction" for e in ents) == 7
    assert "7 sanctions kept with the entries they list" in r.said()
    got = _sanctions(tmp_path, "c", "ru-zala", "ru-aeroscan", "ru-osetrova")
    eu, ofac = got["ru-zala"]  # by the sanction's id
    assert eu["authority"] == ["Council of the European Union"]
    assert eu["programId"] == ["EU-UKR"] and eu["listingDate"] == ["2023-06-23", "2022-12-16"]
    assert eu["provisions"] == ["Asset freeze", "Prohibition to make funds available"]
    assert ofac["program"] == ["RUSSIA-EO14024"] and ofac["startDate"] == ["2022-06-28"]
    assert got["ru-aeroscan"] == [{"programId": ["CH-UKR"], "listingDate": ["2023-02-03"],
                                   "country": ["ch"]}]
    (ua,) = got["ru-osetrova"]
    assert ua["status"] == ["expired"] and ua["endDate"] == ["2024-10-30"]
    assert "duration" not in ua  # only what a reviewer reads is kept
    # a full file again without the OFAC sanction: it goes; a delta removes what it names
    load(_lines(tmp_path / "entities.ftm.json",
                [e for e in ents if e["id"] != "ofac-zala-sanction"]), "c", where=tmp_path)
    assert [s["authority"] for s in _sanctions(tmp_path, "c", "ru-zala")["ru-zala"]] == \
        [["Council of the European Union"]]
    _lines(tmp_path / "delta.json", [{"op": "DEL", "entity": {"id": "eu-zala-sanction"}}])
    load(tmp_path / "delta.json", "c", where=tmp_path)
    assert _sanctions(tmp_path, "c", "ru-zala") == {}


def test_the_sanctions_of_targets_simple_are_kept_in_parts(tmp_path):
    f = tmp_path / "targets.simple.csv"
    f.write_text(fc.targets_simple(fc.cluster()), "utf-8")
    r = load(f, "simple", where=tmp_path)
    assert r.sanctions == 8
    got = _sanctions(tmp_path, "simple", "ru-zala", "ru-aeroscan", "ru-osetrova")
    programmes = [s.get("program") for s in got["ru-zala"]]
    assert ["RUSSIA-EO14024"] in programmes
    # two sanctions and two programme ids: which is whose is not said, and that is said
    (loose,) = [s for s in got["ru-zala"] if "note" in s]
    assert loose["programId"] == ["EU-UKR", "US-RUS-EO14024"]
    assert got["ru-aeroscan"] == [{"programId": ["CH-UKR"]}]  # only an id: one of its own
    (ua,) = got["ru-osetrova"]
    assert ua["program"] == ["Decree 265/2021"] and ua["endDate"] == ["2024-10-30"]
    assert "authority" not in ua  # the file does not say it


def test_a_hit_keeps_the_entrys_sanctions_in_its_snapshot(tmp_path):
    load(write_ftm(tmp_path / "entities.ftm.json"), "sanctions", where=tmp_path)
    with Case.new(tmp_path / "c.casefile") as case:
        case.create("entity", {"name": "Sergey Chemezov", "kind": "person", "country": "RU"})
        case.create("entity", {"name": "SEA STAR", "kind": "vessel"})
        screen_case(case, "sanctions", where=tmp_path)
        with case.read() as conn:
            found = {h.list_key: h for h in hits(conn)}
    assert found["NK-chemezov"].entry["sanctions"] == [
        {"authority": ["OFAC"], "program": ["RUSSIA-EO14024"]}]
    # the list gives it none, and says so (a list holding no sanction record at all, as
    # one loaded by an earlier Casefile, leaves the key out: then it is not known)
    assert found["NK-vessel"].entry["sanctions"] == []
    assert found["NK-chemezov"].flag == 0.7 and found["NK-chemezov"].review == 0.5


_values = st.one_of(st.text(max_size=8), st.integers(), st.none(),
                    st.fixed_dictionaries({"id": st.text(max_size=5)}), st.lists(st.none()))


@settings(max_examples=80, deadline=None)
@given(st.fixed_dictionaries(
    {"id": st.one_of(st.text(max_size=6), st.none()),
     "schema": st.sampled_from(["Sanction", "Person", "", None])},
    optional={"properties": st.one_of(
        st.dictionaries(st.sampled_from([*SANCTION_KEPT, "entity", "junk"]),
                        st.one_of(_values, st.lists(_values, max_size=3)), max_size=6),
        st.text(max_size=4))}))
def test_any_sanction_entity_is_kept_as_text_or_left_out(obj):
    got = sanction_of(obj)
    if got is None:
        return
    key, listed, props = got
    assert obj["schema"] == "Sanction" and key and listed
    assert set(props) <= set(SANCTION_KEPT)
    assert all(v and all(isinstance(x, str) and x for x in v) for v in props.values())


def test_a_match_records_each_sanction_the_list_gives_even_without_topics(tmp_path):
    """targets.simple.csv gives no topics, only a sanctions cell: a confirmed match records
    each of its sanctions with its own programme, dates and status, once."""
    import pytest

    from casefile.errors import ValidationError
    from casefile.services.case.screening_ops import decide, record_sanction

    simple = tmp_path / "targets.simple.csv"
    simple.write_text(fc.targets_simple(fc.cluster()), "utf-8")
    load(simple, "c", where=tmp_path)
    case = Case.new(tmp_path / "x.casefile")
    eid = case.create("entity", {"name": "ZALA AERO", "kind": "company",
                                 "country": "RU"}).created["entity"][0]
    screen_case(case, "c", where=tmp_path, party=eid)
    with case.read() as conn:
        (h,) = [h for h in hits(conn) if h.list_key == "ru-zala"]
    decide(case, [h.id], "match", "same INN")
    made = record_sanction(case, h.id).result
    with case.read() as conn:
        got = sorted(conn.exec_driver_sql(
            "SELECT programme, program_id, start_start, status FROM sanction WHERE id IN "
            f"({','.join('?' * len(made))})", tuple(made)).all())
    assert len(made) == 2 and got == sorted([
        ("EU restrictive measures in respect of actions undermining Ukraine", "", "2022-12-16",
         ""),
        ("RUSSIA-EO14024", "", "2022-06-28", "")])
    # the programme ids the file does not attribute are said with the citation
    (cite,) = case.children("citation", "sanction_id", made[0])
    assert cite["excerpt"].endswith("not said of which sanction: EU-UKR, US-RUS-EO14024")
    with pytest.raises(ValidationError, match="already has every sanction"):
        record_sanction(case, h.id)


def test_targets_nested_json_loads_the_same_entries_and_sanctions(tmp_path):
    """OpenSanctions' targets.nested.json: each target with its sanctions and neighbours
    nested inside it. The watchlist holds each entity once and keeps the sanctions with the
    targets they list, as from entities.ftm.json."""
    from tests.support.ftm_nested import nested_targets, write_nested

    ents = fc.cluster()
    load(_lines(tmp_path / "entities.ftm.json", ents), "flat", where=tmp_path)
    nested = write_nested(tmp_path / "targets.nested.json", nested_targets(ents))
    r = load(nested, "nested", where=tmp_path)
    assert r.sanctions == 7
    targets = ["ru-zala", "ru-aeroscan", "ru-cst", "ru-osetrova", "ru-zakharov"]
    assert _sanctions(tmp_path, "nested", *targets) == _sanctions(tmp_path, "flat", *targets)
    con = db.connect(db.path_of("nested", tmp_path))
    try:
        keys = [k for (k,) in con.execute("SELECT key FROM entry ORDER BY key")]
    finally:
        con.close()
    assert len(keys) == len(set(keys)) and set(targets) <= set(keys)
    again = load(nested, "nested", where=tmp_path)
    assert (again.added, again.changed, again.removed) == (0, 0, 0)


def _matched(tmp_path, sanctions, person=None):
    """A case whose one party is matched to a list entry giving ``sanctions``."""
    from casefile.services.case.screening_ops import decide

    ents = [person or {"id": "p1", "schema": "Person", "properties": {"name": ["Ivan Petrov"]}}]
    ents += [{"id": f"s{i}", "schema": "Sanction", "properties": {"entity": ["p1"], **s}}
             for i, s in enumerate(sanctions)]
    load(_lines(tmp_path / "l.json", ents), "l", where=tmp_path)
    case = Case.new(tmp_path / "x.casefile")
    eid = case.create("entity", {"name": "Ivan Petrov", "kind": "person"}).created[
        "entity"][0]
    screen_case(case, "l", where=tmp_path, party=eid)
    with case.read() as conn:
        (h,) = hits(conn)
    decide(case, [h.id], "match", "same person")
    return case, h


def test_a_relisting_under_the_same_programme_is_recorded_too(tmp_path):
    """Delisted in 2010, listed again in 2019 under the same programme: two sanctions, the
    current one not lost behind the lifted one."""
    from casefile.services.case.screening_ops import record_sanction

    case, h = _matched(tmp_path, [
        {"authority": ["UN"], "program": ["1267"], "listingDate": ["2001-10-06"],
         "endDate": ["2010-03-01"], "status": ["delisted"]},
        {"authority": ["UN"], "program": ["1267"], "listingDate": ["2019-05-01"]}])
    made = record_sanction(case, h.id).result
    got = sorted((case.get("sanction", i)["date_text"], case.get("sanction", i)["status"])
                 for i in made)
    assert [d for d, _s in got] == ["2001-10-06", "2019-05-01"]
    assert got[0][1] in ("lifted", "ended") and got[1][1] != got[0][1]


def test_a_date_that_is_no_date_is_kept_in_words_and_the_rest_recorded(tmp_path):
    from casefile.services.case.screening_ops import record_sanction

    case, h = _matched(tmp_path, [
        {"authority": ["EU"], "program": ["UKR"], "listingDate": ["2022-02-30"]},
        {"authority": ["OFAC"], "program": ["RUSSIA-EO14024"], "listingDate": ["2022-06-28"]}])
    made = record_sanction(case, h.id).result
    by = {case.get("sanction", i)["authority"]: case.get("sanction", i) for i in made}
    assert set(by) == {"EU", "OFAC"} and by["OFAC"]["date_text"] == "2022-06-28"
    assert by["EU"]["date_text"] is None
    assert "Listing date as the list gives it: 2022-02-30 (February 2022 has 28 days" \
        in by["EU"]["reason"]


def test_a_nested_peps_posts_are_kept_in_its_entry_for_the_reviewer(tmp_path):
    """OpenSanctions nests a PEP's Occupancy (dates, status) and its Position (name,
    country) in the person's line: the entry's position says each post, dated."""
    from tests.services.test_import_ftm_posts import (
        DUMA,
        EXPECTED,
        GOVERNOR,
        OCCUPANCIES,
        PERSON,
    )
    from tests.support.ftm_nested import nested_targets, write_nested

    lines = nested_targets([PERSON, DUMA, GOVERNOR, *OCCUPANCIES], targets={PERSON["id"]})
    load(write_nested(tmp_path / "peps.nested.json", lines), "peps", where=tmp_path)
    assert _entry(tmp_path, "peps", PERSON["id"])["position"] == EXPECTED.splitlines()


def _entry(where, name, key):
    """What the watchlist ``name`` keeps of the entry ``key``."""
    con = db.connect(db.path_of(name, where))
    try:
        (data,) = con.execute("SELECT data FROM entry WHERE key = ?", (key,)).fetchone()
    finally:
        con.close()
    return json.loads(data)


def test_a_pep_nested_first_under_a_company_gets_its_posts_from_its_own_line(tmp_path):
    from tests.services.test_import_ftm_posts import (
        DUMA,
        EXPECTED,
        GOVERNOR,
        OCCUPANCIES,
        PERSON,
    )
    from tests.support.ftm_nested import nested_targets, write_nested

    company = {"id": "c1", "schema": "Company", "properties": {"name": ["Volga Trade"]}}
    director = {"id": "d1", "schema": "Directorship",
                "properties": {"director": [PERSON["id"]], "organization": ["c1"]}}
    lines = nested_targets([company, director, PERSON, DUMA, GOVERNOR, *OCCUPANCIES],
                           targets={"c1", PERSON["id"]})
    assert [x["id"] for x in lines] == ["Q4285719", "c1"]
    lines.reverse()  # the company's line, nesting the person, comes first
    load(write_nested(tmp_path / "t.nested.json", lines), "t", where=tmp_path)
    assert _entry(tmp_path, "t", PERSON["id"])["position"] == EXPECTED.splitlines()


def test_a_hit_says_the_watchlist_it_came_from(tmp_path):
    """The dialog lists the case's hits of every list it was screened against: the entry
    pane says which list each hit is from."""
    from casefile.ui.screening_hits import entry_text

    case, h = _matched(tmp_path, [{"authority": ["OFAC"]}])
    case.close()
    assert h.watchlist == "l"
    assert "from the watchlist: l" in entry_text(h).splitlines()


def test_an_entry_with_no_sanction_record_is_recorded_with_its_lists_publisher(tmp_path):
    """(look18) An OpenSanctions entry marked sanctioned with no Sanction of its own names
    its datasets by code: the recorded sanction's authority was 'us_ofac_sdn'. It is now
    the official body that publishes the list, said as its publisher, the list by its
    title; a code of no known dataset stays as given."""
    from casefile.services.case.screening_ops import record_sanction

    case, h = _matched(tmp_path, [], person={
        "id": "p1", "schema": "Person", "datasets": ["us_ofac_sdn"],
        "properties": {"name": ["Ivan Petrov"], "topics": ["sanction"],
                       "program": ["RUSSIA-EO14024"]}})
    (made,) = record_sanction(case, h.id).result
    s = case.get("sanction", made)
    assert s["authority"] == ("Office of Foreign Assets Control (OFAC), publisher of US "
                              "OFAC Specially Designated Nationals (SDN) List (the entry "
                              "names no authority)")
    assert s["programme"] == "RUSSIA-EO14024"


def test_an_entry_in_many_lists_or_recorded_before_is_recorded_once_and_fits(tmp_path):
    """(review23) An entry in 30 lists made an authority of 1,227 characters, refused by
    the field; and a sanction recorded before the lists were named by title (its
    authority the dataset's code) was recorded a second time."""
    import pytest

    from casefile.errors import ValidationError
    from casefile.services.case.screening_ops import _authority, record_sanction

    many = ["us_ofac_sdn", "eu_fsf", "gb_fcdo_sanctions", "ch_seco_sanctions",
            "ca_dfatd_sema_sanctions", "au_dfat_sanctions", "jp_mof_sanctions",
            "ua_nsdc_sanctions"] * 4
    said = _authority([], many)
    assert len(said) < 1000 and said.endswith("and 28 more lists)")
    case, h = _matched(tmp_path, [], person={
        "id": "p1", "schema": "Person", "datasets": ["us_ofac_sdn"],
        "properties": {"name": ["Ivan Petrov"], "topics": ["sanction"],
                       "program": ["RUSSIA-EO14024"]}})
    eid = case.get("screening_hit", h.id)["entity_id"]
    case.create("sanction", {"entity_id": eid, "authority": "us_ofac_sdn",
                             "programme": "RUSSIA-EO14024"})  # as recorded before
    with pytest.raises(ValidationError, match="already has every sanction"):
        record_sanction(case, h.id)


def test_a_sanction_with_dates_the_cell_does_not_place_is_recorded_from_a_match(tmp_path):
    """A targets.simple.csv sanction with a second date and no status (SECO gives a listing
    and its amendments), or one date beside 'changed' (the Czech list's 'změněn'): its
    further dates marked it as the programme ids no sanction is said to have, and a
    confirmed match never recorded it. Now it is recorded, the dates the cell does not
    place kept in its reason, and a status like 'in force' beside a date that has passed
    kept as the list's words, not as the sanction's standing (look26)."""
    from casefile.core.sanctions import standing
    from casefile.services.case.screening_ops import decide, record_sanction

    simple = tmp_path / "targets.simple.csv"
    cells = ["SECO - 2023-12-21 - 2025-04-23", "EU-TERR - změněn - 2023-06-14",
             "GPPB Blacklist - temporary debarment - 2023-01-10 - 2024-01-10"]
    simple.write_text(
        "id,schema,name,aliases,birth_date,countries,addresses,identifiers,sanctions,phones,"
        "emails,program_ids,dataset,first_seen,last_seen,last_change\n"
        f'NK-cst,Company,LLC CST,,,ru,,,"{";".join(cells)}",,,,Swiss SECO,2023-12-21,'
        "2025-05-30,2025-04-23\n", "utf-8")
    load(simple, "c", where=tmp_path)
    case = Case.new(tmp_path / "x.casefile")
    eid = case.create("entity", {"name": "LLC CST", "kind": "company",
                                 "country": "RU"}).created["entity"][0]
    screen_case(case, "c", where=tmp_path, party=eid)
    with case.read() as conn:
        (h,) = hits(conn)
    decide(case, [h.id], "match", "same name and country")
    made = record_sanction(case, h.id).result
    with case.read() as conn:
        got = {r[0]: r[1:] for r in conn.exec_driver_sql(
            "SELECT programme, start_text, end_text, status, reason, end_end FROM sanction")}
    assert len(made) == 3 and set(got) == {"SECO", "EU-TERR", "GPPB Blacklist"}
    assert got["SECO"][:3] == ("2023-12-21", None, "")
    assert "Further dates the list gives: 2025-04-23" in got["SECO"][3]
    assert got["EU-TERR"][:3] == (None, None, "ended")
    assert "Date the list gives: 2023-06-14" in got["EU-TERR"][3]
    with case.read() as conn:  # (session 22) listed on its one date or earlier, not on
        # the day OpenSanctions first saw the entry (2023-12-21) or earlier
        assert conn.exec_driver_sql("SELECT date_text FROM sanction WHERE programme = "
                                    "'EU-TERR'").scalar() == "2023-06-14 or earlier"
    assert got["GPPB Blacklist"][:3] == ("2023-01-10", None, "")
    gppb = got["GPPB Blacklist"]
    assert standing(gppb[2], gppb[1], gppb[4], date.today(), gppb[3]).text == (
        "status as listed: temporary debarment (a later date the list gives, 2024-01-10, "
        "has passed)")
