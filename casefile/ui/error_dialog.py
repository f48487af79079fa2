"""Placeholder until the error model lands (replaced on merge)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from casefile.ui.text import message


def show_error(parent: QWidget | None, exc: BaseException, title: str = "Casefile") -> None:
    message(parent, title, str(exc) or type(exc).__name__).exec()
