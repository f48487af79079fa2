"""Loading an OpenSanctions ``targets.simple.csv`` into a watchlist: each row's entry (its
dates as the file wrote them, a spreadsheet's rewriting undone), and its sanctions (the
sanctions cell in parts, and program_ids) — :mod:`.watchlist_import` opens the load."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from casefile.core.fuzzydate import ISO_PREFIX
from casefile.services.exchange.imports.targets_simple import simple_rows
from casefile.services.screening.watchlist_entries import EntryWriter, entry_row
from casefile.services.screening.watchlist_files import iso_date
from casefile.services.screening.watchlist_sanctions import simple_sanctions

Progress = Callable[[int, int, str], None]  # done, total, message; raises Cancelled


def load_csv(path: Path, w: EntryWriter, progress: Progress | None,
              encoding: str = "utf-8-sig") -> str:
    """Load a targets.simple.csv; its newest last_change (the list's version, as a JSON
    file's: look15, the file's date was taken though the rows said when they changed)."""
    newest = ""
    with path.open("r", encoding=encoding, newline="") as f:
        for n, rec in simple_rows(path, f):
            if progress is not None and n % 5000 == 0:
                progress(0, 0, f"line {n:,}")  # the size read is not known here
            props = {k: v for k, v in rec["properties"].items() if v and any(v)}
            if rec["_lost"]:  # '?' for characters a code page could not hold (look16)
                w.report.left_out["names or addresses whose characters were lost to a "
                                  "code page ('??')"] += len(rec["_lost"])
            if not rec["properties"]["name"]:  # no letter of its name or aliases left
                w.report.skipped += 1
                continue
            if "birthDate" in props:  # as a spreadsheet may have saved them (look16)
                props["birthDate"] = [iso_date(d) for d in props["birthDate"]]
            obj = {"id": rec["id"], "schema": rec["schema"], "properties": props,
                   "datasets": rec.get("_datasets") or [],
                   "last_change": _when(rec.get("_last_change") or "", "last_change", w),
                   "first_seen": _when(rec.get("_first_seen") or "", "first_seen", w)}
            parsed = entry_row(obj)
            if parsed is None:
                w.report.skipped += 1
                continue
            newest = max(newest, str(parsed[0][7] or ""))
            w.put(*parsed)
            for i, props in enumerate(simple_sanctions(rec)):
                w.put_sanction(f"{rec['id']}#sanction-{i + 1}", rec["id"], props)
    return newest


def _when(value: str, column: str, w: EntryWriter) -> str | None:
    """A row's date of ``column`` (ISO 8601), None when it gives none; a value that is no
    date is left out, counted (look23: a file whose columns were shifted gave 'US-RUS' as
    the list's version, unsaid)."""
    day = iso_date(value) if value.strip() else ""
    if not day:
        return None
    if not ISO_PREFIX.match(day):
        w.report.left_out[f"{column} values that are no date, or read two ways like "
                          "'03/04/2024' (or are the file's columns shifted?)"] += 1
        return None
    return day
