"""The column mapping of a trade-data import: one combo box per shipment field, guessed from
the file's column names, correctable by hand, and saved or reapplied by name."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casefile.services.exchange.imports.mapping import (
    TARGETS,
    guess_mapping,
    load_mapping,
    save_mapping,
    saved_mappings,
)
from casefile.ui.text import plain_label


class MappingPanel(QWidget):
    said = Signal(str)  # what happened, for the dialog's report

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header: list[str] = []
        self.columns: dict[str, QComboBox] = {}
        form = QFormLayout()
        for key, title in TARGETS.items():
            box = QComboBox()
            box.addItem("(not in the file)", None)
            self.columns[key] = box
            form.addRow(title, box)
        self.saved = QComboBox()
        self.saved.setToolTip("Apply a column mapping saved earlier")
        self.saved.activated.connect(self._apply_saved)
        self.save_button = QPushButton("Save mapping…")
        self.save_button.clicked.connect(self._save)
        saved_row = QHBoxLayout()
        saved_row.addWidget(plain_label("Saved mapping:"))
        saved_row.addWidget(self.saved, 1)
        saved_row.addWidget(self.save_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(plain_label("Columns (guessed from their names; correct them here)"))
        lay.addLayout(form)
        lay.addLayout(saved_row)
        lay.addStretch(1)
        self._fill_saved()

    def set_header(self, header: list[str]) -> None:
        """A new file: its columns in every box, and the guess selected."""
        self.header = header
        for box in self.columns.values():
            box.clear()
            box.addItem("(not in the file)", None)
            for col in header:
                box.addItem(col, col)
        self.set_mapping(guess_mapping(header))
        self.saved.setCurrentIndex(0)

    def enable(self, ready: bool) -> None:
        self.save_button.setEnabled(ready)
        self.saved.setEnabled(ready and self.saved.count() > 1)

    def mapping(self) -> dict[str, str]:
        return {k: b.currentData() for k, b in self.columns.items() if b.currentData()}

    def set_mapping(self, mapping: dict[str, str]) -> list[str]:
        """Select the mapped columns; return the mapped columns this file lacks."""
        missing = []
        for key, box in self.columns.items():
            col = mapping.get(key)
            i = box.findData(col) if col else 0
            if col and i < 0:
                missing.append(col)
            box.setCurrentIndex(max(0, i))
        return missing

    def _fill_saved(self, current: str | None = None) -> None:
        self.saved.clear()
        self.saved.addItem("(guessed from the column names)", None)
        for name in saved_mappings():
            self.saved.addItem(name, name)
        if current:
            self.saved.setCurrentIndex(max(0, self.saved.findData(current)))

    def _apply_saved(self) -> None:
        name = self.saved.currentData()
        try:
            mapping = load_mapping(name) if name else guess_mapping(self.header)
        except (ValueError, OSError) as exc:
            self.said.emit(f"The saved mapping cannot be used: {exc}")
            return
        missing = self.set_mapping(mapping)
        self.said.emit(f"Mapping “{name}” applied." + (
            f" Not in this file: {', '.join(missing)}." if missing else "") if name else
            "Columns guessed from their names.")

    def _save(self) -> None:
        name, ok = QInputDialog.getText(self, "Save mapping", "Name for this column mapping:",
                                        text=self.saved.currentData() or "")
        if not ok or not name.strip():
            return
        try:
            save_mapping(name.strip(), self.mapping())
        except (ValueError, OSError) as exc:
            QMessageBox.warning(self, "Save mapping", str(exc))
            return
        self._fill_saved(name.strip())
        self.enable(True)
        self.said.emit(f"Mapping saved as “{name.strip()}”; choose it under Saved mapping the "
                       "next time a file like this comes in.")
