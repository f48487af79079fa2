"""On a party's page, at its top: its sanctions (in force or ended), relationships, events
and shipments, a row each — the first few of each kind by date, and how many more there are
(all of them are in "All about this party…"). Double-click or Enter opens the record; a party
nothing touches says so in a line. Case text is plain text: table items and plain labels."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casefile.core.labels import plural, singular
from casefile.ui.date_cells import short_date
from casefile.ui.panels import read_only_table
from casefile.ui.text import plain_label, plain_tooltip

DATE_WIDTH = 96  # pixels
ROWS_TALL = 7  # the table is at most this many rows tall (it scrolls past them)
NOTHING = "No sanction, relationship, event or shipment touches this party yet."


class PartyConnectionsPanel(QWidget):
    """Emits ``open_requested(kind, id)`` for the record chosen, ``all_requested`` for the
    party's whole profile."""

    open_requested = Signal(str, int)
    all_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []
        self.table = read_only_table(["Kind", "Date", "Record"], 10_000)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(1, DATE_WIDTH)  # a long date is cut short, not the record
        self.table.setWordWrap(False)  # a row a line; the whole text in its tooltip
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.cellDoubleClicked.connect(lambda r, _c: self.open_row(r))
        self.table.installEventFilter(self)  # Enter opens the row, as a double-click does
        self.more = QPushButton("All about this party…")
        self.more.setToolTip("Every shipment, event, relationship, sanction and source of "
                             "this party in one place (Ctrl+Shift+A)")
        self.more.clicked.connect(self.all_requested.emit)
        self.title = "Sanctions, relationships, events and shipments"
        self.heading = plain_label(self.title)
        self.heading.setStyleSheet("font-weight: bold;")
        self.summary = plain_label(wrap=True)
        self.summary.setStyleSheet("color: #555;")
        buttons = QHBoxLayout()
        buttons.addWidget(self.more)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 4, 0, 6)
        for w in (self.heading, self.summary, self.table):
            lay.addWidget(w)
        lay.addLayout(buttons)

    def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802
        if watched is self.table and isinstance(event, QKeyEvent) \
                and event.type() == QKeyEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_row(self.table.currentRow())
            return True
        return super().eventFilter(watched, event)

    def set_connections(self, rows: list[dict[str, Any]], totals: dict[str, int]) -> None:
        """Show ``rows`` (kind, id, date, text) of ``totals`` (how many of each kind)."""
        self._rows = rows
        self.table.setRowCount(len(rows))
        for r, it in enumerate(rows):
            cells = [QTableWidgetItem(singular(it["kind"])),
                     QTableWidgetItem(short_date(it["date"])),  # 'Nov–Dec 2022', as the table
                     QTableWidgetItem(it["text"])]
            cells[1].setToolTip(plain_tooltip(it["date"]))
            cells[2].setToolTip(plain_tooltip(it["text"]))  # the whole line, literally
            for col, item in enumerate(cells):
                self.table.setItem(r, col, item)
        height = self.table.horizontalHeader().height() + 2 * self.table.frameWidth() + sum(
            self.table.rowHeight(r) for r in range(min(len(rows), ROWS_TALL)))
        self.table.setFixedHeight(height)
        self.table.setVisible(bool(rows))
        total = sum(totals.values())
        self.heading.setText(f"{self.title} ({total:,})" if total else self.title)
        self.summary.setText(summary(totals, rows) if total else NOTHING)

    def open_row(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.open_requested.emit(self._rows[row]["kind"], self._rows[row]["id"])

    def texts(self) -> list[str]:
        """What the table lists, a row each (for tests and tools)."""
        return [it["text"] for it in self._rows]


def summary(totals: dict[str, int], rows: list[dict[str, Any]]) -> str:
    """'1 sanction · 2 relationships · 31 shipments (the first 20 listed)'."""
    shown = {k: sum(1 for it in rows if it["kind"] == k) for k in totals}
    parts = []
    for kind, n in totals.items():
        if not n:
            continue
        words = f"{n:,} {singular(kind).lower() if n == 1 else plural(kind).lower()}"
        if shown[kind] < n:
            words += f" (the first {shown[kind]:,} listed)"
        parts.append(words)
    return " · ".join(parts)
