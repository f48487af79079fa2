"""The main window's default layout: the table gets most of the height, the timeline dock
about a third of it — in a small window more, so that the chart or the lanes keep a usable
height while the tables keep about nine rows — the editor about a third of the width; View →
Reset Layout brings it back, and the handles between the parts are drawn so that a user sees
they can be dragged. A layout the user left (remembered in the settings) is kept as it was."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QSplitter, QWidget

TIMELINE_SHARE = 0.36  # of the height that the docks and the central part share
MIN_TIMELINE = 220  # the dock at least, when what it draws in cannot be measured yet
MIN_DRAWING = 200  # px of chart or lanes: a ring of names, or five lanes, are readable
MIN_TABLES = 300  # px the central part keeps all the same: about nine rows of a table
_BOTTOM = Qt.DockWidgetArea.BottomDockWidgetArea
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
                 docks: Callable[[], Sequence[QDockWidget]], settings: QSettings,
                 view_menu: QMenu) -> None:
        """``docks``: the timeline and the docks tabbed with it (each with a ``drawing``,
        the widget its chart is drawn in), the timeline first."""
        super().__init__(win)
        # the docks are made when a case first opens: asked for when needed
        self._docks, self.win, self.splitter, self.settings = docks, win, splitter, settings
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
        self._settling = False  # the defaults were laid out and the user has not moved them
        self._left = 0  # the dock's height as the defaults left it
        self._asked = 0  # the dock's height last asked for
        self._watched: set[QWidget] = set()  # the docks' drawings, followed while settling

    @property
    def timeline(self) -> QDockWidget:
        return self._docks()[0]

    def first_shown(self) -> None:
        """Call when a case is shown: the first time, with no remembered layout, lay the
        window out by the defaults (sizes only mean something once it is on screen)."""
        if self._pending:
            self._pending = False
            QTimer.singleShot(0, self, self.apply_defaults)

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
        shown = self._shown_docks()
        shared = (central.height() if central is not None else self.win.height()) + \
            (shown[0].height() if shown else 0)
        self._resize_dock(max(MIN_TIMELINE, int(shared * TIMELINE_SHARE)))
        # enough of it for the chart in a small window, now and while the layout settles
        # (the legend wraps to a second line when the timeline's note is filled in)
        self._settling = True
        for dock in self._docks():
            drawing = _drawing(dock)
            if drawing is not None and drawing not in self._watched:
                self._watched.add(drawing)
                drawing.installEventFilter(self)
        self._top_up()
        width = sum(self.splitter.sizes()) or self.splitter.width()
        nav, editor = int(width * NAV_SHARE), int(width * EDITOR_SHARE)
        self.splitter.setSizes([nav, width - nav - editor, editor])

    def _resize_dock(self, height: int) -> None:
        self._asked = height
        self.win.resizeDocks([self.timeline], [height], Qt.Orientation.Vertical)
        layout = self.win.layout()
        if layout is not None:  # (else the docks take that size on the next layout)
            layout.activate()
        self._left = self.timeline.height()

    def _top_up(self) -> None:
        """The dock taller by what its drawing lacks of ``MIN_DRAWING``, as far as the
        tables keep ``MIN_TABLES`` (the dock only grows here: nothing can swing)."""
        central, shown = self.win.centralWidget(), self._shown_docks()
        heights = [w.height() for d in shown if (w := _drawing(d)) and w.isVisible()]
        if not self._settling or not heights or central is None:
            return
        if shown[0].height() != self._left:  # the user has moved it: it is theirs now
            self._settling = False
            return
        grow = min(MIN_DRAWING - min(heights), central.height() - MIN_TABLES)
        if grow > 0:
            self._resize_dock(self._asked + grow)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if self._settling and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self, self._top_up)  # e.g. the legend wrapped to 2 lines
        return False

    def _shown_docks(self) -> list[QDockWidget]:
        """The docks on screen in the timeline's place (it, or those tabbed with it)."""
        return [d for d in self._docks() if not d.visibleRegion().isEmpty()
                and not d.isFloating() and self.win.dockWidgetArea(d) == _BOTTOM]


def _drawing(dock: QDockWidget) -> QWidget | None:
    """The widget ``dock`` draws its chart in (its ``drawing``), if it has one."""
    drawing = getattr(dock, "drawing", None)
    return drawing if isinstance(drawing, QWidget) else None


def _has_case(win: QWidget) -> bool:
    session = getattr(win, "session", None)
    return session is not None and session.case is not None
