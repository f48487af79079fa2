"""What the window does when the open case turns out damaged — its quick check fails after
it opened, or a read meets a damaged page first: the banner and the status bar say so, the
damage is said once (not in a box per read), and Repair is offered (look16: only the status
bar said, and every section opened its own "Unexpected error" box)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QStatusBar, QWidget

from casefile.errors import CorruptCaseError
from casefile.ui.error_dialog import show_error
from casefile.ui.repair_command import RepairCommand

log = logging.getLogger("casefile.ui")


class DamageNotice:
    """Whether the open case is damaged, and saying so."""

    def __init__(self, window: QWidget, status_bar: QStatusBar, repair: RepairCommand,
                 case_path: Callable[[], Path | None], refresh: Callable[[], None]) -> None:
        self.window, self.status_bar, self.repair = window, status_bar, repair
        self.case_path, self.refresh = case_path, refresh
        self.why: str | None = None  # why the open case is damaged, once something said

    def reset(self) -> None:
        """Another case is open (or none): what was said of the last one goes (look17: the
        repaired case opened under the damaged one's message)."""
        if self.why is not None and self.status_bar.currentMessage() == self.why:
            self.status_bar.clearMessage()
        self.why = None

    def checked(self, why: str) -> None:
        """The quick check found the open case damaged: it is read-only from now on."""
        path = self.case_path()
        if path is not None:
            self.say(f"{path.name} is open read-only: {why}.")

    def failed(self, exc: BaseException) -> None:
        """An error nobody asked to handle: damage met by a read is said as the damage."""
        if isinstance(exc, CorruptCaseError) and self.case_path() is not None:
            log.warning("%s", exc)
            self.say(str(exc))
            return
        show_error(self.window, exc)

    def say(self, why: str) -> None:
        """The banner and status bar say the case is damaged; Repair is offered once."""
        offered = self.why is not None
        self.why = why
        self.refresh()  # the title and banner say read-only, and damaged
        self.status_bar.showMessage(why)  # until the next message
        path = self.case_path()
        if not offered and path is not None:
            self.repair.offer(path, why, "Damaged case")
