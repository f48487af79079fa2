"""What the link chart's toolbar does to the chart shown (a part of :class:`ChartDock`,
which mixes it in): formatting rules, layouts on the layout thread (cancellable; pinned nodes
stay put), pins, hiding, shortest paths, and saving, renaming, deleting (case operations:
undoable, audited) and exporting the chart."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

import numpy as np
from PySide6.QtWidgets import QWidget

from casefile.core.chart.model import ChartGraph
from casefile.core.chart.paths import path_links, shortest_paths
from casefile.core.chart.rules import Rule, formatting
from casefile.core.chart.state import ChartState, arrange
from casefile.errors import CasefileError
from casefile.services.case import charts
from casefile.services.case.change import Change
from casefile.ui.chart_export import export_chart
from casefile.ui.chart_rules import RulesDialog
from casefile.ui.chart_scene import RING_LAYOUTS, ChartScene
from casefile.ui.chart_toolbar import ChartToolbar
from casefile.ui.chart_view import ChartView
from casefile.ui.session import CaseSession
from casefile.ui.worker import DbWorker, Task


class ChartCommands:
    """The toolbar's commands; the dock holds what they work on."""

    session: CaseSession
    scene: ChartScene
    view: ChartView
    bar: ChartToolbar
    state: ChartState
    layouts: DbWorker
    task: Task | None
    chart_id: int | None
    name: str
    modified: bool
    info: dict[str, Any]
    rules_dialog: RulesDialog | None
    _syncing: bool
    laid_out: Any  # signals of the dock
    saved: Any

    @property
    def graph(self) -> ChartGraph:
        return self.scene.graph

    def current_state(self) -> ChartState:
        raise NotImplementedError  # (the dock's)

    def view_aspect(self) -> float:
        raise NotImplementedError

    def _set_modified(self, modified: bool) -> None:
        raise NotImplementedError

    def refresh(self) -> None:
        raise NotImplementedError

    # -- how shipments are summarised ---------------------------------------------------
    def set_multiplicity(self, how: str) -> None:
        """Draw the shipments of a pair of parties ``how`` (core.chart.summary; saved with
        the chart): the chart is read again, nodes stay where they are."""
        if how != self.state.multiplicity:
            self.modified = True
            self.refresh()  # (reads the choice from the toolbar)

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
        dlg = self.rules_dialog = RulesDialog(self.rules(), cast(QWidget, self))
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
        aspect = self.view_aspect()
        self.task = task
        task.progress.connect(lambda done, total, _m: self.bar.show_progress(done, total))
        self.bar.show_progress(0, 1)

        def done(pos: np.ndarray) -> None:
            if self.task is task and graph is self.graph:
                self.task = None
                self.state = state
                self.bar.set_layout(state.layout)
                self.scene.set_positions(pos)
                self.scene.set_ring(state.layout in RING_LAYOUTS)
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
            d, t), aspect=aspect), done, failed)

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

    def export(self, path: str | Path, view_only: bool = False) -> Path:
        """Write the chart as shown, with the case's title, marking and legend, to a PNG
        or SVG file (by its suffix): the whole chart, or with ``view_only`` the part the
        view shows (as zoomed and scrolled)."""
        area = (self.view.mapToScene(self.view.viewport().rect()).boundingRect()
                if view_only else None)
        return export_chart(self.scene, path, self.info, self.name, area)
