"""Screening a case: the run, its hits and the decisions are case operations (undo, audit
chain, content digest); re-screening keeps a decision unless the list entry changed or the
score crossed a threshold; the summary the dossier prints."""

from datetime import date

import pytest

from casefile.errors import ValidationError
from casefile.services.case.integrity import check_case
from casefile.services.case.screening_ops import decide
from casefile.services.screening.results import hits
from casefile.services.screening.screen import screen_case
from casefile.services.screening.summary import screening_summary
from casefile.services.screening.watchlist_import import load
from tests.support.statements import counted
from tests.support.watchlist import ENTRIES, ftm, write_ftm, write_simple


@pytest.fixture
def listed(tmp_path):
    load(write_ftm(tmp_path / "entities.ftm.json"), "sanctions", where=tmp_path,
         dataset="sanctions")
    return tmp_path


def parties(case):
    case.create("entity", {"name": "Sergey Chemezov", "kind": "person", "country": "RU"})
    case.create("entity", {"name": "Foo Trading", "kind": "company"},
                {"identifier": [{"scheme": "INN", "value": "7707083893"}]})
    case.create("entity", {"name": "Shenzhen Dajiang Chuangxin Keji Youxian Gongsi",
                           "kind": "company"})
    case.create("entity", {"name": "Acme Widgets", "kind": "company"})


def current(case):
    with case.read() as conn:
        return hits(conn)


def test_a_run_records_its_hits_undoably_audited_and_digested(case, listed):
    parties(case)
    s = screen_case(case, "sanctions", where=listed)
    assert (s.parties, s.hits, s.flagged_open) == (4, 3, 3)
    got = {h.party: h for h in current(case)}
    assert set(got) == {"Sergey Chemezov", "Foo Trading",
                        "Shenzhen Dajiang Chuangxin Keji Youxian Gongsi"}
    assert got["Foo Trading"].list_key == "NK-tekhkrim"
    assert "check digits hold" in got["Foo Trading"].explanation
    assert got["Sergey Chemezov"].entry["properties"]["birthDate"] == ["1952-08-20"]
    assert case.undo_name == "Screen against sanctions (3 hits)"
    assert check_case(case.path).ok
    case.undo()
    assert current(case) == [] and check_case(case.path).ok
    case.redo()
    assert len(current(case)) == 3


def screened_and_decided(case, listed):
    """The parties screened, Chemezov decided a match and Tekhkrim not."""
    parties(case)
    screen_case(case, "sanctions", where=listed)
    by = {h.list_key: h for h in current(case)}
    decide(case, [by["NK-chemezov"].id], "match", "same birth date in the source")
    decide(case, [by["NK-tekhkrim"].id], "no_match", "other company")


def test_decisions_hold_across_runs_until_the_entry_changes(case, listed):
    screened_and_decided(case, listed)
    assert check_case(case.path).ok
    s = screen_case(case, "sanctions", where=listed)
    assert (s.carried, s.reopened) == (2, 0)
    by = {h.list_key: h for h in current(case)}
    assert by["NK-chemezov"].verdict == "match" and by["NK-chemezov"].carried
    assert by["NK-dji"].open
    changed = [ftm("NK-chemezov", "Person", "Sergei Viktorovich CHEMEZOV",
                   alias=["Sergey Chemezov"], birthDate="1952-08-20", country="ru",
                   position="Chairman"), *ENTRIES[1:]]
    load(write_ftm(listed / "v2.ftm.json", changed), "sanctions", where=listed)
    s = screen_case(case, "sanctions", where=listed)
    by = {h.list_key: h for h in current(case)}
    assert by["NK-chemezov"].open
    assert by["NK-chemezov"].reopened.startswith("the list entry changed: its names; it was "
                                                 "decided match by ")  # (an alias gone)
    assert by["NK-chemezov"].reopened.endswith(": same birth date in the source")  # (look30)
    assert by["NK-tekhkrim"].verdict == "no_match"
    assert s.reopened == 1
    s = screen_case(case, "sanctions", where=listed)  # again, nothing changed: still open,
    by = {h.list_key: h for h in current(case)}  # still saying why (review34: it went)
    assert by["NK-chemezov"].open and "it was decided match by " in by["NK-chemezov"].reopened
    assert s.reopened == 0


def test_the_same_list_from_its_other_file_keeps_the_decisions(case, listed):
    """(look30) OpenSanctions publishes a list as entities.ftm.json and targets.simple.csv
    side by side; loaded from the CSV after the JSON, every entry read as changed (the CSV
    carries fewer properties) and every decision was reopened, 'the list entry changed'.
    A decision holds while what screening compares — names, birth dates, countries,
    identifiers — is the same, whatever the file's layout."""
    screened_and_decided(case, listed)
    load(write_simple(listed / "targets.simple.csv"), "sanctions", where=listed)
    s = screen_case(case, "sanctions", where=listed)
    by = {h.list_key: h for h in current(case)}
    assert (by["NK-chemezov"].verdict, by["NK-tekhkrim"].verdict) == ("match", "no_match")
    assert s.reopened == 0 and s.carried == 2


def test_a_decided_entry_the_list_no_longer_says_is_sanctioned_is_reopened(case, listed):
    """(review34) Reloaded with its Sanction gone and its topics down to 'role.pep', a
    decided entry kept its decision without a word: a delisting is news to the reviewer."""
    import json

    screened_and_decided(case, listed)
    delisted = [{**e, "properties": {**e["properties"], "topics": ["role.pep"]}}
                if e["id"] == "NK-chemezov" else e for e in ENTRIES]
    path = listed / "v3.ftm.json"
    path.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in delisted),
                    "utf-8")
    load(path, "sanctions", where=listed)
    screen_case(case, "sanctions", where=listed)
    by = {h.list_key: h for h in current(case)}
    assert by["NK-chemezov"].open and by["NK-chemezov"].reopened.startswith(
        "the list entry changed: its sanctions: the list no longer says it is sanctioned")
    assert by["NK-tekhkrim"].verdict == "no_match"  # unchanged: its decision holds


def test_the_review_list_is_one_query_however_many_hits_are_decided(case, listed):
    screened_and_decided(case, listed)
    screen_case(case, "sanctions", where=listed)  # carries both decisions to the new hits
    decide(case, [h.id for h in current(case) if h.list_key == "NK-dji"], "unsure", "ask")
    with case.read() as conn, counted(case.engine) as statements:
        got = hits(conn)
    assert len(statements) == 1
    assert sorted((h.list_key, h.verdict, h.note, h.carried) for h in got) == [
        ("NK-chemezov", "match", "same birth date in the source", True),
        ("NK-dji", "unsure", "ask", False),
        ("NK-tekhkrim", "no_match", "other company", True)]
    assert all(h.reviewer is not None and h.decided_at for h in got)


def test_a_score_crossing_a_threshold_reopens(case, listed):
    parties(case)
    screen_case(case, "sanctions", where=listed)
    (h,) = [h for h in current(case) if h.list_key == "NK-chemezov"]
    decide(case, [h.id], "no_match", "")
    case.update("entity", h.entity_id, {"country": "US"})  # country differs now: 1.0 -> 0.8
    screen_case(case, "sanctions", where=listed, flag=0.9)
    (h,) = [h for h in current(case) if h.list_key == "NK-chemezov"]
    assert h.open and h.reopened.startswith("score crossed a threshold (1.00 -> 0.80)")


def test_the_gender_of_a_person_in_the_case_is_a_qualifier(case, listed):
    male = case.create("entity", {"name": "Sergey Chemezov", "kind": "person",
                                  "country": "RU", "gender": "male"}).result
    female = case.create("entity", {"name": "Sergey Chemezov", "kind": "person",
                                    "country": "RU", "gender": "Female"}).result
    unknown = case.create("entity", {"name": "Sergey Chemezov", "kind": "person",
                                     "country": "RU"}).result
    screen_case(case, "sanctions", where=listed)  # the list says he is male
    got = {h.entity_id: h for h in current(case)}
    assert got[male].score == got[unknown].score == 1.0
    assert got[female].score == pytest.approx(0.8)
    assert "gender differs -0.2" in got[female].explanation
    assert "gender" not in got[male].explanation + got[unknown].explanation
    assert got[female].features["gender_mismatch"] == 1.0


def test_bulk_no_match_needs_a_note_and_is_one_undo_step(case, listed):
    parties(case)
    screen_case(case, "sanctions", where=listed)
    ids = [h.id for h in current(case)]
    with pytest.raises(ValidationError, match="needs a note"):
        decide(case, ids, "no_match", "  ")
    with pytest.raises(ValidationError, match="no decision"):
        decide(case, ids[:1], "maybe")
    decide(case, ids, "no_match", "namesakes", reviewer="ana")
    assert all(h.verdict == "no_match" and h.reviewer == "ana" for h in current(case))
    assert case.undo_name == f"Decide “no match” on {len(ids)} hits"
    case.undo()
    assert all(h.open for h in current(case))


def test_deleting_a_party_takes_its_hits_and_decisions(case, listed):
    parties(case)
    screen_case(case, "sanctions", where=listed)
    h = current(case)[0]
    decide(case, [h.id], "unsure", "check the passport")
    case.delete("entity", h.entity_id, cascade=True)
    assert h.id not in {x.id for x in current(case)} and check_case(case.path).ok
    case.undo()
    assert {x.id: x.verdict for x in current(case)}[h.id] == "unsure"


def test_one_party_alone_and_the_summary(case, listed):
    parties(case)
    screen_case(case, "sanctions", where=listed)
    one = screen_case(case, "sanctions", party=1, where=listed)
    assert one.parties == 1 and one.hits == 1
    h = [x for x in current(case) if x.entity_id == 1][0]
    assert h.run_id == one.run_id and len(current(case)) == 3
    decide(case, [h.id], "match", "listed by OFAC", reviewer="ana")
    (s,) = screening_summary(case)
    assert (s.watchlist, s.dataset, s.list_version) == ("sanctions", "sanctions",
                                                       "2024-05-01T10:00:00")
    assert s.algorithm == "casefile-logic-v2 1" and s.parties == 4  # the whole-case run
    (d,) = s.decisions
    assert (d.party, d.verdict, d.reviewer, d.note) == ("Sergey Chemezov", "match", "ana",
                                                        "listed by OFAC")
    assert {o.list_key for o in s.open_hits} == {"NK-tekhkrim", "NK-dji"}
    assert all(o.flagged for o in s.open_hits)


def test_this_thread_and_a_worker_score_through_the_one_matcher(case, listed):
    from casefile.services.screening import name_table, pool
    from casefile.services.screening import watchlist_db as db
    from casefile.services.screening.candidates import Index
    from casefile.services.screening.screen import find, read_parties

    parties(case)
    with case.read() as conn:
        found = read_parties(conn)
    name_table.prepare()
    con = db.open_existing("sanctions", listed)
    try:
        index = Index(con)
        matched = {p.id: index.matches(p, 0.3) for p, _name in found}
        here = [(f.party.id, f.entry.key, f.result.score, f.digest)
                for f in find(index, found, 0.3)]
    finally:
        con.close()
    try:  # what a worker process runs, run here
        there = [(pid, e.key, r.score, d) for pid, e, r, d in pool._score_chunk(
            str(db.path_of("sanctions", listed)), [p for p, _n in found], 0.3)]
    finally:
        if pool._index is not None:
            pool._index[1].con.close()
            pool._index = None
    flat = [(pid, e.key, r.score, d) for pid, m in matched.items() for e, r, d in m]
    assert here == there == flat and len(flat) >= 3
    for m in matched.values():  # best first, none under the threshold, digests read
        assert [r.score for _e, r, _d in m] == sorted((r.score for _e, r, _d in m),
                                                      reverse=True)
        assert all(r.score >= 0.3 and d for _e, r, d in m)


@pytest.mark.slow
def test_worker_processes_find_what_this_thread_finds(case, listed, tmp_path):
    from casefile.services.screening.pool import ScreeningPool

    parties(case)
    here = screen_case(case, "sanctions", where=listed)
    pool = ScreeningPool(workers=2)
    try:
        seen = []
        there = screen_case(case, "sanctions", where=listed, pool=pool,
                            progress=lambda d, t, m: seen.append((d, t)))
    finally:
        pool.close()
    assert [(f.party.id, f.entry.key, f.result.score) for f in there.found] == \
        [(f.party.id, f.entry.key, f.result.score) for f in here.found]
    assert seen[-1] == (4, 4) and there.carried == 0 and there.hits == 3


def test_a_cancelled_run_leaves_nothing_in_the_case(case, listed):
    from casefile.errors import Cancelled

    parties(case)
    before = case.head_digest()

    def stop(done, total, message):
        if done == 2:
            raise Cancelled()
    with pytest.raises(Cancelled):
        screen_case(case, "sanctions", where=listed, progress=stop)
    assert current(case) == [] and case.head_digest() == before
    assert case.undo_name == "New entity “Acme Widgets”"


def test_a_decision_changed_outside_casefile_shows(case, listed):
    import sqlite3

    parties(case)
    screen_case(case, "sanctions", where=listed)
    h = current(case)[0]
    decide(case, [h.id], "match", "same person")
    path = case.path
    case.close()
    con = sqlite3.connect(path)
    con.execute("UPDATE screening_decision SET verdict = 'no_match'")
    con.commit()
    con.close()
    report = check_case(path)
    assert "screening_decision 1: changed outside Casefile" in report.problems


def test_a_confirmed_match_becomes_a_sanction_citing_the_watchlist(case, listed):
    from casefile.services.case.screening_ops import record_sanction

    parties(case)
    screen_case(case, "sanctions", where=listed)
    by = {h.list_key: h for h in current(case)}
    with pytest.raises(ValidationError, match="only a hit decided as a match"):
        record_sanction(case, by["NK-chemezov"].id)
    decide(case, [by["NK-chemezov"].id], "match", "")
    decide(case, [by["NK-tekhkrim"].id], "match", "")
    (first,) = record_sanction(case, by["NK-chemezov"].id).result
    (second,) = record_sanction(case, by["NK-tekhkrim"].id).result
    s = case.get("sanction", first)
    # the list's own sanction: its authority and programme, not the dataset's name
    assert s["entity_id"] == by["NK-chemezov"].entity_id and s["authority"] == "OFAC"
    assert s["programme"] == "RUSSIA-EO14024"
    assert s["source_url"]
    (cite,) = case.children("citation", "sanction_id", first)
    src = case.get("source", cite["source_id"])
    assert src["title"].startswith("OpenSanctions watchlist sanctions (sanctions), version")
    assert case.children("citation", "sanction_id", second)[0]["source_id"] == src["id"]
    assert case.counts()["source"] == 1 and check_case(case.path).ok
    case.undo()
    assert case.get("sanction", second) is None and case.get("sanction", first) is not None


def test_a_pep_match_is_no_sanction(case, listed):
    from casefile.services.case.screening_ops import record_sanction

    eid = case.create("entity", {"name": "John Smith", "kind": "person"}).created["entity"][0]
    screen_case(case, "sanctions", where=listed, party=eid)
    (h,) = current(case)
    decide(case, [h.id], "match", "")
    with pytest.raises(ValidationError,
                       match=r"not listed as sanctioned \(topics: role.pep; no sanctions given\)"):
        record_sanction(case, h.id)


def test_the_dossier_prints_decisions_and_open_hits(case, listed, tmp_path):
    import pypdf

    from casefile.services.exchange.export_pdf import export_dossier
    from casefile.services.queries.dossier import DossierOptions

    parties(case)
    screen_case(case, "sanctions", where=listed)
    by = {h.list_key: h for h in current(case)}
    decide(case, [by["NK-chemezov"].id], "match", "same birth date in the source",
           reviewer="ana")
    out = tmp_path / "d.pdf"
    report = export_dossier(case, out, DossierOptions(sections=("screening",)))
    # (look23) the export said nothing of the hits still to decide
    assert "2 flagged screening hits on 2 parties still wait for a decision: the dossier " \
        "prints them as open (decide them in the screening window, or with 'casefile " \
        "decide')" in report.notes
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(str(out)).pages)
                    .split())
    assert "Screening" in text and "casefile-logic-v2" in text and "CC BY-NC 4.0" in text
    assert "Decisions (1)" in text and "same birth date in the source" in text
    assert "Open hits (2)" in text and "FLAGGED, not reviewed" in text
    scoped = tmp_path / "s.pdf"  # a pack about one party keeps that party's lines only
    report = export_dossier(case, scoped, DossierOptions(sections=("screening",), entity_id=2))
    assert "1 flagged screening hit on 1 party still waits for a decision: the dossier " \
        "prints it as open (decide it in the screening window, or with 'casefile " \
        "decide')" in report.notes
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(str(scoped)).pages)
                    .split())
    assert "Decisions (0)" in text and "Open hits (1)" in text and "Foo Trading" in text


def test_a_sanction_without_an_authority_is_given_the_datasets_of_its_programmes_country():
    """(review) A US programme's sanction recorded 'US OFAC Non-SDN Lists, EU Financial
    Sanctions Files' as its authority: the EU shown imposing a US sanction. The datasets of
    the country its programme id names stand for the authority; where none can be told,
    the datasets are said as the list's, not as who imposed it."""
    from casefile.services.case.screening_ops import _authority

    both = ["US OFAC Non-SDN Lists", "EU Financial Sanctions Files"]
    assert _authority(["US-NS-CMIC"], both) == "US OFAC Non-SDN Lists"
    assert "publisher of EU Financial Sanctions Files (FSF)" in \
        _authority(["EU-UKR"], ["us_ofac_cons", "eu_fsf"])
    assert _authority([], both) == ("not named (listed in US OFAC Non-SDN Lists, EU Financial "
                                    "Sanctions Files)")
    assert _authority(["CH-RUS"], both).startswith("not named")
    # (look18) a dataset's code is said by its title, and by its official publisher
    assert _authority([], ["us_ofac_sdn"]).startswith("Office of Foreign Assets Control "
                                                      "(OFAC), publisher of US OFAC")
    assert _authority(["US-RUS"], ["us_ofac_sdn", "us_ofac_cons"]) == (
        "Office of Foreign Assets Control (OFAC), publisher of US OFAC Specially Designated "
        "Nationals (SDN) List; US OFAC Consolidated (non-SDN) List (the entry names no "
        "authority)")
    assert _authority([], ["us_ofac_sdn", "eu_fsf"]) == (
        "not named (listed in US OFAC Specially Designated Nationals (SDN) List, EU "
        "Financial Sanctions Files (FSF))")
    assert _authority([], ["xx_newer_list"]) == "xx_newer_list"
    assert _authority([], ["cn_sanctions"]) == "China Sanctions Research"  # not official


def test_a_sole_trader_is_compared_with_the_person_trading_in_their_name(case, tmp_path):
    """(look23) Customs files list a Russian sole trader, ИП, as a company: 'ИП ГРИГОРЬЕВ
    ЁЖИК АЛЕКСАНДРОВИЧ' was never compared with the person on the list, who was missed."""
    person = ftm("NK-grig", "Person", "Yozhik Aleksandrovich GRIGOREV",
                 alias=["ГРИГОРЬЕВ Ёжик Александрович"], birthDate="1975-04-02")
    company = ftm("NK-ip", "Company", "IP MARKET LLC", alias=["ИП Маркет"])
    load(write_ftm(tmp_path / "e.ftm.json", [person, company]), "sanctions", where=tmp_path,
         dataset="sanctions")
    trader = case.create("entity", {"name": "ИП ГРИГОРЬЕВ ЁЖИК АЛЕКСАНДРОВИЧ",
                                    "kind": "company"}).result
    case.create("entity", {"name": "ИПОТЕЧНЫЙ ЦЕНТР", "kind": "company"})  # no ИП: a word
    screen_case(case, "sanctions", where=tmp_path)
    got = {(h.party, h.list_key): h for h in current(case)}
    hit = got[("ИП ГРИГОРЬЕВ ЁЖИК АЛЕКСАНДРОВИЧ", "NK-grig")]
    assert hit.score >= 0.95 and hit.entity_id == trader
    assert not any(p == "ИПОТЕЧНЫЙ ЦЕНТР" for p, _k in got)


def test_a_simple_csv_sanction_is_dated_by_when_the_list_first_saw_it(case, tmp_path):
    """(look23) targets.simple.csv gives a sanction no dates: recorded from a hit it was
    undated, not drawn, and whether shipments went on after the listing could not be read.
    OpenSanctions' first sighting of the entry bounds it: listed on that day or earlier."""
    from casefile.services.case.screening_ops import record_sanction
    from casefile.services.queries.timeline import case_timeline

    row = ("NK-tps,Company,LIMITED LIABILITY COMPANY TEKHNOPROMSNAB,OOO TEKHNOPROMSNAB;ООО "
           "ТЕХНОПРОМСНАБ,,ru,,7704123450,OFAC SDN List - RUSSIA-EO14024 - Executive Order "
           "14024,,,US-RUS,us_ofac_sdn,2024-02-23T00:00:00,2026-11-28T06:12:01,"
           "2024-02-24T09:00:00")
    h, (sid,) = _matched_and_recorded(case, tmp_path, row, "ООО ТЕХНОПРОМСНАБ")
    eid = h.entity_id
    s = case.get("sanction", sid)
    assert s["date_text"] == "23 February 2024 or earlier" and s["date_end"] == "2024-02-23"
    (cite,) = case.children("citation", "sanction_id", sid)
    assert cite["excerpt"].endswith("listing date not given by the list: OpenSanctions first "
                                    "saw the entry in it on 23 February 2024, so it was listed "
                                    "then or earlier")
    with case.read() as conn:
        row = next(r for r in case_timeline(conn).rows if r.record.kind == "sanction")
    assert row.record.id == sid and row.start == date(2024, 2, 23) and row.open_end
    assert case.get("entity", eid)["name"] == "ООО ТЕХНОПРОМСНАБ"
    # (review24) recorded before today, undated: not recorded again with the date
    case.update("sanction", sid, {"date": ""})
    with pytest.raises(ValidationError, match="already has every sanction"):
        record_sanction(case, h.id)


def test_the_dossiers_screening_table_does_not_break_a_party_name_mid_word(case, tmp_path):
    """(look23) The Party column was a fixed 22% of the page: 'ПРОМЭЛЕКТРОНИ / КА-ЮГ',
    'НАУЧНО-ПРОИЗВОД / СТВЕННОЕ'."""
    import re

    import pypdf

    from casefile.services.exchange.export_pdf import export_dossier
    from casefile.services.queries.dossier import DossierOptions

    names = ['ЗАО "ПРОМЭЛЕКТРОНИКА-ЮГ"',
             'АО "НАУЧНО-ПРОИЗВОДСТВЕННОЕ ОБЪЕДИНЕНИЕ "ЭЛЕКТРОНСНАБЖЕНИЕ"']
    entries = [ftm(f"NK-{i}", "Company", n) for i, n in enumerate(names)]
    load(write_ftm(tmp_path / "e.ftm.json", entries), "long", where=tmp_path, dataset="long")
    for n in names:
        case.create("entity", {"name": n, "kind": "company"})
    screen_case(case, "long", where=tmp_path)
    assert len(current(case)) == 2
    out = tmp_path / "d.pdf"
    export_dossier(case, out, DossierOptions(sections=("screening",)))
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(str(out)).pages)
    for word in ("ПРОМЭЛЕКТРОНИКА-ЮГ", "НАУЧНО-ПРОИЗВОДСТВЕННОЕ", "ЭЛЕКТРОНСНАБЖЕНИЕ"):
        for cut in range(4, len(word) - 2):  # nowhere cut by a line break
            assert not re.search(re.escape(word[:cut]) + r"\s+" + re.escape(word[cut:]),
                                 text), (word, cut)


def test_each_sanction_of_an_entry_in_two_lists_is_given_the_list_its_programme_names(
        case, tmp_path):
    """(look23) An entry of the US and EU lists with an OFAC and an EU sanction: both were
    recorded under 'not named (listed in US OFAC …, EU Financial Sanctions Files (FSF))'."""

    row = ("NK-npo,Company,AO NPO ELEKTRONSNABZHENIE,АО НПО ЭЛЕКТРОНСНАБЖЕНИЕ,,ru,,5027120008,"
           "OFAC SDN List - RUSSIA-EO14024;Council Regulation (EU) No 833/2014 - Annex IV,,,"
           "US-RUS;EU-UKR,us_ofac_sdn;eu_fsf,2023-05-19T00:00:00,2026-11-28T06:12:01,"
           "2025-02-24T12:40:11")
    _h, made = _matched_and_recorded(case, tmp_path, row, "АО НПО ЭЛЕКТРОНСНАБЖЕНИЕ")
    said = {case.get("sanction", sid)["programme"]: case.get("sanction", sid)["authority"]
            for sid in made}
    # (review24) an entry of two lists may have been seen in one long before the other
    # listed it: its first sighting dates neither sanction
    assert all(case.get("sanction", sid)["date_text"] is None for sid in made)
    assert said["OFAC SDN List"].startswith("Office of Foreign Assets Control (OFAC), "
                                            "publisher of US OFAC Specially Designated")
    assert "EU Financial Sanctions Files (FSF)" in said["Council Regulation (EU) No 833/2014"]
    assert not any("US OFAC" in a for p, a in said.items() if p.startswith("Council"))


def _matched_and_recorded(case, tmp_path, row, party):
    """A targets.simple.csv of one ``row`` loaded, ``party`` made and screened against it,
    its one hit decided a match and recorded: (the hit, the sanctions' ids)."""
    from casefile.services.case.screening_ops import record_sanction

    f = tmp_path / "targets.simple.csv"
    f.write_text("id,schema,name,aliases,birth_date,countries,addresses,identifiers,sanctions,"
                 "phones,emails,program_ids,dataset,first_seen,last_seen,last_change\n"
                 + row + "\n", encoding="utf-8")
    load(f, "simple", where=tmp_path, dataset="sanctions")
    case.create("entity", {"name": party, "kind": "company"})
    screen_case(case, "simple", where=tmp_path)
    (h,) = current(case)
    decide(case, [h.id], "match", "")
    return h, record_sanction(case, h.id).result
