"""A small editable table of child rows (aliases, identifiers, route stops, parties) with
add / remove / move buttons. Every change hands the whole list back to be saved as one
operation. When the saved rows come back as they were typed, the table is left alone (only
the new rows' ids are noted): the cell being edited stays open and Tab goes on to the next."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from casefile.ui.cell_delegates import dress_child_table
from casefile.ui.fields import ChildSpec
from casefile.ui.panels import titled_panel

ID_ROLE = 0x0100 + 7


class ChildTable(QWidget):
    changed = Signal(str, list)  # child kind, rows

    def __init__(self, spec: ChildSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self._filling = False
        self.table = QTableWidget(0, len(spec.columns))
        self.table.setHorizontalHeaderLabels([h for _k, h in spec.columns])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMaximumHeight(130)
        self.table.itemChanged.connect(self._edited)
        dress_child_table(self.table, spec.kind, [k for k, _h in spec.columns])
        self.add_button = QPushButton("Add")
        self.remove_button = QPushButton("Remove")
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = [self.add_button, self.remove_button]
        if spec.ordered:
            up, down = QPushButton("Move up"), QPushButton("Move down")
            up.clicked.connect(lambda: self.move_selected(-1))
            down.clicked.connect(lambda: self.move_selected(1))
            buttons += [up, down]
        self.buttons = buttons
        self._triggers = self.table.editTriggers()
        titled_panel(self, spec.title, self.table, buttons)

    def finish_editing(self) -> bool:
        """Put the text of a cell being edited into the table without saving it (the
        caller saves); True when a cell was being edited."""
        if self.table.state() != QAbstractItemView.State.EditingState:
            return False
        self._filling = True
        try:  # leaving the cell commits what its editor holds
            self.table.setCurrentIndex(QModelIndex())
        finally:
            self._filling = False
        return True

    def set_readonly(self, readonly: bool) -> None:
        """Rows can be read and selected, not typed into, added, removed or moved."""
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers if readonly
                                   else self._triggers)
        for b in self.buttons:
            b.setEnabled(not readonly)

    def set_rows(self, rows: list[dict[str, Any]], names: dict[int, str],
                 same_record: bool = False) -> None:
        """Show ``rows``. For the record already shown (a reload after a save) the rows
        typed so far are updated where they stand — ids noted, values as stored ('Turkey'
        comes back as 'TR') — so the cell being edited stays open."""
        shown = []
        for row in rows:
            values = dict(row)
            if "entity_id" in values and any(k == "entity" for k, _ in self.spec.columns):
                values["entity"] = names.get(values["entity_id"], "")
            shown.append(values)
        if same_record and self._update_in_place(shown):
            return
        current = (self.table.currentRow(), self.table.currentColumn())
        self._filling = True
        self.table.setRowCount(0)
        for values in shown:
            self._append(values)
        self._filling = False
        if same_record and 0 <= current[0] < self.table.rowCount():
            self.table.setCurrentCell(*current)

    def _update_in_place(self, rows: list[dict[str, Any]]) -> bool:
        """When the table has as many complete rows as ``rows``, give them the rows' ids
        and stored values and say True (a half-typed row stays as it is)."""
        complete = [r for r in range(self.table.rowCount())
                    if (self.table.item(r, 0) or QTableWidgetItem()).text().strip()]
        if len(complete) != len(rows):
            return False
        self._filling = True
        try:
            for r, values in zip(complete, rows, strict=True):
                for c, (key, _h) in enumerate(self.spec.columns):
                    item = self.table.item(r, c)
                    text = "" if values.get(key) is None else str(values[key])
                    if item is None:
                        self.table.setItem(r, c, QTableWidgetItem(text))
                    elif item.text() != text:
                        item.setText(text)
                first = self.table.item(r, 0)
                if first is not None:
                    first.setData(ID_ROLE, values.get("id"))
        finally:
            self._filling = False
        return True

    def _append(self, values: dict[str, Any]) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        for c, (key, _h) in enumerate(self.spec.columns):
            v = values.get(key)
            item = QTableWidgetItem("" if v is None else str(v))
            if c == 0:
                item.setData(ID_ROLE, values.get("id"))
            self.table.setItem(r, c, item)

    def rows(self) -> list[dict[str, Any]]:
        out = []
        for r in range(self.table.rowCount()):
            row: dict[str, Any] = {}
            for c, (key, _h) in enumerate(self.spec.columns):
                item = self.table.item(r, c)
                row[key] = item.text().strip() if item else ""
            first = self.table.item(r, 0)
            if first is not None and first.data(ID_ROLE) is not None:
                row["id"] = first.data(ID_ROLE)
            out.append(row)
        return out

    def complete_rows(self) -> list[dict[str, Any]]:
        """Rows with their first column filled (a half-typed new row is not saved yet)."""
        first = self.spec.columns[0][0]
        return [r for r in self.rows() if r.get(first)]

    def _edited(self, _item: QTableWidgetItem) -> None:
        if not self._filling:
            self.changed.emit(self.spec.kind, self.complete_rows())

    def add_row(self) -> None:
        self._filling = True
        self._append({})
        self._filling = False
        r = self.table.rowCount() - 1
        self.table.setCurrentCell(r, 0)
        item = self.table.item(r, 0)
        if item is not None:
            self.table.editItem(item)

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        if not rows:
            return
        self._filling = True
        for r in rows:
            self.table.removeRow(r)
        self._filling = False
        self.changed.emit(self.spec.kind, self.complete_rows())

    def move_selected(self, step: int) -> None:
        r = self.table.currentRow()
        target = r + step
        if r < 0 or not (0 <= target < self.table.rowCount()):
            return
        rows = self.rows()
        rows[r], rows[target] = rows[target], rows[r]
        self._filling = True
        self.table.setRowCount(0)
        for row in rows:
            self._append(row)
        self._filling = False
        self.table.setCurrentCell(target, 0)
        self.changed.emit(self.spec.kind, self.complete_rows())
