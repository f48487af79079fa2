"""The navigator of the main window: one line per section (Entities, Shipments …) with how
many records the case holds of each, and the rules for which section shows. A case opens on
the section the user chose last; when it holds nothing there but records of another kind, on
the first section it holds records of instead — for this case only: the remembered choice
stays the user's. Going to a record switches to its section, clears the filter and selects
it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from casefile.core.labels import plural
from casefile.ui.records_view import RecordsView

NAV_WIDTH = 190


class Sections:
    """The navigator ``nav`` over the records table ``records``; ``has_case()`` says
    whether a case is open (a choice made then is remembered in ``settings``)."""

    def __init__(self, kinds: tuple[str, ...] | list[str], records: RecordsView,
                 settings: QSettings, has_case: Callable[[], bool]) -> None:
        self.kinds = list(kinds)
        self.records, self.settings, self.has_case = records, settings, has_case
        self.nav = QListWidget()
        self.nav.setMaximumWidth(NAV_WIDTH)
        for kind in self.kinds:
            item = QListWidgetItem(plural(kind))
            item.setData(Qt.ItemDataRole.UserRole, kind)
            self.nav.addItem(item)
        self._first_counts = False  # the counts read first after a case opened are due
        self.nav.currentRowChanged.connect(self._chosen)

    def current_kind(self) -> str:
        item = self.nav.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else "entity"

    def opened(self) -> None:
        """A case opened: its section is the one chosen last (until its counts say it
        holds nothing there)."""
        self._first_counts = True
        kind = str(self.settings.value("nav/kind", "shipment"))
        self._select(self.kinds.index(kind) if kind in self.kinds else 1)

    def counts_read(self, counts: dict[str, int]) -> None:
        """Say how many records of each kind the case holds; the first counts after a case
        opened may move it to a section it holds records of."""
        for i in range(self.nav.count()):
            item = self.nav.item(i)
            kind = item.data(Qt.ItemDataRole.UserRole)
            item.setText(f"{plural(kind)}  ({counts.get(kind, 0):,})")
        if self._first_counts:
            self._first_counts = False
            held = [k for k in self.kinds if counts.get(k, 0)]
            if held and not counts.get(self.current_kind(), 0):
                self._select(self.kinds.index(held[0]))
                self.records.set_kind(held[0])

    def go_to(self, kind: str, record_id: int) -> None:
        """Show a record: switch the navigator to its kind and select it."""
        row = self.kinds.index(kind)
        if (self.nav.currentRow() == row and self.records.model.kind == kind
                and self.records.select_id(record_id)):  # (not rows of a kind still loading)
            return
        # (look22) a filter left from before (dates, a country) would hide it: every one goes
        self.records.clear_filters(quiet=True)
        self._select(row)
        self.records.set_kind(kind, keep_id=record_id)

    def _select(self, row: int) -> None:
        """Choose a section without it counting as the user's choice."""
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(row)
        self.nav.blockSignals(False)

    def _chosen(self, _row: int) -> None:
        self._first_counts = False  # the user's choice is not undone when the counts come
        if self.has_case():
            self.settings.setValue("nav/kind", self.current_kind())
        self.records.set_kind(self.current_kind())
