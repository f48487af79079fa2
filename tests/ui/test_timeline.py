from datetime import date

import numpy as np
from PySide6.QtCore import QPointF

from casefile.services.queries.timeline import case_timeline
from tests.ui.conftest import choose_kind, wait_idle


def _wait_timeline(qtbot, win):
    qtbot.waitUntil(lambda: win.timeline.plot.timeline is not None, timeout=10000)
    wait_idle(qtbot, win)
    return win.timeline.plot.timeline


def test_demo_shipments_in_order_with_their_spans(demo):
    with demo.read() as conn:
        tl = case_timeline(conn)
    ships = [r for r in tl.rows if r.record.kind == "shipment"]
    spans = sorted((r.start, r.end, r.record.date_text, r.style) for r in ships)
    assert spans == [
        (date(2022, 6, 1), date(2022, 6, 30), "June 2022", "span"),
        (date(2022, 9, 1), date(2022, 12, 31), "late 2022", "approx"),
        (date(2022, 9, 1), date(2022, 12, 31), "late 2022", "approx"),
        (date(2022, 11, 1), date(2022, 12, 31), "November and December 2022", "span")]


def test_clicking_an_item_selects_its_record(qtbot, demo_window):
    win = demo_window
    _wait_timeline(qtbot, win)
    plot = win.timeline.plot
    i = next(n for n, r in enumerate(plot.timeline.rows)
             if r.record.kind == "shipment" and r.record.date_text == "June 2022")
    vb = plot.getViewBox()
    centre = vb.mapViewToScene(QPointF((plot.x0[i] + plot.x1[i]) / 2, plot.y[i]))
    assert plot.index_at(centre) == i
    clicked = []
    plot.record_clicked.connect(lambda k, rid: clicked.append((k, rid)))

    class Click:
        def scenePos(self):
            return centre
    plot._clicked(Click())
    assert clicked == [("shipment", 1)]
    qtbot.waitUntil(lambda: win.current_kind() == "shipment"
                    and win.records.current_id() == 1, timeout=10000)
    qtbot.waitUntil(lambda: win.editor.current is not None
                    and win.editor.current.record_id == 1, timeout=10000)


def test_a_date_edit_moves_the_bar(qtbot, demo_window):
    win = demo_window
    _wait_timeline(qtbot, win)
    choose_kind(qtbot, win, "shipment")
    win.records.select_id(1)
    qtbot.waitUntil(lambda: win.editor.current is not None and win.editor.current.record_id == 1)
    date_field = win.editor.current.widgets["date"]
    date_field.line.setText("March 2022")
    date_field.line.editingFinished.emit()
    wait_idle(qtbot, win)

    def moved():
        tl = win.timeline.plot.timeline
        r = next(r for r in tl.rows if r.record.kind == "shipment" and r.record.id == 1)
        return r.start == date(2022, 3, 1) and r.end == date(2022, 3, 31)
    qtbot.waitUntil(moved, timeout=10000)


def test_selection_in_the_table_highlights_on_the_timeline(qtbot, demo_window):
    win = demo_window
    _wait_timeline(qtbot, win)
    choose_kind(qtbot, win, "shipment")
    win.records.select_id(4)
    plot = win.timeline.plot
    qtbot.waitUntil(lambda: plot.highlight_item is not None, timeout=5000)
    x0 = plot.highlight_item.opts["x0"]
    assert len(x0) == 1


def test_lanes_by_entity(qtbot, demo_window):
    win = demo_window
    _wait_timeline(qtbot, win)
    win.timeline.group.setCurrentIndex(win.timeline.group.findData("entity"))
    qtbot.waitUntil(lambda: "Tekhkrim" in win.timeline.plot.timeline.lanes, timeout=10000)
    tl = win.timeline.plot.timeline
    lanes = {tl.lanes[r.lane] for r in tl.rows if r.record.kind == "shipment"
             and r.record.id == 1}
    assert lanes == {"China North Industries Group Corporation Limited", "Tekhkrim"}


def test_export_png_and_svg(qtbot, demo_window, tmp_path):
    win = demo_window
    _wait_timeline(qtbot, win)
    png = win.timeline.export(tmp_path / "t.png")
    svg = win.timeline.export(tmp_path / "t.svg")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5000
    import xml.etree.ElementTree as ET
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg") and len(list(root.iter())) > 20


def test_filter_tables_to_the_view(qtbot, demo_window):
    win = demo_window
    _wait_timeline(qtbot, win)
    choose_kind(qtbot, win, "shipment")
    win.timeline.plot.getViewBox().setXRange(
        (date(2022, 10, 15).toordinal() - 719163) * 86400.0,
        (date(2023, 1, 31).toordinal() - 719163) * 86400.0, padding=0)
    win.timeline.filter_requested.emit(*win.timeline.plot.visible_range())
    qtbot.waitUntil(lambda: win.records.model.rowCount() == 3, timeout=10000)
    assert np.all([win.records.model.index(r, 0).data() != "June 2022" for r in range(3)])


def _tick_texts(plot):
    axis = plot.getAxis("bottom")
    (xa, xb), _ = plot.getViewBox().viewRange()
    texts = []
    for spacing, ticks in axis.tickValues(xa, xb, max(axis.width(), 400)):
        texts += axis.tickStrings(ticks, 1, spacing)
    return texts


def _open_new_case(qtbot, window, tmp_path):
    from casefile.services.case.facade import Case

    path = tmp_path / "new.casefile"
    Case.new(path, title="New case").close()
    window.open_path(path)
    qtbot.waitUntil(lambda: window.case is not None, timeout=10000)
    return _wait_timeline(qtbot, window)


def test_an_empty_case_says_how_to_fill_the_timeline(qtbot, window, tmp_path):
    tl = _open_new_case(qtbot, window, tmp_path)
    dock = window.timeline
    assert len(tl) == 0
    assert dock.empty.isVisibleTo(dock) and not dock.plot.isVisibleTo(dock)
    assert "No dated records yet" in dock.empty.text() and "date" in dock.empty.text()
    window.case.create("entity", {"name": "Undated party"})  # an edit that draws nothing
    window.timeline.reload()
    wait_idle(qtbot, window)
    assert dock.empty.isVisibleTo(dock)
    assert not any(":" in t or "." in t for t in _tick_texts(dock.plot))
    from casefile.ui.ops import records as record_ops

    record_ops.create_record(window.session, "event", {"title": "Statement",
                                                       "date": "15 June 2022"}).run()
    qtbot.waitUntil(lambda: len(dock.plot.timeline) == 1, timeout=10000)
    assert dock.plot.isVisibleTo(dock) and not dock.empty.isVisibleTo(dock)
    assert dock.note.text().startswith("1 dated record;")


def test_one_dated_day_shows_dates_on_the_axis_at_any_zoom(qtbot, window, tmp_path):
    _open_new_case(qtbot, window, tmp_path)
    window.case.create("event", {"title": "Statement", "date": "2022-06-15"})
    window.timeline.reload(keep_range=False)
    qtbot.waitUntil(lambda: len(window.timeline.plot.timeline) == 1, timeout=10000)
    plot = window.timeline.plot
    weekdays = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    for hours in (None, 24, 1):
        if hours is not None:  # zoomed in as far as the wheel goes
            mid = (date(2022, 6, 15).toordinal() - 719163) * 86400.0
            plot.getViewBox().setXRange(mid, mid + hours * 3600, padding=0)
        texts = _tick_texts(plot)
        assert texts and not any(":" in t or t.startswith(weekdays) for t in texts), texts
        (xa, xb), _ = plot.getViewBox().viewRange()
        assert xb - xa >= 3 * 86400 - 1
