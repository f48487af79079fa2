"""The right-hand pane: the editor of the selected record, its citations and (for sources)
attachments. It reads the record itself and follows the session's changes; what a user asks
of it is carried out by :mod:`casefile.ui.editor_actions`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QScrollArea, QStackedWidget, QStyle, QVBoxLayout, QWidget

from casefile.paths import default_save_folder
from casefile.ui.attachments import AttachmentsPanel
from casefile.ui.citations import CitationsPanel
from casefile.ui.cited_facts import CitedFactsPanel
from casefile.ui.editor import RecordEditor
from casefile.ui.entity_picker import case_parties
from casefile.ui.fields import FIELDS
from casefile.ui.party_connections import PartyConnectionsPanel
from casefile.ui.session import CaseSession
from casefile.ui.text import plain_label

if TYPE_CHECKING:
    from casefile.services.case.change import Change

MIN_WIDTH = 340


class _PageStack(QStackedWidget):
    """A stack as big as the page it shows (a QStackedWidget asks for its biggest page:
    the source editor's width would push every other editor sideways)."""

    def sizeHint(self) -> QSize:  # noqa: N802
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()


class EditorPane(QScrollArea):
    """Scrolls up and down, never sideways: the pane is at least as wide as the editor it
    shows needs (long labels wrap above their field, long hints wrap)."""

    edit_requested = Signal(str, int, dict, dict)  # kind, id, values, children
    cite_requested = Signal(str, int)
    citation_edit_requested = Signal(dict)
    citation_remove_requested = Signal(int)
    source_requested = Signal(int)
    files_dropped = Signal(int, list)
    attachment_open_requested = Signal(int)
    attachment_save_requested = Signal(int, str)
    attachment_remove_requested = Signal(int)
    create_entity_requested = Signal(str, int, str, str)  # kind, id, field, name
    record_shown = Signal(str, object)  # kind, id: after the pane shows a record
    fact_requested = Signal(str, int)  # a fact a source supports (or a party's) was chosen
    party_requested = Signal(int)  # All about this party…

    def __init__(self, session: CaseSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(MIN_WIDTH)
        self.session = session
        self._wanted: tuple[str, int] | None = None
        self._focus_next: tuple[str, int] | None = None  # a new record: its first field
        session.changed.connect(self._changed)
        session.closed.connect(self.show_nothing)
        self.stack = _PageStack()
        self.stack.currentChanged.connect(lambda _i: self._fit_width())
        self.empty = plain_label("Select a record to see and edit it here.")
        self.empty.setStyleSheet("color: #666; padding: 20px;")
        self.stack.addWidget(self.empty)
        self.editors: dict[str, RecordEditor] = {}
        self.citations: dict[str, CitationsPanel] = {}
        self.attachments: AttachmentsPanel | None = None
        self.cited_facts: CitedFactsPanel | None = None  # on the source editor
        self.connections: PartyConnectionsPanel | None = None  # on the party editor
        self.current: RecordEditor | None = None
        holder = QWidget()
        lay = QVBoxLayout(holder)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(self.stack)
        self.setWidget(holder)

    def editor(self, kind: str) -> RecordEditor:
        if kind not in self.editors:
            ed = RecordEditor(kind, case_parties(self.session))
            ed.edit_requested.connect(
                lambda values, children, ed=ed: self.edit_requested.emit(
                    ed.kind, ed.record_id, values, children))
            ed.create_entity_requested.connect(
                lambda key, name, ed=ed: self.create_entity_requested.emit(
                    ed.kind, ed.record_id, key, name))
            if kind == "source":
                panel = AttachmentsPanel()
                panel.files_dropped.connect(
                    lambda paths, ed=ed: self.files_dropped.emit(ed.record_id, paths))
                panel.open_requested.connect(self.attachment_open_requested.emit)
                panel.save_requested.connect(self.attachment_save_requested.emit)
                panel.remove_requested.connect(self.attachment_remove_requested.emit)
                ed.extra.addWidget(panel)
                self.attachments = panel
                self.cited_facts = CitedFactsPanel()
                self.cited_facts.open_requested.connect(self.fact_requested.emit)
                ed.extra.addWidget(self.cited_facts)
            else:
                cites = CitationsPanel()
                cites.cite_requested.connect(
                    lambda ed=ed: self.cite_requested.emit(ed.kind, ed.record_id))
                cites.edit_requested.connect(self.citation_edit_requested.emit)
                cites.remove_requested.connect(self.citation_remove_requested.emit)
                cites.open_source_requested.connect(self.source_requested.emit)
                ed.extra.addWidget(cites)
                self.citations[kind] = cites
            if kind == "entity":
                links = self.connections = PartyConnectionsPanel()
                links.open_requested.connect(self.fact_requested.emit)
                links.all_requested.connect(lambda ed=ed: self._all_about(ed))
                ed.top.addWidget(links)
            self.editors[kind] = ed
            self.stack.addWidget(ed)
        return self.editors[kind]

    def _all_about(self, ed: RecordEditor) -> None:
        if ed.record_id is not None:
            self.party_requested.emit(ed.record_id)

    # -- following the case -------------------------------------------------------------
    def show_record(self, kind: str, record_id: int | None) -> None:
        """Read a record (on the worker) and show it; None shows nothing."""
        if record_id is None:
            self.show_nothing()
            return
        wanted = self._wanted = (kind, record_id)

        def shown(bundle: dict[str, Any] | None) -> None:
            if self._wanted == wanted:
                self.show_bundle(bundle)
                self.record_shown.emit(kind, record_id)
                if self._focus_next == wanted and self.current is not None:
                    self._focus_next = None
                    self.current.focus_first()
        from casefile.services.queries.record import record_bundle  # loads late
        self.session.query(lambda case: record_bundle(case, kind, record_id), shown)

    def focus_when_shown(self, kind: str, record_id: int) -> None:
        """Put the cursor in the first field of a record once it is shown (a new record:
        look22 — its name 'New entity' waited while the cursor stayed in the table)."""
        self._focus_next = (kind, record_id)
        if self.shown() == (kind, record_id) and self.current is not None:
            self._focus_next = None
            self.current.focus_first()

    def _changed(self, change: Change) -> None:
        shown = self.shown()
        if shown is not None and not change.created.get(shown[0]):
            self.show_record(*shown)  # a new record of its kind is selected (and shown) next

    def show_bundle(self, bundle: dict[str, Any] | None) -> None:
        if bundle is None or bundle["kind"] not in FIELDS:
            self.show_nothing()
            return
        ed = self.editor(bundle["kind"])
        another = (bundle["kind"], bundle["row"]["id"]) != self.shown()
        ed.load(bundle)
        readonly = self.session.readonly
        ed.set_readonly(readonly)
        if bundle["kind"] == "source":
            assert self.attachments is not None
            self.attachments.set_attachments(bundle["children"].get("attachment", []))
            self.attachments.set_readonly(readonly)
            case = self.session.case
            self.attachments.folder = default_save_folder(case.path if case else None)
            assert self.cited_facts is not None
            self.cited_facts.set_facts(bundle.get("cited_facts", []))
        else:
            if bundle["kind"] == "entity" and self.connections is not None:
                self.connections.set_connections(*bundle.get("connections", ([], {})))
            self.citations[bundle["kind"]].set_citations(bundle["citations"])
            self.citations[bundle["kind"]].set_readonly(readonly)
        self.current = ed
        self.stack.setCurrentWidget(ed)
        if another:  # another record starts at its top; the same one stays where it was
            self.verticalScrollBar().setValue(0)

    def _fit_width(self) -> None:
        """As wide as the editor shown needs, with room for the vertical scroll bar."""
        holder = self.widget()
        if holder is None:
            return
        holder.updateGeometry()
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        need = holder.minimumSizeHint().width() + bar + 2 * self.frameWidth()
        self.setMinimumWidth(max(MIN_WIDTH, need))

    def show_nothing(self) -> None:
        self._wanted = None
        self.current = None
        self.stack.setCurrentWidget(self.empty)

    def shown(self) -> tuple[str, int] | None:
        if self.current is None or self.current.record_id is None:
            return None
        return self.current.kind, self.current.record_id
