"""Draws an item's text with what matched a search highlighted: the text is set as plain
text in a QTextDocument and the spans get a character format — case text is never read as
HTML. Text too long for its column is cut with an ellipsis, on the left as well when that
keeps the first match in view."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

SPANS = Qt.ItemDataRole.UserRole + 1  # [(start, end)] of the text that matched
ELLIPSIS = "…"
LEAD = 16  # characters before the first match kept when the text is cut on the left


@lru_cache(maxsize=16)
def _metrics(described: str) -> tuple[QFontMetricsF, QFontMetricsF]:
    """The plain and bold metrics of a font (as QFont.toString says it): made once, not
    per cell painted."""
    font = QFont()
    font.fromString(described)
    bold = QFont(font)
    bold.setWeight(QFont.Weight.Bold)
    return QFontMetricsF(font), QFontMetricsF(bold)


def _advance(text: str, spans: list[tuple[int, int]],
             font: QFont) -> Callable[[int, int, str, str], float]:
    """(a, b, prefix, suffix) -> the pixels ``prefix + text[a:b] + suffix`` takes, drawn
    with ``spans`` bold."""
    plain_fm, bold_fm = _metrics(font.toString())

    def advance(a: int, b: int, prefix: str, suffix: str) -> float:
        at, total = a, plain_fm.horizontalAdvance(prefix + suffix)
        for s, e in spans:
            s, e = max(s, at), min(e, b)
            if s >= e:
                continue
            total += plain_fm.horizontalAdvance(text[at:s]) + bold_fm.horizontalAdvance(
                text[s:e])
            at = e
        return total + plain_fm.horizontalAdvance(text[at:b]) if at < b else total
    return advance


def drawn_width(text: str, spans: list[tuple[int, int]], font: QFont) -> float:
    """The pixels ``text`` takes drawn with ``spans`` bold."""
    return _advance(text, spans, font)(0, len(text), "", "")


def fit_text(text: str, spans: list[tuple[int, int]], width: float,
             font: QFont) -> tuple[str, list[tuple[int, int]]]:
    """``text`` cut to ``width`` pixels (with the spans bold), an ellipsis where it is cut —
    on the left too when the first match would not be in view otherwise, so what matched
    is always shown — and the spans moved to the text as cut."""
    advance = _advance(text, spans, font)
    end = len(text)
    if advance(0, end, "", "") <= width:
        return text, spans
    start = 0
    if spans and advance(0, spans[0][1], "", ELLIPSIS) > width:
        # the first match is beyond the width: cut on the left — where all the rest then
        # fits, as far before the match as the width allows; else a few words before it,
        # or less if the match needs the room
        first, last = spans[0]

        def earliest(end: int, suffix: str) -> int:
            lo, hi = 0, first + 1
            while lo < hi:
                mid = (lo + hi) // 2
                if advance(mid, end, ELLIPSIS, suffix) <= width:
                    hi = mid
                else:
                    lo = mid + 1
            return min(lo, first)
        start = earliest(end, "")
        if advance(start, end, ELLIPSIS, "") > width:
            start = max(earliest(last, ELLIPSIS), first - LEAD)
        space = text.find(" ", start, first) if 0 < start and text[start - 1] != " " else -1
        start = space + 1 if space >= 0 else start  # from a word's start
    prefix = ELLIPSIS if start else ""
    if advance(start, end, prefix, "") > width:
        lo, hi = start, end  # the longest text from start, with an ellipsis, that fits
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if advance(start, mid, prefix, ELLIPSIS) <= width:
                lo = mid
            else:
                hi = mid - 1
        end = lo
    body = text[start:end].rstrip() if end < len(text) else text[start:end]
    cut = prefix + body + (ELLIPSIS if end < len(text) else "")
    shift, limit = len(prefix) - start, len(prefix) + len(body)
    moved = [(max(s + shift, len(prefix)), min(e + shift, limit)) for s, e in spans]
    return cut, [(s, e) for s, e in moved if s < e]


def highlighted(text: str, spans: list[tuple[int, int]], font: QFont,
                colour: QColor | None = None) -> QTextDocument:
    """A one-line document of ``text`` (plain) with ``spans`` bold on yellow."""
    doc = QTextDocument()
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.NoWrap)
    doc.setDefaultTextOption(option)
    doc.setPlainText(text)
    cursor = QTextCursor(doc)
    if colour is not None:
        base = QTextCharFormat()
        base.setForeground(colour)
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.mergeCharFormat(base)
    mark = QTextCharFormat()
    mark.setBackground(QColor("#FFE066"))
    mark.setForeground(QColor("#000000"))
    mark.setFontWeight(QFont.Weight.Bold)
    for start, end in spans:
        if 0 <= start < end <= len(text):
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(mark)
    return doc


class MatchDelegate(QStyledItemDelegate):
    """Paints the item's display text with the spans of its ``SPANS`` role highlighted."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        spans = index.data(SPANS)
        if not spans:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        colour = opt.palette.color(QPalette.ColorRole.HighlightedText
                                   if selected else QPalette.ColorRole.Text)
        text, spans = fit_text(text, spans, rect.width() - 4, opt.font)
        doc = highlighted(text, spans, opt.font, colour)
        painter.save()
        painter.translate(rect.left() + 2, rect.top() + (rect.height()
                                                         - doc.size().height()) / 2)
        painter.setClipRect(QRectF(0, 0, rect.width() - 2, rect.height()))
        doc.drawContents(painter)
        painter.restore()

