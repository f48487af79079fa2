"""How far an import of FollowTheMoney entities is, as its progress bar says it: each pass
over the file a share of the bar by the bytes it has read ('Reading parties and sources:
12,000 records'), and a last share for the writing at the end (look27: the bar sat at two
thirds, then jumped to its end, while the label said only the records read). A pass the
file needs not (no links, no documentation) gives its share up when that is known, so the
bar moves on then, never back."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# what each pass reads (-1: the one before the others that gathers posts and addresses),
# and its share of the bar: the first pass parses most of the file, the later ones the
# lines of their schemata only; "write" is the search index and row digests at the end
PHASES = {-1: "posts and addresses", 0: "parties and sources",
          1: "sanctions, relationships, shipments and events", 2: "documentation links"}
WEIGHTS: dict[int | str, int] = {-1: 1, 0: 2, 1: 1, 2: 1, "write": 1}


class PassProgress:
    """Reports ``(done, total, what)`` to ``report`` (None: nobody asks); each report may
    raise to cancel. ``size``: the file's bytes. ``gathers`` when the pass that gathers
    posts and addresses runs before the others; :meth:`skip` a pass that will not run."""

    def __init__(self, report: Callable[[int, int, str], None] | None, size: int) -> None:
        self.report = report
        self.size = max(size, 1)
        self.left_out: set[int | str] = {-1}  # the gathering pass runs only when asked

    def gathers(self) -> None:
        self.left_out.discard(-1)

    def skip(self, n: int) -> None:
        self.left_out.add(n)

    def _say(self, step: int | str, within: float, what: str) -> None:
        if not self.report:
            return
        steps = [k for k in WEIGHTS if k not in self.left_out]
        before = sum(WEIGHTS[k] for k in steps[:steps.index(step)])
        total = sum(WEIGHTS[k] for k in steps)
        self.report(int((before + within * WEIGHTS[step]) * self.size), total * self.size,
                    what)

    def reading(self, f: Any, n: int, records: int) -> None:
        """Pass ``n`` has read up to where the text file ``f`` stands, ``records`` of it."""
        if self.report:
            self._say(n, min(f.buffer.tell() / self.size, 1.0),
                      f"Reading {PHASES[n]}: {records:,} records")

    def joined(self, n: int, done: int) -> None:
        """Pass ``n`` has joined ``done`` entities given over several lines."""
        self._say(n, 1.0, f"{done:,} entities given over several lines joined")

    def writing(self, records: int) -> None:
        """The file is read; what is written now."""
        self._say("write", 0.0, f"{records:,} records read; writing the search index and "
                  "the row digests…")
