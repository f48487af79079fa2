"""Edit → Find Duplicate Parties…: pairs of parties that may be one, proposed by name,
alias and identifier. Nothing is merged until the user ticks a pair and confirms; each pair
merges as its own undo step (Case.merge_entities), the other party's names, identifiers,
records and citations moving to the one kept."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casefile.core.names import kept_apart
from casefile.ui.error_dialog import show_error
from casefile.ui.ops import records as record_ops
from casefile.ui.session import CaseSession

if TYPE_CHECKING:  # the database layer loads with the first case, not with the window
    from casefile.services.case.change import Change
    from casefile.services.case.facade import Case
    from casefile.services.queries.duplicates import Proposal
from casefile.ui.text import plain_label, plain_tooltip

_PAIR = Qt.ItemDataRole.UserRole


class DuplicatesDialog(QDialog):
    """The proposals, a tick box each; Merge Ticked… asks once more, then merges."""

    def __init__(self, session: CaseSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.question: QMessageBox | None = None  # while the confirmation is open
        self.proposals: list[Proposal] = []
        self.setWindowTitle("Find duplicate parties")
        self.intro = plain_label(
            "Parties that may be the same one. Tick the pairs that are, check which one "
            "is kept (Swap changes it), then Merge Ticked. Each merge can be undone.", wrap=True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Keep", "Merge into it", "Alike", "Why"])
        self.tree.setRootIsDecorated(False)
        for col, width in enumerate((260, 260, 60)):
            self.tree.setColumnWidth(col, width)
        self.tree.itemChanged.connect(lambda *_: self._update())
        self.swap_button = QPushButton("Swap")
        self.swap_button.setToolTip("Keep the other party of the selected pair")
        self.swap_button.clicked.connect(self.swap_current)
        self.merge_button = QPushButton("Merge Ticked…")
        self.merge_button.clicked.connect(self.merge_ticked)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.swap_button)
        row.addStretch(1)
        row.addWidget(self.merge_button)
        row.addWidget(close)
        self.summary = plain_label()
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addWidget(self.tree, 1)
        lay.addWidget(self.summary)
        lay.addLayout(row)
        self.resize(860, 480)
        session.changed.connect(self._case_changed)
        self.reload()

    def _case_changed(self, change: Change) -> None:
        """Look again when parties changed while the list is shown (look32: an Edit → Undo
        of a merge brought the party back, the list kept it out)."""
        kinds = {*change.touched, *change.created, *change.deleted}
        if self.isVisible() and kinds & {"entity", "alias", "identifier"}:
            self.reload()

    def reload(self) -> None:
        def read(case: Case) -> list[Proposal]:
            from casefile.services.queries.duplicates import find_duplicates

            with case.read() as conn:
                return find_duplicates(conn)
        self.summary.setText("Looking for parties that may be the same…")
        self.session.query(read, self._show)

    def _show(self, proposals: list[Proposal]) -> None:
        self.proposals = proposals
        self.tree.blockSignals(True)
        self.tree.clear()
        for p in proposals:
            item = QTreeWidgetItem(["", "", f"{p.score}%", p.reason])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Unchecked)  # never ticked for the user
            self._set_pair(item, p.keep, p.keep_name, p.other, p.other_name)
            self.tree.addTopLevelItem(item)
        self.tree.blockSignals(False)
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)
        self._update()

    @staticmethod
    def _set_pair(item: QTreeWidgetItem, keep: int, keep_name: str, other: int,
                  other_name: str) -> None:
        item.setText(0, f"{kept_apart(keep_name)}  (#{keep})")  # (an Arabic name kept
        item.setText(1, f"{kept_apart(other_name)}  (#{other})")  # from turning the line)
        item.setData(0, _PAIR, (keep, keep_name, other, other_name))
        item.setToolTip(0, plain_tooltip(keep_name))
        item.setToolTip(1, plain_tooltip(other_name))

    def _update(self) -> None:
        n = len(self.ticked())
        total = self.tree.topLevelItemCount()
        self.merge_button.setEnabled(n > 0 and not self.session.readonly)
        self.swap_button.setEnabled(total > 0)
        found = getattr(self.proposals, "total", total)
        shown = (f"The {total:,} most alike of {found:,} possible duplicates (merge some "
                 "and look again for the rest)" if found > total else
                 f"{total} possible duplicate{'s' if total != 1 else ''}")
        self.summary.setText(f"{shown}, {n} ticked." if total else
                             "No parties look alike: nothing to merge.")

    def items(self) -> list[QTreeWidgetItem]:
        return [it for i in range(self.tree.topLevelItemCount())
                if (it := self.tree.topLevelItem(i)) is not None]

    def ticked(self) -> list[tuple[int, str, int, str]]:
        """(keep, its name, other, its name) of every ticked pair, in the order shown."""
        return [it.data(0, _PAIR) for it in self.items()
                if it.checkState(0) == Qt.CheckState.Checked]

    def swap_current(self) -> None:
        item = self.tree.currentItem()
        if item is not None:
            keep, keep_name, other, other_name = item.data(0, _PAIR)
            self._set_pair(item, other, other_name, keep, keep_name)

    def merge_ticked(self) -> None:
        pairs = _chained(self.ticked())
        if not pairs:
            return
        lines = [f"• {o_name} into {k_name}" for k, k_name, o, o_name in pairs]
        box = self.question = QMessageBox(
            QMessageBox.Icon.Question, "Merge parties", "", QMessageBox.StandardButton.Cancel,
            self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(f"Merge {len(pairs)} pair{'s' if len(pairs) != 1 else ''}?\n\n"
                    + "\n".join(lines[:20]) + ("\n…" if len(lines) > 20 else "")
                    + "\n\nThe second party's names, identifiers, records and citations "
                      "move to the first, and its details join the first's (what it says "
                      "otherwise is kept in the first's description). Each merge is one step "
                      "of Undo.")
        merge = box.addButton("Merge", QMessageBox.ButtonRole.AcceptRole)
        try:
            box.exec()
            if box.clickedButton() is not merge:
                return
        finally:
            self.question = None
        for i, (keep, _kn, other, _on) in enumerate(pairs):
            op = record_ops.merge_entities(self.session, keep, other).failure(self._failed)
            if i == len(pairs) - 1:  # the proposals again once the last is merged
                op.success(lambda _c: self.reload())
            op.run()

    def _failed(self, exc: BaseException) -> None:
        show_error(self, exc, "Not merged")
        self.reload()


def _chained(pairs: list[tuple[int, str, int, str]]) -> list[tuple[int, str, int, str]]:
    """Ticked pairs as merges that can run one after another: a party merged away is
    replaced by the party it went into; a pair that became one party is left out."""
    into: dict[int, tuple[int, str]] = {}

    def final(eid: int, name: str) -> tuple[int, str]:
        while eid in into:
            eid, name = into[eid]
        return eid, name

    out = []
    for keep, keep_name, other, other_name in pairs:
        k, kn = final(keep, keep_name)
        o, on = final(other, other_name)
        if k != o:
            into[o] = (k, kn)
            out.append((k, kn, o, on))
    return out


class DuplicatesAction(QAction):
    """Edit → Find Duplicate Parties…"""

    def __init__(self, win: QMainWindow, session: CaseSession) -> None:
        super().__init__("Find &Duplicate Parties…", win)
        self.win, self.session = win, session
        self.dialog: DuplicatesDialog | None = None
        self.triggered.connect(self.show_dialog)
        edit = next((m for a in win.menuBar().actions() if a.text() == "&Edit"
                     and isinstance(m := a.menu(), QMenu)), None)
        if edit is not None:  # after Merge Entities…
            merge = next((a for a in edit.actions() if a.text() == "&Merge Entities…"), None)
            after = edit.actions()[edit.actions().index(merge) + 1] \
                if merge is not None and edit.actions()[-1] is not merge else None
            edit.insertAction(after, self) if after is not None else edit.addAction(self)
        session.opened.connect(lambda _c: self.setEnabled(not session.readonly))
        session.closed.connect(lambda: self.setEnabled(False))
        session.closed.connect(lambda: self.dialog is not None and self.dialog.close())
        self.setEnabled(False)

    def show_dialog(self) -> DuplicatesDialog:
        if self.dialog is None:
            self.dialog = DuplicatesDialog(self.session, self.win)
        else:
            self.dialog.reload()
        self.dialog.show()
        self.dialog.activateWindow()
        return self.dialog
