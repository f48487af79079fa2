"""Case text is always plain text on screen: helpers that make sure Qt never reads it as rich
text (HTML) — in labels, tooltips and message boxes."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def plain_label(text: str = "", parent: QWidget | None = None, wrap: bool = False) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


_LEFT_TO_RIGHT = re.compile(r"[A-Za-z0-9\u00c0-\u024f\u0370-\u052f]")


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` literally (tooltips otherwise guess at rich text), left
    to right when it holds Latin letters or digits whatever script it starts with (look25:
    a record of a party with an Arabic name, first in its text, turned the whole tooltip
    right to left, dates reversed); a text of a right-to-left script alone keeps its own
    direction (review26: its full stop went to its start)."""
    body = html.escape(text).replace("\n", "<br>")
    if _LEFT_TO_RIGHT.search(text):
        return "<qt><div dir='ltr'>" + body + "</div></qt>"
    return "<qt>" + body + "</qt>"


def message(parent: QWidget | None, title: str, text: str, detail: str = "",
            icon: QMessageBox.Icon = QMessageBox.Icon.Warning) -> QMessageBox:
    """A message box whose text is plain text (file names and case text may contain '<')."""
    box = QMessageBox(icon, title, "", QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(f"{text}\n\n{detail}" if detail else text)
    return box


def ask(parent: QWidget | None, title: str, text: str, yes: str, no: str,
        then: Callable[[], None], *, detail: str = "", yes_default: bool = False,
        no_button: QMessageBox.StandardButton = QMessageBox.StandardButton.No,
        icon: QMessageBox.Icon = QMessageBox.Icon.Warning) -> QMessageBox:
    """Ask a question in a plain-text box opened without blocking: ``then`` runs only when
    the answer is ``yes``; the other button (``no``) is the default unless ``yes_default``.
    The box answers through ``finished``."""
    box = message(parent, title, text, detail, icon=icon)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | no_button)
    box.button(QMessageBox.StandardButton.Yes).setText(yes)
    box.button(no_button).setText(no)
    box.setDefaultButton(QMessageBox.StandardButton.Yes if yes_default else no_button)
    box.finished.connect(
        lambda answer: then() if answer == QMessageBox.StandardButton.Yes else None)
    box.open()
    return box
