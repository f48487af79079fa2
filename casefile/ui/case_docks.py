"""The timeline and link chart docks of the main window, made when a case first needs them,
and the search panel's, made when first asked for.

They draw with pyqtgraph and numpy and read through the database layer; making them (and
importing those) only when the first case opens keeps all of it out of the start screen's
first paint. A remembered window layout still places them (``restoreDockWidget``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QLineEdit, QMainWindow, QMenu

if TYPE_CHECKING:
    from casefile.ui.chart_dock import ChartDock
    from casefile.ui.search_panel import SearchPanel
    from casefile.ui.session import CaseSession
    from casefile.ui.timeline_dock import TimelineDock

TIMELINE_HEIGHT = 250  # at first: the tables keep most of the height
FRONT = "docks/front"  # the setting: which tabbed dock was in front
_BOTTOM = Qt.DockWidgetArea.BottomDockWidgetArea


class CaseDocks:
    """The two docks, made, placed and wired to the window's views in one go."""

    def __init__(self, win: QMainWindow, session: CaseSession, settings: QSettings,
                 toggles: tuple[QMenu, QAction], go_to: Callable[[str, int], None],
                 set_date_range: Callable[[str, str], None],
                 chart_selected: Callable[[list[tuple[str, int]]], None]) -> None:
        """``toggles``: the menu and the entry above which the docks' toggles go;
        ``go_to``, ``set_date_range``, ``chart_selected``: what a click in them does."""
        from casefile.ui.chart_dock import ChartDock
        from casefile.ui.timeline_dock import TimelineDock

        self.timeline: TimelineDock = TimelineDock(session, win)
        self.chart: ChartDock = ChartDock(session, win)
        timeline, chart = self.timeline, self.chart
        restored = _place(win, timeline)
        if not restored:
            win.resizeDocks([timeline], [TIMELINE_HEIGHT], Qt.Orientation.Vertical)
        if not _place(win, chart):
            win.tabifyDockWidget(timeline, chart)
            timeline.raise_()
        else:  # Qt tabs the restored docks later, with the timeline's tab in front
            front = settings.value(FRONT)  # (review30: the chart left in front was not)
            QTimer.singleShot(0, lambda: chart.raise_() if front == "chart" and chart in
                              win.tabifiedDockWidgets(timeline) else None)
        self.settings = settings
        for dock, name in ((timeline, "timeline"), (chart, "chart")):
            dock.visibilityChanged.connect(
                lambda on, d=dock, n=name: _remember_front(win, settings, d, n, on))
        _add_toggles(*toggles, timeline, chart)
        timeline.record_clicked.connect(go_to)
        timeline.filter_requested.connect(set_date_range)
        timeline.toggleViewAction().triggered.connect(
            lambda on: _remember_visible(settings, on))
        chart.record_opened.connect(go_to)
        chart.records_selected.connect(chart_selected)
        timeline.plot.getViewBox().sigXRangeChanged.connect(
            lambda *_: chart.timeline_moved(*timeline.plot.visible_range()))
        if session.case is not None:  # made as a case opens: read it as they would have,
            # once the window has laid them out (look27: placed but not yet tabbed, the
            # chart behind the timeline's tab read as on screen: 9 s of the worker the
            # tables waited for, on a 55k-party case)
            case = session.case

            def read_if_still_open() -> None:  # (review30: a case closed meanwhile left
                if session.case is case:  # reads owed to the next one: read twice)
                    timeline.reload_when_shown()
                    chart.open_when_shown()
            QTimer.singleShot(0, read_if_still_open)


    def show_for_case(self, has_case: bool) -> None:
        """Show the docks while a case is open (the timeline unless the user closed it),
        the one the user left in front in front (shown again, the timeline's tab came
        first); hide them when none is."""
        front = self.settings.value(FRONT)
        self.timeline.setVisible(has_case and self.settings.value(
            "timeline/visible", "true") in ("true", True))
        self.chart.setVisible(has_case)
        if has_case and front == "chart":
            self.chart.raise_()


def search_dock(win: QMainWindow, session: CaseSession, beside: QDockWidget, view: QMenu,
                field: QLineEdit, go_to: Callable[[str, int], None]) -> SearchPanel:
    """The live search panel (Ctrl+F), hidden, in a tab ``beside`` the chart, following the
    menu bar's search ``field``; its toggle goes in the ``view`` menu."""
    from casefile.ui.search_panel import SearchPanel

    panel = SearchPanel(session, win)
    win.addDockWidget(_BOTTOM, panel)
    win.tabifyDockWidget(beside, panel)
    panel.hide()
    panel.record_opened.connect(go_to)
    panel.follow(field)
    view.addAction(panel.toggleViewAction())
    return panel


def _place(win: QMainWindow, dock: QDockWidget) -> bool:
    """Where the remembered layout had it (True), or at the bottom (False)."""
    if win.restoreDockWidget(dock):
        return True
    win.addDockWidget(_BOTTOM, dock)
    return False


def _add_toggles(view: QMenu, before: QAction, *docks: QDockWidget) -> None:
    for dock in docks:
        view.insertAction(before, dock.toggleViewAction())


def _remember_front(win: QMainWindow, settings: QSettings, dock: QDockWidget, name: str,
                    on: bool) -> None:
    """Which of the two tabbed docks the user has in front, for the next time."""
    if on and win.tabifiedDockWidgets(dock):
        settings.setValue(FRONT, name)


def _remember_visible(settings: QSettings, on: bool) -> None:
    settings.setValue("timeline/visible", "true" if on else "false")
