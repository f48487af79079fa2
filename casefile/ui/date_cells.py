"""A records table's date cells in a narrow column: the date as written when it fits, else
its short form — months in three letters, a range of months with a dash ("November and
December 2022" -> "Nov–Dec 2022"), "approximately"/"circa" as "c." — and only when even
that does not fit, cut at its end. The date as written is the cell's tooltip whenever it is
not shown whole. (What a table column is sized to: :mod:`casefile.ui.column_widths`.)"""

from __future__ import annotations

import re
from functools import lru_cache

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
)

from casefile.ui.text import plain_tooltip

_Index = QModelIndex | QPersistentModelIndex
MARGINS_PX = 8  # the text margins of a cell, both sides together

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_MONTH = re.compile(r"\b(" + "|".join(_MONTHS) + r"|sept)\b", re.IGNORECASE)
_SHORT = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
# a range of months ("Jun and Dec", "between Jun 2021 and Mar 2022", "from May to Jul")
_RANGE = re.compile(r"\b(?:(?:between|from)\s+)?(" + _SHORT + r"(?:\s+\d{3,4})?)\s+"
                    r"(?:and|to|through|thru|till|until|-|–)\s+(" + _SHORT + r")\b",
                    re.IGNORECASE)
_ABOUT = re.compile(r"\b(?:approximately|circa)\b", re.IGNORECASE)


@lru_cache(maxsize=4096)  # (a pure function of its text, asked at every paint)
def short_date(text: str) -> str:
    """``text`` (a date as written) in fewer letters, saying the same: English month names
    in three letters, a range of months with a dash, "approximately" as "c."; any other
    words as they are."""
    short = _MONTH.sub(lambda m: m.group(0)[:3], text)
    while (joined := _RANGE.sub(lambda m: f"{m.group(1)}–{m.group(2)}", short)) != short:
        short = joined  # until none is left: ranges in a row overlap ('Nov and Nov and Nov')
    return _ABOUT.sub("c.", short)


class DateCellDelegate(QStyledItemDelegate):
    """Shows a date in its short form when the column is too narrow for it as written
    (:func:`short_date`); the date as written is then its tooltip."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: _Index) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        if self._cut(option):
            option.text = short_date(option.text)  # (elided further by the style)

    @staticmethod
    def _cut(option: QStyleOptionViewItem) -> bool:
        text = option.text
        return bool(text) and option.fontMetrics.horizontalAdvance(text) > \
            option.rect.width() - MARGINS_PX

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView,  # noqa: N802
                  option: QStyleOptionViewItem, index: _Index) -> bool:
        if event.type() == QEvent.Type.ToolTip and index.isValid():
            text = str(index.data() or "")
            shown = QStyleOptionViewItem(option)
            shown.text = text
            shown.fontMetrics = view.fontMetrics()
            if self._cut(shown):
                QToolTip.showText(event.globalPos(), plain_tooltip(text), view)
                return True
        return super().helpEvent(event, view, option, index)
