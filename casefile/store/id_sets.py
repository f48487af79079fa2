"""Selecting rows by a set of ids in SQL, a part at a time.

Bulk writes leave runs of consecutive ids (10^5 or 10^6 of them): those are selected as
``BETWEEN`` ranges, never spelled out; any other set goes :data:`CHUNK` ids at a time as
``IN (…)``, within SQLite's limit on parameters. Used by the search index (which records to
index again) and the content digest (which rows to digest)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

CHUNK = 500  # ids of one IN (…)


def chunks(ids: Sequence[int], n: int = CHUNK) -> Iterator[Sequence[int]]:
    for i in range(0, len(ids), n):
        yield ids[i:i + n]


def consecutive(ids: Sequence[int]) -> bool:
    """Whether sorted, distinct ``ids`` are one run without gaps (what a bulk write leaves)."""
    return bool(ids) and ids[-1] - ids[0] + 1 == len(ids)


def where_ids(ids: Sequence[int], column: str, run: int | None = None
              ) -> Iterator[tuple[str, tuple[int, ...]]]:
    """(SQL condition, parameters) selecting sorted, distinct ``ids`` on ``column`` (an SQL
    expression): a run of consecutive ids as ranges of ``run`` ids (one range when None),
    others :data:`CHUNK` at a time by value."""
    if consecutive(ids):
        step = run or len(ids)
        for i in range(0, len(ids), step):
            yield f"{column} BETWEEN ? AND ?", (ids[i], ids[min(i + step, len(ids)) - 1])
        return
    for chunk in chunks(ids):
        yield f"{column} IN ({','.join('?' * len(chunk))})", tuple(chunk)
