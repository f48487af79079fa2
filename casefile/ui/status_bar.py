"""The status bar: the case's path (and read-only), its counts, the TLP marking in TLP
colours and a "working…" sign while the worker is busy. It follows the session and tells
the window what it read (title, marking, counts) through :attr:`CaseStatusBar.info_read`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar, QWidget

from casefile.core.grading import TLP
from casefile.core.labels import plural
from casefile.ui.session import CaseSession
from casefile.ui.text import plain_label, plain_tooltip

if TYPE_CHECKING:
    from casefile.services.case.change import Change
    from casefile.services.case.facade import Case

Info = tuple[dict[str, Any], dict[str, int]]


class CaseStatusBar(QStatusBar):
    """Shows what the open case is and holds; refreshed after every change."""

    info_read = Signal(object, object)  # case info, counts

    def __init__(self, session: CaseSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.path = plain_label()
        # a long path is cut, never widens the window (the whole of it is in the tooltip)
        self.path.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.marking = QLabel()
        self.counts = plain_label()
        self.busy = plain_label()
        self.addWidget(self.path, 1)
        self.addPermanentWidget(self.busy)
        self.addPermanentWidget(self.counts)
        self.addPermanentWidget(self.marking)
        session.busy_changed.connect(lambda busy: self.busy.setText("working…" if busy else ""))
        session.opened.connect(lambda _case: self.refresh())
        session.closed.connect(self._closed)
        session.changed.connect(self._changed)
        self._closed()

    def _changed(self, change: Change) -> None:
        if not change.empty:
            self.refresh()

    def refresh(self) -> None:
        self.session.query(_read_info, self._show)

    def _show(self, result: Info) -> None:
        info, counts = result
        case = self.session.case
        ro = "  (read-only)" if case is not None and case.readonly else ""
        tlp = TLP.get(info.get("marking") or "")
        self.marking.setText(tlp.label if tlp else "no marking")
        self.marking.setStyleSheet(
            f"color: {tlp.fg}; background: {tlp.bg}; padding: 1px 6px; font-weight: bold;"
            if tlp else "")
        self.path.setText(f"{case.path}{ro}" if case is not None else "")
        self.path.setToolTip(plain_tooltip(str(case.path)) if case is not None else "")
        self.counts.setText("  ".join(f"{plural(k)}: {counts[k]:,}" for k in
                                      ("entity", "shipment", "event", "source")))
        self.info_read.emit(info, counts)

    def _closed(self) -> None:
        self.path.setText("No case open")
        self.counts.setText("")
        self.marking.setText("")
        self.marking.setStyleSheet("")


def _read_info(case: Case) -> Info:
    return case.info(), case.counts()
