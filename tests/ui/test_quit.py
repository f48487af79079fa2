"""Quitting while typing: the field being edited is stored before the window goes; a value
that cannot be stored is said, and the window stays."""

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import answer_box, choose_kind, wait_idle


def _show(qtbot, win, kind, rid):
    choose_kind(qtbot, win, kind)
    win.records.select_id(rid)
    qtbot.waitUntil(lambda: win.editor.current is not None and win.editor.current.kind == kind
                    and win.editor.current.record_id == rid, timeout=10000)
    wait_idle(qtbot, win)
    return win.editor.current


def _stored(path, sql, *args):
    con = sqlite3.connect(path)
    try:
        return con.execute(sql, args).fetchone()[0]
    finally:
        con.close()


def test_quit_while_typing_stores_the_field_first(qtbot, demo_window):
    win = demo_window
    path = win.case.path
    ed = _show(qtbot, win, "entity", 2)
    name = ed.widgets["name"]
    name.setFocus()
    name.selectAll()
    qtbot.keyClicks(name, "Tekhkrim JSC")  # no Enter, no Tab: still in the field
    win.menus.quit.trigger()  # Ctrl+Q
    qtbot.waitUntil(lambda: not win.isVisible(), timeout=10000)
    assert win.case is None
    assert _stored(path, "SELECT name FROM entity WHERE id = 2") == "Tekhkrim JSC"


def test_closing_while_typing_in_a_child_table_stores_the_cell(qtbot, demo_window):
    win = demo_window
    path = win.case.path
    win.activateWindow()
    qtbot.waitActive(win)
    ed = _show(qtbot, win, "shipment", 1)
    route = ed.children_tables["route_stop"]
    notes = ed.widgets["notes"]
    notes.setPlainText("Seen in Mersin.")  # typed, never left
    route.add_button.click()
    qtbot.keyClicks(QApplication.focusWidget(), "Turkey")
    win.close()  # the window's close button
    qtbot.waitUntil(lambda: not win.isVisible(), timeout=10000)
    assert _stored(path, "SELECT notes FROM shipment WHERE id = 1") == "Seen in Mersin."
    assert _stored(path, "SELECT group_concat(country) FROM route_stop "
                         "WHERE shipment_id = 1") == "TR"


def test_a_refused_value_is_said_and_the_window_stays(qtbot, demo_window):
    win = demo_window
    ed = _show(qtbot, win, "entity", 2)
    country = ed.widgets["country"]
    country.setFocus()
    country.setText("Atlantis")
    said: list[str] = []
    win.menus.quit.trigger()
    qtbot.waitUntil(lambda: answer_box(said), timeout=10000)
    assert win.isVisible() and win.case is not None
    assert "Not closed" in said[0] and "Atlantis" in said[0]
    assert "\nCountry: " in said[0] and "country:" not in said[0]  # its label (look29)
    assert ed.errors["country"].isVisible()
    assert win.case.get("entity", 2)["country"] == "RU"
    qtbot.keyClick(country, Qt.Key.Key_Escape)  # puts the stored country back
    win.menus.quit.trigger()
    qtbot.waitUntil(lambda: not win.isVisible(), timeout=10000)


def test_a_window_gone_while_its_close_waits_is_not_called_back(qtbot, qapp, tmp_path):
    import shiboken6
    from PySide6.QtCore import QSettings

    from casefile.services.exchange.demo import write_demo
    from casefile.ui.main_window import MainWindow

    path = tmp_path / "gone.casefile"
    write_demo(path).close()
    win = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    win.show()
    win.open_path(path)
    qtbot.waitUntil(lambda: win.case is not None, timeout=10000)
    wait_idle(qtbot, win)
    win.session.run(lambda: __import__("time").sleep(0.3))  # the worker is busy
    win.close()  # waits for the worker…
    assert win.isVisible()
    win.session.shut_down()
    shiboken6.delete(win)  # …and the window is gone before it is idle (test teardown)
    qtbot.wait(600)  # nothing calls the window back


def test_opening_another_case_while_typing_stores_the_field_first(qtbot, demo_window,
                                                                   tmp_path):
    from casefile.services.exchange.demo import write_demo

    win = demo_window
    path = win.case.path
    other = tmp_path / "other.casefile"
    write_demo(other).close()
    name = _show(qtbot, win, "entity", 2).widgets["name"]
    name.setText("Tekhkrim Holding")  # still in the field: Open Recent from the menu
    win.open_path(other)
    qtbot.waitUntil(lambda: win.case is not None and win.case.path == other, timeout=10000)
    wait_idle(qtbot, win)
    assert _stored(path, "SELECT name FROM entity WHERE id = 2") == "Tekhkrim Holding"
