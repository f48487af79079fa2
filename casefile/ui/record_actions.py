"""Working with the records table from the keyboard and the mouse: Ctrl+1…7 go to a
section, Ctrl+N makes a record of a kind chosen in a small list, right-click on the table
offers open, cite, copy, filter by this value, edit several, merge and delete."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from casefile.core.labels import plural, singular
from casefile.store.kinds import FACT_KINDS, RECORD_KINDS
from casefile.ui.bulk_edit import BulkEditDialog, can_bulk_edit
from casefile.ui.commands import WindowCommands
from casefile.ui.editor_actions import EditorActions
from casefile.ui.error_dialog import show_error
from casefile.ui.ops import records as record_ops
from casefile.ui.records_view import RecordsView
from casefile.ui.session import CaseSession
from casefile.ui.text import plain_label

_KIND = Qt.ItemDataRole.UserRole


CHARTED = ("entity", "shipment", "relationship", "sanction")  # kinds a chart draws


class KindChooser(QDialog):
    """Which kind of record to make: the list of kinds, the current section first chosen;
    Enter, a double-click or the kind's number key makes it."""

    def __init__(self, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New record")
        self.list = QListWidget()
        for i, kind in enumerate(RECORD_KINDS):
            item = QListWidgetItem(f"{i + 1}   {singular(kind)}")
            item.setData(_KIND, kind)
            self.list.addItem(item)
        self.list.setCurrentRow(RECORD_KINDS.index(current) if current in RECORD_KINDS
                                else 0)
        self.list.itemActivated.connect(lambda _i: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(plain_label("Make a new…"))
        lay.addWidget(self.list)
        lay.addWidget(buttons)
        for i in range(len(RECORD_KINDS)):
            key = QAction(self)
            key.setShortcut(QKeySequence(str(i + 1)))
            key.triggered.connect(partial(self._pick, i))
            self.addAction(key)
        self.resize(260, 280)

    def _pick(self, row: int) -> None:
        self.list.setCurrentRow(row)
        self.accept()

    def kind(self) -> str:
        return str(self.list.currentItem().data(_KIND))


class RecordActions(QObject):
    """Owns the section shortcuts, New Record… (Ctrl+N), Edit Several… and the records
    table's context menu."""

    def __init__(self, win: QMainWindow, session: CaseSession, records: RecordsView,
                 choose_section: QListWidget, commands: WindowCommands,
                 editor_actions: EditorActions) -> None:
        super().__init__(win)
        self.win, self.session, self.records = win, session, records
        self.commands, self.editor_actions = commands, editor_actions
        self.chooser: KindChooser | None = None  # while open (tests answer it)
        self.bulk_dialog: BulkEditDialog | None = None
        # more items for the context menu, added by other views: fn(menu, kind, ids)
        self.menu_hooks: list[Callable[[QMenu, str, list[int]], None]] = []
        self.new_any = QAction("&New Record…", win)
        self.new_any.setShortcut(QKeySequence("Ctrl+N"))
        self.new_any.triggered.connect(self.new_record)
        self.edit_several = QAction("Edit &Several…", win)
        self.edit_several.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.edit_several.triggered.connect(self.bulk_edit)
        self.sections: list[QAction] = []
        go = QMenu("&Go to Section", win)
        for i, kind in enumerate(RECORD_KINDS):
            act = go.addAction(plural(kind))
            act.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            act.triggered.connect(partial(choose_section.setCurrentRow, i))
            self.sections.append(act)
        edit = _menu(win, "&Edit")
        if len(edit.actions()) > 3:  # after Undo, Redo and the line under them
            edit.insertAction(edit.actions()[3], self.new_any)
        else:
            edit.addAction(self.new_any)
        edit.addAction(self.edit_several)
        _menu(win, "&View").addMenu(go)
        win.addActions([self.new_any, self.edit_several, *self.sections])
        view = records.view
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self.show_context_menu)
        session.opened.connect(lambda _c: self._enable(True))
        session.closed.connect(lambda: self._enable(False))
        self._enable(False)

    def _enable(self, has_case: bool) -> None:
        writes = has_case and not self.session.readonly
        self.new_any.setEnabled(writes)
        self.edit_several.setEnabled(writes)
        for act in self.sections:
            act.setEnabled(has_case)

    # -- new ------------------------------------------------------------------------------
    def new_record(self) -> None:
        dlg = self.chooser = KindChooser(self.records.kind, self.win)
        try:
            if dlg.exec():
                self.commands.new_record(dlg.kind())
        finally:
            self.chooser = None

    # -- several --------------------------------------------------------------------------
    def bulk_edit(self) -> None:
        kind, ids = self.records.kind, self.records.selected_ids()
        if not ids or not can_bulk_edit(kind) or self.session.readonly:
            return
        dlg = self.bulk_dialog = BulkEditDialog(kind, len(ids), self.win)
        try:
            if not dlg.exec():
                return
        finally:
            self.bulk_dialog = None
        values, add, remove = dlg.change()
        record_ops.edit_many(self.session, kind, ids, values, add, remove) \
            .success(lambda change: self.commands.status(
                f"Changed {change.result:,} of {len(ids):,} {plural(kind).lower()}")) \
            .failure(lambda exc: show_error(self.win, exc, "Not changed")).run()

    # -- the context menu -----------------------------------------------------------------
    def context_menu(self, pos: QPoint) -> QMenu | None:
        """The menu for a right-click at ``pos`` in the table's viewport (None off rows).
        A click outside the selection selects the row clicked first."""
        view, model = self.records.view, self.records.model
        index = view.indexAt(pos)
        if not index.isValid():
            return None
        clicked = model.record_id(index.row())
        if clicked is None:
            return None
        if not view.selectionModel().isRowSelected(index.row(), index.parent()):
            self.records.select_id(clicked)
        kind, ids = self.records.kind, self.records.selected_ids()
        writes = not self.session.readonly
        value = str(index.data() or "")
        column = model.columns()[index.column()]
        menu = QMenu(view)
        menu.addAction("Open", self.open_current).setEnabled(len(ids) == 1)
        for hook in self.menu_hooks:
            hook(menu, kind, ids)
        if kind in FACT_KINDS:
            menu.addAction("Cite Source…", partial(self.editor_actions.cite, kind,
                                                   ids[0])).setEnabled(len(ids) == 1
                                                                       and writes)
        menu.addSeparator()
        menu.addAction("Copy", partial(_copy, value)).setEnabled(bool(value))
        menu.addAction(f"Copy {len(ids)} Row{'s' if len(ids) != 1 else ''}", self.copy_rows)
        shown = value if len(value) <= 30 else value[:29] + "…"
        menu.addAction(f"Filter by “{shown}”" if value else "Filter by this value",
                       partial(self.filter_by, column.key, value)).setEnabled(bool(value))
        chart = getattr(self.win, "chart", None)  # the link chart dock
        if chart is not None and kind in CHARTED:
            menu.addAction("Chart from Selection", partial(
                chart.scope.chart_records, [(kind, i) for i in ids]))
        menu.addSeparator()
        if can_bulk_edit(kind):
            menu.addAction(f"Edit {len(ids)} {plural(kind) if len(ids) > 1 else singular(kind)}"
                           "…", self.bulk_edit).setEnabled(writes)
        if kind == "entity":
            menu.addAction("Merge…", self.commands.merge_selected).setEnabled(
                len(ids) == 2 and writes)
        menu.addAction("Delete…", self.commands.delete_selected).setEnabled(writes)
        return menu

    def show_context_menu(self, pos: QPoint) -> None:
        menu = self.context_menu(pos)
        if menu is not None:
            menu.popup(self.records.view.viewport().mapToGlobal(pos))

    def open_current(self) -> None:
        """Open: the editor of the selected record takes the keyboard."""
        editor = self.editor_actions.pane
        editor.setFocus()
        if editor.current is not None:
            editor.current.focusNextChild()

    def copy_rows(self) -> None:
        """The selected rows as tab-separated text, with the column titles first."""
        view, model = self.records.view, self.records.model
        rows = sorted({i.row() for i in view.selectionModel().selectedRows()})
        cols = range(model.columnCount())
        lines = ["\t".join(c.title for c in model.columns())]
        lines += ["\t".join(str(model.index(r, c).data() or "").replace("\t", " ")
                            for c in cols) for r in rows]
        _copy("\n".join(lines))

    def filter_by(self, key: str, value: str) -> None:
        """Narrow the table to rows with this value: a country goes in the country filter,
        a tag in the tag filter, anything else in the text filter."""
        r = self.records
        if key == "country":
            r.country.setText(value)
        elif key == "tags":
            first = value.split(",")[0].strip()
            found = r.tag.findData(first)
            if found >= 0:
                r.tag.setCurrentIndex(found)
            else:
                r.text.setText(first)
        else:
            r.text.setText(value)


def _copy(text: str) -> None:
    QGuiApplication.clipboard().setText(text)


def _menu(win: QMainWindow, title: str) -> QMenu:
    for act in win.menuBar().actions():
        if act.text() == title and act.menu() is not None:
            menu = act.menu()
            assert isinstance(menu, QMenu)
            return menu
    return win.menuBar().addMenu(title)
