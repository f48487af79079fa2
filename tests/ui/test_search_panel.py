"""The live search panel: Ctrl+F, results follow the typing, grouped and filterable by
kind, matches highlighted with character formats, a Cyrillic alias finds the party's
shipments and relationships."""

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QKeyEvent
from PySide6.QtWidgets import QApplication

from casefile.ui.match_delegate import SPANS, drawn_width, fit_text, highlighted
from tests.ui.conftest import wait_idle


def _type(widget, text):
    """Key presses carrying any character (qtbot.keyClicks takes ASCII only)."""
    for ch in text:
        QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, 0,
                                                 Qt.KeyboardModifier.NoModifier, ch))


def test_an_arabic_word_finds_it_with_its_article_highlighted(qtbot, demo_window, tmp_path):
    """(look29) خليج did not find شركة الخليج للتجارة: the article is written joined to its
    word. Found, shown as written, the word itself highlighted."""
    win = demo_window
    win.case.create("entity", {"name": "شركة الخليج للتجارة", "kind": "company"})
    wait_idle(qtbot, win)
    win.search_panel.show()
    panel = win.search_panel
    _type(panel.query, "خليج")
    qtbot.waitUntil(lambda: bool(panel.results), timeout=10000)
    assert panel.shown_results()["entity"] == ["شركة الخليج للتجارة"]
    item = panel.tree.topLevelItem(0).child(0)
    spans = item.data(0, SPANS)
    assert [item.text(0)[s:e] for s, e in spans] == ["خليج"]
    panel.grab().save(str(tmp_path / "search_arabic.png"))


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


def _open_panel(qtbot, win, text):
    panel = win.search_panel
    panel.find_text(text)
    qtbot.waitUntil(lambda: bool(panel.results) and panel.summary.text().endswith(
        f"“{text}”"), timeout=10000)
    return panel


def test_each_column_is_headed_by_what_it_holds(qtbot, demo_window):
    panel = _open_panel(qtbot, demo_window, "rifles")
    header = panel.tree.headerItem()
    assert (header.text(0), header.text(1)) == ("Record", "What matched")
    shipments = panel.tree.topLevelItem(0)
    item = shipments.child(0)
    assert item.text(0).startswith("June 2022")  # the record
    assert "rifles" in item.text(1) and item.data(1, SPANS)  # the text that matched
    assert "June 2022" in item.toolTip(0) and "rifles" in item.toolTip(1)


def test_the_record_column_fits_the_titles_found(qtbot, demo_window, tmp_path):
    win = demo_window
    win.resize(1500, 950)
    qtbot.waitUntil(lambda: win.width() == 1500, timeout=5000)
    panel = _open_panel(qtbot, win, "rifles")
    tree = panel.tree
    items = [tree.topLevelItem(i).child(j) for i in range(tree.topLevelItemCount())
             for j in range(tree.topLevelItem(i).childCount())]
    titles = [item.text(0) for item in items]
    assert any(t.startswith("A state-owned Chinese defence contractor") for t in titles)
    room = tree.columnWidth(0) - 2 * tree.indentation() - 12  # a child's indent, margins
    for item in items:  # each title drawn whole, its matches bold
        text, spans = item.text(0), item.data(0, SPANS)
        assert fit_text(text, spans, room, tree.font()) == (text, spans), text
    qtbot.wait(50)
    win.grab().save(str(tmp_path / "search_1500.png"))
    # a width the user gives it stays, search after search
    tree.header().resizeSection(0, 250)
    panel.find_text("Tekhkrim")
    qtbot.waitUntil(lambda: panel.summary.text().endswith("“Tekhkrim”"), timeout=10000)
    assert tree.columnWidth(0) == 250


def test_a_text_too_long_is_cut_where_the_match_stays_in_view():
    font = QFont()
    title = ("A state-owned Chinese defence contractor shipped military-pattern rifles to a "
             "Russian state supplier")
    spans = [(title.index("rifles"), title.index("rifles") + 6)]
    width = QFontMetricsF(font).horizontalAdvance(title) / 3
    cut, moved = fit_text(title, spans, width, font)
    assert cut.startswith("…") and cut.endswith("…")
    assert [cut[s:e] for s, e in moved] == ["rifles"]
    assert drawn_width(cut, moved, font) <= width
    assert fit_text(title, spans, 10_000, font) == (title, spans)  # room: unchanged
    # a match at the end: the text before it shown as far as the width allows
    shipment = "June 2022 China North Industries Group Corporation Limited → Tekhkrim: " \
        "civilian hunting rifles"
    at_end = [(len(shipment) - 6, len(shipment))]
    cut, moved = fit_text(shipment, at_end, width, font)
    assert cut.startswith("…") and cut.endswith("civilian hunting rifles")
    assert [cut[s:e] for s, e in moved] == ["rifles"]
    assert drawn_width(cut, moved, font) <= width
    assert drawn_width(cut, moved, font) > 0.6 * width  # the width is used
    early = [(2, 7)]  # "state": in view from the start, cut on the right only
    cut, moved = fit_text(title, early, width, font)
    assert not cut.startswith("…") and cut.endswith("…")
    assert [cut[s:e] for s, e in moved] == ["state"]


def test_the_toolbar_field_and_the_panel_show_the_same_query(qtbot, demo_window):
    win = demo_window
    field = win.menus.search_field
    panel = _open_panel(qtbot, win, "rifles")
    assert field.text() == "rifles"  # asked in the panel: the toolbar shows it
    panel.query.clear()
    qtbot.keyClicks(panel.query, "Tekhkrim")
    assert field.text() == "Tekhkrim"
    qtbot.waitUntil(lambda: panel.summary.text().endswith("“Tekhkrim”"), timeout=10000)
    field.selectAll()
    qtbot.keyClicks(field, "NORINCO")  # typed in the toolbar: the open panel follows
    assert panel.query.text() == "NORINCO"
    qtbot.waitUntil(lambda: panel.summary.text().endswith("“NORINCO”"), timeout=10000)
    panel.hide()
    field.selectAll()
    qtbot.keyClicks(field, "drone")  # the panel hidden: it has the query when shown
    assert panel.query.text() == "drone"
    panel.toggleViewAction().trigger()
    qtbot.waitUntil(lambda: panel.summary.text().endswith("“drone”"), timeout=10000)
    assert "shipment" in panel.shown_results()
    field.clear()
    qtbot.keyClicks(field, "Treasury")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.summary.text().endswith("“Treasury”"), timeout=10000)
    assert panel.query.text() == "Treasury"
    win.session.close()
    qtbot.waitUntil(lambda: win.case is None, timeout=10000)
    assert panel.query.text() == "" and field.text() == ""  # nothing of the case stays


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab Ж中 -—…"), max_size=60),
       st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)), max_size=4),
       st.integers(30, 400))
def test_a_cut_text_fits_and_its_spans_still_mark_what_matched(qapp, text, raw, width):
    spans = sorted({(s, min(s + n, len(text))) for s, n in raw if s < len(text)})
    spans = [(s, e) for i, (s, e) in enumerate(spans)  # as the search gives them: apart,
             if s < e and all(e0 <= s for _s0, e0 in spans[:i])  # words without the
             and text[s:e].strip() == text[s:e]]  # spaces around them
    font = QFont()
    cut, moved = fit_text(text, spans, width, font)
    if cut == text:
        assert moved == spans and drawn_width(text, spans, font) <= width
        return
    assert cut.endswith("…") or cut.startswith("…")
    core = cut.strip("…")
    assert core.strip() in text  # a piece of the text, not another
    for s, e in moved:
        assert 0 <= s < e <= len(cut) and any(cut[s:e] in text[a:b] for a, b in spans)
    if spans:
        match = text[spans[0][0]:spans[0][1]]
        if drawn_width("……" + match, [(2, 2 + len(match))], font) <= width:
            assert moved and cut[moved[0][0]:moved[0][1]] == match  # what matched shows


def test_with_no_case_the_search_field_says_it_needs_one(window):
    assert not window.menus.search_field.isEnabled()
    assert window.menus.search_field.placeholderText() == "Open a case to search it"


def test_the_panel_says_when_more_records_match_than_it_lists(qtbot, demo_window):
    """More parties match than the panel lists (it lists the best 200): the count says
    so, and how to narrow the search; a word that narrows it says nothing of the kind."""
    from casefile.services.case.operations import insert_row

    win = demo_window
    win.session.case.operation("Fill", lambda tx: [
        insert_row(tx, "entity", {"name": f"Zenit Trading {i}"}) for i in range(230)])
    win.search_panel.show()
    panel = win.search_panel
    panel.query.setText("Zenit")
    qtbot.waitUntil(lambda: "Zenit" in panel.summary.text(), timeout=10000)
    assert panel.summary.text().startswith("200 found for “Zenit” — the best matches only")
    assert "add a word to narrow the search" in panel.summary.text()
    panel.query.setText("Zenit 17")
    qtbot.waitUntil(lambda: "Zenit 17" in panel.summary.text(), timeout=10000)
    assert "more records match" not in panel.summary.text()
    wait_idle(qtbot, win)
