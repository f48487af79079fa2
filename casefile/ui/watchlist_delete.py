"""The question asked before a watchlist is deleted: which list (name, dataset, version, size,
when it was loaded), what deleting it costs (loading the file again) and what it does not
touch (the case's screening runs, hits and decisions). Asked without blocking (``open``);
the box answers through ``finished``."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from casefile.services.screening import watchlist_db as db
from casefile.ui.text import ask


def ask_delete(parent: QWidget, info: db.Watchlist, delete: Callable[[], None]) -> QMessageBox:
    """Show the question; ``delete`` runs only when the answer is Delete (Keep it is the
    default)."""
    return ask(
        parent, "Delete watchlist",
        f"Delete the watchlist “{info.name}”?\n\nDataset {info.dataset or 'not said'}, "
        f"version {info.version or 'not said'}, {db.size_text(info)}, loaded "
        f"{info.loaded_at or 'at an unknown time'}.\n\nUsing it again means loading "
        "the OpenSanctions file again. This case keeps its screening runs, hits and "
        "decisions against it, and the dossier still prints them.", "Delete", "Keep it",
        delete)
