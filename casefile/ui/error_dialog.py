"""Errors in the window. :func:`show_error` shows an error fit for the user
(:func:`casefile.errors.is_expected`) as its plain message, and anything else — a bug — as
"Unexpected error" with the traceback under Details; both go to the log. Errors from the
database worker carry the traceback of the worker thread (``exc.__casefile_trace__``), which
is the one shown and logged. :func:`install_excepthook` sends exceptions nobody caught on the
GUI thread (in a slot, a timer, an event handler) to the log and to :func:`show_error`
instead of to a stderr nobody reads.

The box is opened without blocking (``QMessageBox.open``): the caller goes on, the box is
modal to its window, and an error raised while the event loop runs never nests another loop.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from shiboken6 import isValid

from casefile.errors import is_expected
from casefile.log import log_file, traceback_text
from casefile.ui.text import message

log = logging.getLogger("casefile.ui")

UNEXPECTED = "Unexpected error"

_open_boxes: list[QMessageBox] = []  # shown boxes without a parent are kept alive here
_previous_hook: Callable[..., object] | None = None


def show_error(parent: QWidget | None, exc: BaseException, title: str = "Casefile") -> None:
    """Log ``exc`` and show it in a message box (plain text; never rich text) over
    ``parent``. Without a QApplication (the window not started yet) it goes to stderr."""
    expected = is_expected(exc)
    said = str(exc) or type(exc).__name__
    trace = "" if expected else traceback_text(exc)
    if expected:
        log.warning("%s: %s", title, said)
    else:
        log.error("%s: %s: %s: %s\n%s", title, UNEXPECTED, type(exc).__name__, exc,
                  trace.rstrip())
    if QApplication.instance() is None:
        sys.stderr.write(f"casefile: {said}\n" if expected else trace)
        return
    if expected and any(isValid(b) and b.isVisible() and b.windowTitle() == title
                        and b.text() == said for b in _open_boxes):
        return  # said already, in a box still open (look16: one damage, a box per section)
    if expected:
        box = message(parent, title, said)
    else:
        where = log_file()
        box = message(parent, title, f"{UNEXPECTED}: {type(exc).__name__}: {exc}",
                      "This is a bug in Casefile. What went wrong is under Details"
                      + (f" and in the log, {where}." if where else "."),
                      icon=QMessageBox.Icon.Critical)
        box.setDetailedText(trace)
    box.setObjectName("casefile-error" if expected else "casefile-unexpected-error")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open_boxes.append(box)
    box.finished.connect(lambda _result, b=box: _forget(b))
    box.open()


def install_excepthook() -> None:
    """Route exceptions nobody caught on the GUI thread to the log and :func:`show_error`.
    Calling it again changes nothing. Ctrl+C, and exceptions on other threads or before the
    QApplication exists, still go to the previous hook (stderr) — and to the log."""
    global _previous_hook
    if sys.excepthook is _excepthook:
        return
    _previous_hook = sys.excepthook
    sys.excepthook = _excepthook


def uninstall_excepthook() -> None:
    """Put back the hook :func:`install_excepthook` replaced."""
    global _previous_hook
    if sys.excepthook is _excepthook and _previous_hook is not None:
        sys.excepthook = _previous_hook
    _previous_hook = None


def _excepthook(kind: type[BaseException], exc: BaseException,
                tb: TracebackType | None) -> None:
    app = QApplication.instance()
    on_gui_thread = app is not None and threading.current_thread() is threading.main_thread()
    if issubclass(kind, KeyboardInterrupt) or not on_gui_thread:
        if not issubclass(kind, KeyboardInterrupt):
            log.error("uncaught on thread %s", threading.current_thread().name,
                      exc_info=(kind, exc, tb))
        (_previous_hook or sys.__excepthook__)(kind, exc, tb)
        return
    if exc.__traceback__ is None and tb is not None:
        exc = exc.with_traceback(tb)
    _open_boxes[:] = [b for b in _open_boxes if isValid(b)]  # a parent's close deletes its box
    if any(b.objectName() == "casefile-unexpected-error" for b in _open_boxes):
        # a bug that repeats (in a paint event, a timer) opens one box, not one per repeat
        log.error("%s (not shown: an error box is open)", UNEXPECTED, exc_info=exc)
        return
    show_error(app.activeWindow() if isinstance(app, QApplication) else None, exc)


def _forget(box: QMessageBox) -> None:
    _open_boxes[:] = [b for b in _open_boxes if b is not box and isValid(b)]
