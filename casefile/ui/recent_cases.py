"""The cases opened last: remembered in the settings as absolute paths, newest first, and
offered on the start screen and in File → Open Recent."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from casefile.ui.menus import Menus
from casefile.ui.start_screen import StartScreen

KEPT = 10  # how many cases are remembered


def absolute(path: str | Path) -> Path:
    """A case's path as remembered: absolute, links resolved, wherever Casefile started."""
    return Path(path).expanduser().resolve()


class RecentCases:
    """The recent cases of one window's ``settings``, shown on its ``start`` screen and in
    its ``menus``; choosing one calls ``open_path``."""

    def __init__(self, settings: QSettings, start: StartScreen, menus: Menus,
                 open_path: Callable[[Path], None]) -> None:
        self.settings, self.start, self.menus = settings, start, menus
        self.open_path = open_path

    def files(self) -> list[str]:
        """The cases opened last, newest first, as absolute paths (a relative one, stored
        by an older Casefile, meant a folder nobody knows now and is left out)."""
        value: Any = self.settings.value("recent", [])
        items = [value] if isinstance(value, str) else list(value or [])
        return [p for p in items if p and Path(p).is_absolute()][:KEPT]

    def remember(self, path: Path) -> None:
        where = str(absolute(path))
        items = [where] + [p for p in self.files() if p != where]
        self.settings.setValue("recent", items[:KEPT])
        self.settings.setValue("last_case", where)
        self.shown()

    def shown(self) -> None:
        """Show the list as it is now."""
        self.start.set_recent(self.files())
        self.menus.fill_recent(self.files(), self.open_path)
