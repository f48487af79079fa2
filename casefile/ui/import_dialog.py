"""File → Import Shipments: choose a CSV/XLSX file, check the guessed column mapping (and
the layout it was recognised as), see what a dry run would create (and every problem, by line
and column, and the essential fields the file lacks), accept proposed matches with existing
parties, then import — with progress and cancel, as one undo step. An import that would store
shipments without a date, a party, goods or a country asks first."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casefile.core.labels import counted
from casefile.errors import AlreadyImported, Cancelled, ImportFailed, MissingColumns
from casefile.services.case.change import Change
from casefile.services.exchange.imports.encodings import encoding_label
from casefile.services.exchange.imports.reader import open_table
from casefile.services.exchange.imports.shipments import import_shipments
from casefile.ui.encoding_choice import EncodingChoice
from casefile.ui.import_outcome import done_lines, problems_text
from casefile.ui.mapping_panel import MappingPanel
from casefile.ui.match_list import MatchList
from casefile.ui.row_report_action import save_row_report
from casefile.ui.session import CaseSession
from casefile.ui.text import plain_label
from casefile.ui.worker import Task


class ImportDialog(QDialog):
    TITLE = "Import shipments"
    PLACEHOLDER = "a CSV or XLSX file of shipment records"
    FILTER = "Trade data (*.csv *.txt *.xlsx);;All files (*)"

    def __init__(self, session: CaseSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.task: Task | None = None
        self.checked: tuple | None = None  # what the last clean dry run was run on
        self._file_said = ""  # the file's line, while a run's progress stands in it
        self.again = False  # the user said: import this file although the case holds it
        self.missing_ok: tuple | None = None  # what the user let import without some fields
        self.setWindowTitle(self.TITLE)
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.PLACEHOLDER)
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._browse)
        self.path.editingFinished.connect(self.load_file)
        top = QHBoxLayout()
        top.addWidget(self.path)
        top.addWidget(browse)
        self.file_info = plain_label()
        self.mapping_panel = MappingPanel()
        self.mapping_panel.said.connect(self.report_text)
        self.date_order = QComboBox()  # how the file writes 03/04/2022
        for text, day_first in (("guess from the file", None),
                                ("day first (03/04/2022 is 3 April)", True),
                                ("month first (03/04/2022 is 4 March)", False)):
            self.date_order.addItem(text, day_first)
        self.date_order.setToolTip("A slashed date that reads both ways is read in this order; "
                                   "guessed from the rows that read only one way if not set")
        self.date_order_box = QWidget()
        order_row = QHBoxLayout(self.date_order_box)
        order_row.setContentsMargins(0, 0, 0, 0)
        order_row.addWidget(plain_label("Slashed dates:"))
        order_row.addWidget(self.date_order, 1)
        self.encoding = EncodingChoice()
        self.encoding.changed.connect(self.load_file)  # (the header is read in it too)
        self.proposals = MatchList()
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.rows_button = QPushButton("Save row report…")
        self.rows_button.setToolTip("Check the file and write a CSV with one line per row: "
                                    "what it would create, or its problems")
        self.rows_button.clicked.connect(self._save_row_report)
        self.skip_bad = QCheckBox("Skip the rows with problems")
        self.skip_bad.setToolTip("Import the good rows; each skipped row is listed in the "
                                 "report and kept, with its problems, in the notes of the "
                                 "imported file's source")
        self.skip_bad.hide()  # offered once a check has found rows with problems
        self.skip_bad.toggled.connect(lambda _on: setattr(self, "checked", None))
        self.check_button = QPushButton("Check (dry run)")
        self.import_button = QPushButton("Import")
        self.close_button = QPushButton("Close")
        self.check_button.clicked.connect(lambda: self.run(dry_run=True))
        self.import_button.clicked.connect(lambda: self.run(dry_run=False))
        self.close_button.clicked.connect(self._cancel_or_close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.rows_button)
        buttons.addWidget(self.skip_bad)
        buttons.addStretch(1)
        for b in (self.check_button, self.import_button, self.close_button):
            buttons.addWidget(b)
        left = QVBoxLayout()
        left.addWidget(self.mapping_panel, 1)
        left.addWidget(self.date_order_box)
        left.addWidget(self.encoding)
        right = QVBoxLayout()
        right.addWidget(plain_label("Possible matches with parties already in the case "
                                    "(tick to use the existing party):"))
        right.addWidget(self.proposals)
        right.addWidget(plain_label("Report"))
        right.addWidget(self.report, 1)
        body = self.body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addLayout(right, 3)
        lay = QVBoxLayout(self)
        lay.addLayout(top)  # the file, and what it is, across the whole dialog
        lay.addWidget(self.file_info)
        lay.addLayout(body, 1)
        lay.addWidget(self.progress)
        lay.addLayout(buttons)
        self.resize(1100, 700)
        self._enable(False)
        # Enter in the file field loads the file; it must not also press a default button
        # (the first one, Choose…, opened the file browser)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)

    def _enable(self, ready: bool) -> None:
        self.rows_button.setEnabled(ready)
        self.check_button.setEnabled(ready)
        self.import_button.setEnabled(ready)
        self.mapping_panel.enable(ready)

    def report_text(self, text: str) -> None:
        self.report.setPlainText(text)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.TITLE, "", self.FILTER)
        if name:
            self.path.setText(name)
            self.load_file()

    def load_file(self) -> None:
        path = Path(self.path.text().strip())
        if not self.path.text().strip():
            return
        try:
            table = open_table(path, self.encoding.codec())
        except (ValueError, OSError) as exc:
            self.file_info.setText(str(exc))
            self._enable(False)
            return
        self.mapping_panel.set_header(table.header)
        self.checked = None
        self.again = False
        self.missing_ok = None
        enc = (f", {encoding_label(table.encoding or '')}"
               f"{' (guessed)' if table.guessed else ''}, delimiter {table.delimiter!r}"
               if table.kind == "csv" else "")
        where = (f" (the header is on {'line' if table.kind == 'csv' else 'row'} "
                 f"{table.header_line}; the rows above it are skipped)"
                 if table.header_line > 1 else "")
        self.file_info.setText(f"{path.name}: {table.kind.upper()}{enc}, "
                               f"{len(table.header)} columns{where}")
        self._enable(True)

    def mapping(self) -> Any:
        """The column mapping (field -> column, and fixed values) the import is to use."""
        return self.mapping_panel.mapping()

    def accepted_matches(self) -> dict[str, int]:
        return self.proposals.accepted()

    CITED = "shipment"
    ROW = "row"  # what the file holds one of per line
    CAN_SKIP = True  # rows with problems can be skipped on request

    @staticmethod
    def headline(report: Any, verb: str) -> str:
        return (f"{verb} {counted(report.shipments, 'shipment')} from "
                f"{counted(report.rows, 'row')} of {report.file}.\n"
                f"New parties: {len(report.new_entities):,}; parties already in the case: "
                f"{report.reused:,}."
                + (f"\n{report.added_line()}." if report.added_to else ""))

    @staticmethod
    def importer(case: Any, path: Path, mapping: Any, dry_run: bool,
                 accept: dict[str, int], progress: Any, again: bool,
                 day_first: bool | None = None, missing_ok: bool = False,
                 skip_bad_rows: bool = False, encoding: str | None = None) -> Any:
        """The import as the user set it up: ``missing_ok`` once they let this file go
        without some essential fields, ``skip_bad_rows`` once they chose to skip rows with
        problems, ``encoding`` once they chose the file's text encoding."""
        return import_shipments(case, path, mapping, dry_run, accept, progress, again=again,
                                day_first=day_first, accept_missing=missing_ok,
                                skip_bad_rows=skip_bad_rows, encoding=encoding)

    def _key(self) -> tuple:
        path = Path(self.path.text().strip())
        try:
            stamp = path.stat().st_mtime_ns
        except OSError:
            stamp = None
        mapping = self.mapping()
        key = mapping.key() if hasattr(mapping, "key") else tuple(sorted(mapping.items()))
        return (str(path), stamp, key, self.date_order.currentData(), self.encoding.codec())

    def run(self, dry_run: bool) -> None:
        path = Path(self.path.text().strip())
        if self.session.case is None:
            return
        review_first = not dry_run and self.checked != self._key()
        if review_first:  # near matches are shown before anything is written
            dry_run = True
        mapping, accept = self.mapping(), self.accepted_matches()
        task = self.task = Task()
        task.progress.connect(self._progress, Qt.ConnectionType.QueuedConnection)
        # (look27) the last run's full bar stood for half a second, and its last count
        # beside 'Cancelled' after: the bar starts empty, the file's line comes back after
        self._file_said = self.file_info.text()
        self.progress.setValue(0)
        self._enable(False)
        self.close_button.setText("Cancel")
        self.report.setPlainText("Checking…" if dry_run else "Importing…")

        again, day_first = self.again, self.date_order.currentData()
        # once the user let this file and mapping go without some fields, it may
        missing_ok = self.missing_ok == self._key()
        skip = self.skip_bad.isVisible() and self.skip_bad.isChecked()
        encoding = self.encoding.codec()
        self.session.op(lambda case: self.importer(case, path, mapping, dry_run, accept,
                                                   task.report, again, day_first, missing_ok,
                                                   skip, encoding)) \
            .success(lambda change: self._done(change, dry_run, review_first)) \
            .failure(lambda exc: self._failed(exc, dry_run and not review_first)).run()

    def _progress(self, done: int, total: int, what: str) -> None:
        self.progress.setValue(int(done * 1000 / max(total, 1)))
        self.file_info.setText(what)

    def _done(self, change: Change, dry_run: bool, then_import: bool = False) -> None:
        """Show what an import did (its Change is already announced to every view)."""
        self.task = None
        self.file_info.setText(self._file_said)  # (before a check hands on to the import)
        report = change.result
        if dry_run:
            self.checked = self._key()
            if then_import and not report.proposals:
                self.run(dry_run=False)
                return
        self._enable(True)
        self.close_button.setText("Close")
        self.progress.setValue(1000)
        verb = "Would import" if dry_run else "Imported"
        lines = done_lines(report, dry_run, then_import, headline=self.headline(report, verb),
                           row=self.ROW, cited=self.CITED)
        if not dry_run:
            said = "nothing new" if getattr(report, "nothing_new", False) else "imported"
            self.file_info.setText(f"{Path(self.path.text().strip()).name}: {said}.")
        self.report.setPlainText("\n".join(lines))
        # after an import its matches are decided (unticked: new parties): none to tick
        self.proposals.show_proposals(report.proposals if dry_run else ())
        self.last_report = report

    def _failed(self, exc: BaseException, dry_run: bool = False) -> None:
        """Say why a check (``dry_run``) or an import stopped; a check never imports, so it
        does not say 'nothing was imported'."""
        self.task = None
        stopped = "The check stopped" if dry_run else "Nothing was imported"
        self._enable(True)
        self.close_button.setText("Close")
        self.progress.reset()  # empty, not a '0%' that reads as work still to come
        self.file_info.setText(self._file_said)
        if isinstance(exc, AlreadyImported):
            self.report.setPlainText(f"{stopped}: {exc}.")
            answer = QMessageBox.question(
                self, self.TITLE, f"{exc}.\n\nImport it again anyway?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer == QMessageBox.StandardButton.Yes:
                self.again = True
                self.run(dry_run=dry_run)
        elif isinstance(exc, MissingColumns):
            self.report.setPlainText(f"⚠ {exc}.\n\nChoose a column or type a fixed value for "
                                     f"{', '.join(exc.missing)}, or confirm to import without.")
            answer = QMessageBox.question(
                self, self.TITLE, f"{exc}.\n\nImport anyway, with "
                f"{', '.join(exc.missing)} left empty?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer == QMessageBox.StandardButton.Yes:
                self.missing_ok = self._key()
                self.run(dry_run=False)
        elif isinstance(exc, Cancelled):
            self.report.setPlainText("Check cancelled." if dry_run else
                                     "Cancelled: nothing was imported.")
        elif isinstance(exc, ImportFailed):
            self.skip_bad.setVisible(self.CAN_SKIP)
            self.report.setPlainText(problems_text(
                exc.report, dry_run, self.CAN_SKIP and not self.skip_bad.isChecked(),
                self.date_order_box.isVisible()))
        else:
            self.report.setPlainText(f"{stopped}: {exc}")

    def _save_row_report(self) -> None:
        save_row_report(self)

    def _cancel_or_close(self) -> None:
        if self.task is not None:
            self.task.cancel()
        else:
            self.reject()

