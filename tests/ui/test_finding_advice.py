"""The finding's editor says what `casefile export-pdf` says of a finding graded high
confidence on one source (pytest-qt, the demo case): shown as plain text under the fields,
never blocking; it follows the grade as the user changes it."""

from PySide6.QtCore import Qt

from tests.ui.conftest import choose_kind, wait_idle


def _show(qtbot, win, finding_id):
    win.records.select_id(finding_id)
    qtbot.waitUntil(lambda: win.editor.current is not None and win.editor.current.kind ==
                    "finding" and win.editor.current.record_id == finding_id, timeout=10000)
    wait_idle(qtbot, win)
    return win.editor.current


def test_a_finding_graded_high_on_one_source_says_so_in_its_editor(qtbot, demo_window,
                                                                   tmp_path):
    win = demo_window
    choose_kind(qtbot, win, "finding")
    ed = _show(qtbot, win, 4)  # "China officially denies arming either side": high, 1 source
    qtbot.waitUntil(ed.advice.isVisible, timeout=5000)
    assert ed.advice.textFormat() == Qt.TextFormat.PlainText
    assert ed.advice.text().startswith("This finding is graded high confidence but cites "
                                       "only 1 source")
    win.grab().save(str(tmp_path / "finding-advice.png"))
    ed = _show(qtbot, win, 1)  # moderate: nothing to say
    assert not ed.advice.isVisible()
    combo = ed.widgets["confidence"]
    combo.setCurrentIndex(combo.findData("high"))
    combo.activated.emit(combo.currentIndex())  # as a user's choice does
    wait_idle(qtbot, win)
    qtbot.waitUntil(ed.advice.isVisible, timeout=10000)  # stored, read back, said
    assert win.session.case.get("finding", 1)["confidence"] == "high"  # not refused
    assert "cites only 1 source" in ed.advice.text()
    win.menus.undo.trigger()  # back to moderate: the advice goes
    wait_idle(qtbot, win)
    qtbot.waitUntil(lambda: not ed.advice.isVisible(), timeout=10000)
