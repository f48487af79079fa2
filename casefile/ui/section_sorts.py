"""Each section of the records view keeps its own sort: the column (by key, so it means the
same column whatever the columns shown) and the order, remembered in the settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt

if TYPE_CHECKING:
    from casefile.services.queries.listing import Column


class SectionSorts:
    """kind -> the column key and order its table is sorted by."""

    def __init__(self, settings: QSettings | None) -> None:
        self.settings = settings
        self._sorts: dict[str, str] = {}  # kind -> "column-key asc|desc" ("" unsorted)

    def of(self, kind: str) -> tuple[str, Qt.SortOrder] | None:
        """The column key and order ``kind`` is sorted by (None: not sorted)."""
        if kind not in self._sorts:
            value = self.settings.value(f"table/sort/{kind}", "") if self.settings else ""
            self._sorts[kind] = str(value or "")
        key, _, order = self._sorts[kind].partition(" ")
        if not key:
            return None
        desc = order == "desc"
        return key, Qt.SortOrder.DescendingOrder if desc else Qt.SortOrder.AscendingOrder

    def chose(self, kind: str | None, columns: list[Column], column: int,
              order: Qt.SortOrder) -> None:
        """The user sorted ``kind`` by a header: remember it."""
        if kind is None:
            return
        value = ""
        if 0 <= column < len(columns):
            desc = order == Qt.SortOrder.DescendingOrder
            value = f"{columns[column].key} {'desc' if desc else 'asc'}"
        self._sorts[kind] = value
        if self.settings is not None:
            self.settings.setValue(f"table/sort/{kind}", value)
