"""File menu actions that exchange data with other tools: import parties and sanctions
from FollowTheMoney / OpenSanctions files, export the case as FtM or as CSV tables. The
work runs on the database worker; the window stays responsive."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QMessageBox, QVBoxLayout, QWidget

from casefile.paths import default_save_folder, default_save_path
from casefile.services.exchange.export_csv import export_csv
from casefile.services.exchange.export_ftm import export_ftm
from casefile.services.exchange.export_ftm_left import left_out_line
from casefile.services.exchange.imports.ftm import import_ftm
from casefile.ui.error_dialog import show_error
from casefile.ui.import_dialog import ImportDialog
from casefile.ui.session import CaseSession
from casefile.ui.text import message


class FtmImportDialog(ImportDialog):
    """The import dialog for parties and sanctions: no columns to map (FtM names them)."""

    TITLE = "Import entities (FollowTheMoney, OpenSanctions)"
    PLACEHOLDER = ("FtM JSON lines (Aleph, OpenSanctions entities.ftm.json or "
                   "targets.nested.json) or targets.simple.csv")
    FILTER = ("Entity data (*.json *.jsonl *.ftm *.csv *.txt);;All files (*)")
    CITED = "created record"
    ROW = "record"
    CAN_SKIP = False

    def __init__(self, session: CaseSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.mapping_panel.hide()
        self.date_order_box.hide()  # FtM dates are ISO
        self.rows_button.hide()  # FtM records are reported in the check itself
        # the left column holds nothing else: the choice goes under the file, across
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(2, self.encoding)
        self.body.setStretch(0, 0)  # the report takes the whole width
        self.resize(900, 560)

    def load_file(self) -> None:
        text = self.path.text().strip()
        if not text:
            return
        path = Path(text)
        if not path.is_file():
            self.file_info.setText(f"{path} does not exist")
            self._enable(False)
            return
        self.file_info.setText(f"{path.name}: {path.stat().st_size:,} bytes. Check it to see "
                               "what it would create.")
        self.checked = None
        self.again = False
        self._enable(True)

    def mapping(self) -> dict[str, str]:
        return {}

    @staticmethod
    def headline(report: Any, verb: str) -> str:
        return str(report.headline(verb))  # the CLI's sentence (FtmReport.headline)

    @staticmethod
    def importer(case: Any, path: Path, mapping: Any, dry_run: bool,
                 accept: dict[str, int], progress: Any, again: bool,
                 day_first: bool | None = None, missing_ok: bool = False,
                 skip_bad_rows: bool = False, encoding: str | None = None) -> Any:
        return import_ftm(case, path, dry_run, accept, progress, again=again,
                          encoding=encoding)


def _export(session: CaseSession, parent: QWidget, status: Callable[[str], None],
            what: str, target: Path, fn: Any) -> None:
    status(f"Exporting {what}…")
    session.query(lambda case: fn(case, target),
                  lambda _r: status(f"Exported {what} to {target}"),
                  lambda exc: show_error(parent, exc))


def export_ftm_file(session: CaseSession, parent: QWidget,
                    status: Callable[[str], None]) -> None:
    if session.case is None:
        return
    default = str(default_save_path(session.case.path, ".ftm.json", "case.ftm.json"))
    name, _ = QFileDialog.getSaveFileName(parent, "Export as FollowTheMoney", default,
                                          "FtM JSON lines (*.ftm.json *.json)")
    if name:
        target = Path(name)

        def done(left: str | None) -> None:
            exported_ftm(parent, status, target, left)
        status("Exporting FollowTheMoney entities…")
        session.query(lambda case: ftm_and_left(case, target), done,
                      lambda exc: show_error(parent, exc))


def ftm_and_left(case: Any, target: Path) -> str | None:
    """Export, and say what the export left out (None: nothing)."""
    export_ftm(case, target)
    with case.read() as conn:
        return left_out_line(conn)


def exported_ftm(parent: QWidget, status: Callable[[str], None], target: Path,
                 left: str | None) -> QMessageBox | None:
    """Say the export is done; what it left out in a box (a status line goes in seconds)."""
    status(f"Exported FollowTheMoney entities to {target}")
    if not left:
        return None
    box = message(parent, "Exported as FollowTheMoney", f"Wrote {target.name}.\n\n{left}",
                  icon=QMessageBox.Icon.Information)
    box.open()
    return box


def export_csv_tables(session: CaseSession, parent: QWidget,
                      status: Callable[[str], None]) -> None:
    if session.case is None:
        return
    folder = QFileDialog.getExistingDirectory(parent, "Export tables as CSV (choose a folder)",
                                              str(default_save_folder(session.case.path)))
    if folder:
        _export(session, parent, status, "tables as CSV", Path(folder), export_csv)
