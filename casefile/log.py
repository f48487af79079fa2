"""Casefile's log: one rotating file (about 1 MB, five old ones kept) in the user data folder,
``<user data>/logs/casefile.log``. The CLI and the GUI write to it every error shown to a user
and the traceback of every bug, so a report can come with the log folder.

``CASEFILE_LOG_DIR`` (or the ``folder`` argument of :func:`setup_logging`) puts the log
elsewhere: tests point it at a temporary folder and never write into the user's.
"""

from __future__ import annotations

import logging
import os
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path

from casefile.paths import user_data_dir

LOGGER = "casefile"
ENV = "CASEFILE_LOG_DIR"
FILE_NAME = "casefile.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d %(threadName)s] %(message)s"

logger = logging.getLogger(LOGGER)


class _CasefileFileHandler(RotatingFileHandler):
    """The handler :func:`setup_logging` installs (told apart from anybody else's)."""


def log_folder() -> Path:
    """Where the log is written: ``$CASEFILE_LOG_DIR``, else ``<user data>/logs``."""
    env = os.environ.get(ENV)
    if env:
        return Path(env)
    return user_data_dir() / "logs"


def setup_logging(folder: Path | None = None, level: int = logging.INFO) -> Path | None:
    """Send the ``casefile`` logger to ``casefile.log`` in ``folder`` (default
    :func:`log_folder`) and return that file. Calling it again for the same file changes
    nothing; for another file, the log moves there. A folder that cannot be made leaves
    Casefile without a log file (returns None) rather than stopping it."""
    path = (folder or log_folder()) / FILE_NAME
    current = _handler()
    if current is not None and Path(current.baseFilename) == path.absolute():
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = _CasefileFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                       encoding="utf-8", delay=True)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    if current is not None:
        logger.removeHandler(current)
        current.close()
    logger.addHandler(handler)
    logger.setLevel(level)
    return path


def log_file() -> Path | None:
    """The file the log goes to, or None before :func:`setup_logging`."""
    current = _handler()
    return Path(current.baseFilename) if current is not None else None


def traceback_text(exc: BaseException) -> str:
    """The formatted traceback of ``exc``: the one the GUI's database worker recorded where it
    was raised (``exc.__casefile_trace__``), else Python's own."""
    trace = getattr(exc, "__casefile_trace__", None)
    if isinstance(trace, str) and trace:
        return trace
    return "".join(traceback.format_exception(exc))


def _handler() -> _CasefileFileHandler | None:
    return next((h for h in logger.handlers if isinstance(h, _CasefileFileHandler)), None)
