"""Scoring in worker processes. Scoring is CPU-bound: run in the GUI's process it would
freeze the window, and one process uses one core. A :class:`ScreeningPool` keeps worker
processes (``spawn``: no state is inherited) that open the person-name table
(:mod:`.name_table`; the first of them builds it when rigour is new) and hands them the
parties in chunks; each worker opens the watchlist read-only itself.

``warm()`` gets the workers ready before the first screening is asked for."""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from pathlib import Path

from casefile.core.screening import REVIEW_THRESHOLD
from casefile.core.screening.names import analyse
from casefile.core.screening.records import Entry, Party
from casefile.core.screening.score import Result
from casefile.services.screening import name_table
from casefile.services.screening.candidates import Index

Progress = Callable[[int, int, str], None]
CHUNK = 25
Scored = tuple[int, Entry, Result, str]  # party id, entry, result, the entry's digest
# in a worker: the watchlist it has open, by path and file (a list deleted and loaded again
# under its name is another file)
_index: tuple[tuple[str, int], Index] | None = None


def _warm() -> bool:
    name_table.prepare()
    for tag in ("PER", "ORG", "ENT", "OBJ"):
        analyse("warm up", tag)
    return True


def _score_chunk(path: str, parties: list[Party], review: float
                 ) -> list[Scored]:
    """In a worker: (party id, entry, result, entry digest) of each pair at or above
    ``review``, best first per party."""
    global _index
    name_table.prepare()
    which = (path, os.stat(path).st_ino)
    if _index is None or _index[0] != which:
        if _index is not None:
            _index[1].con.close()
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        _index = (which, Index(con))
    index = _index[1]
    return [(party.id, e, r, digest) for party in parties
            for e, r, digest in index.matches(party, review)]


class ScreeningPool:
    """Worker processes that score parties (see the module doc)."""

    def __init__(self, workers: int | None = None) -> None:
        n = workers or max(1, min(4, (os.cpu_count() or 2)))
        self._executor = ProcessPoolExecutor(
            max_workers=n, mp_context=multiprocessing.get_context("spawn"))
        self.workers = n

    def warm(self) -> list[Future[bool]]:
        """Start every worker: the person-name table opened (or built), rigour loaded."""
        return [self._executor.submit(_warm) for _ in range(self.workers)]

    def score(self, path: Path, parties: list[Party], review: float = REVIEW_THRESHOLD,
              progress: Progress | None = None) -> list[Scored]:
        """Every (party id, entry, result, digest) at or above ``review``, in the order of
        ``parties``. ``progress`` may raise (Cancelled): the chunks not started are
        dropped and the exception goes on."""
        chunks = [parties[i:i + CHUNK] for i in range(0, len(parties), CHUNK)]
        futures = {self._executor.submit(_score_chunk, str(path), c, review): n
                   for n, c in enumerate(chunks)}
        results: dict[int, list[Scored]] = {}
        pending = set(futures)
        done_parties = 0
        try:
            while pending:
                if progress is not None:
                    progress(done_parties, len(parties), "")
                finished, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
                for f in finished:
                    results[futures[f]] = f.result()
                    done_parties += len(chunks[futures[f]])
        except BaseException:
            for f in pending:
                f.cancel()
            raise
        if progress is not None:
            progress(len(parties), len(parties), "")
        return [x for n in range(len(chunks)) for x in results[n]]

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
