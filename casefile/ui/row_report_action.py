"""Import Shipments → Save row report: a line for each row of the file, ok or with its
problems (by column), written to a CSV beside the file as the user chooses; a dry run of the
import as the dialog sets it up, with progress and cancel, that never changes the case."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QWidget,
)

from casefile.errors import ImportFailed
from casefile.services.exchange.imports.row_report import row_report
from casefile.services.exchange.imports.shipments import import_shipments
from casefile.ui.encoding_choice import EncodingChoice
from casefile.ui.session import CaseSession
from casefile.ui.worker import Task


class ImportSetUp(Protocol):
    """What of the import dialog (casefile.ui.import_dialog) the row report reads and
    drives."""

    path: QLineEdit
    session: CaseSession
    task: Task | None
    progress: QProgressBar
    close_button: QPushButton
    report: QPlainTextEdit
    date_order: QComboBox
    encoding: EncodingChoice

    def window(self) -> QWidget: ...
    def mapping(self) -> Any: ...
    def accepted_matches(self) -> dict[str, int]: ...
    def _enable(self, ready: bool) -> None: ...
    def _failed(self, exc: BaseException, dry_run: bool = False) -> None: ...


def save_row_report(dialog: ImportSetUp) -> None:
    """Write a line for each row of the dialog's file, ok or with its problems, to a CSV the
    user names (a dry run of the import as set up: the case is not changed)."""
    path = Path(dialog.path.text().strip())
    if dialog.session.case is None:
        return
    out, _ = QFileDialog.getSaveFileName(dialog.window(), "Save row report",
                                         str(path.with_name(path.stem + ".rows.csv")),
                                         "CSV (*.csv)")
    if not out:
        return
    mapping, accept = dialog.mapping(), dialog.accepted_matches()
    day_first, encoding = dialog.date_order.currentData(), dialog.encoding.codec()
    task = dialog.task = Task()
    task.progress.connect(lambda d, t, w: dialog.progress.setValue(int(d * 1000 / max(t, 1))),
                          Qt.ConnectionType.QueuedConnection)
    dialog._enable(False)
    dialog.close_button.setText("Cancel")
    dialog.report.setPlainText("Checking every row…")

    def work(case: Any) -> tuple[int, int]:
        counts = {"ok": 0, "problem": 0, "checked": 0}
        with row_report(Path(out)) as log:
            assert log is not None  # a report file was named

            def count(line: int, status: str, what: str) -> None:
                counts[status] += 1
                log(line, status, what)
            try:  # a dry run: nothing is written to the case, whatever it finds
                import_shipments(case, path, mapping, True, accept, task.report,
                                 again=True, row_log=count, day_first=day_first,
                                 encoding=encoding)
            except ImportFailed:
                pass
        return sum(counts.values()), counts["problem"]

    def done(result: tuple[int, int]) -> None:
        dialog.task = None
        dialog._enable(True)
        dialog.close_button.setText("Close")
        dialog.progress.setValue(1000)
        rows, bad = result
        dialog.report.setPlainText(f"Wrote a line for each of {rows:,} rows to {out}; "
                                 + (f"{bad:,} rows have problems." if bad != 1 else
                                    "1 row has problems."))

    dialog.session.query(work, done, dialog._failed)
