"""Empty places say what to do next: the start screen with no recent case, a section with no
records, a filter nothing matches, a fact with no citation."""

from casefile.services.case.facade import Case
from casefile.ui.citations import NO_CITATIONS
from casefile.ui.start_screen import NO_RECENT
from tests.ui.conftest import choose_kind, wait_idle


def test_the_start_screen_says_what_to_do_with_no_recent_case(qtbot, window, tmp_path):
    start = window.start
    assert start.isVisible()
    assert start.no_recent.isVisible() and not start.recent.isVisible()
    assert start.no_recent.text() == NO_RECENT and "demo case" in NO_RECENT
    window.grab().save(str(tmp_path / "start.png"))
    start.set_recent([str(tmp_path / "a.casefile")])
    assert start.recent.isVisible() and not start.no_recent.isVisible()


def test_an_empty_section_a_filter_with_no_match_and_an_uncited_fact(qtbot, window, tmp_path):
    path = tmp_path / "empty.casefile"
    Case.new(path, title="Empty").close()
    window.open_path(path)
    qtbot.waitUntil(lambda: window.case is not None, timeout=10000)
    choose_kind(qtbot, window, "shipment")
    notice = window.empty_table
    qtbot.waitUntil(notice.isVisible, timeout=5000)
    assert notice.text.text().startswith("No shipments yet.")
    assert "Import Shipments" in notice.text.text()
    assert notice.new_button.isVisible() and not notice.clear_button.isVisible()
    assert notice.geometry() == window.records.view.viewport().rect()
    window.grab().save(str(tmp_path / "empty-table.png"))
    notice.new_button.click()  # what it says to do, it does
    qtbot.waitUntil(lambda: window.records.model.rowCount() == 1, timeout=10000)
    wait_idle(qtbot, window)
    assert not notice.isVisible()

    cites = window.editor.citations["shipment"]  # the new shipment is shown, uncited
    qtbot.waitUntil(lambda: window.editor.current is not None, timeout=10000)
    assert cites.empty.isVisible() and cites.empty.text() == NO_CITATIONS
    assert not cites.table.isVisible() and not cites.remove_button.isVisible()
    assert cites.cite_button.isVisible()
    window.grab().save(str(tmp_path / "uncited.png"))

    window.records.text.setText("no such thing")
    qtbot.waitUntil(lambda: notice.isVisible(), timeout=5000)
    assert notice.text.text().startswith("No shipments match “no such thing”.")
    assert notice.clear_button.isVisible() and not notice.new_button.isVisible()
    notice.clear_button.click()
    assert window.records.text.text() == ""
    qtbot.waitUntil(lambda: window.records.model.rowCount() == 1, timeout=5000)
    assert not notice.isVisible()

    choose_kind(qtbot, window, "relationship")  # starts from an entity: no button here
    qtbot.waitUntil(notice.isVisible, timeout=5000)
    assert "Select an entity" in notice.text.text() and not notice.new_button.isVisible()


def test_another_case_opens_unfiltered_and_going_to_a_record_clears_what_hides_it(
        qtbot, demo_window, tmp_path):
    """(look22) Dates set as a filter in one case still filtered the next case opened
    ('No sanctions match dates март 2023 – май 2023'), and going to a search result the
    filter hid showed nothing, without a word."""
    from casefile.services.exchange.demo import write_demo

    win = demo_window
    choose_kind(qtbot, win, "sanction")
    win.records.date_from.setText("март 2023")
    win.records.date_to.setText("май 2023")
    win.records.country.setText("CN")
    qtbot.waitUntil(win.empty_table.isVisible, timeout=5000)
    other = tmp_path / "other.casefile"
    write_demo(other).close()
    win.open_path(other)
    qtbot.waitUntil(lambda: win.case is not None and win.case.path == other, timeout=10000)
    wait_idle(qtbot, win)
    r = win.records
    assert (r.text.text(), r.country.text(), r.date_from.text(), r.date_to.text()) == \
        ("", "", "", "")
    qtbot.waitUntil(lambda: r.model.rowCount() > 0, timeout=5000)
    r.date_from.setText("1900")  # a filter that hides every sanction
    r.date_to.setText("1901")
    qtbot.waitUntil(win.empty_table.isVisible, timeout=5000)
    sid = win.case.children("sanction", "entity_id", 3)[0]["id"]
    win.sections.go_to("sanction", sid)
    qtbot.waitUntil(lambda: win.editor.current is not None
                    and win.editor.current.record_id == sid, timeout=10000)
    assert r.date_from.text() == "" and not win.empty_table.isVisible()
