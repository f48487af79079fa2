"""The records table's column widths. The first time a section is shown with rows, each
column is sized to its header and to a sample of its rows as shown (the first rows and rows
spread through the rest — never every row of a 100k table), up to a limit; a column empty in
every sampled row only to its header's text. When that is more than the table's width, the
columns give way in turns, the widest of each turn first: the other columns down to a floor,
then the column that names the record (``Column.name``) down to a wide floor, then an empty
column to an icon's width (its header's tooltip names it), then the others down to their
headers, and the name last down to the floor; a date never ("November and Decembe…" says
nothing). The section's long text column (``Column.stretch``) takes whatever room is left.
What was measured is fitted again whenever the table's width changes (the window resized,
the record pane wider for another kind), so the columns follow it, growing and shrinking.
A column the user resizes keeps that width, in every listing of its section, for the
session. The share of sampled rows with a value in each column is kept too: when a section's
columns do not fit at first, its mostly empty ones are proposed to be hidden
(:meth:`ColumnWidths.crowded`; the column chooser hides them unless the user has chosen)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QTableView

if TYPE_CHECKING:
    from casefile.services.queries.listing import Column

SAMPLE = 60  # rows from the top, and as many spread through the rest
MAX_PX = 360  # a column sized to its content is at most this wide (tooltips say the rest)
FLOOR_PX = 150  # the others give way to this first (never below their header)
NAME_PX = 240  # then the record's name gives way to this; last of all to FLOOR_PX
ICON_PX = 28  # a column with nothing in it, when the table is narrow
PAD_PX = 14  # a cell's margins
SORT_PX = 20  # the header's sort arrow
MOSTLY_EMPTY = 0.5  # a column with a value in fewer of the sampled rows than this

Wants = tuple[int, int, str]  # natural width, header's text width, its kind in turns()


def _level(top: Sequence[int], floors: Sequence[int], available: int) -> list[int] | None:
    """``top`` cut to the highest level that fits ``available`` (never below ``floors``),
    or None when the floors alone do not fit."""
    cut = [min(f, t) for f, t in zip(floors, top, strict=True)]
    if sum(cut) > available:
        return None
    lo, hi = 0, max(top)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if sum(max(f, min(t, mid)) for t, f in zip(top, cut, strict=True)) <= available:
            lo = mid
        else:
            hi = mid - 1
    return [max(f, min(t, lo)) for t, f in zip(top, cut, strict=True)]


def fitted(natural: Sequence[int], turns: Sequence[Sequence[int]], available: int,
           stretch: int | None) -> list[int]:
    """Widths for columns wanting ``natural`` pixels in ``available``: all of them when
    they fit, and the room left over to ``stretch``; else they give way in ``turns``, each
    a floor per column: in the first turn the widest are cut to one level, never below its
    floors, so that they fit if they can; when even its floors do not fit, the columns are
    at those floors and the next turn cuts on from there. At the last turn's floors when
    nothing fits (the table scrolls)."""
    widths = list(natural)
    if sum(widths) <= available:
        if stretch is not None:
            widths[stretch] += available - sum(widths)
        return widths
    for floors in turns:
        cut = _level(widths, floors, available)
        if cut is not None:
            return cut
        widths = [min(f, w) for f, w in zip(floors, widths, strict=True)]
    return widths


def turns(natural: Sequence[int], heads: Sequence[int],
          kinds: Sequence[str]) -> list[list[int]]:
    """The floors of each turn in which columns give way (see the module); ``kinds`` says
    of each column "date", "name", "empty" or "other"; ``heads`` its header's text width."""
    def turn(**floor: Callable[[int, int], int]) -> list[int]:
        return [floor[k](n, h) if k in floor else n
                for n, h, k in zip(natural, heads, kinds, strict=True)]
    soft, name = (lambda n, h: max(h + SORT_PX, min(n, FLOOR_PX))), \
        (lambda n, h: max(h, min(n, NAME_PX)))
    icon, head = (lambda n, h: min(n, ICON_PX)), (lambda n, h: h)
    return [turn(other=soft), turn(other=soft, name=name),
            turn(other=soft, name=name, empty=icon),
            turn(other=head, name=name, empty=icon),
            turn(other=head, name=lambda n, h: max(h, min(n, FLOOR_PX)), empty=icon)]


class ColumnWidths(QObject):
    """Sizes the columns of ``view``; ``columns()`` gives the model's columns. Call
    :meth:`listing_shown` after each new listing is set; ``measured_section(kind)`` says a
    section's columns were measured (what :meth:`crowded` proposes to hide is known)."""

    measured_section = Signal(str)

    def __init__(self, view: QTableView, columns: Callable[[], list[Column]]) -> None:
        super().__init__(view)
        self.view, self.columns = view, columns
        # kind -> key -> (natural width, header's text width, "date"/"name"/"empty"/"other")
        self.measured: dict[str, dict[str, Wants]] = {}  # (this case)
        self.filled: dict[str, dict[str, float]] = {}  # kind -> key -> share with a value
        self._crowded: dict[str, set[str]] = {}  # kind -> keys proposed to be hidden
        self.chosen: dict[tuple[str, str], int] = {}  # (kind, key) -> the user's width
        self._kind: str | None = None
        self._setting = False
        header = view.horizontalHeader()
        header.setStretchLastSection(False)  # the long text column stretches instead
        header.setTextElideMode(Qt.TextElideMode.ElideRight)  # "Prot…", not "tect"
        header.sectionResized.connect(self._resized)
        view.viewport().installEventFilter(self)

    def forget_case(self) -> None:
        """Another case: its columns are measured afresh (the user's widths stay)."""
        self.measured.clear()
        self.filled.clear()
        self._crowded.clear()

    def crowded(self, kind: str) -> set[str]:
        """The mostly empty columns of ``kind`` (a value in fewer than half the rows seen)
        to hide as it was first shown with rows, the emptiest (then the rightmost) first,
        until the others fit the table's width without scrolling; none when they all fit.
        Never a date, the record's name or the long text column."""
        return self._crowded.get(kind, set())

    def listing_shown(self, kind: str, new_section: bool) -> None:
        """Size the columns of the listing now in the model: a section shown first with
        rows is measured; another section gets the widths it had."""
        rows = self.view.model().rowCount()
        measured = kind not in self.measured and rows
        if measured:
            self.measured[kind] = self._measure(kind)
            self._crowded[kind] = self._propose(kind)
        elif not new_section and kind == self._kind:
            return
        self._kind = kind
        self._fit()
        if measured:
            self.measured_section.emit(kind)

    def _propose(self, kind: str) -> set[str]:
        wants, filled, cols = self.measured[kind], self.filled[kind], self.columns()
        shown = list(range(len(cols)))
        spare = sorted((filled[c.key], -i, c.key) for i, c in enumerate(cols)
                       if filled[c.key] < MOSTLY_EMPTY
                       and not (c.name or c.stretch or c.key == "date"))
        hide: set[str] = set()
        for _, at, key in spare:
            if sum(self._widths(kind, wants, shown)) <= self.view.viewport().width():
                break  # the others fit (cut to their floors, maybe): no scrolling
            hide.add(key)
            shown.remove(-at)
        return hide

    def _measure(self, kind: str | None = None) -> dict[str, Wants]:
        """Each column's wants; the share of sampled rows with a value, as ``filled``
        of ``kind``."""
        cols = self.columns()
        view, model = self.view, self.view.model()
        header = view.horizontalHeader()
        head_fm, cell_fm = header.fontMetrics(), view.fontMetrics()
        rows = model.rowCount()
        sample = list(range(min(rows, SAMPLE)))
        if rows > SAMPLE:
            step = (rows - SAMPLE) / SAMPLE
            sample += sorted({SAMPLE + int(i * step) for i in range(SAMPLE)})
        locale = view.locale()
        wants: dict[str, Wants] = {}
        filled: dict[str, float] = {}
        for col, c in enumerate(cols):
            delegate: Any = view.itemDelegateForColumn(col) or view.itemDelegate()
            widest = seen = 0
            for row in sample:
                value = model.index(row, col).data()
                if value is not None and value != "":
                    seen += 1
                    text = delegate.displayText(value, locale)
                    widest = max(widest, cell_fm.horizontalAdvance(text))
            filled[c.key] = seen / max(len(sample), 1)
            head = head_fm.horizontalAdvance(c.title) + PAD_PX
            wants[c.key] = (
                max(head + SORT_PX, min(widest + PAD_PX, MAX_PX)) if widest else head, head,
                "empty" if not widest else "date" if c.key == "date"
                else "name" if c.name else "other")
        if kind is not None:
            self.filled[kind] = filled
        return wants

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

    def _widths(self, kind: str, wants: dict[str, Wants], shown: list[int]) -> list[int]:
        """The widths of the columns ``shown`` (indexes) in the table's width now."""
        cols = self.columns()
        natural, heads, kinds = [], [], []
        for i in shown:
            chosen = self.chosen.get((kind, cols[i].key))
            n, h, k = wants[cols[i].key] if chosen is None else (chosen, chosen, "chosen")
            natural.append(n)
            heads.append(h)
            kinds.append(k)
        stretch = next((at for at, i in enumerate(shown)
                        if cols[i].stretch and kinds[at] != "chosen"), None)
        return fitted(natural, turns(natural, heads, kinds), self.view.viewport().width(),
                      stretch)

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
            self._fit()
        return False

