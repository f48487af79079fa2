"""Results of a global search, grouped by kind; Enter or double-click goes to the record."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from casefile.core.labels import plural
from casefile.store.kinds import RECORD_KINDS
from casefile.ui.text import plain_label

if TYPE_CHECKING:
    from casefile.store.search import Hit


class SearchResults(QDialog):
    chosen = Signal(str, int)

    def __init__(self, query: str, hits: list[Hit], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Search: {query}")
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Result", "Context"])
        self.tree.setColumnWidth(0, 380)
        groups: dict[str, list[Hit]] = {}
        for h in hits:
            groups.setdefault(h.kind, []).append(h)
        for kind in RECORD_KINDS:
            if kind not in groups:
                continue
            top = QTreeWidgetItem([f"{plural(kind)} ({len(groups[kind])})", ""])
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for h in groups[kind]:
                item = QTreeWidgetItem([h.title, h.snippet])
                item.setData(0, Qt.ItemDataRole.UserRole, (h.kind, h.id))
                top.addChild(item)
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        self.tree.itemActivated.connect(self._activated)
        lay = QVBoxLayout(self)
        lay.addWidget(plain_label(f"{len(hits)} result{'s' if len(hits) != 1 else ''} for "
                                  f"“{query}”" if hits else f"Nothing found for “{query}”."))
        lay.addWidget(self.tree)
        self.resize(760, 460)
        first = self.tree.topLevelItem(0)
        child = first.child(0) if first is not None and first.childCount() else None
        if child is not None:
            self.tree.setCurrentItem(child)

    def _activated(self, item: QTreeWidgetItem, _col: int = 0) -> None:
        data = item.data(0, Qt.ItemDataRole.UserRole)
        if data:
            self.chosen.emit(*data)
            self.accept()

    def activate_current(self) -> None:
        item = self.tree.currentItem()
        if item is not None:
            self._activated(item)
