from datetime import date

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt

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

        def button(self):
            return Qt.MouseButton.LeftButton
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


def test_a_party_selected_in_the_table_marks_its_records_on_the_timeline(qtbot,
                                                                         demo_window):
    """A party has no row of its own on the timeline: selecting it marks its dated
    shipments, sanctions, relationships and events, and Zoom to selection goes to them."""
    win = demo_window
    _wait_timeline(qtbot, win)
    choose_kind(qtbot, win, "entity")
    dji = next(r for r in range(win.records.model.rowCount())
               if win.records.model.index(r, 0).data().startswith("Da-Jiang"))
    dji_id = win.records.model.record_id(dji)
    win.records.select_id(dji_id)
    plot = win.timeline.plot
    qtbot.waitUntil(lambda: plot.highlight_item is not None, timeout=5000)
    tl = plot.timeline
    marked = {(tl.rows[i].record.kind, tl.rows[i].record.id)
              for i in win.timeline._indexes(win.timeline._marked())}
    with win.case.read() as conn:
        mine = {("sanction", r[0]) for r in conn.exec_driver_sql(
            "SELECT id FROM sanction WHERE entity_id = ?", (dji_id,))} | {
            ("shipment", r[0]) for r in conn.exec_driver_sql(
                "SELECT id FROM shipment WHERE shipper_id = ? OR consignee_id = ?",
                (dji_id, dji_id))} | {("event", r[0]) for r in conn.exec_driver_sql(
                    "SELECT event_id FROM event_party WHERE entity_id = ?", (dji_id,))} | {
            ("relationship", r[0]) for r in conn.exec_driver_sql(
                "SELECT id FROM relationship WHERE subject_id = ? OR object_id = ?",
                (dji_id, dji_id))}
    dated = {(r.kind, r.id) for r in tl.records}
    assert marked == mine & dated and marked  # its own records, and only those
    assert len(plot.highlight_item.opts["x0"]) == len(win.timeline._indexes(
        win.timeline._marked()))


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


def test_the_tables_date_filter_zooms_the_timeline_to_its_period(qtbot, demo_window):
    """(look22) Typing a period in the table's date filter narrowed the table only: the
    timeline now shows that period (an open end: the case's first or last date), and the
    whole case again when the dates are cleared."""
    win = demo_window
    _wait_timeline(qtbot, win)
    plot = win.timeline.plot
    whole = plot.visible_range()
    choose_kind(qtbot, win, "shipment")
    qtbot.keyClicks(win.records.date_from, "Oct 2022")
    qtbot.keyClicks(win.records.date_to, "Jan 2023")
    qtbot.waitUntil(lambda: win.records.model.rowCount() == 3, timeout=10000)
    qtbot.waitUntil(lambda: plot.visible_range() != whole, timeout=5000)
    first, last = plot.visible_range()
    assert "2022-09-28" <= first <= "2022-10-01" and "2023-01-31" <= last <= "2023-02-04"
    win.records.date_to.clear()  # from October 2022 to the case's last date
    qtbot.waitUntil(lambda: plot.visible_range()[0] != first
                    or plot.visible_range()[1] != last, timeout=5000)
    assert "2022-09-20" <= plot.visible_range()[0] <= "2022-10-01"
    win.records.date_to.setText("Jan 2023")
    qtbot.waitUntil(lambda: "2023-01-31" <= plot.visible_range()[1] <= "2023-02-04",
                    timeout=5000)
    shown = plot.visible_range()
    win.records.date_to.setText("Jan 20")  # half typed: not understood, the view stays
    qtbot.wait(500)
    assert plot.visible_range() == shown and win.records.problem.isVisibleTo(win.records)
    win.records.bar.clear()
    qtbot.waitUntil(lambda: plot.visible_range() == whole, timeout=5000)
    # the view's own period, filtered to, leaves the view where it is
    plot.getViewBox().setXRange(
        (date(2022, 10, 15).toordinal() - 719163) * 86400.0,
        (date(2023, 1, 31).toordinal() - 719163) * 86400.0, padding=0)
    shown = plot.visible_range()
    win.timeline.filter_requested.emit(*shown)
    qtbot.waitUntil(lambda: win.records.model.rowCount() == 3, timeout=10000)
    qtbot.wait(400)
    assert plot.visible_range() == shown


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
    assert dock.note.text() == "1 dated record"  # (no '0 undated not shown')
    record_ops.create_record(window.session, "event", {"title": "Undated statement"}).run()
    qtbot.waitUntil(lambda: "undated" in dock.note.text(), timeout=10000)
    assert dock.note.text() == "1 dated record; 1 undated not shown"


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


def _plot_with(qtbot, records, size=(900, 400)):
    from casefile.core.timeline import build_timeline
    from casefile.ui.timeline_view import TimelinePlot

    plot = TimelinePlot()
    qtbot.addWidget(plot)
    plot.resize(*size)
    plot.show()
    qtbot.waitExposed(plot)
    plot.set_timeline(build_timeline(records))
    plot._update_labels()
    return plot


def _records():
    from casefile.core.timeline import TimelineRecord

    def rec(i, start, end, kind="shipment", label=None):
        return TimelineRecord(kind, i, label or f"record number {i} with a longish label",
                              start.isoformat(), "edtf", start, end)
    return [rec(1, date(2022, 6, 1), date(2022, 6, 30)),
            rec(2, date(2022, 7, 1), date(2022, 7, 1)),  # the day after, in the same row
            rec(3, date(2022, 7, 20), date(2022, 9, 30)),
            rec(4, date(2022, 6, 10), date(2022, 8, 31)),
            rec(5, date(2022, 1, 15), date(2022, 1, 15), "event"),
            rec(6, date(2022, 2, 1), date(2022, 12, 31), "event"),
            rec(7, date(2021, 1, 1), date(2021, 12, 31), "sanction")]


def _item_rects(plot):
    from PySide6.QtCore import QRectF

    vb = plot.getViewBox()
    rects = []
    for i in range(len(plot.x0)):
        if plot.timeline.style[i] == 0:  # a point: its symbol, 11 px
            c = vb.mapViewToScene(QPointF(plot.x0[i] + 43200, plot.y[i]))
            rects.append(QRectF(c.x() - 6, c.y() - 6, 12, 12))
        else:
            a = vb.mapViewToScene(QPointF(plot.x0[i], plot.y[i] - 0.25))
            b = vb.mapViewToScene(QPointF(plot.x1[i], plot.y[i] + 0.25))
            rects.append(QRectF(a, b).normalized())
    return rects


def test_labels_never_overlap_items_nor_leave_the_view(qtbot):
    plot = _plot_with(qtbot, _records(), (900, 420))
    for width, height in ((900, 420), (600, 420), (900, 130), (700, 220), (1300, 500)):
        plot.resize(width, height)  # the dock resized: the labels are placed again
        qtbot.waitUntil(lambda w=width: plot.width() == w, timeout=5000)
        qtbot.wait(150)
        view = plot.getViewBox().sceneBoundingRect()
        items = _item_rects(plot)
        labels = [lab.mapRectToScene(lab.boundingRect()) for lab in plot.labels]
        for n, rect in enumerate(labels):
            said = (width, height, plot.labels[n].toPlainText())
            assert view.contains(rect), said
            own = plot.placed[n].index if plot.placed[n].inside else None
            assert not any(rect.intersects(r) for k, r in enumerate(items) if k != own), said
            if own is not None:  # over its own bar: within its ends
                assert items[own].left() <= rect.left() <= rect.right() <= items[own].right()
            assert not any(rect.intersects(o) for o in labels[n + 1:]), said
        if height >= 420:  # room for a line: the items with free time after them say
            assert len(labels) >= 3, (width, height)  # what they are


def test_a_day_point_is_drawn_above_a_span_in_its_row(qtbot):
    import pyqtgraph as pg

    plot = _plot_with(qtbot, _records())
    rows = {r.record.id: r.y for r in plot.timeline.rows}
    assert rows[1] == rows[2]  # June, then 1 July: one row
    points = [i for i in plot.items if isinstance(i, pg.ScatterPlotItem)]
    bars = [i for i in plot.items if isinstance(i, pg.BarGraphItem)]
    assert points and bars
    assert min(p.zValue() for p in points) > max(b.zValue() for b in bars)


def test_the_rows_refit_after_edits_and_resize(qtbot):
    from casefile.core.timeline import TimelineRecord, build_timeline

    plot = _plot_with(qtbot, _records()[:3], (900, 400))
    vb = plot.getViewBox()

    def rows_shown():
        _, (ya, yb) = vb.viewRange()
        return ya, yb

    assert rows_shown()[1] >= plot.timeline.height - 0.75  # all rows
    more = _records() + [TimelineRecord("event", 10 + n, "overlap", "2022", "edtf",
                                        date(2022, 1, 1), date(2022, 12, 31))
                         for n in range(4)]
    plot.set_timeline(build_timeline(more), keep_range=True)  # an edit adds rows
    assert plot.timeline.height >= 8
    assert rows_shown()[1] >= plot.timeline.height - 0.75  # the new rows are in view
    plot.resize(900, 150)  # a short dock: rows stay readable, from the top
    qtbot.waitUntil(lambda: vb.height() < 140, timeout=5000)
    qtbot.wait(50)
    ya, yb = rows_shown()
    assert vb.height() / (yb - ya) >= 18  # pixels a row
    assert ya <= 0
    plot.resize(900, 600)
    qtbot.waitUntil(lambda: vb.height() > 450, timeout=5000)
    qtbot.wait(50)
    assert rows_shown()[1] >= plot.timeline.height - 0.75


def test_hovering_an_item_shows_its_record(qtbot, qtlog, demo_window):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    win = demo_window
    _wait_timeline(qtbot, win)
    plot = win.timeline.plot
    i = next(n for n, r in enumerate(plot.timeline.rows)
             if r.record.kind == "shipment" and r.record.date_text == "June 2022")
    centre = plot.getViewBox().mapViewToScene(QPointF((plot.x0[i] + plot.x1[i]) / 2,
                                                      plot.y[i]))
    pos = plot.mapFromScene(centre)
    with qtlog.disabled():  # the offscreen platform cannot raise the tooltip's window
        QApplication.sendEvent(plot.viewport(), QHelpEvent(
            QEvent.Type.ToolTip, pos, plot.viewport().mapToGlobal(pos)))
        qtbot.wait(50)
        text = QToolTip.text()
        QToolTip.hideText()
    assert "Date as given: June 2022" in text and "civilian hunting rifles" in text


def test_right_click_shows_casefiles_own_menu(qtbot, demo_window, monkeypatch):
    from PySide6.QtWidgets import QMenu

    win = demo_window
    _wait_timeline(qtbot, win)
    choose_kind(qtbot, win, "event")
    plot, dock = win.timeline.plot, win.timeline
    assert not plot.plotItem.menuEnabled() and not plot.getViewBox().menuEnabled()
    i = next(n for n, r in enumerate(plot.timeline.rows)
             if r.record.kind == "shipment" and r.record.date_text == "June 2022")
    shown = []
    monkeypatch.setattr(QMenu, "popup", lambda self, *a: shown.append(self))

    class RightClick:
        def __init__(self, pos):
            self.pos = pos

        def button(self):
            return Qt.MouseButton.RightButton

        def scenePos(self):
            return self.pos

        def screenPos(self):
            return self.pos

        def accept(self):
            pass
    centre = plot.getViewBox().mapViewToScene(QPointF((plot.x0[i] + plot.x1[i]) / 2,
                                                      plot.y[i]))
    plot._clicked(RightClick(centre))
    assert shown, "no menu"
    texts = [a.text() for a in shown[0].actions() if not a.isSeparator()]
    assert texts[0].startswith("Open shipment “civilian hunting rifles")
    for wanted in ("Zoom to this record", "Fit all", "Filter tables to view",
                   "Export PNG image…", "Export SVG drawing…"):
        assert wanted in texts
    assert not any("Transforms" in t or "FFT" in t for t in texts)
    actions = {a.text(): a for a in shown[0].actions()}
    actions["Zoom to this record"].trigger()
    (xa, xb), _ = plot.getViewBox().viewRange()
    assert xa < plot.x0[i] and plot.x1[i] < xb and xb - xa < 200 * 86400
    actions[texts[0]].trigger()  # open: the record shows in the table and the editor
    qtbot.waitUntil(lambda: win.current_kind() == "shipment"
                    and win.records.current_id() == 1, timeout=10000)
    shown.clear()
    plot._clicked(RightClick(plot.getViewBox().mapViewToScene(QPointF(plot.x0[i], -0.6))))
    texts = [a.text() for a in shown[0].actions() if not a.isSeparator()]
    assert not any(t.startswith("Open") for t in texts) and "Fit all" in texts
    assert dock.context_menu(None) is not None


def test_export_is_the_whole_chart_with_marking_title_and_legend(qtbot, demo_window,
                                                                 tmp_path):
    import re

    from PySide6.QtGui import QImage

    win = demo_window
    _wait_timeline(qtbot, win)
    plot = win.timeline.plot
    june = (date(2022, 6, 1).toordinal() - 719163) * 86400.0
    plot.getViewBox().setRange(xRange=(june, june + 30 * 86400), yRange=(-0.5, 0.5),
                               padding=0)  # the view shows one month of one row
    svg = win.timeline.export(tmp_path / "t.svg").read_text("utf-8")
    text = " ".join(re.findall(r">([^<]+)<", svg))
    for wanted in ("Chinese arms and equipment shipments to Russia", "TLP:GREEN",
                   "Shipments", "Events", "Sanctions", "exact day", "2021", "2023",
                   "U.S. Treasury sanctions DJI"):  # a record far outside the view
        assert wanted in text, wanted
    png = win.timeline.export(tmp_path / "t.png")
    image = QImage(str(png))
    assert image.width() >= 1600 and image.height() >= 500
    top = {image.pixelColor(x, y).name() for x in range(image.width() - 300, image.width(), 3)
           for y in range(0, image.height() // 8, 3)}
    assert "#000000" in top  # the TLP:GREEN marking, in its colours, top right
    assert plot.getViewBox().viewRange()[0][0] == june  # the window's view is untouched


def test_an_item_at_the_right_edge_says_what_it_is_on_its_left(qtbot):
    from casefile.core.timeline import TimelineRecord

    first = TimelineRecord("event", 1, "talks open", "January 2020", "edtf",
                           date(2020, 1, 1), date(2020, 1, 31))
    last = TimelineRecord("shipment", 2, "drone parts via the United Arab Emirates",
                          "November and December 2022", "edtf", date(2022, 11, 1),
                          date(2022, 12, 31))
    plot = _plot_with(qtbot, [first, last], (900, 300))
    qtbot.wait(150)
    items = _item_rects(plot)
    said = {lab.toPlainText(): lab.mapRectToScene(lab.boundingRect()) for lab in plot.labels}
    text = "November and December 2022: drone parts via the United Arab Emirates"
    assert text in said  # whole: the time before it is long enough
    tl = plot.timeline
    bar = items[next(i for i in range(len(items)) if tl.records[int(tl.rec[i])].id == 2)]
    assert said[text].right() <= bar.left()
    assert "January 2020: talks open" in said  # the first still says it on its right


def test_the_legend_wraps_between_its_entries_never_inside_one():
    """(look22) In a window 1,024 pixels wide the hatch of 'approximate / uncertain' ended
    one line and its words began the next."""
    import re

    from casefile.ui.timeline_parts import legend_html

    entries = legend_html().split("&nbsp;&nbsp; ")
    assert len(entries) == 9 and entries[-2] == "▨&nbsp;approximate&nbsp;/&nbsp;uncertain"
    for entry in entries:  # the only spaces a line may break at are between entries
        assert " " not in re.sub(r"<[^>]*>", "", entry), entry


def test_every_lane_by_entity_is_named_however_long_its_name(qtbot):
    """(look23) pyqtgraph leaves out an axis label wider than the axis: the lanes of the
    long Cyrillic names — the sanctioned consignees — had no name at all."""
    from PySide6.QtGui import QImage, QPainter

    from casefile.core.timeline import TimelineRecord, build_timeline
    from casefile.ui.timeline_view import TimelinePlot

    names = ['АО "НАУЧНО-ПРОИЗВОДСТВЕННОЕ ОБЪЕДИНЕНИЕ "ЭЛЕКТРОНСНАБЖЕНИЕ"',
             'ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "ТЕХНОПРОМСНАБ"', "ООО «ТД»",
             "SHENZHEN JINGHUA ELECTRONICS CO., LTD"]
    records = [TimelineRecord("shipment", i, f"goods {i}", "2022", "2022", date(2022, 1, i + 1),
                              date(2022, 1, i + 1), parties=(n,))
               for i, n in enumerate(names)]
    plot = TimelinePlot()
    qtbot.addWidget(plot)
    plot.resize(900, 400)
    plot.show()
    qtbot.waitExposed(plot)
    plot.set_timeline(build_timeline(records, "entity"))
    img = QImage(900, 400, QImage.Format.Format_ARGB32)
    painter = QPainter(img)
    _axis, _ticks, texts = plot.lane_axis.generateDrawSpecs(painter)
    painter.end()
    drawn = [t[2] for t in texts]
    assert len(drawn) == len(names)  # each lane named
    assert "ООО «ТД»" in drawn and any(d.startswith('АО "НАУЧНО-') and d.endswith("…")
                                       for d in drawn)
    assert 'ООО "ТЕХНОПРОМСНАБ"' in drawn  # the legal form abbreviated, not the name cut


def test_a_label_beginning_in_arabic_reads_left_to_right_dates_in_order(qtbot):
    """(look25) A relationship of a party with an Arabic name read '…: ناصر عبد الله الحمادي
    2021-12-31 – 2015-05-01' on the timeline: the label's paragraph took the direction of
    its first letters, and its tooltip too."""
    from PySide6.QtGui import QTextDocument

    from casefile.core.timeline import TimelineRecord
    from casefile.ui.text import plain_tooltip

    label = "ناصر عبد الله الحمادي → LLC CST: owns"
    rec = TimelineRecord("relationship", 1, label, "2015-05-01 – 2021-12-31", "edtf",
                         date(2015, 5, 1), date(2021, 12, 31))
    plot = _plot_with(qtbot, [rec], (900, 300))
    (item,) = plot.labels
    assert item.toPlainText() == f"2015-05-01 – 2021-12-31: {label}"
    block = item.textItem.document().firstBlock()
    assert block.textDirection() == Qt.LayoutDirection.LeftToRight
    tip = QTextDocument()
    tip.setHtml(plain_tooltip(plot.timeline.row(0).tooltip()))
    assert tip.firstBlock().text().startswith(label)
    assert tip.firstBlock().textDirection() == Qt.LayoutDirection.LeftToRight


def test_a_tooltip_in_a_right_to_left_script_alone_keeps_its_direction():
    """(review26) Forced left to right, an Arabic tooltip showed its full stop first."""
    from PySide6.QtGui import QTextDocument

    from casefile.ui.text import plain_tooltip

    tip = QTextDocument()
    tip.setHtml(plain_tooltip("ناصر عبد الله الحمادي."))
    assert tip.firstBlock().textDirection() == Qt.LayoutDirection.RightToLeft
    tip.setHtml(plain_tooltip("ناصر عبد الله الحمادي: 2015-05-01"))
    assert tip.firstBlock().textDirection() == Qt.LayoutDirection.LeftToRight


def test_thousands_of_party_lanes_are_drawn_with_few_items_lines_across_the_view(qtbot):
    """(look27) 'Lanes by entity' on 13,680 parties froze the window for 10 s (one line
    item a lane) and 'by country' after it for 14 s (removing them one by one); the lanes
    are drawn with a bounded number of items, their lines are one item that spans the view
    wherever it goes, and redrawing replaces them all at once."""
    import pyqtgraph as pg

    from casefile.core.timeline import TimelineRecord, build_timeline
    from casefile.ui.timeline_parts import LaneLines

    records = [TimelineRecord("sanction", i, f"sanction {i}", "2020", "2020",
                              date(2015 + i % 9, 1 + i % 12, 1), date(2024, 12, 31),
                              parties=(f"Party {i:05d}",)) for i in range(6000)]
    plot = _plot_with(qtbot, [])
    plot.set_timeline(build_timeline(records, "entity"))
    assert len(plot.timeline.lanes) == 6000
    lines = [i for i in plot.items if isinstance(i, LaneLines)]
    assert len(lines) == 1 and len(lines[0].ys) == 5999
    assert len(plot.items) < 700  # not one a lane (nor one a block of 32 rows: 376)
    assert not any(isinstance(i, pg.InfiniteLine) for i in plot.plotItem.items)
    vb = plot.getViewBox()
    vb.setXRange(-3e9, 3e9, padding=0)  # far out, both ways
    qtbot.wait(50)
    view = vb.viewRect()
    drawn = lines[0].mapRectToView(lines[0].boundingRect())
    assert drawn.left() <= view.left() + 1 and drawn.right() >= view.right() - 1
    layer = plot.layer
    plot.set_timeline(build_timeline(records, "kind"))
    assert layer.scene() is None and plot.layer is not layer  # the old drawing went whole


def test_a_case_built_from_empty_keeps_all_its_time_in_view(qtbot):
    """(look29) A case built by hand: the first shipment fitted the view to its month, and
    each edit kept that month — the next shipments fell out of view ('28 Oct – 30 Nov
    2022', June off screen). While all the time is in view, an edit keeps it so; a view
    the user zoomed stays as it is."""
    from casefile.core.timeline import build_timeline

    records = _records()
    plot = _plot_with(qtbot, records[:1])  # June 2022 alone: its month
    vb = plot.getViewBox()
    plot.set_timeline(build_timeline(records[:4]), keep_range=True)  # an edit adds three
    (xa, xb), _ = vb.viewRange()
    assert xa <= plot.x0.min() and xb >= plot.x1.max()  # June to September, all of it
    plot.set_timeline(build_timeline(records), keep_range=True)
    (xa, xb), _ = vb.viewRange()
    assert xa <= plot.x0.min() and xb >= plot.x1.max()  # 2021 to 2022
    from casefile.core.timeline import TimelineRecord

    many = records + [TimelineRecord("event", 20 + n, "overlap", "2022", "edtf",
                                     date(2022, 1, 1), date(2022, 12, 31)) for n in range(20)]
    plot.set_timeline(build_timeline(many), keep_range=True)
    plot.resize(900, 120)  # (review34) a short dock scrolled down to its last lanes: the
    qtbot.waitUntil(lambda: vb.height() < 110, timeout=5000)  # edit leaves them in view
    qtbot.wait(50)
    low = plot.timeline.height - 3
    vb.setYRange(low - 2, low + 2, padding=0)
    rows = vb.viewRange()[1]
    plot.set_timeline(build_timeline(many), keep_range=True)
    assert vb.viewRange()[1][0] == pytest.approx(rows[0])  # the lanes in view stay
    (xa, xb), _ = vb.viewRange()
    assert xa <= plot.x0.min() and xb >= plot.x1.max()  # and all the time still
    plot.zoom_to(np.array([0]))  # the user zooms in: an edit leaves the zoom alone
    zoomed = vb.viewRange()[0]
    plot.set_timeline(build_timeline(records[:6]), keep_range=True)
    assert np.allclose(vb.viewRange()[0], zoomed)
