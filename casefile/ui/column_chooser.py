"""The records table's column chooser: right-click the header to show or hide columns. What
is hidden is remembered per section (by column key) in the settings and applied to every
listing of that section. Until the user has chosen for a section, its mostly empty columns,
then those of least worth, are hidden while the others do not fit the table's width
(:meth:`ColumnWidths.crowded`: worked out again as the window is resized); the menu says
which columns are empty or mostly empty."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import nullcontext
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, QPoint, QSettings, Qt, QTimer
from PySide6.QtWidgets import QMenu, QTableView

from casefile.core.labels import plural
from casefile.ui.column_fit import MOSTLY_EMPTY, WHEN_USED
from casefile.ui.column_widths import ColumnWidths


class ColumnChooser(QObject):
    """Owns the header's context menu of ``view``; ``columns()`` gives the model's columns
    and ``kind()`` the section shown; ``widths`` (if given) what is empty and crowded."""

    def __init__(self, view: QTableView, columns: Callable[[], list[Any]],
                 kind: Callable[[], str | None], settings: QSettings | None,
                 widths: ColumnWidths | None = None) -> None:
        super().__init__(view)
        self.view, self.columns, self.kind, self.settings = view, columns, kind, settings
        self.widths = widths
        header = view.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self.show_menu)
        model = view.model()
        # what unused() found, for the listing shown (worked out again when it is read
        # afresh or a value arrives: not on every resize of the table)
        self._unused: tuple[str, set[str]] | None = None
        model.modelReset.connect(self._forget_unused)
        model.modelReset.connect(self.apply)
        model.rowsInserted.connect(  # a value may come by an edit or an import
            lambda _parent, first, last: self._used_now(first, last))
        model.dataChanged.connect(
            lambda top, bottom, *_roles: self._used_now(top.row(), bottom.row()))
        # a value may go by a delete, an undo or an edit: looked at once the changes are in
        self._recheck = QTimer(self, singleShot=True, interval=0)
        self._recheck.timeout.connect(self._unused_now)
        model.rowsRemoved.connect(lambda *_a: self._recheck.start())
        if widths is not None:
            widths.crowded_changed.connect(lambda _kind: self.apply())
            widths.unused = self.unused

    def chosen(self, kind: str) -> set[str] | None:
        """The columns the user hid in ``kind`` (None: never chosen there)."""
        key = f"table/hidden/{kind}"
        if self.settings is None or not self.settings.contains(key):
            return None
        value: Any = self.settings.value(key, "")
        items = value if isinstance(value, list) else str(value or "").split(",")
        return {k for k in items if k}

    def hidden(self, kind: str) -> set[str]:
        """The columns hidden in ``kind``: the user's choice, else the crowded ones; and
        those shown only when used (column_fit.WHEN_USED) while no row has a value."""
        return self._chosen_or_crowded(kind) | self.unused(kind)

    def _chosen_or_crowded(self, kind: str) -> set[str]:
        chosen = self.chosen(kind)
        if chosen is not None:
            return chosen
        return set(self.widths.crowded(kind)) if self.widths is not None else set()

    def unused(self, kind: str) -> set[str]:
        """The columns of ``kind`` shown only when used that no row of the listing shown
        has a value in (all its rows, not a sample: 100 persons among 10^4 companies)."""
        keys = WHEN_USED.get(kind)
        listing = getattr(self.view.model(), "listing", None)
        if not keys or listing is None or kind != self.kind():
            return set()
        if self._unused is None or self._unused[0] != kind:
            at = {c.key: i for i, c in enumerate(listing.columns) if c.key in keys}
            self._unused = kind, {k for k, i in at.items()
                                  if not any(row[i] for row in listing.rows)}
        return set(self._unused[1])

    def _forget_unused(self) -> None:
        self._unused = None

    def _used_now(self, first: int, last: int) -> None:
        """Rows ``first``…``last`` came or changed: a column hidden for want of a value
        that one of them has is shown (only those rows are read: a patch of 200 rows of a
        100k listing signals 200 times)."""
        kind, model = self.kind(), self.view.model()
        keys = WHEN_USED.get(kind or "")
        if not keys or kind is None:
            return
        waiting = [i for i, c in enumerate(self.columns()) if c.key in keys
                   and self.view.isColumnHidden(i)
                   and c.key not in self._chosen_or_crowded(kind)]
        rows = range(max(first, 0), last + 1)
        if any(model.index(row, i).data() for i in waiting for row in rows):
            self._forget_unused()
            self.apply()
        elif any(not self.view.isColumnHidden(i) and not model.index(row, i).data()
                 for i, c in enumerate(self.columns()) if c.key in keys for row in rows):
            self._recheck.start()  # a value was cleared: it may have been the last one

    def _unused_now(self) -> None:
        """After rows went or values were cleared: a when-used column shown whose last
        value went is hidden again (the listing is read once, at the first value found)."""
        kind = self.kind()
        if kind is None or not WHEN_USED.get(kind):
            return
        self._forget_unused()
        gone = self.unused(kind)
        if any(not self.view.isColumnHidden(i) for i, c in enumerate(self.columns())
               if c.key in gone):
            self.apply()

    def set_hidden(self, kind: str, keys: set[str]) -> None:
        if self.settings is not None:
            self.settings.setValue(f"table/hidden/{kind}", ",".join(sorted(keys)))
        self.apply()

    def apply(self) -> None:
        """Hide the columns hidden for the section shown, show the others."""
        kind = self.kind()
        hidden = self.hidden(kind) if kind else set()
        with self.widths.held() if self.widths is not None else nullcontext():
            for col, c in enumerate(self.columns()):
                if self.view.isColumnHidden(col) != (c.key in hidden):
                    self.view.setColumnHidden(col, c.key in hidden)

    def menu(self) -> QMenu | None:
        kind = self.kind()
        if kind is None:
            return None
        hidden = self.hidden(kind)
        cols = self.columns()
        shown = [c for c in cols if c.key not in hidden]
        filled = self.widths.filled.get(kind, {}) if self.widths is not None else {}
        menu = QMenu(self.view)
        menu.addSection(f"Columns of {plural(kind).lower()}")
        unused = self.unused(kind)
        for c in cols:
            act = menu.addAction(c.title + ("  (no values here: shown when there are)"
                                            if c.key in unused
                                            else _emptiness(filled.get(c.key))))
            act.setData(c.key)
            act.setCheckable(True)
            act.setChecked(c.key not in hidden)
            # the last column shown stays: a table with no column cannot be clicked; one
            # with no values comes by itself (review18: ticking it did nothing)
            act.setEnabled(not (len(shown) == 1 and c.key not in hidden)
                           and c.key not in unused)
            act.toggled.connect(partial(self._toggle, kind, c.key))
        menu.addSeparator()
        menu.addAction("Show All Columns", lambda: self.set_hidden(kind, set())) \
            .setEnabled(bool(hidden - unused))
        return menu

    def _toggle(self, kind: str, key: str, on: bool) -> None:
        hidden = self._chosen_or_crowded(kind)  # (never the unused: they come back when used)
        if on:
            hidden.discard(key)
        else:
            hidden.add(key)
        self.set_hidden(kind, hidden)

    def show_menu(self, pos: QPoint) -> None:
        menu = self.menu()
        if menu is not None:
            menu.popup(self.view.horizontalHeader().mapToGlobal(pos))


def _emptiness(filled: float | None) -> str:
    """What the menu says of a column with a value in ``filled`` of the rows seen."""
    if filled is None or filled >= MOSTLY_EMPTY:
        return ""
    return "  (empty)" if filled == 0 else "  (mostly empty)"
