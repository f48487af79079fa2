"""The window at the sizes people use: it fits 1024×700, and the editor never scrolls
sideways (labels whole, long hints wrapped)."""

import pytest
from PySide6.QtWidgets import QLabel

from tests.ui.conftest import choose_kind, wait_idle

KINDS = ("shipment", "source", "entity", "event", "relationship", "sanction", "finding")


def _editor_fits(qtbot, win):
    pane = win.editor
    qtbot.waitUntil(lambda: pane.current is not None, timeout=10000)
    qtbot.wait(50)  # the layout settles
    inner = pane.widget()
    assert not pane.horizontalScrollBar().isVisible()
    assert inner.width() <= pane.viewport().width()
    assert inner.minimumSizeHint().width() <= pane.viewport().width()
    for label in pane.current.findChildren(QLabel):  # form labels and hints: whole
        if label.isVisible() and label.text():
            left = label.mapTo(inner, label.rect().topLeft()).x()
            right = label.mapTo(inner, label.rect().topRight()).x()
            assert left >= 0 and right <= pane.viewport().width(), label.text()


@pytest.mark.parametrize("size", [(1024, 700), (1400, 860)])
def test_the_window_fits_and_the_editor_never_scrolls_sideways(qtbot, demo_window, size):
    win = demo_window
    win.resize(*size)
    qtbot.waitUntil(lambda: (win.width(), win.height()) == size, timeout=5000)
    assert win.minimumSizeHint().width() <= 1024 and win.minimumSizeHint().height() <= 700
    for kind in KINDS:
        choose_kind(qtbot, win, kind)
        win.records.select_id(1)
        qtbot.waitUntil(lambda k=kind: win.editor.current is not None
                        and win.editor.current.kind == k, timeout=10000)
        wait_idle(qtbot, win)
        _editor_fits(qtbot, win)
    choose_kind(qtbot, win, "shipment")
    win.records.select_id(2)
    qtbot.waitUntil(lambda: win.editor.current is not None and win.editor.current.kind
                    == "shipment" and win.editor.current.record_id == 2, timeout=10000)
    date = win.editor.current.widgets["date"]
    date.line.setText("between the first week of June and the last days of December 2022")
    assert date.hint.wordWrap()
    _editor_fits(qtbot, win)
    assert win.records.view.viewport().height() >= 5 * 22  # five rows of the table at least
