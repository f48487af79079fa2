"""The open case of the GUI and the one worker thread every database call runs on.

Views and dialogs get the :class:`CaseSession`, never the main window. They read with
:meth:`CaseSession.query` and change the case with a :class:`CaseOp` (after Anki's
``CollectionOp``, without its global): the operation runs on the worker, and the
:class:`Change` it returns is announced on :attr:`CaseSession.changed`, from which each view
decides for itself whether to refresh. Widgets are only touched on the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from casefile.ui.private_files import PrivateFiles, sweep
from casefile.ui.worker import DbWorker

if TYPE_CHECKING:
    from casefile.services.case.change import Change
    from casefile.services.case.facade import Case

T = TypeVar("T")
Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class CaseOp(Generic[T]):
    """One change of the open case, run on the worker. Chain ``.success(fn)`` and
    ``.failure(fn)``, then ``.run()``. The Change is announced on the session before
    ``success`` is called; an error nobody handles goes to ``session.failed``."""

    def __init__(self, session: CaseSession, fn: Callable[[Case], Change]) -> None:
        self._session = session
        self._fn = fn
        self._success: Callable[[Change], None] | None = None
        self._failure: Failed | None = None

    def success(self, fn: Callable[[Change], None]) -> CaseOp[T]:
        self._success = fn
        return self

    def failure(self, fn: Failed) -> CaseOp[T]:
        self._failure = fn
        return self

    def run(self) -> None:
        session, case = self._session, self._session.case
        if case is None:
            return

        def done(change: Change | None) -> None:
            if session.case is not case:
                return  # the case was closed meanwhile; nobody shows it any more
            if change is not None and not change.dry_run:
                session.changed.emit(change)
            if self._success is not None and change is not None:
                self._success(change)

        def failed(exc: BaseException) -> None:
            if self._failure is not None:
                self._failure(exc)
            else:
                session.failed.emit(exc)
        session.worker.submit(lambda: self._fn(case), done, failed)


class CaseSession(QObject):
    """The case open in a window (or none) and the worker that does all its I/O."""

    opened = Signal(object)  # the Case
    closed = Signal()
    changed = Signal(object)  # Change
    failed = Signal(object)  # an error no caller handled
    busy_changed = Signal(bool)
    damaged = Signal(str)  # the open case failed SQLite's quick check: why it is read-only

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.case: Case | None = None
        self.worker = DbWorker(self)
        self.worker.busy_changed.connect(self.busy_changed)
        self.worker.failed.connect(self.failed)
        # copies of the case's files made for other programs; gone when the case closes
        self.private_files = PrivateFiles()
        self.worker.submit(sweep)  # and those of a Casefile that died
        self._stoppers: list[Callable[[], None]] = []

    @property
    def readonly(self) -> bool:
        return self.case is not None and self.case.readonly

    # -- reading and changing -----------------------------------------------------------
    def op(self, fn: Callable[[Case], Change]) -> CaseOp[Any]:
        """An operation on the open case; call ``.run()`` on what it returns."""
        return CaseOp(self, fn)

    def query(self, fn: Callable[[Case], T], done: Callable[[T], None],
              failed: Failed | None = None) -> None:
        """Read from the open case on the worker; ``done(result)`` on the GUI thread, unless
        the case was closed or replaced meanwhile."""
        case = self.case
        if case is None:
            return

        def answer(result: T) -> None:
            if self.case is case:
                done(result)
        self.worker.submit(lambda: fn(case), answer, failed)

    def run(self, fn: Callable[[], T], done: Callable[[T], None] | None = None,
            failed: Failed | None = None) -> None:
        """Run file work that needs no open case (a new case, an export) on the worker."""
        self.worker.submit(fn, done, failed)

    def when_idle(self, fn: Callable[[], None]) -> None:
        """Call ``fn`` on the GUI thread once the worker has nothing left to do (every job
        asked of it so far is done and answered) — always from the event loop, never from
        inside the caller, and never once the session (its window) is gone."""
        def check() -> None:
            if self.worker.pending:
                QTimer.singleShot(20, self, check)
            else:
                fn()
        # tied to the session: if it goes (its window closed and deleted), nothing is called
        QTimer.singleShot(0, self, check)

    # -- opening and closing ------------------------------------------------------------
    def open_with(self, make: Callable[[], Case], done: Callable[[Case], None] | None = None,
                  failed: Failed | None = None) -> None:
        """Open the case ``make()`` returns (on the worker) in place of the current one."""
        def opened(case: Case) -> None:
            self.close()
            self.case = case
            self.opened.emit(case)
            if done is not None:
                done(case)
            if not case.readonly:  # the quick check started on open: hear its verdict
                self.worker.submit(case.damage, lambda why: self._damaged(case, why))
        self.worker.submit(make, opened, failed)

    def _damaged(self, case: Case, why: str | None) -> None:
        if why and self.case is case:
            self.damaged.emit(why)

    def open(self, path: Path, readonly: bool = False,
             done: Callable[[Case], None] | None = None, failed: Failed | None = None) -> None:
        def open_case() -> Case:
            # the database layer loads here, on the worker, while the window paints
            from casefile.services.case.facade import Case
            return Case.open(path, readonly)
        self.open_with(open_case, done, failed)

    def close(self) -> None:
        """Close the open case (on the worker, after what is queued for it) and remove the
        copies of its files made for other programs."""
        case, self.case = self.case, None
        files, self.private_files = self.private_files, PrivateFiles()
        if case is not None:
            self.worker.submit(case.close)
            self.worker.submit(files.clear)
            self.closed.emit()

    def on_shut_down(self, fn: Callable[[], None]) -> None:
        """Have ``fn`` called first when the session shuts down (a view's own thread, say,
        that must stop before the window goes)."""
        self._stoppers.append(fn)

    def shut_down(self) -> None:
        """Stop the worker (the running job finishes) and close the case on the spot:
        the WAL is checkpointed and the lock released before the window goes, and the
        copies made for other programs are removed."""
        for fn in self._stoppers:
            fn()
        case, self.case = self.case, None
        self.worker.stop()
        if case is not None:
            case.close()
        self.private_files.clear()
