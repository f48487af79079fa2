"""The duplicate finder: proposals, nothing merged unticked or unconfirmed, each merge its
own undo step."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox

from tests.ui.conftest import wait_idle


def _answer(qtbot, dlg, button_text, seen):
    def answer():
        box = dlg.question
        if box is None:
            QTimer.singleShot(50, answer)
            return
        seen.append(box.text())
        for b in box.buttons():
            if b.text().replace("&", "") == button_text:
                b.click()
                return
    QTimer.singleShot(50, answer)


def test_ticked_and_confirmed_pairs_merge_one_undo_step_each(qtbot, demo_window, tmp_path):
    win = demo_window
    case = win.case
    dup = case.create("entity", {"name": "Tekhkrim LLC", "country": "RU"}).result
    dji = case.create("entity", {"name": "DJI"}).result  # an alias of Da-Jiang
    before = case.counts()["entity"]
    dlg = win.duplicates.show_dialog()
    qtbot.waitUntil(lambda: dlg.tree.topLevelItemCount() == 2, timeout=10000)
    items = dlg.items()
    assert all(it.checkState(0) == Qt.CheckState.Unchecked for it in items)
    assert not dlg.merge_button.isEnabled()  # nothing merges unticked
    texts = [(it.text(0), it.text(1)) for it in items]
    assert any("Tekhkrim  (#2)" in a and "Tekhkrim LLC" in b for a, b in texts)
    qtbot.wait(50)
    dlg.grab().save(str(tmp_path / "duplicates.png"))
    # cancelled: nothing changes
    for it in items:
        it.setCheckState(0, Qt.CheckState.Checked)
    assert dlg.merge_button.isEnabled()
    seen = []
    _answer(qtbot, dlg, "Cancel", seen)
    qtbot.mouseClick(dlg.merge_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, win)
    assert "Merge 2 pairs?" in seen[0]
    assert case.counts()["entity"] == before
    # confirmed: two merges, two undo steps
    _answer(qtbot, dlg, "Merge", seen)
    qtbot.mouseClick(dlg.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: case.counts()["entity"] == before - 2, timeout=10000)
    wait_idle(qtbot, win)
    assert case.get("entity", dup) is None and case.get("entity", dji) is None
    qtbot.waitUntil(lambda: dlg.tree.topLevelItemCount() == 0, timeout=10000)
    assert "nothing to merge" in dlg.summary.text()
    assert case.undo_name.startswith("Merge")
    win.menus.undo.trigger()
    qtbot.waitUntil(lambda: case.counts()["entity"] == before - 1, timeout=10000)
    wait_idle(qtbot, win)


def test_swap_keeps_the_other_party(qtbot, demo_window):
    win = demo_window
    case = win.case
    dup = case.create("entity", {"name": "Tekhkrim LLC"}).result
    dlg = win.duplicates.show_dialog()
    qtbot.waitUntil(lambda: dlg.tree.topLevelItemCount() == 1, timeout=10000)
    dlg.swap_current()
    item = dlg.items()[0]
    assert item.data(0, Qt.ItemDataRole.UserRole)[0] == dup
    item.setCheckState(0, Qt.CheckState.Checked)
    _answer(qtbot, dlg, "Merge", [])
    dlg.merge_ticked()
    qtbot.waitUntil(lambda: case.get("entity", 2) is None, timeout=10000)
    wait_idle(qtbot, win)
    assert case.get("entity", dup)["name"] == "Tekhkrim LLC"
    assert QMessageBox is not None


def test_an_arabic_name_does_not_turn_its_line(qtbot, demo_window):
    """(review38) 'جميل حسن  (#26)' was shown as '(26#) جميل حسن': the line took the
    name's direction. The name is kept apart by left-to-right marks; a Latin name as it is."""
    win = demo_window
    a = win.case.create("entity", {"name": "جميل حسن", "kind": "person"}).result
    b = win.case.create("entity", {"name": "JAMIL HASSAN", "kind": "person"}).result
    dlg = win.duplicates.show_dialog()
    qtbot.waitUntil(lambda: dlg.tree.topLevelItemCount() >= 1, timeout=10000)
    texts = {it.text(0) for it in dlg.items()} | {it.text(1) for it in dlg.items()}
    assert f"\u200eجميل حسن\u200e  (#{a})" in texts
    assert f"JAMIL HASSAN  (#{b})" in texts


def test_the_dialog_says_when_it_shows_only_the_most_alike(qtbot, demo_window,
                                                          monkeypatch):
    from functools import partial

    from casefile.services.queries import duplicates

    monkeypatch.setattr(duplicates, "find_duplicates",
                        partial(duplicates.find_duplicates, limit=1))
    win = demo_window
    win.case.create("entity", {"name": "Tekhkrim LLC", "country": "RU"})
    win.case.create("entity", {"name": "DJI"})
    dlg = win.duplicates.show_dialog()
    qtbot.waitUntil(lambda: dlg.tree.topLevelItemCount() == 1, timeout=10000)
    assert dlg.summary.text().startswith("The 1 most alike of 2 possible duplicates")


def test_the_list_follows_an_undo_of_a_merge(qtbot, demo_window):
    """(look32) Edit → Undo of a merge, the list still open, brought the party back; the
    list kept the pair out until it was opened again."""
    win = demo_window
    win.case.create("entity", {"name": "Tekhkrim LLC", "country": "RU"})
    dlg = win.duplicates.show_dialog()
    qtbot.waitUntil(lambda: dlg.tree.topLevelItemCount() == 1, timeout=10000)
    dlg.items()[0].setCheckState(0, Qt.CheckState.Checked)
    seen = []
    _answer(qtbot, dlg, "Merge", seen)
    qtbot.mouseClick(dlg.merge_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, win)
    qtbot.waitUntil(lambda: dlg.tree.topLevelItemCount() == 0, timeout=10000)
    before = win.case.counts()["entity"]
    win.commands.undo()  # Edit → Undo
    wait_idle(qtbot, win)
    qtbot.waitUntil(lambda: win.case.counts()["entity"] == before + 1, timeout=10000)
    qtbot.waitUntil(lambda: dlg.tree.topLevelItemCount() == 1, timeout=10000)
