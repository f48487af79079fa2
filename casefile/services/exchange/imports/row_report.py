"""A CSV with one line for every row of an imported file — what it creates (parsed values,
which parties are new and which already in the case) or its problems — so an import can be
checked row by row, and the check kept. UTF-8 with BOM; cells safe from formula injection."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from casefile.services.exchange.export_csv import safe_cell

RowLog = Callable[[int, str, str], None]


@contextmanager
def row_report(out: Path | None) -> Iterator[RowLog | None]:
    """A ``row_log`` for :func:`import_shipments` writing to ``out`` (None: no report). The
    file is complete when the block ends, also when the import fails."""
    if out is None:
        yield None
        return
    with Path(out).open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(["line", "status", "what"])
        yield lambda line, status, what: w.writerow([line, status, safe_cell(what)])
