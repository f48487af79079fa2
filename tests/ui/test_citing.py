"""Citing: a searchable source list (fine at 400 sources), New source… inside the Cite
dialog, the credibility last given to a source as the start, and a source's page listing
the facts it supports (clickable)."""

from PySide6.QtCore import Qt, QTimer

from casefile.ui.cite_dialog import CiteDialog
from tests.ui.conftest import choose_kind, wait_idle


def _citations_of(case, shipment_id):
    with case.read() as conn:
        return conn.exec_driver_sql(
            "SELECT c.source_id, s.title, c.credibility, c.excerpt FROM citation c JOIN source "
            "s ON s.id = c.source_id WHERE c.shipment_id = ? ORDER BY c.id",
            (shipment_id,)).all()


def _show_shipment(qtbot, win, sid):
    choose_kind(qtbot, win, "shipment")
    win.records.select_id(sid)
    qtbot.waitUntil(lambda: win.editor.shown() == ("shipment", sid), timeout=10000)
    wait_idle(qtbot, win)


def test_search_pick_and_the_remembered_credibility(qtbot, demo_window, tmp_path):
    win = demo_window
    _show_shipment(qtbot, win, 2)
    before = _citations_of(win.case, 2)
    seen = {}

    def answer():
        dlg = win.editor_actions.cite_dialog
        qtbot.keyClicks(dlg.search, "politico")
        seen["politico"] = dlg.count.text()
        dlg.search.clear()
        qtbot.keyClicks(dlg.search, "ourwarstoday chinese")  # every word must match
        seen["count"] = dlg.count.text()
        seen["credibility"] = dlg.credibility.currentData()  # source 1 was last cited at 1
        seen["note"] = dlg.credibility_note.text()
        dlg.excerpt.setPlainText("12 shipments of drone parts")
        dlg.grab().save(str(tmp_path / "cite.png"))
        dlg.accept()
    QTimer.singleShot(300, answer)
    win.editor.citations["shipment"].cite_button.click()
    qtbot.waitUntil(lambda: len(_citations_of(win.case, 2)) == len(before) + 1, timeout=10000)
    assert seen["politico"] == "2 of 4 sources"
    assert seen["count"] == "1 of 4 sources"
    assert seen["credibility"] == 1 and seen["note"].startswith("Last cited at 1")
    source_id, title, credibility, excerpt = _citations_of(win.case, 2)[-1]
    assert (source_id, credibility, excerpt) == (1, 1, "12 shipments of drone parts")


def test_new_source_inside_the_cite_dialog(qtbot, demo_window, tmp_path):
    win = demo_window
    _show_shipment(qtbot, win, 3)
    seen = {}

    def new_source():
        ask = win.editor_actions.new_source_dialog
        seen["title"] = ask.title.text()  # what was searched for, as the title
        ask.publisher.setText("Reuters")
        ask.reliability.setCurrentIndex(ask.reliability.findData("B"))
        ask.accept()

    def answer():
        dlg = win.editor_actions.cite_dialog
        qtbot.keyClicks(dlg.search, "Reuters wire on body armour")
        seen["none"] = (dlg.count.text(), dlg.source_id())
        dlg.accept()  # nothing picked: refused, and said
        seen["problem"] = dlg.problem.text()
        QTimer.singleShot(200, new_source)
        dlg.new_source.click()
        qtbot.waitUntil(lambda: dlg.source_id() is not None, timeout=10000)
        seen["picked"] = dlg.list.currentItem().text()
        seen["credibility"] = (dlg.credibility.currentData(), dlg.credibility_note.text())
        dlg.credibility.setCurrentIndex(dlg.credibility.findData(2))
        dlg.accept()
    QTimer.singleShot(300, answer)
    win.editor.citations["shipment"].cite_button.click()
    qtbot.waitUntil(lambda: any(r[1] == "Reuters wire on body armour"
                                for r in _citations_of(win.case, 3)), timeout=10000)
    assert seen["none"] == ("0 of 4 sources", None)
    assert seen["problem"].startswith("Pick a source")
    assert seen["title"] == "Reuters wire on body armour"
    assert seen["picked"] == "Reuters wire on body armour — Reuters  [B]"
    assert seen["credibility"] == (6, "Not cited before in this case.")
    row = win.case.get("source", _citations_of(win.case, 3)[-1][0])
    assert (row["publisher"], row["reliability"]) == ("Reuters", "B")
    assert _citations_of(win.case, 3)[-1][2] == 2


def test_the_picker_is_usable_at_400_sources(qtbot):
    sources = [{"id": i, "title": f"Report {i} on {'drones' if i % 7 else 'rifles'}",
                "publisher": f"Desk {chr(65 + i % 13)}", "reliability": "BCDF"[i % 4],
                "last_credibility": None if i % 3 else i % 6 + 1,
                "label": f"Report {i} on {'drones' if i % 7 else 'rifles'} — "
                         f"Desk {chr(65 + i % 13)}"}
               for i in range(1, 401)]
    dlg = CiteDialog(sources)
    qtbot.addWidget(dlg)
    assert dlg.count.text() == "400 sources"
    qtbot.keyClicks(dlg.search, "rifl desk f")  # words start words: "f" is not "of"
    shown = [dlg.list.item(r).text() for r in range(dlg.list.count())
             if not dlg.list.item(r).isHidden()]
    assert shown == [f"Report {i} on rifles — Desk F" for i in range(1, 401)
                     if i % 7 == 0 and i % 13 == 5]
    assert dlg.count.text() == f"{len(shown)} of 400 sources"
    assert dlg.list.currentItem() is None  # several listed: none picked for the user
    qtbot.keyClick(dlg.search, Qt.Key.Key_Return)
    assert dlg.list.currentItem().text() == shown[0]  # Enter takes the first one shown
    dlg.credibility.setCurrentIndex(dlg.credibility.findData(4))
    dlg.credibility.activated.emit(dlg.credibility.currentIndex())  # the user chose it
    dlg.list.setCurrentRow(2)  # picking another source keeps the user's credibility
    assert dlg.credibility.currentData() == 4


def test_a_source_lists_the_facts_it_supports_and_opens_them(qtbot, demo_window, tmp_path):
    win = demo_window
    choose_kind(qtbot, win, "source")
    win.records.select_id(1)
    qtbot.waitUntil(lambda: win.editor.shown() == ("source", 1), timeout=10000)
    panel = win.editor.cited_facts
    rows = [(panel.table.item(r, 0).text(), panel.table.item(r, 1).text())
            for r in range(panel.table.rowCount())]
    assert ("Shipment", "June 2022 civilian hunting rifles") in rows
    assert ("Entity", "Tekhkrim") in rows
    assert panel.table.isVisible() and not panel.empty.isVisible()
    win.editor.verticalScrollBar().setValue(win.editor.verticalScrollBar().maximum())
    win.grab().save(str(tmp_path / "source-facts.png"))
    row = rows.index(("Entity", "Tekhkrim"))
    panel.table.cellDoubleClicked.emit(row, 1)
    qtbot.waitUntil(lambda: win.editor.shown() == ("entity", 2), timeout=10000)
    assert win.records.kind == "entity" and win.records.current_id() == 2
    assert win.nav.currentItem().text().startswith("Entities")


def test_no_source_is_cited_that_nobody_picked(qtbot):
    """look22: the dialog opened with the first source picked and the last grade set, so
    OK cited a source the user never chose."""
    sources = [{"id": i, "title": t, "reliability": "B", "last_credibility": 2,
                "label": t} for i, t in ((1, "Customs register 2022"), (2, "Reuters article"),
                                        (3, "Company filing"))]
    dlg = CiteDialog(sources)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.source_id() is None and dlg.credibility_note.text() == ""
    dlg.accept()
    assert dlg.isVisible() and dlg.result() == 0  # not accepted: asked to pick one
    assert dlg.problem.text() == "Pick a source from the list, or make one with New source…."
    qtbot.keyClicks(dlg.search, "reut")  # words only one source has: that one
    assert dlg.source_id() == 2 and dlg.credibility_note.text().startswith("Last cited at 2")
    dlg.search.clear()
    assert dlg.source_id() == 2  # still the one picked
    dlg.list.setCurrentRow(2)
    assert dlg.source_id() == 3
    # (review24) Enter in the search picks the first shown and goes on: it presses no OK
    dlg.list.setCurrentRow(-1)
    dlg.search.setFocus()
    qtbot.keyClicks(dlg.search, "re")  # Reuters and Customs register: none picked
    assert dlg.source_id() is None
    qtbot.keyClick(dlg.search, Qt.Key.Key_Return)
    assert dlg.isVisible() and dlg.result() == 0 and dlg.source_id() == 1
