"""The records table's column chooser: right-click the header to show or hide columns. What
is hidden is remembered per section (by column key) in the settings and applied to every
listing of that section."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, QPoint, QSettings, Qt
from PySide6.QtWidgets import QMenu, QTableView

from casefile.core.labels import plural


class ColumnChooser(QObject):
    """Owns the header's context menu of ``view``; ``columns()`` gives the model's columns
    and ``kind()`` the section shown."""

    def __init__(self, view: QTableView, columns: Callable[[], list[Any]],
                 kind: Callable[[], str | None], settings: QSettings | None) -> None:
        super().__init__(view)
        self.view, self.columns, self.kind, self.settings = view, columns, kind, settings
        header = view.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self.show_menu)
        view.model().modelReset.connect(self.apply)

    def hidden(self, kind: str) -> set[str]:
        if self.settings is None:
            return set()
        value: Any = self.settings.value(f"table/hidden/{kind}", "")
        items = value if isinstance(value, list) else str(value or "").split(",")
        return {k for k in items if k}

    def set_hidden(self, kind: str, keys: set[str]) -> None:
        if self.settings is not None:
            self.settings.setValue(f"table/hidden/{kind}", ",".join(sorted(keys)))
        self.apply()

    def apply(self) -> None:
        """Hide the columns hidden for the section shown, show the others."""
        kind = self.kind()
        hidden = self.hidden(kind) if kind else set()
        for col, c in enumerate(self.columns()):
            self.view.setColumnHidden(col, c.key in hidden)

    def menu(self) -> QMenu | None:
        kind = self.kind()
        if kind is None:
            return None
        hidden = self.hidden(kind)
        cols = self.columns()
        shown = [c for c in cols if c.key not in hidden]
        menu = QMenu(self.view)
        menu.addSection(f"Columns of {plural(kind).lower()}")
        for c in cols:
            act = menu.addAction(c.title)
            act.setCheckable(True)
            act.setChecked(c.key not in hidden)
            # the last column shown stays: a table with no column cannot be clicked
            act.setEnabled(not (len(shown) == 1 and c.key not in hidden))
            act.toggled.connect(partial(self._toggle, kind, c.key))
        menu.addSeparator()
        menu.addAction("Show All Columns", lambda: self.set_hidden(kind, set())) \
            .setEnabled(bool(hidden))
        return menu

    def _toggle(self, kind: str, key: str, on: bool) -> None:
        hidden = self.hidden(kind)
        if on:
            hidden.discard(key)
        else:
            hidden.add(key)
        self.set_hidden(kind, hidden)

    def show_menu(self, pos: QPoint) -> None:
        menu = self.menu()
        if menu is not None:
            menu.popup(self.view.horizontalHeader().mapToGlobal(pos))
