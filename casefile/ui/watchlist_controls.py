"""The screening window's watchlists: the list box, Load Watchlist… (an OpenSanctions file
loaded on the worker, with progress and cancel, the licence said with the result; a file that
would remove more than half of a list asks first) and Delete… (which asks, naming the list,
its version and size; the case's runs, hits and decisions stay). A part of
:class:`casefile.ui.screening_dialog.ScreeningDialog`, kept apart from the review."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)

from casefile.errors import ListWouldShrink
from casefile.services.screening import watchlist_db as db
from casefile.services.screening.watchlist_import import LoadReport, load
from casefile.ui.session import CaseSession
from casefile.ui.watchlist_delete import ask_delete
from casefile.ui.watchlist_shrink import ask_shrink
from casefile.ui.worker import Task


class WatchlistControls:
    """The watchlist controls of the screening dialog (which sets up the widgets)."""

    session: CaseSession
    task: Task | None
    lists: dict[str, db.Watchlist]
    watchlists: QComboBox
    status: QLabel
    screen_button: QPushButton
    load_button: QPushButton
    delete_button: QPushButton
    cancel_button: QPushButton
    confirm: QMessageBox | None
    _progress: Callable[[int, int, str], None]
    _failed: Callable[[BaseException], None]
    _idle: Callable[[], None]
    window: Callable[[], QWidget]  # (QWidget's: the dialog itself)

    # -- loading a watchlist -------------------------------------------------------------
    def choose_watchlist_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.window(), "Load a watchlist", "", "OpenSanctions entities (*.json *.ftm.json);;"
            "OpenSanctions targets.simple.csv (*.csv *.txt);;All files (*)")
        if name:
            self.load_watchlist(Path(name))

    def load_watchlist(self, path: Path, shrink: bool = False) -> None:
        """Load an OpenSanctions file into the watchlist of its dataset, on the worker,
        with progress and cancel; the licence notice is shown with the result. A file that
        would remove more than half of the list is loaded only after asking (``shrink``:
        asked and answered)."""
        task = self.task = Task()
        task.progress.connect(self._progress)
        self.screen_button.setEnabled(False)
        self.load_button.setEnabled(False)
        self.delete_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.status.setText(f"Loading {path.name}… {db.LICENCE}")
        self.session.run(lambda: load(path, progress=task.report, shrink=shrink),
                         self._loaded, lambda exc: self._load_failed(path, exc))

    def _load_failed(self, path: Path, exc: BaseException) -> None:
        self._failed(exc)
        if isinstance(exc, ListWouldShrink):
            self.status.setText(f"{path.parent.name}/{path.name} was not loaded: it would remove "
                                f"{exc.removed:,} of the {exc.had:,} entries of {exc.name}.")
            self.confirm = ask_shrink(self.window(), path, exc,
                                      lambda: self.load_watchlist(path, shrink=True))
            self.confirm.finished.connect(self._asked)

    def _loaded(self, report: LoadReport) -> None:
        self._idle()
        self._fill_lists(report.name)
        self.status.setText(f"{report.said()}. {report.licence}")

    def _fill_lists(self, current: str | None = None) -> None:
        self.lists = {w.name: w for w in db.list_all()}
        self.watchlists.clear()
        self.watchlists.addItems(list(self.lists))
        if current in self.lists:
            self.watchlists.setCurrentText(current)
        self.delete_button.setEnabled(bool(self.lists) and self.task is None)

    # -- deleting a watchlist ------------------------------------------------------------
    def ask_delete(self) -> None:
        """Ask before deleting the chosen watchlist, naming it, its version and size."""
        info = self.lists.get(self.watchlists.currentText())
        if info is not None:
            self.confirm = ask_delete(self.window(), info, lambda: self._delete(info))
            self.confirm.finished.connect(self._asked)

    def _asked(self) -> None:
        self.confirm = None

    def _delete(self, info: db.Watchlist) -> None:
        self.delete_button.setEnabled(False)
        self.session.run(lambda: db.delete(info.name, info.path.parent), self._deleted,
                         self._failed)

    def _deleted(self, info: db.Watchlist) -> None:
        self._fill_lists()
        self.status.setText(f"Deleted the watchlist {info.name} (version {info.version}). "
                            "This case's screening runs and decisions are kept.")
