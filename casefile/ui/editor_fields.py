"""The fields of the record editor: the widget of each kind of field (a fuzzy date, long
text, a choice, a country, a party …), how a stored value is put on screen in it, and the
editor's heading (:mod:`casefile.ui.editor` lays them out and commits what is typed)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from casefile.core.countries import country_name
from casefile.core.labels import number_text, singular
from casefile.core.sanctions import listed_status
from casefile.core.topics import topics_words
from casefile.ui.entity_picker import EntityPicker
from casefile.ui.fields import FieldSpec
from casefile.ui.widgets import CountryEdit, FuzzyDateEdit, enum_combo

HEADING_CHARS = 120  # the most of a record's name the heading shows (two lines at most)
LISTED_CHARS = 30  # the most of a list's own status words the status choice shows


class PlainTextField(QPlainTextEdit):
    """Multi-line text that commits when focus leaves it; as tall as its text, from three
    lines to :data:`MAX_LINES` (a PEP's posts, one a line, are read without scrolling), and
    :data:`EMPTY_LINES` while empty (a company's page is not nine tall empty boxes)."""

    committed = Signal()
    MIN_LINES, MAX_LINES, EMPTY_LINES = 3, 8, 2

    def __init__(self) -> None:
        super().__init__()
        # Tab moves to the next field, as in every other field of a form (review: it stored
        # a tab character); a tab pasted in is kept
        self.setTabChangesFocus(True)
        self.document().documentLayout().documentSizeChanged.connect(lambda _s: self._fit())
        self._fit()

    def _fit(self) -> None:
        lines = self.document().documentLayout().documentSize().height()  # visual lines
        empty = self.document().isEmpty()
        shown = self.EMPTY_LINES if empty else max(self.MIN_LINES,
                                                   min(self.MAX_LINES, int(lines)))
        margins = self.contentsMargins().top() + self.contentsMargins().bottom()
        pad = int(2 * self.document().documentMargin()) + margins + 2 * self.frameWidth()
        self.setFixedHeight(max(0 if empty else 70,
                                shown * self.fontMetrics().lineSpacing() + pad))

    def focusOutEvent(self, event: Any) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.committed.emit()


def field_widget(spec: FieldSpec, entity_choices: Any, commit: Callable[[str, Any], None],
                 commit_country: Callable[[str, CountryEdit], None],
                 create: Callable[[str, str], None],
                 refuse: Callable[[str, str], None] | None = None,
                 restore: Callable[[str], None] | None = None) -> QWidget:
    """The widget of a field, committing through ``commit(key, value)`` when its editing
    finishes (a country through ``commit_country``; ``create(key, name)`` asks for a new
    party typed into a party field; ``restore(key)`` shows the stored value again)."""
    key = spec.key
    w: Any  # the field's widget, of the spec's kind
    if spec.widget == "date":
        w = FuzzyDateEdit()
        w.committed.connect(lambda text, k=key: commit(k, text))
    elif spec.widget == "text":
        w = PlainTextField()
        w.committed.connect(lambda k=key, w=w: commit(k, w.toPlainText()))
    elif spec.widget == "enum":
        w = enum_combo(spec.options, dict(spec.words) if spec.words else None)
        w.chosen.connect(lambda k=key, w=w: commit(k, w.currentData()))
        if restore is not None:
            w.reverted.connect(lambda k=key: restore(k))
    elif spec.widget == "bool":
        w = QCheckBox()
        w.clicked.connect(lambda checked, k=key: commit(k, checked))
    elif spec.widget == "country":
        w = CountryEdit()
        w.editingFinished.connect(lambda k=key, w=w: commit_country(k, w))
    elif spec.widget == "entity":
        w = EntityPicker(entity_choices)
        w.picked.connect(lambda eid, k=key: commit(k, eid))
        w.create_requested.connect(lambda name, k=key: create(k, name))
        if refuse is not None:
            w.refused.connect(lambda why, k=key: refuse(k, why))
    else:
        w = QLineEdit()
        if spec.widget == "tags":
            w.setPlaceholderText("comma-separated")
        elif spec.widget == "countries":
            w.setPlaceholderText("countries or ISO codes, comma-separated")
        elif spec.widget == "day":  # a date kept in one column, written like any other
            w.setPlaceholderText("e.g. 5 March 2024, 2024-03-05, March 2024")
        w.editingFinished.connect(lambda k=key, w=w: commit(k, w.text()))
    return w


def show_value(w: Any, spec: FieldSpec, row: dict[str, Any], names: dict[int, str],
               hint: QLabel | None) -> None:
    """Put the stored value of a field in ``row`` on screen in its widget ``w`` (``hint``:
    the line under it naming its codes, if it has one)."""
    value = row.get(spec.key)
    if spec.widget == "date":
        w.setText(row.get(f"{spec.key}_text") or "")
    elif spec.widget == "countries" and hint is not None:
        w.setText((value or "").replace(",", ", "))
        hint.setText(", ".join(country_name(c) for c in (value or "").split(",") if c))
        hint.setVisible(bool(value))
    elif spec.key == "topics" and hint is not None:
        w.setText((value or "").replace(",", ", "))
        hint.setText(topics_words(value))
        hint.setVisible(bool(value))
    elif spec.widget == "text":
        w.setPlainText(value or "")
    elif spec.widget == "enum":
        if spec.key == "status" and "reason" in row:
            _say_listed(w, spec, row.get("reason"), not value)
        w.setCurrentIndex(max(0, w.findData(value)))
    elif spec.widget == "bool":
        w.setChecked(bool(value))
    elif spec.widget == "country":
        w.set_code(value)
    elif spec.widget == "entity":
        w.set_current(value, names.get(value, "") if value else "")
    elif spec.widget in ("number", "int"):
        w.setText(number_text(value))
    elif spec.widget == "tags":
        w.setText((value or "").replace(",", ", "))
    else:
        w.setText("" if value is None else str(value))


def _say_listed(w: Any, spec: FieldSpec, reason: str | None, chosen: bool) -> None:
    """A sanction's status: where the case holds none of its four but the reason keeps the
    list's own words ('Status as listed: Excluded'), its empty choice says them instead of
    'not stated' (session 20: the editor said 'not stated' beside them), cut at a word to
    what the field shows, whole in the field's tooltip with what they mean here while that
    choice is the sanction's (``chosen``)."""
    at = w.findData("")
    if at < 0:
        return
    listed = listed_status(reason)
    cut = listed[:LISTED_CHARS - 1]
    short = listed if len(listed) <= LISTED_CHARS else \
        (cut.rsplit(" ", 1)[0] if " " in cut.strip() else cut).rstrip(" ,;-") + "…"
    w.setItemText(at, f"as listed: {short}" if listed else dict(spec.words).get("", ""))
    tip = (f"As listed: {listed}. The list's own words, kept in the reason: Casefile does "
           "not read them as in force, ended or lifted. Choose one of those if you know it."
           if listed else None)
    w.setItemData(at, tip, Qt.ItemDataRole.ToolTipRole)
    w.setToolTip(tip if tip and chosen else "")  # (review30: not beside 'in force')


def heading_text(kind: str, row: dict[str, Any], metrics: QFontMetrics, width: int
                 ) -> tuple[str, str]:
    """The editor's heading for ``row`` in a pane ``width`` pixels wide, and its tooltip
    (the whole name, when the heading cuts it)."""
    title = row.get("name") or row.get("title") or row.get("declared_goods") or ""
    # (look22) a shipment's goods run to thousands of characters: the heading takes its
    # first line, cut short, the whole in its tooltip and its field below
    first = next((" ".join(x.split()) for x in title.splitlines() if x.strip()), "")
    short = first if len(first) <= HEADING_CHARS and "\n" not in title.strip() else \
        first[:HEADING_CHARS - 1].rstrip() + "…"
    head = f"{singular(kind)} #{row['id']}  {short}".strip()
    # and in two lines of the pane's width at most (a narrow pane: 120 capitals ran to 5)
    room = int(max(width, 240) * 1.5)
    head = metrics.elidedText(head, Qt.TextElideMode.ElideRight, room)
    whole = " ".join(title.split())
    return head, "" if head.endswith(whole) else title
