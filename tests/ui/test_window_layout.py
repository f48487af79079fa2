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
