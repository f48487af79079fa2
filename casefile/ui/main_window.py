"""The main window: navigator, record table, editor, TLP banner, menus and status bar. It
holds the open case and runs every database call on the worker thread."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from casefile.core.grading import TLP
from casefile.core.labels import plural
from casefile.services.case.facade import Case, Change
from casefile.services.queries import listing
from casefile.services.queries.record import record_bundle
from casefile.services.queries.timeline import case_timeline
from casefile.ui import actions, case_actions
from casefile.ui.editor_pane import EditorPane
from casefile.ui.records_view import RecordsView
from casefile.ui.start_screen import StartScreen
from casefile.ui.text import plain_label
from casefile.ui.timeline_dock import TimelineDock
from casefile.ui.widgets import TlpBanner
from casefile.ui.worker import DbWorker

NAV_KINDS = ("entity", "shipment", "event", "source", "finding", "relationship", "sanction")
# kinds whose table shows names of entities or counts of citations
_SHOWS = {"shipment": {"entity", "route_stop"}, "relationship": {"entity"},
          "sanction": {"entity"}, "entity": {"alias", "citation"}, "event": {"citation"},
          "source": {"citation", "attachment"}, "finding": {"citation"}}


class MainWindow(QMainWindow):
    """One window over one case at a time."""

    case_changed = Signal()  # a case was opened or closed
    listing_shown = Signal(str)  # kind, after the table shows fresh rows
    record_shown = Signal(str, object)  # kind, id, after the editor shows a record
    change_applied = Signal(object)  # Change
    timeline_shown = Signal()

    def __init__(self, settings: QSettings | None = None) -> None:
        super().__init__()
        self.settings = settings or QSettings("Casefile", "Casefile")
        self.case: Case | None = None
        self.worker = DbWorker(self)
        self.worker.failed.connect(lambda exc: case_actions.show_error(self, exc))
        self.setObjectName("casefile_main")
        self.setWindowTitle("Casefile")
        self.resize(1400, 860)

        self.banner = TlpBanner()
        self.nav = QListWidget()
        self.nav.setMaximumWidth(190)
        for kind in NAV_KINDS:
            item = QListWidgetItem(plural(kind))
            item.setData(Qt.ItemDataRole.UserRole, kind)
            self.nav.addItem(item)
        self.records = RecordsView()
        self.editor = EditorPane(self._entity_choices)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.records)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([170, 760, 470])
        workspace = QWidget()
        lay = QVBoxLayout(workspace)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.banner)
        lay.addWidget(self.splitter)
        self.start = StartScreen()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.start)
        self.pages.addWidget(workspace)
        self.setCentralWidget(self.pages)

        self.status_path = plain_label()
        self.status_marking = QLabel()
        self.status_counts = plain_label()
        self.status_busy = plain_label()
        sb = self.statusBar()
        sb.addWidget(self.status_path, 1)
        sb.addPermanentWidget(self.status_busy)
        sb.addPermanentWidget(self.status_counts)
        sb.addPermanentWidget(self.status_marking)
        self.worker.busy_changed.connect(
            lambda busy: self.status_busy.setText("working…" if busy else ""))

        actions.build(self)
        case_actions.connect(self)
        self.timeline = TimelineDock(self)
        self._timeline_timer = QTimer(self)
        self._timeline_timer.setSingleShot(True)
        self._timeline_timer.setInterval(250)
        self._timeline_timer.timeout.connect(lambda: self.reload_timeline(keep_range=True))
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.timeline)
        self.view_menu.addAction(self.timeline.toggleViewAction())
        self.timeline.record_clicked.connect(self.go_to)
        self.timeline.filter_requested.connect(self.records.set_date_range)
        self.timeline.options_changed.connect(lambda: self.reload_timeline(keep_range=False))
        self.records.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.timeline.toggleViewAction().triggered.connect(
            lambda on: self.settings.setValue("timeline/visible", "true" if on else "false"))
        self.nav.currentRowChanged.connect(self._kind_chosen)
        self.records.filters_changed.connect(self.reload_listing)
        self.records.selected.connect(self.show_record)
        self._restore()
        self._set_case_ui(False)

    # -- settings -----------------------------------------------------------------------
    def _restore(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        sizes = self.settings.value("window/splitter")
        if sizes is not None:
            self.splitter.restoreState(sizes)
        self.start.set_recent(self.recent_files())

    def recent_files(self) -> list[str]:
        value = self.settings.value("recent", [])
        items = [value] if isinstance(value, str) else list(value or [])
        return [p for p in items if p][:10]

    def remember(self, path: Path) -> None:
        items = [str(path)] + [p for p in self.recent_files() if p != str(path)]
        self.settings.setValue("recent", items[:10])
        self.settings.setValue("last_case", str(path))
        self.start.set_recent(self.recent_files())
        actions.fill_recent_menu(self)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.sync()
        case = self.case
        self.case = None
        self.worker.stop()  # lets the running job finish; nothing else touches the case now
        if case is not None:
            case.close()  # checkpoints the WAL, releases the lock
        super().closeEvent(event)

    # -- the case -----------------------------------------------------------------------
    def open_path(self, path: Path, readonly: bool = False) -> None:
        case_actions.open_path(self, Path(path), readonly)

    def set_case(self, case: Case | None) -> None:
        if case is not None:  # choose the table before the workspace shows (and takes focus)
            kind = str(self.settings.value("nav/kind", "shipment"))
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(NAV_KINDS.index(kind) if kind in NAV_KINDS else 1)
            self.nav.blockSignals(False)
        self.case = case
        self._set_case_ui(case is not None)
        if case is None:
            self.setWindowTitle("Casefile")
            self.editor.show_nothing()
            self.case_changed.emit()
            return
        self.remember(case.path)
        self.refresh_case_info()
        self.reload_listing()
        self.reload_timeline(keep_range=False)
        self.case_changed.emit()

    def _set_case_ui(self, has_case: bool) -> None:
        self.pages.setCurrentIndex(1 if has_case else 0)
        timeline = getattr(self, "timeline", None)
        if timeline is not None:  # nothing to draw on the start screen
            timeline.setVisible(has_case and self.settings.value("timeline/visible", "true")
                                in ("true", True))
        actions.enable_case_actions(self, has_case)
        if not has_case:
            self.status_path.setText("No case open")
            self.status_counts.setText("")
            self.status_marking.setText("")
            self.status_marking.setStyleSheet("")

    def refresh_case_info(self) -> None:
        case = self.case
        if case is None:
            return

        def read() -> tuple[dict, dict, list[str]]:
            with case.read() as conn:
                return case.info(), case.counts(), listing.all_tags(conn)
        self.worker.submit(read, self._show_case_info)

    def _show_case_info(self, result: tuple[dict, dict, list[str]]) -> None:
        if self.case is None:
            return
        info, counts, tags = result
        ro = "  (read-only)" if self.case.readonly else ""
        self.setWindowTitle(f"{info['title']} — Casefile{ro}")
        self.banner.set_marking(info.get("marking"), info.get("classification", ""))
        tlp = TLP.get(info.get("marking") or "")
        self.status_marking.setText(tlp.label if tlp else "no marking")
        if tlp:
            self.status_marking.setStyleSheet(
                f"color: {tlp.fg}; background: {tlp.bg}; padding: 1px 6px; font-weight: bold;")
        self.status_path.setText(f"{self.case.path}{ro}")
        self.status_counts.setText("  ".join(f"{plural(k)}: {counts[k]:,}" for k in
                                             ("entity", "shipment", "event", "source")))
        for i in range(self.nav.count()):
            item = self.nav.item(i)
            kind = item.data(Qt.ItemDataRole.UserRole)
            item.setText(f"{plural(kind)}  ({counts.get(kind, 0):,})")
        self.records.set_tags(tags)

    # -- tables and editor --------------------------------------------------------------
    def _kind_chosen(self, _row: int) -> None:
        if self.case is not None:
            self.settings.setValue("nav/kind", self.current_kind())
        self.reload_listing()

    def current_kind(self) -> str:
        item = self.nav.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else "entity"

    def reload_listing(self, keep_id: int | None = None) -> None:
        case = self.case
        if case is None:
            return
        kind, filters = self.current_kind(), self.records.filters()
        keep = keep_id if keep_id is not None else (
            self.records.current_id() if self.records.kind == kind else None)

        def read() -> listing.Listing:
            with case.read() as conn:
                return listing.list_records(conn, kind, filters)

        def shown(data: listing.Listing) -> None:
            if self.case is not case or self.current_kind() != kind:
                return
            self.records.show_listing(data, keep)
            if keep is None or self.records.current_id() is None:
                self.editor.show_nothing()
            self.listing_shown.emit(kind)
        self.worker.submit(read, shown)

    def show_record(self, kind: str, record_id: int | None) -> None:
        case = self.case
        if case is None or record_id is None:
            self.editor.show_nothing()
            return

        def shown(bundle: dict[str, Any] | None) -> None:
            current = self.records.current_id()
            if self.case is case and (current == record_id or current is None):
                self.editor.show_bundle(bundle)
                self.record_shown.emit(kind, record_id)
        self.worker.submit(lambda: record_bundle(case, kind, record_id), shown)

    def go_to(self, kind: str, record_id: int) -> None:
        """Show a record: switch the navigator to its kind and select it."""
        row = next(i for i in range(self.nav.count())
                   if self.nav.item(i).data(Qt.ItemDataRole.UserRole) == kind)
        if self.nav.currentRow() == row and self.records.select_id(record_id):
            return
        self.records.text.blockSignals(True)
        self.records.text.clear()
        self.records.text.blockSignals(False)
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(row)
        self.nav.blockSignals(False)
        self.reload_listing(keep_id=record_id)

    def _entity_choices(self, text: str, answer: Any) -> None:
        """Picker completions, read on the worker."""
        case = self.case
        if case is None:
            return

        def read() -> list[tuple[int, str]]:
            with case.read() as conn:
                return listing.entity_choices(conn, text)
        self.worker.submit(read, answer)

    # -- changes ------------------------------------------------------------------------
    def apply_change(self, change: Change | None) -> None:
        """Refresh what a change touched: counts, the table if it shows it, the editor."""
        actions.update_undo_actions(self)
        if change is None or self.case is None:
            return
        touched = set(change.touched)
        self.refresh_case_info()
        kind = self.current_kind()
        created = change.created.get(kind)
        if kind in touched or touched & _SHOWS.get(kind, set()):
            self.reload_listing(keep_id=created[-1] if created else None)
        shown = self.editor.shown()
        if shown is not None and not created:
            self.show_record(*shown)
        if touched & {"shipment", "event", "sanction", "entity", "route_stop", "event_party",
                      "citation", "source"}:
            self._timeline_timer.start()  # coalesces a burst of edits into one redraw
        self.change_applied.emit(change)

    # -- timeline -----------------------------------------------------------------------
    def reload_timeline(self, keep_range: bool = True) -> None:
        case = self.case
        if case is None:
            return
        group, sources = self.timeline.group_by, self.timeline.sources.isChecked()

        def read():  # noqa: ANN202
            with case.read() as conn:
                return case_timeline(conn, group, sources)

        def shown(tl) -> None:  # noqa: ANN001
            if self.case is case:
                self.timeline.set_timeline(tl, keep_range)
                self.timeline_shown.emit()
        self.worker.submit(read, shown)

    def _selection_changed(self, *_args: object) -> None:
        kind = self.records.kind
        self.timeline.highlight([(kind, i) for i in self.records.selected_ids()])
