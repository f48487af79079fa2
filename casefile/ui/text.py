"""Case text is always plain text on screen: helpers that make sure Qt never reads it as rich
text (HTML) — in labels, tooltips and message boxes."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def plain_label(text: str = "", parent: QWidget | None = None, wrap: bool = False) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` literally (tooltips otherwise guess at rich text)."""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"


def message(parent: QWidget | None, title: str, text: str, detail: str = "",
            icon: QMessageBox.Icon = QMessageBox.Icon.Warning) -> QMessageBox:
    """A message box whose text is plain text (file names and case text may contain '<')."""
    box = QMessageBox(icon, title, "", QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(f"{text}\n\n{detail}" if detail else text)
    return box
