"""The column mapping of a trade-data import: one combo box per shipment field, guessed from
the file's column names against the layouts Casefile knows (and saying which layout it took),
correctable by hand; a field no column feeds can take a typed fixed value ("RU" for the
destination of a Russian import declaration). The essential fields nothing feeds are named
in a warning. Mappings are saved and reapplied by name, fixed values with them."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from casefile.services.exchange.imports.fields import ESSENTIAL, TARGETS
from casefile.services.exchange.imports.layouts import Layout
from casefile.services.exchange.imports.mapping import (
    PARTIES_OR_GOODS,
    ColumnMapping,
    as_mapping,
    guess_mapping,
    load_mapping,
    save_mapping,
    saved_mappings,
)
from casefile.ui.text import plain_label, plain_tooltip

NOT_IN_FILE = "(not in the file)"
WARNING_STYLE = "color: #a15c00; font-weight: bold;"


class MappingPanel(QWidget):
    said = Signal(str)  # what happened, for the dialog's report

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header: list[str] = []
        self.layout_found: Layout | None = None
        self.columns: dict[str, QComboBox] = {}
        self.fixed: dict[str, QLineEdit] = {}
        fields = QWidget()
        form = QFormLayout(fields)
        form.setContentsMargins(0, 0, 0, 0)
        for key, title in TARGETS.items():
            box = QComboBox()
            box.addItem(NOT_IN_FILE, None)
            edit = QLineEdit()
            edit.setPlaceholderText("or a fixed value")
            edit.setToolTip(f"A value for every shipment, when no column holds the "
                            f"{title.lower()}")
            box.currentIndexChanged.connect(lambda _i, k=key: self._column_chosen(k))
            edit.textChanged.connect(self._warn)
            self.columns[key] = box
            self.fixed[key] = edit
            row = QHBoxLayout()
            row.addWidget(box, 3)
            row.addWidget(edit, 2)
            form.addRow(title, row)
        scroll = QScrollArea()  # the fields scroll; the warning below them stays in sight
        scroll.setWidget(fields)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.recognised = plain_label(wrap=True)
        self.warning = plain_label(wrap=True)
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.hide()
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
        lay.addWidget(plain_label("Columns (guessed from their names; correct them here, or "
                                  "type a fixed value for a field no column holds)", wrap=True))
        lay.addWidget(self.recognised)
        lay.addWidget(scroll, 1)
        lay.addWidget(self.warning)
        lay.addLayout(saved_row)
        self._fill_saved()

    def set_header(self, header: list[str]) -> None:
        """A new file: its columns in every box, and the guess selected."""
        self.header = header
        for box in self.columns.values():
            box.blockSignals(True)
            box.clear()
            box.addItem(NOT_IN_FILE, None)
            for col in header:
                box.addItem(col, col)
            box.blockSignals(False)
        guess = guess_mapping(header)
        self.layout_found = guess.layout
        self._show_layout(guess.layout)
        self.set_mapping(guess)
        self.saved.setCurrentIndex(0)

    def enable(self, ready: bool) -> None:
        self.save_button.setEnabled(ready)
        self.saved.setEnabled(ready and self.saved.count() > 1)

    def mapping(self) -> ColumnMapping:
        """The columns chosen, and the fixed values typed for fields without one."""
        columns = {k: b.currentData() for k, b in self.columns.items() if b.currentData()}
        constants = {k: e.text().strip() for k, e in self.fixed.items()
                     if k not in columns and e.text().strip()}
        return ColumnMapping(columns, constants, self.layout_found)

    def set_mapping(self, mapping: ColumnMapping | dict[str, str]) -> list[str]:
        """Select the mapped columns and type the fixed values; return the mapped columns
        this file lacks."""
        mapping = as_mapping(mapping)
        missing = []
        for key, box in self.columns.items():
            col = mapping.columns.get(key)
            i = box.findData(col) if col else 0
            if col and i < 0:
                missing.append(col)
            self.fixed[key].setText(mapping.constants.get(key, ""))
            box.setCurrentIndex(max(0, i))
            self._column_chosen(key)
        return missing

    def missing(self) -> list[str]:
        """The essential fields (short names) that neither a column nor a value feeds."""
        return [ESSENTIAL[f] for f in self.mapping().missing()]

    def _column_chosen(self, key: str) -> None:
        self.fixed[key].setEnabled(self.columns[key].currentData() is None)
        self._warn()

    def _warn(self) -> None:
        missing = self.missing() if self.header else []
        self.warning.setVisible(bool(missing))
        fed = self.mapping()
        parties_or_goods = set(fed.columns) | {k for k, v in fed.constants.items() if v}
        if not missing:
            text = ""
        elif not parties_or_goods & set(PARTIES_OR_GOODS):
            text = (f"Not in the file: {', '.join(missing)}. Choose the column that holds "
                    "the shipper, the consignee or the goods: without one of them the file "
                    "cannot be imported.")
        else:
            text = (f"Not in the file: {', '.join(missing)}. Choose a column or type a fixed "
                    "value; otherwise the shipments are stored without them, and Import "
                    "asks first.")
        self.warning.setText(text)

    def _show_layout(self, layout: Layout | None) -> None:
        if layout is None:
            self.recognised.setText("")
            return
        what = ("trade statistics, not shipments: such a file cannot be imported"
                if layout.kind == "statistics" else "")
        self.recognised.setText(f"Recognised as: {layout.name}" + (f" — {what}" if what else ""))
        self.recognised.setToolTip(plain_tooltip(f"{layout.description}\n\nColumn names "
                                                 f"from: {layout.source}"))

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
