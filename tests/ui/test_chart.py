"""The link chart dock on the real demo case (pytest-qt): drawn from the case, laid out on its
own thread, pins kept, filtered by the timeline's dates, every shortest path between
NORINCO and Tekhkrim, saved and reopened at the same coordinates, exported with the case's
marking, and the links of a record selected in the table marked."""

import xml.etree.ElementTree as ET
from datetime import date

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from casefile.ui.chart_scene import SCALE
from tests.ui.conftest import choose_kind, wait_idle

NORINCO, TEKHKRIM = "entity:1", "entity:2"


def _chart(qtbot, win):
    dock = win.chart
    dock.raise_()  # read when on screen: a user shows the tab
    qtbot.waitUntil(lambda: len(dock.graph.nodes) == 12, timeout=10000)
    wait_idle(qtbot, win)
    return dock


def _lay_out(qtbot, dock, layout):
    with qtbot.waitSignal(dock.laid_out, timeout=20000):
        dock.run_layout(layout)


def _select(dock, *keys):
    dock.scene.clearSelection()
    for key in keys:
        dock.scene.nodes[dock.graph.index[key]].setSelected(True)


def test_the_demo_chart_is_drawn_from_the_case(qtbot, demo_window):
    dock = _chart(qtbot, demo_window)
    g = dock.graph
    assert {n.label for n in g.nodes} >= {"Tekhkrim", "Liu Pengyu"}
    assert len(dock.scene.nodes) == 12 and dock.scene.layer.visible.sum() == len(g.links) == 7
    assert g.nodes[g.index["entity:3"]].sanctioned
    assert "7 links shown" in dock.bar.note.text()
    # hovering shows the facts and their sources (shown as plain text: plain_tooltip)
    dock.raise_()
    qtbot.waitUntil(lambda: dock.view.isVisible(), timeout=5000)
    at = dock.view.mapFromScene(dock.scene.nodes[g.index[NORINCO]].pos())
    assert dock.view.tooltip_at(at).startswith("China North Industries Group")
    a, b = dock.scene.layer.p1[0], dock.scene.layer.p2[0]
    tip = dock.view.tooltip_at(dock.view.mapFromScene(*((a + b) / 2)))
    assert "→" in tip and "civilian hunting rifles" in tip and "C2 " in tip


def test_layouts_run_off_the_gui_thread_and_keep_pins(qtbot, demo_window):
    dock = _chart(qtbot, demo_window)
    _select(dock, NORINCO)
    dock.pin(True)
    i = dock.graph.index[NORINCO]
    before = dock.scene.positions()[i].copy()
    for layout in ("hierarchical", "circular", "radial", "force"):
        _lay_out(qtbot, dock, layout)
        pos = dock.scene.positions()
        assert pos[i].tolist() == before.tolist(), layout
        assert len({tuple(p) for p in pos.round(6).tolist()}) == 12, layout
    assert dock.modified and dock.state.layout == "force"
    # hierarchical: the shipper left of the consignee
    _lay_out(qtbot, dock, "hierarchical")
    pos = dock.scene.positions()
    assert pos[dock.graph.index["entity:5"], 0] < pos[dock.graph.index["entity:7"], 0]


def test_a_layout_can_be_cancelled(qtbot, demo_window):
    dock = _chart(qtbot, demo_window)
    before = dock.scene.positions().copy()
    dock.layouts.submit(lambda: __import__("time").sleep(0.5))  # keep the thread busy
    with qtbot.waitSignal(dock.laid_out, timeout=20000):
        dock.run_layout("force")
        assert dock.bar.cancel.isVisible()
        dock.cancel_layout()
    assert np.array_equal(dock.scene.positions(), before)
    assert not dock.bar.cancel.isVisible()


def test_the_timelines_dates_filter_the_chart(qtbot, demo_window):
    win = demo_window
    dock = _chart(qtbot, win)
    vb = win.timeline.plot.getViewBox()
    epoch = date(1970, 1, 1).toordinal()
    vb.setXRange((date(2022, 5, 1).toordinal() - epoch) * 86400.0,
                 (date(2022, 7, 31).toordinal() - epoch) * 86400.0, padding=0)
    qtbot.waitUntil(lambda: dock.scene.layer.visible.sum() < 7, timeout=5000)
    g = dock.graph
    shown = {g.links[i].key for i in np.flatnonzero(dock.scene.layer.visible)}
    # June 2022 rifles stay, late-2022 shipments go, undated relationships stay
    assert "shipment:entity:1>entity:2" in shown
    assert "shipment:entity:5>entity:7" not in shown
    assert any(k.startswith("relationship:") for k in shown)
    i = g.index["entity:5"]
    assert dock.scene.nodes[i].opacity() < 1  # left without a link in the window
    assert "links active 2022-05-01" in dock.scene.window_text
    dock.bar.follow.setChecked(False)
    assert dock.scene.layer.visible.sum() == 7


def test_every_shortest_path_between_norinco_and_tekhkrim(qtbot, demo_window):
    dock = _chart(qtbot, demo_window)
    _select(dock, NORINCO, TEKHKRIM)
    assert dock.show_paths() == 1
    hot = np.flatnonzero(dock.scene.layer.highlight)
    assert [dock.graph.links[i].key for i in hot] == ["shipment:entity:1>entity:2"]
    assert "1 shortest path of 1 link" in dock.bar.note.text()
    _select(dock, NORINCO, "entity:8")  # NORINCO → Tekhkrim → Russian state and military
    assert dock.show_paths() == 1
    assert dock.scene.layer.highlight.sum() == 2
    _select(dock, NORINCO, "entity:10")  # the National Security Council: no link at all
    assert dock.show_paths() == 0
    assert "No path" in dock.bar.note.text()


def test_save_and_reopen_at_the_same_coordinates(qtbot, demo_window, tmp_path):
    win = demo_window
    dock = _chart(qtbot, win)
    _lay_out(qtbot, dock, "radial")
    _select(dock, "entity:10")
    dock.hide_selected()
    _select(dock, TEKHKRIM)
    dock.pin(True)
    pos = dock.scene.positions().copy()
    with qtbot.waitSignal(dock.saved, timeout=10000):
        dock.save("Arms to Russia")
    wait_idle(qtbot, win)
    assert win.case.undo_name == "New chart “Arms to Russia”"
    path = win.case.path
    win.session.close()
    qtbot.waitUntil(lambda: len(dock.graph.nodes) == 0, timeout=5000)
    win.open_path(path)
    qtbot.waitUntil(lambda: win.case is not None, timeout=10000)
    dock.raise_()  # the chart is read when its tab is on screen
    qtbot.waitUntil(lambda: dock.chart_id is not None and len(dock.graph.nodes) == 12,
                    timeout=10000)
    wait_idle(qtbot, win)
    assert dock.name == "Arms to Russia" and dock.state.layout == "radial"
    assert np.array_equal(dock.scene.positions(), pos)  # exactly, not nearly
    assert dock.scene.hidden[dock.graph.index["entity:10"]]
    assert not dock.scene.nodes[dock.graph.index["entity:10"]].isVisible()
    assert dock.state.pinned == {TEKHKRIM}
    # move a node, save, undo: the chart goes back to where it was saved
    i = dock.graph.index[NORINCO]
    dock.scene.nodes[i].setPos(dock.scene.nodes[i].pos() + QPoint(300, 0))
    dock.scene.nodes_moved([i])
    with qtbot.waitSignal(dock.saved, timeout=10000):
        dock.save()
    wait_idle(qtbot, win)
    assert dock.scene.positions()[i, 0] == pytest.approx(pos[i, 0] + 300 / SCALE)
    win.menus.undo.trigger()
    qtbot.waitUntil(lambda: dock.scene.positions()[i, 0] == pos[i, 0], timeout=10000)


def test_export_carries_the_marking_title_and_legend(qtbot, demo_window, tmp_path):
    dock = _chart(qtbot, demo_window)
    svg = dock.export(tmp_path / "chart.svg")
    png = dock.export(tmp_path / "chart.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20000
    text = svg.read_text(encoding="utf-8")
    root = ET.fromstring(text)
    assert root.tag.endswith("svg")
    words = " ".join(t for t in root.itertext())
    assert "TLP:GREEN" in words
    assert "Chinese Arms" in words or "Chinese" in words  # the case's title
    assert "Tekhkrim" in words and "sanctioned" in words and "not cited" in words


def test_export_of_the_part_in_view(qtbot, demo_window, tmp_path):
    """(helper-60) Export wrote the whole chart, whatever the zoom: a user who zoomed in on
    one corner to show it got all of it. Export → '… of the part in view' writes what the
    view shows, and says how many of the nodes that is."""
    dock = _chart(qtbot, demo_window)
    dock.view.resize(500, 300)
    i = dock.graph.index[TEKHKRIM]
    dock.view.resetTransform()
    dock.view.scale(2.0, 2.0)
    dock.view.centerOn(dock.scene.nodes[i].pos())
    qtbot.wait(50)
    area = dock.view.mapToScene(dock.view.viewport().rect()).boundingRect()
    x, y = dock.scene.pos[:, 0], dock.scene.pos[:, 1]
    from casefile.ui.chart_icons import ICON

    near = area.adjusted(-ICON, -ICON, ICON, ICON)  # (a node at the edge is drawn in part)
    inside = {dock.graph.nodes[k].label for k in np.flatnonzero(
        (x >= near.left()) & (x <= near.right()) & (y >= near.top()) & (y <= near.bottom()))}
    assert "Tekhkrim" in inside and 0 < len(inside) < 12

    def words(path):
        return " ".join(ET.fromstring(path.read_text("utf-8")).itertext())
    part = words(dock.export(tmp_path / "part.svg", view_only=True))
    whole = words(dock.export(tmp_path / "whole.svg"))
    assert f"{len(inside)} of them in the part shown" in part and "part shown" not in whole
    assert " of its 7 links" in part
    assert "Tekhkrim" in part
    outside = [n.label for n in dock.graph.nodes if n.label not in inside]
    assert all(name[:20] not in part for name in outside)  # only what the view shows
    assert all(name[:20] in whole for name in outside if len(name) < 30)


def test_a_lifted_sanction_is_drawn_faint_and_said_in_the_legend(qtbot, demo_window,
                                                                  tmp_path):
    """A sanction lifted is not drawn as one in force: its link is faint and dashed, and the
    exported legend says what that line means."""
    from casefile.ui.chart_layer import ENDED_PEN
    from casefile.ui.ops import records as record_ops

    win = demo_window
    dock = _chart(qtbot, win)
    svg = dock.export(tmp_path / "before.svg")
    assert "ended or lifted" not in " ".join(ET.fromstring(svg.read_text("utf-8")).itertext())
    record_ops.create_record(win.session, "sanction", {
        "entity_id": 2, "authority": "Council of the EU", "programme": "Regulation 833/2014",
        "date": "2022-03-15", "status": "lifted", "end": "2023-09-14"}).run()
    qtbot.waitUntil(lambda: any(lk.kind == "sanction" and lk.ended
                                for lk in dock.graph.links), timeout=10000)
    wait_idle(qtbot, win)
    layer = dock.scene.layer
    ended = [i for i, lk in enumerate(dock.graph.links) if lk.ended]
    current = [i for i, lk in enumerate(dock.graph.links) if lk.kind == "sanction"
               and not lk.ended]
    assert len(ended) == 1 and current
    assert layer.groups()[ended[0]] == ENDED_PEN
    assert all(layer.groups()[i] != ENDED_PEN for i in current)
    assert layer.pens[ENDED_PEN].style() == Qt.PenStyle.DashLine
    assert not dock.graph.nodes[dock.graph.index[TEKHKRIM]].sanctioned  # (lifted only)
    svg = dock.export(tmp_path / "after.svg")
    assert "sanctions ended or lifted" in " ".join(ET.fromstring(
        svg.read_text("utf-8")).itertext())


def test_double_click_opens_and_selection_follows_the_table(qtbot, demo_window):
    win = demo_window
    dock = _chart(qtbot, win)
    win.chart.raise_()
    qtbot.waitUntil(lambda: dock.view.isVisible(), timeout=5000)
    i = dock.graph.index[TEKHKRIM]
    at = dock.view.mapFromScene(dock.scene.nodes[i].pos())
    qtbot.mouseDClick(dock.view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    qtbot.waitUntil(lambda: win.records.kind == "entity" and win.records.selected_ids()
                    == [2], timeout=10000)
    choose_kind(qtbot, win, "shipment")
    win.go_to("shipment", 1)
    qtbot.waitUntil(lambda: dock.scene.layer.highlight.any(), timeout=5000)
    hot = np.flatnonzero(dock.scene.layer.highlight)
    assert [dock.graph.links[k].key for k in hot] == ["shipment:entity:1>entity:2"]


def test_transit_countries_become_waypoints_and_edits_redraw(qtbot, demo_window):
    win = demo_window
    dock = _chart(qtbot, win)
    before = dock.scene.positions().copy()
    dock.bar.waypoints.setChecked(True)
    qtbot.waitUntil(lambda: len(dock.graph.nodes) == 14, timeout=10000)
    assert {n.label for n in dock.graph.nodes if n.kind == "country"} == {
        "Turkey", "United Arab Emirates"}
    assert np.array_equal(dock.scene.positions()[:12], before)  # the parties stay put
    # a new party (an edit, through the session) appears without moving the others
    win.session.op(lambda case: case.create("entity", {"name": "Rosoboronexport"})).run()
    qtbot.waitUntil(lambda: len(dock.graph.nodes) == 15, timeout=10000)
    assert np.array_equal(dock.scene.positions()[:12], before)
    assert "Rosoboronexport" in {n.label for n in dock.graph.nodes}
    win.menus.undo.trigger()
    qtbot.waitUntil(lambda: len(dock.graph.nodes) == 14, timeout=10000)


def test_a_redraw_with_two_parties_selected_leaves_the_editor_where_it_is(qtbot, demo_window):
    """(look29) Two parties selected in the chart (as picked for Paths, or following the
    table), then an edit elsewhere: the chart's redraw took its nodes away one by one, each
    step a 'selection changed' that sent the window to a party — the editor jumped to it and
    the next keys typed renamed it."""
    win = demo_window
    dock = _chart(qtbot, win)
    _select(dock, NORINCO, TEKHKRIM)
    choose_kind(qtbot, win, "shipment")
    assert win.records.select_id(1)
    qtbot.waitUntil(lambda: win.editor.shown() == ("shipment", 1), timeout=10000)
    dock._syncing = True  # (as the table following the chart: keep both selected)
    _select(dock, NORINCO, TEKHKRIM)
    dock._syncing = False
    shown = dock.shown
    with qtbot.waitSignal(shown, timeout=10000):
        win.session.changed.emit(win.case.update("shipment", 1, {"notes": "edited"}))
    wait_idle(qtbot, win)
    assert win.editor.shown() == ("shipment", 1) and win.records.kind == "shipment"
