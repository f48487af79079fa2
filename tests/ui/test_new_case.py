"""File → New Case asks title, reference and marking (no marking possible, and said); making
the marking stricter with the old classification line asks to review the line."""

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QMessageBox

from casefile.services.case.facade import Case
from casefile.ui.case_details import CaseDetailsDialog
from casefile.ui.new_case_dialog import NO_MARKING_SAID, NewCaseDialog
from tests.ui.conftest import wait_idle


def test_new_case_asks_title_reference_and_marking(qtbot, window, tmp_path):
    seen = {}

    def answer():
        dlg = window.commands.dialogs["new_case"]
        assert dlg.marking.currentData() == "AMBER"  # a marking unless the user says none
        dlg.path.clear()
        qtbot.keyClicks(dlg.path, str(tmp_path / "x.casefile"))  # typed: kept
        dlg.accept()  # no title: refused, and said
        seen["problem"] = dlg.problem.text()
        assert dlg.isVisible()
        dlg.title.setText("Drone parts to Russia")
        dlg.reference.setText("DESK-2024/17")
        dlg.marking.setCurrentIndex(dlg.marking.findData("RED"))
        dlg.grab().save(str(tmp_path / "new-case.png"))
        dlg.accept()
    QTimer.singleShot(200, answer)
    window.menus.new.trigger()
    qtbot.waitUntil(lambda: window.case is not None, timeout=10000)
    wait_idle(qtbot, window)
    assert seen["problem"] == "Give the case a title."
    info = window.case.info()
    assert (info["title"], info["reference"], info["marking"]) == \
        ("Drone parts to Russia", "DESK-2024/17", "RED")
    assert window.case.path == (tmp_path / "x.casefile").resolve()
    qtbot.waitUntil(lambda: window.banner.text().startswith("TLP:RED"), timeout=5000)


def test_the_file_is_named_after_the_title_and_no_marking_is_said(qtbot, tmp_path):
    dlg = NewCaseDialog(None, tmp_path)
    qtbot.addWidget(dlg)
    dlg.title.setText("Rifles / CQ-A: Norinco?")
    assert dlg.target() == tmp_path / "Rifles CQ-A Norinco.casefile"
    dlg.marking.setCurrentIndex(dlg.marking.findData(None))
    assert dlg.marking.currentData() is None and "NO MARKING" in dlg.marking.currentText()
    assert dlg.marking_note.text() == NO_MARKING_SAID
    (tmp_path / "Rifles CQ-A Norinco.casefile").write_bytes(b"")
    dlg.accept()
    assert "already exists" in dlg.problem.text() and dlg.result() != QDialog.DialogCode.Accepted


def _details(qtbot, info):
    dlg = CaseDetailsDialog(info)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def test_a_stricter_marking_asks_to_review_the_classification_line(qtbot, tmp_path):
    path = tmp_path / "c.casefile"
    with Case.new(path, title="C", marking="GREEN",
                  classification="Open-source material; analytic judgements are the "
                                 "author's.") as case:
        info = case.info()
    dlg = _details(qtbot, info)
    dlg.marking.setCurrentIndex(dlg.marking.findData("RED"))
    dlg.accept()
    assert dlg.review is not None and dlg.review.isVisible()
    assert "TLP:RED" in dlg.review.text() and "Open-source material" in dlg.review.text()
    dlg.grab().save(str(tmp_path / "details.png"))
    dlg.review.button(QMessageBox.StandardButton.Yes).click()  # review the line
    assert dlg.isVisible() and dlg.result() != QDialog.DialogCode.Accepted
    assert dlg.classification.hasSelectedText()
    dlg.classification.setText("Sensitive sourcing: do not forward.")
    dlg.accept()  # the line was reviewed: no question
    assert dlg.review is None and dlg.result() == QDialog.DialogCode.Accepted
    assert dlg.values()["marking"] == "RED"

    dlg = _details(qtbot, info)  # kept as it is, on purpose
    dlg.marking.setCurrentIndex(dlg.marking.findData("AMBER"))
    dlg.accept()
    dlg.review.button(QMessageBox.StandardButton.No).click()
    assert dlg.result() == QDialog.DialogCode.Accepted

    dlg = _details(qtbot, info)  # less strict: nothing to ask
    dlg.marking.setCurrentIndex(dlg.marking.findData("CLEAR"))
    dlg.accept()
    assert dlg.review is None and dlg.result() == QDialog.DialogCode.Accepted
