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
from casefile.ui.text import ask

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
            self.session.close()  # its lock held by this window refused the repair (look16)
        def repair() -> RepairReport:
            from casefile.services.case.repair import repair_case
            return repair_case(damaged, output)
        self.session.run(repair, self._done,
                         lambda exc: show_error(self.parent, exc, "Cannot repair the case"))

    def offer(self, path: Path, why: str, title: str = "Cannot open the case") -> None:
        """Say why ``path`` is damaged (it cannot be opened, or was opened read-only) and
        offer to repair it."""
        box = self.box = ask(
            self.parent, title, why, "Repair…", "Close", lambda: self.start(path),
            detail="Repair… asks where to save the new case; this file is not changed.",
            yes_default=True, no_button=QMessageBox.StandardButton.Close,
            icon=QMessageBox.Icon.Critical)
        box.setObjectName("repair-offer")
        box.finished.connect(self._answered)

    def _done(self, report: RepairReport) -> None:
        lines = report.lines()
        if report.lost_anything:
            head = (f"Some of {report.source.name} could not be read. What could is in "
                    f"{report.output.name}; what was lost, table by table, is under Show "
                    "Details and in the new case's audit log.")
        else:
            head = (f"Every readable row of {report.source.name} is in {report.output.name}."
                    f" {report.source.name} is left as it was.")
        output = report.output
        box = self.box = ask(
            self.parent, "Case repaired", head, "Open the Repaired Case", "Close",
            lambda: self.open_path(output), detail=f"{lines[0]}\n\n{lines[-1]}",
            yes_default=True, no_button=QMessageBox.StandardButton.Close,
            icon=QMessageBox.Icon.Warning if report.lost_anything
            else QMessageBox.Icon.Information)
        box.setDetailedText("\n".join(line[2:] if line.startswith("  ") else line
                                      for line in lines))  # table by table, lost rows named
        box.setObjectName("repair-result")
        box.finished.connect(self._answered)

    def _answered(self) -> None:
        self.box = None
