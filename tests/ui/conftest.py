import pytest
from PySide6.QtCore import QSettings

from casefile.services.demo import write_demo
from casefile.ui.app import register_fonts
from casefile.ui.main_window import MainWindow


def wait_idle(qtbot, win, timeout=10000):
    """Wait until the worker has answered everything asked of it."""
    qtbot.waitUntil(lambda: win.worker.pending == 0, timeout=timeout)


@pytest.fixture
def window(qtbot, qapp, tmp_path):
    register_fonts(qapp)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    yield win
    if win.case is not None:
        win.case.close()
        win.case = None
    win.worker.stop()


@pytest.fixture
def demo_window(qtbot, window, tmp_path):
    path = tmp_path / "demo.casefile"
    write_demo(path).close()
    window.open_path(path)
    qtbot.waitUntil(lambda: window.case is not None, timeout=10000)
    wait_idle(qtbot, window)
    return window


def choose_kind(qtbot, win, kind):
    from casefile.ui.main_window import NAV_KINDS

    win.nav.setCurrentRow(NAV_KINDS.index(kind))
    qtbot.waitUntil(lambda: win.records.model.kind == kind, timeout=10000)
    wait_idle(qtbot, win)
