"""The timeline dock: grouping, fit / zoom to selection, date filter for the tables, legend,
PNG and SVG export (the whole chart, marked; :mod:`casefile.ui.timeline_export`) and a
right-click menu around a :class:`TimelinePlot`. It follows the session: a burst of edits
that concern dated records is redrawn once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from casefile.core.labels import singular
from casefile.core.timeline import Timeline, build_timeline
from casefile.errors import CasefileError
from casefile.services.case.change import Change
from casefile.services.case.facade import Case
from casefile.services.queries.case_search import facts_of
from casefile.services.queries.timeline import case_timeline
from casefile.ui.on_screen import OnScreen
from casefile.ui.session import CaseSession
from casefile.ui.text import plain_label
from casefile.ui.timeline_export import export_asked, export_timeline
from casefile.ui.timeline_parts import legend_html
from casefile.ui.timeline_scroll import lanes_with_scroll_bar, reveal
from casefile.ui.timeline_view import TimelinePlot

PARTIES_MARKED = 2000  # selected parties whose records are marked (a select-all of 10^5: not)
# what a timeline row is read from: a change to any of these may move or relabel a row
TIMELINE_KINDS = ("shipment", "event", "sanction", "relationship", "entity", "route_stop",
                  "event_party", "citation", "source")
EMPTY_TEXT = ("No dated records yet.\n\nGive a shipment, event, sanction or relationship a "
              "date — as the "
              "source writes it: “15 June 2022”, “late 2022”, “between June and December "
              "2022” — and it appears here. Help → Dates lists what can be typed.")
class TimelineDock(QDockWidget):
    record_clicked = Signal(str, int)
    filter_requested = Signal(str, str)  # first day, last day (ISO)
    options_changed = Signal()
    shown = Signal()  # after a fresh timeline is drawn

    def __init__(self, session: CaseSession, parent: QWidget | None = None) -> None:
        super().__init__("Timeline", parent)
        self.setObjectName("timeline_dock")
        self.session = session
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(lambda: self.reload(keep_range=True))
        # read while on screen only: behind the chart's tab the timeline waits (a 100k
        # case's timeline is ~80 MB and two seconds of the worker after every edit)
        self.on_screen = OnScreen(self, lambda due: self.reload(keep_range=due != "open"))
        session.opened.connect(lambda _case: self.reload_when_shown())
        session.closed.connect(self._closed)
        session.changed.connect(self._changed)
        self.options_changed.connect(lambda: self.reload(keep_range=False))
        self.plot = TimelinePlot()
        self.plot.record_clicked.connect(self.record_clicked.emit)
        self.plot.context_requested.connect(
            lambda index, pos: self.context_menu(index).popup(pos))
        self.lanes, self.lane_bar = lanes_with_scroll_bar(self.plot)
        self.plot.getViewBox().sigResized.connect(lambda *_: self._reveal_due())
        self.info: dict[str, Any] = {}  # the case's title and marking, for exports
        self.group = QComboBox()
        for key, text in (("kind", "Lanes by kind"), ("entity", "Lanes by entity"),
                          ("country", "Lanes by country"), ("tag", "Lanes by tag")):
            self.group.addItem(text, key)
        self.group.currentIndexChanged.connect(lambda _i: self.options_changed.emit())
        self.sources = QCheckBox("Source publications")
        self.sources.toggled.connect(lambda _b: self.options_changed.emit())
        fit = QPushButton("Fit all")
        fit.clicked.connect(self.plot.fit_all)
        self.zoom_sel = QPushButton("Zoom to selection")
        self.zoom_sel.clicked.connect(self.zoom_to_selection)
        filt = QPushButton("Filter tables to view")
        filt.setToolTip("Show only the records dated within the time the timeline shows")
        filt.clicked.connect(self.filter_to_view)
        clear = QPushButton("Clear date filter")
        clear.clicked.connect(lambda: self.filter_requested.emit("", ""))
        self.export_menu = QMenu(self)
        self.export_menu.addAction("PNG image…", lambda: self._export("png"))
        self.export_menu.addAction("SVG drawing…", lambda: self._export("svg"))
        export = QToolButton()
        export.setText("Export")
        export.setToolTip("The whole timeline with the case's title, marking and legend")
        export.setMenu(self.export_menu)
        export.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        bar = QHBoxLayout()
        for w in (self.group, self.sources, fit, self.zoom_sel, filt, clear):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(export)
        self.legend = QLabel(legend_html())
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)  # wraps in a narrow window instead of widening it
        self.note = plain_label()
        self.note.setStyleSheet("color: #555;")
        bottom = QHBoxLayout()
        bottom.addWidget(self.legend, 1)
        bottom.addWidget(self.note)
        self.empty = plain_label(EMPTY_TEXT, wrap=True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #555; background: white; padding: 12px;")
        self.empty.hide()
        body = QWidget()
        lay = QVBoxLayout(body)
        lay.setContentsMargins(4, 2, 4, 2)
        lay.addLayout(bar)
        lay.addWidget(self.lanes, 1)
        lay.addWidget(self.empty, 1)
        lay.addLayout(bottom)
        self.setWidget(body)
        self._selected: list[tuple[str, int]] = []
        # the dated records of the selected parties (a party has no row of its own: its
        # shipments, sanctions, relationships and events do), read for ``_facts_for``
        self._facts: list[tuple[str, int]] = []
        self._facts_for: list[tuple[str, int]] | None = None
        self._facts_asked = 0
        self._last_shown: list[tuple[str, int]] = []  # the last selection that was not none
        self._reveal = False  # the selection is to be brought into view once drawn

    @property
    def drawing(self) -> QWidget:
        """What the timeline is drawn in (the lanes, or the note of an empty case)."""
        return self.empty if self.empty.isVisibleTo(self) else self.lanes

    @property
    def group_by(self) -> str:
        return self.group.currentData()

    def _changed(self, change: Change) -> None:
        if change.concerns(*TIMELINE_KINDS) and self.on_screen.now("refresh"):
            self._timer.start()  # coalesces a burst of edits into one redraw

    def _closed(self) -> None:
        """The case closed: nothing of it stays on screen or in an export (the next case
        may open while the dock is hidden, and is read only when it is shown)."""
        self.on_screen.forget()
        self._timer.stop()
        self.info = {}
        # (kind, id) of the closed case: no other case's
        self._selected, self._last_shown, self._reveal = [], [], False
        self._facts, self._facts_for = [], None
        self._facts_asked += 1  # (an answer for the closed case is dropped)
        self.set_timeline(build_timeline([]), keep_range=False)

    def reload_when_shown(self) -> None:
        """Read the case afresh now, or when the dock is next on screen."""
        if self.on_screen.now("open"):
            self.reload(keep_range=False)

    def reload(self, keep_range: bool = True) -> None:
        group, sources = self.group_by, self.sources.isChecked()

        def read(case: Case) -> tuple[Timeline, dict[str, Any]]:
            with case.read() as conn:
                return case_timeline(conn, group, sources), case.info()

        def draw(result: tuple[Timeline, dict[str, Any]]) -> None:
            self.info = result[1]
            self.set_timeline(result[0], keep_range)
            self.shown.emit()
        self.session.query(read, draw)

    def set_timeline(self, timeline: Timeline, keep_range: bool = True) -> None:
        self.plot.set_timeline(timeline, keep_range=keep_range)
        empty = not len(timeline)
        self.lanes.setVisible(not empty)
        self.empty.setVisible(empty)
        self.lane_bar.sync()
        if not keep_range:  # drawn afresh (from the top): the selection is shown again
            self._reveal = bool(self._selected)
        n = len(timeline.records)
        self.note.setText(f"{n:,} dated record{'' if n == 1 else 's'}"
                          + (f"; {timeline.undated:,} undated not shown" if timeline.undated
                             else ""))
        self._facts_for = None  # (an edit may have given a selected party another record)
        self.highlight(self._selected)

    def _indexes(self, keys: list[tuple[str, int]]) -> np.ndarray:
        tl = self.plot.timeline
        if tl is None or not keys:
            return np.zeros(0, dtype=int)
        return tl.indexes_of(keys)

    def highlight(self, keys: list[tuple[str, int]]) -> None:
        """Mark the items of these records; a new selection is also brought into view (now,
        or once the timeline is drawn with it), the zoom unchanged."""
        keys = list(keys)
        if keys and keys != self._last_shown:  # a new selection, not the same one given
            self._reveal = True  # back after the table was read afresh (which drops it)
        if keys:
            self._last_shown = keys
        if keys != self._facts_for:
            self._facts = []
            self._read_facts(keys)
        self._selected = keys
        self.plot.highlight(self._indexes(self._marked()))
        self._reveal_due()

    def _marked(self) -> list[tuple[str, int]]:
        """What the timeline marks: the records selected, and those of the parties
        selected."""
        return self._selected + self._facts

    def _read_facts(self, keys: list[tuple[str, int]]) -> None:
        self._facts_for = keys
        self._facts_asked += 1
        parties = [i for kind, i in keys if kind == "entity"][:PARTIES_MARKED]
        if not parties or self.session.case is None:
            return
        asked = self._facts_asked

        def read(case: Case) -> list[tuple[str, int]]:
            with case.read() as conn:
                return facts_of(conn, parties)

        def got(facts: list[tuple[str, int]]) -> None:
            if asked == self._facts_asked:  # (not a selection given up meanwhile)
                self._facts = facts
                self.plot.highlight(self._indexes(self._marked()))
                self._reveal_due()
        self.session.query(read, got)

    def _reveal_due(self) -> None:
        if not self._reveal:
            return
        indexes = self._indexes(self._marked())
        if len(indexes) and reveal(self.plot, indexes):
            self._reveal = False

    def filter_to_view(self) -> None:
        self.filter_requested.emit(*self.plot.visible_range())

    def zoom_to_selection(self) -> None:
        """The time of what is marked, and its lanes scrolled to (look23: with lanes by
        entity the view stayed on the first lanes, the party's out of sight)."""
        marked = self._indexes(self._marked())
        self.plot.zoom_to(marked)
        reveal(self.plot, marked)

    def export(self, path: str | Path) -> Path:
        """Write the whole timeline, with the case's title, marking and legend, to a PNG
        or SVG file (by its suffix)."""
        timeline = self.plot.timeline
        if timeline is None or not self.info:
            raise CasefileError("The timeline is not drawn yet.")
        return export_timeline(timeline, path, self.info, self.group.currentText(),
                               timeline.undated)

    def context_menu(self, index: int | None) -> QMenu:
        """Casefile's menu for a right click on the chart (on an item: ``index``)."""
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        tl = self.plot.timeline
        if index is not None and tl is not None:
            rec = tl.records[int(tl.rec[index])]
            name = rec.label if len(rec.label) <= 40 else rec.label[:39] + "…"
            opened = menu.addAction(f"Open {singular(rec.kind).lower()} “{name}”")
            opened.setText(opened.text().replace("&", "&&"))  # case text: '&' is literal
            opened.triggered.connect(lambda: self.record_clicked.emit(rec.kind, rec.id))
            zoom = menu.addAction("Zoom to this record")
            zoom.triggered.connect(lambda: self.plot.zoom_to(np.array([index])))
            menu.addSeparator()
        selection = menu.addAction("Zoom to selection")
        selection.triggered.connect(self.zoom_to_selection)
        selection.setEnabled(bool(len(self._indexes(self._marked()))))
        menu.addAction("Fit all").triggered.connect(self.plot.fit_all)
        menu.addSeparator()
        menu.addAction("Filter tables to view").triggered.connect(self.filter_to_view)
        menu.addAction("Clear date filter").triggered.connect(
            lambda: self.filter_requested.emit("", ""))
        menu.addSeparator()
        menu.addAction("Export PNG image…").triggered.connect(lambda: self._export("png"))
        menu.addAction("Export SVG drawing…").triggered.connect(lambda: self._export("svg"))
        return menu

    def _export(self, fmt: str) -> None:
        case = self.session.case
        export_asked(self, case.path if case else None, fmt, self.export)
