"""The question asked when a full watchlist file would remove more than half of the list it
loads into — most often a download cut short at a line's end, sometimes a list that really
has shrunk (a programme lifted). Keep the list is the default; Load anyway loads the file
again, removing the entries it no longer holds. Asked without blocking (``open``); the box
answers through ``finished``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from casefile.errors import ListWouldShrink
from casefile.ui.text import ask


def ask_shrink(parent: QWidget, path: Path, refused: ListWouldShrink,
               load_anyway: Callable[[], None]) -> QMessageBox:
    """Show the question; ``load_anyway`` runs only when the answer is Load anyway."""
    kept = refused.had - refused.removed
    return ask(
        parent, "Load watchlist",
        f"{path.parent.name}/{path.name} would remove {refused.removed:,} of the "
        f"{refused.had:,} entries of the watchlist “{refused.name}”, keeping {kept:,}."
        f"{' ' + refused.older if refused.older else ''}\n\nIs the file whole? A download "
        "that did not finish looks like this. Parties screened against a list that lost "
        "its entries would screen clean.\n\nLoad it anyway only if the list has really "
        "shrunk so (a programme lifted, entries delisted). The watchlist is unchanged "
        "until you do.", "Load anyway", "Keep the list", load_anyway)
