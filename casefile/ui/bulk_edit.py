"""Edit several records at once: tags to add and to remove, a country, a grade (a source's
reliability, a finding's confidence). Blank means "leave as it is"; the edit is one
operation and one undo step (:meth:`casefile.services.case.facade.Case.edit_many`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from casefile.core.countries import CountryError, country_code
from casefile.core.grading import CONFIDENCE, RELIABILITY
from casefile.core.labels import field_words, plural, singular
from casefile.store import schema
from casefile.ui.text import plain_label

# the grade column of a kind, and its choices
GRADES: dict[str, tuple[str, dict[str, str]]] = {
    "source": ("reliability", RELIABILITY), "finding": ("confidence", CONFIDENCE)}
LEAVE = "(leave as it is)"


def can_bulk_edit(kind: str) -> bool:
    return kind in schema.TAGGED_KINDS or bool(schema.country_columns(kind)) or kind in GRADES


def _split(text: str) -> list[str]:
    return [t.strip() for t in text.split(",") if t.strip()]


class BulkEditDialog(QDialog):
    """What to change in ``count`` records of ``kind``."""

    def __init__(self, kind: str, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        what = plural(kind).lower() if count != 1 else singular(kind).lower()
        self.setWindowTitle(f"Edit {count:,} {what}")
        form = QFormLayout(self)
        form.addRow(plain_label(f"The same change to each of the {count:,} {what} selected, "
                                "as one step (Edit → Undo takes it back). Blank fields are "
                                "left as they are.", wrap=True))
        self.add_tags = QLineEdit()
        self.remove_tags = QLineEdit()
        if kind in schema.TAGGED_KINDS:
            self.add_tags.setPlaceholderText("e.g. sanctioned, dual-use")
            self.remove_tags.setPlaceholderText("tags to take off")
            form.addRow("Add tags", self.add_tags)
            form.addRow("Remove tags", self.remove_tags)
        self.countries: dict[str, QLineEdit] = {}
        for col in schema.country_columns(kind):
            field = self.countries[col] = QLineEdit()
            field.setPlaceholderText("country name or ISO code")
            form.addRow(field_words(col).capitalize(), field)
        self.grade = QComboBox()
        if kind in GRADES:
            column, scale = GRADES[kind]
            self.grade.addItem(LEAVE, None)
            for key, words in scale.items():
                self.grade.addItem(f"{key} – {words}" if len(key) == 1 else words, key)
            form.addRow(field_words(column).capitalize(), self.grade)
        self.problem = plain_label(wrap=True)
        self.problem.setStyleSheet("color: #B00020;")
        self.problem.hide()
        form.addRow(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(460, 200)

    def accept(self) -> None:
        """Refuse a country not understood, or nothing to change, saying so here."""
        problem = ""
        for col, field in self.countries.items():
            text = field.text().strip()
            if text:
                try:
                    country_code(text)
                except CountryError as exc:
                    problem = f"{field_words(col).capitalize()}: {exc}"
        values, add, remove = self.change()
        if not problem and not (values or add or remove):
            problem = "Nothing to change: fill in what the records should get."
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        if not problem:
            super().accept()

    def change(self) -> tuple[dict[str, Any], list[str], list[str]]:
        """(columns to set, tags to add, tags to remove)."""
        values: dict[str, Any] = {col: f.text().strip() for col, f in self.countries.items()
                                  if f.text().strip()}
        if self.kind in GRADES and self.grade.currentData() is not None:
            values[GRADES[self.kind][0]] = self.grade.currentData()
        return values, _split(self.add_tags.text()), _split(self.remove_tags.text())
