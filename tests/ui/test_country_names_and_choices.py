"""Country names beside codes in the records table and the editor; alias kinds and route
roles chosen from a list (free text still taken); Accessed takes a fuzzy date."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from casefile.ui.cell_delegates import with_country_names
from tests.ui.conftest import choose_kind, wait_idle


def test_with_country_names():
    assert with_country_names("RU, CN") == "Russia (RU), China (CN)"
    assert with_country_names("TR → Dubai") == "Turkey (TR) → Dubai"
    assert with_country_names("") == ""


def _shown(view, row, col):
    index = view.model().index(row, col)
    delegate = view.itemDelegateForIndex(index)
    return delegate.displayText(index.data(), view.locale())


def test_tables_show_country_names(qtbot, demo_window, tmp_path):
    win = demo_window
    choose_kind(qtbot, win, "entity")
    keys = [c.key for c in win.records.model.columns()]
    col = keys.index("country")
    texts = {_shown(win.records.view, r, col) for r in range(win.records.model.rowCount())}
    assert "Russia (RU)" in texts and "China (CN)" in texts
    # the column is sized to the names as shown, not to the codes
    widest = max(win.records.view.fontMetrics().horizontalAdvance(t) for t in texts)
    assert win.records.view.columnWidth(col) >= widest
    choose_kind(qtbot, win, "shipment")
    col = [c.key for c in win.records.model.columns()].index("route")
    texts = {_shown(win.records.view, r, col) for r in range(win.records.model.rowCount())}
    assert "Turkey (TR)" in texts
    name_col = [c.key for c in win.records.model.columns()].index("shipper")
    assert _shown(win.records.view, 0, name_col) == win.records.model.index(0, name_col).data()
    qtbot.wait(50)
    win.grab().save(str(tmp_path / "countries.png"))


def test_route_roles_and_alias_kinds_are_lists_with_free_text(qtbot, demo_window, tmp_path):
    win = demo_window
    choose_kind(qtbot, win, "shipment")
    with win.case.read() as conn:
        sid = conn.exec_driver_sql(
            "SELECT shipment_id FROM route_stop LIMIT 1").scalar()
    win.records.select_id(sid)
    qtbot.waitUntil(lambda: win.editor.shown() == ("shipment", sid), timeout=10000)
    table = win.editor.editors["shipment"].children_tables["route_stop"].table
    assert table.itemDelegateForColumn(0).displayText("TR", table.locale()) == "Turkey (TR)"
    assert table.item(0, 0).text() == "TR"  # what is stored and typed stays the code
    table.setCurrentCell(0, 2)
    table.editItem(table.item(0, 2))
    box = table.findChild(QComboBox)
    assert box is not None and box.isEditable()
    assert [box.itemText(i) for i in range(box.count())][:3] == [
        "transit", "transshipment", "intermediary"]
    box.setCurrentText("bonded warehouse")  # not in the list: taken as typed
    table.setCurrentCell(0, 0)  # leaving the cell commits it
    qtbot.waitUntil(lambda: [r["role"] for r in win.case.children(
        "route_stop", "shipment_id", sid)][0] == "bonded warehouse", timeout=10000)
    wait_idle(qtbot, win)
    choose_kind(qtbot, win, "entity")
    win.records.select_id(2)
    qtbot.waitUntil(lambda: win.editor.shown() == ("entity", 2), timeout=10000)
    aliases = win.editor.editors["entity"].children_tables["alias"].table
    aliases.setCurrentCell(0, 2)
    aliases.editItem(aliases.item(0, 2))
    box = aliases.findChild(QComboBox)
    assert "transliteration" in [box.itemText(i) for i in range(box.count())]
    aliases.setCurrentCell(0, 0)


def test_other_countries_show_their_names_and_accessed_is_fuzzy(qtbot, demo_window):
    win = demo_window
    rid = win.case.create("entity", {"name": "Trader", "other_countries": "TR,AE"}).result
    choose_kind(qtbot, win, "entity")
    win.records.select_id(rid)
    qtbot.waitUntil(lambda: win.editor.shown() == ("entity", rid), timeout=10000)
    ed = win.editor.editors["entity"]
    assert ed.code_hints["other_countries"].text() == "Turkey, United Arab Emirates"
    choose_kind(qtbot, win, "source")
    sid = win.records.model.record_id(0)
    win.records.select_id(sid)
    qtbot.waitUntil(lambda: win.editor.shown() == ("source", sid), timeout=10000)
    src = win.editor.editors["source"]
    field = src.widgets["accessed"]
    field.setText("5 March 2024")
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.case.get("source", sid)["accessed"] == "2024-03-05",
                    timeout=10000)
    wait_idle(qtbot, win)
    field.setText("sometime")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: src.errors["accessed"].isVisibleTo(src), timeout=10000)
    assert win.case.get("source", sid)["accessed"] == "2024-03-05"
    field.setText("2024-03-05")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    wait_idle(qtbot, win)


def test_a_cell_of_several_countries_shows_codes_and_names_them_in_its_tooltip(
        qtbot, demo_window):
    """(review35, look today) A narrow Countries column showed 'United Kingdom (GB)…' of
    'GB, CY; RU nationality': several codes are shown as codes, one with its name."""
    win = demo_window
    win.case.create("entity", {"name": "Ivan Petrov", "kind": "person", "country": "GB",
                               "other_countries": "CY", "nationality": "RU"})
    choose_kind(qtbot, win, "entity")
    wait_idle(qtbot, win)
    col = [c.key for c in win.records.model.columns()].index("country")
    texts = {_shown(win.records.view, r, col) for r in range(win.records.model.rowCount())}
    assert "GB, CY; RU nationality" in texts
    assert "Russia (RU)" in texts  # one country: with its name
