"""A sanction that has ended is shown as ended everywhere: the record list, the timeline and
the dossier say 'ended' or 'lifted' with the end date, by one rule (core.sanctions.standing,
and its SQL twin for the views that read rows straight from the case)."""

import itertools
from datetime import date, timedelta

import pypdf
import pytest

from casefile.core.sanctions import standing, status_of
from casefile.services.exchange.export_pdf import export_dossier
from casefile.services.queries.dossier import DossierOptions
from casefile.services.queries.listing import list_records
from casefile.services.queries.standing import ended_sql, standing_sql
from casefile.services.queries.timeline import case_timeline

TODAY = date(2025, 6, 1)


@pytest.mark.parametrize("words,status", [
    ("active", "in_force"), ("Active", "in_force"), ("expired", "ended"),
    ("De-listed", "lifted"), ("не діє", "ended"),
    ("скасовано", "lifted"), ("ended", "ended"), ("in_force", "in_force"),
    ("under review", None), ("", None), (None, None),
    # (research27) what OpenSanctions' crawlers write: Czech, the DFSA's and the FDA's words,
    # a remark in brackets or after a dash
    ("zrušen", "lifted"), ("platný", "in_force"), ("změněn", "ended"),
    ("Past (expired 12 March 2024)", "ended"), ("temporary debarment", "in_force"),
    ("Reinstated – Adequate Assurances1", "lifted"), ("Totally Restricted", "in_force"),
    # 'excluded' was read as lifted (Ukraine NSDC's word for removed from the list); a US
    # Medicaid list's 'Excluded' and 'Terminated' mean barred now: neither is presumed, nor
    # a court stage
    ("excluded", None), ("Terminated", None), ("Final consent judgement", None),
    # (review27) a remark that is no status word is no remark to read past: a reason
    ("Sanctioned (under EO 14024)", None), ("Suspended (pending review)", None),
    ("Other", None)])
def test_the_words_lists_write_in_a_status(words, status):
    assert status_of(words) == status


def test_the_sql_says_what_the_core_says(case):
    statuses = ("", "in_force", "ended", "lifted")
    ends = ((None, None), ("2024-10-30", "2024-10-30"), ("2026", "2026-12-31"),
            ("May 2025", "2025-05-31"), ("June 2025", "2025-06-30"))
    # (look26) a status word the case does not read as one of its own, kept in the reason
    reasons = (None, "", "Supplies drones", "Supplies drones; Status as listed: Excluded",
               "Status as listed: Final consent judgement \nFurther dates the list gives: 2024",
               # (review28) as a reason may hold them: a line break of Windows, a no-break
               # space, the words twice, mid-sentence, or quoted in a user's own words
               "Fraud; Status as listed: Excluded\r\nFurther dates", "Status as listed: "
               "Filed\u00a0", "x; Status as listed: Filed; Status as listed: Dismissed",
               "Supplies drones. Status as listed: Excluded",
               "Court noted: 'Status as listed: active' was wrong; lifted 2024",
               "Note\nStatus as listed: temporary debarment (a later date the list gives, "
               "2024-01-10, has passed)\nFurther")
    with case.engine.begin() as conn:
        for status, (text, last), reason in itertools.product(statuses, ends, reasons):
            core = standing(status, text, last, TODAY, reason)
            sql = conn.exec_driver_sql(
                f"SELECT {standing_sql('x', repr(TODAY.isoformat()))}, "
                f"{ended_sql('x', repr(TODAY.isoformat()))} FROM (SELECT ? AS status, "
                "? AS end_text, ? AS end_end, ? AS reason) x",
                (status, text, last, reason)).one()
            assert (sql[0], bool(sql[1])) == (core.text, core.ended), (status, text, reason)
    assert standing("", None, None, TODAY, "x; Status as listed: Excluded").text == \
        "status as listed: Excluded"
    assert standing("", None, None, TODAY, "Court noted: 'Status as listed: active' was "
                    "wrong").text == "no status or end date recorded"
    assert standing("", "2031-05-14", "2031-05-14", TODAY, "Status as listed: excluded"
                    ).text == "until 2031-05-14 (status as listed: excluded)"
    assert standing("", "2024-10-30", "2024-10-30", TODAY).text == "ended 2024-10-30"
    assert standing("in_force", "2026", "2026-12-31", TODAY).text == "in force until 2026"
    assert standing("lifted", None, None, TODAY).text == "lifted"


@pytest.fixture
def sanctioned(case):
    """A Ukrainian sanction that expired on 2024-10-30, one lifted, one in force."""
    person = case.create("entity", {"name": "Maria Aleksandrovna Osetrova",
                                    "kind": "person"}).result
    ua = case.create("sanction", {"entity_id": person, "authority": "NSDC of Ukraine",
                                  "programme": "Decree 265/2021", "start": "2021-05-14",
                                  "end": "2024-10-30", "status": "in_force"}).result
    eu = case.create("sanction", {"entity_id": person, "authority": "EU",
                                  "program_id": "EU-UKR", "date": "2022-03-15",
                                  "end": "2023-09-14", "status": "lifted"}).result
    later = (date.today() + timedelta(days=400)).isoformat()
    us = case.create("sanction", {"entity_id": person, "authority": "OFAC",
                                  "programme": "RUSSIA-EO14024", "date": "2022-04-06",
                                  "end": later}).result
    return ua, eu, us, later


def test_the_record_list_says_ended_and_lifted(case, sanctioned):
    ua, eu, us, later = sanctioned
    with case.read() as conn:
        rows = list_records(conn, "sanction")
    by_id = dict(zip(rows.ids, rows.rows, strict=True))
    status = [c.key for c in rows.columns].index("status")
    programme = [c.key for c in rows.columns].index("programme")
    assert by_id[ua][status] == "ended 2024-10-30"  # its end has passed, whatever it said
    assert by_id[eu][status] == "lifted 2023-09-14"
    assert by_id[us][status] == f"until {later}"
    assert by_id[eu][programme] == "EU-UKR"  # only a programme id: shown, not empty


def test_the_record_list_says_a_standing_left_open_in_a_word_the_column_holds(case):
    """Three quarters of a list's sanctions give neither status nor end: the Status column
    says 'not stated' (the dossier's sentence says 'no status or end date recorded';
    the column cut it to 'no status or end date r…')."""
    person = case.create("entity", {"name": "ZALA AERO"}).result
    open_ = case.create("sanction", {"entity_id": person, "authority": "HM Treasury",
                                     "programme": "Russia", "date": "2022-03-24"}).result
    with case.read() as conn:
        rows = list_records(conn, "sanction")
    status = [c.key for c in rows.columns].index("status")
    assert dict(zip(rows.ids, rows.rows, strict=True))[open_][status] == "not stated"


def test_the_timeline_says_ended_with_the_end_date(case, sanctioned):
    ua, eu, us, _later = sanctioned
    with case.read() as conn:
        tl = case_timeline(conn)
    rows = {row.record.id: row for row in tl.rows}
    assert rows[ua].record.label.endswith("— ended 2024-10-30")
    assert rows[ua].start == date(2021, 5, 14)  # no listing date: drawn when it took effect
    assert "Status: ended 2024-10-30" in rows[ua].tooltip()
    assert rows[eu].record.label == "Sanction: EU (EU-UKR) — Maria Aleksandrovna Osetrova — " \
                                    "lifted 2023-09-14"
    assert "ended" not in rows[us].record.label and "lifted" not in rows[us].record.label


def test_a_sanctions_label_names_what_it_has_and_the_lists_words(case):
    """(look26) An empty authority printed 'Sanction:  (…)'; a Czech legal reference of 300
    characters pushed the standing off the label; the Status column said 'not stated' of
    a sanction whose reason keeps the list's status words."""
    person = case.create("entity", {"name": "Oksana Marčenko", "kind": "person"}).result
    czech = "čl. 2 odst. 3 bod ii) nařízení Rady (ES) č. 2580/2001 " * 6
    cz = case.create("sanction", {"entity_id": person, "programme": czech.strip(),
                                  "start": "2023-01-01", "end": "2024-01-01",
                                  "status": "ended"}).result
    sec = case.create("sanction", {"entity_id": person, "programme": "SEC Litigation",
                                   "start": "2024-05-01",
                                   "reason": "Fraud; Status as listed: Dismissed"}).result
    fr = case.create("sanction", {"entity_id": person, "authority": "Trésor",
                                  "programme": "(UE) 2023/1216 " + "(UE Ukraine) " * 8,
                                  "start": "2023-06-23"}).result
    with case.read() as conn:
        rows = {row.record.id: row for row in case_timeline(conn).rows}
        listed = list_records(conn, "sanction")
    # (review28) a programme that begins in brackets is not bracketed again, cut or not
    assert rows[fr].record.label.startswith("Sanction: Trésor (UE) 2023/1216 (UE Ukraine)")
    assert "…" in rows[fr].record.label and "((" not in rows[fr].record.label
    assert rows[cz].record.label.startswith("Sanction: (čl. 2 odst. 3")
    assert "…) — Oksana Marčenko — ended 2024-01-01" in rows[cz].record.label
    assert rows[sec].record.label == "Sanction: (SEC Litigation) — Oksana Marčenko"
    status = [c.key for c in listed.columns].index("status")
    assert dict(zip(listed.ids, listed.rows, strict=True))[sec][status] == \
        "status as listed: Dismissed"


def test_the_timeline_draws_a_sanction_for_its_time_in_force(case, sanctioned):
    ua, eu, us, later = sanctioned
    person = case.create("entity", {"name": "In force", "kind": "person"}).result
    open_ = case.create("sanction", {"entity_id": person, "authority": "OFAC",
                                     "date": "2021"}).result
    with case.read() as conn:
        rows = {row.record.id: row for row in case_timeline(conn).rows}
    assert (rows[ua].start, rows[ua].end) == (date(2021, 5, 14), date(2024, 10, 30))
    assert (rows[eu].start, rows[eu].end) == (date(2022, 3, 15), date(2023, 9, 14))
    assert rows[us].end == date.fromisoformat(later) and not rows[us].open_end
    assert rows[open_].open_end and rows[open_].start == date(2021, 1, 1)  # still in force


def test_the_dossier_says_ended_and_lifted(case, sanctioned, tmp_path):
    out = tmp_path / "d.pdf"
    export_dossier(case, out)
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(out).pages).split())
    assert "NSDC of Ukraine Decree 265/2021, in force from 2021-05-14, ended 2024-10-30" in text
    assert "EU EU-UKR, listed 2022-03-15, lifted 2023-09-14" in text
    assert "Maria Aleksandrovna Osetrova — ended 2024-10-30" in text  # the chronology


def test_a_sanction_with_neither_status_nor_end_says_so():
    said = standing("", None, None, TODAY)
    assert said.text == "no status or end date recorded" and not said.ended
    assert standing("", "2033-02-19", "2033-02-19", TODAY).text == "until 2033-02-19"


def test_a_sanction_known_only_by_its_end_is_dated_until_it_everywhere(case, tmp_path):
    """(look21) A sanction whose list gives only when it ended was drawn on the timeline
    as ': Sanction …' (no date before the colon), and the dossier's chronology called it
    'undated' beside the bar the figure drew for it."""
    person = case.create("entity", {"name": "Unnamed small Russian distributor"}).result
    sid = case.create("sanction", {"entity_id": person, "authority": "NSDC of Ukraine",
                                   "programme": "Decree 265/2021", "status": "ended",
                                   "end": "2022-10-30"}).result
    with case.read() as conn:
        row = next(r for r in case_timeline(conn).rows if r.record.id == sid)
    assert row.record.date_text == "until 2022-10-30"
    assert row.open_start and row.end == date(2022, 10, 30)
    out = tmp_path / "d.pdf"
    export_dossier(case, out, DossierOptions(sections=("chronology",)))
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(out).pages).split())
    assert ("1 until 2022-10-30 Sanction NSDC of Ukraine Decree 265/2021: Unnamed small "
            "Russian distributor") in text  # (with its programme: session 22)
    assert "undated" not in text
