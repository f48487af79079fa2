"""The table of a section's records: whole rows selected, sortable, read-only in place;
Ctrl+Home and Ctrl+End select the row they go to, as Home and End do, so the row the editor
shows is the row the timeline and the chart mark."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

# keys that go to the first or last row: with Ctrl they moved the current row (the editor
# followed it) and left the selection behind (the timeline and chart marked it) — look27:
# Ctrl+End. Ctrl with an arrow still moves alone, for Ctrl+Space to add rows (review30).
_ENDS = {Qt.Key.Key_Home, Qt.Key.Key_End}
_KEYPAD = Qt.KeyboardModifier.KeypadModifier  # X11 marks the keypad's Home and End


class RecordTable(QTableView):
    ROW_PX = 22

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSortingEnabled(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setDefaultSectionSize(self.ROW_PX)
        self.verticalHeader().setVisible(False)

    def selectionCommand(self, index: QModelIndex | QPersistentModelIndex,  # noqa: N802
                         event: QEvent | None = None) -> QItemSelectionModel.SelectionFlag:
        if isinstance(event, QKeyEvent) and event.key() in _ENDS and \
                event.modifiers() & ~_KEYPAD == Qt.KeyboardModifier.ControlModifier:
            return (QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)
        return super().selectionCommand(index, event)
