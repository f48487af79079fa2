"""The screening dialog on real widgets: Screen Case on the worker (progress, result), the
review list best first with the explanation and both records, Match / No match / Unsure as
undoable decisions, bulk "no match" only with a note."""

import time

import pytest

from casefile.services.case.facade import Case
from casefile.services.screening.pool import ScreeningPool
from casefile.services.screening.watchlist_import import load
from casefile.ui.app import register_fonts
from casefile.ui.screening_dialog import ScreeningDialog
from casefile.ui.session import CaseSession
from tests.support.watchlist import write_ftm


@pytest.fixture
def session(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    load(write_ftm(tmp_path / "entities.ftm.json"), "sanctions", dataset="sanctions")
    path = tmp_path / "c.casefile"
    with Case.new(path) as case:
        case.create("entity", {"name": "Sergey Chemezov", "kind": "person", "country": "RU"})
        case.create("entity", {"name": "Foo Trading", "kind": "company"},
                    {"identifier": [{"scheme": "INN", "value": "7707083893"}]})
        case.create("entity", {"name": "Shenzhen Dajiang Chuangxin Keji Youxian Gongsi",
                               "kind": "company"})
    s = CaseSession()
    s.open(path)
    qtbot.waitUntil(lambda: s.case is not None, timeout=10000)
    yield s
    s.shut_down()


def idle(qtbot, s):
    # the person-name table opens (or is built, the first time)
    qtbot.waitUntil(lambda: s.worker.pending == 0, timeout=120000)


def _screened(qtbot, session):
    """The dialog shown, the case screened (in this process) and its three hits listed."""
    dlg = ScreeningDialog(session, workers=0)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.mouseClick(dlg.screen_button, qtbot_button())
    idle(qtbot, session)
    qtbot.waitUntil(lambda: dlg.model.rowCount() == 3, timeout=10000)
    return dlg


def test_screen_review_and_decide(qtbot, qapp, session, tmp_path):
    register_fonts(qapp)  # as the application does: CJK names drawn, not as boxes
    dlg = ScreeningDialog(session, workers=0)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.watchlists.currentText() == "sanctions"
    qtbot.mouseClick(dlg.screen_button, qtbot_button())
    idle(qtbot, session)
    qtbot.waitUntil(lambda: dlg.model.rowCount() == 3, timeout=10000)
    assert "Screened 3 parties against sanctions" in dlg.status.text()
    scores = [h.score for h in dlg.model.rows]
    assert scores == sorted(scores, reverse=True)
    dlg.table.selectRow(0)
    idle(qtbot, session)
    top = dlg.model.rows[0]
    assert top.party == "Sergey Chemezov"
    assert "chemezov" in dlg.explanation.text().lower()
    assert "Sergei Viktorovich CHEMEZOV" in dlg.entry_view.toPlainText()
    assert dlg.party_view.toPlainText().startswith("Sergey Chemezov")
    dlg.grab().save(str(tmp_path / "screening.png"))
    qtbot.mouseClick(dlg.buttons["match"], qtbot_button())
    idle(qtbot, session)
    qtbot.waitUntil(lambda: dlg.model.rows[0].verdict == "match", timeout=10000)
    assert dlg.model.data(dlg.model.index(0, 5)) == "match"
    assert session.case.undo_name.startswith("Decide “match” on")
    qtbot.waitUntil(dlg.sanction_button.isEnabled, timeout=5000)
    qtbot.mouseClick(dlg.sanction_button, qtbot_button())
    idle(qtbot, session)
    assert "Recorded 1 sanction of Sergey Chemezov" in dlg.status.text()
    assert session.case.counts()["sanction"] == 1

    dlg.table.selectAll()
    idle(qtbot, session)
    assert not dlg.buttons["match"].isEnabled() and dlg.buttons["no_match"].isEnabled()
    qtbot.mouseClick(dlg.buttons["no_match"], qtbot_button())
    assert "Write a note" in dlg.status.text()
    dlg.note.setText("namesakes, checked registry")
    qtbot.mouseClick(dlg.buttons["no_match"], qtbot_button())
    idle(qtbot, session)
    qtbot.waitUntil(lambda: all(h.verdict == "no_match" for h in dlg.model.rows),
                    timeout=10000)
    assert dlg.model.rows[0].note == "namesakes, checked registry"


def qtbot_button():
    from PySide6.QtCore import Qt
    return Qt.MouseButton.LeftButton


@pytest.mark.slow
def test_screen_this_party_from_the_main_window(qtbot, window, tmp_path, monkeypatch):
    from tests.ui.conftest import choose_kind, wait_idle

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data2"))
    load(write_ftm(tmp_path / "entities.ftm.json"), "sanctions", dataset="sanctions")
    path = tmp_path / "w.casefile"
    with Case.new(path) as case:
        case.create("entity", {"name": "Acme Widgets", "kind": "company"})
        case.create("entity", {"name": "Sergey Chemezov", "kind": "person"})
    window.open_path(path)
    qtbot.waitUntil(lambda: window.case is not None, timeout=10000)
    choose_kind(qtbot, window, "entity")
    window.records.view.selectRow(1)
    wait_idle(qtbot, window)
    monkeypatch.setattr("casefile.ui.screening_dialog.ScreeningPool",
                        lambda n: ScreeningPool(1))
    window.menus.screen_party.trigger()
    dlg = window.commands.dialogs["screening"]
    assert dlg.pool is not None and dlg.pool.workers == 1
    assert dlg.screen_button.text() == "Screen This Party" and dlg.party is not None
    ticks = []  # the window keeps answering while a worker process starts and scores
    from PySide6.QtCore import QTimer
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(50)
    started = time.monotonic()
    qtbot.mouseClick(dlg.screen_button, qtbot_button())
    wait_idle(qtbot, window, timeout=120000)
    qtbot.waitUntil(lambda: dlg.model.rowCount() == 1, timeout=120000)
    timer.stop()
    elapsed = time.monotonic() - started
    assert len(ticks) * 0.05 >= 0.5 * elapsed, (len(ticks), elapsed)
    assert dlg.model.rows[0].list_key == "NK-chemezov"
    assert "Screened 1 party" in dlg.status.text()
    dlg.close()
    assert dlg.pool is None


def test_load_a_watchlist_from_the_dialog_with_its_licence(qtbot, session, tmp_path):
    from tests.support.watchlist import ftm

    dlg = ScreeningDialog(session, workers=0)
    qtbot.addWidget(dlg)
    (tmp_path / "pep").mkdir()
    f = write_ftm(tmp_path / "pep" / "entities.ftm.json", [ftm("P-1", "Person", "Anna Li")])
    dlg.load_watchlist(f)
    assert not dlg.screen_button.isEnabled() and dlg.cancel_button.isEnabled()
    idle(qtbot, session)
    assert dlg.watchlists.currentText() == "pep"
    assert "pep: 1 added" in dlg.status.text() and "CC BY-NC 4.0" in dlg.status.text()
    assert dlg.screen_button.isEnabled() and not dlg.cancel_button.isEnabled()
    (tmp_path / "pep" / "bad.ftm.json").write_text("{oops\n", "utf-8")
    dlg.load_watchlist(tmp_path / "pep" / "bad.ftm.json")
    idle(qtbot, session)
    assert "bad.ftm.json, line 1: not valid JSON" in dlg.status.text()


def test_a_load_that_would_empty_most_of_a_list_asks_and_loads_only_when_told(
        qtbot, session, tmp_path):
    """(look15) The window showed the refusal of a file that would remove more than half of
    a list, and named a command-line option as the only way past it."""
    from PySide6.QtWidgets import QMessageBox

    from casefile.services.screening import watchlist_db as db
    from tests.support.watchlist import ftm

    dlg = ScreeningDialog(session, workers=0)
    qtbot.addWidget(dlg)
    dlg.show()
    folder = tmp_path / "pep"
    folder.mkdir()
    whole = [ftm(f"P-{k}", "Person", f"Анна Ли {k}") for k in range(40)]
    dlg.load_watchlist(write_ftm(folder / "entities.ftm.json", whole))
    idle(qtbot, session)
    assert "pep: 40 added" in dlg.status.text()
    cut = write_ftm(folder / "entities.ftm.json", whole[:12])  # a download cut short
    dlg.load_watchlist(cut)
    idle(qtbot, session)
    box = dlg.confirm
    assert box is not None and box.isVisible()
    assert "would remove 28 of the 40 entries" in box.text() and "“pep”" in box.text()
    assert "--shrink" not in box.text() and "--shrink" not in dlg.status.text()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    box.grab().save(str(tmp_path / "shrink.png"))
    box.button(QMessageBox.StandardButton.No).click()  # Keep the list
    idle(qtbot, session)
    assert db.list_all()[0].entries == 40 and dlg.confirm is None
    dlg.load_watchlist(cut)
    idle(qtbot, session)
    dlg.confirm.button(QMessageBox.StandardButton.Yes).click()  # Load anyway
    idle(qtbot, session)
    qtbot.waitUntil(lambda: "28 removed" in dlg.status.text(), timeout=10000)
    assert db.list_all()[0].entries == 12


def test_delete_a_watchlist_after_asking_and_keep_the_cases_decisions(qtbot, session,
                                                                       tmp_path):
    from PySide6.QtWidgets import QMessageBox

    from casefile.services.screening import watchlist_db as db
    from casefile.services.screening.summary import screening_summary

    dlg = _screened(qtbot, session)
    dlg.table.selectRow(0)
    qtbot.mouseClick(dlg.buttons["match"], qtbot_button())
    idle(qtbot, session)
    assert dlg.delete_button.isEnabled()
    qtbot.mouseClick(dlg.delete_button, qtbot_button())
    box = dlg.confirm
    assert box is not None and box.isVisible()
    text = box.text()
    assert "“sanctions”" in text and "version 2024-05-01T10:00:00" in text
    assert "6 entries" in text and "kB" in text and "keeps its screening runs" in text
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    box.grab().save(str(tmp_path / "delete_watchlist.png"))
    box.button(QMessageBox.StandardButton.No).click()  # kept
    idle(qtbot, session)
    assert [w.name for w in db.list_all()] == ["sanctions"]
    qtbot.mouseClick(dlg.delete_button, qtbot_button())
    dlg.confirm.button(QMessageBox.StandardButton.Yes).click()
    idle(qtbot, session)
    qtbot.waitUntil(lambda: "Deleted the watchlist sanctions" in dlg.status.text(),
                    timeout=10000)
    assert db.list_all() == [] and dlg.watchlists.count() == 0
    assert not dlg.delete_button.isEnabled()
    dlg.grab().save(str(tmp_path / "deleted.png"))
    dlg.refresh()  # the case's hits and decision are still there, and print
    idle(qtbot, session)
    assert dlg.model.rowCount() == 3 and dlg.model.rows[0].verdict == "match"
    (s,) = screening_summary(session.case)
    assert s.watchlist == "sanctions" and len(s.decisions) == 1


@pytest.mark.slow
def test_the_name_table_is_built_on_the_worker_never_on_the_windows_thread(
        qtbot, session, tmp_path, monkeypatch):
    import threading

    from casefile.core.screening import names
    from casefile.services.screening import name_table

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # nothing built yet
    before = names.person_table()
    names.use_person_table(None)
    built_on = []
    real = name_table.build

    def build(file, want):
        built_on.append(threading.current_thread())
        return real(file, want)

    monkeypatch.setattr(name_table, "build", build)
    try:
        dlg = ScreeningDialog(session, workers=0)
        qtbot.addWidget(dlg)
        qtbot.mouseClick(dlg.screen_button, qtbot_button())
        idle(qtbot, session)
        qtbot.waitUntil(lambda: dlg.model.rowCount() == 3, timeout=60000)
        assert len(built_on) == 1 and built_on[0] is not threading.main_thread()
        assert list((tmp_path / "cache").rglob("rigour-*-person-names.sqlite"))
    finally:
        built = names.person_table()
        names.use_person_table(before)
        if built is not None and built is not before:  # closed, not left to the collector
            built.close()


def test_a_newcomer_is_told_what_the_columns_and_panes_are(qtbot, qapp, session, tmp_path):
    """The two lower panes have headings; the score and entry-type columns say what they
    mean (a flagged score says "flagged", not "!"); the entry pane shows the sanctions the
    list gives the entry, as plain text."""
    from PySide6.QtCore import Qt

    register_fonts(qapp)
    dlg = _screened(qtbot, session)
    row = next(i for i, h in enumerate(dlg.model.rows) if h.list_key == "NK-chemezov")
    dlg.table.selectRow(row)
    idle(qtbot, session)
    assert dlg.party_heading.isVisible() and dlg.entry_heading.isVisible()
    assert dlg.party_heading.text() == "The party in this case"
    assert "watchlist entry" in dlg.entry_heading.text()
    m = dlg.model
    tips = [m.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
            for c in range(m.columnCount())]
    assert all(tips) and "flagged" in tips[0] and "0.70" in tips[0]
    assert m.headerData(4, Qt.Orientation.Horizontal) == "Entry type"
    assert "FollowTheMoney schema" in tips[4]
    assert m.data(m.index(row, 0)) == "1.00  flagged"
    assert "flag threshold, 0.70" in m.data(m.index(row, 0), Qt.ItemDataRole.ToolTipRole)
    assert m.data(m.index(row, 3)) == "sanctions"  # the watchlist it is in
    assert m.data(m.index(row, 4)) == "person"
    assert "“flagged”: 0.70 or more" in dlg.legend.text() and dlg.legend.isVisible()
    text = dlg.entry_view.toPlainText()
    assert "Sanctions (1):\n• OFAC: RUSSIA-EO14024" in text
    # a dataset by its title, with the code its files use (look18: the code alone)
    assert "in the lists: US OFAC Specially Designated Nationals (SDN) List (us_ofac_sdn)" \
        in text
    vessel = next(i for i, h in enumerate(dlg.model.rows) if h.list_key != "NK-chemezov")
    dlg.table.selectRow(vessel)
    idle(qtbot, session)
    # the fixture's list gives only Chemezov a sanction record: the list's doing, not the
    # load's (nothing to load again)
    text = dlg.entry_view.toPlainText()
    assert "marked as sanctioned in the list (its topics), but the list gives no sanction " \
        "record for this entry" in text and "load it again" not in text
    dlg.table.selectRow(row)
    idle(qtbot, session)
    dlg.grab().save(str(tmp_path / "screening-explained.png"))


def test_the_sanctions_of_a_targets_simple_list_are_shown(qtbot, session, tmp_path):
    from tests.support import ftm_cluster as fc

    f = tmp_path / "targets.simple.csv"
    f.write_text(fc.targets_simple(fc.cluster()), "utf-8")
    load(f, "simple")
    session.case.create("entity", {"name": "ZALA AERO", "kind": "company", "country": "RU"})
    dlg = ScreeningDialog(session, workers=0)
    qtbot.addWidget(dlg)
    dlg.watchlists.setCurrentText("simple")
    qtbot.mouseClick(dlg.screen_button, qtbot_button())
    idle(qtbot, session)
    qtbot.waitUntil(lambda: any(h.list_key == "ru-zala" for h in dlg.model.rows),
                    timeout=10000)
    dlg.table.selectRow(next(i for i, h in enumerate(dlg.model.rows)
                             if h.list_key == "ru-zala"))
    idle(qtbot, session)
    text = dlg.entry_view.toPlainText()
    assert "Sanctions (3):" in text
    assert "• authority not given by the list: RUSSIA-EO14024\n  from 2022-06-28" in text
    assert "reason: Develops and produces unmanned aerial vehicles" in text
    assert "programme id EU-UKR; US-RUS-EO14024\n  note: the list does not say" in text


def test_the_entry_pane_says_properties_as_the_party_pane_does():
    """'All the entry says' names identifiers by their scheme and other properties in
    words, topics by their labels; a sanction listed twice says which date is the
    designation."""
    from casefile.services.screening.results import HitRow
    from casefile.ui.screening_hits import entry_text

    entry = {"id": "ru-zala", "caption": "ZALA AERO", "schema": "Company", "properties": {
        "name": ["ZALA AERO"], "innCode": ["1831095010"], "kppCode": ["784101001"],
        "incorporationDate": ["2010-05-19"], "topics": ["sanction", "export.risk"]},
        "sanctions": [{"authority": ["Council of the European Union"],
                       "listingDate": ["2023-06-23", "2022-12-16"]}]}
    hit = HitRow(1, 1, 1, "ZALA AERO", "company", "ru-zala", "Company", "ZALA AERO", 1.0, "",
                 "ZALA AERO", {}, entry, "", "", "", "", "", False)
    text = entry_text(hit)
    said = text.split("All the entry says:\n", 1)[1].splitlines()
    assert said == ["incorporation date: 2010-05-19", "INN: 1831095010", "KPP: 784101001",
                    "name: ZALA AERO", "topics: Sanctioned", "topics: Trade risk"]
    assert "listed 2022-12-16 (amended 2023-06-23)" in text


def test_the_list_box_shows_a_watchlists_whole_name(qtbot, session, tmp_path):
    from PySide6.QtGui import QFontMetrics

    from tests.support.watchlist import ftm

    dlg = ScreeningDialog(session, workers=0)
    qtbot.addWidget(dlg)
    dlg.show()
    folder = tmp_path / "ru_fedsfm_terrorist_list"
    folder.mkdir()
    dlg.load_watchlist(write_ftm(folder / "entities.ftm.json", [ftm("P-1", "Person", "A")]))
    idle(qtbot, session)
    assert dlg.watchlists.currentText() == "ru_fedsfm_terrorist_list"
    needed = QFontMetrics(dlg.watchlists.font()).horizontalAdvance("ru_fedsfm_terrorist_list")
    qtbot.waitUntil(lambda: dlg.watchlists.width() > needed, timeout=5000)  # laid out anew


def test_the_party_pane_says_birth_posts_and_topics_in_words(tmp_path):
    """Beside a list entry the reviewer compares the case's party: a set of birth dates read
    out (not '[1960, 1961-03-02]'), countries by name, each post on its line, the topics."""
    from casefile.services.case.facade import Case
    from casefile.ui.screening_hits import party_text

    case = Case.new(tmp_path / "c.casefile")
    try:
        eid = case.create("entity", {
            "name": "Zakharov Aleksandr Viktorovich", "kind": "person", "country": "RU",
            "nationality": "RU", "birth": "[1960, 1961-03-02]", "topics": "role.pep",
            "position": "Chief Designer of ZALA AERO, until 2021-12-31\n"
                        "Member of the Duma (Russia)"}).result
        text = party_text(case, eid).splitlines()
    finally:
        case.close()
    assert text[:3] == ["Zakharov Aleksandr Viktorovich", "kind: person", "countries: Russia"]
    assert "born: 1960 or 2 March 1961 (sources differ)" in text
    assert "nationality: Russia" in text
    assert ["position: Chief Designer of ZALA AERO, until 2021-12-31",
            "position: Member of the Duma (Russia)"] == [x for x in text
                                                          if x.startswith("position")]
    assert "topics: Politically exposed person (PEP)" in text


def test_the_hit_decided_stays_chosen_after_the_list_is_read_again(qtbot, session):
    """(review) After Match on the second hit the first was chosen, its explanation shown:
    a second click would have decided a hit never looked at. The hit decided stays chosen."""
    dlg = _screened(qtbot, session)
    dlg.table.selectRow(1)
    idle(qtbot, session)
    second = dlg.model.rows[1]
    qtbot.mouseClick(dlg.buttons["unsure"], qtbot_button())
    idle(qtbot, session)
    qtbot.waitUntil(lambda: any(h.verdict == "unsure" for h in dlg.model.rows), timeout=10000)
    (chosen,) = dlg.selected()
    assert chosen.id == second.id and chosen.verdict == "unsure"
    assert "decided unsure" in dlg.explanation.text()


def test_the_window_says_which_parties_went_clean_when_opened_again(qtbot, session,
                                                                    tmp_path):
    """(look17) "2 parties flagged by the previous run … have no hit now" was said once by
    the run; reopening the screening window said nothing."""
    from tests.support.watchlist import ftm

    folder = tmp_path / "people"
    folder.mkdir()
    people = [ftm("P-1", "Person", "Sergey Chemezov"), ftm("P-2", "Person", "Anna Li")]
    dlg = ScreeningDialog(session, workers=0)
    qtbot.addWidget(dlg)
    dlg.load_watchlist(write_ftm(folder / "entities.ftm.json", people))
    idle(qtbot, session)
    dlg.watchlists.setCurrentText("people")
    qtbot.mouseClick(dlg.screen_button, qtbot_button())
    idle(qtbot, session)
    load(write_ftm(folder / "entities.ftm.json", people[1:]), "people")  # Chemezov delisted
    qtbot.mouseClick(dlg.screen_button, qtbot_button())
    idle(qtbot, session)
    dlg.close()
    again = ScreeningDialog(session, workers=0)
    qtbot.addWidget(again)
    again.show()
    idle(qtbot, session)
    qtbot.waitUntil(lambda: "have no hit now" in again.status.text()
                    or "has no hit now" in again.status.text(), timeout=10000)
    assert "flagged by the previous run against people has no hit now: Sergey Chemezov" \
        in again.status.text()


def _screened_against_two_lists(qtbot, session, tmp_path, chosen=None):
    """The dialog after screening 'sanctions' (3 hits; then row ``chosen`` chosen) and
    'eu' (a list of one sanctioned person and no Sanction entity: 4 hits in all)."""
    import json

    from tests.support.watchlist import ftm

    folder = tmp_path / "eu"
    folder.mkdir()
    entry = ftm("EU-1", "Person", "Sergey Chemezov", datasets=("eu_fsf",), topics="sanction")
    (folder / "entities.ftm.json").write_text(json.dumps(entry) + "\n", encoding="utf-8")
    load(folder / "entities.ftm.json", "eu")  # no Sanction entity: the list holds none
    dlg = ScreeningDialog(session, workers=0)
    qtbot.addWidget(dlg)
    dlg.show()
    for name, hits in (("sanctions", 3), ("eu", 4)):
        dlg.watchlists.setCurrentText(name)
        qtbot.mouseClick(dlg.screen_button, qtbot_button())
        idle(qtbot, session)
        qtbot.waitUntil(lambda n=hits: dlg.model.rowCount() == n, timeout=10000)
        if name == "sanctions" and chosen is not None:
            dlg.table.selectRow(chosen)
    return dlg


def test_the_table_names_each_hits_watchlist(qtbot, session, tmp_path):
    """(look16) The table holds the latest run against every list screened: with two lists
    its rows said nothing of which list each hit came from, while the list box showed
    one of them. A list that holds no sanction record at all is told apart from one that
    gives this entry none."""
    dlg = _screened_against_two_lists(qtbot, session, tmp_path)
    m = dlg.model
    lists = {(h.list_key, m.data(m.index(r, 3))) for r, h in enumerate(m.rows)}
    assert ("EU-1", "eu") in lists and ("NK-chemezov", "sanctions") in lists
    assert {w for _k, w in lists} == {"eu", "sanctions"}
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QHeaderView

    # (look19) a long list name is cut, not let squeeze the names out: whole in its tooltip
    header = dlg.table.horizontalHeader()
    assert header.sectionResizeMode(3) == QHeaderView.ResizeMode.Interactive
    assert header.sectionSize(3) <= 150
    assert "sanctions" in m.data(m.index(next(r for r, h in enumerate(m.rows)
                                              if h.watchlist == "sanctions"), 3),
                                 Qt.ItemDataRole.ToolTipRole)
    row = next(r for r, h in enumerate(m.rows) if h.list_key == "EU-1")
    dlg.table.selectRow(row)
    idle(qtbot, session)
    # (look19) a list loaded now that gives no Sanction entity: no advice to load it again
    text = dlg.entry_view.toPlainText()
    assert "the list gives no sanction record for this entry" in text
    assert "load it again" not in text
    # a list loaded by an earlier Casefile, which kept none (look18: the list's own doing
    # is said first; loading it again is advised only if its file gives Sanction entities)
    import sqlite3
    from contextlib import closing

    from casefile.services.screening import watchlist_db as db

    with closing(sqlite3.connect(db.path_of("eu"))) as con, con:
        con.execute("PRAGMA user_version = 0")
    qtbot.mouseClick(dlg.screen_button, qtbot_button())
    idle(qtbot, session)
    qtbot.waitUntil(lambda: "for any of its entries" in _entry_of(qtbot, session, dlg, "EU-1"),
                    timeout=10000)
    text = dlg.entry_view.toPlainText()
    assert "the list holds no sanction record for any of its entries" in text
    assert "if its file gives Sanction entities, load it again" in text


def _entry_of(qtbot, session, dlg, key):
    """The entry pane's text with the hit of list entry ``key`` chosen."""
    rows = [r for r, h in enumerate(dlg.model.rows) if h.list_key == key]
    if not rows:
        return ""
    dlg.table.selectRow(rows[0])
    idle(qtbot, session)
    return dlg.entry_view.toPlainText()


def test_after_a_run_its_first_hit_is_chosen_and_the_other_lists_rows_are_said(
        qtbot, session, tmp_path):
    """(look23) After screening a second list the status said '1 hits' over a table of
    every list's hits, and the hit chosen before, from the other list, stayed chosen."""
    dlg = _screened_against_two_lists(qtbot, session, tmp_path,
                                      chosen=2)  # a hit of the first list chosen
    qtbot.waitUntil(lambda: "also holds" in dlg.status.text(), timeout=5000)
    (chosen,) = dlg.selected()
    assert chosen.watchlist == "eu" and chosen.list_key == "EU-1"
    assert dlg.status.text().endswith("The table also holds the latest hits against "
                                      "sanctions (3).")


def test_a_run_that_finds_nothing_chooses_no_other_lists_hit(qtbot, session, tmp_path):
    """(review24) After a run that found no hit on its own list, the first row — a hit of
    another list — was chosen, as if the run had found it."""
    import json

    from tests.support.watchlist import ftm

    folder = tmp_path / "none"
    folder.mkdir()
    entry = ftm("X-1", "Person", "Quentin Zzyzx Unrelated", topics="sanction")
    (folder / "entities.ftm.json").write_text(json.dumps(entry) + "\n", encoding="utf-8")
    load(folder / "entities.ftm.json", "unrelated")  # (after 'sanctions', chosen first)
    dlg = _screened(qtbot, session)
    dlg.table.selectRow(1)
    dlg.watchlists.setCurrentText("unrelated")
    qtbot.mouseClick(dlg.screen_button, qtbot_button())
    idle(qtbot, session)
    qtbot.waitUntil(lambda: "also holds" in dlg.status.text(), timeout=10000)
    assert dlg.selected() == [] and dlg.model.rowCount() == 3
    assert dlg.status.text().endswith("The table also holds the latest hits against "
                                      "sanctions (3).")


def test_an_explanation_quoting_an_arabic_name_first_reads_left_to_right(qtbot, qapp,
                                                                         tmp_path,
                                                                         monkeypatch):
    """(look31) '0.57: محمد ≈ mohammed (same given name), …' was laid out right to left
    — right-aligned, its words out of order — as its first letters are Arabic."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextDocument

    from tests.support.watchlist import ftm

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    load(write_ftm(tmp_path / "e.ftm.json", [ftm("NK-m", "Person",
                                                 "Mohammed Ahmed AL MANSOORI")]),
         "gulf", dataset="gulf")
    path = tmp_path / "c.casefile"
    with Case.new(path) as case:
        case.create("entity", {"name": "محمد أحمد المنصوري", "kind": "person"})
    s = CaseSession()
    s.open(path)
    qtbot.waitUntil(lambda: s.case is not None, timeout=10000)
    try:
        dlg = ScreeningDialog(s, workers=0)
        qtbot.addWidget(dlg)
        dlg.show()
        qtbot.mouseClick(dlg.screen_button, qtbot_button())
        idle(qtbot, s)
        qtbot.waitUntil(lambda: dlg.model.rowCount() == 1, timeout=10000)
        dlg.table.selectRow(0)
        idle(qtbot, s)
        text = dlg.explanation.text()
        assert "محمد" in text
        doc = QTextDocument()
        doc.setPlainText(text)
        assert doc.firstBlock().textDirection() == Qt.LayoutDirection.LeftToRight
    finally:
        s.shut_down()


def test_enter_in_a_window_just_opened_screens_and_never_asks_to_delete(qtbot, qapp,
                                                                         session):
    """(look31) Enter in a freshly opened screening window opened 'Delete watchlist…': the
    first auto-default button of the dialog."""
    from PySide6.QtCore import Qt

    dlg = ScreeningDialog(session, workers=0)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    qtbot.keyClick(dlg.watchlists, Qt.Key.Key_Return)
    idle(qtbot, session)
    assert dlg.confirm is None or not dlg.confirm.isVisible()
    qtbot.waitUntil(lambda: dlg.model.rowCount() == 3, timeout=10000)  # it screened


def test_a_list_indexed_by_an_earlier_casefile_is_said_to_be_indexed_anew(qtbot, session,
                                                                          tmp_path):
    """(review38) The window said 'Screening against …' while the bar ran through the
    list's re-indexing, then started again from 0."""
    from casefile.services.screening import watchlist_db as db

    con = db.open_existing("sanctions")
    con.execute("DELETE FROM setting")  # as a Casefile before the keys' version left it
    con.close()
    dlg = ScreeningDialog(session, workers=0)
    qtbot.addWidget(dlg)
    said: list[str] = []
    set_text = dlg.status.setText
    dlg.status.setText = lambda text: (said.append(text), set_text(text))[1]
    dlg.show()
    qtbot.mouseClick(dlg.screen_button, qtbot_button())
    idle(qtbot, session)
    qtbot.waitUntil(lambda: dlg.model.rowCount() == 3, timeout=10000)
    indexing = [t for t in said if t.startswith("Indexing the list's names anew")]
    assert indexing and "entries" in indexing[-1]
    assert said.index(indexing[0]) > said.index("Screening against sanctions…")
    assert said[said.index(indexing[-1]) + 1] == "Screening against sanctions…"  # again
    assert dlg.status.text().startswith("Screened 3 parties against sanctions")
