"""The import dialogs' "Text encoding" choice: guessed from the file's bytes unless the user
names one (look18: a short file in KOI8-R or Big5 was read in another encoding, its names
garbled, and nothing in the window said which encoding it was read in or let it be changed).
The report of a check says the encoding used (ImportReport.encoding_line)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from casefile.services.exchange.imports.encodings import ENCODINGS
from casefile.ui.text import plain_label

GUESS = "guess from the file"
CHOOSE = "choose the right one under Text encoding"  # how the report says to change it


class EncodingChoice(QWidget):
    """'Text encoding: [guess from the file ▾]'; ``changed`` when another is chosen."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.addItem(GUESS, None)
        for codec, label in ENCODINGS:
            self.combo.addItem(label, codec)
        self.combo.setToolTip("The encoding of the file's text. Guessed from its bytes if not "
                              "set — a short file with few non-Latin names can be guessed "
                              "wrong: if names look garbled in the check, choose another")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(plain_label("Text encoding:"))
        row.addWidget(self.combo, 1)
        self.combo.currentIndexChanged.connect(lambda _i: self.changed.emit())

    def codec(self) -> str | None:
        """The encoding chosen (None: guess it)."""
        data = self.combo.currentData()
        return str(data) if data else None
