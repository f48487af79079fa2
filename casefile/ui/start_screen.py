"""What the window shows with no case open: New, Open, Open recent, Open the demo case."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casefile.ui.text import plain_label

NO_RECENT = ("No recent cases yet. Start with New case… (a title, a reference and a TLP "
             "marking are all it needs), open a .casefile someone gave you, or look around "
             "the demo case first: it holds a real investigation, with every fact sourced.")


class StartScreen(QWidget):
    new_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    recent_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = plain_label("Casefile")
        title.setStyleSheet("font-size: 28px; font-weight: bold;")
        sub = plain_label("Case files for investigators: parties, shipments, sources — on a "
                          "timeline and in a sourced dossier.")
        sub.setStyleSheet("color: #555;")
        self.new_button = QPushButton("New case…")
        self.open_button = QPushButton("Open case…")
        self.demo_button = QPushButton("Open the demo case")
        self.new_button.clicked.connect(self.new_requested.emit)
        self.open_button.clicked.connect(self.open_requested.emit)
        self.demo_button.clicked.connect(self.demo_requested.emit)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.open_button, self.demo_button):
            b.setMinimumHeight(34)
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.recent = QListWidget()
        self.recent.itemActivated.connect(
            lambda item: self.recent_requested.emit(item.data(Qt.ItemDataRole.UserRole)))
        box = QVBoxLayout()
        box.addWidget(title)
        box.addWidget(sub)
        box.addSpacing(16)
        box.addLayout(buttons)
        box.addSpacing(16)
        box.addWidget(plain_label("Open recent"))
        box.addWidget(self.recent)
        self.no_recent = plain_label(NO_RECENT, wrap=True)
        self.no_recent.setStyleSheet("color: #555; padding: 12px; border: 1px dashed #bbb;")
        box.addWidget(self.no_recent)
        box.addStretch(1)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        inner = QWidget()
        inner.setLayout(box)
        inner.setMaximumWidth(720)
        outer.addWidget(inner, 4)
        outer.addStretch(1)

    def set_recent(self, paths: list[str]) -> None:
        self.recent.clear()
        for p in paths:
            item = QListWidgetItem(f"{Path(p).name}    —    {Path(p).parent}")
            item.setData(Qt.ItemDataRole.UserRole, p)
            self.recent.addItem(item)
        self.recent.setVisible(bool(paths))
        self.no_recent.setVisible(not paths)
