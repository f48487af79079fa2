"""Large byte values (attachment files) kept out of the in-memory undo history.

A row image that holds a file of hundreds of megabytes would keep it in memory for as long
as the undo step lives. Instead, a value over :data:`SPILL_OVER` bytes is written once to a
private temporary folder (mode 0700, removed when the process ends), named by its SHA-256 so
the same file is spilled once, and the image holds a :class:`Spilled` reference; undo and redo
read the bytes back from there when they write the image into the case.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SPILL_OVER = 64 * 1024
_folder: tempfile.TemporaryDirectory[str] | None = None


@dataclass(frozen=True)
class Spilled:
    """Bytes kept on disk for the undo history: equal when their content is."""

    sha256: str
    size: int
    path: Path = field(compare=False)

    def read(self) -> bytes:
        data = self.path.read_bytes()
        if len(data) != self.size or hashlib.sha256(data).hexdigest() != self.sha256:
            raise OSError(f"the undo copy of a {self.size:,}-byte file was changed or lost")
        return data


def _spill_folder() -> Path:
    global _folder
    if _folder is None:
        _folder = tempfile.TemporaryDirectory(prefix="casefile-undo-")
    return Path(_folder.name)


def spill(value: bytes) -> Spilled:
    digest = hashlib.sha256(value).hexdigest()
    path = _spill_folder() / digest
    if not path.exists():
        tmp = path.with_name(f".{digest}.{os.getpid()}.part")
        with tmp.open("wb") as f:
            f.write(value)
        tmp.replace(path)
    return Spilled(digest, len(value), path)


def spilled(row: dict[str, Any] | None) -> dict[str, Any] | None:
    """``row`` with each large byte value replaced by its :class:`Spilled` reference."""
    if row is None or not any(isinstance(v, bytes) and len(v) > SPILL_OVER
                              for v in row.values()):
        return row
    return {k: spill(v) if isinstance(v, bytes) and len(v) > SPILL_OVER else v
            for k, v in row.items()}


def restored(row: dict[str, Any]) -> dict[str, Any]:
    """``row`` with its spilled values read back."""
    if not any(isinstance(v, Spilled) for v in row.values()):
        return row
    return {k: v.read() if isinstance(v, Spilled) else v for k, v in row.items()}
