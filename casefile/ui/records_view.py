"""The table of one record kind with its filter bar (text, tag, country, date range).
Filtering happens in SQL on the worker; sorting inside the model. Each kind keeps its own sort
(by column key, shown in the header, remembered in the settings). The view follows the
session: it reloads itself when a change concerns what it lists."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QVBoxLayout,
    QWidget,
)

from casefile.core.labels import counted
from casefile.errors import CasefileError
from casefile.ui import table_rows
from casefile.ui.column_widths import ColumnWidths
from casefile.ui.filter_bar import FilterBar
from casefile.ui.kept_listings import Kept, KeptListings, read_sorted, reread
from casefile.ui.record_table import RecordTable
from casefile.ui.section_sorts import SectionSorts
from casefile.ui.session import CaseSession
from casefile.ui.table_model import RecordTableModel
from casefile.ui.text import plain_label

if TYPE_CHECKING:
    from casefile.services.case.change import Change
    from casefile.services.case.facade import Case
    from casefile.services.queries import listing

# kinds whose rows show names of entities or counts of citations, per listed kind
_SHOWS = {"shipment": ("entity", "route_stop"), "relationship": ("entity",),
          "sanction": ("entity",), "entity": ("alias", "citation"), "event": ("citation",),
          "source": ("citation", "attachment"), "finding": ("citation",)}
_TAGGED = ("entity", "shipment", "event", "source", "finding")
# where the main window keeps the section it shows (the one it will show when a case opens)
_SHOWN_KIND = ("nav/kind", "shipment")


class RecordsView(QWidget):
    """Emits ``selected(kind, id)`` when the current row changes (id None when nothing is),
    ``listing_shown(kind)`` after fresh rows are shown."""

    selected = Signal(str, object)
    filters_changed = Signal()
    listing_shown = Signal(str)

    def __init__(self, session: CaseSession, settings: QSettings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self.sorts = SectionSorts(settings)  # each kind's own, remembered
        self.kind = "entity"  # the kind the table shows
        self.unreadable: str | None = None  # why the section shown could not be read
        self.wanted = "entity"  # the kind asked for (shown once its rows arrive)
        self._shown = KeptListings()  # kind -> its last listing, while it can be patched
        # the read on its way: (kind, filters, changes seen when asked), and the record
        # to select when it arrives
        self._asked: tuple[str, listing.Filters, int] | None = None
        self._keep: int | None = None
        self._changes = 0
        self.model = RecordTableModel(parent=self)
        self.view = RecordTable()
        self.view.setModel(self.model)
        self.view.horizontalHeader().sortIndicatorChanged.connect(
            lambda column, order: self.sorts.chose(self.model.kind, self.model.columns(),
                                                   column, order))
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.widths = ColumnWidths(self.view, self.model.columns)
        self.view.horizontalHeader().sectionResized.connect(  # a column hidden or shown
            lambda _col, old, new: self._count() if (old == 0) != (new == 0) else None)
        self.bar = FilterBar(self)
        self.bar.changed.connect(self.filters_changed.emit)
        # the bar's fields, as the window and its tests reach them
        self.text, self.tag, self.country = self.bar.text, self.bar.tag, self.bar.country
        self.date_from, self.date_to, self.problem = (self.bar.date_from, self.bar.date_to,
                                                      self.bar.problem)
        self.filters_changed.connect(lambda: self.reload())
        session.changed.connect(self._changed)
        session.opened.connect(self._case_opened)
        session.closed.connect(self._shown.clear)
        self.count_label = plain_label()
        self.count_label.setStyleSheet("color: #555;")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.bar)
        lay.addWidget(self.problem)
        lay.addWidget(self.view)
        lay.addWidget(self.count_label)

    # -- filters ------------------------------------------------------------------------
    def filters(self) -> listing.Filters:
        """The filters as typed (:meth:`FilterBar.filters`)."""
        return self.bar.filters()

    def set_date_range(self, start: str, end: str) -> None:
        self.bar.set_date_range(start, end)

    def set_tags(self, tags: list[str]) -> None:
        self.bar.set_tags(tags)

    # -- following the case -------------------------------------------------------------
    def set_kind(self, kind: str, keep_id: int | None = None) -> None:
        """Show the records of ``kind``: the listing last shown of it again at once, if it
        was for the same filters and no change has concerned it since (or, if one has, once
        the records it touched are re-read); else read."""
        self.wanted = kind
        self.reload(keep_id, again=False)

    def reload(self, keep_id: int | None = None, again: bool = True) -> None:
        """Read the rows of the wanted kind (with the filters) and show them, keeping the
        current record (or ``keep_id``) selected; a read already on its way for them is not
        asked for twice. ``again=False``: a listing kept for the same filters is shown
        (patched first if a change touched some of its records)."""
        kind, filters = self.wanted, self.filters()
        keep = keep_id if keep_id is not None else (
            self.current_id() if self.kind == kind else None)
        known = self._shown.get(kind)
        if again:
            self._shown.pop(kind, None)
        elif known is not None and known.filters == filters and (
                keep_id is None or keep_id in known.data.ids or known.stale):
            self._shown.shown(kind)
            if known.stale:
                self._patch(kind, keep)
            else:
                self._show(known, keep)
            return
        if self._asked == (kind, filters, self._changes):
            self._keep = keep if keep is not None else self._keep
            return
        self._asked, self._keep = (kind, filters, self._changes), keep
        asked = self._asked

        sort = self.sorts.of(kind)

        def read(case: Case) -> tuple[listing.Listing, dict[tuple[int, bool], list[int]]]:
            return read_sorted(case, kind, filters, sort)

        def shown(result: tuple[listing.Listing, dict[tuple[int, bool], list[int]]]) -> None:
            latest = self._asked == asked  # else another read for the kind is on its way
            if latest:
                self._asked = None
            if self.wanted != kind:
                return
            entry = Kept(filters, result[0])
            entry.orders = result[1]
            if asked[2] == self._changes:  # nothing changed while it was read
                self._shown.keep(kind, entry)
            self._show(entry, self._keep if latest else keep)

        def failed(exc: BaseException) -> None:
            """The section could not be read (a damaged page): it shows empty and says why,
            under its own headings (look17: the last section's stayed, 'No shipments yet');
            the error goes on to the window (the damage is said there once)."""
            if self._asked == asked:
                self._asked = None
            if self.wanted == kind:
                from casefile.services.queries import listing as queries
                self.show_listing(queries.Listing(kind, queries.columns(kind)))
                self.unreadable = str(exc) if isinstance(exc, CasefileError) else \
                    "an unexpected error (see the log)"
                self.listing_shown.emit(kind)
            self.session.failed.emit(exc)
        self.session.query(read, shown, failed)

    def _patch(self, kind: str, keep: int | None = None) -> None:
        """Re-read the records a change touched in the kept listing of ``kind`` and patch
        them in: row by row (keeping the sort) if it is shown; shown once patched if it is
        the section wanted."""
        entry = self._shown[kind]
        entry.keep = keep if keep is not None else entry.keep
        if entry.patching:
            return  # on its answer, what was touched meanwhile is re-read
        touched, entry.touched, entry.patching = entry.touched, {}, True
        filters, size = entry.filters, len(entry.data.ids)

        def read(case: Case) -> tuple[set[int], listing.Listing, bool]:
            with case.read() as conn:
                return reread(conn, kind, filters, touched, size)

        def patched(result: tuple[set[int], listing.Listing, bool]) -> None:
            entry.patching = False
            if self._shown.get(kind) is not entry:
                return  # dropped or read again meanwhile (that read saw these changes)
            ids, fresh, whole = result
            showing = self.model.listing is entry.data
            if whole:
                entry.data, entry.orders = fresh, {}
                showing = False
            elif showing:
                current = self.current_id()
                if current in ids and current not in fresh.ids:  # it goes: nothing current
                    self.view.setCurrentIndex(self.model.index(-1, -1))
                self.model.patch(ids, fresh)
            else:
                table_rows.patch(entry.data, entry.orders, ids, fresh)
            if entry.touched:
                self._patch(kind)
            elif self.wanted == kind:
                keep, entry.keep = entry.keep, None
                if showing:
                    self._count()
                    if keep is not None:
                        self.select_id(keep)
                    self.listing_shown.emit(kind)
                else:
                    self._show(entry, keep if keep is not None else (
                        self.current_id() if self.kind == kind else None))
        self.session.query(read, patched)

    def _show(self, entry: Kept, keep: int | None) -> None:
        kind = entry.data.kind
        self.unreadable = None
        self.show_listing(entry.data, keep, entry.orders)
        if keep is None or self.current_id() is None:
            self.selected.emit(kind, None)
        self.listing_shown.emit(kind)

    def _case_opened(self, _case: object) -> None:
        """Start reading the section the window will show before anything else is asked
        of the worker (the timeline of a large case takes a while); then the tags."""
        self._shown.clear()
        self._asked = None
        self.widths.forget_case()
        kind = str(self.settings.value(*_SHOWN_KIND) or "") if self.settings else ""
        from casefile.services.queries import listing
        if kind in listing.LISTS:
            self.set_kind(kind)
        self.session.query(lambda case: _tags(case), self.set_tags)

    def _changed(self, change: Change) -> None:
        self._changes += 1
        for k, kept in list(self._shown.items()):
            if kept.filters.text.strip() or (
                    change.concerns(k, *_SHOWS.get(k, ())) and not kept.note(change)):
                del self._shown[k]  # what a text filter finds may change with anything
        kind = self.wanted
        created = change.created.get(kind)
        keep = created[-1] if created else None
        entry = self._shown.get(kind)
        if entry is not None and entry.stale:
            if self.model.listing is entry.data or entry.patching:
                self._patch(kind, keep)  # else it is patched when shown
        elif entry is None and change.concerns(kind, *_SHOWS.get(kind, ())):
            self.reload(keep_id=keep)
        if change.concerns(*_TAGGED):
            self.session.query(lambda case: _tags(case), self.set_tags)

    # -- rows ---------------------------------------------------------------------------
    def show_listing(self, data: listing.Listing, keep_id: int | None = None,
                     orders: dict[tuple[int, bool], list[int]] | None = None) -> None:
        same_kind = self.model.kind == data.kind
        self.kind = data.kind
        keys = [c.key for c in data.columns]
        sort = self.sorts.of(data.kind)
        column = keys.index(sort[0]) if sort is not None and sort[0] in keys else -1
        order = sort[1] if sort is not None else Qt.SortOrder.AscendingOrder
        self.model.set_listing(data, (column, order) if column >= 0 else None, orders)
        header = self.view.horizontalHeader()
        header.blockSignals(True)  # the model is sorted already; the view must not again
        header.setSortIndicator(column, order)
        header.blockSignals(False)
        header.viewport().update()
        self.widths.listing_shown(data.kind, not same_kind)  # (a sample of the rows)
        self._count()
        if keep_id is not None:
            self.select_id(keep_id)

    def _count(self) -> None:
        n = self.model.rowCount()
        hidden = sum(self.view.isColumnHidden(i) for i in range(self.model.columnCount()))
        self.count_label.setText(counted(n, "record") + (
            f" · {counted(hidden, 'column')} hidden (right-click the headings to choose)"
            if hidden else ""))

    def current_id(self) -> int | None:
        idx = self.view.currentIndex()
        return self.model.record_id(idx.row()) if idx.isValid() else None

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [i for i in (self.model.record_id(r) for r in rows) if i is not None]

    def clear_filters(self, quiet: bool = False) -> None:
        """Empty every filter (``quiet``: without reloading — the caller shows a kind next,
        which reloads)."""
        self.bar.clear(quiet)

    def select_id(self, record_id: int) -> bool:
        row = self.model.row_of(record_id)
        if row is None:
            return False
        idx = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            idx, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(idx)
        return True

    def _row_changed(self, current, _previous) -> None:  # noqa: ANN001
        self.selected.emit(self.kind, self.model.record_id(current.row())
                           if current.isValid() else None)


def _tags(case: Case) -> list[str]:
    from casefile.services.queries import listing
    with case.read() as conn:
        return listing.all_tags(conn)
