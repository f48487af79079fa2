"""The review list of the screening dialog: the hits as a table model (best score first,
as the service returns them) and the two records shown side by side, as plain text."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from casefile.core.screening import FLAG_THRESHOLD
from casefile.services.case.facade import Case
from casefile.services.case.screening_ops import VERDICT_WORDS
from casefile.services.screening.results import HitRow

COLUMNS = ("Score", "Party", "List entry", "Schema", "Decision")
_Index = QModelIndex | QPersistentModelIndex


class HitModel(QAbstractTableModel):
    """The hits, best score first (as the service returns them)."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[HitRow] = []

    def set_rows(self, rows: list[HitRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        h = self.rows[index.row()]
        if index.column() == 0:
            return f"{h.score:.2f}{' !' if h.score >= FLAG_THRESHOLD else ''}"
        if index.column() == 4:
            if h.open:
                return "open" + (f" ({h.reopened})" if h.reopened not in ("", "new",
                                                                          "not yet decided")
                                 else "")
            return VERDICT_WORDS[h.verdict] + (" (earlier run)" if h.carried else "")
        return (h.party, h.list_caption, h.list_schema)[index.column() - 1]


def party_text(case: Case, entity_id: int) -> str:
    e = case.get("entity", entity_id) or {}
    lines = [f"{e.get('name', '')}", f"kind: {e.get('kind', '')}"]
    countries = [c for c in [e.get("country") or "", *(e.get("other_countries") or "")
                             .split(","), *(e.get("nationality") or "").split(",")] if c]
    if countries:
        lines.append("countries: " + ", ".join(countries))
    if e.get("birth_text"):
        lines.append(f"born: {e['birth_text']}")
    if e.get("gender"):
        lines.append(f"gender: {e['gender']}")
    for a in case.children("alias", "entity_id", entity_id):
        lines.append(f"alias: {a['name']}")
    for i in case.children("identifier", "entity_id", entity_id):
        lines.append(f"{i['scheme']}: {i['value']}")
    return "\n".join(lines)


def entry_text(h: HitRow) -> str:
    e = h.entry
    lines = [e.get("caption", ""), f"{e.get('schema', '')} {e.get('id', '')}",
             f"datasets: {', '.join(e.get('datasets', []))}",
             f"last change: {e.get('last_change', '')}"]
    for prop, values in sorted((e.get("properties") or {}).items()):
        lines += [f"{prop}: {v}" for v in values]
    return "\n".join(lines)
