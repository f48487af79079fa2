"""The link chart is read only while its tab is on screen: behind the timeline it waits (a
100k case's graph is ~100 MB and a second of the worker after every edit), and catches up —
once — when it is shown."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from casefile.services.exchange.demo import write_demo
from casefile.ui.main_window import MainWindow
from tests.ui.conftest import wait_idle


def test_the_chart_reads_when_shown_and_catches_up_after_edits(qtbot, tmp_path):
    path = tmp_path / "demo.casefile"
    write_demo(path).close()
    win = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    win.open_path(path)
    qtbot.waitUntil(lambda: win.case is not None, timeout=10000)
    wait_idle(qtbot, win)
    chart = win.chart
    assert len(chart.graph.nodes) == 0  # behind the timeline's tab
    chart.raise_()
    qtbot.waitUntil(lambda: len(chart.graph.nodes) == 12, timeout=10000)
    win.timeline.raise_()
    qtbot.waitUntil(lambda: chart.visibleRegion().isEmpty(), timeout=5000)
    reads = []
    chart.shown.connect(lambda: reads.append(len(chart.graph.nodes)))
    for name in ("Volga Trading LLC", "Kama Logistics LLC"):  # as the window's edits run
        win.session.op(lambda case, n=name: case.create(
            "entity", {"name": n, "kind": "company"})).run()
    wait_idle(qtbot, win)
    qtbot.wait(600)  # past the chart's own delay for a burst of edits
    assert reads == [] and len(chart.graph.nodes) == 12  # hidden: nothing read
    chart.raise_()
    qtbot.waitUntil(lambda: len(chart.graph.nodes) == 14, timeout=10000)
    assert reads == [14]  # caught up once
