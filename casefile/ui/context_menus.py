"""Right-click menus of the navigator (show a section, new record of its kind, filter, clear
the filters) and of the editor (cite, all about this party, screen it, show in the table,
copy, delete). The records table's own menu is in :mod:`casefile.ui.record_actions`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QListWidget, QMenu, QWidget

from casefile.core.labels import plural, singular
from casefile.store.kinds import FACT_KINDS, RECORD_KINDS
from casefile.ui.editor_pane import EditorPane
from casefile.ui.records_view import RecordsView
from casefile.ui.session import CaseSession


@dataclass
class MenuCommands:
    """What the menus ask of the window."""

    new_record: Callable[[str], None]
    delete_selected: Callable[[], None]
    cite: Callable[[str, int], None]
    about_party: Callable[[int], object]
    screen_party: QAction
    go_to: Callable[[str, int], None]


class NavigatorMenu(QObject):
    """The navigator's right-click menu, for the section under the mouse."""

    def __init__(self, nav: QListWidget, records: RecordsView, session: CaseSession,
                 commands: MenuCommands) -> None:
        super().__init__(nav)
        self.nav, self.records, self.session, self.commands = nav, records, session, commands
        nav.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        nav.customContextMenuRequested.connect(
            lambda pos: _popup(self.menu(pos), nav.viewport().mapToGlobal(pos)))

    def menu(self, pos: QPoint) -> QMenu | None:
        item = self.nav.itemAt(pos)
        if item is None or self.session.case is None:
            return None
        row = self.nav.row(item)
        kind = RECORD_KINDS[row]
        writes = not self.session.readonly
        menu = QMenu(self.nav)
        menu.addAction(f"Show {plural(kind)}", lambda: self.nav.setCurrentRow(row))
        menu.addAction(f"New {singular(kind)}", lambda: self._new(row, kind)).setEnabled(writes)
        menu.addSeparator()
        menu.addAction(f"Filter {plural(kind)}…", lambda: self._filter(row))
        menu.addAction("Clear Filters", self.clear_filters).setEnabled(
            self.records.filters().active())
        return menu

    def _new(self, row: int, kind: str) -> None:
        self.nav.setCurrentRow(row)
        self.commands.new_record(kind)

    def _filter(self, row: int) -> None:
        self.nav.setCurrentRow(row)
        self.records.text.setFocus()
        self.records.text.selectAll()

    def clear_filters(self) -> None:
        self.records.clear_filters()


class EditorMenu(QObject):
    """The editor's right-click menu (outside its fields, which keep their own), for the
    record it shows."""

    def __init__(self, pane: EditorPane, records: RecordsView, session: CaseSession,
                 commands: MenuCommands) -> None:
        super().__init__(pane)
        self.pane, self.records, self.session, self.commands = pane, records, session, commands
        holder = pane.widget()
        assert holder is not None
        self.holder: QWidget = holder
        holder.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        holder.customContextMenuRequested.connect(
            lambda pos: _popup(self.menu(), holder.mapToGlobal(pos)))

    def menu(self) -> QMenu | None:
        shown = self.pane.shown()
        if shown is None:
            return None
        kind, rid = shown
        writes = not self.session.readonly
        c = self.commands
        menu = QMenu(self.pane)
        if kind in FACT_KINDS:
            menu.addAction("Cite Source…", lambda: c.cite(kind, rid)).setEnabled(writes)
        if kind == "entity":
            menu.addAction("All About This Party…", lambda: c.about_party(rid))
            menu.addAction("Screen This Party…", c.screen_party.trigger).setEnabled(
                c.screen_party.isEnabled())
        menu.addSeparator()
        menu.addAction("Show in Table", lambda: c.go_to(kind, rid))
        menu.addAction(f"Copy {singular(kind)} Title", self.copy_title)
        menu.addSeparator()
        in_table = self.records.kind == kind and self.records.selected_ids() == [rid]
        menu.addAction(f"Delete This {singular(kind)}…", c.delete_selected).setEnabled(
            writes and in_table)
        return menu

    def copy_title(self) -> None:
        ed = self.pane.current
        if ed is not None:
            QGuiApplication.clipboard().setText(ed.heading.text())


def _popup(menu: QMenu | None, where: QPoint) -> None:
    if menu is not None:
        menu.popup(where)
