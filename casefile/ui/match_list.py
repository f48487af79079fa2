"""The import dialogs' list of possible matches: each party of the file that looks like a
party of the case, with a tick box to use the existing party instead of a new one."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from casefile.services.exchange.imports.report import party_and_reason

HEIGHT = 110  # pixels: a few matches, the report keeps the rest of the height


class MatchList(QListWidget):
    """One line a proposal of a check ``(name, party id, that party as said, score)``,
    unticked: a new party unless the user ticks it."""

    def __init__(self) -> None:
        super().__init__()
        self.setMaximumHeight(HEIGHT)

    def show_proposals(self, proposals: Iterable[tuple[str, int, str, float]]) -> None:
        self.clear()
        for name, eid, existing, score in proposals:
            shown, reason = party_and_reason(existing)
            item = QListWidgetItem(f"“{name}” looks like “{shown}” (#{eid}, {score:.0f}%)"
                                   f"{reason}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, (name, eid))
            self.addItem(item)

    def accepted(self) -> dict[str, int]:
        """The file's name -> the case's party, of each ticked match."""
        out = {}
        for i in range(self.count()):
            item = self.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                name, eid = item.data(Qt.ItemDataRole.UserRole)
                out[name] = eid
        return out
