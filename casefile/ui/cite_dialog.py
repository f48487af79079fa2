"""Cite a source: a searchable list of the case's sources (every word typed must start a
word of it; fine at hundreds of sources), "New source…" without leaving the dialog, and the
credibility the same source was last cited at as the starting value. No source is picked
until the user picks one (or types words only one source has, or presses Enter on them):
OK does not cite a source nobody chose."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casefile.core.grading import CREDIBILITY, RELIABILITY
from casefile.store import kinds
from casefile.ui.text import plain_label, plain_tooltip

DEFAULT_CREDIBILITY = 6
_ID = Qt.ItemDataRole.UserRole


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def matches(query: list[str], text: str) -> bool:
    """Every word typed starts a word of ``text`` ('pol' finds Politico; '5' not 35)."""
    words = _words(text)
    return all(any(w.startswith(q) for w in words) for q in query)


class CiteDialog(QDialog):
    """Pick a source and give the excerpt, locator and credibility of a citation. Sources
    are dicts as :func:`casefile.services.queries.citing.source_picks` gives them;
    ``new_source_requested(title)`` asks the caller to create one, which it then hands to
    :meth:`add_source`."""

    new_source_requested = Signal(str)

    def __init__(self, sources: list[dict[str, Any]], citation: dict[str, Any] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Cite a source" if citation is None else "Edit citation")
        self._sources: dict[int, dict[str, Any]] = {}
        self._credibility_chosen = citation is not None  # the user's choice is never undone
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search the sources: title, publisher…")
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setMinimumHeight(140)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.new_source = QPushButton("New source…")
        self.new_source.setToolTip("Add a source to the case and cite it")
        self.count = plain_label()
        self.count.setStyleSheet("color: #555;")
        self.excerpt = QPlainTextEdit()
        self.excerpt.setPlaceholderText("the exact words of the source")
        self.locator = QLineEdit()
        self.locator.setPlaceholderText("page, paragraph, row…")
        self.credibility = QComboBox()
        for k, v in CREDIBILITY.items():
            self.credibility.addItem(f"{k} – {v}", k)
        self.credibility_note = plain_label(wrap=True)
        self.credibility_note.setStyleSheet("color: #555;")
        self.problem = plain_label(wrap=True)
        self.problem.setStyleSheet("color: #B00020;")
        self.problem.hide()
        for s in sources:
            self._add_item(s)
        self.search.textChanged.connect(self._filter)
        # Enter in the search picks the first source shown and goes on to the excerpt; it
        # does not press OK (review24: the dialog's default button took it and cited it)
        self.search.installEventFilter(self)
        self.list.currentItemChanged.connect(lambda cur, _prev: self._picked(cur))
        self.credibility.activated.connect(lambda _i: setattr(self, "_credibility_chosen",
                                                              True))
        self.new_source.clicked.connect(
            lambda: self.new_source_requested.emit(self.search.text().strip()))
        if citation:
            self._select(citation["source_id"])
            for w in (self.search, self.list, self.new_source):
                w.setEnabled(False)
            self.excerpt.setPlainText(citation.get("excerpt", ""))
            self.locator.setText(citation.get("locator", ""))
            self.credibility.setCurrentIndex(self.credibility.findData(
                citation.get("credibility", DEFAULT_CREDIBILITY)))
        else:
            self.credibility.setCurrentIndex(self.credibility.findData(DEFAULT_CREDIBILITY))
        self._filter("")
        self._layout()

    def _layout(self) -> None:
        picker = QVBoxLayout()
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_source)
        picker.addLayout(top)
        picker.addWidget(self.list)
        picker.addWidget(self.count)
        form = QFormLayout(self)
        form.addRow("Source", picker)
        form.addRow("Excerpt", self.excerpt)
        form.addRow("Locator", self.locator)
        form.addRow("Credibility", self.credibility)
        form.addRow("", self.credibility_note)
        form.addRow(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(620, 520)

    # -- the sources ----------------------------------------------------------------------
    def _add_item(self, source: dict[str, Any]) -> QListWidgetItem:
        self._sources[source["id"]] = source
        item = QListWidgetItem(source["label"])
        item.setData(_ID, source["id"])
        item.setToolTip(plain_tooltip(
            f"{source['title']}\nReliability: {source['reliability']} – "
            f"{RELIABILITY.get(source['reliability'], '?')}"))
        self.list.addItem(item)
        return item

    def add_source(self, source: dict[str, Any]) -> None:
        """A source made meanwhile (New source…): listed, shown and picked."""
        self.search.clear()
        self._add_item(source)
        self._filter("")
        self._select(source["id"])
        self.excerpt.setFocus()

    def _select(self, source_id: int) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(_ID) == source_id:
                self.list.setCurrentRow(row)
                return

    def _filter(self, text: str) -> None:
        words = _words(text)
        shown = 0
        for row in range(self.list.count()):
            item = self.list.item(row)
            hide = not matches(words, item.text())
            item.setHidden(hide)
            shown += not hide
        total = self.list.count()
        self.count.setText(f"{shown:,} of {total:,} sources" if words else
                           f"{total:,} source{'s' if total != 1 else ''}" if total else
                           "The case has no sources yet: add one with New source….")
        current = self.list.currentItem()
        if current is None or current.isHidden():  # no source is picked for the user (look22:
            self._only_shown()  # OK cited the first one listed, unasked): one found is

    def _only_shown(self) -> None:
        """Pick the one source the typed words leave (none while several are listed)."""
        shown = [row for row in range(self.list.count()) if not self.list.item(row).isHidden()]
        self.list.setCurrentRow(shown[0] if len(shown) == 1 and self.search.text().strip()
                                else -1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.search and event.type() == QEvent.Type.KeyPress and isinstance(
                event, QKeyEvent) and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._first_shown()
            if self.source_id() is not None:
                self.excerpt.setFocus()
            return True
        return super().eventFilter(watched, event)

    def _first_shown(self) -> None:
        for row in range(self.list.count()):
            if not self.list.item(row).isHidden():
                self.list.setCurrentRow(row)
                return
        self.list.setCurrentRow(-1)

    def _picked(self, item: QListWidgetItem | None) -> None:
        self.problem.hide()
        source = self._sources.get(item.data(_ID)) if item is not None else None
        last = source.get("last_credibility") if source else None
        if source is None or not self.list.isEnabled():
            self.credibility_note.clear()
            return
        if last is None:
            self.credibility_note.setText("Not cited before in this case.")
        else:
            self.credibility_note.setText(f"Last cited at {last} – {CREDIBILITY[last]}.")
        if not self._credibility_chosen:
            self.credibility.setCurrentIndex(self.credibility.findData(
                last if last is not None else DEFAULT_CREDIBILITY))

    # -- the answer -----------------------------------------------------------------------
    def source_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None or item.isHidden() else item.data(_ID)

    def accept(self) -> None:
        if self.source_id() is None:
            self.problem.setText("Pick a source from the list, or make one with New source….")
            self.problem.show()
            return
        super().accept()

    def values(self) -> dict[str, Any]:
        return {"source_id": self.source_id(),
                "excerpt": self.excerpt.toPlainText().strip(),
                "locator": self.locator.text().strip(),
                "credibility": self.credibility.currentData()}


class NewSourceDialog(QDialog):
    """The few things a source needs to be cited: title, kind, publisher, URL and how
    reliable it is (more in its own editor later)."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New source")
        self.title = QLineEdit(title)
        self.kind = QComboBox()
        for k in kinds.SOURCE_KINDS:
            self.kind.addItem(k.replace("_", " "), k)
        self.publisher = QLineEdit()
        self.url = QLineEdit()
        self.reliability = QComboBox()
        for k, v in RELIABILITY.items():
            self.reliability.addItem(f"{k} – {v}", k)
        self.reliability.setCurrentIndex(self.reliability.findData("F"))
        self.problem = plain_label(wrap=True)
        self.problem.setStyleSheet("color: #B00020;")
        self.problem.hide()
        form = QFormLayout(self)
        form.addRow("Title", self.title)
        form.addRow("Kind", self.kind)
        form.addRow("Publisher", self.publisher)
        form.addRow("URL", self.url)
        form.addRow("Reliability", self.reliability)
        form.addRow(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(480, 220)

    def accept(self) -> None:
        if not self.title.text().strip():
            self.problem.setText("Give the source a title.")
            self.problem.show()
            return
        super().accept()

    def values(self) -> dict[str, Any]:
        return {"title": self.title.text().strip(), "kind": self.kind.currentData(),
                "publisher": self.publisher.text().strip(), "url": self.url.text().strip(),
                "reliability": self.reliability.currentData()}
