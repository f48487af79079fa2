"""File → New Case: the title, reference and handling marking of the new case, and where its
file goes (the documents folder, named after the title, unless the user chooses). A case
without a TLP marking stays possible, and the dialog says what that means."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from casefile.core.grading import TLP
from casefile.paths import documents_dir
from casefile.ui.text import plain_label

DEFAULT_MARKING = "AMBER"
NO_MARKING_SAID = ("No TLP marking: every page of the dossier and the window's banner will "
                   "say NO MARKING, and nothing tells a reader who may see it.")
FILE_FILTER = "Casefile cases (*.casefile);;All files (*)"


def marking_choices(box: QComboBox) -> None:
    """The TLP 2.0 labels with their meaning, then 'no marking' (said as such)."""
    for key, tlp in TLP.items():
        box.addItem(f"{tlp.label} — {tlp.meaning}", key)
    box.addItem("NO MARKING — not marked for sharing", None)


def file_name_for(title: str) -> str:
    """A file name from a case title: letters, digits, spaces and dashes kept."""
    stem = re.sub(r"[^\w\- ]+", "", title, flags=re.UNICODE).strip()
    return (re.sub(r"\s+", " ", stem)[:80] or "Untitled") + ".casefile"


class NewCaseDialog(QDialog):
    """Ask what a new case is called, how it is marked and where it is kept."""

    def __init__(self, parent: QWidget | None = None, folder: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New case")
        self.folder = folder or documents_dir()
        self._path_chosen = False
        self.title = QLineEdit()
        self.title.setPlaceholderText("e.g. Dual-use exports to Russia, 2022")
        self.reference = QLineEdit()
        self.reference.setPlaceholderText("your desk's reference (optional)")
        self.marking = QComboBox()
        marking_choices(self.marking)
        self.marking.setCurrentIndex(self.marking.findData(DEFAULT_MARKING))
        self.marking_note = plain_label(wrap=True)
        self.marking_note.setStyleSheet("color: #555;")
        self.path = QLineEdit()
        self.browse = QPushButton("Choose…")
        self.browse.clicked.connect(self._choose)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(self.browse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.problem = plain_label(wrap=True)
        self.problem.setStyleSheet("color: #B00020;")
        self.problem.hide()
        form = QFormLayout(self)
        form.addRow("Title", self.title)
        form.addRow("Reference", self.reference)
        form.addRow("Marking (TLP)", self.marking)
        form.addRow("", self.marking_note)
        form.addRow("File", where)
        form.addRow(self.problem)
        form.addRow(self.buttons)
        self.title.textChanged.connect(self._title_changed)
        for field in (self.title, self.path):
            field.textChanged.connect(lambda _t: self.problem.hide())
        self.path.textEdited.connect(lambda _t: setattr(self, "_path_chosen", True))
        self.marking.currentIndexChanged.connect(lambda _i: self._say_marking())
        self._title_changed("")
        self._say_marking()
        self.resize(600, 260)

    def _title_changed(self, title: str) -> None:
        if not self._path_chosen:
            self.path.setText(str(self.folder / file_name_for(title)))

    def _say_marking(self) -> None:
        key = self.marking.currentData()
        self.marking_note.setText(NO_MARKING_SAID if key is None else
                                  f"Shown on the banner and on every dossier page as "
                                  f"{TLP[key].label}.")

    def _choose(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "New case file", self.path.text(),
                                              FILE_FILTER)
        if name:
            self.path.setText(name)
            self._path_chosen = True

    def target(self) -> Path:
        name = self.path.text().strip()
        return Path(name if name.endswith(".casefile") else name + ".casefile").expanduser()

    def accept(self) -> None:
        """Refuse (saying why) a missing title or file name, or a file already there."""
        problem = ""
        if not self.title.text().strip():
            problem = "Give the case a title."
        elif not self.path.text().strip():
            problem = "Say where the case file goes."
        elif self.target().exists():
            problem = f"{self.target()} already exists; choose another name."
        elif not self.target().parent.is_dir():
            problem = f"The folder {self.target().parent} does not exist."
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        if not problem:
            super().accept()

    def values(self) -> dict[str, Any]:
        """The new case's details, as :meth:`Case.new` takes them."""
        return {"title": self.title.text().strip(), "reference": self.reference.text().strip(),
                "marking": self.marking.currentData()}
