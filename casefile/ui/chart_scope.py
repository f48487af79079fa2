"""Charts of part of a case, and collections, for the chart dock: "Chart from selection"
starts a chart from the parties (or the parties of the facts) selected in the records table;
"Expand neighbours"
(a node's context menu) adds the nodes one link away, placed on a ring around it while
every other node stays put — past :data:`ASK_ABOVE` new ones (an authority with hundreds of
sanctions) it asks first: all of them, or the most linked; "Whole case" shows everything
again. The shown nodes are the chart state's ``scope``, saved with the chart. "Fold N
leaves" folds the leaves of one kind hanging off a node into a collection node (state
``folds``); double-click unfolds it."""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu, QMessageBox

from casefile.core.chart.fold import PREFIX, fold_key, leaves
from casefile.core.chart.model import ChartGraph
from casefile.core.chart.scope import RING, most_linked, neighbours, ring, shown
from casefile.core.chart.state import ChartState, place
from casefile.ui.text import message

ChartDock = Any  # casefile.ui.chart_dock.ChartDock (which imports this module)
ASK_ABOVE = 60  # new nodes one expansion brings without asking first


class ChartScope:
    def __init__(self, dock: ChartDock) -> None:
        self.dock = dock
        self.menu: QMenu | None = None  # the node menu while it is open (tests look at it)
        self.asked: QMessageBox | None = None  # the question before a large expansion

    def node_menu(self, node: int, at: QPoint) -> None:
        """The context menu of a node (it is selected first)."""
        dock = self.dock
        menu = self.menu = QMenu(dock.view)
        sel = dock.scene.selected_nodes() or [node]
        menu.addAction("Expand neighbours", lambda: self.expand(sel))
        groups = leaves(dock.graph, node)
        if groups:
            n = sum(len(v) for v in groups.values())
            menu.addAction(f"Fold {n} leaves", lambda: self.fold(node))
        if dock.graph.nodes[node].key.startswith(PREFIX):
            menu.addAction("Unfold", lambda: self.unfold(node))
        menu.addAction("Pin / unpin", lambda: dock.pin(None))
        menu.addAction("Hide", dock.hide_selected)
        record = dock.graph.nodes[node].record
        if record is not None:
            menu.addAction("Open record", lambda: dock.record_opened.emit(*record))
        menu.exec(at)
        self.menu = None

    def expand(self, nodes: list[int], limit: int | None = None) -> int:
        """Add the neighbours of ``nodes`` (indexes in the chart shown) that are not shown —
        hidden ones are shown again; how many nodes this brought. More than
        :data:`ASK_ABOVE` new ones are asked about first (none brought yet); ``limit``: the
        most linked of them to bring (the answer)."""
        dock = self.dock
        graph, full = dock.graph, dock.full
        state = dock.current_state()
        keys = [graph.nodes[i].key for i in nodes]
        hidden_before = set(state.hidden)
        present = {n.key for n in graph.nodes} | {m for ms in state.folds.values() for m in ms}
        near = {i: neighbours(full, [key]) for i, key in zip(nodes, keys, strict=True)}
        new_all = list(dict.fromkeys(k for ks in near.values() for k in ks if k not in present))
        if limit is None and len(new_all) > ASK_ABOVE:
            self._ask(nodes, len(new_all))
            return 0
        wanted = set(most_linked(full, new_all, limit if limit is not None else len(new_all)))
        pos = dock.scene.positions()
        brought = 0
        for i in nodes:
            new = [k for k in near[i] if k in wanted and k not in present]
            state.hidden -= {k for k in near[i] if k in present or k in wanted}
            for k, xy in zip(new, ring(tuple(pos[i]), len(new), pos, dock.view_aspect()),
                             strict=True):
                state.positions[k] = xy
            present.update(new)
            brought += len(new)
        brought += len(hidden_before - state.hidden)
        if not brought:
            dock.bar.note.setText("Every neighbour of the selected nodes is on the chart.")
            return 0
        if state.scope is not None:
            state.scope |= present
        self._show(shown(full, state), state, modified=True)
        new_keys = present - {n.key for n in graph.nodes}
        if len(wanted) < len(new_all):
            dock.bar.note.setText(
                f"Added the {len(wanted):,} most linked of {len(new_all):,} neighbours; "
                "expand again for the others.")
        # the nodes brought are selected, to be seen; the table and the editor stay on what
        # the user chose (look22: they jumped to the last party added)
        dock._syncing = True
        try:
            dock.scene.clearSelection()
            for i, node in enumerate(dock.graph.nodes):
                if node.key in new_keys:
                    dock.scene.nodes[i].setSelected(True)
        finally:
            dock._syncing = False
        return brought

    def _ask(self, nodes: list[int], count: int) -> None:
        """Ask before bringing ``count`` nodes (answered without blocking: the box's
        buttons expand, or not — the nodes asked about, by key, as the chart is then)."""
        dock = self.dock
        keys = [dock.graph.nodes[i].key for i in nodes]
        whose = (f"{dock.graph.nodes[nodes[0]].label} has" if len(nodes) == 1
                 else f"The {len(nodes)} selected nodes have")
        box = self.asked = message(
            dock, "Expand neighbours",
            f"{whose} {count:,} neighbours not on the chart. Adding them all may make the "
            f"chart hard to read.", icon=QMessageBox.Icon.Question)
        box.setStandardButtons(QMessageBox.StandardButton.Cancel)
        every = box.addButton(f"Add all {count:,}", QMessageBox.ButtonRole.AcceptRole)
        some = box.addButton(f"Add the {ASK_ABOVE} most linked",
                             QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(some)

        def answered() -> None:
            self.asked = None
            if box.clickedButton() not in (every, some):
                return
            # the chart may have changed while the box was open (an edit, a party deleted):
            # the nodes are found again by key, and those gone are passed over (review21)
            now = [dock.graph.index[k] for k in keys if k in dock.graph.index]
            if not now:
                dock.bar.note.setText("The nodes to expand are no longer on the chart.")
                return
            self.expand(now, count if box.clickedButton() is every else ASK_ABOVE)
        box.finished.connect(answered)
        box.open()

    def fold(self, node: int) -> int:
        """Fold the leaves hanging off ``node`` into one collection node per kind (where the
        leaves were, on average); how many collections."""
        dock = self.dock
        groups = leaves(dock.graph, node)
        if not groups:
            return 0
        state = dock.current_state()
        centre = dock.graph.nodes[node].key
        for kind, members in groups.items():
            key = fold_key(centre, kind)
            state.folds[key] = sorted(set(state.folds.get(key, [])) | set(members))
            state.positions[key] = _beside(state.positions[centre],
                                           [state.positions[m] for m in members])
        self._show(shown(dock.full, state), state, modified=True)
        return len(groups)

    def unfold(self, node: int) -> bool:
        """Put a collection node's members back where they were."""
        dock = self.dock
        key = dock.graph.nodes[node].key
        state = dock.current_state()
        if state.folds.pop(key, None) is None:
            return False
        state.positions.pop(key, None)
        self._show(shown(dock.full, state), state, modified=True)
        return True

    def chart_from(self, records: list[tuple[str, int]] | None = None) -> int:
        """A new (unsaved) chart of the selected parties, or of the parties the selected
        facts link; how many nodes it has (0: nothing charted, said in the note)."""
        dock = self.dock
        records = dock.table_selection if records is None else records
        full = dock.full
        wanted = {f"entity:{i}" for kind, i in records if kind == "entity"}
        keep = np.fromiter((n.key in wanted for n in full.nodes), bool, len(full.nodes))
        facts = {r for r in records if r[0] != "entity"}
        if facts:
            keep |= full.nodes_touched(full.links_of(facts))
        if not keep.any():
            dock.bar.note.setText("Select parties (or shipments, relationships, sanctions) "
                                  "in the table to chart them.")
            return 0
        scope = {full.nodes[i].key for i in np.flatnonzero(keep).tolist()}
        state = ChartState(scope=scope, waypoints=dock.bar.waypoints.isChecked(),
                           events=dock.bar.events.isChecked(),
                           shared=dock.bar.shared.isChecked(),
                           multiplicity=dock.bar.multiplicity_choice())
        dock.cancel_layout()
        dock.chart_id, dock.name = None, "Unsaved chart"
        saved = [(dock.bar.charts.itemData(i), dock.bar.charts.itemText(i))
                 for i in range(dock.bar.charts.count()) if dock.bar.charts.itemData(i)
                 is not None]
        dock.bar.set_charts(saved, None)
        self._show(shown(full, state), state, modified=True)
        return len(scope)

    def chart_records(self, records: list[tuple[str, int]]) -> None:
        """:meth:`chart_from` ``records``, with the chart brought to the front (once it has
        been read, when this shows it for the first time)."""
        self.dock.show()
        self.dock.raise_()
        self.dock.when_read(lambda: self.chart_from(records))

    def whole_case(self) -> None:
        """Show every node again (the new ones placed around those shown)."""
        if self.dock.state.scope is not None:
            self.dock.state.scope = None
            self.dock.refresh()

    def _show(self, graph: ChartGraph, state: ChartState, modified: bool) -> None:
        dock = self.dock
        dock.state = state
        dock._draw(graph, place(graph, state, aspect=dock.view_aspect()), modified)


def _beside(hub: tuple[float, float], members: list[tuple[float, float]]
            ) -> tuple[float, float]:
    """Where a collection goes: where its members were on average, but at least RING from
    the node they hang off (members around it average out on top of it)."""
    at, centre = np.array(members).mean(axis=0), np.array(hub)
    d = at - centre
    length = float(np.hypot(*d))
    if length < RING:
        d = d / length if length > 1e-9 else np.array([1.0, 0.0])
        at = centre + d * RING
    return (float(at[0]), float(at[1]))
