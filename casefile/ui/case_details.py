"""The case's own details: title, reference, summary, marking (TLP 2.0), author. Making the
marking stricter while the classification line stays as it was asks to review the line (the
demo's "Open-source material…" under TLP:RED would mislead every reader)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from casefile.core.grading import TLP, tlp_rank
from casefile.ui.new_case_dialog import marking_choices
from casefile.ui.text import message


class CaseDetailsDialog(QDialog):
    def __init__(self, info: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Case details")
        self.title = QLineEdit(info.get("title", ""))
        self.reference = QLineEdit(info.get("reference", ""))
        self.summary = QPlainTextEdit(info.get("summary", ""))
        self._info = info
        self.review: QMessageBox | None = None  # the question about the line, while asked
        self.marking = QComboBox()
        marking_choices(self.marking)
        self.marking.setCurrentIndex(max(0, self.marking.findData(info.get("marking"))))
        self.classification = QLineEdit(info.get("classification", ""))
        self.classification.setPlaceholderText("free classification line, e.g. OFFICIAL-SENSITIVE")
        self.author = QLineEdit(info.get("author", ""))
        self.organisation = QLineEdit(info.get("organisation", ""))
        form = QFormLayout(self)
        form.addRow("Title", self.title)
        form.addRow("Reference", self.reference)
        form.addRow("Summary", self.summary)
        form.addRow("Marking", self.marking)
        form.addRow("Classification line", self.classification)
        form.addRow("Author", self.author)
        form.addRow("Organisation", self.organisation)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(560, 420)

    def needs_review(self) -> bool:
        """The marking became stricter and the classification line was left as it was."""
        line = self.classification.text().strip()
        return bool(line) and line == (self._info.get("classification") or "").strip() and \
            tlp_rank(self.marking.currentData()) > tlp_rank(self._info.get("marking"))

    def accept(self) -> None:
        if not self.needs_review():
            super().accept()
            return
        tlp = TLP[self.marking.currentData()]
        box = self.review = message(
            self, "Review the classification line",
            f"The marking is now {tlp.label}, but the classification line printed beside it "
            f"still reads:\n\n“{self.classification.text().strip()}”\n\nIt was written for "
            "the earlier marking. Review it before the case is shared?",
            icon=QMessageBox.Icon.Question)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText("Review the line")
        box.button(QMessageBox.StandardButton.No).setText("Keep it as it is")
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.finished.connect(self._reviewed)
        box.open()

    def _reviewed(self, answer: int) -> None:
        self.review = None
        if answer == QMessageBox.StandardButton.No:
            super().accept()
            return
        self.classification.setFocus()
        self.classification.selectAll()

    def values(self) -> dict[str, Any]:
        return {"title": self.title.text().strip() or "Untitled case",
                "reference": self.reference.text().strip(),
                "summary": self.summary.toPlainText().strip(),
                "marking": self.marking.currentData(),
                "classification": self.classification.text().strip(),
                "author": self.author.text().strip(),
                "organisation": self.organisation.text().strip()}
