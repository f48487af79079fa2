"""The timeline in a short dock: a scroll bar says there are more lanes and reaches them, and
a record selected anywhere is brought into view — scrolled and panned, never zoomed."""

from datetime import date

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from casefile.ui.timeline_view import DAY
from tests.ui.conftest import choose_kind, wait_idle


def _x(d):
    return (d.toordinal() - 719163) * DAY


@pytest.fixture
def short_dock(qtbot, demo_window, tmp_path):
    """The demo case at 1100×700, lanes by entity (nine of them) in a 220 px dock."""
    win = demo_window
    win.resize(1100, 700)
    qtbot.waitUntil(lambda: win.timeline.plot.timeline is not None, timeout=10000)
    dock = win.timeline
    dock.group.setCurrentIndex(dock.group.findData("entity"))
    qtbot.waitUntil(lambda: "Tekhkrim" in dock.plot.timeline.lanes, timeout=10000)
    win.resizeDocks([dock], [220], Qt.Orientation.Vertical)
    qtbot.waitUntil(lambda: dock.plot.getViewBox().height() < 150, timeout=5000)
    wait_idle(qtbot, win)
    qtbot.wait(100)
    return win


def _rows_in_view(plot):
    _, (ya, yb) = plot.getViewBox().viewRange()
    return min(ya, yb), max(ya, yb)


def _shown(plot, kind, rid):
    """The items of a record that are in view, each as (lane, first day)."""
    tl = plot.timeline
    (xa, xb), _ = plot.getViewBox().viewRange()
    top, bottom = _rows_in_view(plot)
    return [(tl.lanes[r.lane], r.start) for i, r in enumerate(tl.rows)
            if r.record.kind == kind and r.record.id == rid
            and top <= plot.y[i] - 0.25 and plot.y[i] + 0.25 <= bottom
            and plot.x1[i] > xa and plot.x0[i] < xb]


def test_a_short_dock_has_a_scroll_bar_that_reaches_the_last_lane(qtbot, short_dock, tmp_path):
    win = short_dock
    dock, plot = win.timeline, win.timeline.plot
    top, bottom = _rows_in_view(plot)
    last_row = plot.timeline.height - 1
    assert bottom < last_row  # the lanes overflow the dock…
    bar = dock.lane_bar
    assert bar.isVisible() and bar.maximum() > 0  # …and the bar says so
    assert bar.pageStep() < bar.maximum() + bar.pageStep()
    win.grab().save(str(tmp_path / "short_dock.png"))
    bar.setValue(bar.maximum())
    top, bottom = _rows_in_view(plot)
    assert top <= last_row - 0.25 and last_row + 0.25 <= bottom
    assert bar.value() == bar.maximum()
    # dragging the chart moves the bar with it
    vb = plot.getViewBox()
    vb.setYRange(top - 2, bottom - 2, padding=0)
    assert bar.value() < bar.maximum()
    # a dock tall enough for every lane has no bar
    win.resizeDocks([dock], [620], Qt.Orientation.Vertical)
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=5000)
    top, bottom = _rows_in_view(plot)
    assert top <= 0 and bottom >= last_row


def test_selecting_a_record_in_a_lane_below_scrolls_to_it_without_zooming(qtbot, short_dock):
    win = short_dock
    plot = win.timeline.plot
    choose_kind(qtbot, win, "shipment")
    # shipment 3 (late 2022, body armour) lies in two lanes near the bottom only
    assert not _shown(plot, "shipment", 3)
    (xa, xb), _ = plot.getViewBox().viewRange()
    top, bottom = _rows_in_view(plot)
    win.records.select_id(3)
    qtbot.waitUntil(lambda: bool(_shown(plot, "shipment", 3)), timeout=5000)
    (xa2, xb2), _ = plot.getViewBox().viewRange()
    top2, bottom2 = _rows_in_view(plot)
    assert (xa2, xb2) == pytest.approx((xa, xb))  # the time in view stays
    assert bottom2 - top2 == pytest.approx(bottom - top)  # so does the row height
    assert win.timeline.lane_bar.value() > 0


def test_selection_pans_the_time_when_the_item_is_outside_it(qtbot, short_dock):
    win = short_dock
    plot = win.timeline.plot
    choose_kind(qtbot, win, "shipment")
    vb = plot.getViewBox()
    vb.setXRange(_x(date(2021, 1, 1)), _x(date(2021, 4, 1)), padding=0)  # 2021 Q1 only
    span = _x(date(2021, 4, 1)) - _x(date(2021, 1, 1))
    win.records.select_id(4)  # November and December 2022
    qtbot.waitUntil(lambda: bool(_shown(plot, "shipment", 4)), timeout=5000)
    (xa, xb), _ = vb.viewRange()
    assert xb - xa == pytest.approx(span)  # panned, not zoomed
    assert xa <= _x(date(2022, 11, 15)) <= xb


def test_a_record_in_view_already_moves_nothing(qtbot, short_dock):
    win = short_dock
    plot = win.timeline.plot
    choose_kind(qtbot, win, "shipment")
    assert _shown(plot, "shipment", 1)  # June 2022, China North Industries: the top lane
    before = plot.getViewBox().viewRange()
    win.records.select_id(1)
    qtbot.waitUntil(lambda: plot.highlight_item is not None, timeout=5000)
    qtbot.wait(50)
    after = plot.getViewBox().viewRange()
    assert after[0] == pytest.approx(before[0]) and after[1] == pytest.approx(before[1])


def test_a_selection_made_before_the_timeline_is_drawn_is_shown_once_it_is(qtbot, short_dock):
    win = short_dock
    dock, plot = win.timeline, win.timeline.plot
    choose_kind(qtbot, win, "shipment")
    win.records.select_id(3)
    qtbot.waitUntil(lambda: bool(_shown(plot, "shipment", 3)), timeout=5000)
    win.records.select_id(1)
    qtbot.waitUntil(lambda: bool(_shown(plot, "shipment", 1)), timeout=5000)
    # the grouping changes (a fresh timeline, from the top), then shipment 3 is selected
    # while the new one is still being read
    dock.group.setCurrentIndex(dock.group.findData("country"))
    dock.group.setCurrentIndex(dock.group.findData("entity"))
    win.records.select_id(3)
    wait_idle(qtbot, win)
    qtbot.waitUntil(lambda: bool(_shown(plot, "shipment", 3)), timeout=5000)


def test_the_wheel_over_the_lane_names_scrolls_the_lanes(qtbot, short_dock):
    win = short_dock
    plot = win.timeline.plot
    (xa, xb), _ = plot.getViewBox().viewRange()
    top, bottom = _rows_in_view(plot)
    axis = plot.lane_axis
    where = axis.mapToScene(axis.boundingRect().center())
    pos = plot.mapFromScene(where)
    event = QWheelEvent(QPointF(pos), QPointF(plot.viewport().mapToGlobal(pos)), QPoint(),
                        QPoint(0, -120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(plot.viewport(), event)
    top2, bottom2 = _rows_in_view(plot)
    assert top2 == pytest.approx(top + 3) and bottom2 - top2 == pytest.approx(bottom - top)
    assert plot.getViewBox().viewRange()[0] == pytest.approx([xa, xb])  # time: no zoom
    assert win.timeline.lane_bar.value() > 0


def test_a_mark_goes_with_the_selection_and_never_passes_to_another_case(qtbot, demo_window,
                                                                          tmp_path):
    """A sanction selected, then another section shown with nothing selected: the timeline
    and the chart drop their marks. Another case opened: nothing of the first is marked on
    the record of the same kind and number."""
    from casefile.services.exchange.demo import write_demo

    win = demo_window
    dock = win.timeline
    qtbot.waitUntil(lambda: dock.plot.timeline is not None, timeout=10000)
    choose_kind(qtbot, win, "sanction")
    assert win.records.select_id(1)
    qtbot.waitUntil(lambda: dock.plot.highlight_item is not None, timeout=5000)
    choose_kind(qtbot, win, "event")
    wait_idle(qtbot, win)
    assert win.records.selected_ids() == []
    assert dock.plot.highlight_item is None and win.chart.table_selection == []
    choose_kind(qtbot, win, "sanction")
    assert win.records.select_id(1)
    qtbot.waitUntil(lambda: dock.plot.highlight_item is not None, timeout=5000)
    other = write_demo(tmp_path / "other.casefile")
    other.close()
    win.open_path(tmp_path / "other.casefile")
    qtbot.waitUntil(lambda: win.case is not None and win.case.path.name == "other.casefile",
                    timeout=10000)
    wait_idle(qtbot, win)
    qtbot.waitUntil(lambda: dock.plot.timeline is not None and len(dock.plot.timeline) > 0,
                    timeout=10000)
    wait_idle(qtbot, win)
    # what the timeline marks is what the table selects in this case, nothing else
    assert dock._selected == [(win.records.kind, i) for i in win.records.selected_ids()]
    assert (dock.plot.highlight_item is None) == (not win.records.selected_ids())


def test_a_table_read_again_does_not_move_a_timeline_panned_away(qtbot, short_dock):
    """The table read afresh (after an edit or a filter) drops and gives back the same
    selection: that is no new selection, and the view the user panned to stays."""
    win = short_dock
    plot = win.timeline.plot
    choose_kind(qtbot, win, "shipment")
    win.records.select_id(4)
    qtbot.waitUntil(lambda: bool(_shown(plot, "shipment", 4)), timeout=5000)
    vb = plot.getViewBox()
    vb.setXRange(_x(date(2021, 1, 1)), _x(date(2021, 4, 1)), padding=0)  # panned away
    qtbot.wait(50)
    before = vb.viewRange()[0]
    win.records.reload()
    wait_idle(qtbot, win)
    qtbot.wait(200)
    assert win.records.selected_ids() == [4]
    assert vb.viewRange()[0] == before


def test_zoom_to_selection_scrolls_to_the_lanes_of_the_party_selected(qtbot, short_dock):
    """(look23) With lanes by entity, a party selected and Zoom to selection pressed, the
    view stayed on the first three lanes and the party's were out of sight."""
    win = short_dock
    dock, plot = win.timeline, win.timeline.plot
    choose_kind(qtbot, win, "entity")

    def in_view(marked):
        top, bottom = _rows_in_view(plot)
        return any(top <= plot.y[i] - 0.25 and plot.y[i] + 0.25 <= bottom for i in marked)

    with win.case.read() as conn:
        ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM entity ORDER BY id")]
    found = None
    for rid in ids:  # a party none of whose records is in view at one end of the lanes
        win.records.select_id(rid)
        qtbot.waitUntil(lambda r=rid: ("entity", r) in dock._marked(), timeout=5000)
        qtbot.wait(100)
        marked = dock._indexes(dock._marked())
        if not len(marked):
            continue
        for end in (0, dock.lane_bar.maximum()):
            dock.lane_bar.setValue(end)
            qtbot.wait(20)
            if not in_view(marked):
                found = marked
                break
        if found is not None:
            break
    assert found is not None
    qtbot.mouseClick(dock.zoom_sel, Qt.MouseButton.LeftButton)
    assert in_view(found)
