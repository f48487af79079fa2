"""Undo, asked first when it cannot be redone: undoing an import takes its records out for
good (look15: one Ctrl+Z or a click on the toolbar's Undo removed 1,127 imported parties
with no question). The question names the step and says how to bring it back; Cancel is
the default."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from casefile.ui.session import CaseSession
from casefile.ui.text import message


def undo_asking(session: CaseSession, parent: QWidget, undo: Callable[[], None]
                ) -> QMessageBox | None:
    """Run ``undo`` — at once, or after the question when the step is final (the box, which
    answers without blocking, is returned)."""
    case = session.case
    if case is None or not case.undo_final:
        undo()
        return None
    box = message(parent, "Undo import",
                  f"Undo “{case.undo_name}”?\n\nIt removes what the import added for good: "
                  "it cannot be redone. To bring it back, import the file again.",
                  icon=QMessageBox.Icon.Warning)
    box.setStandardButtons(QMessageBox.StandardButton.Cancel)
    go = box.addButton("Undo import", QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.finished.connect(lambda _r: undo() if box.clickedButton() is go else None)
    box.open()
    return box


__all__ = ["undo_asking"]
