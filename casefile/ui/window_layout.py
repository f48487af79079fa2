"""The main window's default layout: the table gets most of the height, the timeline dock
about 30 % of it, the editor about a third of the width; View → Reset Layout brings it back,
and the handles between the parts are drawn so that a user sees they can be dragged."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QSplitter, QWidget

TIMELINE_SHARE = 0.36  # of the height below the banner that the dock and the table share
MIN_TIMELINE = 220  # the lanes of a case, or a chart with its names, are readable
NAV_SHARE, EDITOR_SHARE = 0.12, 0.32  # of the splitter's width; the table takes the rest
HANDLE_COLOUR = "#b8bcc4"
# a visible line between the tables and the timeline dock, and between the three columns
HANDLES_STYLE = (f"QMainWindow::separator {{ background: {HANDLE_COLOUR}; width: 5px; "
                 f"height: 5px; }} QMainWindow::separator:hover {{ background: #7a8ca8; }}")
SPLITTER_STYLE = (f"QSplitter::handle {{ background: {HANDLE_COLOUR}; }} "
                  "QSplitter::handle:hover { background: #7a8ca8; }")


class WindowLayout(QObject):
    """Owns the window's layout defaults and the View → Reset Layout action."""

    def __init__(self, win: QMainWindow, splitter: QSplitter,
                 timeline: Callable[[], QDockWidget], settings: QSettings,
                 view_menu: QMenu) -> None:
        super().__init__(win)
        # the timeline dock is made when a case first opens: asked for when needed
        self._timeline, self.win, self.splitter, self.settings = timeline, win, splitter, \
            settings
        win.setStyleSheet(win.styleSheet() + HANDLES_STYLE)
        splitter.setStyleSheet(SPLITTER_STYLE)
        splitter.setHandleWidth(5)
        self.reset_action = QAction("Reset &Layout", win)
        self.reset_action.setObjectName("reset_layout")
        self.reset_action.setToolTip("Table, editor and timeline back to their first sizes")
        self.reset_action.triggered.connect(self.reset)
        self.separator = view_menu.addSeparator()  # the docks' toggles go above it
        view_menu.addAction(self.reset_action)
        # no layout remembered yet: lay out the defaults once the window has its size
        self._pending = settings.value("window/state") is None

    @property
    def timeline(self) -> QDockWidget:
        return self._timeline()

    def first_shown(self) -> None:
        """Call when a case is shown: the first time, with no remembered layout, lay the
        window out by the defaults (sizes only mean something once it is on screen)."""
        if self._pending:
            self._pending = False
            QTimer.singleShot(0, self.apply_defaults)

    def reset(self) -> None:
        """View → Reset Layout: the timeline back in its place and visible, default sizes."""
        if self.timeline.isFloating():
            self.timeline.setFloating(False)
        self.win.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.timeline)
        if self.win.centralWidget() is not None and _has_case(self.win):
            self.timeline.show()
            self.settings.setValue("timeline/visible", "true")
        self.apply_defaults()

    def apply_defaults(self) -> None:
        central = self.win.centralWidget()
        shared = (central.height() if central is not None else self.win.height()) + \
            (self.timeline.height() if self.timeline.isVisible() else 0)
        dock = max(MIN_TIMELINE, int(shared * TIMELINE_SHARE))
        self.win.resizeDocks([self.timeline], [dock], Qt.Orientation.Vertical)
        width = sum(self.splitter.sizes()) or self.splitter.width()
        nav, editor = int(width * NAV_SHARE), int(width * EDITOR_SHARE)
        self.splitter.setSizes([nav, width - nav - editor, editor])


def _has_case(win: QWidget) -> bool:
    session = getattr(win, "session", None)
    return session is not None and session.case is not None
