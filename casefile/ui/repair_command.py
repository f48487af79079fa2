"""File → Repair a Damaged Case…: copy what can still be read of a damaged case into a new
case, as ``casefile repair`` does (casefile.services.case.repair), from the window. The
damaged file is never written; the new one is named by the person (the damaged file's name
with "(repaired)" offered), made on the session's worker, and appears only when complete.
The result box says what SQLite's check found and what each table saved and lost, and
offers to open the repaired case. A case that cannot be opened because it is damaged offers
this too (casefile.ui.commands)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from casefile.ui.error_dialog import show_error
from casefile.ui.session import CaseSession
from casefile.ui.text import message

if TYPE_CHECKING:  # the database layer loads once a case is opened or repaired (cold start)
    from casefile.services.case.repair import RepairReport

FILE_FILTER = "Casefile cases (*.casefile);;All files (*)"


def repaired_name(damaged: Path) -> Path:
    """'Case (repaired).casefile' beside the damaged file, numbered when taken."""
    for n in range(1, 1000):
        tag = " (repaired)" if n == 1 else f" (repaired {n})"
        out = damaged.with_name(f"{damaged.stem}{tag}.casefile")
        if not out.exists():
            return out
    return damaged.with_name(f"{damaged.stem} (repaired).casefile")


class RepairCommand:
    """Asks which case and where to, repairs on the worker, says what came of it."""

    def __init__(self, session: CaseSession, parent: QWidget,
                 open_path: Callable[[Path], None]) -> None:
        self.session, self.parent, self.open_path = session, parent, open_path
        self.box: QMessageBox | None = None  # the result, while shown

    def start(self, damaged: Path | None = None, output: Path | None = None) -> None:
        """Repair ``damaged`` into ``output``; each is asked for when not given."""
        if damaged is None:
            case = self.session.case
            name, _ = QFileDialog.getOpenFileName(
                self.parent, "Repair a damaged case", str(case.path) if case else "",
                FILE_FILTER)
            if not name:
                return
            damaged = Path(name)
        if output is None:
            name, _ = QFileDialog.getSaveFileName(
                self.parent, f"Save what can be read of {damaged.name} as",
                str(repaired_name(damaged)), FILE_FILTER)
            if not name:
                return
            output = Path(name)
            if output.suffix.lower() != ".casefile":
                output = output.with_name(output.name + ".casefile")
        case = self.session.case
        if case is not None and case.path.resolve() == damaged.resolve():
            self.session.close()  # (look16: its own lock refused the repair) read after
        def repair() -> RepairReport:
            from casefile.services.case.repair import repair_case
            return repair_case(damaged, output)
        self.session.run(repair, self._done,
                         lambda exc: show_error(self.parent, exc, "Cannot repair the case"))

    def offer(self, path: Path, why: str, title: str = "Cannot open the case") -> None:
        """Say why ``path`` is damaged (it cannot be opened, or was opened read-only) and
        offer to repair it."""
        box = self.box = message(
            self.parent, title, why,
            "Repair… asks where to save the new case; this file is not changed.",
            icon=QMessageBox.Icon.Critical)
        box.setObjectName("repair-offer")
        box.setStandardButtons(QMessageBox.StandardButton.Yes
                               | QMessageBox.StandardButton.Close)
        box.button(QMessageBox.StandardButton.Yes).setText("Repair…")
        box.setDefaultButton(QMessageBox.StandardButton.Yes)

        def answered(answer: int) -> None:
            self.box = None
            if answer == QMessageBox.StandardButton.Yes:
                self.start(path)
        box.finished.connect(answered)
        box.open()

    def _done(self, report: RepairReport) -> None:
        lines = report.lines()
        if report.lost_anything:
            head = (f"Some of {report.source.name} could not be read. What could is in "
                    f"{report.output.name}; what was lost, table by table, is under Show "
                    "Details and in the new case's audit log.")
        else:
            head = (f"Every readable row of {report.source.name} is in {report.output.name}."
                    f" {report.source.name} is left as it was.")
        box = self.box = message(self.parent, "Case repaired", head,
                                 f"{lines[0]}\n\n{lines[-1]}",
                                 icon=QMessageBox.Icon.Warning if report.lost_anything
                                 else QMessageBox.Icon.Information)
        box.setDetailedText("\n".join(line.strip() for line in lines))  # table by table
        box.setObjectName("repair-result")
        box.setStandardButtons(QMessageBox.StandardButton.Open
                               | QMessageBox.StandardButton.Close)
        box.button(QMessageBox.StandardButton.Open).setText("Open the Repaired Case")
        box.setDefaultButton(QMessageBox.StandardButton.Open)
        output = report.output

        def answered(answer: int) -> None:
            self.box = None
            if answer == QMessageBox.StandardButton.Open:
                self.open_path(output)
        box.finished.connect(answered)
        box.open()
