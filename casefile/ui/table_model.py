"""Table model over a :class:`casefile.services.queries.listing.Listing`: rows are plain tuples,
sorting is a permutation of record ids computed in the model (never a proxy calling data()
per comparison). The sort belongs to the listing shown: a new listing comes with its own
(each section of the window keeps one), never with the last listing's. A change to some
records patches the listing shown row by row (:meth:`RecordTableModel.patch`)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from casefile.ui import table_rows
from casefile.ui.text import plain_tooltip

if TYPE_CHECKING:
    from casefile.services.queries.listing import Column, Listing

_Index = QModelIndex | QPersistentModelIndex


class RecordTableModel(QAbstractTableModel):
    """Rows of one record kind; ``record_id(row)`` maps a view row to the record id."""

    def __init__(self, listing: Listing | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._listing = listing
        self._order: list[int] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None
        # (column, descending) -> record ids in that order, for the listing shown (kept
        # with it by whoever shows it again, so a sort is worked out once per listing)
        self._orders: dict[tuple[int, bool], list[int]] = {}
        if listing is not None:
            self._order = list(listing.ids)

    # -- data ---------------------------------------------------------------------------
    @property
    def kind(self) -> str | None:
        return self._listing.kind if self._listing else None

    @property
    def listing(self) -> Listing | None:
        """The listing shown (patched in place by :meth:`patch`)."""
        return self._listing

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
                           else list(listing.ids))
        finally:
            self.endResetModel()

    @property
    def orders(self) -> dict[tuple[int, bool], list[int]]:
        """The orders worked out for the listing shown: (column, descending) -> record ids
        in that order."""
        return self._orders

    def patch(self, asked: Collection[int], fresh: Listing) -> None:
        """Bring the listing shown up to date with ``fresh``, the rows as read now of those
        of the ``asked`` records that exist and pass its filters: each row removed,
        inserted, moved (to keep the sort) or changed is signalled as such — or, when very
        many are, the model is reset."""
        if self._listing is None:
            return
        key = None
        if self._sort is not None:
            key = (self._sort[0], self._sort[1] == Qt.SortOrder.DescendingOrder)
        self._order = table_rows.patch(self._listing, self._orders, asked, fresh, self._order,
                                       key, _Signals(self)) or []

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
        rid = self._order[index.row()]
        value = self._listing.rows[bisect_left(self._listing.ids, rid)][index.column()]
        col = self._listing.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _show(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = _show(value)
            return plain_tooltip(text) if len(text) > 30 else None
        if role == Qt.ItemDataRole.TextAlignmentRole and col.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return rid
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._listing is None or role not in (Qt.ItemDataRole.DisplayRole,
                                                 Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Horizontal:  # its tooltip names a narrow one
            if 0 <= section < len(self._listing.columns):
                return self._listing.columns[section].title
            return None
        return section + 1 if role == Qt.ItemDataRole.DisplayRole else None

    # -- ids ----------------------------------------------------------------------------
    def record_id(self, row: int) -> int | None:
        if self._listing is None or not (0 <= row < len(self._order)):
            return None
        return self._order[row]

    def row_of(self, record_id: int) -> int | None:
        if self._listing is None:
            return None
        try:
            return self._order.index(record_id)
        except ValueError:
            return None

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
            position = {rid: row for row, rid in enumerate(self._order)}
            self.changePersistentIndexList(
                persistent, [self.index(position[rid], col) for rid, col in rows_before])
        self.layoutChanged.emit()

    def _permutation(self, column: int, order: Qt.SortOrder) -> list[int]:
        """The listing's record ids sorted by a column (see :mod:`table_rows`), worked out
        once per listing."""
        desc = order == Qt.SortOrder.DescendingOrder
        known = self._orders.get((column, desc))
        if known is None:
            assert self._listing is not None
            known = self._orders[(column, desc)] = table_rows.permutation(
                self._listing, column, desc)
        return known


class _Signals:
    """The row signals of a patch (:class:`table_rows.RowSignals`), as the model's."""

    def __init__(self, model: RecordTableModel) -> None:
        self.model = model
        self._end: Any = None

    def removing(self, row: int) -> None:
        self.model.beginRemoveRows(QModelIndex(), row, row)
        self._end = self.model.endRemoveRows

    def inserting(self, row: int) -> None:
        self.model.beginInsertRows(QModelIndex(), row, row)
        self._end = self.model.endInsertRows

    def moving(self, row: int, to: int) -> bool:
        moved = self.model.beginMoveRows(QModelIndex(), row, row, QModelIndex(), to)
        self._end = self.model.endMoveRows if moved else None
        return moved

    def done(self) -> None:
        if self._end is not None:
            self._end()
        self._end = None

    def changed(self, row: int) -> None:
        m = self.model
        m.dataChanged.emit(m.index(row, 0), m.index(row, m.columnCount() - 1))

    def resetting(self) -> None:
        self.model.beginResetModel()

    def reset(self) -> None:
        self.model.endResetModel()


def _show(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"
    return str(value)
