"""What the main window's menus and start screen do: open, create and close cases, undo and
redo, new / delete / merge records, case details, imports and exports, search. Each command
is a small operation on the session; dialogs get the session, never the window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox, QWidget

from casefile.core.labels import human_time
from casefile.errors import CaseLockedError, CorruptCaseError, ValidationError
from casefile.ui.delete_question import ask_delete, what_uses
from casefile.ui.error_dialog import show_error
from casefile.ui.fields import DEFAULTS
from casefile.ui.help_commands import HelpCommands
from casefile.ui.menus import Menus
from casefile.ui.open_dialogs import OpenDialogs
from casefile.ui.ops import case_file
from casefile.ui.ops import records as record_ops
from casefile.ui.records_view import RecordsView
from casefile.ui.repair_command import RepairCommand
from casefile.ui.session import CaseSession
from casefile.ui.start_screen import StartScreen
from casefile.ui.text import message


def _in_use(path: Path, holder: dict[str, Any]) -> str:
    """Who has a case open, and since when, in words."""
    since = holder.get("since")
    return (f"{path.name} is open for writing by {holder.get('user', 'someone')} on "
            f"{holder.get('host', 'another computer')} (process {holder.get('pid', '?')})"
            f"{', since ' + human_time(str(since)) if since else ''}.\n\nOpen it read-only, "
            "or close it there first.")


FILE_FILTER = "Casefile cases (*.casefile);;All files (*)"


class WindowCommands(QObject):
    """Connects the menus and the start screen to what they do."""

    def __init__(self, session: CaseSession, parent: QWidget, menus: Menus,
                 records: RecordsView, go_to: Callable[[str, int], None],
                 status: Callable[[str], None],
                 store_typing: Callable[[Callable[[], None]], None] | None = None) -> None:
        super().__init__(parent)
        self.session, self.parent_widget, self.menus = session, parent, menus
        self.records, self.go_to, self.status = records, go_to, status
        # before the case is closed: store what is typed (then close), or say why not
        self.store_typing = store_typing or (lambda then: then())
        self.dialogs: dict[str, QDialog] = OpenDialogs()  # the modeless dialogs, by name
        # the search panel's find(text or None), set by the window that holds the panel
        self.find_panel: Callable[[str | None], None] | None = None
        # the editor's: store a drop-down's value still settling (before an undo or redo)
        self.settle_editor: Callable[[], None] = lambda: None
        # the editor's: the cursor in a new record's first field once it is shown
        self.focus_new: Callable[[str, int], None] | None = None
        m, s = menus, session
        m.new.triggered.connect(self.new_case)
        m.open.triggered.connect(self.open_dialog)
        m.demo.triggered.connect(self.open_demo)
        m.save_copy.triggered.connect(self.save_copy)
        self.repair = RepairCommand(s, parent, self.open_path)
        m.repair.triggered.connect(lambda: self.repair.start())
        m.close.triggered.connect(lambda: self.store_typing(s.close))
        m.quit.triggered.connect(parent.close)
        m.undo.triggered.connect(self.undo)
        m.redo.triggered.connect(self.redo)
        for kind, act in m.new_record.items():
            act.triggered.connect(lambda _=False, k=kind: self.new_record(k))
        m.delete.triggered.connect(self.delete_selected)
        m.merge.triggered.connect(self.merge_selected)
        m.find.triggered.connect(self._find)
        self.help = HelpCommands(parent, self.dialogs, status)
        m.about.triggered.connect(self.help.show_about)
        m.log_folder.triggered.connect(self.help.show_log_folder)
        m.dates_help.triggered.connect(self.help.show_dates_help)
        m.case_details.triggered.connect(self.edit_case_details)
        m.export_pdf.triggered.connect(self.export_pdf)
        m.import_shipments.triggered.connect(lambda: self._import("import_shipments"))
        m.import_ftm.triggered.connect(lambda: self._import("import_ftm"))
        m.screening.triggered.connect(lambda: self.screening(None))
        m.screen_party.triggered.connect(self.screen_selected_party)
        m.export_ftm.triggered.connect(self._export_ftm)
        m.export_csv.triggered.connect(self._export_csv)
        m.search_field.returnPressed.connect(lambda: self.search(m.search_field.text()))

    def _find(self) -> None:
        if self.find_panel is not None and self.session.case is not None:
            self.find_panel(None)
            return
        self.menus.search_field.setFocus()
        self.menus.search_field.selectAll()

    def connect_start(self, start: StartScreen) -> None:
        start.new_requested.connect(self.new_case)
        start.open_requested.connect(self.open_dialog)
        start.demo_requested.connect(self.open_demo)
        start.recent_requested.connect(lambda p: self.open_path(Path(p)))

    def _error(self, title: str = "Casefile") -> Callable[[BaseException], None]:
        return lambda exc: show_error(self.parent_widget, exc, title)

    # -- the case file ------------------------------------------------------------------
    def open_path(self, path: Path, readonly: bool = False) -> None:
        def failed(exc: BaseException) -> None:
            if isinstance(exc, CaseLockedError) and not readonly:
                box = message(self.parent_widget, "Case in use", _in_use(path, exc.holder),
                              icon=QMessageBox.Icon.Question)
                box.setStandardButtons(QMessageBox.StandardButton.Open
                                       | QMessageBox.StandardButton.Cancel)
                box.button(QMessageBox.StandardButton.Open).setText("Open read-only")
                if box.exec() == QMessageBox.StandardButton.Open:
                    self.open_path(path, readonly=True)
                return
            if isinstance(exc, CorruptCaseError):  # (look15: only the CLI could repair)
                self.repair.offer(path, str(exc))
                return
            show_error(self.parent_widget, exc, "Cannot open the case")

        def opened(case: Any) -> None:
            if case.backup is not None:
                message(self.parent_widget, "Case upgraded", f"{path.name} was made by an "
                        "earlier Casefile and has been upgraded. The file as it was is kept "
                        f"as:\n{case.backup}", icon=QMessageBox.Icon.Information).show()
        target = Path(path).expanduser().resolve()
        self.store_typing(lambda: self.session.open(target, readonly, opened, failed))

    def open_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self.parent_widget, "Open case", "", FILE_FILTER)
        if name:
            self.open_path(Path(name))

    def new_case(self) -> None:
        """Ask title, reference, marking and file (new_case_dialog), then create it."""
        from casefile.paths import default_save_folder
        from casefile.ui.new_case_dialog import NewCaseDialog

        case = self.session.case
        dlg = self.dialogs["new_case"] = NewCaseDialog(
            self.parent_widget, default_save_folder(case.path if case else None))
        if dlg.exec():
            path, info = dlg.target(), dlg.values()
            self.store_typing(lambda: case_file.new_case(
                self.session, path, self._error("Cannot create the case"), info))

    def open_demo(self) -> None:
        self.store_typing(lambda: case_file.open_demo(
            self.session, self._error("Cannot open the demo case")))

    def save_copy(self) -> None:
        case = self.session.case
        if case is None:
            return
        from casefile.paths import default_save_path

        name, _ = QFileDialog.getSaveFileName(
            self.parent_widget, "Save a copy as",
            str(default_save_path(case.path, " copy.casefile", "copy.casefile")), FILE_FILTER)
        if name:
            case_file.save_copy(self.session, Path(name),
                                lambda _r: self.status(f"Saved a copy to {name}"),
                                self._error())

    def edit_case_details(self) -> None:
        from casefile.ui.case_details import CaseDetailsDialog

        def ask(info: dict[str, Any]) -> None:
            dlg = CaseDetailsDialog(info, self.parent_widget)
            if dlg.exec():
                record_ops.set_case_info(self.session, dlg.values()) \
                    .failure(self._error()).run()
        self.session.query(lambda case: case.info(), ask)

    # -- records ------------------------------------------------------------------------
    def new_record(self, kind: str) -> None:
        values = dict(DEFAULTS[kind])
        if kind in ("relationship", "sanction"):
            eid = self.records.current_id() if self.records.kind == "entity" else None
            if eid is None:
                why = (f"Select a party in Entities first: a new {kind} starts from the "
                       "selected party.")
                show_error(self.parent_widget, ValidationError(
                    "entity", why, display=why))  # (look29: 'entity: Select …')
                return
            values.update({"entity_id": eid} if kind == "sanction" else
                          {"subject_id": eid, "object_id": eid, "kind": "other"})
        record_ops.create_record(self.session, kind, values) \
            .success(lambda change: self._new_shown(kind, change.result)) \
            .failure(self._error()).run()

    def _new_shown(self, kind: str, rid: int) -> None:
        self.go_to(kind, rid)
        if self.focus_new is not None:
            self.focus_new(kind, rid)

    def delete_selected(self) -> None:
        """Delete the selected records as one undo step, after asking; records that still
        use them (a party's shipments, a source's citations) are named, and the answer
        that deletes those too is not the default."""
        kind, ids = self.records.kind, self.records.selected_ids()
        if not ids:
            return
        self.session.query(lambda case: what_uses(case, kind, ids),
                           lambda found: self._confirm_delete(kind, ids, found))

    def _confirm_delete(self, kind: str, ids: list[int],
                        found: tuple[list[str], list[str]]) -> None:
        blocking, names = found
        if not ask_delete(self.parent_widget, kind, ids, blocking, names):
            return
        record_ops.delete_records(self.session, kind, ids, cascade=bool(blocking)) \
            .failure(self._error("Cannot delete")).run()

    def merge_selected(self) -> None:
        ids = self.records.selected_ids()
        if self.records.kind != "entity" or len(ids) != 2:
            show_error(self.parent_widget,
                       ValidationError("entity", "Select exactly two entities to merge."))
            return
        model = self.records.model
        names = {model.record_id(r): model.index(r, 0).data() for r in range(model.rowCount())
                 if model.record_id(r) in ids}
        labels = [f"{names.get(i, i)} (#{i})" for i in ids]
        choice, ok = QInputDialog.getItem(
            self.parent_widget, "Merge entities", "Keep which entity? The other's names, "
            "identifiers, records and citations move to it, and its details join it.", labels,
            0, False)
        if ok:
            keep = ids[labels.index(choice)]
            other = ids[1 - labels.index(choice)]
            record_ops.merge_entities(self.session, keep, other) \
                .success(lambda _c: self.go_to("entity", keep)).failure(self._error()).run()

    # -- exchange and search ------------------------------------------------------------
    def _import(self, which: str) -> None:
        from casefile.ui.exchange_actions import FtmImportDialog
        from casefile.ui.import_dialog import ImportDialog

        cls = FtmImportDialog if which == "import_ftm" else ImportDialog
        dlg = self.dialogs[which] = cls(self.session, self.parent_widget)
        dlg.show()

    def screening(self, party: int | None, hit: int | None = None) -> None:
        """The screening window, of the case or of one party (``hit``: that hit chosen);
        the one open already if it shows the same, else it closes first (review25: each
        hit opened from a party's profile opened another window, with its own workers)."""
        from casefile.ui.screening_dialog import ScreeningDialog

        open_now = self.dialogs.get("screening")
        if isinstance(open_now, ScreeningDialog) and open_now.isVisible():
            if open_now.party == party:
                if hit is not None:
                    open_now.choose_hit(hit)
                open_now.raise_()
                open_now.activateWindow()
                return
            open_now.close()
        dlg = self.dialogs["screening"] = ScreeningDialog(self.session, self.parent_widget,
                                                          party=party, hit=hit)
        dlg.show()

    def screen_selected_party(self) -> None:
        ids = self.records.selected_ids() if self.records.kind == "entity" else []
        if len(ids) != 1:
            self.status("Choose one entity to screen.")
            return
        self.screening(ids[0])

    def export_pdf(self) -> None:
        from casefile.ui.export_dialog import show_export_dialog

        show_export_dialog(self.session, self.parent_widget,
                           lambda dlg: self.dialogs.__setitem__("export", dlg))

    def _export_ftm(self) -> None:
        from casefile.ui.exchange_actions import export_ftm_file

        export_ftm_file(self.session, self.parent_widget, self.status)

    def _export_csv(self) -> None:
        from casefile.ui.exchange_actions import export_csv_tables

        export_csv_tables(self.session, self.parent_widget, self.status)

    def undo(self) -> None:
        """Undo the last step; one that cannot be redone (an import) is asked about first."""
        from casefile.ui.undo_final import undo_asking

        self.settle_editor()  # (the value a user keyed is what Undo takes back: review35)
        self.dialogs.pop("undo", None)
        box = undo_asking(self.session, self.parent_widget,
                          lambda: record_ops.undo(self.session).run())
        if box is not None:
            self.dialogs["undo"] = box

    def redo(self) -> None:
        self.settle_editor()
        record_ops.redo(self.session).run()

    def search(self, query: str) -> None:
        """The toolbar's search field: its text in the search panel."""
        if self.session.case is None or not query.strip() or self.find_panel is None:
            return
        self.find_panel(query)
