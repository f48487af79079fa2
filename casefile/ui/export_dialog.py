"""File → Export Dossier: the same options as `casefile export-pdf`, a progress bar, Cancel,
and "open when done". The export runs on the worker; the window stays usable."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casefile.core.grading import TLP
from casefile.errors import Cancelled
from casefile.paths import default_save_path
from casefile.report.model import DossierReport
from casefile.services.case.facade import Case
from casefile.services.exchange.export_pdf import export_dossier
from casefile.services.queries.dossier import SECTIONS, DossierOptions
from casefile.ui.entity_picker import EntityPicker, case_parties
from casefile.ui.session import CaseSession
from casefile.ui.text import message, plain_label
from casefile.ui.worker import Task

EVERY_PARTY = "Every party (or type a name or alias to print one)"

TITLES = {"cover": "Cover", "toc": "Contents", "findings": "Key findings",
          "chronology": "Chronology", "entities": "Entity profiles", "shipments": "Shipments",
          "network": "Network", "sources": "Sources", "about": "About this dossier",
          "evidence": "Evidence annex", "index": "Index of parties", "screening": "Screening"}


class ExportDialog(QDialog):
    def __init__(self, session: CaseSession, tags: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.task: Task | None = None
        self.setWindowTitle("Export dossier (PDF)")
        case = session.case
        # beside the case, or in Documents: never in Casefile's own (demo) folder
        default = default_save_path(case.path if case else None, ".pdf", "dossier.pdf")
        self.path = QLineEdit(str(default))
        self._replace = ""  # a path the file dialog already asked to replace
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path)
        row.addWidget(browse)
        self.sections: dict[str, QCheckBox] = {}
        boxes = QVBoxLayout()
        for key in SECTIONS:
            box = QCheckBox(TITLES[key])
            box.setChecked(True)
            self.sections[key] = box
            boxes.addWidget(box)
        self.marking_line = QLineEdit()
        self.marking_line.setPlaceholderText("(the case's classification line)")
        self.tag = QComboBox()
        self.tag.addItem("All records", None)
        for t in tags:
            self.tag.addItem(f"Only those tagged “{t}”", t)
        # any party of the case, found by typing (look27: a list of the first 5,000 names
        # left out 50,000 parties of a big case, the one with 40 sanctions among them)
        self.entity = EntityPicker(case_parties(session), creates=False,
                                   placeholder=EVERY_PARTY)
        self.entity.setToolTip("Print one party and the records that touch it: type part "
                               "of its name or an alias and pick it; empty prints every "
                               "party")
        self.tag.setToolTip("Print only the records that carry a tag")
        self.marking = QComboBox()  # a redacted copy may go out at a lower marking
        self.marking.addItem("The case's marking", None)
        for key, tlp in TLP.items():
            self.marking.addItem(tlp.label, key)
        self.chart = QComboBox()  # the network page: the shipments figure or a saved chart
        self.chart.addItem("Network figure (shipments and relationships)", None)
        if case is not None:
            from casefile.services.queries.chart import list_charts

            with case.read() as conn:
                for cid, name in list_charts(conn):
                    self.chart.addItem(f"Saved link chart “{name}”", cid)
        self.redact = QCheckBox("Redact protected sources")
        self.open_after = QCheckBox("Open the PDF when done")
        self.open_after.setChecked(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.hide()  # shown from the first export on: an empty bar looks like a field
        self.status = plain_label(wrap=True)  # (look22: a long note widened the dialog)
        self.export_button = QPushButton("Export")
        self.cancel_button = QPushButton("Close")
        self.export_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self._cancel_or_close)
        form = QFormLayout()
        form.addRow("Save to", row)
        form.addRow("Sections", boxes)
        form.addRow("Print as", self.marking)
        form.addRow("Network page", self.chart)
        form.addRow("Marking line", self.marking_line)
        form.addRow("Records", self.tag)  # (look22: "Only" and "Only entity" said nothing)
        form.addRow("About", self.entity)
        form.addRow("", self.redact)
        form.addRow("", self.open_after)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.progress)
        lay.addWidget(self.status)
        lay.addLayout(buttons)
        self.resize(560, 520)

    def options(self) -> DossierOptions:
        line = self.marking_line.text().strip()
        return DossierOptions(
            sections=tuple(k for k, b in self.sections.items() if b.isChecked()),
            marking_line=line or None, tag=self.tag.currentData(),
            entity_id=self.entity.current_id, redact_protected=self.redact.isChecked(),
            marking=self.marking.currentData(), chart_id=self.chart.currentData())

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Export dossier", self.path.text(),
                                              "PDF (*.pdf)")
        if name:
            self.path.setText(name if name.lower().endswith(".pdf") else name + ".pdf")
            # the file dialog asked before replacing the file it named, not one '.pdf' made
            self._replace = self.path.text() if self.path.text() == name else ""

    def start(self) -> None:
        out, opt = Path(self.path.text().strip()), self.options()
        if self.session.case is None or not self.path.text().strip():
            return
        if self.entity.unmatched:  # (review30: it printed every party of the case)
            self.status.setText(f"“{self.entity.line.text().strip()}” is no party picked from "
                                "the list: pick one as you type (its name, an alias or "
                                "#number), or empty the About field to print every party.")
            self.entity.line.setFocus()
            return
        if out.exists() and self.path.text() != self._replace and not self._may_replace(out):
            return  # (look22: an earlier dossier was overwritten without a word)
        task = self.task = Task()
        task.progress.connect(self._progress, Qt.ConnectionType.QueuedConnection)
        self.export_button.setEnabled(False)
        self.cancel_button.setText("Cancel")
        self.progress.setValue(0)
        self.progress.show()
        self.status.setText("Exporting…")

        def report(done: float, total: int, what: str) -> None:
            task.report(int(done * 1000 / max(total, 1)), 1000, what)

        self.session.query(lambda case: export_dossier(case, out, opt, report),
                           lambda report: self._done(out, report), self._failed)

    def _may_replace(self, out: Path) -> bool:
        box = message(self, "Export dossier", f"{out.name} exists already in {out.parent}. "
                      "Replace it?", icon=QMessageBox.Icon.Question)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def _progress(self, done: int, total: int, what: str) -> None:
        self.progress.setValue(done)
        self.status.setText(what)

    def _done(self, out: Path, report: DossierReport) -> None:
        self.task = None
        self.progress.setValue(1000)
        said = f"Wrote {out} ({report.pages} pages)."
        if report.notes:  # what the reader of the dossier should know, as plain text
            said += "\n" + "\n".join(report.notes[:8])
            if len(report.notes) > 8:
                said += f"\nand {len(report.notes) - 8} more notes"
        self.status.setText(said)
        self.export_button.setEnabled(True)
        self.cancel_button.setText("Close")
        self.last_output = out
        self.last_report = report
        if self.open_after.isChecked() and \
                not QDesktopServices.openUrl(QUrl.fromLocalFile(str(out))):
            self.status.setText(said + "\nNo program could open it here: open it from its "
                                "folder.")

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self.export_button.setEnabled(True)
        self.cancel_button.setText("Close")
        self.progress.setValue(0)
        self.status.setText("Export cancelled; no file was written." if isinstance(
            exc, Cancelled) else f"Export failed: {exc}")

    def _cancel_or_close(self) -> None:
        if self.task is not None:
            self.task.cancel()
        else:
            self.reject()


def show_export_dialog(session: CaseSession, parent: QWidget,
                       shown: Callable[[ExportDialog], None]) -> None:
    """Read the tags to choose from, then show the dialog (parties are found as typed)."""
    from casefile.services.queries.listing import all_tags

    def read(case: Case) -> list[str]:
        with case.read() as conn:
            return all_tags(conn)

    def show(tags: list[str]) -> None:
        dlg = ExportDialog(session, tags, parent=parent)
        shown(dlg)
        dlg.show()
    session.query(read, show)
