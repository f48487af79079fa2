"""Cases opened from the desktop while Casefile runs or starts: macOS (Finder, the Dock)
sends the application a :class:`QFileOpenEvent` for a double-clicked ``.casefile`` instead
of a command-line argument. The case opens in the main window; one that comes before the
window exists waits for it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFileOpenEvent

if TYPE_CHECKING:
    from casefile.ui.main_window import MainWindow


class FileOpenHandler(QObject):
    """Installed on the application object; hands file-open events to the main window."""

    def __init__(self, app: QObject) -> None:
        super().__init__(app)
        self.app = app
        self.window: MainWindow | None = None
        self.waiting: Path | None = None  # the last case asked for before the window came
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.FileOpen or watched is not self.app:
            return False
        assert isinstance(event, QFileOpenEvent)
        name = event.file() or event.url().toLocalFile()
        if not name:
            return False  # not a file (a URL scheme Casefile does not handle)
        self.open(Path(name))
        return True

    def open(self, path: Path) -> None:
        if self.window is None:
            self.waiting = path
            return
        case = self.window.case
        if case is None or case.path.resolve() != path.resolve():  # (open already: shown)
            self.window.open_path(path)
        self.window.raise_()
        self.window.activateWindow()

    def attach(self, window: MainWindow) -> None:
        """The window is there: it takes the events from now on, and the case that came
        before it (which then wins over the last case it may have reopened)."""
        self.window = window
        waiting, self.waiting = self.waiting, None
        if waiting is not None:
            self.open(waiting)
