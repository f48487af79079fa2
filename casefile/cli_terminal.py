"""What the command line's verbs give the terminal, and what they need of it: one line a
search hit, standard output that a reader may stop reading, and a display for the window."""

from __future__ import annotations

import sys
from typing import Any

from casefile.errors import CasefileError


def one_line(text: str, most: int = 200) -> str:
    """``text`` on one line, at most ``most`` characters (cut with '…')."""
    flat = " ".join(text.split())
    return flat if len(flat) <= most else flat[:most - 1] + "…"


def need_display() -> None:
    """Refuse, in one line, to open the window where there is no display to open it on (Qt
    would abort the process: exit 134 and a message about plugins)."""
    import os

    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        raise CasefileError("there is no display to open the window on (neither DISPLAY nor "
                            "WAYLAND_DISPLAY is set): run a verb instead (casefile --help "
                            "lists them), or start Casefile from a desktop session")


class PipeSafe:
    """Standard output that a reader who stops reading (``casefile import … | head -1``)
    does not break: the rest of what the verb prints is dropped, the verb runs to its end,
    says its errors on standard error and exits with its own status (review21: a refused
    import piped so exited 0 without its message)."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner
        self._gone = False

    def write(self, text: str) -> int:
        if not self._gone:
            try:
                return int(self._inner.write(text))
            except BrokenPipeError:
                self._drop()
        return len(text)

    def flush(self) -> None:
        if not self._gone:
            try:
                self._inner.flush()
            except BrokenPipeError:
                self._drop()

    def _drop(self) -> None:
        self._gone = True
        import os

        try:  # the interpreter's last flush at exit goes nowhere rather than failing
            os.dup2(os.open(os.devnull, os.O_WRONLY), self._inner.fileno())
        except (OSError, ValueError, AttributeError):
            pass

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


__all__ = ["PipeSafe", "need_display", "one_line"]
