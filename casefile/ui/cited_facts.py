"""On a source's page: the facts it supports, one row per citation (kind, the fact in a few
words, the Admiralty code, the excerpt); double-click or Open goes to the fact."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHeaderView, QPushButton, QTableWidgetItem, QWidget

from casefile.ui.panels import read_only_table, titled_panel
from casefile.ui.text import plain_label, plain_tooltip

NOT_CITED = ("No fact cites this source yet. Open a fact (a shipment, an entity, an "
             "event…) and press Cite source… in its Citations panel.")


class CitedFactsPanel(QWidget):
    """Emits ``open_requested(kind, id)`` for the fact chosen."""

    open_requested = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []
        self.table = read_only_table(["Fact", "Supports", "Code", "Excerpt"], 220)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.cellDoubleClicked.connect(lambda r, _c: self.open_row(r))
        self.open_button = QPushButton("Open fact")
        self.open_button.clicked.connect(lambda: self.open_row(self.table.currentRow()))
        self.title = "Facts this source supports"
        titled_panel(self, self.title, self.table, [self.open_button])
        self.empty = plain_label(NOT_CITED, wrap=True)
        self.empty.setStyleSheet("color: #555; padding: 4px 0;")
        layout = self.layout()
        assert layout is not None
        layout.addWidget(self.empty)

    def set_facts(self, rows: list[dict[str, Any]]) -> None:
        self._rows = rows
        self.table.setRowCount(len(rows))
        for r, f in enumerate(rows):
            cells = [QTableWidgetItem(f["kind_label"]), QTableWidgetItem(f["what"]),
                     QTableWidgetItem(f["code"]), QTableWidgetItem(f["excerpt"])]
            cells[1].setToolTip(plain_tooltip(f["what"]))
            if f["excerpt"]:
                cells[3].setToolTip(plain_tooltip(
                    f["excerpt"] + (f"\n({f['locator']})" if f["locator"] else "")))
            for col, item in enumerate(cells):
                self.table.setItem(r, col, item)
        facts = len({(f["kind"], f["id"]) for f in rows})
        label = self.findChild(type(self.empty))
        if label is not None and label is not self.empty:
            label.setText(f"{self.title} ({facts})" if facts else self.title)
        self.table.setVisible(bool(rows))
        self.open_button.setVisible(bool(rows))
        self.empty.setVisible(not rows)

    def open_row(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.open_requested.emit(self._rows[row]["kind"], self._rows[row]["id"])
