"""Right-click menus on the navigator and the editor, and the table header's column
chooser."""

from PySide6.QtGui import QGuiApplication

from casefile.ui.main_window import NAV_KINDS
from tests.ui.conftest import choose_kind, wait_idle


def _acts(menu):
    return {a.text(): a for a in menu.actions() if not a.isSeparator() and a.text()}


def test_navigator_menu_shows_filters_and_makes_records(qtbot, demo_window, tmp_path):
    win = demo_window
    choose_kind(qtbot, win, "entity")
    row = NAV_KINDS.index("event")
    pos = win.nav.visualItemRect(win.nav.item(row)).center()
    acts = _acts(win.nav_menu.menu(pos))
    assert not acts["Clear Filters"].isEnabled()
    acts["Filter Events…"].trigger()
    qtbot.waitUntil(lambda: win.records.model.kind == "event", timeout=10000)
    win.records.text.setText("respond")
    qtbot.waitUntil(lambda: win.records.model.rowCount() == 2, timeout=10000)
    acts = _acts(win.nav_menu.menu(pos))
    assert acts["Clear Filters"].isEnabled()
    acts["Clear Filters"].trigger()
    qtbot.waitUntil(lambda: win.records.model.rowCount() == 6, timeout=10000)
    before = win.case.counts()["event"]
    _acts(win.nav_menu.menu(pos))["New Event"].trigger()
    qtbot.waitUntil(lambda: win.case.counts()["event"] == before + 1, timeout=10000)
    wait_idle(qtbot, win)
    assert win.nav_menu.menu(win.nav.rect().bottomRight() * 10) is None  # off the items


def test_editor_menu_cites_copies_and_opens_the_party(qtbot, demo_window, tmp_path):
    win = demo_window
    choose_kind(qtbot, win, "entity")
    win.records.select_id(2)
    qtbot.waitUntil(lambda: win.editor.shown() == ("entity", 2), timeout=10000)
    menu = win.editor_menu.menu()
    menu.adjustSize()  # drawn unshown: a popup grabs the keyboard
    menu.grab().save(str(tmp_path / "editor_menu.png"))
    acts = _acts(menu)
    assert {"Cite Source…", "All About This Party…", "Screen This Party…", "Show in Table",
            "Copy Entity Title", "Delete This Entity…"} <= set(acts)
    assert acts["Delete This Entity…"].isEnabled()
    acts["Copy Entity Title"].trigger()
    assert "Tekhkrim" in QGuiApplication.clipboard().text()
    acts["All About This Party…"].trigger()
    pv = win.party_view.view
    qtbot.waitUntil(lambda: pv.profile is not None and pv.profile.id == 2, timeout=10000)
    win.editor.show_nothing()
    assert win.editor_menu.menu() is None


def test_column_chooser_hides_and_remembers(qtbot, demo_window, tmp_path):
    win = demo_window
    choose_kind(qtbot, win, "shipment")
    keys = [c.key for c in win.records.model.columns()]
    win.column_chooser.set_hidden("shipment", set())  # (the cramped table's default hides
    menu = win.column_chooser.menu()  # its empty columns: tests/ui/test_column_chooser.py)
    menu.adjustSize()  # drawn unshown: a popup grabs the keyboard
    menu.grab().save(str(tmp_path / "columns_menu.png"))
    acts = {a.data(): a for a in menu.actions() if a.data()}
    assert acts["hs"].isChecked()
    acts["hs"].trigger()  # unticked: hidden
    hs = keys.index("hs")
    assert win.records.view.isColumnHidden(hs)
    choose_kind(qtbot, win, "entity")  # (its own columns: all but those none of the demo's
    # parties has a value in)
    entity_keys = [c.key for c in win.records.model.columns()]
    assert {entity_keys[i] for i in range(win.records.model.columnCount())
            if win.records.view.isColumnHidden(i)} == {"born", "identifiers"}
    choose_kind(qtbot, win, "shipment")
    assert win.records.view.isColumnHidden(hs)  # remembered for its section
    assert win.settings.value("table/hidden/shipment") == "hs"
    _acts(win.column_chooser.menu())["Show All Columns"].trigger()
    assert not win.records.view.isColumnHidden(hs)
    # the last column shown cannot be hidden
    win.column_chooser.set_hidden("shipment", set(keys[1:]))
    last = _acts(win.column_chooser.menu())["Date"]
    assert last.isChecked() and not last.isEnabled()
    win.column_chooser.set_hidden("shipment", set())
