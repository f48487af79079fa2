"""The right-hand pane: the editor of the selected record, its citations and (for sources)
attachments. It only shows and asks; the main window carries requests out."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QScrollArea, QStackedWidget, QVBoxLayout, QWidget

from casefile.ui.attachments import AttachmentsPanel
from casefile.ui.citations import CitationsPanel
from casefile.ui.editor import RecordEditor
from casefile.ui.fields import FIELDS
from casefile.ui.text import plain_label


class EditorPane(QScrollArea):
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

    def __init__(self, entity_choices: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setMinimumWidth(380)
        self._entity_choices = entity_choices
        self.stack = QStackedWidget()
        self.empty = plain_label("Select a record to see and edit it here.")
        self.empty.setStyleSheet("color: #666; padding: 20px;")
        self.stack.addWidget(self.empty)
        self.editors: dict[str, RecordEditor] = {}
        self.citations: dict[str, CitationsPanel] = {}
        self.attachments: AttachmentsPanel | None = None
        self.current: RecordEditor | None = None
        holder = QWidget()
        lay = QVBoxLayout(holder)
        lay.addWidget(self.stack)
        self.setWidget(holder)

    def editor(self, kind: str) -> RecordEditor:
        if kind not in self.editors:
            ed = RecordEditor(kind, self._entity_choices)
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
                ed.cited_by = plain_label()
                ed.extra.addWidget(ed.cited_by)
            else:
                cites = CitationsPanel()
                cites.cite_requested.connect(
                    lambda ed=ed: self.cite_requested.emit(ed.kind, ed.record_id))
                cites.edit_requested.connect(self.citation_edit_requested.emit)
                cites.remove_requested.connect(self.citation_remove_requested.emit)
                cites.open_source_requested.connect(self.source_requested.emit)
                ed.extra.addWidget(cites)
                self.citations[kind] = cites
            self.editors[kind] = ed
            self.stack.addWidget(ed)
        return self.editors[kind]

    def show_bundle(self, bundle: dict[str, Any] | None) -> None:
        if bundle is None or bundle["kind"] not in FIELDS:
            self.show_nothing()
            return
        ed = self.editor(bundle["kind"])
        ed.load(bundle)
        if bundle["kind"] == "source":
            assert self.attachments is not None
            self.attachments.set_attachments(bundle["children"].get("attachment", []))
            n = bundle.get("cited_by", 0)
            ed.cited_by.setText(f"Cited by {n} fact{'s' if n != 1 else ''}.")
        else:
            self.citations[bundle["kind"]].set_citations(bundle["citations"])
        self.current = ed
        self.stack.setCurrentWidget(ed)

    def show_nothing(self) -> None:
        self.current = None
        self.stack.setCurrentWidget(self.empty)

    def shown(self) -> tuple[str, int] | None:
        if self.current is None or self.current.record_id is None:
            return None
        return self.current.kind, self.current.record_id
