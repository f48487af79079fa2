"""The filter bar above a records table: text, tag, country and a date range, typed as
dates are written anywhere ("2022", "Dec 2022"). It says ``changed`` a moment after typing
pauses; what it does not understand (a date, a country) is shown under it, not applied."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from casefile.ui.kept_listings import typed_filters
from casefile.ui.text import plain_label

if TYPE_CHECKING:
    from casefile.services.queries import listing


class FilterBar(QWidget):
    changed = Signal()
    period_changed = Signal(str, str)  # the dates understood (ISO days; "" for an open end)
    # each date field's placeholder, and the word it is cut to where the field is narrower
    # (look22: "From (…" and "To (e.g…" in a window 1,024 pixels wide)
    _HINTS = {"date_from": ("From (e.g. 2022)", "From"), "date_to": ("To (e.g. Dec 2022)", "To")}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLineEdit()
        self.text.setPlaceholderText("Filter…")
        self.text.setClearButtonEnabled(True)
        # the main filter keeps room for a few words; country and dates give way first
        self.text.setMinimumWidth(self.text.fontMetrics().horizontalAdvance("x" * 26))
        self.tag = QComboBox()
        self.tag.setMinimumWidth(110)
        self.country = QLineEdit()
        self.country.setPlaceholderText("Country")
        self.country.setMaximumWidth(110)
        self.country.setMinimumWidth(60)
        self.date_from = QLineEdit()
        self.date_from.setMaximumWidth(130)
        self.date_from.setMinimumWidth(60)
        self.date_to = QLineEdit()
        self.date_to.setMaximumWidth(130)
        self.date_to.setMinimumWidth(60)
        for name, (long, short) in self._HINTS.items():
            field: QLineEdit = getattr(self, name)
            field.setPlaceholderText(long)
            field.setToolTip(f"{short} this date, written as any date in Casefile: 2022, "
                             "Dec 2022, 5 March 2022")
            field.installEventFilter(self)
        self.problem = plain_label()  # (laid out by the view, under the bar)
        self.problem.setStyleSheet("color: #B00020;")
        self.problem.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.changed.emit)
        self._period = ("", "")  # the period last said
        self._timer.timeout.connect(self._period_said)
        for w in (self.text, self.country, self.date_from, self.date_to):
            w.textChanged.connect(lambda _t: self._timer.start())
        self.tag.currentIndexChanged.connect(lambda _i: self._timer.start())
        bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        for part in (self.text, self.tag, self.country, self.date_from, self.date_to):
            bar.addWidget(part)
        bar.setStretch(0, 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize and isinstance(watched, QLineEdit):
            long, short = next(h for w, h in self._HINTS.items() if getattr(self, w) is watched)
            fits = watched.fontMetrics().horizontalAdvance(long) + 14 <= watched.width()
            watched.setPlaceholderText(long if fits else short)
        return False

    def filters(self) -> listing.Filters:
        """The filters as typed; a date or country that is not understood is shown, not
        applied."""
        filters, problems = typed_filters(self.text.text(), self.tag.currentData() or "",
                                          self.country.text(), self.date_from.text(),
                                          self.date_to.text())
        self.problem.setText("  ".join(problems))
        self.problem.setVisible(bool(problems))
        return filters

    def set_date_range(self, start: str, end: str) -> None:
        self.date_from.setText(start)
        self.date_to.setText(end)

    def set_tags(self, tags: list[str]) -> None:
        current = self.tag.currentData()
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItem("Any tag", "")
        for t in tags:
            self.tag.addItem(t, t)
        self.tag.setCurrentIndex(max(0, self.tag.findData(current)))
        self.tag.blockSignals(False)

    def clear(self, quiet: bool = False) -> None:
        """Empty every filter; said as a change unless ``quiet``."""
        widgets = (self.text, self.country, self.date_from, self.date_to, self.tag)
        for w in widgets:
            w.blockSignals(quiet)
        for line in widgets[:4]:
            line.clear()
        self.tag.setCurrentIndex(0)
        for w in widgets:
            w.blockSignals(False)
        if quiet:
            self._period = ("", "")
        else:
            self.changed.emit()
            self._period_said()

    def _period_said(self) -> None:
        """Say the period the dates give when it changed (the timeline follows it)."""
        dates, problems = typed_filters("", "", "", self.date_from.text(),
                                        self.date_to.text())
        if problems:  # half typed ('Oct 20'), or a typo: the timeline stays (review25)
            return
        period = (dates.date_from, dates.date_to)
        if period != self._period:
            self._period = period
            self.period_changed.emit(*period)
