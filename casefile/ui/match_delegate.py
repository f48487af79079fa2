"""Draws an item's text with what matched a search highlighted: the text is set as plain
text in a QTextDocument and the spans get a character format — case text is never read as
HTML."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

SPANS = Qt.ItemDataRole.UserRole + 1  # [(start, end)] of the text that matched


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
        doc = highlighted(text, spans, opt.font, colour)
        painter.save()
        painter.translate(rect.left() + 2, rect.top() + (rect.height()
                                                         - doc.size().height()) / 2)
        painter.setClipRect(QRectF(0, 0, rect.width() - 2, rect.height()))
        doc.drawContents(painter)
        painter.restore()

