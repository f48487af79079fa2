"""Progress of a long CLI verb (an import, a dossier, a screening): one line of a terminal,
redrawn in place and ended before the results. Said only on a terminal: a pipe or a log
gets the results, not a run of carriage returns."""

from __future__ import annotations

import shutil
import sys
import time


class Progress:
    """``progress(done, total, what)`` callbacks (the services' own) drawn as 'NN% what',
    or as ``line`` makes them; at most ten redraws a second but for each new percent."""

    def __init__(self, line: str = "{pct:3d}% {what}") -> None:
        self.line = line
        self.live = sys.stderr.isatty()
        self.shown = ""
        self.at = 0.0
        self.pct = -1

    def __call__(self, done: float, total: float, what: str) -> None:
        if not self.live or not total:
            return
        pct = min(max(int(100 * done // total), 0), 100)
        text = self.line.format(pct=pct, done=done, total=total, what=what)
        # within the terminal's width: a wrapped line is not redrawn in place by '\r'
        room = shutil.get_terminal_size().columns - 1
        text = text if len(text) <= room else text[:max(room - 1, 1)] + "…"
        now = time.monotonic()
        if text == self.shown or (now - self.at < 0.1 and pct == self.pct):
            return
        pad = " " * max(len(self.shown) - len(text), 0)  # a shorter line covers the last
        print(f"\r{text}{pad}", end="", file=sys.stderr, flush=True)
        self.shown, self.at, self.pct = text, now, pct

    def end(self) -> None:
        """End the line (before the results are printed)."""
        if self.live and self.shown:
            print("", file=sys.stderr)
            self.shown = ""
