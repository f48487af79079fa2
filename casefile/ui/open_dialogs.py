"""The modeless dialogs the window has open, by name: a dialog replaced by another of its
name, or taken out, is deleted once it is closed and idle — a child of the window, it
otherwise lived on with everything it held (look27: each import and undo left its dialog,
its report and the undo question behind, 9–16 MB a cycle)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog


def _let_go(dlg: QDialog) -> None:
    """Delete ``dlg`` when it is closed and runs no task (a running import keeps it)."""
    try:
        if dlg.isVisible() or getattr(dlg, "task", None) is not None:
            return
        dlg.deleteLater()
    except RuntimeError:  # deleted already
        pass


class OpenDialogs(dict[str, QDialog]):
    """name -> dialog, letting go of the one a name held before."""

    def __setitem__(self, key: str, dlg: QDialog) -> None:
        old = self.get(key)
        super().__setitem__(key, dlg)
        if old is not None and old is not dlg:
            _let_go(old)

    def pop(self, key: str, *default: Any) -> Any:
        old = super().pop(key, *default)
        if isinstance(old, QDialog):
            _let_go(old)
        return old


__all__ = ["OpenDialogs"]
