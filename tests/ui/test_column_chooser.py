"""The shipments table when the window is short of room (pytest-qt, the demo case in a real
window): its mostly empty columns are hidden at first instead of scrolling the table
sideways, the table says so, the header's menu names them and shows them again, and the
user's choice is remembered (QSettings) and wins over the default from then on."""

from PySide6.QtCore import QSettings

from casefile.services.case.facade import Case
from casefile.services.exchange.demo import write_demo
from casefile.ui.column_fit import FLOOR_PX
from casefile.ui.main_window import MainWindow
from tests.ui.conftest import choose_kind, wait_idle


def _window(qtbot, tmp_path, width, settings="columns.ini"):
    path = tmp_path / "demo.casefile"
    if not path.exists():
        write_demo(path).close()
    win = MainWindow(QSettings(str(tmp_path / settings), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.resize(width, 950)
    win.show()
    win.open_path(path)
    qtbot.waitUntil(lambda: win.case is not None, timeout=10000)
    wait_idle(qtbot, win)
    choose_kind(qtbot, win, "shipment")
    qtbot.waitUntil(lambda: "shipment" in win.records.widths.measured, timeout=10000)
    qtbot.wait(50)
    return win


def _hidden(win):
    return {c.key for i, c in enumerate(win.records.model.columns())
            if win.records.view.isColumnHidden(i)}


def _acts(menu):
    return {a.data(): a for a in menu.actions() if a.data()}


def test_mostly_empty_columns_make_way_in_a_1500_px_window(qtbot, tmp_path):
    """11 columns needed ~900 px of an 830 px table: its last columns scrolled."""
    win = _window(qtbot, tmp_path, 1500)
    try:
        view = win.records.view
        # HS and Value are empty in the demo's four shipments, Weight has one value; the
        # count of shipments (of least worth) makes way for the route to say something
        assert _hidden(win) == {"hs", "value", "weight", "count"}
        assert view.horizontalScrollBar().maximum() == 0  # nothing off to the side
        header = view.horizontalHeader()
        assert header.length() <= view.viewport().width()  # (no room kept for the hidden)
        assert "4 columns hidden" in win.records.count_label.text()
        menu = win.column_chooser.menu()
        acts = _acts(menu)
        assert acts["hs"].text() == "HS  (empty)" and not acts["hs"].isChecked()
        assert acts["weight"].text() == "Weight kg  (mostly empty)"
        assert acts["shipper"].text() == "Shipper" and acts["shipper"].isChecked()
        assert acts["count"].text() == "Shipments" and not acts["count"].isChecked()
        menu.adjustSize()  # drawn unshown: a popup grabs the keyboard
        menu.grab().save(str(tmp_path / "columns_menu.png"))
        win.grab().save(str(tmp_path / "shipments_1500.png"))
        # the user shows Weight again: their choice, remembered for the section
        acts["weight"].trigger()
        assert _hidden(win) == {"hs", "value", "count"}
        assert win.settings.value("table/hidden/shipment") == "count,hs,value"
        assert "3 columns hidden" in win.records.count_label.text()
        choose_kind(qtbot, win, "entity")  # (another section: its own columns)
        assert _hidden(win) == {"born", "identifiers"}  # none of the demo's parties has any
        choose_kind(qtbot, win, "shipment")
        assert _hidden(win) == {"hs", "value", "count"}
        [a for a in win.column_chooser.menu().actions()
         if a.text() == "Show All Columns"][0].trigger()
        assert not _hidden(win) and win.records.count_label.text() == "4 records"
    finally:
        win.close()


def test_the_users_choice_wins_in_the_next_window(qtbot, tmp_path):
    first = _window(qtbot, tmp_path, 1500)
    first.column_chooser.set_hidden("shipment", set())  # everything shown, though cramped
    first.close()
    again = _window(qtbot, tmp_path, 1500)
    try:
        assert not _hidden(again)
        view = again.records.view  # cramped, as they chose: the shipper below its floor
        shipper = [c.key for c in again.records.model.columns()].index("shipper")
        assert view.columnWidth(shipper) < FLOOR_PX
    finally:
        again.close()


def test_a_wide_window_hides_nothing(qtbot, tmp_path):
    win = _window(qtbot, tmp_path, 2600)
    try:
        assert win.records.view.viewport().width() > 1100
        assert not _hidden(win)
        assert win.records.widths.crowded("shipment") == set()
        assert win.records.count_label.text() == "4 records"
    finally:
        win.close()


def _namesakes(path):
    """A case of two SMIRNOV, Maria, each with a birth date and an INN."""
    from casefile.services.case.facade import Case

    with Case.new(path) as case:
        for born, inn in (("1961-04-02", "7707083893"), ("1975-11-30", "7728168971")):
            eid = case.create("entity", {"name": "SMIRNOV, Maria", "kind": "person",
                                         "birth": born}).result
            case.create("identifier", {"entity_id": eid, "scheme": "INN", "value": inn})


def test_namesakes_are_told_apart_by_birth_date_and_identifier(qtbot, tmp_path):
    """A list's parties of one name show their birth dates and identifiers (columns a case
    without any does not show)."""

    path = tmp_path / "list.casefile"
    _namesakes(path)
    win = _window(qtbot, tmp_path, 1500)
    try:
        win.open_path(path)
        choose_kind(qtbot, win, "entity")
        qtbot.waitUntil(lambda: win.records.model.rowCount() == 2, timeout=10000)
        wait_idle(qtbot, win)
        assert not _hidden(win) & {"born", "identifiers"}
        keys = [c.key for c in win.records.model.columns()]
        rows = {(win.records.model.index(r, keys.index("born")).data(),
                 win.records.model.index(r, keys.index("identifiers")).data())
                for r in range(2)}
        assert rows == {("1961-04-02", "INN 7707083893"), ("1975-11-30", "INN 7728168971")}
    finally:
        win.close()


def test_hiding_tags_in_a_case_without_births_keeps_born_hidden_in_a_list(qtbot, tmp_path):
    """(review17) The user's choice of columns is theirs alone: a column hidden for want of
    a value is not saved with it, and shows in a case that has values."""
    win = _window(qtbot, tmp_path, 1500)
    try:
        choose_kind(qtbot, win, "entity")
        qtbot.waitUntil(lambda: "entity" in win.records.widths.measured, timeout=10000)
        wait_idle(qtbot, win)
        assert _hidden(win) == {"born", "identifiers"}
        _acts(win.column_chooser.menu())["tags"].setChecked(False)  # the user hides Tags
        assert win.settings.value("table/hidden/entity") == "tags"  # the user's only
        path = tmp_path / "list.casefile"
        _namesakes(path)
        win.open_path(path)
        choose_kind(qtbot, win, "entity")
        qtbot.waitUntil(lambda: win.records.model.rowCount() == 2, timeout=10000)
        wait_idle(qtbot, win)
        assert not _hidden(win) & {"born", "identifiers"}
    finally:
        win.close()


def test_born_appears_once_parties_with_births_arrive(qtbot, tmp_path):
    """(review17) Born and Identifiers come into view when the first values do."""
    win = _window(qtbot, tmp_path, 1500)
    try:
        path = tmp_path / "new.casefile"
        with Case.new(path) as case:
            case.create("entity", {"name": "Volga Trade"})
        win.open_path(path)
        choose_kind(qtbot, win, "entity")
        qtbot.waitUntil(lambda: win.records.model.rowCount() == 1, timeout=10000)
        wait_idle(qtbot, win)
        assert {"born", "identifiers"} <= _hidden(win)
        def fill(case):
            def f(tx):
                from casefile.services.case.operations import insert_row
                for i in range(30):
                    e = insert_row(tx, "entity", {"name": "SMIRNOV, Maria", "kind": "person",
                                                  "birth": f"19{50 + i}"})
                    insert_row(tx, "identifier", {"entity_id": e, "scheme": "INN",
                                                  "value": f"77070838{i:02d}"})
            return case.operation("Import", f)
        win.session.op(fill).run()
        qtbot.waitUntil(lambda: win.records.model.rowCount() == 31, timeout=10000)
        wait_idle(qtbot, win)
        qtbot.wait(300)
        assert not _hidden(win) & {"born", "identifiers"}
    finally:
        win.close()


def test_a_column_without_values_is_not_offered_to_tick(qtbot, tmp_path):
    """(review18) Ticking Born where no party has one did nothing: the menu says it comes
    when there are values, and does not offer it; Show All Columns leaves it be."""
    win = _window(qtbot, tmp_path, 1500)
    try:
        choose_kind(qtbot, win, "entity")
        qtbot.waitUntil(lambda: "entity" in win.records.widths.measured, timeout=10000)
        wait_idle(qtbot, win)
        menu = win.column_chooser.menu()
        acts = _acts(menu)
        assert not acts["born"].isEnabled() and "shown when there are" in acts["born"].text()
        show_all = next(a for a in menu.actions() if a.text() == "Show All Columns")
        assert not show_all.isEnabled()  # nothing else hidden in the demo's parties
    finally:
        win.close()


def test_born_goes_again_when_its_last_value_goes(qtbot, tmp_path):
    """(review18) Born and Identifiers are hidden again once no row has a value: after the
    parties that had them are undone, and after the one birth left is cleared in an edit."""
    win = _window(qtbot, tmp_path, 1500)
    try:
        path = tmp_path / "new.casefile"
        with Case.new(path) as case:
            case.create("entity", {"name": "Volga Trade"})
            case.create("entity", {"name": "PETROV, Ivan", "kind": "person",
                                   "birth": "1961-04-02"})
        win.open_path(path)
        choose_kind(qtbot, win, "entity")
        qtbot.waitUntil(lambda: win.records.model.rowCount() == 2, timeout=10000)
        wait_idle(qtbot, win)
        assert "born" not in _hidden(win) and "identifiers" in _hidden(win)

        def fill(case):
            def f(tx):
                from casefile.services.case.operations import insert_row
                for i in range(3):
                    e = insert_row(tx, "entity", {"name": f"Baltic {i}"})
                    insert_row(tx, "identifier", {"entity_id": e, "scheme": "INN",
                                                  "value": f"77070838{i:02d}"})
            return case.operation("Import", f)
        win.session.op(fill).run()
        qtbot.waitUntil(lambda: win.records.model.rowCount() == 5, timeout=10000)
        wait_idle(qtbot, win)
        qtbot.waitUntil(lambda: "identifiers" not in _hidden(win), timeout=5000)
        win.menus.undo.trigger()  # the parties with identifiers go
        qtbot.waitUntil(lambda: win.records.model.rowCount() == 2, timeout=10000)
        wait_idle(qtbot, win)
        qtbot.waitUntil(lambda: "identifiers" in _hidden(win), timeout=5000)
        assert "born" not in _hidden(win)
        win.session.op(lambda case: case.update("entity", 2, {"birth": None})).run()
        qtbot.waitUntil(lambda: not any(win.records.model.index(r, _col(win, "born")).data()
                                        for r in range(2)), timeout=10000)
        wait_idle(qtbot, win)
        qtbot.waitUntil(lambda: "born" in _hidden(win), timeout=5000)
    finally:
        win.close()


def _col(win, key):
    return next(i for i, c in enumerate(win.records.model.columns()) if c.key == key)
