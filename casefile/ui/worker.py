"""One worker thread for all database work of the GUI. Widgets call :meth:`DbWorker.submit`
with a function; it runs on the worker thread and its result (or error) comes back to a
callback on the GUI thread. Long work gets a :class:`Task` to report progress and to notice
cancellation."""

from __future__ import annotations

import gc
import itertools
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from casefile.errors import Cancelled


class Task(QObject):
    """Progress and cancellation of one long job."""

    progress = Signal(int, int, str)  # done, total, message

    def __init__(self) -> None:
        super().__init__()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def report(self, done: int, total: int, message: str = "") -> None:
        """Called from the worker; raises Cancelled once the user cancelled."""
        if self._cancel.is_set():
            raise Cancelled()
        self.progress.emit(done, total, message)


class _Runner(QObject):
    finished = Signal(int, object, object)

    @Slot(int, object)
    def run(self, token: int, fn: Callable[[], Any]) -> None:
        try:
            self.finished.emit(token, fn(), None)
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread
            exc.__casefile_trace__ = traceback.format_exc()  # type: ignore[attr-defined]
            self.finished.emit(token, None, exc)


_collector: Any = None


def collect_garbage_in_gui_thread() -> None:
    """Run Python's cyclic garbage collector only on the GUI thread, from a timer.

    Left automatic, a collection starts on whichever thread happens to allocate: on the
    worker, it destroys dead Qt objects there, which deadlocks against the GUI thread (Qt's
    object mutex against the GIL; seen as a hang in the middle of a dossier export). The
    timer keeps the usual thresholds (as pyqtgraph's GarbageCollector does; written out
    here so that the first window does not wait for pyqtgraph and numpy to load)."""
    global _collector
    if _collector is None:
        _collector = _GuiThreadCollector(interval_ms=500)


class _GuiThreadCollector:
    """Automatic collection off; a GUI-thread timer collects each generation once its count
    passes the threshold the automatic collector would have used."""

    def __init__(self, interval_ms: int) -> None:
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer()
        self.timer.timeout.connect(self.check)
        self.timer.start(interval_ms)

    def check(self) -> None:
        counts = gc.get_count()
        for generation in range(3):
            if counts[generation] <= self.threshold[generation]:
                break
            gc.collect(generation)


class DbWorker(QObject):
    """Runs submitted functions one at a time, in order, on its own thread."""

    _request = Signal(int, object)
    busy_changed = Signal(bool)
    failed = Signal(object)  # errors nobody asked to handle

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        collect_garbage_in_gui_thread()
        self._thread = QThread()
        self._thread.setObjectName("casefile-db")
        self._runner = _Runner()
        self._runner.moveToThread(self._thread)
        self._request.connect(self._runner.run)
        self._runner.finished.connect(self._finished)
        self._callbacks: dict[int, tuple[Callable | None, Callable | None]] = {}
        self._tokens = itertools.count(1)
        self._stopped = False
        self._thread.start()

    def submit(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None) -> int:
        token = next(self._tokens)
        if self._stopped:  # the window is closing: nothing new runs, nothing answers
            return token
        self._callbacks[token] = (on_done, on_error)
        if len(self._callbacks) == 1:
            self.busy_changed.emit(True)
        self._request.emit(token, fn)
        return token

    @property
    def pending(self) -> int:
        return len(self._callbacks)

    @Slot(int, object, object)
    def _finished(self, token: int, result: Any, error: BaseException | None) -> None:
        if self._stopped:  # a result that arrives after stop() has nobody left to tell
            return
        on_done, on_error = self._callbacks.pop(token, (None, None))
        if not self._callbacks:
            self.busy_changed.emit(False)
        if error is not None:
            if on_error is not None:
                on_error(error)
            else:
                self.failed.emit(error)
        elif on_done is not None:
            on_done(result)

    def stop(self) -> None:
        """Finish the running job, drop queued ones and every answer still on its way."""
        self._stopped = True
        self._thread.quit()
        self._thread.wait(10000)
        self._callbacks.clear()
