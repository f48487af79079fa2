"""Starting the GUI: the application object, the demo copy, the first case."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import cast

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from casefile import __version__
from casefile.paths import resource_path

# (look25) Korean in NanumSquare's Hangul, before Droid (which has 가 and two more
# syllables, drawn in another face than the rest of a name); it has no Hanja, so Chinese
# keeps Droid's glyphs
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf",
              "CasefileHangul.ttf", "DroidSansFallbackFull.ttf")


def make_app(argv: list[str] | None = None) -> QApplication:
    app = cast(QApplication, QApplication.instance() or QApplication(argv or sys.argv[:1]))
    app.setApplicationName("Casefile")
    app.setOrganizationName("Casefile")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("org.casefile.Casefile")  # the .desktop entry packaging installs
    from casefile.ui.about import app_icon

    app.setWindowIcon(app_icon())
    register_fonts(app)
    return app


def register_fonts(app: QApplication) -> None:
    """Use the shipped fonts, so Latin, Cyrillic, CJK and Korean render on any machine."""
    families: list[str] = []
    for name in FONT_FILES:
        fid = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        for family in QFontDatabase.applicationFontFamilies(fid) if fid >= 0 else []:
            if family not in families:
                families.append(family)
    if families:
        font = QFont(app.font())
        font.setFamilies(families)
        font.setPointSize(max(font.pointSize(), 9))
        app.setFont(font)


def open_main_window(path: Path | None = None, demo: bool = False, readonly: bool = False,
                     settings: QSettings | None = None):  # noqa: ANN201
    """Show the main window on ``path``, a fresh demo copy, the last case, or the start
    screen."""
    from casefile.ui.main_window import MainWindow

    win = MainWindow(settings or QSettings("Casefile", "Casefile"))
    win.show()
    if demo:
        win.menus.demo.trigger()
    elif path is not None:
        win.open_path(Path(path), readonly)
    else:
        last = win.settings.value("last_case")
        if last and Path(last).is_absolute() and Path(last).exists():
            win.open_path(Path(last))
    return win


_IMPORTED = time.perf_counter()


def since_start() -> float:
    """Seconds since this process started (from /proc on Linux; elsewhere since this module
    was imported, which leaves out the interpreter's own start)."""
    try:
        with open("/proc/self/stat", encoding="ascii") as f:
            start_ticks = int(f.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime", encoding="ascii") as f:
            uptime = float(f.read().split()[0])
        return max(0.0, uptime - start_ticks / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError):
        return time.perf_counter() - _IMPORTED


class _FirstPaint(QObject):
    """Prints when the window first paints, then closes it (``--paint-and-quit``) once the
    case it opens is open: closed before, the case opened after the window had gone and
    kept its lock files (look24)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            print(f"first paint: {since_start():.2f} s after start", flush=True)
            QTimer.singleShot(0, lambda: self._close_when_idle(watched))
        return False

    def _close_when_idle(self, win: QObject) -> None:
        session = getattr(win, "session", None)
        if session is not None and session.worker.pending:
            QTimer.singleShot(20, lambda: self._close_when_idle(win))
        else:
            win.close()  # type: ignore[attr-defined]


def run_gui(path: Path | None = None, demo: bool = False, readonly: bool = False,
            paint_and_quit: bool = False) -> int:
    """The `casefile` command without a verb: the main window, until it closes."""
    app = make_app()
    from casefile.ui.file_open import FileOpenHandler

    opened = FileOpenHandler(app)  # a case double-clicked on macOS comes as an event
    win = open_main_window(path, demo, readonly)
    opened.attach(win)
    if paint_and_quit:
        probe = _FirstPaint(win)
        win.installEventFilter(probe)
    return app.exec()
