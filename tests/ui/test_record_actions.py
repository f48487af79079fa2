"""Sections by Ctrl+1…7, new records by Ctrl+N and a kind chooser, the records table's
right-click menu, and editing several records as one undo step."""

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import choose_kind, wait_idle


def _shortcuts(win):
    from PySide6.QtGui import QAction

    return {a.shortcut().toString(): a.text() for a in win.findChildren(QAction)
            if not a.shortcut().isEmpty()}


def test_ctrl_digits_go_to_sections_and_nothing_creates_by_accident(qtbot, demo_window):
    win = demo_window
    keys = _shortcuts(win)
    assert not any(f"Ctrl+Shift+{i}" in keys for i in range(1, 8))
    assert keys["Ctrl+N"] == "&New Record…" and keys["Ctrl+Shift+N"] == "&New Case…"
    counts = win.case.counts()
    win.activateWindow()
    win.records.view.setFocus()
    for i, kind in enumerate(("entity", "shipment", "event", "source", "finding",
                              "relationship", "sanction")):
        qtbot.keyClick(win.records.view, Qt.Key(Qt.Key.Key_1 + i),
                       Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda k=kind: win.records.model.kind == k, timeout=5000)
    wait_idle(qtbot, win)
    assert win.case.counts() == counts


def test_ctrl_n_asks_which_kind(qtbot, demo_window, tmp_path):
    win = demo_window
    choose_kind(qtbot, win, "shipment")
    seen = {}

    def answer():
        dlg = win.record_actions.chooser
        seen["first"] = dlg.kind()  # the section shown
        dlg.grab().save(str(tmp_path / "chooser.png"))
        qtbot.keyClick(dlg, Qt.Key.Key_3)  # the number picks: Event
    QTimer.singleShot(200, answer)
    before = win.case.counts()["event"]
    qtbot.keyClick(win.records.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: win.records.model.kind == "event", timeout=10000)
    wait_idle(qtbot, win)
    assert seen["first"] == "shipment"
    assert win.case.counts()["event"] == before + 1
    assert win.editor.shown() == ("event", win.records.current_id())


def _menu_texts(menu):
    return {a.text(): a for a in menu.actions() if not a.isSeparator()}


def test_the_right_click_menu_filters_copies_and_cites(qtbot, demo_window, tmp_path):
    win = demo_window
    choose_kind(qtbot, win, "entity")
    model, view = win.records.model, win.records.view
    col = [c.key for c in model.columns()].index("country")
    row = next(r for r in range(model.rowCount()) if model.index(r, col).data() == "CN")
    pos = view.visualRect(model.index(row, col)).center()
    menu = win.record_actions.context_menu(pos)
    actions = _menu_texts(menu)
    assert win.records.current_id() == model.record_id(row)  # the row clicked is chosen
    assert {"Open", "Cite Source…", "Copy", "Copy 1 Row", "Filter by “CN”", "Edit 1 Entity…",
            "Merge…", "Delete…"} <= set(actions)
    assert not actions["Merge…"].isEnabled()
    actions["Copy"].trigger()
    assert QGuiApplication.clipboard().text() == "CN"
    actions["Copy 1 Row"].trigger()
    header, line = QGuiApplication.clipboard().text().split("\n")
    assert header.split("\t")[0] == "Name" and line.split("\t")[col] == "CN"
    actions["Filter by “CN”"].trigger()
    assert win.records.country.text() == "CN"
    qtbot.waitUntil(lambda: model.rowCount() > 0 and all(
        model.index(r, col).data() == "CN" for r in range(model.rowCount())), timeout=5000)
    menu.adjustSize()  # (a popup would grab the keyboard, which offscreen cannot)
    menu.grab().save(str(tmp_path / "context-menu.png"))

    seen = {}

    def answer():  # Cite Source… from the menu opens the Cite dialog for that record
        dlg = win.editor_actions.cite_dialog
        seen["title"] = dlg.windowTitle()
        dlg.reject()
    QTimer.singleShot(300, answer)
    _menu_texts(win.record_actions.context_menu(pos))["Cite Source…"].trigger()
    qtbot.waitUntil(lambda: "title" in seen, timeout=10000)
    assert seen["title"] == "Cite a source"


def test_editing_three_entities_is_one_undo_step(qtbot, demo_window, tmp_path):
    win = demo_window
    choose_kind(qtbot, win, "entity")
    model, sel = win.records.model, win.records.view.selectionModel()
    ids = [model.record_id(r) for r in range(3)]
    for r in range(3):
        sel.select(model.index(r, 0), QItemSelectionModel.SelectionFlag.Select
                   | QItemSelectionModel.SelectionFlag.Rows)
    assert sorted(win.records.selected_ids()) == sorted(ids)
    before = {i: win.case.get("entity", i) for i in ids}

    def answer():
        dlg = win.record_actions.bulk_dialog
        assert dlg.windowTitle() == "Edit 3 entities"
        dlg.countries["country"].setText("Atlantis")
        dlg.accept()  # refused here, saying why
        seen.append(dlg.problem.text())
        dlg.countries["country"].setText("Kazakhstan")
        dlg.add_tags.setText("Reviewed, dual-use")
        dlg.grab().save(str(tmp_path / "bulk.png"))
        dlg.accept()
    seen = []
    QTimer.singleShot(200, answer)
    win.record_actions.edit_several.trigger()
    qtbot.waitUntil(lambda: win.case.undo_name == "Edit country and tags of 3 entities",
                    timeout=10000)
    wait_idle(qtbot, win)
    assert seen and seen[0].startswith("Country:")
    for i in ids:
        row = win.case.get("entity", i)
        assert row["country"] == "KZ"
        assert {"reviewed", "dual-use"} <= set(row["tags"].split(","))
    assert win.menus.undo.text() == "&Undo Edit country and tags of 3 entities"
    win.menus.undo.trigger()
    qtbot.waitUntil(lambda: all(win.case.get("entity", i) == before[i] for i in ids),
                    timeout=10000)
    assert QApplication.activeModalWidget() is None


def test_new_case_is_ctrl_shift_n(qtbot, demo_window):
    assert demo_window.menus.new.shortcut() == QKeySequence("Ctrl+Shift+N")
