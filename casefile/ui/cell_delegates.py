"""How some table cells are shown and typed: ISO country codes shown with the country's name
beside them ("Russia (RU)", the code stays what is stored and typed), and columns with a list
of usual values (alias kinds, route-stop roles) edited in a combo box whose text
can still be anything."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QEvent, QLocale, QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
    QWidget,
)

from casefile.core.countries import country_name
from casefile.ui.date_cells import DateCellDelegate
from casefile.ui.text import plain_tooltip

_Index = QModelIndex | QPersistentModelIndex
_CODE = re.compile(r"\b[A-Z]{2}\b")

# the usual values of free-text child columns: (child kind, column) -> choices
CHOICES: dict[tuple[str, str], tuple[str, ...]] = {
    ("alias", "kind"): ("alias", "transliteration", "previous_name", "abbreviation",
                        "weak_alias", "trading_name"),
    ("route_stop", "role"): ("transit", "transshipment", "intermediary", "port of loading",
                             "port of discharge", "free zone"),
}
# columns that hold country codes: in the records tables (by column key) and child tables
TABLE_COUNTRY_COLUMNS = frozenset({"country", "route"})
CHILD_COUNTRY_COLUMNS = frozenset({("identifier", "country"), ("route_stop", "country")})


def with_country_names(text: str) -> str:
    """'RU, CN' -> 'Russia (RU), China (CN)'; 'TR → Dubai' -> 'Turkey (TR) → Dubai'. Codes
    no country has, and any other text, stay as they are."""
    def name(m: re.Match[str]) -> str:
        code = m.group(0)
        shown = country_name(code)
        return f"{shown} ({code})" if shown and shown != code else code
    return _CODE.sub(name, text)


class CountryNamesDelegate(QStyledItemDelegate):
    """Shows the country code of a cell with its name, several codes as they are ('GB, CY;
    RU nationality': a narrow column showed 'United Kingdom (GB)…' of it), the names in the
    tooltip; edits the code as stored."""

    def displayText(self, value: Any, locale: QLocale | QLocale.Language) -> str:  # noqa: N802
        text = super().displayText(value, locale)
        return with_country_names(text) if len(_CODE.findall(text)) <= 1 else text

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView,  # noqa: N802
                  option: QStyleOptionViewItem, index: _Index) -> bool:
        """The names in full as the cell's tooltip (a narrow column cuts them)."""
        text = with_country_names(super().displayText(index.data(), view.locale())) \
            if index.isValid() else ""
        if event.type() == QEvent.Type.ToolTip and text:
            QToolTip.showText(event.globalPos(), plain_tooltip(text), view)
            return True
        return super().helpEvent(event, view, option, index)


class ChoiceDelegate(QStyledItemDelegate):
    """An editable combo box of usual values; any other text may be typed."""

    def __init__(self, choices: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: _Index) -> QWidget:
        box = QComboBox(parent)
        box.setEditable(True)
        box.addItems(list(self.choices))
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        return box

    def setEditorData(self, editor: QWidget, index: _Index) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        editor.setCurrentText(str(index.data() or ""))

    def setModelData(self, editor: QWidget, model: Any, index: _Index) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentText().strip())


def dress_child_table(view: QAbstractItemView, kind: str, keys: list[str]) -> None:
    """Give a child table's columns their delegates (country names, lists of choices)."""
    for col, key in enumerate(keys):
        if (kind, key) in CHOICES:
            view.setItemDelegateForColumn(col, ChoiceDelegate(CHOICES[(kind, key)], view))
        elif (kind, key) in CHILD_COUNTRY_COLUMNS:
            view.setItemDelegateForColumn(col, CountryNamesDelegate(view))


class RecordCells:
    """Keeps the country columns of a records table showing names, and its date columns
    their short form when narrow (:mod:`casefile.ui.date_cells`): after each new listing
    the columns are (re)assigned (before the table measures its columns, so the names are
    what they are sized to: :mod:`casefile.ui.column_widths`)."""

    def __init__(self, view: QTableView, columns: Any) -> None:
        self.view, self.columns = view, columns  # columns(): the model's Column list
        self.delegate = CountryNamesDelegate(view)
        self.dates = DateCellDelegate(view)
        model = view.model()
        model.modelReset.connect(self.assign)
        self.assign()

    def assign(self) -> None:
        keys = tuple(c.key for c in self.columns())
        for col in range(self.view.model().columnCount()):
            self.view.setItemDelegateForColumn(col, None)  # type: ignore[arg-type]
        wanted = [i for i, k in enumerate(keys) if k in TABLE_COUNTRY_COLUMNS]
        for col in wanted:
            self.view.setItemDelegateForColumn(col, self.delegate)
        for col in (i for i, k in enumerate(keys) if k == "date"):
            self.view.setItemDelegateForColumn(col, self.dates)
