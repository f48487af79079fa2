"""Table model over a :class:`casefile.services.queries.listing.Listing`: rows are plain tuples,
sorting is a permutation computed in the model (never a proxy calling data() per
comparison). The sort belongs to the listing shown: a new listing comes with its own (each
section of the window keeps one), never with the last listing's."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from casefile.services.queries.listing import Column, Listing
from casefile.ui.text import plain_tooltip

_Index = QModelIndex | QPersistentModelIndex


class RecordTableModel(QAbstractTableModel):
    """Rows of one record kind; ``record_id(row)`` maps a view row to the record id."""

    def __init__(self, listing: Listing | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._listing = listing
        self._order: list[int] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None
        # (column, descending) -> permutation, for the listing shown (kept with it by
        # whoever shows it again, so a sort is worked out once per listing)
        self._orders: dict[tuple[int, bool], list[int]] = {}
        if listing is not None:
            self._order = list(range(len(listing.ids)))

    # -- data ---------------------------------------------------------------------------
    @property
    def kind(self) -> str | None:
        return self._listing.kind if self._listing else None

    def columns(self) -> list[Column]:
        return list(self._listing.columns) if self._listing else []

    def set_listing(self, listing: Listing,
                    sort: tuple[int, Qt.SortOrder] | None = None,
                    orders: dict[tuple[int, bool], list[int]] | None = None) -> None:
        """Show ``listing``, sorted by ``sort`` (column, order) if it has that column.
        ``orders`` are the permutations already worked out for this listing (see
        :attr:`orders`); new ones are added to it."""
        if sort is not None and not 0 <= sort[0] < len(listing.columns):
            sort = None
        self.beginResetModel()
        try:
            self._listing, self._sort = listing, sort
            self._orders = orders if orders is not None else {}
            self._order = (self._permutation(*sort) if sort is not None
                           else list(range(len(listing.ids))))
        finally:
            self.endResetModel()

    @property
    def orders(self) -> dict[tuple[int, bool], list[int]]:
        """The permutations worked out for the listing shown: (column, descending) ->
        rows in that order."""
        return self._orders

    @property
    def sort_column(self) -> tuple[int, Qt.SortOrder] | None:
        """The column and order the rows are sorted by (None: the listing's order)."""
        return self._sort

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or self._listing is None else len(self._order)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or self._listing is None else len(self._listing.columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._listing is None:
            return None
        if not (0 <= index.row() < len(self._order)):
            return None
        value = self._listing.rows[self._order[index.row()]][index.column()]
        col = self._listing.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _show(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = _show(value)
            return plain_tooltip(text) if len(text) > 30 else None
        if role == Qt.ItemDataRole.TextAlignmentRole and col.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return self._listing.ids[self._order[index.row()]]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._listing is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self._listing.columns):
                return self._listing.columns[section].title
            return None
        return section + 1

    # -- ids ----------------------------------------------------------------------------
    def record_id(self, row: int) -> int | None:
        if self._listing is None or not (0 <= row < len(self._order)):
            return None
        return self._listing.ids[self._order[row]]

    def row_of(self, record_id: int) -> int | None:
        if self._listing is None:
            return None
        try:
            raw = self._listing.ids.index(record_id)
        except ValueError:
            return None
        return self._order.index(raw)

    # -- sorting ------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self._listing is None or not (0 <= column < len(self._listing.columns)):
            return
        self.layoutAboutToBeChanged.emit()
        old = self._order
        persistent = self.persistentIndexList()
        rows_before = [(old[i.row()], i.column()) for i in persistent]
        self._sort = (column, order)
        self._order = self._permutation(column, order)
        if persistent:  # e.g. the current row: it stays on its record
            position = {raw: row for row, raw in enumerate(self._order)}
            self.changePersistentIndexList(
                persistent, [self.index(position[raw], col) for raw, col in rows_before])
        self.layoutChanged.emit()

    def _permutation(self, column: int, order: Qt.SortOrder) -> list[int]:
        """The listing's rows sorted by a column: case-insensitively (numbers as numbers,
        date columns by first day), ties in listing order, blanks last either way."""
        desc = order == Qt.SortOrder.DescendingOrder
        known = self._orders.get((column, desc))
        if known is not None:
            return known
        assert self._listing is not None
        lst = self._listing
        raw: list[Any] = (lst.sort_keys if lst.columns[column].key == "date" and lst.sort_keys
                          else [r[column] for r in lst.rows])
        filled = [i for i, v in enumerate(raw) if v is not None and v != ""]
        blank = [i for i, v in enumerate(raw) if v is None or v == ""]
        keys = raw if lst.columns[column].numeric else [  # else compare case-folded text
            v.casefold() if v.__class__ is str else str(v).casefold() for v in raw]
        # stable: ties keep the listing's order; blanks last, whichever the direction
        perm = sorted(filled, key=keys.__getitem__, reverse=desc) + blank
        self._orders[(column, desc)] = perm
        return perm


def _show(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"
    return str(value)
