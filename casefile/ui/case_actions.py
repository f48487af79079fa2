"""What the main window's actions do: open/new/close a case, undo/redo, new/delete/merge
records, edits from the editor, citations, attachments and search. Every database call runs
on the worker; errors come back as clear dialogs (or next to the field they concern)."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from casefile import __version__
from casefile.errors import CaseFileError, CaseLockedError, InUseError, ValidationError
from casefile.services.case.facade import Case
from casefile.services.queries.record import attachment_data, source_choices
from casefile.ui.citations import CiteDialog
from casefile.ui.fields import DEFAULTS
from casefile.ui.search_dialog import SearchResults
from casefile.ui.text import message

if TYPE_CHECKING:
    from casefile.ui.main_window import MainWindow

FILE_FILTER = "Casefile cases (*.casefile);;All files (*)"


def connect(win: MainWindow) -> None:
    a = win.acts
    a["new"].triggered.connect(lambda: new_case(win))
    a["open"].triggered.connect(lambda: open_dialog(win))
    a["demo"].triggered.connect(lambda: open_demo(win))
    a["save_copy"].triggered.connect(lambda: save_copy(win))
    a["close"].triggered.connect(lambda: close_case(win))
    a["quit"].triggered.connect(win.close)
    a["undo"].triggered.connect(lambda: run_op(win, lambda c: c.undo()))
    a["redo"].triggered.connect(lambda: run_op(win, lambda c: c.redo()))
    for kind in DEFAULTS:
        a[f"new_{kind}"].triggered.connect(lambda _=False, k=kind: new_record(win, k))
    a["delete"].triggered.connect(lambda: delete_selected(win))
    a["merge"].triggered.connect(lambda: merge_selected(win))
    a["find"].triggered.connect(lambda: (win.search_field.setFocus(),
                                         win.search_field.selectAll()))
    a["about"].triggered.connect(lambda: message(
        win, "About Casefile", f"Casefile {__version__}\nOffline case files for investigators.",
        icon=QMessageBox.Icon.Information).exec())
    a["case_details"].triggered.connect(lambda: edit_case_details(win))
    a["export_pdf"].triggered.connect(lambda: _export(win))
    a["import"].triggered.connect(lambda: _import(win))
    from casefile.ui import exchange_actions as ex

    a["import_ftm"].triggered.connect(lambda: ex.import_entities(win))
    a["export_ftm"].triggered.connect(lambda: ex.export_ftm_file(win))
    a["export_csv"].triggered.connect(lambda: ex.export_csv_tables(win))
    win.search_field.returnPressed.connect(lambda: search(win, win.search_field.text()))
    win.start.new_requested.connect(lambda: new_case(win))
    win.start.open_requested.connect(lambda: open_dialog(win))
    win.start.demo_requested.connect(lambda: open_demo(win))
    win.start.recent_requested.connect(lambda p: win.open_path(Path(p)))
    ed = win.editor
    ed.edit_requested.connect(lambda k, i, v, ch: edit_record(win, k, i, v, ch))
    ed.cite_requested.connect(lambda k, i: cite(win, k, i))
    ed.citation_edit_requested.connect(lambda row: edit_citation(win, row))
    ed.citation_remove_requested.connect(
        lambda cid: run_op(win, lambda c: c.delete("citation", cid)))
    ed.source_requested.connect(lambda sid: win.go_to("source", sid))
    ed.files_dropped.connect(lambda sid, paths: attach(win, sid, paths))
    ed.attachment_open_requested.connect(lambda aid: open_attachment(win, aid))
    ed.attachment_save_requested.connect(lambda aid, target: save_attachment(win, aid, target))
    ed.attachment_remove_requested.connect(
        lambda aid: run_op(win, lambda c: c.delete("attachment", aid)))
    ed.create_entity_requested.connect(lambda k, i, key, name: create_party(win, k, i, key, name))


def show_error(win: MainWindow, exc: BaseException, title: str = "Casefile") -> None:
    message(win, title, str(exc) or type(exc).__name__).exec()


# -- opening and closing ------------------------------------------------------------------
def open_path(win: MainWindow, path: Path, readonly: bool = False) -> None:
    def failed(exc: BaseException) -> None:
        if isinstance(exc, CaseLockedError) and not readonly:
            box = message(win, "Case in use", str(exc), icon=QMessageBox.Icon.Question)
            box.setStandardButtons(QMessageBox.StandardButton.Open
                                   | QMessageBox.StandardButton.Cancel)
            box.button(QMessageBox.StandardButton.Open).setText("Open read-only")
            if box.exec() == QMessageBox.StandardButton.Open:
                open_path(win, path, readonly=True)
            return
        show_error(win, exc, "Cannot open the case")

    def opened(case: Case) -> None:
        _close_current(win)
        win.set_case(case)
        if case.backup is not None:
            message(win, "Case upgraded", f"{path.name} was made by an earlier Casefile and "
                    f"has been upgraded. The file as it was is kept as:\n{case.backup}",
                    icon=QMessageBox.Icon.Information).show()
    win.worker.submit(lambda: Case.open(path, readonly), opened, failed)


def _close_current(win: MainWindow) -> None:
    if win.case is not None:
        old = win.case
        win.case = None
        win.worker.submit(old.close)


def open_dialog(win: MainWindow) -> None:
    name, _ = QFileDialog.getOpenFileName(win, "Open case", "", FILE_FILTER)
    if name:
        open_path(win, Path(name))


def new_case(win: MainWindow) -> None:
    name, _ = QFileDialog.getSaveFileName(win, "New case", "Untitled.casefile", FILE_FILTER)
    if not name:
        return
    path = Path(name if name.endswith(".casefile") else name + ".casefile")
    if path.exists():
        show_error(win, CaseFileError(f"{path} already exists; choose another name."))
        return

    def opened(case: Case) -> None:
        _close_current(win)
        win.set_case(case)
    win.worker.submit(lambda: Case.new(path, title=path.stem), opened,
                      lambda exc: show_error(win, exc, "Cannot create the case"))


def open_demo(win: MainWindow) -> None:
    from casefile.ui.app import fresh_demo_path

    def opened(case: Case) -> None:
        _close_current(win)
        win.set_case(case)
    win.worker.submit(lambda: _write_demo(fresh_demo_path()), opened,
                      lambda exc: show_error(win, exc))


def _write_demo(path: Path) -> Case:
    from casefile.services.exchange.demo import write_demo

    return write_demo(path)


def close_case(win: MainWindow) -> None:
    _close_current(win)
    win.set_case(None)


def save_copy(win: MainWindow) -> None:
    case = win.case
    if case is None:
        return
    name, _ = QFileDialog.getSaveFileName(win, "Save a copy as", f"{case.path.stem} copy"
                                          ".casefile", FILE_FILTER)
    if name:
        win.worker.submit(lambda: case.save_copy(Path(name)),
                          lambda _r: win.statusBar().showMessage(f"Saved a copy to {name}", 5000),
                          lambda exc: show_error(win, exc))


# -- operations ---------------------------------------------------------------------------
def run_op(win: MainWindow, fn: Any, field: str | None = None, on_done: Any = None) -> None:
    """Run ``fn(case)`` on the worker; apply its Change; show what went wrong."""
    case = win.case
    if case is None:
        return

    def done(change: Any) -> None:
        if field and win.editor.current is not None:
            win.editor.current.clear_error(field)
        win.apply_change(change)
        if on_done is not None:
            on_done(change)

    def failed(exc: BaseException) -> None:
        if isinstance(exc, ValidationError) and win.editor.current is not None:
            win.editor.current.show_error(field or exc.field, exc.message)
        else:
            show_error(win, exc)
    win.worker.submit(lambda: fn(case), done, failed)


def edit_record(win: MainWindow, kind: str, record_id: int, values: dict,
                children: dict) -> None:
    field = next(iter(values), None) or next(iter(children), None)
    if "event_party" in children:
        rows = children["event_party"]
        run_op(win, lambda c: c.save(kind, record_id, values,
                                     {"event_party": _resolve_parties(c, rows)}), field)
        return
    run_op(win, lambda c: c.save(kind, record_id, values, children), field)


def _resolve_parties(case: Case, rows: list[dict]) -> list[dict]:
    from casefile.services.queries.listing import entity_choices

    out = []
    with case.read() as conn:
        for r in rows:
            found = [i for i, label in entity_choices(conn, r["entity"], 5)
                     if label.split(" (")[0].split(" [")[0].casefold() == r["entity"].casefold()]
            if not found:
                found = [i for i, _ in entity_choices(conn, r["entity"], 2)]
            if len(found) != 1:
                raise ValidationError("event_party", f"No single entity is called "
                                                     f"{r['entity']!r}; type its name or alias.")
            out.append({k: v for k, v in {"id": r.get("id"), "entity_id": found[0],
                                          "role": r.get("role", "")}.items() if v is not None})
    return out


def new_record(win: MainWindow, kind: str) -> None:
    values = dict(DEFAULTS[kind])
    if kind in ("relationship", "sanction"):
        if win.current_kind() != "entity" or win.records.current_id() is None:
            show_error(win, ValidationError("entity", f"Select an entity first: a new {kind} "
                                                      "starts from the selected entity."))
            return
        eid = win.records.current_id()
        values.update({"entity_id": eid} if kind == "sanction" else
                      {"subject_id": eid, "object_id": eid, "kind": "other"})

    def created(change: Any) -> None:
        win.go_to(kind, change.result)
    run_op(win, lambda c: c.create(kind, values), on_done=created)


def delete_selected(win: MainWindow) -> None:
    kind, ids = win.current_kind(), win.records.selected_ids()
    if not ids:
        return
    what = f"{len(ids)} records" if len(ids) > 1 else "this record"
    box = message(win, "Delete", f"Delete {what}? You can undo this.",
                  icon=QMessageBox.Icon.Question)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    if box.exec() != QMessageBox.StandardButton.Yes:
        return
    for rid in ids:
        _delete(win, kind, rid)


def _delete(win: MainWindow, kind: str, rid: int) -> None:
    case = win.case

    def failed(exc: BaseException) -> None:
        if not isinstance(exc, InUseError):
            show_error(win, exc)
            return
        box = message(win, "Still in use", f"{exc}\n\nDelete it together with those?",
                      icon=QMessageBox.Icon.Question)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        if box.exec() == QMessageBox.StandardButton.Yes:
            run_op(win, lambda c: c.delete(kind, rid, cascade=True))
    win.worker.submit(lambda: case.delete(kind, rid), win.apply_change, failed)


def merge_selected(win: MainWindow) -> None:
    ids = win.records.selected_ids()
    if win.current_kind() != "entity" or len(ids) != 2:
        show_error(win, ValidationError("entity", "Select exactly two entities to merge."))
        return
    names = {}
    for row in range(win.records.model.rowCount()):
        rid = win.records.model.record_id(row)
        if rid in ids:
            names[rid] = win.records.model.index(row, 0).data()
    labels = [f"{names.get(i, i)} (#{i})" for i in ids]
    choice, ok = QInputDialog.getItem(win, "Merge entities", "Keep which entity? The other's "
                                      "names, citations and shipments move to it.", labels, 0,
                                      False)
    if ok:
        keep = ids[labels.index(choice)]
        other = ids[1 - labels.index(choice)]
        run_op(win, lambda c: c.merge_entities(keep, other),
               on_done=lambda _c: win.go_to("entity", keep))


def create_party(win: MainWindow, kind: str, record_id: int, key: str, name: str) -> None:
    def then(change: Any) -> None:
        run_op(win, lambda c: c.update(kind, record_id, {key: change.result}), key)
    run_op(win, lambda c: c.create("entity", {"name": name}), key, then)


def edit_case_details(win: MainWindow) -> None:
    from casefile.ui.case_details import CaseDetailsDialog

    case = win.case
    if case is None:
        return

    def show(info: dict) -> None:
        dlg = CaseDetailsDialog(info, win)
        if dlg.exec():
            run_op(win, lambda c: c.set_info(**dlg.values()))
    win.worker.submit(case.info, show)


# -- citations and attachments ------------------------------------------------------------
def cite(win: MainWindow, kind: str, record_id: int) -> None:
    case = win.case

    def ask(sources: list[tuple[int, str]]) -> None:
        if not sources:
            show_error(win, ValidationError("source", "The case has no sources yet: add one "
                                                      "under Sources first."))
            return
        dlg = CiteDialog(sources, None, win)
        if dlg.exec():
            v = dlg.values()
            run_op(win, lambda c: c.cite(v["source_id"], kind, record_id, v["excerpt"],
                                         v["locator"], v["credibility"]))
    win.worker.submit(lambda: source_choices(case), ask)


def edit_citation(win: MainWindow, row: dict) -> None:
    case = win.case

    def ask(sources: list[tuple[int, str]]) -> None:
        dlg = CiteDialog(sources, row, win)
        if dlg.exec():
            v = dlg.values()
            run_op(win, lambda c: c.update("citation", row["id"], {
                "excerpt": v["excerpt"], "locator": v["locator"],
                "credibility": v["credibility"]}))
    win.worker.submit(lambda: source_choices(case), ask)


def attach(win: MainWindow, source_id: int, paths: list[Path]) -> None:
    for p in paths:
        run_op(win, lambda c, p=p: c.attach_file(source_id, p))


def open_attachment(win: MainWindow, attachment_id: int) -> None:
    case = win.case

    def write() -> Path:
        name, data = attachment_data(case, attachment_id)
        folder = Path(tempfile.mkdtemp(prefix="casefile-"))
        target = folder / Path(name).name
        target.write_bytes(data)
        return target

    def opened(path: Path) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))) and sys.platform == "linux":
            subprocess.Popen(["xdg-open", str(path)])  # noqa: S603,S607
    win.worker.submit(write, opened, lambda exc: show_error(win, exc))


def save_attachment(win: MainWindow, attachment_id: int, target: str) -> None:
    case = win.case
    win.worker.submit(lambda: Path(target).write_bytes(attachment_data(case, attachment_id)[1]),
                      lambda _r: win.statusBar().showMessage(f"Saved {target}", 5000),
                      lambda exc: show_error(win, exc))


def _import(win: MainWindow) -> None:
    from casefile.ui.import_dialog import ImportDialog

    dlg = ImportDialog(win)
    win.import_dialog = dlg
    dlg.show()


def _export(win: MainWindow) -> None:
    from casefile.ui.export_dialog import show_export_dialog

    show_export_dialog(win)


# -- search -------------------------------------------------------------------------------
def search(win: MainWindow, query: str) -> None:
    case = win.case
    if case is None or not query.strip():
        return

    def show(hits: list) -> None:
        dlg = SearchResults(query, hits, win)
        dlg.chosen.connect(win.go_to)
        win.search_dialog = dlg
        dlg.show()
    win.worker.submit(lambda: case.search(query), show, lambda exc: show_error(win, exc))
