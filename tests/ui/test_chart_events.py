"""Events on the link chart in the real window (pytest-qt, demo case): the "Events" box
draws each event as a node linked to its parties; a chart saved with it reopens with it."""

from tests.ui.conftest import wait_idle
from tests.ui.test_chart_scope import HEADLESS


@HEADLESS
def test_the_events_box_draws_events_and_is_saved_with_the_chart(qtbot, demo_window,
                                                                  tmp_path):
    win = demo_window
    dock = win.chart
    dock.raise_()  # read when on screen: a user shows the tab
    qtbot.waitUntil(lambda: len(dock.graph.nodes) == 12, timeout=10000)
    wait_idle(qtbot, win)
    dock.bar.events.setChecked(True)
    qtbot.waitUntil(lambda: len(dock.graph.nodes) == 18, timeout=10000)
    wait_idle(qtbot, win)
    kinds = [n.kind for n in dock.graph.nodes]
    assert kinds.count("event") == 6
    assert int(dock.scene.layer.visible.sum()) == 7 + 8  # the participations drawn too
    i = dock.graph.index["event:6"]
    assert dock.view.tooltip_at(dock.view.mapFromScene(dock.scene.nodes[i].pos())) \
        .startswith("Chinese embassy")
    dock.setFloating(True)  # (room to look at it)
    dock.resize(900, 500)
    dock.view.fit()
    qtbot.wait(50)
    dock.grab().save(str(tmp_path / "events.png"))
    dock.setFloating(False)
    svg = dock.export(tmp_path / "events.svg").read_text(encoding="utf-8")
    assert "took part in an event" in svg  # the legend says what the orange links are
    with qtbot.waitSignal(dock.saved, timeout=10000):
        dock.save("With events")
    wait_idle(qtbot, win)
    cid = dock.chart_id
    dock.open_chart(None)  # a new chart: no events
    qtbot.waitUntil(lambda: dock.chart_id is None and len(dock.graph.nodes) == 12,
                    timeout=10000)
    assert not dock.bar.events.isChecked()
    dock.open_chart(cid)
    qtbot.waitUntil(lambda: dock.chart_id == cid and len(dock.graph.nodes) == 18,
                    timeout=10000)
    assert dock.bar.events.isChecked() and dock.current_state().events


@HEADLESS
def test_shared_events_link_parties_filter_by_date_open_the_event_and_are_saved(
        qtbot, demo_window, tmp_path):
    from datetime import date

    from PySide6.QtCore import Qt

    win = demo_window
    dock = win.chart
    dock.raise_()  # read when on screen: a user shows the tab
    qtbot.waitUntil(lambda: len(dock.graph.nodes) == 12, timeout=10000)
    wait_idle(qtbot, win)
    dock.bar.shared.setChecked(True)
    qtbot.waitUntil(lambda: len(dock.graph.links) == 7 + 2, timeout=10000)
    wait_idle(qtbot, win)
    g = dock.graph
    k = next(i for i, lk in enumerate(g.links) if lk.kind == "shared_event"
             and lk.facts[0].id == 1)  # DJI and the U.S. Treasury: the 2021 designation
    assert len(g.nodes) == 12 and g.links[k].label == "U.S. Treasury sanctions DJI"
    dock.setFloating(True)
    dock.resize(900, 560)
    dock.view.fit()
    qtbot.waitUntil(lambda: dock.view.isVisible(), timeout=5000)
    a, b = dock.scene.layer.p1[k], dock.scene.layer.p2[k]
    at = dock.view.mapFromScene(*(a + 0.4 * (b - a)))
    assert dock.view.tooltip_at(at).splitlines()[1].startswith("U.S. Treasury sanctions DJI")
    with qtbot.waitSignal(dock.view.record_opened, timeout=5000,
                          check_params_cb=lambda kind, rid: (kind, rid) == ("event", 1)):
        qtbot.mouseDClick(dock.view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    dock.grab().save(str(tmp_path / "shared.png"))
    dock.set_window(date(2022, 1, 1), date(2022, 12, 31))  # the timeline's dates
    assert not dock.scene.layer.visible[k]
    dock.set_window(date(2021, 1, 1), date(2021, 12, 31))
    assert dock.scene.layer.visible[k]
    dock.setFloating(False)
    with qtbot.waitSignal(dock.saved, timeout=10000):
        dock.save("Shared events")
    wait_idle(qtbot, win)
    cid = dock.chart_id
    dock.open_chart(None)
    qtbot.waitUntil(lambda: dock.chart_id is None and len(dock.graph.links) == 7,
                    timeout=10000)
    assert not dock.bar.shared.isChecked()
    dock.open_chart(cid)
    qtbot.waitUntil(lambda: dock.chart_id == cid and len(dock.graph.links) == 9,
                    timeout=10000)
    assert dock.bar.shared.isChecked() and dock.current_state().shared
