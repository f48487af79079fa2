"""The default layout: the table gets most of the height, the timeline about 30 %; View →
Reset Layout brings it back after the user dragged things about; the handles are drawn."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from casefile.ui.window_layout import HANDLE_COLOUR
from tests.ui.conftest import wait_idle


def _timeline_share(win):
    central = win.centralWidget().height()
    return win.timeline.height() / (central + win.timeline.height())


def test_the_timeline_takes_about_a_third_and_reset_layout_brings_it_back(qtbot, demo_window,
                                                                          tmp_path):
    win = demo_window
    qtbot.waitUntil(lambda: 0.22 <= _timeline_share(win) <= 0.38, timeout=5000)
    assert win.records.view.viewport().height() >= 10 * 22  # ten table rows at least
    # the user drags the dock up and the editor wide
    win.resizeDocks([win.timeline], [int(win.height() * 0.7)], Qt.Orientation.Vertical)
    win.splitter.setSizes([100, 200, 1100])
    qtbot.waitUntil(lambda: _timeline_share(win) > 0.5, timeout=5000)
    reset = win.window_layout.reset_action
    assert reset in win.menus.view.actions()
    reset.trigger()
    qtbot.waitUntil(lambda: 0.22 <= _timeline_share(win) <= 0.38, timeout=5000)
    nav, table, editor = win.splitter.sizes()
    assert table > editor > nav
    # hidden and reset: it comes back
    win.timeline.toggleViewAction().trigger()
    assert not win.timeline.isVisible()
    reset.trigger()
    qtbot.waitUntil(win.timeline.isVisible, timeout=5000)
    wait_idle(qtbot, win)
    win.grab().save(str(tmp_path / "layout.png"))


def test_the_handle_between_table_and_timeline_is_drawn(qtbot, demo_window):
    win = demo_window
    qtbot.waitUntil(lambda: win.timeline.isVisible(), timeout=5000)
    qtbot.wait(100)
    image = win.grab().toImage()
    pages_bottom = win.centralWidget().geometry().bottom()
    dock_top = win.timeline.geometry().top()
    assert dock_top - pages_bottom >= 4  # a separator a mouse can find
    y = (pages_bottom + dock_top) // 2
    colour = QColor(image.pixel(win.width() // 2, y))
    assert colour.name() == QColor(HANDLE_COLOUR).name()
    # and between the table and the editor
    handle = win.splitter.handle(2)
    assert handle.width() >= 5


def _small_window(qtbot, tmp_path, settings_name="small.ini", size=(1100, 700)):
    from tests.ui.conftest import open_demo_window

    return open_demo_window(qtbot, tmp_path, settings_name, size)


def test_a_small_window_gives_the_chart_and_the_lanes_a_usable_height(qtbot, tmp_path):
    """At 1100×700 the dock used to get ~30 % of the height: 112 px of lanes, 118 of chart."""
    from casefile.ui.window_layout import MIN_DRAWING, MIN_TABLES

    win = _small_window(qtbot, tmp_path)
    try:
        qtbot.waitUntil(lambda: win.timeline.lanes.height() >= MIN_DRAWING, timeout=5000)
        win.chart.raise_()
        qtbot.waitUntil(lambda: len(win.chart.graph.nodes) == 12, timeout=10000)
        qtbot.waitUntil(lambda: win.chart.view.height() >= MIN_DRAWING, timeout=5000)
        # the tables keep their part: nine rows of shipments or so
        assert win.centralWidget().height() >= MIN_TABLES
        assert win.records.view.viewport().height() >= 8 * win.records.view.rowHeight(0)
        win.grab().save(str(tmp_path / "small.png"))
    finally:
        win.session.shut_down()


def test_in_a_big_window_the_dock_keeps_its_third(qtbot, tmp_path):
    from casefile.ui.window_layout import MIN_DRAWING

    win = _small_window(qtbot, tmp_path, size=(1500, 950))
    try:
        qtbot.waitUntil(lambda: 0.3 <= _timeline_share(win) <= 0.38, timeout=5000)
        assert win.timeline.lanes.height() > MIN_DRAWING
    finally:
        win.session.shut_down()


def test_the_users_own_split_wins_in_a_small_window(qtbot, tmp_path):
    """A dock the user made short stays short; a remembered split is kept as it was."""

    win = _small_window(qtbot, tmp_path)
    qtbot.waitUntil(lambda: win.timeline.lanes.height() >= 200, timeout=5000)
    # the user drags the separator down (what a drag does; offscreen, a drag moves nothing)
    win.resizeDocks([win.timeline], [150], Qt.Orientation.Vertical)
    qtbot.waitUntil(lambda: win.timeline.height() < 150, timeout=5000)
    qtbot.wait(300)
    left = win.timeline.height()
    assert left < 150  # not grown back
    win.close()
    qtbot.waitUntil(lambda: not win.isVisible(), timeout=10000)
    # opened again, small: the user's split as they left it
    again = _small_window(qtbot, tmp_path)
    try:
        qtbot.waitUntil(lambda: again.timeline.lanes.isVisible(), timeout=5000)
        qtbot.wait(300)
        assert abs(again.timeline.height() - left) <= 2
    finally:
        again.session.shut_down()
