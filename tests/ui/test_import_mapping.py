"""The import wizard's column mapping as a user meets it: the layout it recognised, a fixed
value typed for a field no column holds (used, and saved with the mapping), the warning for
essential fields nothing feeds, the confirmation before an import without them, and a file of
statistics refused."""

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.ui.conftest import wait_idle


def _import_dialog(win, f):
    """File -> Import Shipments… with ``f`` chosen, as a user does it."""
    win.menus.actions()["import_shipments"].trigger()
    dlg = win.commands.dialogs["import_shipments"]
    dlg.path.setText(str(f))
    dlg.load_file()
    return dlg


def _shipment_count(win):
    return win.case.counts()["shipment"]


def _answers(monkeypatch, *answers):
    """QMessageBox.question answered in turn; returns the questions asked."""
    asked, left = [], list(answers)
    monkeypatch.setattr("casefile.ui.import_dialog.QMessageBox.question",
                        lambda *a, **k: (asked.append(a[2]), left.pop(0))[1])
    return asked


def test_a_typed_fixed_value_feeds_a_field_and_is_saved(qtbot, demo_window, tmp_path,
                                                         monkeypatch):
    monkeypatch.setattr("casefile.services.exchange.imports.mapping.user_data_dir",
                        lambda: tmp_path)
    win = demo_window
    f = tmp_path / "declarations.csv"
    f.write_text("Date,Shipper,Consignee,Goods,Origin\n"
                 "2022-06-15,NORINCO,Tekhkrim,hunting rifles,China\n", encoding="utf-8")
    dlg = _import_dialog(win, f)
    panel = dlg.mapping_panel
    assert panel.recognised.text() == "Recognised as: Generic column names"
    assert not panel.warning.isHidden()
    assert panel.warning.text().startswith("Not in the file: destination.")
    assert not panel.fixed["shipper"].isEnabled()  # a column holds the shipper
    edit = panel.fixed["destination_country"]
    assert edit.isEnabled()
    qtbot.keyClicks(edit, "RU")
    assert panel.warning.isHidden()
    assert dlg.mapping().constants == {"destination_country": "RU"}
    asked = _answers(monkeypatch)  # nothing may be asked: nothing is missing now
    dlg.import_button.click()
    qtbot.waitUntil(lambda: dlg.task is None and "Imported 1" in dlg.report.toPlainText(),
                    timeout=20000)
    assert asked == [] and "Not found" not in dlg.report.toPlainText()
    with win.case.read() as conn:
        assert conn.exec_driver_sql("SELECT origin_country, destination_country FROM shipment "
                                    "ORDER BY id DESC LIMIT 1").one() == ("CN", "RU")
    # saved with the mapping, and typed again when the mapping is applied to a new file
    monkeypatch.setattr("casefile.ui.mapping_panel.QInputDialog.getText",
                        lambda *a, **k: ("russian imports", True))
    panel.save_button.click()
    saved = json.loads((tmp_path / "mappings" / "russian imports.json").read_text("utf-8"))
    assert saved["constants"] == {"destination_country": "RU"} and saved["date"] == "Date"
    dlg.load_file()
    assert edit.text() == "" and not panel.warning.isHidden()
    panel.saved.setCurrentIndex(panel.saved.findData("russian imports"))
    panel.saved.activated.emit(panel.saved.currentIndex())
    assert edit.text() == "RU" and panel.warning.isHidden()
    # choosing a column for the field sets the typed value aside
    panel.columns["destination_country"].setCurrentIndex(
        panel.columns["destination_country"].findData("Origin"))
    assert not edit.isEnabled() and dlg.mapping().constants == {}


def test_missing_fields_are_shown_and_the_import_asks_first(qtbot, demo_window, tmp_path,
                                                            monkeypatch):
    win = demo_window
    f = tmp_path / "partial.csv"
    f.write_text("Shipper,Consignee,Goods\nNORINCO,Tekhkrim LLC,rifles\n", encoding="utf-8")
    dlg = _import_dialog(win, f)
    assert dlg.mapping_panel.warning.text().startswith(
        "Not in the file: date, origin, destination.")
    before = _shipment_count(win)
    dlg.check_button.click()
    qtbot.waitUntil(lambda: dlg.task is None and "Would import" in dlg.report.toPlainText(),
                    timeout=20000)
    assert dlg.report.toPlainText().startswith(
        "⚠ Not found in the file (no column, no fixed value): date, origin, destination. "
        "Import will ask")
    asked = _answers(monkeypatch, QMessageBox.StandardButton.No,
                     QMessageBox.StandardButton.Yes)
    dlg.import_button.click()  # asked; the user says No: nothing is written
    qtbot.waitUntil(lambda: dlg.task is None and len(asked) == 1, timeout=20000)
    assert "no column for date, origin, destination" in asked[0]
    assert "Import anyway, with date, origin, destination left empty?" in asked[0]
    assert dlg.report.toPlainText().startswith("⚠ partial.csv: no column for date")
    wait_idle(qtbot, win)
    assert _shipment_count(win) == before
    dlg.import_button.click()  # asked again; Yes: imported without them
    qtbot.waitUntil(lambda: dlg.task is None and "Imported 1" in dlg.report.toPlainText(),
                    timeout=20000)
    assert len(asked) == 2
    assert "Imported without them, as you confirmed." in dlg.report.toPlainText()
    assert _shipment_count(win) == before + 1
    assert win.menus.actions()["undo"].text() == "&Undo Import partial.csv (cannot be redone)"


def test_a_file_of_statistics_is_named_and_refused(qtbot, demo_window, tmp_path):
    win = demo_window
    f = tmp_path / "comtrade.csv"
    f.write_text("period,reporterDesc,flowDesc,partnerDesc,cmdCode,primaryValue,netWgt\n"
                 "2022,Russian Federation,Import,China,880622,2120000,1240\n", encoding="utf-8")
    dlg = _import_dialog(win, f)
    assert dlg.mapping_panel.recognised.text() == (
        "Recognised as: UN Comtrade trade statistics — trade statistics, not shipments: such "
        "a file cannot be imported")
    before = _shipment_count(win)
    dlg.check_button.click()
    qtbot.waitUntil(lambda: dlg.task is None and "The check stopped" in
                    dlg.report.toPlainText(), timeout=20000)
    assert "comtrade.csv looks like UN Comtrade trade statistics (reporter, partner, " \
           "commodity, value)" in dlg.report.toPlainText()
    assert _shipment_count(win) == before
    assert dlg.mapping_panel.recognised.toolTip()  # what the layout is, and its source
    assert Qt.TextFormat.PlainText == dlg.mapping_panel.recognised.textFormat()


def test_a_file_without_parties_or_goods_says_what_to_choose(qtbot, demo_window, tmp_path):
    """No column for the shipper, the consignee or the goods: the panel says the file cannot
    be imported until one is chosen (not that Import will ask), the check says where to
    choose it in this dialog, and choosing the column clears the way."""
    win = demo_window
    f = tmp_path / "unnamed.csv"
    f.write_text("Колонка 1;Колонка 2;Дата\nNORINCO;Техкрим;05.06.2022\n", encoding="utf-8")
    dlg = _import_dialog(win, f)
    panel = dlg.mapping_panel
    assert "without one of them the file cannot be imported" in panel.warning.text()
    assert "Import asks first" not in panel.warning.text()
    dlg.check_button.click()
    qtbot.waitUntil(lambda: dlg.task is None and "stopped" in dlg.report.toPlainText(),
                    timeout=20000)
    said = dlg.report.toPlainText()
    assert "under Columns in the import dialog" in said and "(--mapping)" not in said
    panel.columns["shipper"].setCurrentIndex(panel.columns["shipper"].findData("Колонка 1"))
    assert "Import asks first" in panel.warning.text()
    dlg.check_button.click()
    qtbot.waitUntil(lambda: dlg.task is None and "Would import 1 shipment from 1 row" in
                    dlg.report.toPlainText(), timeout=20000)
