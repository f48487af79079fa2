"""The main window: lays out the navigator, record table, editor, timeline, TLP banner,
menus and status bar around one :class:`CaseSession`. The views follow the session on their
own; the window only arranges them, navigates, and remembers its layout and recent cases."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from casefile.core.labels import plural
from casefile.errors import CasefileError
from casefile.services.case.change import Change
from casefile.services.case.facade import Case
from casefile.store.schema import RECORD_KINDS
from casefile.ui.about import app_icon
from casefile.ui.chart_dock import ChartDock
from casefile.ui.commands import WindowCommands
from casefile.ui.editor_actions import EditorActions
from casefile.ui.editor_pane import EditorPane
from casefile.ui.empty_states import EmptyTableNotice
from casefile.ui.error_dialog import show_error
from casefile.ui.manual import ManualAction
from casefile.ui.menus import build_menus
from casefile.ui.record_actions import RecordActions
from casefile.ui.records_view import RecordsView
from casefile.ui.session import CaseSession
from casefile.ui.start_screen import StartScreen
from casefile.ui.status_bar import CaseStatusBar
from casefile.ui.timeline_dock import TimelineDock
from casefile.ui.widgets import TlpBanner
from casefile.ui.window_layout import WindowLayout

NAV_KINDS: tuple[str, ...] = RECORD_KINDS
TIMELINE_HEIGHT = 250  # at first: the tables keep most of the height


def absolute(path: str | Path) -> Path:
    """A case's path as remembered: absolute, links resolved, wherever Casefile started."""
    return Path(path).expanduser().resolve()


class MainWindow(QMainWindow):
    """One window over one case at a time."""

    def __init__(self, settings: QSettings | None = None) -> None:
        super().__init__()
        self.settings = settings or QSettings("Casefile", "Casefile")
        self.session = CaseSession(self)
        self.session.failed.connect(lambda exc: show_error(self, exc))
        self.setObjectName("casefile_main")
        self.setWindowTitle("Casefile")
        self.setWindowIcon(app_icon())
        self.resize(1400, 860)

        self.banner = TlpBanner()
        self.nav = QListWidget()
        self.nav.setMaximumWidth(190)
        for kind in NAV_KINDS:
            item = QListWidgetItem(plural(kind))
            item.setData(Qt.ItemDataRole.UserRole, kind)
            self.nav.addItem(item)
        self.records = RecordsView(self.session, self.settings)
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
        self.manual = ManualAction(self)  # Help → Manual (F1)
        self.editor_actions = EditorActions(self.session, self.editor, self.go_to, self._say)
        self.commands = WindowCommands(self.session, self, self.menus, self.records,
                                       self.go_to, self._say, self.store_typing)
        self.commands.connect_start(self.start)
        self.record_actions = RecordActions(self, self.session, self.records, self.nav,
                                            self.commands, self.editor_actions)
        self.empty_table = EmptyTableNotice(self.records, self.commands.new_record,
                                            lambda: not self.session.readonly)
        self._closing = False  # a close is waiting for what was typed to be stored
        self.timeline = TimelineDock(self.session, self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.timeline)
        self.resizeDocks([self.timeline], [TIMELINE_HEIGHT], Qt.Orientation.Vertical)
        self.menus.view.addAction(self.timeline.toggleViewAction())
        self.window_layout = WindowLayout(self, self.splitter, self.timeline, self.settings,
                                          self.menus.view)
        self.timeline.record_clicked.connect(self.go_to)
        self.timeline.filter_requested.connect(self.records.set_date_range)
        self.timeline.toggleViewAction().triggered.connect(
            lambda on: self.settings.setValue("timeline/visible", "true" if on else "false"))
        self.chart = ChartDock(self.session, self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.chart)
        self.tabifyDockWidget(self.timeline, self.chart)
        self.timeline.raise_()
        self.menus.view.addAction(self.chart.toggleViewAction())
        self.chart.record_opened.connect(self.go_to)
        self.chart.records_selected.connect(self._chart_selected)
        self.timeline.plot.getViewBox().sigXRangeChanged.connect(
            lambda *_: self.chart.timeline_moved(*self.timeline.plot.visible_range()))
        self.records.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.records.selected.connect(self.editor.show_record)
        self.nav.currentRowChanged.connect(self._kind_chosen)
        self.status.info_read.connect(self._show_info)
        self.session.opened.connect(self._opened)
        self.session.closed.connect(self._closed)
        self.session.changed.connect(self._changed)
        self._restore()
        self._set_case_ui(False)

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
        self._recent_changed()

    def recent_files(self) -> list[str]:
        """The cases opened last, newest first, as absolute paths (a relative one, stored
        by an older Casefile, meant a folder nobody knows now and is left out)."""
        value: Any = self.settings.value("recent", [])
        items = [value] if isinstance(value, str) else list(value or [])
        return [p for p in items if p and Path(p).is_absolute()][:10]

    def _remember(self, path: Path) -> None:
        where = str(absolute(path))
        items = [where] + [p for p in self.recent_files() if p != where]
        self.settings.setValue("recent", items[:10])
        self.settings.setValue("last_case", where)
        self._recent_changed()

    def _recent_changed(self) -> None:
        self.start.set_recent(self.recent_files())
        self.menus.fill_recent(self.recent_files(), self.open_path)

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
        kind = str(self.settings.value("nav/kind", "shipment"))
        self.nav.blockSignals(True)  # choose the table before the workspace takes focus
        self.nav.setCurrentRow(NAV_KINDS.index(kind) if kind in NAV_KINDS else 1)
        self.nav.blockSignals(False)
        self._set_case_ui(True)
        self.window_layout.first_shown()
        self._remember(case.path)
        self.records.set_kind(self.current_kind())

    def _closed(self) -> None:
        self.setWindowTitle("Casefile")
        self.editor.show_nothing()
        self._set_case_ui(False)

    def _set_case_ui(self, has_case: bool) -> None:
        self.pages.setCurrentIndex(1 if has_case else 0)
        self.timeline.setVisible(has_case and self.settings.value("timeline/visible", "true")
                                 in ("true", True))
        self.chart.setVisible(has_case)
        self.menus.enable_for_case(has_case, self.session.readonly)
        self._update_undo()

    def _changed(self, _change: Change) -> None:
        self._update_undo()

    def _update_undo(self) -> None:
        case = self.session.case
        self.menus.set_undo(case.undo_name if case else None, case.redo_name if case else None)

    def _show_info(self, info: dict[str, Any], counts: dict[str, int]) -> None:
        case = self.session.case
        ro = "  (read-only)" if case is not None and case.readonly else ""
        name = f" — {case.path.name}" if case is not None else ""
        self.setWindowTitle(f"{info['title']}{name} — Casefile{ro}")
        self.banner.set_marking(info.get("marking"), info.get("classification", ""),
                                self.session.readonly)
        for i in range(self.nav.count()):
            item = self.nav.item(i)
            kind = item.data(Qt.ItemDataRole.UserRole)
            item.setText(f"{plural(kind)}  ({counts.get(kind, 0):,})")

    # -- navigation ---------------------------------------------------------------------
    def _kind_chosen(self, _row: int) -> None:
        if self.session.case is not None:
            self.settings.setValue("nav/kind", self.current_kind())
        self.records.set_kind(self.current_kind())

    def current_kind(self) -> str:
        item = self.nav.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else "entity"

    def go_to(self, kind: str, record_id: int) -> None:
        """Show a record: switch the navigator to its kind and select it."""
        row = NAV_KINDS.index(kind)
        if (self.nav.currentRow() == row and self.records.model.kind == kind
                and self.records.select_id(record_id)):  # (not rows of a kind still loading)
            return
        self.records.text.blockSignals(True)
        self.records.text.clear()
        self.records.text.blockSignals(False)
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(row)
        self.nav.blockSignals(False)
        self.records.set_kind(kind, keep_id=record_id)

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
