"""The shape shared by the editor's panels (citations, attachments, child rows): a bold title,
a table, and a row of buttons."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from casefile.ui.text import plain_label


def read_only_table(headers: list[str], max_height: int) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setMaximumHeight(max_height)
    return table


def titled_panel(owner: QWidget, title: str, table: QWidget,
                 buttons: list[QPushButton]) -> None:
    """Lay ``owner`` out as title, table and buttons."""
    row = QHBoxLayout()
    for b in buttons:
        row.addWidget(b)
    row.addStretch(1)
    lay = QVBoxLayout(owner)
    lay.setContentsMargins(0, 6, 0, 0)
    label = plain_label(title)
    label.setStyleSheet("font-weight: bold;")
    lay.addWidget(label)
    lay.addWidget(table)
    lay.addLayout(row)
