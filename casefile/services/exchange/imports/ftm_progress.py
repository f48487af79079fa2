"""How far an import of FollowTheMoney entities is, as its progress bar says it: each pass
over the file a share of the bar by the bytes it has read ('Reading parties and sources:
12,000 records'), and a last share for the writing at the end (look27: the bar sat at two
thirds, then jumped to its end, while the label said only the records read)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# what each pass reads (-1: the one before the others that gathers posts and addresses)
PHASES = {-1: "posts and addresses", 0: "parties and sources",
          1: "sanctions, relationships, shipments and events", 2: "documentation links"}
SHARES = 4  # the three passes, and the search index and row digests written at the end


class PassProgress:
    """Reports ``(done, total, what)`` to ``report`` (None: nobody asks); each report may
    raise to cancel. ``size``: the file's bytes; ``shift`` is 1 when the pass gathering
    posts and addresses runs before the others."""

    def __init__(self, report: Callable[[int, int, str], None] | None, size: int) -> None:
        self.report = report
        self.size = max(size, 1)
        self.shift = 0

    def _say(self, shares: float, what: str) -> None:
        if self.report:
            self.report(int(shares * self.size), (SHARES + self.shift) * self.size, what)

    def reading(self, f: Any, n: int, rows: int) -> None:
        """Pass ``n`` has read up to where the text file ``f`` stands, ``rows`` records."""
        if self.report:
            self._say(n + self.shift + f.buffer.tell() / self.size,
                      f"Reading {PHASES[n]}: {rows:,} records")

    def joined(self, n: int, done: int) -> None:
        """Pass ``n`` has joined ``done`` entities given over several lines."""
        self._say(n + 1 + self.shift, f"{done:,} entities given over several lines joined")

    def writing(self, rows: int) -> None:
        """The file is read; what is written now."""
        self._say(SHARES - 1 + self.shift, f"{rows:,} records read; writing the search index "
                  "and the row digests…")
