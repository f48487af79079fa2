"""The live search panel: Ctrl+F, results follow the typing, grouped and filterable by
kind, matches highlighted with character formats, a Cyrillic alias finds the party's
shipments and relationships."""

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QApplication

from casefile.ui.match_delegate import SPANS, highlighted
from tests.ui.conftest import wait_idle


def _type(widget, text):
    """Key presses carrying any character (qtbot.keyClicks takes ASCII only)."""
    for ch in text:
        QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, 0,
                                                 Qt.KeyboardModifier.NoModifier, ch))


def test_typing_a_cyrillic_alias_lists_the_partys_records(qtbot, demo_window, tmp_path):
    win = demo_window
    win.activateWindow()
    win.records.view.setFocus()
    qtbot.keyClick(win.records.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    panel = win.search_panel
    qtbot.waitUntil(panel.isVisible, timeout=5000)
    assert panel.query.hasFocus()
    _type(panel.query, "Техкрим")  # no Enter: the results follow the typing
    qtbot.waitUntil(lambda: bool(panel.results), timeout=10000)
    shown = panel.shown_results()
    assert shown["entity"] == ["Tekhkrim"]
    assert any("Tekhkrim" in t for t in shown["shipment"])
    assert shown["relationship"] == ["Tekhkrim supplies Russian state and military"]
    top = panel.tree.topLevelItem(0)
    spans = top.child(0).data(1, SPANS)
    assert [top.child(0).text(1)[s:e] for s, e in spans] == ["Техкрим"]
    qtbot.wait(100)
    win.grab().save(str(tmp_path / "search_window.png"))
    panel.grab().save(str(tmp_path / "search_panel.png"))
    # a kind switched off hides its group, and the count says so
    panel.kinds["shipment"].click()
    assert "shipment" not in panel.shown_results()
    assert "more in hidden kinds" in panel.summary.text()
    panel.kinds["shipment"].click()
    # typing on narrows it; a result opens its record
    qtbot.keyClicks(panel.query, " nothing-like-this")
    qtbot.waitUntil(lambda: not bool(panel.results), timeout=10000)
    assert panel.summary.text().startswith("Nothing found")
    panel.query.setText("NORINCO")
    qtbot.waitUntil(lambda: "entity" in panel.shown_results(), timeout=10000)
    item = panel.tree.topLevelItem(0).child(0)
    panel.tree.setCurrentItem(item)
    qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    kind, rid = item.data(0, Qt.ItemDataRole.UserRole)
    qtbot.waitUntil(lambda: win.editor.shown() == (kind, rid), timeout=10000)
    wait_idle(qtbot, win)


def test_the_highlight_is_a_format_not_markup(qtbot):
    text = "<b>not bold</b> Техкрим"
    doc = highlighted(text, [(16, 23)], QFont())
    assert doc.toPlainText() == text
    block = doc.begin()
    runs = []
    it = block.begin()
    while not it.atEnd():
        frag = it.fragment()
        runs.append((frag.text(), frag.charFormat().fontWeight() == QFont.Weight.Bold))
        it += 1
    assert ("Техкрим", True) in runs
    assert ("<b>not bold</b> ", False) in runs
