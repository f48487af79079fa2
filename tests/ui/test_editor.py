"""The record editor: typing in child tables, Escape, where it starts, and what read-only
shows."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from casefile.ui.widgets import EnumCombo
from tests.ui.conftest import answer_box, choose_kind, wait_idle


def _show(qtbot, win, kind, rid):
    choose_kind(qtbot, win, kind)
    win.records.select_id(rid)
    qtbot.waitUntil(lambda: win.editor.current is not None and win.editor.current.kind == kind
                    and win.editor.current.record_id == rid, timeout=10000)
    wait_idle(qtbot, win)
    return win.editor.current


def test_tab_in_a_child_table_saves_and_goes_on_to_the_next_cell(qtbot, demo_window):
    win = demo_window
    win.activateWindow()
    qtbot.waitActive(win)
    ed = _show(qtbot, win, "entity", 3)
    aliases = ed.children_tables["alias"]
    before = len(win.case.children("alias", "entity_id", 3))
    aliases.add_button.click()
    row = aliases.table.rowCount() - 1
    typing = QApplication.focusWidget()
    assert isinstance(typing, QLineEdit) and aliases.table.isAncestorOf(typing)
    qtbot.keyClicks(typing, "DJI Technology")
    qtbot.keyClick(typing, Qt.Key.Key_Tab)
    wait_idle(qtbot, win)
    qtbot.wait(50)
    wait_idle(qtbot, win)
    names = [a["name"] for a in win.case.children("alias", "entity_id", 3)]
    assert len(names) == before + 1 and names[-1] == "DJI Technology"  # saved
    table = aliases.table
    assert table.state() == QAbstractItemView.State.EditingState  # still typing…
    assert (table.currentRow(), table.currentColumn()) == (row, 1)  # …in the next cell
    typing = QApplication.focusWidget()
    assert isinstance(typing, QLineEdit) and table.isAncestorOf(typing)
    qtbot.keyClicks(typing, "en")
    qtbot.keyClick(typing, Qt.Key.Key_Return)
    wait_idle(qtbot, win)
    qtbot.waitUntil(lambda: win.case.children("alias", "entity_id", 3)[-1]["lang"] == "en",
                    timeout=10000)
    assert table.item(row, 0).text() == "DJI Technology"


def test_escape_in_a_field_restores_its_value(qtbot, demo_window):
    win = demo_window
    ed = _show(qtbot, win, "entity", 2)
    name = ed.widgets["name"]
    name.setFocus()
    name.selectAll()
    qtbot.keyClicks(name, "Oops")
    qtbot.keyClick(name, Qt.Key.Key_Escape)
    assert name.text() == "Tekhkrim"
    name.editingFinished.emit()  # leaving the field now stores nothing
    wait_idle(qtbot, win)
    assert win.case.get("entity", 2)["name"] == "Tekhkrim" and win.case.undo_name is None
    description = ed.widgets["description"]
    old = description.toPlainText()
    description.setFocus()
    qtbot.keyClicks(description, "more")
    qtbot.keyClick(description, Qt.Key.Key_Escape)
    assert description.toPlainText() == old
    date_ed = _show(qtbot, win, "shipment", 1).widgets["date"]
    date_ed.line.setFocus()
    date_ed.line.setText("Jnue")
    qtbot.keyClick(date_ed.line, Qt.Key.Key_Escape)
    assert date_ed.text() == "June 2022" and "2022-06-01" in date_ed.hint.text()


def test_another_record_is_shown_from_the_top(qtbot, demo_window):
    win = demo_window
    win.resize(1200, 700)
    _show(qtbot, win, "shipment", 1)
    bar = win.editor.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=5000)  # a shipment is taller
    bar.setValue(bar.maximum())
    _show(qtbot, win, "shipment", 2)
    assert bar.value() == 0
    bar.setValue(bar.maximum() // 2)
    kept = bar.value()
    notes = win.editor.current.widgets["notes"]
    notes.setPlainText("seen at the border")
    notes.committed.emit()  # an edit reloads the same record: it stays where it was
    wait_idle(qtbot, win)
    assert win.case.get("shipment", 2)["notes"] == "seen at the border"
    assert bar.value() == kept


def test_read_only_nothing_is_editable_and_the_banner_says_so(qtbot, window, tmp_path):
    from PySide6.QtWidgets import QCheckBox, QComboBox, QPlainTextEdit, QPushButton

    from casefile.services.exchange.demo import write_demo

    path = tmp_path / "ro.casefile"
    write_demo(path).close()
    window.open_path(path, readonly=True)
    qtbot.waitUntil(lambda: window.case is not None, timeout=10000)
    wait_idle(qtbot, window)
    assert "READ-ONLY" in window.banner.text()
    for kind, rid in (("entity", 2), ("shipment", 1), ("event", 1), ("source", 2)):
        ed = _show(qtbot, window, kind, rid)
        for key, w in ed.widgets.items():
            typed = ed._typing_target(key)
            if isinstance(typed, QLineEdit | QPlainTextEdit):
                assert typed.isReadOnly(), (kind, key)
            if isinstance(w, QComboBox | QCheckBox):
                assert not w.isEnabled(), (kind, key)
        for table in ed.children_tables.values():
            assert table.table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
            assert not any(b.isEnabled() for b in table.findChildren(QPushButton))
        if kind == "source":
            panel = window.editor.attachments
            enabled = {b.text() for b in panel.findChildren(QPushButton) if b.isEnabled()}
            assert enabled == {"Open", "Save as…"} and not panel.acceptDrops()
        else:
            cites = window.editor.citations[kind]
            assert not cites.cite_button.isEnabled() and not cites.edit_button.isEnabled()
            assert not cites.remove_button.isEnabled() and cites.open_button.isEnabled()
    assert not any(a.isEnabled() for a in window.menus.new_record.values())
    assert not window.menus.toolbar_new["entity"].isEnabled()
    # an edit that gets through all the same is refused, said, and not left on screen
    ed = _show(qtbot, window, "entity", 2)
    said: list[str] = []
    ed.edit_requested.emit({"name": "Changed"}, {})
    ed.widgets["name"].setText("Changed")
    qtbot.waitUntil(lambda: answer_box(said), timeout=10000)
    wait_idle(qtbot, window)
    assert "read-only" in said[0]
    qtbot.waitUntil(lambda: window.editor.current.widgets["name"].text() == "Tekhkrim",
                    timeout=10000)


def test_tab_in_the_route_goes_on_though_the_country_comes_back_as_a_code(qtbot,
                                                                        demo_window):
    win = demo_window
    win.activateWindow()
    qtbot.waitActive(win)
    ed = _show(qtbot, win, "shipment", 1)
    route = ed.children_tables["route_stop"]
    route.add_button.click()
    row = route.table.rowCount() - 1
    qtbot.keyClicks(QApplication.focusWidget(), "Turkey")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    wait_idle(qtbot, win)
    qtbot.wait(50)
    wait_idle(qtbot, win)
    assert [s["country"] for s in win.case.children("route_stop", "shipment_id", 1)] == ["TR"]
    table = route.table
    assert table.item(row, 0).text() == "TR"  # shown as stored…
    assert table.state() == QAbstractItemView.State.EditingState  # …and typing goes on
    assert (table.currentRow(), table.currentColumn()) == (row, 1)
    qtbot.keyClicks(QApplication.focusWidget(), "Mersin")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.case.children("route_stop", "shipment_id", 1)[0]["place"]
                    == "Mersin", timeout=10000)


def test_another_record_never_keeps_a_half_typed_child_row(qtbot, demo_window):
    win = demo_window
    ed = _show(qtbot, win, "entity", 3)
    aliases = ed.children_tables["alias"]
    n3 = len(win.case.children("alias", "entity_id", 3))
    aliases.add_button.click()  # a new row, nothing typed in it yet
    assert aliases.table.rowCount() == n3 + 1
    other = next(e for e in range(1, 13) if e != 3 and
                 len(win.case.children("alias", "entity_id", e)) == n3)
    ed = _show(qtbot, win, "entity", other)
    assert ed.children_tables["alias"].table.rowCount() == n3


def test_an_entity_shows_the_fields_of_its_kind_and_any_other_that_holds_a_value(
        qtbot, demo_window):
    """A company is not asked when it was born, nor a person when incorporated; a value an
    import gave a party of another kind is still shown (nothing is hidden that holds data)."""
    win = demo_window

    def shown(ed, key):
        return ed.form.isRowVisible(ed.widgets[key].parentWidget())

    ed = _show(qtbot, win, "entity", 1)  # NORINCO, a company
    assert shown(ed, "incorporation") and shown(ed, "legal_form") and shown(ed, "country")
    assert not any(shown(ed, k) for k in ("birth", "birth_place", "nationality", "gender"))
    win.session.op(lambda case: case.update("entity", 1, {"birth": "1980"})).run()
    qtbot.waitUntil(lambda: shown(win.editor.current, "birth"), timeout=10000)
    assert not shown(win.editor.current, "nationality")
    ed = _show(qtbot, win, "entity", 12)  # Liu Pengyu, a person
    assert shown(ed, "birth") and shown(ed, "nationality") and shown(ed, "gender")
    assert not shown(ed, "incorporation") and not shown(ed, "legal_form")


def test_topic_codes_are_named_under_the_field(qtbot, demo_window):
    """An imported party's topics are FtM codes ('role.pep'); the editor says what each
    means beneath them, as the dossier prints them, and follows an edit."""
    win = demo_window
    win.session.op(lambda case: case.update("entity", 1, {"topics": "sanction, role.pep"})
                   ).run()
    ed = _show(qtbot, win, "entity", 1)
    qtbot.waitUntil(lambda: ed.widgets["topics"].text() == "role.pep, sanction"
                    or ed.widgets["topics"].text() == "sanction, role.pep", timeout=10000)
    hint = ed.code_hints["topics"]
    assert hint.isVisibleTo(ed) and hint.text() in (
        "Politically exposed person (PEP), Sanctioned",
        "Sanctioned, Politically exposed person (PEP)")
    win.session.op(lambda case: case.update("entity", 1, {"topics": "export.risk"})).run()
    qtbot.waitUntil(lambda: win.editor.current.code_hints["topics"].text() == "Trade risk",
                    timeout=10000)


def test_a_text_field_grows_with_its_lines_so_posts_read_without_scrolling(qtbot, demo_window):
    """A PEP's five posts, one a line: the Positions box shows them all (up to eight lines;
    past that it scrolls); an empty box is two lines tall (newcomer review: a company's page
    was nine tall empty boxes before its aliases), and grows as soon as it has text."""
    win = demo_window
    posts = "\n".join(f"Post {i} (Russia), since 201{i}" for i in range(5))
    rid = win.case.create("entity", {"name": "Osetrova", "kind": "person",
                                     "position": posts}).result
    editor = _show(qtbot, win, "entity", rid)
    box, empty = editor.widgets["position"], editor.widgets["address"]
    line = box.fontMetrics().lineSpacing()
    qtbot.waitUntil(lambda: box.height() >= 5 * line, timeout=5000)
    assert box.verticalScrollBar().maximum() == 0  # all five seen
    assert 2 * line <= empty.height() < 70 <= box.height()
    empty.setPlainText("12 Lenin street")
    assert empty.height() >= 70  # three lines' room once it has text
    box.setPlainText("\n".join(f"line {i}" for i in range(30)))
    assert box.height() <= 8 * line + 40  # long text scrolls past eight lines


def test_a_value_refused_after_the_user_moved_on_is_said_for_its_own_record(qtbot,
                                                                             demo_window):
    """(review) A date typed into a shipment, refused while the user was already on an
    event: the red text showed under the event's date, and the shipment's refusal was
    never said. It is said in a message naming the shipment; the event shows no error."""
    from PySide6.QtWidgets import QMessageBox

    win = demo_window
    ship = _show(qtbot, win, "shipment", 4)
    date_ed = ship.widgets["date"]
    date_ed.line.setText("31 February 2022")  # no such day
    win.go_to("event", 1)
    qtbot.waitUntil(lambda: win.editor.current is not None
                    and win.editor.current.kind == "event", timeout=10000)
    event = win.editor.current
    date_ed.line.editingFinished.emit()  # the shipment's field is left once the event shows
    wait_idle(qtbot, win)
    qtbot.waitUntil(lambda: bool([b for b in win.findChildren(QMessageBox, "casefile-error")
                                  if b.isVisible()]), timeout=10000)
    box = next(b for b in win.findChildren(QMessageBox, "casefile-error") if b.isVisible())
    assert box.windowTitle() == "Not saved: Shipment #4" and "28 days" in box.text()
    assert not event.errors["date"].isVisible()
    box.close()


def test_tab_in_a_multi_line_field_goes_to_the_next_field(qtbot, demo_window):
    """(helper-62) Tab in a description stored a tab character; in a form it moves on, and
    leaving the field keeps what was typed."""
    win = demo_window
    win.activateWindow()
    qtbot.waitActive(win)
    ed = _show(qtbot, win, "entity", 2)
    description = ed.widgets["description"]
    description.setFocus()
    qtbot.waitUntil(description.hasFocus, timeout=5000)
    description.moveCursor(description.textCursor().MoveOperation.End)
    qtbot.keyClicks(description, " Checked.")
    qtbot.keyClick(description, Qt.Key.Key_Tab)
    assert "\t" not in description.toPlainText()
    assert not description.hasFocus()  # on to the next field
    wait_idle(qtbot, win)
    qtbot.waitUntil(lambda: win.case.get("entity", 2)["description"].endswith("Checked."),
                    timeout=10000)


def test_a_refusal_goes_once_the_field_is_typed_in_again(qtbot, demo_window):
    """(look15) "31 February 2022" refused in red; typing a valid date kept the red text
    under it until the field was left."""
    win = demo_window
    win.activateWindow()
    qtbot.waitActive(win)
    ship = _show(qtbot, win, "shipment", 4)
    date_ed = ship.widgets["date"]
    date_ed.line.setFocus()
    date_ed.line.selectAll()
    qtbot.keyClicks(date_ed.line, "31 February 2022")
    date_ed.line.editingFinished.emit()
    wait_idle(qtbot, win)
    qtbot.waitUntil(lambda: ship.errors["date"].isVisible(), timeout=10000)
    assert "28 days" in ship.errors["date"].text()
    qtbot.keyClick(date_ed.line, Qt.Key.Key_Backspace)  # typing again: the refusal goes
    assert not ship.errors["date"].isVisible()
    assert "not understood" in date_ed.hint.text() or "2022" in date_ed.hint.text()
    date_ed.line.selectAll()
    qtbot.keyClicks(date_ed.line, "28 February 2022")
    assert not ship.errors["date"].isVisible() and "2022-02-28" in date_ed.hint.text()


def test_a_shipments_numbers_are_shown_whole_and_a_tab_through_them_changes_nothing(
        qtbot, demo_window):
    """(look22, blocker) The editor showed a weight of 1,755,034 kg as '1.75503e+06' and a
    value of 665,660.02 as '665660'; tabbing through the field stored the rounded number.
    Every digit is shown, and leaving a field untouched stores nothing."""
    win = demo_window
    sid = 1
    win.case.update("shipment", sid, {"value": 665660.02, "currency": "USD",
                                      "weight_kg": 1755034, "quantity": 0.85})
    wait_idle(qtbot, win)
    done = win.case.undo_name
    ed = _show(qtbot, win, "shipment", sid)
    assert [ed.widgets[k].text() for k in ("value", "weight_kg", "quantity")] == [
        "665660.02", "1755034", "0.85"]
    for key in ("value", "weight_kg", "quantity"):
        ed.widgets[key].setFocus()
        ed.widgets[key].editingFinished.emit()  # Tab through it
    wait_idle(qtbot, win)
    stored = win.case.get("shipment", sid)
    assert (stored["value"], stored["weight_kg"], stored["quantity"]) == (665660.02, 1755034,
                                                                         0.85)
    assert win.case.undo_name == done  # no edit after it


def test_a_long_goods_description_does_not_fill_the_editor_heading(qtbot, demo_window):
    """(look22) A shipment's heading repeated its whole goods description in large bold
    type: 1,296 px for one of a customs file's, the Date field far below. The heading shows
    its first line, cut short; the tooltip and the Goods field hold the whole."""
    win = demo_window
    goods = ("БЕСПИЛОТНЫЕ ЛЕТАТЕЛЬНЫЕ АППАРАТЫ ДЛЯ АЭРОФОТОСЪЕМКИ, " * 8 + "\n"
             + "1. КОМПЛЕКТУЮЩИЕ: АККУМУЛЯТОРЫ, КАМЕРЫ, ПУЛЬТЫ УПРАВЛЕНИЯ\n" * 40)
    win.case.update("shipment", 1, {"declared_goods": goods})
    wait_idle(qtbot, win)
    ed = _show(qtbot, win, "shipment", 1)
    text = ed.heading.text()
    assert text.startswith("Shipment #1  БЕСПИЛОТНЫЕ") and text.endswith("…")
    assert len(text) <= len("Shipment #1  ") + 120
    assert goods.strip() in ed.heading.toolTip().replace("<br>", "\n")
    assert ed.heading.heightForWidth(500) < 80  # two or three lines at most


def test_a_sanction_in_force_whose_end_has_passed_is_said_in_the_editor(qtbot, demo_window):
    """(look22) Status 'in force' with an end date of 15.01.2024: the table and the
    dossier said ended, the editor in force, and nothing said they disagree."""
    win = demo_window
    sid = win.case.children("sanction", "entity_id", 3)[0]["id"]
    win.case.update("sanction", sid, {"status": "in_force", "end": "15.01.2024"})
    wait_idle(qtbot, win)
    ed = _show(qtbot, win, "sanction", sid)
    assert ed.advice.isVisible()
    assert ed.advice.text().startswith("Recorded as in force, but its end date (15.01.2024) "
                                       "has passed")
    from datetime import date

    from casefile.services.queries.record import status_advice

    row = win.case.get("sanction", sid)
    assert status_advice({**row, "status": "ended"}, date.today()) == ""
    assert status_advice({**row, "end_text": "2999", "end_end": "2999-12-31"},
                         date.today()) == ""


def test_a_heading_of_goods_beginning_with_a_blank_line_shows_them(qtbot, demo_window):
    """(review23) Goods whose first line was empty gave the heading 'Shipment #1' alone."""
    win = demo_window
    win.case.update("shipment", 1, {"declared_goods": "\n  БПЛА  \nкамеры"})
    wait_idle(qtbot, win)
    ed = _show(qtbot, win, "shipment", 1)
    assert ed.heading.text() == "Shipment #1  БПЛА…"


def test_a_sanction_whose_list_words_are_kept_shows_them_as_its_status(qtbot, demo_window):
    """(session 20) An imported sanction whose list wrote 'Excluded' (barred now in a US
    list, lifted in Ukraine's) keeps the words in its reason and none of the four statuses:
    the editor's Status said 'not stated' beside them."""
    win = demo_window
    sid = win.case.children("sanction", "entity_id", 3)[0]["id"]
    win.case.update("sanction", sid, {"status": "", "end": "",
                                      "reason": "Fraud\nStatus as listed: Excluded"})
    wait_idle(qtbot, win)
    ed = _show(qtbot, win, "sanction", sid)
    box = ed.widgets["status"]
    assert box.currentData() == "" and box.currentText() == "as listed: Excluded"
    assert "does not read them" in box.itemData(box.currentIndex(),
                                                Qt.ItemDataRole.ToolTipRole)
    assert box.toolTip().startswith("As listed: Excluded. ")  # (review29: the closed box)
    long = "Excluded from federal procurement and non-procurement programs"
    win.session.op(lambda case: case.update("sanction", sid, {
        "reason": f"Status as listed: {long}"})).run()
    wait_idle(qtbot, win)
    qtbot.waitUntil(lambda: box.currentText() != "as listed: Excluded", timeout=10000)
    assert box.currentText() == "as listed: Excluded from federal…"  # at a word (review30)
    assert box.toolTip().startswith(f"As listed: {long}. ")
    assert box.sizeHint().width() < 400  # (review29: cut mid-word by the field, no '…')
    win.session.op(lambda case: case.update("sanction", sid, {"status": "in_force"})).run()
    wait_idle(qtbot, win)
    qtbot.waitUntil(lambda: box.currentData() == "in_force", timeout=10000)
    assert box.toolTip() == ""  # (review30: the list's words said beside 'in force')
    win.session.op(lambda case: case.create("sanction", {
        "entity_id": 3, "programme": "Test", "reason": "Supplies drones"})).run()
    wait_idle(qtbot, win)
    plain = max(s["id"] for s in win.case.children("sanction", "entity_id", 3))
    wait_idle(qtbot, win)
    ed = _show(qtbot, win, "sanction", plain)  # the same widget, another sanction
    box = ed.widgets["status"]
    assert box.currentText() == "not stated"
    assert box.itemData(box.currentIndex(), Qt.ItemDataRole.ToolTipRole) is None
    assert box.toolTip() == ""


@pytest.mark.qt_log_ignore(r"^This plugin does not support grabbing the keyboard$")
def test_keys_through_a_drop_down_store_one_edit_when_they_rest(qtbot, demo_window):
    """(look29) Each arrow key press through the Kind drop-down was an edit of its own and
    an undo step each; now the value reached is stored once the keys rest (or the field is
    left), and a value picked from the open list at once."""
    win = demo_window
    win.activateWindow()
    qtbot.waitActive(win)
    ed = _show(qtbot, win, "entity", 3)
    box = ed.widgets["kind"]
    assert isinstance(box, EnumCombo)
    steps = len(win.case._undo)
    start = box.currentIndex()
    box.setFocus()
    for _ in range(3):
        qtbot.keyClick(box, Qt.Key.Key_Down)
    wanted = box.currentData()
    assert box.currentIndex() == start + 3
    qtbot.wait(100)
    wait_idle(qtbot, win)
    assert len(win.case._undo) == steps  # still resting
    qtbot.waitUntil(lambda: len(win.case._undo) == steps + 1, timeout=5000)
    wait_idle(qtbot, win)
    qtbot.wait(EnumCombo.SETTLE_MS + 100)
    wait_idle(qtbot, win)
    assert len(win.case._undo) == steps + 1  # one step for three keys
    assert win.case.get("entity", 3)["kind"] == wanted
    # keys, then the field left at once: stored as it is left
    qtbot.keyClick(box, Qt.Key.Key_Up)
    left = box.currentData()
    ed.widgets["name"].setFocus()
    qtbot.waitUntil(lambda: win.case.get("entity", 3)["kind"] == left, timeout=5000)
    wait_idle(qtbot, win)
    assert len(win.case._undo) == steps + 2
    # picked from the open list: stored at once
    box.showPopup()
    qtbot.waitUntil(box.view().isVisible, timeout=2000)
    qtbot.keyClick(box.view(), Qt.Key.Key_Down)
    qtbot.keyClick(box.view(), Qt.Key.Key_Return)
    picked = box.currentData()
    assert not box.settle.isActive()
    qtbot.waitUntil(lambda: win.case.get("entity", 3)["kind"] == picked, timeout=2000)


@pytest.mark.parametrize("how", ["ctrl+z", "escape", "undo action"])
def test_undo_or_escape_while_a_choice_settles_takes_that_choice_back(qtbot, demo_window, how):
    """(review35) Ctrl+Z pressed within the settling time undid the edit before (a rename),
    and the reload then stored the keyed Kind: the rename lost, the Kind changed, no Redo.
    Ctrl+Z or Escape in the box takes the keyed value back; the window's Undo (menu or
    toolbar) takes back the keyed value, stored first — the rename stays."""
    win = demo_window
    win.activateWindow()
    qtbot.waitActive(win)
    ed = _show(qtbot, win, "entity", 3)
    name = ed.widgets["name"]
    name.setFocus()
    name.selectAll()
    qtbot.keyClicks(name, "Renamed party")
    box = ed.widgets["kind"]
    box.setFocus()  # the name is stored as it is left
    qtbot.waitUntil(lambda: win.case.get("entity", 3)["name"] == "Renamed party",
                    timeout=5000)
    wait_idle(qtbot, win)
    before = win.case.get("entity", 3)["kind"]
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert box.settle.isActive() and box.currentData() != before
    if how == "ctrl+z":
        qtbot.keyClick(box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    elif how == "escape":
        qtbot.keyClick(box, Qt.Key.Key_Escape)
    else:
        win.menus.undo.trigger()
    wait_idle(qtbot, win)
    qtbot.wait(EnumCombo.SETTLE_MS + 200)
    wait_idle(qtbot, win)
    row = win.case.get("entity", 3)
    assert (row["kind"], row["name"]) == (before, "Renamed party")
    assert box.currentData() == before and not box.settle.isActive()
    assert win.case.undo_name is not None and "Renamed party" in win.case.undo_name
