"""The Citations panel of every fact's editor: which sources back it, with the excerpt, the
locator and the Admiralty code (source reliability + information credibility, e.g. "B2")."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casefile.core.grading import CREDIBILITY, RELIABILITY
from casefile.ui.panels import read_only_table, titled_panel
from casefile.ui.text import plain_label, plain_tooltip

NO_CITATIONS = ("No source cited yet. A fact the dossier cannot source is a claim: press "
                "Cite source… to point it at the article, record or document it rests on.")
NO_CITATIONS_READ_ONLY = "No source cited for this fact."


class CitationsPanel(QWidget):
    cite_requested = Signal()
    edit_requested = Signal(dict)  # the citation row
    remove_requested = Signal(int)  # citation id
    open_source_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []
        self.table = read_only_table(["Code", "Source", "Excerpt", "Locator"], 170)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.table.cellDoubleClicked.connect(lambda r, _c: self._edit(r))
        self.cite_button = QPushButton("Cite source…")
        self.edit_button = QPushButton("Edit…")
        self.remove_button = QPushButton("Remove")
        self.open_button = QPushButton("Go to source")
        self.cite_button.clicked.connect(self.cite_requested.emit)
        self.edit_button.clicked.connect(lambda: self._edit(self.table.currentRow()))
        self.remove_button.clicked.connect(self._remove)
        self.open_button.clicked.connect(self._open)
        titled_panel(self, "Citations", self.table, [self.cite_button, self.edit_button,
                                                     self.remove_button, self.open_button])
        self.empty = plain_label(NO_CITATIONS, wrap=True)
        self.empty.setStyleSheet("color: #8a5a00; padding: 4px 0;")
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(2, self.empty)
        self.empty.hide()
        self.readonly = False

    def set_readonly(self, readonly: bool) -> None:
        """Citations can be read and followed to their source, not added, edited or
        removed."""
        self.readonly = readonly
        for b in (self.cite_button, self.edit_button, self.remove_button):
            b.setEnabled(not readonly)
        self.empty.setText(NO_CITATIONS_READ_ONLY if readonly else NO_CITATIONS)

    def set_citations(self, rows: list[dict[str, Any]]) -> None:
        self._rows = rows
        self.table.setVisible(bool(rows))
        self.empty.setText(NO_CITATIONS_READ_ONLY if self.readonly else NO_CITATIONS)
        self.empty.setVisible(not rows)
        for b in (self.edit_button, self.remove_button, self.open_button):
            b.setVisible(bool(rows))
        self.table.setRowCount(len(rows))
        for r, c in enumerate(rows):
            code = QTableWidgetItem(c["code"])
            code.setToolTip(plain_tooltip(
                f"Source: {RELIABILITY.get(c['reliability'], '?')} ({c['reliability']})\n"
                f"Information: {CREDIBILITY.get(c['credibility'], '?')} ({c['credibility']})"))
            title = c["title"] + ("  [protected]" if c.get("protected") else "")
            cells = [code, QTableWidgetItem(title), QTableWidgetItem(c["excerpt"]),
                     QTableWidgetItem(c["locator"])]
            cells[2].setToolTip(plain_tooltip(c["excerpt"]))
            for col, item in enumerate(cells):
                self.table.setItem(r, col, item)

    def _edit(self, row: int) -> None:
        if 0 <= row < len(self._rows) and not self.readonly:
            self.edit_requested.emit(self._rows[row])

    def _remove(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self._rows):
            self.remove_requested.emit(self._rows[row]["id"])

    def _open(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self._rows):
            self.open_source_requested.emit(self._rows[row]["source_id"])
