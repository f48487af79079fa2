"""The shipments table short of room (pytest-qt, the demo case in a real window at the
README's 1500×950 and at 1100×700): the parties keep their names readable, the date gives
way to its short form ("Nov–Dec 2022", the date as written in its tooltip), columns of least
worth are hidden rather than the table scrolling sideways — worked out again as the window
is resized — and the user's own choice of columns wins."""

import re

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem, QToolTip

from casefile.ui.column_fit import FLOOR_PX, NARROW_PX, USEFUL_PX
from casefile.ui.date_cells import short_date
from casefile.ui.text import plain_tooltip
from tests.ui.conftest import choose_kind, open_demo_window

_SAID = st.sampled_from(["November", "and", "December", "2022", "between", "June", "to",
                         "Sept", "approximately", "circa", "late", "mid", "15", "May",
                         "mayday", "-", "from", "March", "2021", "c."])


def test_short_dates_say_the_same_in_fewer_letters():
    assert short_date("November and December 2022") == "Nov–Dec 2022"
    assert short_date("between June 2021 and March 2022") == "Jun 2021–Mar 2022"
    assert short_date("approximately September 2019") == "c. Sep 2019"
    assert short_date("15 December 2021") == "15 Dec 2021"
    for same in ("late 2022", "2022-03-04", "May 2020", "mayday 2020", "весна 2021"):
        assert short_date(same) == same


@given(st.lists(_SAID, max_size=8).map(" ".join))
def test_a_short_date_is_never_longer_and_stays_as_it_is(text):
    short = short_date(text)
    assert len(short) <= len(text)
    assert short_date(short) == short
    assert re.findall(r"\d+", short) == re.findall(r"\d+", text)  # days and years kept


def _widths(win):
    view = win.records.view
    return {c.key: view.columnWidth(i) for i, c in enumerate(win.records.model.columns())
            if not view.isColumnHidden(i)}


def _hidden(win):
    return {c.key for i, c in enumerate(win.records.model.columns())
            if win.records.view.isColumnHidden(i)}


def _shown_text(win, row, key):
    """A cell's text as painted (its delegate's style option in the cell's rectangle)."""
    view, model = win.records.view, win.records.model
    index = model.index(row, [c.key for c in model.columns()].index(key))
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = view.visualRect(index)
    view.itemDelegateForIndex(index).initStyleOption(option, index)
    return option, index


def _row_of(win, key, text):
    model = win.records.model
    col = [c.key for c in model.columns()].index(key)
    return next(r for r in range(model.rowCount()) if model.index(r, col).data() == text)


def _fits(win, key):
    view, model = win.records.view, win.records.model
    col = [c.key for c in model.columns()].index(key)
    fm = view.fontMetrics()
    return all(fm.horizontalAdvance(str(model.index(r, col).data() or "")) + 8
               <= view.columnWidth(col) for r in range(model.rowCount()))


def test_the_parties_win_over_the_date_at_1500_px(qtbot, tmp_path):
    win = open_demo_window(qtbot, tmp_path, size=(1500, 950))
    try:
        choose_kind(qtbot, win, "shipment")
        qtbot.wait(50)
        win.grab().save(str(tmp_path / "shipments_1500.png"))
        view, widths = win.records.view, _widths(win)
        assert view.horizontalScrollBar().maximum() == 0
        # the shipper and consignee are wider than the date ("China No…" was 74 px)
        assert widths["shipper"] >= FLOOR_PX and widths["consignee"] >= FLOOR_PX
        assert widths["date"] < widths["shipper"]
        # the long date in its short form, whole; the date as written in its tooltip
        row = _row_of(win, "date", "November and December 2022")
        option, index = _shown_text(win, row, "date")
        assert option.text == "Nov–Dec 2022"
        assert option.fontMetrics.horizontalAdvance(option.text) + 8 <= option.rect.width()
        assert _shown_text(win, _row_of(win, "date", "June 2022"), "date")[0].text \
            == "June 2022"  # one that fits as written stays so
        rect = view.visualRect(index)
        QToolTip.hideText()
        QApplication.sendEvent(view.viewport(), QHelpEvent(
            QEvent.Type.ToolTip, rect.center(), view.viewport().mapToGlobal(rect.center())))
        assert QToolTip.text() == plain_tooltip("November and December 2022")
        # what the long column was given, it still has: the goods in view, whole
        assert _fits(win, "declared")
        # the mostly empty columns are hidden, and the count of shipments (of least worth)
        # so that the route says something ("Tu…" did not): nothing more
        assert _hidden(win) == {"hs", "weight", "value", "count"}
        assert widths["route"] >= USEFUL_PX
    finally:
        QToolTip.hideText()
        win.close()


def test_a_1100_px_window_hides_columns_of_least_worth_not_scrolls(qtbot, tmp_path):
    win = open_demo_window(qtbot, tmp_path, size=(1100, 700))
    try:
        choose_kind(qtbot, win, "shipment")
        qtbot.wait(50)
        win.grab().save(str(tmp_path / "shipments_1100.png"))
        view = win.records.view
        # the headings of the columns shown needed 767 px of 605: the table scrolled
        assert view.horizontalScrollBar().maximum() == 0
        assert view.horizontalHeader().length() <= view.viewport().width()
        widths = _widths(win)
        assert widths["shipper"] >= NARROW_PX and widths["consignee"] >= NARROW_PX
        assert {"date", "shipper", "consignee", "declared", "dual"} <= set(widths)
        option, _ = _shown_text(win, _row_of(win, "date", "November and December 2022"),
                                "date")  # the short form whole ("Nov–Dec 20…" was not)
        assert option.fontMetrics.horizontalAdvance(option.text) + 8 <= option.rect.width()
        assert {"count", "route"} <= _hidden(win)  # the count of shipments first
        assert f"{len(_hidden(win))} columns hidden" in win.records.count_label.text()
        # the header's menu shows them again: the user's choice wins, though it scrolls
        win.column_chooser.set_hidden("shipment", {"hs", "value"})
        assert _hidden(win) == {"hs", "value"}
        assert view.horizontalHeader().length() > view.viewport().width()  # (it scrolls)
    finally:
        win.close()


def test_what_is_hidden_follows_the_window_until_the_user_chooses(qtbot, tmp_path):
    win = open_demo_window(qtbot, tmp_path, size=(1500, 950))
    try:
        choose_kind(qtbot, win, "shipment")
        assert _hidden(win) == {"hs", "weight", "value", "count"}
        win.resize(1100, 700)  # measured at 1500 px: the proposal follows the width
        qtbot.waitUntil(lambda: "route" in _hidden(win), timeout=5000)
        view = win.records.view
        qtbot.waitUntil(lambda: view.horizontalScrollBar().maximum() == 0, timeout=5000)
        win.resize(1500, 950)  # and the columns come back
        qtbot.waitUntil(lambda: _hidden(win) == {"hs", "weight", "value", "count"},
                        timeout=5000)
        win.column_chooser.set_hidden("shipment", {"hs"})  # the user's own choice
        win.resize(1100, 700)
        qtbot.waitUntil(lambda: win.records.view.viewport().width() < 700, timeout=5000)
        qtbot.wait(50)
        assert _hidden(win) == {"hs"}
    finally:
        win.close()


def test_every_section_fits_a_1100_px_window(qtbot, tmp_path):
    from casefile.ui.main_window import NAV_KINDS

    win = open_demo_window(qtbot, tmp_path, size=(1100, 700))
    try:
        for kind in NAV_KINDS:
            choose_kind(qtbot, win, kind)
            qtbot.wait(20)
            view = win.records.view
            assert view.horizontalScrollBar().maximum() == 0, kind
            assert view.horizontalHeader().length() <= view.viewport().width(), kind
    finally:
        win.close()


def test_a_tooltip_says_nothing_more_for_a_date_shown_whole(qtbot, tmp_path):
    win = open_demo_window(qtbot, tmp_path, size=(1500, 950))
    try:
        choose_kind(qtbot, win, "shipment")
        view = win.records.view
        _, index = _shown_text(win, _row_of(win, "date", "June 2022"), "date")
        rect = view.visualRect(index)
        QToolTip.hideText()
        QApplication.sendEvent(view.viewport(), QHelpEvent(
            QEvent.Type.ToolTip, rect.center(), view.viewport().mapToGlobal(rect.center())))
        assert QToolTip.text() == ""
        # the control: the same event on a date shown short does bring its tooltip
        _, cut = _shown_text(win, _row_of(win, "date", "November and December 2022"), "date")
        rect = view.visualRect(cut)
        QApplication.sendEvent(view.viewport(), QHelpEvent(
            QEvent.Type.ToolTip, rect.center(), view.viewport().mapToGlobal(rect.center())))
        assert QToolTip.text() == plain_tooltip("November and December 2022")
    finally:
        QToolTip.hideText()
        win.close()

