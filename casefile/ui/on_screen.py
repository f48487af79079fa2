"""Reading a dock's content only while it is on screen.

The timeline and the link chart share the bottom of the window as tabs; the one behind the
other's tab need not read the case after every edit (a 100k case: the chart's graph is about
100 MB and a second of the worker, the timeline's about 80 MB and two seconds). A dock asks
:meth:`OnScreen.now` before it reads: on screen, it reads at once; behind a tab, what it owes
is noted — the strongest of what it was asked, so an open followed by edits is one open — and
done once when the dock is next shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDockWidget

# what a dock may owe, weakest first: a re-read that keeps the view, then a fresh open
STRENGTH = {"refresh": 1, "open": 2}


class OnScreen:
    """What ``dock`` owes while it is hidden; ``run(what)`` does it when it is shown."""

    def __init__(self, dock: QDockWidget, run: Callable[[str], None]) -> None:
        self.dock = dock
        self.run = run
        self.due: str | None = None
        dock.visibilityChanged.connect(self._visibility)

    def showing(self) -> bool:
        """On screen (not behind another tab), or in a window not shown at all (read then:
        a window built to be printed or tested)."""
        window = self.dock.window()
        if window is self.dock:  # floating: on screen while shown (closed, it waits)
            return self.dock.isVisible()
        return not window.isVisible() or not self.dock.visibleRegion().isEmpty()

    def now(self, what: str) -> bool:
        """True when the dock is on screen and should do ``what`` now (nothing is owed any
        longer); else it is noted for when the dock is shown."""
        if self.showing():
            self.due = None
            return True
        if self.due is None or STRENGTH[what] > STRENGTH[self.due]:
            self.due = what
        return False

    def forget(self) -> None:
        """Nothing is owed (the case closed)."""
        self.due = None

    def _visibility(self, on: bool) -> None:
        if on and self.due is not None:
            due, self.due = self.due, None
            self.run(due)
