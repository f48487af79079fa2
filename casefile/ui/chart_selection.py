"""The link chart's selection in step with the tables (a part of :class:`ChartDock`, which
mixes it in): nodes chosen in the chart select their records; records selected elsewhere
select their nodes and mark the links of their facts; a redraw chooses nothing."""

from __future__ import annotations

from typing import Any

import numpy as np
from shiboken6 import isValid

from casefile.core.chart.model import ChartGraph
from casefile.ui.chart_scene import ChartScene


class ChartSelection:
    """What the chart's selection does; the dock holds the scene and the signal."""

    scene: ChartScene
    table_selection: list[tuple[str, int]]
    _syncing: bool
    records_selected: Any  # the dock's signal

    @property
    def graph(self) -> ChartGraph:
        return self.scene.graph

    def _redraw(self, graph: ChartGraph, pos: np.ndarray) -> None:
        """Put ``graph`` in the scene. The nodes it takes away were selected, maybe: that is
        no choice of the user's (look29: with two parties selected, an edit's redraw sent
        the editor to one of them, and the next keys typed renamed it)."""
        self._syncing = True
        try:
            self.scene.set_graph(graph, pos)
        finally:
            self._syncing = False

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
