"""The main window: lays out the navigator, record table, editor, timeline, TLP banner,
menus and status bar around one :class:`CaseSession`. The views follow the session on their
own; the window only arranges them, navigates, and remembers its layout and recent cases."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from casefile.errors import CasefileError
from casefile.store.kinds import RECORD_KINDS
from casefile.ui.about import app_icon
from casefile.ui.case_docks import CaseDocks, search_dock
from casefile.ui.cell_delegates import RecordCells
from casefile.ui.column_chooser import ColumnChooser
from casefile.ui.commands import WindowCommands
from casefile.ui.context_menus import EditorMenu, MenuCommands, NavigatorMenu
from casefile.ui.damage_notice import DamageNotice
from casefile.ui.duplicates_dialog import DuplicatesAction
from casefile.ui.editor_actions import EditorActions
from casefile.ui.editor_pane import EditorPane
from casefile.ui.empty_states import EmptyTableNotice
from casefile.ui.error_dialog import show_error
from casefile.ui.manual import ManualAction
from casefile.ui.menus import build_menus
from casefile.ui.party_view import PartyViewAction
from casefile.ui.recent_cases import RecentCases, absolute
from casefile.ui.record_actions import RecordActions
from casefile.ui.records_view import RecordsView
from casefile.ui.sections import Sections
from casefile.ui.session import CaseSession
from casefile.ui.start_screen import StartScreen
from casefile.ui.status_bar import CaseStatusBar
from casefile.ui.widgets import TlpBanner
from casefile.ui.window_layout import WindowLayout

if TYPE_CHECKING:
    from casefile.services.case.change import Change
    from casefile.services.case.facade import Case
    from casefile.ui.chart_dock import ChartDock
    from casefile.ui.search_panel import SearchPanel
    from casefile.ui.timeline_dock import TimelineDock

NAV_KINDS: tuple[str, ...] = RECORD_KINDS


class MainWindow(QMainWindow):
    """One window over one case at a time."""

    def __init__(self, settings: QSettings | None = None) -> None:
        super().__init__()
        self.settings = settings or QSettings("Casefile", "Casefile")
        self.session = CaseSession(self)
        self.setObjectName("casefile_main")
        self.setWindowTitle("Casefile")
        self.setWindowIcon(app_icon())
        self.resize(1400, 860)

        self.banner = TlpBanner()
        self.records = RecordsView(self.session, self.settings)
        self.sections = Sections(NAV_KINDS, self.records, self.settings,
                                 lambda: self.session.case is not None)
        self.nav = self.sections.nav
        self.record_cells = RecordCells(self.records.view, self.records.model.columns)
        self.editor = EditorPane(self.session)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        for w in (self.nav, self.records, self.editor):
            self.splitter.addWidget(w)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([170, 760, 470])
        workspace = QWidget()
        lay = QVBoxLayout(workspace)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.banner)
        lay.addWidget(self.splitter, 1)  # the banner keeps the height its text needs
        self.start = StartScreen()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.start)
        self.pages.addWidget(workspace)
        self.setCentralWidget(self.pages)
        self.status = CaseStatusBar(self.session)
        self.setStatusBar(self.status)

        self.menus = build_menus(self)
        self.recent = RecentCases(self.settings, self.start, self.menus, self.open_path)
        self.manual = ManualAction(self)  # Help → Manual (F1)
        self.editor_actions = EditorActions(self.session, self.editor, self.go_to, self._say)
        self.commands = WindowCommands(self.session, self, self.menus, self.records,
                                       self.go_to, self._say, self.store_typing)
        self.commands.connect_start(self.start)
        self.commands.focus_new = self.editor.focus_when_shown
        self.commands.settle_editor = lambda: (self.editor.current.flush_choices()
                                               if self.editor.current is not None else None)
        self.damage = DamageNotice(self, self.status, self.commands.repair,
                                   lambda: self.case.path if self.case else None,
                                   self.status.refresh)
        self.session.failed.connect(self.damage.failed)  # errors nobody asked to handle
        self.record_actions = RecordActions(self, self.session, self.records, self.nav,
                                            self.commands, self.editor_actions)
        self.party_view = PartyViewAction(self, self.session, self._current_party, self.go_to,
                                          self.commands.screening)
        self.menus.view.addAction(self.party_view)
        self.editor.party_requested.connect(self.party_view.show_party)
        self.record_actions.menu_hooks.append(self._party_menu)
        self.duplicates = DuplicatesAction(self, self.session)  # Edit → Find Duplicate Parties
        asks = MenuCommands(self.commands.new_record, self.commands.delete_selected,
                            self.editor_actions.cite, self.party_view.show_party,
                            self.menus.screen_party, self.go_to)
        self.nav_menu = NavigatorMenu(self.nav, self.records, self.session, asks)
        self.editor_menu = EditorMenu(self.editor, self.records, self.session, asks)
        self.column_chooser = ColumnChooser(self.records.view, self.records.model.columns,
                                            lambda: self.records.model.kind, self.settings,
                                            self.records.widths)
        self.empty_table = EmptyTableNotice(self.records, self.commands.new_record,
                                            lambda: not self.session.readonly)
        self._closing = False  # a close is waiting for what was typed to be stored
        self.window_layout = WindowLayout(self, self.splitter,
                                          lambda: (self.timeline, self.chart),
                                          self.settings, self.menus.view)
        self._docks: CaseDocks | None = None  # timeline and chart: made when first needed
        self._search: SearchPanel | None = None  # Ctrl+F: made when first asked for
        self.commands.find_panel = lambda text: self.search_panel.find_text(text)
        self.records.view.selectionModel().selectionChanged.connect(self._selection_changed)
        # a section read afresh (another kind, another case) drops the selection without
        # a selectionChanged: the timeline and chart must drop their marks with it
        self.records.model.modelReset.connect(self._selection_changed)
        self.records.selected.connect(self.editor.show_record)
        self.status.info_read.connect(self._show_info)
        self.session.opened.connect(self._opened)
        self.session.closed.connect(self._closed)
        self.session.changed.connect(self._changed)
        self.session.damaged.connect(self._damaged)
        self._restore()
        self._set_case_ui(False)

    @property
    def timeline(self) -> TimelineDock:
        return self._made_docks().timeline

    @property
    def chart(self) -> ChartDock:
        return self._made_docks().chart

    @property
    def search_panel(self) -> SearchPanel:
        """The live search panel (Ctrl+F), beside the timeline and chart."""
        if self._search is None:
            self._search = search_dock(self, self.session, self.chart, self.menus.view,
                                       self.menus.search_field, self.go_to)
        return self._search

    def _made_docks(self) -> CaseDocks:
        if self._docks is None:
            self._docks = CaseDocks(self, self.session, self.settings,
                                    (self.menus.view, self.window_layout.separator),
                                    self.go_to, self.records.set_date_range,
                                    self._chart_selected)
            # the tables' date filter zooms the timeline to its period (look22)
            self.records.bar.period_changed.connect(self._docks.timeline.plot.show_days)
        return self._docks

    # -- for tests and tools: what the window is showing ---------------------------------
    @property
    def case(self) -> Case | None:
        return self.session.case

    def _say(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    # -- settings -----------------------------------------------------------------------
    def _restore(self) -> None:
        for key, restore in (("window/geometry", self.restoreGeometry),
                             ("window/state", self.restoreState),
                             ("window/splitter", self.splitter.restoreState)):
            value = self.settings.value(key)
            if value is not None:
                restore(value)
        self.recent.shown()

    def recent_files(self) -> list[str]:
        """The cases opened last, newest first (:class:`RecentCases`)."""
        return self.recent.files()

    def store_typing(self, then: Callable[[], None]) -> None:
        """Store the field being edited, then ``then()``; if it is refused, say so and
        leave the case open (File → Close Case; the window's own close does the same)."""
        if not self.editor_actions.store_then(then, self._not_closed):
            then()

    def _close_again(self) -> None:
        self.close()

    def _not_closed(self, reasons: list[str]) -> None:
        self._closing = False
        show_error(self, CasefileError(
            "Not closed: what you typed cannot be stored.\n\n"
            + "\n".join(reasons) + "\n\nCorrect it, or press Escape in the field to put "
            "back what is stored, then close again."), "Not closed")

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.session.case is not None and not self._closing:
            # typing is stored (through the worker, like every edit) before the window
            # goes, and the window closes once it is; a second close meanwhile closes at once
            self._closing = True
            if self.editor_actions.store_then(self._close_again, self._not_closed):
                event.ignore()
                return
        self._closing = False
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.sync()
        self.session.shut_down()  # checkpoints the WAL and releases the lock on the spot
        super().closeEvent(event)

    # -- the case -----------------------------------------------------------------------
    def open_path(self, path: Path, readonly: bool = False) -> None:
        self.commands.open_path(absolute(path), readonly)

    def _opened(self, case: Case) -> None:
        self.damage.reset()
        self.sections.opened()  # (the table chosen before the workspace takes focus)
        self._set_case_ui(True)
        self.window_layout.first_shown()
        self.recent.remember(case.path)
        self.records.clear_filters(quiet=True)  # (look22) another case's filters are not its
        self.records.set_kind(self.current_kind())

    def _damaged(self, why: str) -> None:
        """The case failed SQLite's quick check after it opened: from now on it is read-only
        (edits are refused by the case); stop offering edits, and say so (damage_notice)."""
        self._set_case_ui(True)
        self.damage.checked(why)

    def _closed(self) -> None:
        self.damage.reset()
        self.setWindowTitle("Casefile")
        self.editor.show_nothing()
        self._set_case_ui(False)

    def _set_case_ui(self, has_case: bool) -> None:
        self.pages.setCurrentIndex(1 if has_case else 0)
        if has_case or self._docks is not None:  # (no docks made yet: nothing to hide)
            self._made_docks().show_for_case(has_case)
        if not has_case and self._search is not None:
            self._search.hide()
        self.menus.enable_for_case(has_case, self.session.readonly)
        self._update_undo()

    def _changed(self, change: Change) -> None:
        self._update_undo()
        for prefix, done in (("Undo: ", "Undone"), ("Redo: ", "Redone")):
            if change.name.startswith(prefix):  # said: the table may not show it changing
                what = change.name.removeprefix(prefix)
                self._say(f"{done}: {what}" + ("" if change.undoable else
                                               " (for good: import the file again to redo)"))

    def _update_undo(self) -> None:
        case = self.session.case
        undo = case.undo_name if case else None
        if undo and case is not None and case.undo_final:
            undo += " (cannot be redone)"  # said before, not only after (review)
        self.menus.set_undo(undo, case.redo_name if case else None)

    def _show_info(self, info: dict[str, Any], counts: dict[str, int]) -> None:
        case = self.session.case
        ro = "  (read-only)" if case is not None and case.readonly else ""
        name = f" — {case.path.name}" if case is not None else ""
        self.setWindowTitle(f"{info['title']}{name} — Casefile{ro}")
        self.banner.set_marking(info.get("marking"), info.get("classification", ""),
                                self.session.readonly, damaged=self.damage.why is not None)
        self.sections.counts_read(counts)

    # -- navigation ---------------------------------------------------------------------
    def current_kind(self) -> str:
        return self.sections.current_kind()

    def go_to(self, kind: str, record_id: int) -> None:
        """Show a record: switch the navigator to its kind and select it."""
        self.sections.go_to(kind, record_id)

    def _selection_changed(self, *_args: object) -> None:
        kind = self.records.kind
        keys = [(kind, i) for i in self.records.selected_ids()]
        self.timeline.highlight(keys)
        self.chart.highlight(keys)

    def _chart_selected(self, records: list[tuple[str, int]]) -> None:
        """Nodes or a link chosen in the chart: their record in the table."""
        kind, rid = records[-1]
        if kind in NAV_KINDS:
            self.go_to(kind, rid)

    def _current_party(self) -> int | None:
        """The party shown in the editor, else the one party selected in the table."""
        shown = self.editor.shown()
        if shown is not None and shown[0] == "entity":
            return shown[1]
        ids = self.records.selected_ids()
        return ids[0] if self.records.kind == "entity" and len(ids) == 1 else None

    def _party_menu(self, menu: QMenu, kind: str, ids: list[int]) -> None:
        if kind == "entity":
            menu.addAction("All About This Party…",
                           lambda: self.party_view.show_party(ids[0])).setEnabled(len(ids) == 1)
