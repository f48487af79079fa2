"""What the editor pane's requests do: save an edit, create a party from a picker, cite a
source, edit or remove a citation, attach, open, save and remove files. Each is a small
operation on the session; a validation error is shown next to the field it concerns."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices

from casefile.core.labels import singular
from casefile.errors import CasefileError, ValidationError
from casefile.ui.cite_dialog import CiteDialog, NewSourceDialog
from casefile.ui.editor import RecordEditor
from casefile.ui.editor_pane import EditorPane
from casefile.ui.error_dialog import show_error
from casefile.ui.fields import FIELDS
from casefile.ui.ops import citations as cite_ops
from casefile.ui.ops import records as record_ops
from casefile.ui.session import CaseOp, CaseSession

if TYPE_CHECKING:
    from casefile.services.case.facade import Case


class EditorActions(QObject):
    """Carries out what the user asks of an :class:`EditorPane`."""

    def __init__(self, session: CaseSession, pane: EditorPane,
                 go_to: Callable[[str, int], None], status: Callable[[str], None]) -> None:
        super().__init__(pane)
        self.session, self.pane, self.status = session, pane, status
        p = pane
        p.edit_requested.connect(self.save)
        p.create_entity_requested.connect(self.create_party)
        p.cite_requested.connect(self.cite)
        p.citation_edit_requested.connect(self.edit_citation)
        p.citation_remove_requested.connect(
            lambda cid: self._run(cite_ops.remove_citation(session, cid)))
        p.source_requested.connect(lambda sid: go_to("source", sid))
        p.fact_requested.connect(go_to)
        self.cite_dialog: CiteDialog | None = None  # while one is open (tests answer it)
        self.new_source_dialog: NewSourceDialog | None = None
        p.files_dropped.connect(self.attach)
        p.attachment_open_requested.connect(self.open_attachment)
        p.attachment_save_requested.connect(self.save_attachment)
        p.attachment_remove_requested.connect(
            lambda aid: self._run(cite_ops.remove_attachment(session, aid)))

    def _run(self, op: CaseOp[Any], field: str | None = None,
             after: Callable[[BaseException | None], None] | None = None,
             record: tuple[str, int] | None = None) -> None:
        """Run an op (an edit of ``record`` when given, else of the record shown); on
        success clear the field's error, on a validation error show it next to the field —
        or, when the user has moved on to another record, in a message naming the one
        refused (review: the red text showed under another record's field) — on anything
        else a message. ``after`` hears how it ended."""
        record = record or self.pane.shown()

        def editor() -> RecordEditor | None:  # the record's, while it is on screen
            current = self.pane.current
            return current if record is not None and self.pane.shown() == record else None

        def done(_change: Any) -> None:
            if field and (ed := editor()) is not None:
                ed.clear_error(field)
            if after is not None:
                after(None)

        def failed(exc: BaseException) -> None:
            if after is not None:
                after(exc)
            if isinstance(exc, ValidationError) and record is not None:
                if (ed := editor()) is not None:
                    ed.show_error(field or exc.field, exc.message)
                else:
                    show_error(self.pane, exc, f"Not saved: {singular(record[0])} "
                                               f"#{record[1]}")
                return
            shown = self.pane.shown()
            if shown is not None:  # what was refused must not stay on screen as if saved
                self.pane.show_record(*shown)
            if after is None:
                show_error(self.pane, exc)
        op.success(done).failure(failed).run()

    def store_then(self, then: Callable[[], None],
                   refused: Callable[[list[str]], None]) -> bool:
        """Before the case or the window closes: store what is typed, wait until the worker
        has done everything asked of it, then ``then()`` — or, when a value was refused,
        ``refused(reasons)`` (the field shows why). False, and nothing called, when there
        is nothing to store or wait for: the caller goes on at once."""
        said: list[str] = []

        def stored(reasons: list[str]) -> None:
            said.extend(reasons)

        if not self.commit_typing(stored) and not self.session.worker.pending:
            return False
        self.session.when_idle(lambda: refused(said) if said else then())
        return True

    def commit_typing(self, then: Callable[[list[str]], None]) -> bool:
        """Store what is typed in the editor and not stored yet (before the case or the
        window closes). False when nothing was pending; otherwise ``then`` is called once
        every edit is answered, with what was refused ('Country: …'), empty if nothing."""
        editor = self.pane.current
        if editor is None or self.session.readonly or editor.record_id is None:
            return False
        edits = editor.pending_edits()
        if not edits:
            return False
        kind, record_id = editor.kind, editor.record_id
        refused: list[str] = []
        waiting = [len(edits)]

        labels = {spec.key: spec.label for spec in FIELDS.get(kind, [])}

        def answered(exc: BaseException | None) -> None:
            if isinstance(exc, ValidationError) and exc.field in labels:  # (look29: said
                refused.append(f"{labels[exc.field]}: {exc.message}")  # 'country: …')
            elif exc is not None:
                refused.append(str(exc))
            waiting[0] -= 1
            if waiting[0] == 0:
                then(refused)
        for values, children in edits:
            field = next(iter(values), None) or next(iter(children), None)
            self._run(record_ops.save_record(self.session, kind, record_id, values,
                                             children), field, answered)
        return True

    def save(self, kind: str, record_id: int, values: dict[str, Any],
             children: dict[str, list[dict[str, Any]]]) -> None:
        field = next(iter(values), None) or next(iter(children), None)
        self._run(record_ops.save_record(self.session, kind, record_id, values, children),
                  field, record=(kind, record_id))

    def create_party(self, kind: str, record_id: int, key: str, name: str) -> None:
        self._run(record_ops.create_and_link(self.session, kind, record_id, key, name), key,
                  record=(kind, record_id))

    def cite(self, kind: str, record_id: int) -> None:
        """Cite a source: pick one (searchable), or make one on the spot."""
        def ask(sources: list[dict[str, Any]]) -> None:
            dlg = self.cite_dialog = CiteDialog(sources, None, self.pane)
            dlg.new_source_requested.connect(lambda title: self.new_source(dlg, title))
            try:
                if dlg.exec():
                    self._run(cite_ops.cite(self.session, kind, record_id, dlg.values()))
            finally:
                self.cite_dialog = None
        self.session.query(_source_picks, ask)

    def new_source(self, dlg: CiteDialog, title: str) -> None:
        """New source… in the Cite dialog: made (one undo step of its own), then picked."""
        ask = self.new_source_dialog = NewSourceDialog(title, dlg)
        try:
            if not ask.exec():
                return
        finally:
            self.new_source_dialog = None
        values = ask.values()

        def made(change: Any) -> None:
            label = f"{values['title']}{' — ' + values['publisher'] if values['publisher'] else ''}"
            dlg.add_source({**values, "id": change.result, "last_credibility": None,
                            "label": f"{label}  [{values['reliability']}]"})
        record_ops.create_record(self.session, "source", values).success(made) \
            .failure(lambda exc: show_error(dlg, exc, "Cannot add the source")).run()

    def edit_citation(self, row: dict[str, Any]) -> None:
        def ask(sources: list[dict[str, Any]]) -> None:
            dlg = self.cite_dialog = CiteDialog(sources, row, self.pane)
            try:
                if dlg.exec():
                    self._run(cite_ops.update_citation(self.session, row["id"],
                                                       dlg.values()))
            finally:
                self.cite_dialog = None
        self.session.query(_source_picks, ask)

    def attach(self, source_id: int, paths: list[Path]) -> None:
        for p in paths:
            self._run(cite_ops.attach_file(self.session, source_id, Path(p)))

    def open_attachment(self, attachment_id: int) -> None:
        """Open an attachment with the program the desktop has for it, from a private copy
        that goes when the case closes; if no program takes it, say so and remove the
        copy at once."""
        def opened(path: Path) -> None:
            if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
                self.status(f"Opened {path.name}")
                return
            shutil.rmtree(path.parent, ignore_errors=True)
            show_error(self.pane, CasefileError(
                f"No program could open {path.name} here. Use Save as… to keep a copy in a "
                "folder you choose, and open it from there."), "Cannot open the file")
        cite_ops.write_attachment(self.session, attachment_id, None, opened,
                                  lambda exc: show_error(self.pane, exc))

    def save_attachment(self, attachment_id: int, target: str) -> None:
        cite_ops.write_attachment(self.session, attachment_id, Path(target),
                                  lambda _p: self.status(f"Saved {target}"),
                                  lambda exc: show_error(self.pane, exc))


def _source_picks(case: Case) -> list[dict[str, Any]]:
    from casefile.services.queries.citing import source_picks  # loads with the first case
    return source_picks(case)
