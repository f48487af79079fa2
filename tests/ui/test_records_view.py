"""The record tables: each section keeps its own sort (shown in the header, remembered), and
what a row shows is the record it opens."""

from PySide6.QtCore import QSettings, Qt

from casefile.ui.main_window import MainWindow
from tests.ui.conftest import choose_kind, wait_idle


def _header(win):
    h = win.records.view.horizontalHeader()
    return h.sortIndicatorSection(), h.sortIndicatorOrder()


def test_each_section_keeps_its_own_sort(qtbot, demo_window, tmp_path):
    win = demo_window
    choose_kind(qtbot, win, "shipment")
    weight = [c.key for c in win.records.model.columns()].index("weight")
    assert weight > 4
    win.records.view.sortByColumn(weight, Qt.SortOrder.DescendingOrder)
    assert win.records.model.index(0, weight).data() == "12,000"
    choose_kind(qtbot, win, "entity")  # the entities' own sort, not the shipments' column
    model = win.records.model
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Name"
    assert model.columnCount() == 8 and _header(win)[0] == -1  # entities are not sorted
    for row in range(model.rowCount()):  # each row opens the record it shows
        rid = model.record_id(row)
        assert model.index(row, 0).data() == win.case.get("entity", rid)["name"]
    win.records.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    names = [model.index(r, 0).data().casefold() for r in range(model.rowCount())]
    assert names == sorted(names)
    choose_kind(qtbot, win, "shipment")
    assert _header(win) == (weight, Qt.SortOrder.DescendingOrder)
    assert win.records.model.index(0, weight).data() == "12,000"
    choose_kind(qtbot, win, "event")
    assert _header(win)[0] == -1
    win.records.select_id(1)
    wait_idle(qtbot, win)
    path = win.case.path
    win.close()

    again = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(again)
    again.show()
    again.open_path(path)
    qtbot.waitUntil(lambda: again.case is not None, timeout=10000)
    choose_kind(qtbot, again, "shipment")
    assert _header(again) == (weight, Qt.SortOrder.DescendingOrder)  # remembered
    assert again.records.model.index(0, weight).data() == "12,000"
    choose_kind(qtbot, again, "entity")
    assert _header(again) == (0, Qt.SortOrder.AscendingOrder)
    again.close()


def test_a_sort_the_listing_does_not_have_is_not_applied(demo):
    from casefile.services.queries import listing
    from casefile.ui.table_model import RecordTableModel

    with demo.read() as conn:
        ships = listing.list_records(conn, "shipment")
        ents = listing.list_records(conn, "entity")
    model = RecordTableModel(ships)
    model.sort(9, Qt.SortOrder.DescendingOrder)
    model.set_listing(ents)  # no sort given: the rows in the listing's order
    assert model.rowCount() == len(ents.ids) and model.record_id(0) == ents.ids[0]
    model.set_listing(ships, (42, Qt.SortOrder.AscendingOrder))  # a column it lacks
    assert model.record_id(0) == ships.ids[0]


def test_going_back_to_a_section_shows_its_listing_until_a_change_concerns_it(
        qtbot, demo_window):
    """A section shown before comes back at once, without asking the worker, while no change
    concerns it; after one, the rows the change touched are read again and patched in."""
    from casefile.services.queries import listing
    from tests.ui.conftest import choose_kind, wait_idle

    win = demo_window
    choose_kind(qtbot, win, "shipment")
    shipments = win.records.model._listing
    choose_kind(qtbot, win, "entity")
    asked = []
    win.session.worker._request.connect(lambda *_a: asked.append(1))
    choose_kind(qtbot, win, "shipment")
    assert win.records.model._listing is shipments and asked == []
    assert win.records.count_label.text().startswith(f"{len(shipments.ids)} ")
    # a change to a party the shipments show: read again when next shown
    choose_kind(qtbot, win, "entity")
    win.session.op(lambda case: case.update("entity", 3, {"name": "Renamed maker"})).run()
    wait_idle(qtbot, win)
    choose_kind(qtbot, win, "shipment")
    assert win.records.model._listing is shipments and asked  # patched, not read whole
    names = {win.records.model.index(r, 1).data() for r in range(win.records.model.rowCount())}
    assert "Renamed maker" in names
    with win.case.read() as conn:
        assert shipments.rows == listing.list_records(conn, "shipment").rows


def test_the_window_reads_its_section_before_the_timeline(qtbot, window, tmp_path):
    from casefile.services.exchange.demo import write_demo

    path = tmp_path / "d.casefile"
    write_demo(path).close()
    window.settings.setValue("nav/kind", "shipment")
    events = []
    window.records.listing_shown.connect(lambda kind: events.append(("rows", kind)))
    window.timeline.shown.connect(lambda: events.append(("timeline", "")))
    window.open_path(path)
    qtbot.waitUntil(lambda: ("timeline", "") in events, timeout=10000)
    assert events[0] == ("rows", "shipment"), events
    assert window.records.model.kind == "shipment"


def test_a_section_is_sorted_by_its_sort_on_the_worker_as_it_is_read(qtbot, window, tmp_path,
                                                                      monkeypatch):
    """The order of a 100k-row section by its remembered sort is worked out with the read,
    off the GUI thread; the table shows it sorted at once."""
    import threading

    from casefile.services.exchange.demo import write_demo
    from casefile.ui import table_rows

    path = tmp_path / "d.casefile"
    write_demo(path).close()
    window.settings.setValue("nav/kind", "shipment")
    window.settings.setValue("table/sort/shipment", "weight desc")
    threads = []
    sort = table_rows.permutation
    monkeypatch.setattr(table_rows, "permutation", lambda *a: threads.append(
        threading.current_thread() is threading.main_thread()) or sort(*a))
    window.open_path(path)
    qtbot.waitUntil(lambda: window.records.model.kind == "shipment", timeout=10000)
    weight = [c.key for c in window.records.model.columns()].index("weight")
    assert window.records.model.index(0, weight).data() == "12,000"
    assert threads == [False]  # once, and not on the GUI thread


def test_a_case_opens_on_a_section_it_holds_records_of(qtbot, window, tmp_path):
    """The section last used (another case's) is kept when this case holds any of it; a
    list of parties imported into a new case opens on its parties, not on 'Shipments (0)'."""
    from casefile.services.case.facade import Case
    from casefile.services.exchange.demo import write_demo

    parties = tmp_path / "parties.casefile"
    with Case.new(parties) as case:
        case.create("entity", {"name": "ZALA AERO"})
    window.settings.setValue("nav/kind", "shipment")
    window.open_path(parties)
    qtbot.waitUntil(lambda: window.current_kind() == "entity"
                    and window.records.model.rowCount() == 1, timeout=10000)
    assert window.nav.currentItem().text() == "Entities  (1)"
    assert window.settings.value("nav/kind") == "shipment"  # still the user's choice
    window.session.close()
    qtbot.waitUntil(lambda: window.session.case is None, timeout=10000)
    demo = tmp_path / "d.casefile"
    write_demo(demo).close()
    window.open_path(demo)  # (found by review17: it opened on the parties case's section)
    qtbot.waitUntil(lambda: window.records.model.kind == "shipment"
                    and window.records.model.rowCount() > 0, timeout=10000)
    qtbot.wait(300)  # the counts are in: it stays
    assert window.current_kind() == "shipment"


def test_ctrl_end_selects_the_row_it_goes_to(qtbot, demo_window):
    """(look27) Ctrl+End moved to the last row — the editor showed its party — and left the
    selection on the row before, which the timeline kept marking: two parties at once."""
    from PySide6.QtCore import Qt

    from tests.ui.conftest import choose_kind, wait_idle

    win = demo_window
    choose_kind(qtbot, win, "entity")
    view = win.records.view
    rows = win.records.model.rowCount()
    assert rows > 3
    win.records.select_id(win.records.model.record_id(1))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    last = win.records.model.record_id(rows - 1)
    assert win.records.current_id() == last and win.records.selected_ids() == [last]
    wait_idle(qtbot, win)
    qtbot.waitUntil(lambda: win.editor.shown() == ("entity", last), timeout=5000)
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    first = win.records.model.record_id(0)
    assert win.records.selected_ids() == [first]
    # the keypad's End, as X11 marks it with NumLock off (review30)
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.KeypadModifier)
    assert win.records.selected_ids() == [last]
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    # Shift still extends; Ctrl with an arrow moves alone, for Ctrl+Space to add a row
    # that is not next to the others (review30: it had come to select instead)
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    second, third = win.records.model.record_id(1), win.records.model.record_id(2)
    assert sorted(win.records.selected_ids()) == sorted([first, second])
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    fourth = win.records.model.record_id(3)
    assert sorted(win.records.selected_ids()) == sorted([first, second, fourth])
    assert third not in win.records.selected_ids()
