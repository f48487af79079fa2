"""The case's own details: title, reference, summary, marking (TLP 2.0), author."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from casefile.core.grading import TLP


class CaseDetailsDialog(QDialog):
    def __init__(self, info: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Case details")
        self.title = QLineEdit(info.get("title", ""))
        self.reference = QLineEdit(info.get("reference", ""))
        self.summary = QPlainTextEdit(info.get("summary", ""))
        self.marking = QComboBox()
        self.marking.addItem("(no TLP marking)", None)
        for key, tlp in TLP.items():
            self.marking.addItem(f"{tlp.label} — {tlp.meaning}", key)
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

    def values(self) -> dict[str, Any]:
        return {"title": self.title.text().strip() or "Untitled case",
                "reference": self.reference.text().strip(),
                "summary": self.summary.toPlainText().strip(),
                "marking": self.marking.currentData(),
                "classification": self.classification.text().strip(),
                "author": self.author.text().strip(),
                "organisation": self.organisation.text().strip()}
