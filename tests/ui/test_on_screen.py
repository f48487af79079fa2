"""The link chart and the timeline are read only while their tab is on screen: behind the
other's tab each waits (at 100k records the chart's graph is ~100 MB and a second of the
worker after every edit, the timeline ~80 MB and two seconds), and catches up — once — when
it is shown."""

from __future__ import annotations

from tests.ui.conftest import open_demo_window, wait_idle


def _window(qtbot, tmp_path):
    return open_demo_window(qtbot, tmp_path)


def _dated_sanction(win, day):
    win.session.op(lambda case: case.create(
        "sanction", {"entity_id": 1, "authority": "OFAC", "programme": "RUSSIA-EO14024",
                     "date": day})).run()


def test_the_chart_reads_when_shown_and_catches_up_after_edits(qtbot, tmp_path):
    win = _window(qtbot, tmp_path)
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


def test_the_timeline_reads_when_shown_and_catches_up_after_edits(qtbot, tmp_path):
    win = _window(qtbot, tmp_path)
    timeline = win.timeline
    qtbot.waitUntil(lambda: timeline.plot.timeline is not None, timeout=10000)
    shown = len(timeline.plot.timeline.records)  # on screen when the case opened
    win.chart.raise_()
    qtbot.waitUntil(lambda: timeline.visibleRegion().isEmpty(), timeout=5000)
    reads = []
    timeline.shown.connect(lambda: reads.append(len(timeline.plot.timeline.records)))
    for day in ("2023-02-24", "2023-05-19"):  # as the window's edits run
        _dated_sanction(win, day)
    wait_idle(qtbot, win)
    qtbot.wait(600)  # past the timeline's own delay for a burst of edits
    assert reads == [] and len(timeline.plot.timeline.records) == shown  # hidden: not read
    timeline.raise_()
    qtbot.waitUntil(lambda: len(reads) == 1, timeout=10000)
    qtbot.wait(300)
    assert reads == [shown + 2]  # caught up once, with both new sanctions
    _dated_sanction(win, "2023-12-15")  # on screen: read as before
    qtbot.waitUntil(lambda: len(reads) == 2, timeout=10000)
    assert reads[-1] == shown + 3


def test_a_closed_case_leaves_nothing_in_the_timeline_to_show_or_export(qtbot, tmp_path):
    import pytest

    from casefile.errors import CasefileError

    win = _window(qtbot, tmp_path)
    timeline = win.timeline
    qtbot.waitUntil(lambda: timeline.plot.timeline is not None
                    and len(timeline.plot.timeline.records) > 0, timeout=10000)
    win.chart.raise_()  # the next case opens with the timeline behind the chart's tab
    qtbot.waitUntil(lambda: timeline.visibleRegion().isEmpty(), timeout=5000)
    win.session.close()
    qtbot.waitUntil(lambda: win.case is None, timeout=5000)
    assert len(timeline.plot.timeline.records) == 0 and timeline.info == {}
    with pytest.raises(CasefileError):
        timeline.export(tmp_path / "t.png")  # not the closed case's timeline


def test_a_floating_dock_closed_by_the_user_waits_too(qtbot, tmp_path):
    win = _window(qtbot, tmp_path)
    chart = win.chart
    chart.raise_()
    qtbot.waitUntil(lambda: len(chart.graph.nodes) == 12, timeout=10000)
    chart.setFloating(True)
    chart.close()
    qtbot.waitUntil(lambda: not chart.isVisible(), timeout=5000)
    win.session.op(lambda case: case.create("entity", {"name": "Volga Trading LLC",
                                                       "kind": "company"})).run()
    wait_idle(qtbot, win)
    qtbot.wait(600)
    assert len(chart.graph.nodes) == 12 and chart.on_screen.due == "refresh"
    chart.show()
    qtbot.waitUntil(lambda: len(chart.graph.nodes) == 13, timeout=10000)


def test_a_chart_behind_the_timeline_in_a_remembered_layout_waits_when_a_case_opens(
        qtbot, tmp_path):
    """(look27) Reopened with the layout of last time (the chart tabbed behind the
    timeline), the chart read the case as the docks were made — placed but not yet tabbed,
    it looked on screen: 9 s of the worker on a 55k-party case, which the tables waited
    for. It waits for its tab, as it does when a case is opened in a fresh layout."""
    first = open_demo_window(qtbot, tmp_path, "layout.ini")
    qtbot.waitUntil(lambda: first.timeline.plot.timeline is not None, timeout=10000)
    assert first.chart.visibleRegion().isEmpty()  # behind the timeline's tab
    first.close()  # the layout is remembered
    qtbot.waitUntil(lambda: first.case is None, timeout=10000)  # (closes once stored)
    win = open_demo_window(qtbot, tmp_path, "layout.ini")
    qtbot.waitUntil(lambda: win.timeline.plot.timeline is not None, timeout=10000)
    wait_idle(qtbot, win)
    chart = win.chart
    assert chart.visibleRegion().isEmpty()
    assert len(chart.graph.nodes) == 0 and chart.on_screen.due == "open"  # not read
    chart.raise_()
    qtbot.waitUntil(lambda: len(chart.graph.nodes) == 12, timeout=10000)


def test_a_case_closed_as_it_opens_leaves_no_read_owed_to_the_next(qtbot, window,
                                                                    tmp_path):
    """(review30) Closed in the instant it opened, a case left the docks' deferred reads
    to run for nothing and owe a read: the next case's timeline was read twice."""
    from casefile.services.exchange.demo import write_demo

    first, second = tmp_path / "a.casefile", tmp_path / "b.casefile"
    write_demo(first).close()
    write_demo(second).close()
    win = window
    once = []

    def close_at_once(_case: object) -> None:
        if not once:
            once.append(1)
            win.session.close()
    win.session.opened.connect(close_at_once)
    win.open_path(first)
    qtbot.waitUntil(lambda: bool(once) and win.case is None and win.session.worker.pending == 0,
                    timeout=10000)
    qtbot.wait(100)
    reads = []
    win.timeline.shown.connect(lambda: reads.append(1))
    win.open_path(second)
    qtbot.waitUntil(lambda: win.case is not None, timeout=10000)
    wait_idle(qtbot, win)
    qtbot.wait(700)  # past the timeline's delay for a burst
    wait_idle(qtbot, win)
    assert reads == [1]


def test_the_chart_left_in_front_comes_back_in_front(qtbot, tmp_path):
    """(review30) A layout remembered with the chart's tab in front came back with the
    timeline in front: showing the docks as the case opened raised the timeline."""
    first = open_demo_window(qtbot, tmp_path, "front.ini")
    first.chart.raise_()
    qtbot.waitUntil(lambda: first.timeline.visibleRegion().isEmpty(), timeout=5000)
    first.close()
    qtbot.waitUntil(lambda: first.case is None, timeout=10000)  # (closes once stored)
    win = open_demo_window(qtbot, tmp_path, "front.ini")
    qtbot.waitUntil(lambda: len(win.chart.graph.nodes) == 12, timeout=10000)  # read: shown
    assert win.timeline.visibleRegion().isEmpty()
    assert not win.chart.visibleRegion().isEmpty()
    win.session.close()  # and a case closed and opened again keeps it so
    qtbot.waitUntil(lambda: win.case is None, timeout=5000)
    win.open_path(tmp_path / "demo.casefile")
    qtbot.waitUntil(lambda: win.case is not None, timeout=10000)
    wait_idle(qtbot, win)
    assert not win.chart.visibleRegion().isEmpty()
