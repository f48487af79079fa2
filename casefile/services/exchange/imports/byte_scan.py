"""Which of some ASCII words a file's bytes hold: a scan, a megabyte at a time, that tells an
import whether a pass of its own is worth reading the file for (a PEP's posts, the addresses
and papers attached to parties), without parsing a line."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


def words_in(path: Path, encoding: str, words: Iterable[bytes]) -> frozenset[bytes]:
    """The ``words`` (ASCII) the file at ``path`` holds anywhere. A file in an encoding that
    does not write ASCII as ASCII (UTF-16) may hold any of them: all are given."""
    wanted = frozenset(words)
    try:
        if any(w.decode("ascii").encode(encoding.removesuffix("-sig")) != w for w in wanted):
            return wanted
    except (LookupError, UnicodeError):
        return wanted
    longest = max((len(w) for w in wanted), default=0)
    found: set[bytes] = set()
    tail = b""
    with path.open("rb") as f:
        while (chunk := f.read(1 << 20)) and len(found) < len(wanted):
            window = tail + chunk
            found.update(w for w in wanted - found if w in window)
            tail = chunk[-longest:]
    return frozenset(found)
