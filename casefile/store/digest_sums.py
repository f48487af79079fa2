"""The digests of a bulk write's new rows, made beside the writer.

Recording a row in the content digest costs its SHA-256 (a few µs of Python) and a SHAKE-256 of
2,048 bytes for its LtHash element (about 6 µs, the GIL held throughout): a third of a
100k-row import's time when made inline. For batches of :data:`WORKER_ROWS` rows or more, one
worker process (``spawn``: it inherits nothing) makes the rows' digests from the values
written and the sum of their elements while the writer parses and writes the next rows; the
writer stores the digests in ``row_digest`` and adds the sum to the case's state when it takes
them back — as it submits later batches, and at the latest when the operation is recorded
(casefile.store.digest.refresh), in the same transaction. A batch whose values' stored form
is not certain, and every batch when the worker cannot be started or fails, is digested in the
writer's process: the bytes are the same either way (recipes in casefile.core.digests), only
the time differs. At most :data:`IN_FLIGHT` batches wait for the worker: memory stays flat."""

from __future__ import annotations

import atexit
import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any, Protocol, cast

from casefile.core.digesters import digester_for
from casefile.core.digests import LtHash, element_sum

WORKER_ROWS = 500  # smaller batches are digested in the writer's process
JOB_ROWS = 5000  # rows sent to the worker at a time
IN_FLIGHT = 4
_log = logging.getLogger(__name__)
_executor: ProcessPoolExecutor | None = None
_unavailable = False


class Writer(Protocol):
    """The side that wrote a batch (casefile.store.bulk_digest.BulkDigests)."""
    table: str
    cols: list[str]
    affinities: dict[str, str]
    given: list[str]

    def digests(self, rows: Sequence[Sequence[Any]], first: int) -> list[bytes]: ...

    def store(self, first: int, digests: Sequence[bytes]) -> None: ...


@dataclass
class Batch:
    """Rows just written with ids ``first``, ``first + 1``, … by ``writer``."""
    writer: Writer
    rows: list[Sequence[Any]]
    first: int


def digest_rows(table: str, cols: list[str], affinities: dict[str, str], given: list[str],
                rows: list[Sequence[Any]], first: int) -> tuple[bytes, bytes] | None:
    """In the worker: the rows' digests packed end to end and the sum of their elements;
    None when a value's stored form is not certain (the writer reads the batch back)."""
    digest = digester_for(table, cols, affinities, given)
    made = [digest(r, first + k) for k, r in enumerate(rows)]
    if None in made:
        return None
    done = cast("list[bytes]", made)  # None ruled out above
    return b"".join(done), element_sum(done)


def _pool() -> ProcessPoolExecutor | None:
    """The worker (started on first use), or None where it is off or failed."""
    global _executor, _unavailable
    if _executor is None and not _unavailable:
        if os.environ.get("CASEFILE_DIGEST_WORKER", "1") == "0":
            _unavailable = True
            return None
        try:
            _executor = ProcessPoolExecutor(
                max_workers=1, mp_context=multiprocessing.get_context("spawn"))
            atexit.register(shutdown)
        except (OSError, ValueError) as exc:
            _required()
            _log.warning("digest worker unavailable, digesting in this process: %s", exc)
            _unavailable = True
    return _executor


def _required() -> None:
    """``CASEFILE_DIGEST_WORKER_REQUIRED=1`` (the frozen build's smoke test): a worker that
    cannot start or fails is an error, not a fallback."""
    if os.environ.get("CASEFILE_DIGEST_WORKER_REQUIRED") == "1":
        raise RuntimeError("the digest worker process failed (CASEFILE_DIGEST_WORKER_REQUIRED)")


def _give_up(exc: BaseException) -> None:
    global _executor, _unavailable
    _required()
    _log.warning("digest worker failed, digesting in this process: %s", exc)
    _unavailable = True
    if _executor is not None:
        _executor.shutdown(wait=False, cancel_futures=True)
        _executor = None


def shutdown() -> None:
    """Stop the worker (it is started again when needed)."""
    global _executor
    if _executor is not None:
        _executor.shutdown(wait=True, cancel_futures=True)
        _executor = None


class PendingSum:
    """The batches of one transaction whose digests are not stored yet, and the LtHash sum
    of those that are (to be added to the case's state)."""

    def __init__(self) -> None:
        self.total = LtHash()
        self.rows = 0
        self._jobs: deque[tuple[Future[tuple[bytes, bytes] | None] | None, Batch]] = deque()

    def submit(self, batch: Batch) -> None:
        if len(batch.rows) > JOB_ROWS:  # in pieces: the worker's memory stays small
            for k in range(0, len(batch.rows), JOB_ROWS):
                self.submit(Batch(batch.writer, batch.rows[k:k + JOB_ROWS], batch.first + k))
            return
        pool = _pool() if len(batch.rows) >= WORKER_ROWS else None
        future = None
        if pool is not None:
            w = batch.writer
            try:
                future = pool.submit(digest_rows, w.table, w.cols, w.affinities, w.given,
                                     batch.rows, batch.first)
            except RuntimeError as exc:  # broken or shut down
                _give_up(exc)
        self._jobs.append((future, batch))
        while self._jobs and (len(self._jobs) > IN_FLIGHT or self._jobs[0][0] is None
                              or self._jobs[0][0].done()):
            self._collect()

    def _collect(self) -> None:
        future, batch = self._jobs.popleft()
        made = None
        if future is not None:
            try:
                made = future.result()
            except Exception as exc:  # noqa: BLE001 - any worker failure: digest it here
                _give_up(exc)
        if made is not None:
            packed, lanes = made
            digests = [packed[i:i + 32] for i in range(0, len(packed), 32)]
        else:
            digests = batch.writer.digests(batch.rows, batch.first)
            lanes = element_sum(digests)
        batch.writer.store(batch.first, digests)
        self.total.add_state(lanes)
        self.rows += len(digests)

    def result(self) -> tuple[LtHash, int]:
        """Store every batch's digests; the sum of their elements and how many rows."""
        while self._jobs:
            self._collect()
        return self.total, self.rows


__all__ = ["Batch", "PendingSum", "WORKER_ROWS", "digest_rows", "shutdown"]
