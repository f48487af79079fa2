"""A party's sanctions, relationships, events and shipments at the top of its page in the
editor: the first few of each kind, how many there are, Enter or a double-click opening the
record, 'All about this party…' for the rest; the list follows edits."""

from PySide6.QtCore import Qt

from casefile.ui.party_connections import NOTHING
from tests.ui.conftest import wait_idle
from tests.ui.test_party_view import _select_party


def test_a_partys_page_lists_what_touches_it_and_opens_it(qtbot, demo_window):
    win = demo_window
    rid = _select_party(qtbot, win, "Da-Jiang Innovations Science & Technology Co.")
    panel = win.editor.connections
    qtbot.waitUntil(lambda: len(panel.texts()) == 5, timeout=10000)
    kinds = [panel.table.item(r, 0).text() for r in range(panel.table.rowCount())]
    assert kinds == ["Sanction", "Event", "Event", "Event", "Shipment"]  # sanctions first
    assert "Treasury" in panel.texts()[0]
    # (helper-60) what tells rows apart comes first in a narrow pane: a sanction's standing;
    # a long date in its short form, as the records table shows it (whole in the tooltip)
    assert panel.texts()[0].startswith("U.S. Department of the Treasury")  # no standing said
    assert panel.table.item(4, 1).text() == "Nov–Dec 2022"
    assert "November and December 2022" in panel.table.item(4, 1).toolTip()
    assert panel.summary.text() == "1 sanction · 3 events · 1 shipment"
    assert panel.heading.text().endswith("(5)")
    panel.table.setCurrentCell(4, 2)
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)  # Enter opens the shipment
    with win.case.read() as conn:
        sid = conn.exec_driver_sql("SELECT id FROM shipment WHERE shipper_id = ?",
                                   (rid,)).scalar()
    qtbot.waitUntil(lambda: win.editor.shown() == ("shipment", sid), timeout=10000)
    wait_idle(qtbot, win)


def test_a_party_with_many_shipments_lists_the_first_and_says_how_many(qtbot, demo_window):
    win = demo_window
    rid = _select_party(qtbot, win, "Tekhkrim")
    panel = win.editor.connections
    qtbot.waitUntil(lambda: bool(panel.texts()), timeout=10000)

    def more(case):
        def f(tx):
            from casefile.services.case.operations import insert_row
            for i in range(45):
                insert_row(tx, "shipment", {"consignee_id": rid, "declared_goods": f"lot {i}",
                                            "date_text": f"{1990 + i}"})
        return case.operation("Import", f)
    win.session.op(more).run()
    qtbot.waitUntil(lambda: "46 shipments" in panel.summary.text(), timeout=10000)
    assert "(the first 20 listed)" in panel.summary.text()
    assert sum(1 for r in range(panel.table.rowCount())
               if panel.table.item(r, 0).text() == "Shipment") == 20
    # case text stays text
    other = win.case.create("entity", {"name": "<b>Partner</b> & Co"}).result
    win.session.op(lambda case: case.create("relationship", {
        "subject_id": rid, "object_id": other, "kind": "owns"})).run()
    qtbot.waitUntil(lambda: any("<b>Partner</b> & Co" in t for t in panel.texts()),
                    timeout=10000)
    wait_idle(qtbot, win)


def test_a_party_nothing_touches_says_so(qtbot, demo_window):
    win = demo_window
    rid = win.case.create("entity", {"name": "Lonely Trading"}).result
    win.go_to("entity", rid)
    qtbot.waitUntil(lambda: win.editor.shown() == ("entity", rid), timeout=10000)
    panel = win.editor.connections
    qtbot.waitUntil(lambda: panel.summary.text() == NOTHING, timeout=10000)
    assert not panel.table.isVisibleTo(panel) and panel.texts() == []
    wait_idle(qtbot, win)
