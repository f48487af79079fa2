"""The date field shows how what was typed is read before anything is stored, wraps its hint
within the editor's width, reads a two-way slashed date in the locale's order; Help → Dates
lists what can be typed, in English, Russian and Chinese."""

from datetime import date

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget, QWidgetItem

from casefile.core.fuzzydate import FuzzyDate
from casefile.ui.help_dates import DatesHelpDialog
from casefile.ui.widgets import FuzzyDateEdit, locale_day_first
from tests.ui.conftest import choose_kind, wait_idle


def test_the_hint_shows_the_reading_as_it_is_typed(qtbot):
    w = FuzzyDateEdit(day_first=None)
    qtbot.addWidget(w)
    committed = []
    w.committed.connect(committed.append)
    qtbot.keyClicks(w.line, "2022-23")
    assert w.hint.text() == ("autumn 2022 (EDTF season 23; for the years 2022 to 2023 write "
                             "2022–2023): 2022-09-01 … 2022-11-30  [2022-23]")
    w.line.setText("2022年第三季度")
    assert w.hint.text().startswith("Q3 2022: 2022-07-01 … 2022-09-30")
    w.line.setText("03/04/2022")
    assert w.hint.text().startswith("not understood: it could be 3 April 2022 (day first) "
                                    "or 4 March 2022 (month first)")
    assert committed == []  # typing stores nothing


def test_a_two_way_date_is_read_in_the_locales_order_and_committed_so(qtbot):
    w = FuzzyDateEdit(day_first=True)
    qtbot.addWidget(w)
    committed = []
    w.committed.connect(committed.append)
    qtbot.keyClicks(w.line, "03/04/2022")
    assert "3 April 2022" in w.hint.text() and "your locale" in w.hint.text()
    qtbot.keyClick(w.line, Qt.Key.Key_Return)
    assert len(committed) == 1 and isinstance(committed[0], FuzzyDate)
    assert committed[0].start == date(2022, 4, 3) and committed[0].text == "03/04/2022"
    w.line.setText("Jnue 2022")
    assert w.value() == "Jnue 2022"  # not understood: the text goes on, to be refused


def test_the_hint_wraps_and_never_widens_the_editor(qtbot):
    box = QWidget()
    qtbot.addWidget(box)
    w = FuzzyDateEdit(day_first=None)
    QVBoxLayout(box).addWidget(w)
    box.resize(240, 120)
    box.show()
    qtbot.waitExposed(box)
    # what a layout asks of the field, by Qt's own rules (QWidgetItem), with the short hint
    least, wanted = QWidgetItem(w).minimumSize().width(), QWidgetItem(w).sizeHint().width()
    w.line.setText("from in or around 2019 through in or around 2022")
    w.layout().activate()
    assert len(w.hint.text()) > 60
    assert QWidgetItem(w).minimumSize().width() == least
    assert QWidgetItem(w).sizeHint().width() == wanted
    assert box.minimumSizeHint().width() <= 240
    assert w.hint.wordWrap()
    one_line = w.hint.fontMetrics().height()
    assert w.hint.heightForWidth(w.width()) >= 2 * one_line  # it wraps onto more lines


def test_locale_order():
    assert locale_day_first(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    assert locale_day_first(QLocale(QLocale.Language.Russian, QLocale.Country.Russia))
    assert locale_day_first(QLocale(QLocale.Language.English,
                                    QLocale.Country.UnitedStates)) is False
    assert locale_day_first(QLocale(QLocale.Language.Chinese, QLocale.Country.China)) is None


def test_the_editor_stores_a_two_way_date_in_the_locales_order(qtbot, demo_window):
    win = demo_window
    choose_kind(qtbot, win, "shipment")
    win.records.select_id(1)
    qtbot.waitUntil(lambda: win.editor.current is not None and win.editor.current.record_id == 1)
    field = win.editor.current.widgets["date"]
    field.day_first = False  # as a month-first locale would say
    field.line.setText("03/04/2022")
    field.line.editingFinished.emit()
    wait_idle(qtbot, win)
    row = win.case.get("shipment", 1)
    assert (row["date_text"], row["date_start"], row["date_edtf"]) == (
        "03/04/2022", "2022-03-04", "2022-03-04")


def test_help_dates_lists_what_can_be_typed_in_three_languages(qtbot, window):
    assert window.case is None and window.menus.dates_help.isEnabled()
    window.menus.dates_help.trigger()
    dlg = window.commands.dialogs["dates_help"]
    try:
        qtbot.waitExposed(dlg)
        assert not dlg.isModal()
        text = dlg.text.toPlainText()
        for example in ("the second half of 2022", "IV квартал 2022 г.", "2022年第三季度",
                        "2022-35", "156X-12-25", "03/04/2022"):
            assert f"  {example}\n" in text
        assert "autumn 2022 (EDTF season 23; for the years 2022 to 2023" in text  # (parsed)
        assert "refused: it could be 3 April 2022 (day first)" in text
        assert "refused" not in text.split("NOT ACCEPTED")[0]  # every example parses
        window.menus.dates_help.trigger()  # shown again, not opened twice
        assert window.commands.dialogs["dates_help"] is dlg
    finally:
        dlg.close()
    assert QApplication.activeModalWidget() is None


def test_help_page_on_its_own(qtbot):
    dlg = DatesHelpDialog(day_first=True)
    qtbot.addWidget(dlg)
    assert "Ranges".upper() in dlg.text.toPlainText()
    assert dlg.text.isReadOnly()


def test_the_import_dialog_reads_slashed_dates_in_the_order_chosen(qtbot, demo_window,
                                                                    tmp_path):
    win = demo_window
    f = tmp_path / "slashed.csv"
    f.write_text("ShipperName,ConsigneeName,ArrivalDate,ProductDescription\n"
                 "DJI,Importer A,03/04/2022,batteries\n"
                 "DJI,Importer B,05/06/2022,cameras\n", encoding="utf-8")
    win.menus.import_shipments.trigger()
    dlg = win.commands.dialogs["import_shipments"]
    dlg.path.setText(str(f))
    dlg.load_file()
    dlg.check_button.click()  # nothing shows the order: both rows are problems
    qtbot.waitUntil(lambda: dlg.task is None and "found problems" in dlg.report.toPlainText(),
                    timeout=20000)
    assert "Dates: not guessed" in dlg.report.toPlainText()
    # the box that settles it is named, and the bar shows no '0%' of work still to come
    assert "choose their order under “Slashed dates”" in dlg.report.toPlainText()
    assert dlg.progress.value() == dlg.progress.minimum() - 1  # reset: empty
    dlg.date_order.setCurrentIndex(dlg.date_order.findData(False))
    dlg.check_button.click()
    qtbot.waitUntil(lambda: dlg.task is None and "Would import" in dlg.report.toPlainText(),
                    timeout=20000)
    report = dlg.report.toPlainText()
    assert "Dates: month first, as set for this import." in report
    assert "row 2: 03/04/2022 [2022-03-04]" in report
    dlg.close()


def test_a_date_refused_is_said_once(qtbot, demo_window):
    """(look22) A date refused ('early 1970s' then): the reason showed twice, grey under
    the field and red below it. The red error says it; the hint points to it."""
    win = demo_window
    choose_kind(qtbot, win, "shipment")
    win.records.select_id(1)
    qtbot.waitUntil(lambda: win.editor.current is not None and win.editor.current.record_id == 1)
    ed = win.editor.current
    field = ed.widgets["date"]
    field.line.setText("30 February 2022")
    field.line.editingFinished.emit()
    qtbot.waitUntil(lambda: ed.errors["date"].isVisible(), timeout=10000)
    reason = ed.errors["date"].text()
    assert "February 2022 has 28 days" in reason
    assert field.hint.text() == "not understood (see below)"
    assert win.case.get("shipment", 1)["date_text"] == "June 2022"  # nothing stored
