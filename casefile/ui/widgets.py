"""Field widgets of the editors: fuzzy date, country, entity picker, TLP banner."""

from __future__ import annotations

from typing import Any, Literal

from PySide6.QtCore import QEvent, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from casefile.core.countries import CountryError, all_countries, country_name, country_or_unknown
from casefile.core.fuzzydate import FuzzyDate, FuzzyDateError, numeric_order, parse_fuzzy_date
from casefile.core.grading import TLP
from casefile.ui.text import plain_label


def locale_day_first(locale: QLocale | None = None) -> bool | None:
    """Whether the user's locale writes the day before the month (en_GB, ru: True; en_US:
    False); None where it puts the year first (zh, ja) and so says nothing of 03/04/2022."""
    fmt = (locale or QLocale()).dateFormat(QLocale.FormatType.ShortFormat)
    d, m, y = fmt.find("d"), fmt.find("M"), fmt.find("y")
    if d < 0 or m < 0 or 0 <= y < min(d, m):
        return None
    return d < m


class FuzzyDateEdit(QWidget):
    """A line for dates as written ('late 2022') with how it was understood beneath it, before
    anything is stored. A slashed date that reads both ways is read in the order of the
    user's locale (``day_first``), and the hint says so. ``committed`` carries the
    :class:`FuzzyDate` read, or the text when it was not understood (or is empty)."""

    committed = Signal(object)

    def __init__(self, parent: QWidget | None = None,
                 day_first: bool | None | Literal["locale"] = "locale") -> None:
        super().__init__(parent)
        self.day_first: bool | None = (locale_day_first() if isinstance(day_first, str)
                                       else day_first)
        self.line = QLineEdit()
        self.line.setPlaceholderText("e.g. June 2022, late 2022, Q3 2022, 15 июня 2022, "
                                     "2022年6月 (Help → Dates)")
        self.hint = plain_label(wrap=True)
        self.hint.setStyleSheet("color: #555; font-size: 11px;")
        # the hint wraps within the width the form gives; it never asks for more
        self.hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.hint.setMinimumWidth(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(1)
        lay.addWidget(self.line)
        lay.addWidget(self.hint)
        self.line.textChanged.connect(self._explain)
        self.line.editingFinished.connect(lambda: self.committed.emit(self.value()))
        self._explain("")

    def text(self) -> str:
        return self.line.text()

    def setText(self, text: str) -> None:  # noqa: N802
        self.line.blockSignals(True)
        self.line.setText(text)
        self.line.blockSignals(False)
        self._explain(text)

    def value(self) -> FuzzyDate | str:
        """The date as read (in the locale's order), or the text as typed when it is empty
        or not understood (saving it then says why)."""
        try:
            return parse_fuzzy_date(self.line.text(), self.day_first)
        except FuzzyDateError:
            return self.line.text()

    def _explain(self, text: str) -> None:
        if not text.strip():
            self.hint.setText("no date")
            return
        try:
            fd = parse_fuzzy_date(text, self.day_first)
        except FuzzyDateError as exc:
            self.hint.setText(f"not understood: {exc.reason}")
            return
        order = ""
        if numeric_order(text) == "either":
            order = " (the order your locale writes dates in)"
        self.hint.setText(f"{fd.reading}{order}: {fd.bounds_text()}{fd.flags_text()}  "
                          f"[{fd.edtf}]")


class CountryEdit(QLineEdit):
    """Country by name or ISO code, with completion; stores the ISO 3166 alpha-2 code."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        items = [f"{name} ({code})" for code, name in all_countries()]
        completer = QCompleter(items, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(completer)
        self.setPlaceholderText("country name or ISO code")

    def code(self) -> str:
        """The ISO code for what was typed, "" for nothing or a way of saying "unknown"
        ('unknown', 'XX'…); raises CountryError when it is no country."""
        text = self.text().strip()
        if not text:
            return ""
        if text.endswith(")") and "(" in text:
            text = text[text.rindex("(") + 1:-1]
        return country_or_unknown(text) or ""

    def set_code(self, code: str | None) -> None:
        self.setText(f"{country_name(code)} ({code})" if code else "")


class TlpBanner(QLabel):
    """The case's marking in its TLP colours, always visible."""

    READ_ONLY = "READ-ONLY: nothing can be changed"
    DAMAGED = "READ-ONLY: the file is damaged — File → Repair a Damaged Case…"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setMinimumHeight(24)
        # as wide as the window, never wider (a long classification line wraps)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.set_marking(None, "")

    def set_marking(self, marking: str | None, classification: str,
                    readonly: bool = False, damaged: bool = False) -> None:
        """Show the marking (and the classification line); a case open read-only says so
        here too, and a damaged one what to do about it."""
        tlp = TLP.get(marking or "")
        parts = [tlp.label] if tlp else ["NO MARKING"]
        if classification:
            parts.append(classification)
        if damaged:
            parts.append(self.DAMAGED)
        elif readonly:
            parts.append(self.READ_ONLY)
        self.setText("   ·   ".join(parts))
        fg, bg = (tlp.fg, tlp.bg) if tlp else ("#000000", "#DDDDDD")
        self.setStyleSheet(f"QLabel {{ color: {fg}; background: {bg}; font-weight: bold; "
                           "padding: 2px 8px; letter-spacing: 1px; }")
        self.setToolTip(tlp.meaning if tlp else "This case has no TLP marking.")


def check_country(edit: CountryEdit) -> tuple[str | None, str | None]:
    """(code, error) for a country field."""
    try:
        return edit.code() or None, None
    except CountryError as exc:
        return None, str(exc)


class EnumCombo(QComboBox):
    """A drop-down of a field's values that says ``chosen`` once per choice: at once for a
    value picked from its list; for one reached by keys or the wheel on the closed box, when
    they rest for :data:`SETTLE_MS` or the box loses focus (look29: each arrow key press
    through 'company', 'person', 'state body' … was an edit of its own, an undo step
    each). Escape or Ctrl+Z while one settles takes it back (``reverted``)."""

    chosen = Signal()
    reverted = Signal()  # Escape or Undo while a choice settles: the stored value again
    SETTLE_MS = 700

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stepping = False  # a key or wheel event is changing the value
        self.settle = QTimer(self)
        self.settle.setSingleShot(True)
        self.settle.setInterval(self.SETTLE_MS)
        self.settle.timeout.connect(self.chosen.emit)
        self.activated.connect(self._activated)

    def _activated(self, _index: int) -> None:
        if self._stepping:
            self.settle.start()
        else:
            self.settle.stop()
            self.chosen.emit()

    def event(self, event: QEvent) -> bool:
        """Escape and Undo are the box's own while a choice settles (not the window's Undo,
        which would take back the edit before it: review35)."""
        if event.type() == QEvent.Type.ShortcutOverride and self.settle.isActive() \
                and isinstance(event, QKeyEvent) and _takes_back(event):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802
        if self.settle.isActive() and _takes_back(event):
            self.settle.stop()
            self.reverted.emit()
            return
        self._stepping = True
        try:
            super().keyPressEvent(event)
        finally:
            self._stepping = False

    def wheelEvent(self, event: Any) -> None:  # noqa: N802
        self._stepping = True
        try:
            super().wheelEvent(event)
        finally:
            self._stepping = False

    def focusOutEvent(self, event: Any) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.flush()

    def flush(self) -> None:
        """Say a choice still settling now (the field is left, or the record saved)."""
        if self.settle.isActive():
            self.settle.stop()
            self.chosen.emit()


def _takes_back(event: QKeyEvent) -> bool:
    return event.key() == Qt.Key.Key_Escape or event.matches(QKeySequence.StandardKey.Undo)


def enum_combo(values: tuple[str, ...] | list[str], words: dict | None = None) -> EnumCombo:
    box = EnumCombo()
    for v in values:
        box.addItem(words.get(v, v) if words else v.replace("_", " "), v)
    return box
