"""A party typed into a shipment's party field (look29): 'Tekhkrim' typed and Tab pressed,
with one party offered, was dropped — the field went back to its old party, nothing was
stored and nothing was said. One party offered, or one whose name is what is typed, is
taken; otherwise the field keeps its party and says why."""

from PySide6.QtCore import Qt

from tests.ui.conftest import choose_kind, wait_idle


def _consignee(qtbot, win, shipment=2):
    choose_kind(qtbot, win, "shipment")
    assert win.records.select_id(shipment)
    qtbot.waitUntil(lambda: win.editor.shown() == ("shipment", shipment), timeout=10000)
    wait_idle(qtbot, win)
    ed = win.editor.current
    return ed, ed.widgets["consignee_id"]


def _type_and_leave(qtbot, win, picker, text):
    picker.line.setFocus()
    picker.line.selectAll()
    picker.line.insert(text)
    picker.line.textEdited.emit(text)  # as typing does
    qtbot.keyClick(picker.line, Qt.Key.Key_Tab)  # at once: before the parties are read
    wait_idle(qtbot, win)


def test_one_party_offered_is_taken(qtbot, demo_window):
    win = demo_window
    ed, picker = _consignee(qtbot, win)
    _type_and_leave(qtbot, win, picker, "техкрим")  # its alias, in lower case
    qtbot.waitUntil(lambda: win.case.get("shipment", 2)["consignee_id"] == 2, timeout=10000)
    assert picker.line.text().startswith("Tekhkrim") and not ed.errors["consignee_id"].isVisible()


def test_a_name_of_several_parties_is_refused_and_said(qtbot, demo_window):
    win = demo_window
    ed, picker = _consignee(qtbot, win)
    before = win.case.get("shipment", 2)["consignee_id"]
    _type_and_leave(qtbot, win, picker, "Unnamed")  # four parties
    qtbot.waitUntil(lambda: ed.errors["consignee_id"].isVisible(), timeout=10000)
    said = ed.errors["consignee_id"].text()
    assert "“Unnamed” names 4 parties: pick one in the list" in said
    assert win.case.get("shipment", 2)["consignee_id"] == before
    _type_and_leave(qtbot, win, picker, "No Such Party Ltd")
    qtbot.waitUntil(lambda: "No party is named “No Such Party Ltd”" in
                    ed.errors["consignee_id"].text(), timeout=10000)
    assert win.case.get("shipment", 2)["consignee_id"] == before


def test_typing_again_before_the_parties_are_read_decides_nothing(qtbot, demo_window):
    """(review34) Left before the parties were read, then typed in again: when they came,
    the field was decided under the cursor ('Unnamed Chi' wiped mid-typing)."""
    win = demo_window
    ed, picker = _consignee(qtbot, win)
    before = win.case.get("shipment", 2)["consignee_id"]
    held = []
    picker._choices = lambda text, answer: held.append((text, answer))  # answers held back
    picker.line.selectAll()  # (no focus: no completer popup, which would grab the keys)
    picker.line.insert("Unnamed")
    picker.line.textEdited.emit("Unnamed")
    picker.line.editingFinished.emit()  # left before the answer: waits for it
    picker.line.insert(" Chi")
    picker.line.textEdited.emit("Unnamed Chi")  # typed in again
    for _text, answer in held:
        answer([(5, "Unnamed Chinese companies (drone-part shippers) [CN]")])
    wait_idle(qtbot, win)
    assert picker.line.text() == "Unnamed Chi"  # still as typed, nothing decided
    assert not ed.errors["consignee_id"].isVisible()
    assert win.case.get("shipment", 2)["consignee_id"] == before


def test_a_party_typed_with_its_number_is_that_party(qtbot, demo_window):
    """(review34) 'Tekhkrim #6' took the one Tekhkrim offered, #2: a number typed names
    the party, else none."""
    win = demo_window
    ed, picker = _consignee(qtbot, win)
    _type_and_leave(qtbot, win, picker, "Unnamed #5")  # one of four 'Unnamed' parties
    qtbot.waitUntil(lambda: win.case.get("shipment", 2)["consignee_id"] == 5, timeout=10000)
    _type_and_leave(qtbot, win, picker, "Tekhkrim #6")  # Tekhkrim is #2: no such party
    qtbot.waitUntil(lambda: ed.errors["consignee_id"].isVisible(), timeout=10000)
    assert win.case.get("shipment", 2)["consignee_id"] == 5
