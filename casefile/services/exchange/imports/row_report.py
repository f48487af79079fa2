"""A CSV with one line for every row of an imported file — what it creates (parsed values,
which parties are new and which already in the case) or its problems — so an import can be
checked row by row, and the check kept. UTF-8 with BOM; cells safe from formula injection."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from casefile.services.exchange.export_csv import safe_cell

RowLog = Callable[[int, str, str], None]


@contextmanager
def row_report(out: Path | None) -> Iterator[RowLog | None]:
    """A ``row_log`` for :func:`import_shipments` writing to ``out`` (None: no report). The
    file is complete when the block ends, also when the import fails; it is written beside
    ``out`` and put in its place only when a row was logged, so an import refused before
    reading a row (already imported, a column missing) leaves an earlier report as it was
    (review21: it was emptied to its header)."""
    if out is None:
        yield None
        return
    out = Path(out)
    part = out.with_name(f".{out.name}.part")
    writer = _Writer()
    try:
        with part.open("w", encoding="utf-8-sig", newline="") as f:
            writer.csv = csv.writer(f)
            writer.csv.writerow(["row", "status", "what"])
            yield writer
    finally:
        if writer.logged:
            part.replace(out)
        else:
            part.unlink(missing_ok=True)


class _Writer:
    """The ``row_log`` of a report: a line per row; ``logged`` says whether it wrote one
    (then the report replaces the file, and the command says so)."""

    def __init__(self) -> None:
        self.csv: Any = None
        self.logged = 0

    def __call__(self, line: int, status: str, what: str) -> None:
        self.csv.writerow([line, status, safe_cell(what)])
        self.logged += 1
