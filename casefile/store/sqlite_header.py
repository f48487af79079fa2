"""The first 100 bytes of an SQLite file, read without opening it: whether it is one, its
page size and the page count it states (a file shorter than that was cut short)."""

from __future__ import annotations

import struct

SQLITE_MAGIC = b"SQLite format 3\x00"


def page_size(header: bytes) -> int:
    """The page size the header states (bytes; 0 for a header too short to say)."""
    if len(header) < 18:
        return 0
    size = struct.unpack(">H", header[16:18])[0]
    return 65536 if size == 1 else size


def stated_pages(header: bytes) -> int:
    """The number of pages the header states (0 for a header too short to say)."""
    return struct.unpack(">I", header[28:32])[0] if len(header) >= 32 else 0


__all__ = ["SQLITE_MAGIC", "page_size", "stated_pages"]
