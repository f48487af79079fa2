"""The live search panel (Edit → Find, Ctrl+F): a dock whose results follow the typing,
grouped by kind, each kind switched on or off by its button, the matching words highlighted.
A party found (by its name, or an alias in any script) brings the records touching it, marked
"found through …". Enter or a double-click opens a result. The columns say what they hold
(the record; what matched in it), the first sized to the titles found; the toolbar's search
field and the panel's show the same query (:meth:`SearchPanel.follow`)."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLineEdit,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casefile.core.labels import plural
from casefile.services.case.change import Change
from casefile.services.case.facade import Case
from casefile.services.queries.case_search import CaseHits, Found, search_case
from casefile.store.schema import RECORD_KINDS
from casefile.ui.match_delegate import SPANS, MatchDelegate, drawn_width
from casefile.ui.session import CaseSession
from casefile.ui.text import plain_label, plain_tooltip

_KEY = Qt.ItemDataRole.UserRole
DELAY_MS = 200  # typing pauses this long before the case is searched
HEADERS = ("Record", "What matched")  # its title; the text that matched, or the party
FIRST_SHARE = 0.5  # the titles take at most this share of the width…
FIRST_MIN = 200  # …and at least this many pixels
TEXT_MARGIN = 16  # around an item's text


class SearchPanel(QDockWidget):
    """Search as you type; ``record_opened(kind, id)`` when a result is activated."""

    record_opened = Signal(str, int)
    searched = Signal(str)  # after the results for this query are shown

    def __init__(self, session: CaseSession, parent: QWidget | None = None) -> None:
        super().__init__("Search", parent)
        self.setObjectName("search_dock")
        self.session = session
        self.results = CaseHits()
        self._asked = 0  # the number of the latest query; older answers are dropped
        self.query = QLineEdit()
        self.query.setPlaceholderText("Search names, aliases, goods, titles, text…")
        self.query.setClearButtonEnabled(True)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.run)
        self.query.textChanged.connect(lambda _t: self.timer.start())
        self.query.returnPressed.connect(self._enter)
        self.kinds: dict[str, QToolButton] = {}
        buttons = QHBoxLayout()
        buttons.setSpacing(2)
        for kind in RECORD_KINDS:
            b = QToolButton()
            b.setText(plural(kind))
            b.setCheckable(True)
            b.setChecked(True)
            b.setToolTip(f"Show or hide the {plural(kind).lower()} found")
            b.toggled.connect(partial(self._kind_toggled, kind))
            self.kinds[kind] = b
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.summary = plain_label("Type to search the case.")
        self.summary.setStyleSheet("color: #555;")
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(list(HEADERS))
        self.tree.setColumnWidth(0, 420)
        self.tree.setItemDelegate(MatchDelegate(self.tree))
        self._sizing = False
        self._first_width: int | None = None  # the width the user gave the titles
        self.tree.header().sectionResized.connect(self._column_resized)
        self.tree.itemActivated.connect(self._activated)
        body = QWidget()
        lay = QVBoxLayout(body)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.query)
        lay.addLayout(buttons)
        lay.addWidget(self.summary)
        lay.addWidget(self.tree, 1)
        self.setWidget(body)
        session.changed.connect(self._changed)
        session.closed.connect(self._clear)
        self._stale = False  # the query changed while the panel was hidden
        self.visibilityChanged.connect(self._shown_again)

    # -- asking -------------------------------------------------------------------------
    def find_text(self, text: str | None = None) -> None:
        """Show the panel with the keyboard in its field; ``text`` replaces the query."""
        self.show()
        self.raise_()
        if text is not None and text != self.query.text():
            self.query.setText(text)
            self.run()
        self.query.setFocus()
        self.query.selectAll()

    def run(self) -> None:
        """Search for what is typed now (on the worker)."""
        self.timer.stop()
        self._stale = False
        text = self.query.text()
        self._asked += 1
        asked = self._asked
        if not text.strip() or self.session.case is None:
            self._show(asked, text, CaseHits())
            return

        def read(case: Case) -> CaseHits:
            with case.read() as conn:
                return search_case(conn, text)
        self.session.query(read, lambda found: self._show(asked, text, found))

    def _shown_again(self, shown: bool) -> None:
        if shown and self._stale:
            self.run()

    def _changed(self, _change: Change) -> None:
        if self.isVisible() and self.query.text().strip():
            self.timer.start()

    def _clear(self) -> None:
        """The case closed: its results go, and the query (it named what was in the case)."""
        self._asked += 1
        self.results = CaseHits()
        self.tree.clear()
        self.query.clear()
        self.timer.stop()
        self.summary.setText("Type to search the case.")

    def follow(self, field: QLineEdit) -> None:
        """Keep ``field`` (the toolbar's search field) and the panel's query in step: what
        is typed in either shows in both; typed in the field, it searches while the panel is
        open (Enter in the field opens it)."""
        def typed_here(text: str) -> None:
            if field.text() != text:
                field.setText(text)

        def typed_there(text: str) -> None:
            if self.query.text() == text:
                return
            if self.isVisible():
                self.query.setText(text)  # searched as typing pauses
                return
            self.query.blockSignals(True)  # searched when the panel is next shown
            self.query.setText(text)
            self.query.blockSignals(False)
            self._stale = True
        self.query.textChanged.connect(typed_here)
        field.textEdited.connect(typed_there)
        typed_here(self.query.text())

    # -- showing ------------------------------------------------------------------------
    def _show(self, asked: int, text: str, found: CaseHits) -> None:
        if asked != self._asked:
            return
        self.results = found
        self.tree.clear()
        groups: dict[str, list[Found]] = {}
        for f in found:
            groups.setdefault(f.kind, []).append(f)
        for kind in RECORD_KINDS:
            if kind not in groups:
                continue
            direct = sum(1 for f in groups[kind] if not f.via)
            via = len(groups[kind]) - direct
            label = f"{plural(kind)} ({direct}" + (f" + {via} through a party" if via else "") \
                + ")"
            top = QTreeWidgetItem([label, ""])
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            top.setData(0, _KEY, kind)
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            for f in groups[kind]:
                item = QTreeWidgetItem([f.title, f.snippet])
                item.setData(0, _KEY, (f.kind, f.id))
                item.setData(0, SPANS, f.title_spans)
                item.setData(1, SPANS, f.snippet_spans)
                item.setToolTip(0, plain_tooltip(f.title))
                item.setToolTip(1, plain_tooltip(f.snippet))
                if f.via:
                    item.setForeground(1, Qt.GlobalColor.darkGray)
                top.addChild(item)
            self.tree.addTopLevelItem(top)
            top.setFirstColumnSpanned(True)
            top.setExpanded(True)
            top.setHidden(not self.kinds[kind].isChecked())
        self._size_first_column()
        self._say(text)
        self.searched.emit(text)

    def _size_first_column(self) -> None:
        """The titles' column as wide as the longest title found (with its indent and its
        matches in bold), within limits; a width the user gave it stays."""
        if self._first_width is not None:
            return
        font, widest = self.tree.font(), 0.0
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            for j in range(top.childCount() if top is not None else 0):
                child = top.child(j) if top is not None else None
                if child is not None:
                    widest = max(widest, drawn_width(child.text(0), child.data(0, SPANS)
                                                     or [], font))
        width = self.tree.viewport().width()
        wanted = int(widest) + 2 * self.tree.indentation() + TEXT_MARGIN  # (a child's)
        self._sizing = True
        try:
            self.tree.setColumnWidth(0, max(FIRST_MIN, min(wanted, int(width * FIRST_SHARE))))
        finally:
            self._sizing = False

    def _column_resized(self, column: int, _old: int, new: int) -> None:
        if column == 0 and not self._sizing:
            self._first_width = new  # the user's: kept for the session

    def _say(self, text: str) -> None:
        if not text.strip():
            self.summary.setText("Type to search the case.")
            return
        shown = sum(1 for f in self.results if self.kinds[f.kind].isChecked())
        hidden = len(self.results) - shown
        if not self.results:
            self.summary.setText(f"Nothing found for “{text}”. Try fewer words, or the start "
                                 "of a word.")
        else:
            which = "best" if self.results.ranked else "first"
            cut = (f" — the {which} matches only: more records match" if self.results.more else
                   " — more records touch these parties" if self.results.more_related
                   else "")
            self.summary.setText(f"{shown} found for “{text}”"
                                 + (f" ({hidden} more in hidden kinds)" if hidden else "")
                                 + (f"{cut}; add a word to narrow the search" if cut else ""))

    def _kind_toggled(self, kind: str, on: bool) -> None:
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top is not None and top.data(0, _KEY) == kind:
                top.setHidden(not on)
        self._say(self.query.text())

    def _activated(self, item: QTreeWidgetItem, _col: int = 0) -> None:
        data = item.data(0, _KEY)
        if isinstance(data, tuple):
            self.record_opened.emit(*data)

    def _enter(self) -> None:
        """Enter in the field: run now, then open the first result shown."""
        if self.timer.isActive() or not self.results:
            self.run()
            return
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top is not None and not top.isHidden() and top.childCount():
                first = top.child(0)
                if first is not None:
                    self.tree.setCurrentItem(first)
                    self._activated(first)
                return

    def shown_results(self) -> dict[str, list[str]]:
        """The titles listed per kind shown (for tests and tools)."""
        out: dict[str, list[str]] = {}
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top is None or top.isHidden():
                continue
            out[top.data(0, _KEY)] = [c.text(0) for j in range(top.childCount())
                                      if (c := top.child(j)) is not None]
        return out
