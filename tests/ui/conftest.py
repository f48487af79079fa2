import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from casefile.services.exchange.demo import write_demo
from casefile.ui.app import register_fonts
from casefile.ui.main_window import MainWindow


def wait_idle(qtbot, win, timeout=10000):
    """Wait until the worker has answered everything asked of it."""
    qtbot.waitUntil(lambda: win.session.worker.pending == 0, timeout=timeout)


@pytest.fixture
def window(qtbot, qapp, tmp_path):
    register_fonts(qapp)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.session.shut_down()  # as the window's own close does: no job may still use the case


@pytest.fixture
def demo_window(qtbot, window, tmp_path):
    path = tmp_path / "demo.casefile"
    write_demo(path).close()
    window.open_path(path)
    qtbot.waitUntil(lambda: window.case is not None, timeout=10000)
    wait_idle(qtbot, window)
    return window


def open_demo_window(qtbot, tmp_path, settings_name="s.ini", size=None):
    """A main window of its own (its settings in ``settings_name``) on the demo case in
    ``tmp_path`` (written once), shown at ``size``, the worker idle. The caller closes it."""
    path = tmp_path / "demo.casefile"
    if not path.exists():
        write_demo(path).close()
    win = MainWindow(QSettings(str(tmp_path / settings_name), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    if size is not None:
        win.resize(*size)
    win.show()
    win.open_path(path)
    qtbot.waitUntil(lambda: win.case is not None, timeout=10000)
    wait_idle(qtbot, win)
    return win


def choose_kind(qtbot, win, kind):
    from casefile.ui.main_window import NAV_KINDS

    win.nav.setCurrentRow(NAV_KINDS.index(kind))
    qtbot.waitUntil(lambda: win.records.model.kind == kind, timeout=10000)
    wait_idle(qtbot, win)


@pytest.fixture(autouse=True)
def no_dialog_left_unanswered(qapp):
    """A modal dialog no test answers would wait forever (and CI with it): one that stays
    open 15 s is closed, and the test fails saying what it said."""
    import time

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    seen: list[str] = []
    opened: dict[int, float] = {}

    def check() -> None:
        w = QApplication.activeModalWidget()
        if w is None:
            opened.clear()
            return
        if time.monotonic() - opened.setdefault(id(w), time.monotonic()) > 15:
            seen.append(f"{w.windowTitle()}: {w.text() if hasattr(w, 'text') else ''}")
            w.reject() if hasattr(w, "reject") else w.close()

    timer = QTimer()
    timer.timeout.connect(check)
    timer.start(500)
    yield
    timer.stop()
    assert not seen, f"a dialog nobody answered was closed after 15 s: {seen}"


def open_chart(qtbot, window, path, nodes):
    """Open the case at ``path`` in the window and raise its link chart, drawn with
    ``nodes`` nodes in the default (short, wide) dock."""
    window.open_path(path)
    qtbot.waitUntil(lambda: window.case is not None, timeout=10000)
    wait_idle(qtbot, window)
    dock = window.chart
    dock.raise_()
    qtbot.waitUntil(lambda: len(dock.graph.nodes) == nodes, timeout=10000)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: dock.view_aspect() > 4, timeout=5000)  # the default dock
    return dock


def answer_box(said: list[str]) -> bool:
    """Answer the message box on screen with OK, its text kept in ``said``; whether one was
    answered yet (for qtbot.waitUntil)."""
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox):
        said.append(box.text())
        box.done(QMessageBox.StandardButton.Ok)
    return bool(said)


def answer_box_when_shown(said: list[str]) -> None:
    """Answer the next message box once it is shown — one a call opens and waits for."""
    if not answer_box(said):
        QTimer.singleShot(50, lambda: answer_box_when_shown(said))

