"""The link chart dock: the chart of the open case (:mod:`chart_scene`, :mod:`chart_view`)
with its toolbar (what the buttons do: :mod:`chart_commands`). It reads and shows saved
charts, follows the session — edits of the facts it draws re-read the graph (nodes keep their
places, new ones are placed around them) — filters by the timeline's date window and keeps
its selection in step with the tables."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import numpy as np
from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QDockWidget, QVBoxLayout, QWidget

from casefile.core.chart.model import ChartGraph
from casefile.core.chart.scope import shown
from casefile.core.chart.state import ChartState, place
from casefile.core.labels import counted
from casefile.services.case.change import Change
from casefile.services.case.facade import Case
from casefile.services.queries.chart import graph_for, list_charts, read_chart
from casefile.ui.chart_commands import ChartCommands
from casefile.ui.chart_rules import RulesDialog
from casefile.ui.chart_scene import RING_LAYOUTS, ChartScene
from casefile.ui.chart_scope import ChartScope
from casefile.ui.chart_selection import ChartSelection
from casefile.ui.chart_toolbar import ChartToolbar
from casefile.ui.chart_view import ChartView
from casefile.ui.on_screen import OnScreen
from casefile.ui.session import CaseSession
from casefile.ui.worker import DbWorker, Task

# what the chart is read from: a change to any of these may add, move or relabel a node/link
CHART_KINDS = ("entity", "shipment", "relationship", "sanction", "route_stop", "citation",
               "source", "event", "event_party")
UNSAVED = "Unsaved chart"


class ChartDock(QDockWidget, ChartCommands, ChartSelection):
    """The link chart of the open case, with its toolbar (its commands: ChartCommands; its
    selection in step with the tables: ChartSelection)."""

    record_opened = Signal(str, int)
    records_selected = Signal(list)  # [(kind, id)] of the nodes selected in the chart
    shown = Signal()  # after a chart is drawn
    laid_out = Signal()  # after a layout ran (or was cancelled)
    saved = Signal(int)  # the id of a chart just saved

    def __init__(self, session: CaseSession, parent: QWidget | None = None) -> None:
        super().__init__("Link chart", parent)
        self.setObjectName("chart_dock")
        self.session = session
        self.scene = ChartScene(self)
        self.view = ChartView(self.scene)
        self.view.record_opened.connect(self.record_opened.emit)
        self.view.nodes_dragged.connect(lambda _nodes: self._set_modified(True))
        self.view.link_chosen.connect(self._link_chosen)
        self.view.node_menu.connect(lambda i, at: self.scope.node_menu(i, at))
        self.view.node_opened.connect(lambda i: self.scope.unfold(i))
        self.scene.selectionChanged.connect(self._selection_changed)
        self.layouts = DbWorker(self)  # layouts run here, never on the database worker
        session.on_shut_down(self.layouts.stop)
        self.task: Task | None = None
        self.chart_id: int | None = None
        self.name = UNSAVED
        self.state = ChartState()
        self.full = ChartGraph([], [])  # the whole case's chart (a scoped one shows part)
        self.loaded = False  # whether ``full`` is the open case's (read once it is shown)
        self._then: list[Callable[[], object]] = []  # what waits for it (:meth:`when_read`)
        self.scope: ChartScope = ChartScope(self)
        self.modified = False
        self.info: dict[str, Any] = {}
        self.date_window: tuple[date | None, date | None] = (None, None)
        self._syncing = False
        self.rules_dialog: RulesDialog | None = None
        self.table_selection: list[tuple[str, int]] = []  # the records the table selects
        self._generation = 0  # a chart opened or closed: answers for the one before go
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.refresh)
        self._window_timer = QTimer(self)
        self._window_timer.setSingleShot(True)
        self._window_timer.setInterval(150)
        self._window_timer.timeout.connect(self.apply_window)
        self.bar = ChartToolbar(self)
        body = QWidget()
        lay = QVBoxLayout(body)
        lay.setContentsMargins(4, 2, 4, 2)
        lay.addWidget(self.bar)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.bar.note)
        self.setWidget(body)
        # read while on screen only: behind the timeline's tab the chart waits (its graph of
        # a 100k case is ~100 MB and a second of the worker after every edit)
        self.on_screen = OnScreen(self, self._owed)
        session.opened.connect(lambda _case: self.open_when_shown())
        session.closed.connect(self._closed)
        session.changed.connect(self._changed)

    def open_when_shown(self) -> None:
        """Open the case's first saved chart now, or when the dock is next on screen."""
        if self.on_screen.now("open"):
            self.open_chart(None, first=True)

    def _owed(self, due: str) -> None:
        if due == "open":
            self.open_chart(None, first=True)
        else:
            self.refresh()

    # -- reading ------------------------------------------------------------------------
    def open_chart(self, chart_id: int | None, first: bool = False,
                   start: ChartState | None = None) -> None:
        """Show a saved chart (None: the first saved one when ``first``, else a new one —
        in the state ``start`` when given)."""
        self._generation += 1
        self._timer.stop()
        aspect = self.view_aspect()

        def read(case: Case) -> tuple[Any, ...]:
            with case.read() as conn:
                saved = list_charts(conn)
                cid = chart_id if chart_id is not None else (
                    saved[0][0] if first and saved else None)
                chart = read_chart(conn, cid) if cid is not None else None
                state = chart.state if chart else (start or ChartState())
                full = graph_for(conn, state)
                info = case.info()
            graph = shown(full, state)
            return saved, chart, state, full, graph, place(graph, state, aspect=aspect), info

        def draw(result: tuple[Any, ...]) -> None:
            saved, chart, state, full, graph, pos, info = result
            self.full = full
            self.info = info
            self.bar.set_options(state)
            self.chart_id = chart.id if chart else None
            self.name = chart.name if chart else UNSAVED
            self.state = state
            self.bar.set_charts(saved, self.chart_id)
            self._draw(graph, pos, modified=chart is None)
            self._read_done()
        self.loaded = False  # (what asks for it meanwhile waits for this read)
        self.session.query(read, draw, self._read_failed)

    def refresh(self) -> None:
        """Read the facts again; nodes keep their places, new ones go around them."""
        state = self.current_state()
        generation = self._generation
        aspect = self.view_aspect()

        def read(case: Case) -> tuple[Any, ...]:
            with case.read() as conn:
                full = graph_for(conn, state)
                saved, info = list_charts(conn), case.info()
            graph = shown(full, state)
            return full, graph, place(graph, state, aspect=aspect), saved, info

        def draw(result: tuple[Any, ...]) -> None:
            full, graph, pos, saved, info = result
            if generation != self._generation:
                return  # another chart was opened meanwhile
            self.full = full
            self.info = info
            if self.chart_id is not None and self.chart_id not in dict(saved):
                self.chart_id, self.name = None, UNSAVED  # deleted meanwhile (or undone)
            self.state = state
            self.bar.set_charts(saved, self.chart_id)
            self._draw(graph, pos, modified=self.modified)
            self._read_done()
        self.loaded = False
        self.session.query(read, draw, self._read_failed)

    def when_read(self, fn: Callable[[], object]) -> None:
        """Run ``fn`` once the case's chart has been read: now, or after the read that
        showing the dock starts (a chart of the table's selection asked for before the
        chart was ever shown charts the selection, not the whole case)."""
        if self.loaded:
            fn()
        else:
            self._then.append(fn)

    def _read_failed(self, exc: BaseException) -> None:
        """A read of the chart failed: what waited for it is dropped (not run much later
        against another read), and the failure is said as any other."""
        self._then.clear()
        self.loaded = bool(self.full.nodes)  # the last graph read stands (review18)
        self.session.failed.emit(exc)

    def _read_done(self) -> None:
        self.loaded = True
        waiting, self._then = self._then, []
        for fn in waiting:
            fn()

    @property
    def drawing(self) -> QWidget:
        """What the chart is drawn in."""
        return self.view

    def view_aspect(self) -> float:
        """Width over height of the chart's view (every layout shapes the chart to it)."""
        return self.view.width() / max(self.view.height(), 1)

    def _draw(self, graph: ChartGraph, pos: np.ndarray, modified: bool) -> None:
        self._redraw(graph, pos)
        self.scene.set_ring(self.state.layout in RING_LAYOUTS)
        self.apply_rules()
        self.scene.set_hidden(self._mask(self.state.hidden), self.bar.grey.isChecked())
        self.apply_window()
        self.bar.set_layout(self.state.layout)
        self.view.fit()
        self._set_modified(modified)
        self.shown.emit()

    def _mask(self, keys: set[str]) -> np.ndarray:
        return np.fromiter((n.key in keys for n in self.graph.nodes), bool,
                           len(self.graph.nodes))

    def _changed(self, change: Change) -> None:
        mine = change.touched.get("chart", set())
        if self.chart_id in mine and change.name.startswith(("Undo: ", "Redo: ")):
            self.open_chart(self.chart_id)  # the chart as that step left it
        elif change.concerns(*CHART_KINDS) or change.concerns("chart", "case_info"):
            if self.on_screen.now("refresh"):  # hidden: read when it is shown
                self._timer.start()  # a burst of edits is read once

    def _closed(self) -> None:
        self.on_screen.forget()
        self._generation += 1
        self._timer.stop()
        self.cancel_layout()
        self.table_selection = []  # (kind, id) of the closed case: no other case's
        self.loaded = False
        self._then.clear()
        self.chart_id, self.name, self.state = None, UNSAVED, ChartState()
        self.full = ChartGraph([], [])
        self._redraw(ChartGraph([], []), np.zeros((0, 2)))
        self.bar.set_charts([], None)

    # -- the state ----------------------------------------------------------------------
    def current_state(self) -> ChartState:
        """The chart as shown: positions, pins, hidden nodes, layout, date window."""
        s = ChartState(layout=self.state.layout, seed=self.state.seed,
                       centre=self.state.centre, positions=dict(self.state.positions),
                       pinned=set(self.state.pinned), waypoints=self.bar.waypoints.isChecked(),
                       events=self.bar.events.isChecked(),
                       shared=self.bar.shared.isChecked(),
                       multiplicity=self.bar.multiplicity_choice(),
                       first=self.date_window[0], last=self.date_window[1],
                       scope=None if self.state.scope is None else set(self.state.scope),
                       folds={k: list(v) for k, v in self.state.folds.items()},
                       rules=[dict(r) for r in self.state.rules])
        s.remember(self.graph, self.scene.positions())
        s.hidden = ({k for k in self.state.hidden if k not in self.graph.index}
                    | {n.key for n, h in zip(self.graph.nodes, self.scene.hidden.tolist(),
                                             strict=True) if h})
        return s

    def _set_modified(self, modified: bool) -> None:
        self.modified = modified
        n, m = len(self.graph.nodes), int(self.scene.layer.visible.sum())
        star = " (changed, not saved)" if modified and self.chart_id is not None else ""
        self.setWindowTitle(f"Link chart — {self.name}{star}")
        left = "; ".join(f"{v:,} {k}" for k, v in self.graph.left_out.items())
        self.bar.note.setText(f"{counted(n, 'node')} · {counted(m, 'link')} shown"
                              + (f" · not drawn: {left}" if left else ""))

    # -- the date window ----------------------------------------------------------------
    def timeline_moved(self, first: str, last: str) -> None:
        """The timeline shows ``first``–``last`` (ISO days): filter to it when following."""
        self.date_window = (date.fromisoformat(first), date.fromisoformat(last))
        if self.bar.follow.isChecked():
            self._window_timer.start()

    def set_window(self, first: date | None, last: date | None) -> None:
        self.date_window = (first, last)
        self.apply_window()

    def apply_window(self) -> None:
        first, last = self.date_window if self.bar.follow.isChecked() else (None, None)
        self.scene.set_active(self.graph.active(first, last))
        self.scene.window_text = (f"links active {first or '…'} – {last or '…'}"
                                  if first or last else "")
        self._set_modified(self.modified)
