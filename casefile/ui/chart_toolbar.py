"""The link chart's toolbar: which saved chart, save / save as / rename / delete, the layout
and its progress (with Cancel), pins, hiding, shortest paths, what the chart shows (hidden
nodes in grey, the timeline's dates, transit countries, events, shared events, how shipments
of a pair are summarised), export. Shortcuts work while the chart has the focus."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QInputDialog,
    QMenu,
    QProgressBar,
    QToolBar,
    QToolButton,
)

from casefile.core.chart.state import LAYOUTS
from casefile.core.chart.summary import MULTIPLICITY
from casefile.errors import CasefileError
from casefile.ui.error_dialog import show_error
from casefile.ui.text import plain_label, plain_tooltip


class Controls(Protocol):
    """What the toolbar drives (the chart dock)."""

    session: Any
    view: Any
    scene: Any
    scope: Any  # charts of part of the case (chart_scope.ChartScope)
    chart_id: int | None
    name: str

    def addAction(self, action: QAction) -> None: ...  # noqa: N802
    def open_chart(self, chart_id: int | None, first: bool = False) -> None: ...
    def save(self, name: str | None = None) -> None: ...
    def rename(self, name: str) -> None: ...
    def delete(self) -> None: ...
    def run_layout(self, layout: str | None = None) -> None: ...
    def cancel_layout(self) -> None: ...
    def pin(self, on: bool | None = None) -> None: ...
    def hide_selected(self) -> None: ...
    def show_all(self) -> None: ...
    def show_paths(self) -> int: ...
    def refresh(self) -> None: ...
    def when_read(self, fn: Callable[[], object]) -> None: ...
    def apply_window(self) -> None: ...
    def export(self, path: str | Path, view_only: bool = False) -> Path: ...
    def edit_rules(self) -> None: ...
    def set_multiplicity(self, how: str) -> None: ...

MULTIPLICITY_TIPS = {
    "directed": "One link for each direction a pair of parties shipped in",
    "single": "One link for each pair of parties, whichever way the shipments went",
    "flow": "One link for each pair of parties, pointing the way the goods went on balance "
            "(net value in one currency, else weight, else number of shipments)",
    "multiple": "One link for each shipment record, side by side (slower on big cases)"}
SHORTCUTS = {"save": "Ctrl+S", "layout": "Ctrl+L", "pin": "P", "hide": "H",
             "show_all": "Shift+H", "paths": "Ctrl+P", "fit": "F"}


class ChartToolbar(QToolBar):
    """The row of controls above the chart; ``note`` is the line of figures below it."""

    def __init__(self, dock: Controls) -> None:
        super().__init__("Link chart")
        self.dock = dock
        self.setObjectName("chart_toolbar")
        self.charts = QComboBox()
        self.charts.setMinimumContentsLength(14)
        self.charts.setToolTip("The case's saved charts")
        self.charts.activated.connect(self._chart_chosen)
        self.addWidget(self.charts)
        self.actions_: dict[str, QAction] = {}
        self._act("save", "Save", dock.save, "Save the chart's layout, pins and hidden nodes "
                  "in the case")
        menu = QMenu(self)
        self.writes = [menu.addAction("Save as new chart…", self.save_as),
                       menu.addAction("Rename…", self.rename),
                       menu.addAction("Delete this chart", dock.delete)]
        menu.addAction("New chart (unsaved)", lambda: dock.open_chart(None))
        menu.addSeparator()
        menu.addAction("Chart from table selection",
                       lambda: dock.when_read(dock.scope.chart_from))
        menu.addAction("Whole case", lambda: dock.scope.whole_case())
        menu.addSeparator()
        menu.addAction("Formatting rules…", lambda: dock.edit_rules())
        more = QToolButton()
        more.setText("Charts")
        more.setMenu(menu)
        more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.addWidget(more)
        self.addSeparator()
        self.layout_choice = QComboBox()
        for key, text in LAYOUTS.items():
            self.layout_choice.addItem(text, key)
        self.addWidget(self.layout_choice)
        self._act("layout", "Lay out", lambda: dock.run_layout(), "Lay the chart out anew; "
                  "pinned nodes stay where they are (radial: around the selected node)")
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(120)
        self.progress.hide()
        self.progress_action = self.addWidget(self.progress)
        self.cancel = self._act("cancel", "Cancel", dock.cancel_layout, "Stop the layout")
        self.cancel.setVisible(False)
        self.addSeparator()
        self._act("pin", "Pin", lambda: dock.pin(None), "Pin or unpin the selected nodes: "
                  "layouts leave pinned nodes where they are")
        self._act("hide", "Hide", dock.hide_selected, "Hide the selected nodes")
        self._act("show_all", "Show all", dock.show_all, "Show every hidden node again")
        self._act("paths", "Paths", dock.show_paths, "Highlight every shortest path between "
                  "the two selected nodes")
        self._act("fit", "Fit", lambda: dock.view.fit(), "Show the whole chart")
        self.addSeparator()
        show = QMenu(self)
        show.setToolTipsVisible(True)
        self.grey = self._option(show, "Hidden nodes in grey", "Show hidden nodes faded, "
                                 "with their links in grey")
        self.grey.toggled.connect(lambda on: dock.scene.set_hidden(dock.scene.hidden, on))
        self.follow = self._option(show, "Only links active in the timeline's dates",
                                   "Show only links active in the dates the timeline shows")
        self.follow.setChecked(True)
        self.follow.toggled.connect(lambda _on: dock.apply_window())
        show.addSeparator()
        self.waypoints = self._option(show, "Transit countries", "Draw shipments through "
                                      "the countries of their route")
        self.events = self._option(show, "Events", "Draw events as nodes, linked to the "
                                   "parties that took part")
        self.shared = self._option(show, "Shared events", "Link two parties that took part "
                                   "in the same event (the event's dates and sources are "
                                   "the link's)")
        for box in (self.waypoints, self.events, self.shared):
            box.toggled.connect(lambda _on: dock.refresh())
        show.addSeparator()
        self.multiplicity: dict[str, QAction] = {}
        group = QActionGroup(self)
        for key, text in MULTIPLICITY.items():
            act = self._option(show, text, MULTIPLICITY_TIPS[key])
            group.addAction(act)
            act.toggled.connect(lambda on, key=key: self._summarise(on, key))
            self.multiplicity[key] = act
        self.multiplicity["directed"].setChecked(True)
        button = QToolButton()
        button.setText("Show")
        button.setToolTip("What the chart draws")
        button.setMenu(show)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.addWidget(button)
        export = QMenu(self)
        export.addAction("PNG image…", lambda: self._export("png"))
        export.addAction("SVG drawing…", lambda: self._export("svg"))
        export.addSeparator()
        export.addAction("PNG image of the part in view…", lambda: self._export("png", True))
        export.addAction("SVG drawing of the part in view…",
                         lambda: self._export("svg", True))
        button = QToolButton()
        button.setText("Export")
        button.setToolTip("The whole chart, or the part in view as zoomed, with the case's "
                          "title, marking and legend")
        button.setMenu(export)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.addWidget(button)
        self.note = plain_label()
        self.note.setStyleSheet("color: #555;")

    def _option(self, menu: QMenu, text: str, tip: str) -> QAction:
        act = menu.addAction(text)
        act.setCheckable(True)
        act.setToolTip(plain_tooltip(tip))
        return act

    def _summarise(self, on: bool, key: str) -> None:
        if on:
            self.dock.set_multiplicity(key)

    def multiplicity_choice(self) -> str:
        """How shipments of a pair are summarised (a key of MULTIPLICITY)."""
        return next((k for k, a in self.multiplicity.items() if a.isChecked()), "directed")

    def _act(self, name: str, text: str, fn: object, tip: str) -> QAction:
        act = QAction(text, self)
        keys = SHORTCUTS.get(name)
        if keys:
            act.setShortcut(QKeySequence(keys))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            tip = f"{tip} ({keys})"
        act.setToolTip(plain_tooltip(tip))
        act.triggered.connect(lambda _checked=False: fn())  # type: ignore[operator]
        self.dock.addAction(act)  # the shortcut works anywhere in the dock
        self.addAction(act)
        self.actions_[name] = act
        return act

    # -- saved charts -------------------------------------------------------------------
    def set_charts(self, saved: list[tuple[int, str]], current: int | None) -> None:
        self.charts.blockSignals(True)
        self.charts.clear()
        if current is None:
            self.charts.addItem("Unsaved chart", None)
        for cid, name in saved:
            self.charts.addItem(name, cid)
        self.charts.setCurrentIndex(max(self.charts.findData(current), 0))
        self.charts.blockSignals(False)
        writable = not self.dock.session.readonly  # a read-only case keeps its charts as they are
        for act in (self.actions_["save"], *self.writes):
            act.setEnabled(writable)

    def set_options(self, state: Any) -> None:
        """Tick what a chart just opened draws (transit countries, events, shared events,
        how shipments are summarised)."""
        for box, on in ((self.waypoints, state.waypoints), (self.events, state.events),
                        (self.shared, state.shared), *(
                            (act, state.multiplicity == key)
                            for key, act in self.multiplicity.items())):
            box.blockSignals(True)
            box.setChecked(bool(on))
            box.blockSignals(False)

    def _chart_chosen(self, index: int) -> None:
        cid = self.charts.itemData(index)
        if cid != self.dock.chart_id:
            self.dock.open_chart(cid)

    def save_as(self) -> None:
        name, ok = QInputDialog.getText(self, "Save chart as", "Name of the chart:")
        if ok and name.strip():
            self.dock.save(name)

    def rename(self) -> None:
        if self.dock.chart_id is None:
            return
        name, ok = QInputDialog.getText(self, "Rename chart", "New name:",
                                        text=self.dock.name)
        if ok and name.strip():
            self.dock.rename(name)

    # -- layout progress ----------------------------------------------------------------
    def set_layout(self, key: str) -> None:
        i = self.layout_choice.findData(key)
        if i >= 0:
            self.layout_choice.setCurrentIndex(i)

    def show_progress(self, done: int | None, total: int | None) -> None:
        running = done is not None and total
        self.progress.setVisible(bool(running))
        self.progress_action.setVisible(bool(running))
        self.cancel.setVisible(bool(running))
        self.actions_["layout"].setEnabled(not running)
        if running and total:
            self.progress.setRange(0, int(total))
            self.progress.setValue(int(done or 0))

    # -- export -------------------------------------------------------------------------
    def _export(self, fmt: str, view_only: bool = False) -> None:
        case = self.dock.session.case
        stem = (f"{case.path.stem} chart" if case else "chart") + (" part" if view_only else "")
        default = (case.path.with_name(f"{stem}.{fmt}") if case else Path(f"{stem}.{fmt}"))
        name, _ = QFileDialog.getSaveFileName(self, f"Export chart as {fmt.upper()}",
                                              str(default), f"{fmt.upper()} (*.{fmt})")
        if name:
            try:
                self.dock.export(name, view_only)
            except (OSError, CasefileError) as exc:
                show_error(self, exc, "Cannot export the chart")
