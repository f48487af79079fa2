"""The records table's column widths. The first time a section is shown with rows, each
column is sized to its header and to a sample of its rows as shown (the first rows and rows
spread through the rest — never every row of a 100k table), up to a limit; a column empty in
every sampled row only to its header's text; a date also to its short form. When that is
more than the table's width, the columns give way in turns (:mod:`casefile.ui.column_fit`:
the names of the record and its parties last, a date to "Nov–Dec 2022" before them). The
section's long text column (``Column.stretch``) takes whatever room is left. What was
measured is fitted again whenever the table's width changes (the window resized, the record
pane wider for another kind), so the columns follow it, growing and shrinking. A column the
user resizes keeps that width, in every listing of its section, for the session. The share
of sampled rows with a value in each column is kept too: when a section's columns would
leave a name too narrow, its mostly empty columns and then those of least worth are proposed
to be hidden (:meth:`ColumnWidths.crowded`, worked out again as the table's width changes;
the column chooser hides them unless the user has chosen)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QTableView

from casefile.ui.column_fit import (
    MAX_PX,
    PAD_PX,
    PARTIES,
    ROOMY,
    SORT_PX,
    Wants,
    fitted,
    to_hide,
    turns,
)
from casefile.ui.date_cells import short_date

if TYPE_CHECKING:
    from casefile.services.queries.listing import Column

SAMPLE = 60  # rows from the top, and as many spread through the rest


class ColumnWidths(QObject):
    """Sizes the columns of ``view``; ``columns()`` gives the model's columns. Call
    :meth:`listing_shown` after each new listing is set; ``crowded_changed(kind)`` says
    what :meth:`crowded` proposes to hide in the section shown is new (first measured, or
    the table's width changed)."""

    crowded_changed = Signal(str)

    def __init__(self, view: QTableView, columns: Callable[[], list[Column]]) -> None:
        super().__init__(view)
        self.view, self.columns = view, columns
        # kind -> key -> (natural width, header's, short form's, "date"/"name"/"empty"/"other")
        self.measured: dict[str, dict[str, Wants]] = {}  # (this case)
        self.filled: dict[str, dict[str, float]] = {}  # kind -> key -> share with a value
        self._crowded: dict[str, set[str]] = {}  # kind -> keys proposed to be hidden
        self.chosen: dict[tuple[str, str], int] = {}  # (kind, key) -> the user's width
        self._kind: str | None = None
        self._setting = False
        # kind -> the columns hidden for having no value (the chooser's: column_fit.WHEN_USED)
        self.unused: Callable[[str], set[str]] = lambda _kind: set()
        header = view.horizontalHeader()
        header.setStretchLastSection(False)  # the long text column stretches instead
        header.setTextElideMode(Qt.TextElideMode.ElideRight)  # "Prot…", not "tect"
        header.sectionResized.connect(self._resized)
        view.viewport().installEventFilter(self)
        model = view.model()
        if model is not None:  # values that come later may be wider than those measured
            model.rowsInserted.connect(lambda _p, first, last: self._grown(first, last))
            model.dataChanged.connect(
                lambda top, bottom, *_roles: self._grown(top.row(), bottom.row()))

    def forget_case(self) -> None:
        """Another case: its columns are measured afresh (the user's widths stay)."""
        self.measured.clear()
        self.filled.clear()
        self._crowded.clear()

    def crowded(self, kind: str) -> set[str]:
        """The columns of ``kind`` to hide (as it was last shown) so that the others fit
        the table's width without a name cut below the floor: the mostly empty ones (a
        value in fewer than half the rows seen), the emptiest (then the rightmost) first,
        then the section's columns of least worth; none when they all fit. Never a date,
        a name or the long text column."""
        return self._crowded.get(kind, set())

    def listing_shown(self, kind: str, new_section: bool) -> None:
        """Size the columns of the listing now in the model: a section shown first with
        rows is measured; another section gets the widths it had."""
        rows = self.view.model().rowCount()
        measured = kind not in self.measured and rows
        if measured:
            self.measured[kind] = self._measure(kind)
        elif not new_section and kind == self._kind:
            return
        self._kind = kind
        self._propose()
        self._fit()

    def _propose(self) -> None:
        """Work out again what the section shown would hide at the table's width now; say
        so (``crowded_changed``) if that is new."""
        kind, cols = self._kind, self.columns()
        if kind is None or kind not in self.measured or \
                any(c.key not in self.measured[kind] for c in cols):
            return
        wants, width = self.measured[kind], self.view.viewport().width()
        # may be hidden: all but a date, a name and the long text column
        filled = {c.key: self.filled[kind][c.key] for c in cols
                  if wants[c.key][3] in ("other", "empty") and not c.stretch}
        hide = to_hide(kind, [c.key for c in cols], filled,
                       lambda shown: sum(self._floors(kind, wants, shown)) <= width,
                       self.unused(kind))
        if hide != self._crowded.get(kind):
            self._crowded[kind] = hide
            self.crowded_changed.emit(kind)  # (the chooser hides them)

    def _measure(self, kind: str | None = None) -> dict[str, Wants]:
        """Each column's wants; the share of sampled rows with a value, as ``filled``
        of ``kind``."""
        cols = self.columns()
        view, model = self.view, self.view.model()
        header = view.horizontalHeader()
        bold = QFont(header.font())
        bold.setBold(True)  # (a selected row's headings are bold: "Assessed goo…" else)
        head_fm, cell_fm = QFontMetrics(bold), view.fontMetrics()
        rows = model.rowCount()
        sample = list(range(min(rows, SAMPLE)))
        if rows > SAMPLE:
            step = (rows - SAMPLE) / SAMPLE
            sample += sorted({SAMPLE + int(i * step) for i in range(SAMPLE)})
        wants: dict[str, Wants] = {}
        filled: dict[str, float] = {}
        for col, c in enumerate(cols):
            texts = self._texts(col, sample)
            widest = max(map(cell_fm.horizontalAdvance, texts), default=0)
            shortest = max((cell_fm.horizontalAdvance(short_date(t)) for t in texts),
                           default=0) if c.key == "date" else 0
            filled[c.key] = len(texts) / max(len(sample), 1)
            head = head_fm.horizontalAdvance(c.title) + PAD_PX
            natural = max(head + SORT_PX, min(widest + PAD_PX, MAX_PX)) if widest else head
            wants[c.key] = (
                natural, head, min(natural, shortest + PAD_PX) if shortest else natural,
                self._sort(kind, c) if widest else "empty")
        if kind is not None:
            self.filled[kind] = filled
        return wants

    def _texts(self, col: int, rows: Iterable[int]) -> list[str]:
        """Column ``col``'s values in ``rows`` as the table shows them (the empty left out)."""
        view, model = self.view, self.view.model()
        delegate: Any = view.itemDelegateForColumn(col) or view.itemDelegate()
        locale = view.locale()
        return [delegate.displayText(v, locale) for row in rows
                if (v := model.index(row, col).data()) is not None and v != ""]

    @staticmethod
    def _sort(kind: str | None, c: Column) -> str:
        """How a column with values gives way: as a date, a name or any other."""
        return "date" if c.key == "date" else "name" if c.name or (kind, c.key) in PARTIES \
            else "other"

    def _grown(self, first: int, last: int) -> None:
        """Rows ``first``…``last`` came or changed: a column whose values there are wider
        than it was measured for grows to them, up to the limit (review: an events table
        measured on dates like '2021' kept 'spring …', 'before …' cut short after edits,
        its title column wide). At most SAMPLE rows are read."""
        kind = self._kind
        wants = self.measured.get(kind) if kind is not None else None
        cols = self.columns()
        if kind is None or not wants or any(c.key not in wants for c in cols):
            return
        fm = self.view.fontMetrics()
        rows = range(max(first, 0), min(last, max(first, 0) + SAMPLE - 1) + 1)
        changed = False
        for col, c in enumerate(cols):
            natural, head, short, sort = wants[c.key]
            texts = self._texts(col, rows)
            if not texts:
                continue
            grown = max(head + SORT_PX, min(max(map(fm.horizontalAdvance, texts)) + PAD_PX,
                                            MAX_PX))
            if grown <= natural:
                continue
            if c.key == "date":
                short = max(short, max(fm.horizontalAdvance(short_date(t)) for t in texts)
                            + PAD_PX)
            wants[c.key] = (grown, head, min(grown, short),
                            self._sort(kind, c) if sort == "empty" else sort)
            changed = True
        if changed:
            self._propose()
            self._fit()

    def _fit(self) -> None:
        """Fit the shown columns to the table's width as it is now (a user's width is
        kept as it is; the others give way around it)."""
        kind, cols = self._kind, self.columns()
        if kind is None:
            return
        wants = self.measured.get(kind) or self._measure()
        if any(c.key not in wants for c in cols):  # another kind's listing coming in:
            return  # its listing_shown fits it
        shown = [i for i in range(len(cols)) if not self.view.isColumnHidden(i)]
        fit = self._widths(kind, wants, shown)
        self._setting = True
        try:
            for i, width in zip(shown, fit, strict=True):
                if width != self.view.columnWidth(i):
                    self.view.setColumnWidth(i, width)
        finally:
            self._setting = False

    @contextmanager
    def held(self) -> Iterator[None]:
        """Columns hidden or shown within are fitted once, after (fitting between the
        header's own hiding and showing of them leaves it placing hidden columns)."""
        setting, self._setting = self._setting, True
        try:
            yield
        finally:
            self._setting = setting
        self._fit()

    def _wants(self, kind: str, wants: dict[str, Wants], shown: list[int]) -> \
            tuple[list[int], list[list[int]], int | None]:
        """The natural widths of the columns ``shown`` (indexes), the floors of their
        turns, and which of them stretches."""
        cols = self.columns()
        natural, heads, short, kinds = [], [], [], []
        for i in shown:
            chosen = self.chosen.get((kind, cols[i].key))
            n, h, s, k = wants[cols[i].key] if chosen is None else \
                (chosen, chosen, chosen, "chosen")
            natural.append(n)
            heads.append(h)
            short.append(s)
            kinds.append(k)
        stretch = next((at for at, i in enumerate(shown)
                        if cols[i].stretch and kinds[at] != "chosen"), None)
        return natural, turns(natural, heads, kinds, short), stretch

    def _widths(self, kind: str, wants: dict[str, Wants], shown: list[int]) -> list[int]:
        """The widths of the columns ``shown`` (indexes) in the table's width now."""
        natural, floors, stretch = self._wants(kind, wants, shown)
        return fitted(natural, floors, self.view.viewport().width(), stretch)

    def _floors(self, kind: str, wants: dict[str, Wants], shown: list[int]) -> list[int]:
        """The narrowest the columns ``shown`` go without a name below the floor, a date
        cut or another column's text too narrow to say anything."""
        natural, floors, _ = self._wants(kind, wants, shown)
        return [min(n, f) for n, f in zip(natural, floors[ROOMY], strict=True)]

    def _resized(self, col: int, old: int, new: int) -> None:
        """A width the user gave a column (by its handle) is kept for the session."""
        if self._setting or self._kind is None:
            return
        if old == 0 or new == 0:  # a column hidden or shown again: the others make room
            self._fit()
            return
        cols = self.columns()
        if 0 <= col < len(cols):
            self.chosen[(self._kind, cols[col].key)] = new

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize and watched is self.view.viewport():
            self._propose()
            self._fit()
        return False

