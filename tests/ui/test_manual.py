"""Help → Manual: keyboard shortcuts as the window really has them, the Admiralty scale,
date syntax as the parser reads it, TLP — plain text with our own headings."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from casefile.ui.manual import ManualDialog


def test_the_manual_opens_from_help_and_says_what_the_program_does(qtbot, demo_window,
                                                                   tmp_path):
    win = demo_window
    act = win.manual
    help_menu = next(a.menu() for a in win.menuBar().actions() if a.text() == "&Help")
    assert help_menu.actions()[0] is act
    assert act.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    act.trigger()
    dlg = act.dialog
    assert isinstance(dlg, ManualDialog) and dlg.isVisible()
    assert list(dlg.pages) == ["Getting started", "Keyboard shortcuts", "Grading (Admiralty)",
                               "Dates", "TLP markings"]
    dlg.topics.setCurrentRow(1)
    keys = dlg.page_text()
    assert "Ctrl+N\nNew Record" in keys and "Ctrl+2\nShipments" in keys
    assert "Ctrl+Shift+N\nNew Case" in keys and "F1\nManual" in keys
    assert "Ctrl+Shift+1" not in keys
    dlg.grab().save(str(tmp_path / "manual-keys.png"))
    dlg.topics.setCurrentRow(2)
    grading = dlg.page_text()
    assert "B\nUsually reliable" in grading and "6\nTruth cannot be judged" in grading
    dlg.topics.setCurrentRow(3)
    dates = dlg.page_text()
    assert "late 2022\n" in dates and "2022-09-01" in dates.split("late 2022\n")[1][:80]
    dlg.topics.setCurrentRow(4)
    assert "TLP:AMBER+STRICT\nLimited" in dlg.page_text() and "NO MARKING" in dlg.page_text()
    dlg.grab().save(str(tmp_path / "manual-tlp.png"))
    act.trigger()  # shown again, not opened twice
    assert act.dialog is dlg


def test_the_page_is_never_read_as_markup(qtbot):
    dlg = ManualDialog()
    qtbot.addWidget(dlg)
    dlg.pages["Getting started"] = [("", "<b>not bold</b> & <script>")]
    dlg.show_topic("Getting started")
    assert "<b>not bold</b> & <script>" in dlg.page_text()
    assert not dlg.text.acceptRichText()
    assert dlg.text.document().toHtml().count("&lt;b&gt;") == 1
    assert dlg.topics.currentItem().flags() & Qt.ItemFlag.ItemIsEnabled
