"""Errors in the window: a user's error plainly, a bug with its traceback under Details, both
logged; uncaught exceptions on the GUI thread go the same way. Every box a test opens is
found among the top-level widgets, read and closed."""

import logging
import sys

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from casefile.errors import CaseFileError, ValidationError
from casefile.ui.error_dialog import install_excepthook, show_error, uninstall_excepthook
from casefile.ui.worker import DbWorker


def _boxes():
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()
            and w.objectName().startswith("casefile-")]


def _the_box(qtbot):
    qtbot.waitUntil(lambda: len(_boxes()) == 1, timeout=5000)
    return _boxes()[0]


def _close(qtbot, box):
    box.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not _boxes(), timeout=5000)


@pytest.fixture
def parent(qtbot):
    w = QWidget()
    w.setWindowTitle("Casefile test window")
    qtbot.addWidget(w)
    w.show()
    yield w
    for box in _boxes():  # a failed assertion must not leave a modal box behind
        box.close()


def test_a_users_error_is_shown_plainly_and_logged(qtbot, parent, caplog):
    caplog.set_level(logging.INFO, logger="casefile")
    show_error(parent, ValidationError("title", "must not be empty"), "Save")
    box = _the_box(qtbot)
    assert box.windowTitle() == "Save" and box.text() == "title: must not be empty"
    assert box.textFormat() == Qt.TextFormat.PlainText and box.detailedText() == ""
    assert box.icon() == QMessageBox.Icon.Warning and box.isModal()
    _close(qtbot, box)
    [record] = [r for r in caplog.records if r.name == "casefile.ui"]
    assert record.levelno == logging.WARNING and record.getMessage() == (
        "Save: title: must not be empty")
    assert record.exc_info is None and "Traceback" not in caplog.text


def test_case_text_that_looks_like_markup_is_shown_literally(qtbot, parent):
    said = "<b>Tekhkrim</b> & <a href='x'>Co</a>.casefile already exists"
    show_error(parent, CaseFileError(said))
    box = _the_box(qtbot)
    label = box.findChild(QLabel, "qt_msgbox_label")
    assert label.textFormat() == Qt.TextFormat.PlainText and label.text() == said
    _close(qtbot, box)


def _fails_deep_inside():
    return {}["no such key"]


def test_a_bug_is_unexpected_with_the_traceback_under_details(qtbot, parent, caplog):
    try:
        _fails_deep_inside()
    except KeyError as exc:
        caught = exc
    show_error(parent, caught, "Open")
    box = _the_box(qtbot)
    assert box.windowTitle() == "Open" and box.icon() == QMessageBox.Icon.Critical
    assert box.text().startswith("Unexpected error: KeyError: 'no such key'\n\nThis is a bug")
    assert box.textFormat() == Qt.TextFormat.PlainText
    details = box.detailedText()
    assert details.startswith("Traceback (most recent call last)")
    assert "_fails_deep_inside" in details and details.rstrip().endswith("'no such key'")
    _close(qtbot, box)
    [record] = [r for r in caplog.records if r.name == "casefile.ui"]
    assert record.levelno == logging.ERROR and "_fails_deep_inside" in record.getMessage()


def test_an_error_from_the_worker_shows_the_workers_traceback(qtbot, parent):
    def on_the_worker_thread():
        raise ZeroDivisionError("nothing to divide")

    worker = DbWorker()
    heard = []
    try:
        worker.submit(on_the_worker_thread, None,
                      lambda exc: (heard.append(exc), show_error(parent, exc)))
        box = _the_box(qtbot)
    finally:
        worker.stop()
    [exc] = heard
    assert box.detailedText() == exc.__casefile_trace__
    assert "on_the_worker_thread" in box.detailedText()
    assert box.text().startswith("Unexpected error: ZeroDivisionError: nothing to divide")
    _close(qtbot, box)


@pytest.mark.qt_no_exception_capture
def test_uncaught_exceptions_on_the_gui_thread_reach_the_log_and_a_box(qtbot, parent,
                                                                       caplog):
    before = sys.excepthook
    install_excepthook()
    install_excepthook()  # a second call changes nothing
    try:
        def in_a_slot():
            raise RuntimeError("nobody caught this")

        QTimer.singleShot(0, in_a_slot)
        box = _the_box(qtbot)
        assert box.text().startswith("Unexpected error: RuntimeError: nobody caught this")
        assert "in_a_slot" in box.detailedText()
        QTimer.singleShot(0, in_a_slot)  # again while the box is open: logged, no 2nd box
        qtbot.waitUntil(lambda: sum("not shown" in r.getMessage()
                                    for r in caplog.records) == 1, timeout=5000)
        assert len(_boxes()) == 1
        _close(qtbot, box)
    finally:
        uninstall_excepthook()
    assert sys.excepthook is before
    shown, repeated = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert "RuntimeError: nobody caught this" in shown.getMessage()
    assert "in_a_slot" in shown.getMessage()  # with its traceback
    assert str(repeated.exc_info[1]) == "nobody caught this"


@pytest.mark.qt_no_exception_capture
def test_a_box_deleted_with_its_window_does_not_stop_the_next_one(qtbot, caplog):
    """A box goes when its window goes (without `finished`): the next uncaught error must
    still be shown, not trip over the deleted box."""
    window = QWidget()
    window.show()
    show_error(window, RuntimeError("first, in a window that then closes"))
    qtbot.waitUntil(lambda: len(_boxes()) == 1, timeout=5000)
    window.deleteLater()
    qtbot.waitUntil(lambda: not _boxes(), timeout=5000)
    install_excepthook()
    try:
        def in_a_slot():
            raise RuntimeError("the next one")

        QTimer.singleShot(0, in_a_slot)
        box = _the_box(qtbot)
        assert "the next one" in box.text()
        _close(qtbot, box)
    finally:
        uninstall_excepthook()
