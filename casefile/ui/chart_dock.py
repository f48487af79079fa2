"""The link chart dock: the chart of the open case (:mod:`chart_scene`, :mod:`chart_view`)
with its toolbar — saved charts, layouts (run on a thread of their own, cancellable), pins,
hiding, shortest paths, the timeline's date window, export. It follows the session: edits of
the facts it draws re-read the graph (nodes keep their places, new ones are placed around
them); saving, renaming and deleting charts are case operations (undoable, audited)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QDockWidget, QVBoxLayout, QWidget
from shiboken6 import isValid

from casefile.core.chart.model import ChartGraph
from casefile.core.chart.paths import path_links, shortest_paths
from casefile.core.chart.rules import Rule, formatting
from casefile.core.chart.scope import shown
from casefile.core.chart.state import ChartState, arrange, place
from casefile.errors import CasefileError
from casefile.services.case import charts
from casefile.services.case.change import Change
from casefile.services.case.facade import Case
from casefile.services.queries.chart import list_charts, read_chart, read_graph
from casefile.ui.chart_export import export_chart
from casefile.ui.chart_rules import RulesDialog
from casefile.ui.chart_scene import ChartScene
from casefile.ui.chart_scope import ChartScope
from casefile.ui.chart_toolbar import ChartToolbar
from casefile.ui.chart_view import ChartView
from casefile.ui.session import CaseSession
from casefile.ui.worker import DbWorker, Task

# what the chart is read from: a change to any of these may add, move or relabel a node/link
CHART_KINDS = ("entity", "shipment", "relationship", "sanction", "route_stop", "citation",
               "source", "event", "event_party")
UNSAVED = "Unsaved chart"


class ChartDock(QDockWidget):
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
        session.opened.connect(lambda _case: self.open_chart(None, first=True))
        session.closed.connect(self._closed)
        session.changed.connect(self._changed)

    @property
    def graph(self) -> ChartGraph:
        return self.scene.graph

    # -- reading ------------------------------------------------------------------------
    def open_chart(self, chart_id: int | None, first: bool = False,
                   start: ChartState | None = None) -> None:
        """Show a saved chart (None: the first saved one when ``first``, else a new one —
        in the state ``start`` when given)."""
        self._generation += 1
        self._timer.stop()

        def read(case: Case) -> tuple[Any, ...]:
            with case.read() as conn:
                saved = list_charts(conn)
                cid = chart_id if chart_id is not None else (
                    saved[0][0] if first and saved else None)
                chart = read_chart(conn, cid) if cid is not None else None
                state = chart.state if chart else (start or ChartState())
                full = read_graph(conn, state.waypoints, state.events)
                info = case.info()
            graph = shown(full, state)
            return saved, chart, state, full, graph, place(graph, state), info

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
        self.session.query(read, draw)

    def refresh(self) -> None:
        """Read the facts again; nodes keep their places, new ones go around them."""
        state = self.current_state()
        generation = self._generation

        def read(case: Case) -> tuple[Any, ...]:
            with case.read() as conn:
                full = read_graph(conn, state.waypoints, state.events)
                saved, info = list_charts(conn), case.info()
            graph = shown(full, state)
            return full, graph, place(graph, state), saved, info

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
        self.session.query(read, draw)

    def _draw(self, graph: ChartGraph, pos: np.ndarray, modified: bool) -> None:
        self.scene.set_graph(graph, pos)
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
            self._timer.start()  # a burst of edits is read once

    def _closed(self) -> None:
        self._generation += 1
        self._timer.stop()
        self.cancel_layout()
        self.chart_id, self.name, self.state = None, UNSAVED, ChartState()
        self.full = ChartGraph([], [])
        self.scene.set_graph(ChartGraph([], []), np.zeros((0, 2)))
        self.bar.set_charts([], None)

    # -- the state ----------------------------------------------------------------------
    def current_state(self) -> ChartState:
        """The chart as shown: positions, pins, hidden nodes, layout, date window."""
        s = ChartState(layout=self.state.layout, seed=self.state.seed,
                       centre=self.state.centre, positions=dict(self.state.positions),
                       pinned=set(self.state.pinned), waypoints=self.bar.waypoints.isChecked(),
                       events=self.bar.events.isChecked(),
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
        self.bar.note.setText(f"{n:,} nodes · {m:,} links shown"
                              + (f" · not drawn: {left}" if left else ""))

    # -- formatting rules ---------------------------------------------------------------
    def rules(self) -> list[Rule]:
        return [r for raw in self.state.rules if (r := Rule.read(raw)) is not None]

    def apply_rules(self) -> None:
        self.scene.set_formatting(*formatting(self.graph, self.rules()))

    def set_rules(self, rules: list[Rule]) -> None:
        """Format the chart by ``rules`` (saved with it)."""
        self.state.rules = [r.saved() for r in rules]
        self.apply_rules()
        self._set_modified(True)

    def edit_rules(self) -> None:
        dlg = self.rules_dialog = RulesDialog(self.rules(), self)
        try:
            if dlg.exec():
                self.set_rules(dlg.rules())
        finally:
            self.rules_dialog = None

    # -- layouts ------------------------------------------------------------------------
    def run_layout(self, layout: str | None = None) -> None:
        """Lay the chart out anew (on the layout thread); pinned nodes stay put."""
        self.cancel_layout()
        state = self.current_state()
        state.layout = layout or self.bar.layout_choice.currentData()
        if state.layout == "radial":
            sel = self.scene.selected_nodes()
            if sel:
                state.centre = self.graph.nodes[sel[0]].key
        graph, task = self.graph, Task()
        self.task = task
        task.progress.connect(lambda done, total, _m: self.bar.show_progress(done, total))
        self.bar.show_progress(0, 1)

        def done(pos: np.ndarray) -> None:
            if self.task is task and graph is self.graph:
                self.task = None
                self.state = state
                self.bar.set_layout(state.layout)
                self.scene.set_positions(pos)
                self.view.fit()
                self._set_modified(True)
                self.bar.show_progress(None, None)
                self.laid_out.emit()

        def failed(exc: BaseException) -> None:
            if self.task is task:
                self.task = None
            self.bar.show_progress(None, None)
            self.laid_out.emit()
            if not isinstance(exc, CasefileError):
                self.session.failed.emit(exc)
        self.layouts.submit(lambda: arrange(graph, state, progress=lambda d, t: task.report(
            d, t)), done, failed)

    def cancel_layout(self) -> None:
        if self.task is not None:
            self.task.cancel()

    # -- pins, hiding, paths ------------------------------------------------------------
    def pin(self, on: bool | None = None) -> None:
        """Pin (or unpin) the selected nodes; with ``on`` None, toggle."""
        keys = {self.graph.nodes[i].key for i in self.scene.selected_nodes()}
        if not keys:
            return
        if on is None:
            on = not keys <= self.state.pinned
        self.state.pinned = (self.state.pinned | keys) if on else (self.state.pinned - keys)
        self._set_modified(True)

    def hide_selected(self) -> None:
        sel = self.scene.selected_nodes()
        if sel:
            hidden = self.scene.hidden.copy()
            hidden[sel] = True
            self.scene.clearSelection()
            self.scene.set_hidden(hidden)
            self._set_modified(True)

    def show_all(self) -> None:
        self.scene.set_hidden(np.zeros(len(self.graph.nodes), bool))
        self.state.hidden = set()
        self._set_modified(True)

    def show_paths(self) -> int:
        """Highlight every shortest path between the two selected nodes; how many."""
        sel = self.scene.selected_nodes()
        if len(sel) != 2:
            self.bar.note.setText("Select two nodes to see every shortest path between them.")
            return 0
        links = self.scene.layer.visible
        paths = shortest_paths(self.graph, sel[0], sel[1], links)
        nodes = sorted({i for p in paths for i in p})
        self._syncing = True  # the path's nodes are selected here, not in the table
        try:
            self.scene.set_path(path_links(self.graph, paths, links), nodes)
        finally:
            self._syncing = False
        hops = len(paths[0]) - 1 if paths else 0
        self.bar.note.setText(f"{len(paths)} shortest path{'' if len(paths) == 1 else 's'} of "
                              f"{hops} link{'' if hops == 1 else 's'}" if paths else
                              "No path between them among the links shown.")
        return len(paths)

    def clear_paths(self) -> None:
        self.scene.set_path(np.zeros(len(self.graph.links), bool), [])

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

    # -- selection ----------------------------------------------------------------------
    def _selection_changed(self) -> None:
        if self._syncing or not isValid(self.scene):  # (the scene goes with the window)
            return
        records = [r for i in self.scene.selected_nodes()
                   if (r := self.graph.nodes[i].record) is not None]
        if records:
            self.records_selected.emit(records)

    def _link_chosen(self, index: int) -> None:
        facts = self.graph.links[index].facts  # (read now; gone if the case changed since)
        if facts:
            self.records_selected.emit([(facts[0].kind, facts[0].id)])

    def highlight(self, keys: list[tuple[str, int]]) -> None:
        """Select the nodes of the records selected elsewhere; mark the links of facts."""
        self.table_selection = list(keys)
        wanted = set(keys)
        chosen = {self.graph.nodes[i].record for i in self.scene.selected_nodes()}
        self._syncing = True
        try:
            parties = {k for k in wanted if k[0] == "entity"}
            if parties and not parties <= chosen:  # (not the table following the chart)
                self.scene.clearSelection()
                for i, node in enumerate(self.graph.nodes):
                    if node.record in parties:
                        self.scene.nodes[i].setSelected(True)
            facts = {k for k in wanted if k[0] != "entity"}
            on = self.graph.links_of(facts)
            if on.any() or not parties:  # (a party chosen keeps the paths shown)
                self.scene.layer.set_highlight(on)
        finally:
            self._syncing = False

    # -- saving and exporting -----------------------------------------------------------
    def save(self, name: str | None = None) -> None:
        """Save the chart (under ``name`` as a new chart when given, or when unsaved)."""
        state = self.current_state()
        cid = None if name is not None else self.chart_id
        name = name if name is not None else self.name

        def done(change: Change) -> None:
            self.chart_id, self.name, self.state = int(change.result), name, state
            self._set_modified(False)
            self.saved.emit(self.chart_id)
        self.session.op(lambda case: charts.save_chart(case, cid, name, state)) \
            .success(done).run()

    def delete(self) -> None:
        if self.chart_id is not None:
            cid = self.chart_id
            self.session.op(lambda case: charts.delete_chart(case, cid)).run()

    def rename(self, name: str) -> None:
        if self.chart_id is not None:
            cid = self.chart_id

            def done(_change: Change) -> None:
                self.name = " ".join(name.split())
                self._set_modified(self.modified)
            self.session.op(lambda case: charts.rename_chart(case, cid, name)) \
                .success(done).run()

    def export(self, path: str | Path) -> Path:
        """Write the chart as shown, with the case's title, marking and legend, to a PNG
        or SVG file (by its suffix)."""
        return export_chart(self.scene, path, self.info, self.name)
