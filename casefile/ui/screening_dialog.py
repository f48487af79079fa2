"""Screening: screen the case against a watchlist (on the session's worker, with progress and
cancel) and review the hits, best score first: the explanation in words, the party and the
list entry side by side, and Match / No match / Unsure (several hits at once as "no match"
only with a note). Every decision is a case operation (undo, audit). Watchlists are loaded
and deleted here too (a deletion asks first, naming the list, its version and size; the
case's runs, hits and decisions stay)."""

from __future__ import annotations

import os
from collections import Counter

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from casefile.errors import CasefileError
from casefile.services.case.change import Change
from casefile.services.case.facade import Case
from casefile.services.case.screening_ops import VERDICT_WORDS
from casefile.services.screening import watchlist_db as db
from casefile.services.screening.pool import ScreeningPool
from casefile.services.screening.results import HitRow, cleared_now, hits
from casefile.services.screening.screen import screen_case
from casefile.services.screening.watchlist_keys import INDEXING
from casefile.ui.hit_review import HitReview
from casefile.ui.screening_hits import (
    COLUMNS,
    LEGEND,
    WATCHLIST_COLUMN,
    HitModel,
)
from casefile.ui.session import CaseSession
from casefile.ui.text import plain_label
from casefile.ui.watchlist_controls import WatchlistControls
from casefile.ui.worker import Task


def _cleared_now(case: Case) -> str:
    with case.read() as conn:
        return cleared_now(conn)


class ScreeningDialog(QDialog, WatchlistControls, HitReview):
    """Screen the open case and review its hits."""

    def __init__(self, session: CaseSession, parent: QWidget | None = None,
                 party: int | None = None, workers: int | None = None,
                 hit: int | None = None) -> None:
        """``hit``: the hit chosen when the table first fills (one a party's profile
        opens). ``workers`` scoring processes (default: up to two); 0 scores on the session's
        worker thread instead (where the person-name table is opened, or built the first
        time after rigour is installed: a few seconds of Python that the window shares)."""
        super().__init__(parent)
        self._just_screened = ""  # the list a run has just screened against
        self._none_found = False  # that run found no hit: no other list's is chosen
        self._wanted = hit  # the hit to choose when the table first fills
        self.pool: ScreeningPool | None = None
        if workers != 0:
            self.pool = ScreeningPool(workers or min(2, os.cpu_count() or 1))
            self.pool.warm()  # the tagger loads while the user looks at the dialog
            self.finished.connect(self._close_pool)
        self.party = party  # screen and show only this entity
        self.setWindowTitle("Screening" if party is None else "Screening: one party")
        self.session = session
        self.task: Task | None = None
        self.model = HitModel()
        self.watchlists = QComboBox()  # as wide as its longest name ('us_ofac_sdn')
        self.watchlists.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.watchlists.setMinimumContentsLength(12)
        self.lists: dict[str, db.Watchlist] = {}
        self.confirm: QMessageBox | None = None  # a question (delete; load a shrinking list)
        self.load_button = QPushButton("Load Watchlist…")
        self.delete_button = QPushButton("Delete…")
        self.delete_button.setToolTip("Remove the chosen watchlist from this computer (the "
                                      "case keeps its screening runs and decisions)")
        self._fill_lists()
        self.screen_button = QPushButton("Screen Case" if party is None else
                                         "Screen This Party")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setEnabled(False)
        # Enter screens; it never asks to delete a list (look31: Delete… was the first
        # button a dialog makes the default, and a window just opened asked it)
        for button in (self.load_button, self.delete_button, self.cancel_button):
            button.setAutoDefault(False)
        self.screen_button.setDefault(True)
        self.progress = QProgressBar()
        self.status = plain_label("", wrap=True)
        self._said = ""  # the status said before a list was indexed anew
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        for col in range(len(COLUMNS)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch if col in (1, 2)
                                        else QHeaderView.ResizeMode.ResizeToContents)
        # a watchlist's name may run to 64 characters: cut, whole in its tooltip (look19:
        # a long one squeezed the parties' names out)
        header.setSectionResizeMode(WATCHLIST_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(WATCHLIST_COLUMN, 130)
        self.table.verticalHeader().setVisible(False)
        self.legend = plain_label(LEGEND, wrap=True)
        self.legend.setStyleSheet("color: #555;")
        self.explanation = plain_label("", wrap=True)
        self.party_view, self.entry_view = QPlainTextEdit(), QPlainTextEdit()
        for v in (self.party_view, self.entry_view):
            v.setReadOnly(True)
        self.party_heading = plain_label("The party in this case")
        self.entry_heading = plain_label("The watchlist entry, with its sanctions")
        self.entry_heading.setToolTip("The entry as this hit keeps it: what the list said "
                                      "when the case was screened")
        self.note = QLineEdit()
        self.note.setPlaceholderText("Note (required to dismiss several hits at once)")
        self.buttons = {v: QPushButton(w.capitalize()) for v, w in VERDICT_WORDS.items()}
        self.sanction_button = QPushButton("Record Sanction")
        self.sanction_button.setToolTip("Add the listing to the party's sanctions, citing "
                                        "the watchlist (a hit decided as a match)")
        top = QHBoxLayout()
        for w in (plain_label("Watchlist:"), self.watchlists, self.delete_button,
                  self.load_button, self.screen_button, self.progress, self.cancel_button):
            top.addWidget(w)
        sides = QSplitter()
        for heading, view in ((self.party_heading, self.party_view),
                              (self.entry_heading, self.entry_view)):
            heading.setStyleSheet("font-weight: bold;")
            heading.setWordWrap(True)
            pane = QWidget()
            column = QVBoxLayout(pane)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(heading)
            column.addWidget(view, 1)
            sides.addWidget(pane)
        decide_row = QHBoxLayout()
        decide_row.addWidget(self.note, 1)
        for b in (*self.buttons.values(), self.sanction_button):
            decide_row.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.legend)
        layout.addWidget(self.explanation)
        layout.addWidget(sides, 2)
        layout.addLayout(decide_row)
        self.resize(980, 680)
        self.screen_button.clicked.connect(self.start_screening)
        self.load_button.clicked.connect(self.choose_watchlist_file)
        self.delete_button.clicked.connect(self.ask_delete)
        self.cancel_button.clicked.connect(self.cancel)
        self.table.selectionModel().selectionChanged.connect(self._show)
        for verdict, b in self.buttons.items():
            b.clicked.connect(lambda _=False, v=verdict: self.decide(v))
        self.sanction_button.clicked.connect(self.record_sanction)
        session.changed.connect(self._changed)
        self._enable()
        self.refresh()

    # -- screening ----------------------------------------------------------------------
    def start_screening(self) -> None:
        name = self.watchlists.currentText()
        if not name:
            self.status.setText("No watchlist yet: choose Load Watchlist… and pick a "
                                "sanctions or PEP list (OpenSanctions' entities.ftm.json "
                                "or targets.simple.csv), then Screen Case again.")
            return
        task = self.task = Task()
        task.progress.connect(self._progress)
        self.screen_button.setEnabled(False)
        self.delete_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.status.setText(f"Screening against {name}…")

        def work(case: Case) -> Change:
            s = screen_case(case, name, party=self.party, progress=task.report,
                            pool=self.pool)
            assert s.change is not None
            s.change.result = s
            return s.change
        self.session.op(work).success(self._screened).failure(self._failed).run()

    def _close_pool(self) -> None:
        if self.pool is not None:
            self.pool.close()
            self.pool = None

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _progress(self, done: int, total: int, message: str) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        indexing = self.status.text().startswith("Indexing the list's names anew")
        if message == INDEXING:  # (review38: 'Screening against …' while it indexed)
            if not indexing:
                self._said = self.status.text()  # said again once it is done
            self.status.setText("Indexing the list's names anew, once, so that names in "
                                f"other scripts are found… {done:,} of {total:,} entries")
        elif indexing:
            self.status.setText(self._said)

    def _screened(self, change: Change) -> None:
        s = change.result
        self._idle()
        self._just_screened = s.watchlist  # its first hit is chosen when the rows come
        self.refresh()  # (read again: the change's own reading may have come first)
        self.status.setText(
            f"Screened {s.parties} part{'y' if s.parties == 1 else 'ies'} against "
            f"{s.watchlist} (version {s.version}): "
            f"{s.hits} hits, {s.carried} keeping an earlier decision, {s.reopened} reopened."
            + (f" {s.cleared_line()}." if s.cleared else ""))

    def _failed(self, exc: BaseException) -> None:
        self._idle()
        if not isinstance(exc, CasefileError):
            raise exc
        self.status.setText(str(exc))

    def _idle(self) -> None:
        self.task = None
        self.delete_button.setEnabled(bool(self.lists))
        self.load_button.setEnabled(True)
        self.screen_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    # -- reviewing ----------------------------------------------------------------------
    def choose_hit(self, hit: int) -> None:
        """Choose hit ``hit`` (read again: it may be of a newer run)."""
        self._wanted = hit
        self.refresh()

    def refresh(self) -> None:
        party = self.party

        def read(case: Case) -> list[HitRow]:
            with case.read() as conn:
                return hits(conn, party=party)
        self.session.query(read, self._rows)
        if party is None and not self.status.text():  # what the last run said (look17)
            self.session.query(_cleared_now, lambda said: self.status.setText(f"{said}.")
                               if said and not self.status.text() else None)

    def _rows(self, rows: list[HitRow]) -> None:
        """Show ``rows``, the hits chosen before still chosen (review: after Match the top
        hit was chosen, and a second click would have decided a hit never looked at); the
        first when none of them is left."""
        was = {h.id for h in self.selected()} if self.table.selectionModel() else set()
        self.model.set_rows(rows)
        keep = [r for r, h in enumerate(rows) if h.id in was]
        wanted, self._wanted = self._wanted, None
        if wanted is not None:
            keep = [r for r, h in enumerate(rows) if h.id == wanted]
        run, self._just_screened = self._just_screened, ""
        if run:  # after a run: its own first hit (none, when it found none), and the
            # table's other lists said (look23: '3 hits' said over 37 rows of every list,
            # an earlier hit chosen)
            keep = [r for r, h in enumerate(rows) if h.watchlist == run][:1]
            self._none_found = not keep  # nothing chosen for the user until they do
            others = Counter(h.watchlist for h in rows if h.watchlist != run)
            if others:
                self.status.setText(
                    f"{self.status.text()} The table also holds the latest hits against "
                    + ", ".join(f"{w} ({n:,})" for w, n in sorted(others.items())) + ".")
        if keep:
            selection = self.table.selectionModel()
            flags = (QItemSelectionModel.SelectionFlag.Select
                     | QItemSelectionModel.SelectionFlag.Rows)
            self.table.setCurrentIndex(self.model.index(keep[0], 0))
            selection.clearSelection()
            for r in keep:
                selection.select(self.model.index(r, 0), flags)
            self.table.scrollTo(self.model.index(keep[0], 0))
        elif rows and not self._none_found:
            self.table.selectRow(0)
        else:
            self.table.clearSelection()
        self._show()

    def _changed(self, change: Change) -> None:
        if change.concerns("screening_run", "screening_hit", "screening_decision", "entity"):
            self.refresh()


__all__ = ["ScreeningDialog"]
