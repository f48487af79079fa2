"""File menu actions that exchange data with other tools: import parties and sanctions
from FollowTheMoney / OpenSanctions files, export the case as FtM or as CSV tables. The
work runs on the database worker; the window stays responsive."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QFileDialog

from casefile.services.exchange.export_csv import export_csv
from casefile.services.exchange.export_ftm import export_ftm
from casefile.services.exchange.imports.ftm import import_ftm
from casefile.ui.case_actions import show_error
from casefile.ui.import_dialog import ImportDialog

if TYPE_CHECKING:
    from casefile.ui.main_window import MainWindow


class FtmImportDialog(ImportDialog):
    """The import dialog for parties and sanctions: no columns to map (FtM names them)."""

    TITLE = "Import entities (FollowTheMoney, OpenSanctions)"
    PLACEHOLDER = "FtM JSON lines (Aleph, OpenSanctions) or targets.simple.csv"
    FILTER = ("Entity data (*.json *.jsonl *.ftm *.csv);;All files (*)")
    CITED = "created record"

    def __init__(self, win: MainWindow) -> None:
        super().__init__(win)
        self.mapping_panel.hide()
        self.rows_button.hide()  # FtM records are reported in the check itself
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
        return (f"{verb} {_n(len(report.new_entities), 'party', 'parties')} and "
                f"{_n(report.sanctions, 'sanction')} from {_n(report.rows, 'record')} of "
                f"{report.file}.")

    @staticmethod
    def importer(case: Any, path: Path, mapping: dict[str, str], dry_run: bool,
                 accept: dict[str, int], progress: Any, again: bool) -> Any:
        return import_ftm(case, path, dry_run, accept, progress, again=again)


def _n(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else many or one + 's'}"


def import_entities(win: MainWindow) -> None:
    dlg = FtmImportDialog(win)
    win.import_dialog = dlg
    dlg.show()


def _export(win: MainWindow, what: str, target: Path, fn: Any) -> None:
    case = win.case
    if case is None:
        return
    win.statusBar().showMessage(f"Exporting {what}…")
    win.worker.submit(lambda: fn(case, target),
                      lambda _r: win.statusBar().showMessage(f"Exported {what} to {target}",
                                                             8000),
                      lambda exc: show_error(win, exc))


def export_ftm_file(win: MainWindow) -> None:
    if win.case is None:
        return
    default = str(win.case.path.with_suffix(".ftm.json"))
    name, _ = QFileDialog.getSaveFileName(win, "Export as FollowTheMoney", default,
                                          "FtM JSON lines (*.ftm.json *.json)")
    if name:
        _export(win, "FollowTheMoney entities", Path(name), export_ftm)


def export_csv_tables(win: MainWindow) -> None:
    if win.case is None:
        return
    folder = QFileDialog.getExistingDirectory(win, "Export tables as CSV (choose a folder)",
                                              str(win.case.path.parent))
    if folder:
        _export(win, "tables as CSV", Path(folder), export_csv)
