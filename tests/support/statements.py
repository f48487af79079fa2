"""Counting the SQL statements a piece of code sends to a real case file, so a test can say
that a read runs a fixed number of queries however many records it returns."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

_NOT_QUERIES = ("PRAGMA", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")


@contextmanager
def counted(engine: Engine) -> Iterator[list[str]]:
    """The queries run on ``engine`` inside the block, in order (PRAGMAs and transaction
    control left out: the connection and its transaction send those on their own)."""
    seen: list[str] = []

    def note(conn: Any, cursor: Any, statement: str, *rest: Any) -> None:
        if not statement.lstrip().upper().startswith(_NOT_QUERIES):
            seen.append(statement)

    event.listen(engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", note)
