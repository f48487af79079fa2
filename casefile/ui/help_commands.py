"""What the Help menu does besides the manual: About (with the licences Casefile ships),
the dates help and the log folder. Its dialogs are modeless: shown again, never opened
twice."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QWidget


class HelpCommands:
    """Help → About, Dates and Log Folder; ``dialogs`` are the window's modeless dialogs
    open now, by name (shared with the other commands); ``status`` shows a message."""

    def __init__(self, parent: QWidget, dialogs: dict[str, QDialog],
                 status: Callable[[str], None]) -> None:
        self.parent, self.dialogs, self.status = parent, dialogs, status

    def show_log_folder(self) -> None:
        from casefile.log import log_folder

        folder = log_folder()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
        self.status(f"Log folder: {folder}")

    def show_about(self) -> None:
        """Help → About (its Licences page lists what Casefile ships)."""
        from casefile.ui.about import AboutDialog

        self._shown("about", lambda: AboutDialog(self.parent))

    def show_dates_help(self) -> None:
        """Help → Dates: how dates may be written."""
        from casefile.ui.help_dates import DatesHelpDialog
        from casefile.ui.widgets import locale_day_first

        self._shown("dates_help", lambda: DatesHelpDialog(self.parent, locale_day_first()))

    def _shown(self, name: str, make: Callable[[], QDialog]) -> None:
        dlg = self.dialogs.get(name)
        if dlg is None:
            dlg = self.dialogs[name] = make()
        dlg.show()
        dlg.activateWindow()
