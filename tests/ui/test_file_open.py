"""A case double-clicked on macOS comes as a QFileOpenEvent to the application: it opens in
the main window, or waits for the window when it comes first."""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QFileOpenEvent

from casefile.services.exchange.demo import write_demo
from casefile.ui.file_open import FileOpenHandler
from casefile.ui.main_window import MainWindow
from tests.ui.conftest import wait_idle


def _demo(tmp_path, name="demo.casefile") -> Path:
    path = tmp_path / name
    write_demo(path).close()
    return path


def _handler(qapp):
    handler = FileOpenHandler(qapp)
    return handler


def test_a_posted_file_open_event_opens_the_case_in_the_window(qtbot, qapp, window, tmp_path):
    handler = _handler(qapp)
    try:
        handler.attach(window)
        path = _demo(tmp_path)
        QCoreApplication.postEvent(qapp, QFileOpenEvent(str(path)))
        qtbot.waitUntil(lambda: window.case is not None, timeout=10000)
        assert window.case.path == path.resolve()
        wait_idle(qtbot, window)
        # another case double-clicked: it takes the window's place
        other = _demo(tmp_path, "other.casefile")
        QCoreApplication.postEvent(qapp, QFileOpenEvent(str(other)))
        qtbot.waitUntil(lambda: window.case is not None
                        and window.case.path == other.resolve(), timeout=10000)
        wait_idle(qtbot, window)
        # the case already open, double-clicked again: it stays open (no second opening)
        case = window.case
        QCoreApplication.postEvent(qapp, QFileOpenEvent(str(other)))
        qtbot.wait(200)
        wait_idle(qtbot, window)
        assert window.case is case
    finally:
        qapp.removeEventFilter(handler)


def test_a_case_sent_before_the_window_exists_opens_when_it_comes(qtbot, qapp, tmp_path):
    handler = _handler(qapp)
    try:
        path = _demo(tmp_path)
        QCoreApplication.sendEvent(qapp, QFileOpenEvent(str(path)))
        assert handler.waiting == path
        win = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(win)
        win.show()
        handler.attach(win)
        assert handler.waiting is None
        qtbot.waitUntil(lambda: win.case is not None, timeout=10000)
        assert win.case.path == path.resolve()
        wait_idle(qtbot, win)
        win.session.shut_down()
    finally:
        qapp.removeEventFilter(handler)


def test_other_events_and_urls_pass_through(qapp):
    handler = _handler(qapp)
    try:
        from PySide6.QtCore import QUrl

        not_a_file = QFileOpenEvent(QUrl("https://example.org/x"))
        assert not handler.eventFilter(qapp, not_a_file)
        assert handler.waiting is None
    finally:
        qapp.removeEventFilter(handler)
