"""Read trade-data files as rows with line numbers, streaming: CSV in any of the encodings
the data comes in (UTF-8 with or without BOM, UTF-16, cp1251, GB18030/GBK) with its delimiter
sniffed, or XLSX (first sheet). The header need not be the first row: title rows above it
(as customs-database exports have) are skipped."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from casefile.errors import ImportFileError
from casefile.services.exchange.imports.encodings import (
    chosen_encoding,
    guess_encoding,
    unreadable,
)
from casefile.services.exchange.imports.encodings import utf8_evident as proves_utf8

SAMPLE = 256 * 1024
HEADER_SCAN = 30  # non-empty rows looked at to find the header


@dataclass
class TableFile:
    path: Path
    kind: str  # csv or xlsx
    encoding: str | None
    delimiter: str | None
    header: list[str]
    header_line: int = 1  # row of the header (as a spreadsheet numbers it); data follow it
    done: float = 0.0  # how far rows() has read, 0 to 1 (for progress)
    guessed: bool = True  # the encoding was guessed from the bytes (not chosen)

    @cached_property
    def utf8_evident(self) -> bool:
        """The encoding was chosen, but the bytes prove the file UTF-8 (read when asked: the
        readers that open the table again for its dates or numbers never ask)."""
        return (self.kind == "csv" and not self.guessed and self.encoding is not None
                and proves_utf8(self.path, self.encoding))

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """(row number, cells) for every data row after the header. A row is numbered as a
        spreadsheet opening the file numbers it — a CSV record whose cells hold line breaks
        is one row (review: after a goods description over three lines, every later row was
        cited two too far on, by the text line it ended on)."""
        if self.kind == "xlsx":
            for n, cells, done in _xlsx_rows(self.path, with_done=True):
                self.done = done
                if n > self.header_line:
                    yield n, cells
            return
        size = max(self.path.stat().st_size, 1)
        with self.path.open("rb") as raw:
            text = io.TextIOWrapper(raw, encoding=self.encoding, newline="", errors="strict")
            reader = csv.reader(text, delimiter=self.delimiter or ",")
            n = 0
            try:
                for n, row in enumerate(reader, 1):
                    if n > self.header_line and any(c.strip() for c in row):
                        if not n & 255:  # read ahead a little: close enough
                            self.done = raw.tell() / size
                        yield n, row
                self.done = 1.0
            except UnicodeDecodeError as exc:  # (text is decoded ahead of the rows read:
                # the place is said as the bytes, which is exact, and the line they are on)
                at = raw.tell() - len(exc.object) + exc.start
                raise ImportFileError(unreadable(
                    self.path.name, self.encoding or "", self.guessed,
                    f", line {_line_of(self.path, at):,}: the bytes at {at:,} are not valid "
                    f"{{encoding}} ({exc.reason})", self.utf8_evident)) from None
            except UnicodeError as exc:  # a UTF-16 file without its byte-order mark …
                raise ImportFileError(unreadable(self.path.name, self.encoding or "",
                                                 self.guessed,
                                                 f": not readable as {{encoding}} ({exc})",
                                                 self.utf8_evident)) from None
            except csv.Error as exc:
                raise ImportFileError(f"{self.path.name}, row {n + 1}: {exc}") from None


def _line_of(path: Path, offset: int) -> int:
    """The line of a file the byte at ``offset`` is on (its line breaks counted, a MB at a
    time)."""
    lines, left = 1, offset
    with path.open("rb") as f:
        while left > 0 and (chunk := f.read(min(left, 1 << 20))):
            lines += chunk.count(b"\n")
            left -= len(chunk)
    return lines


def open_table(path: str | Path, encoding: str | None = None) -> TableFile:
    """The table of a CSV or XLSX file, its header found; a CSV's text ``encoding`` guessed
    from its bytes unless given."""
    path = Path(path)
    if not path.is_file():
        raise ImportFileError(f"{path} does not exist")
    with path.open("rb") as f:
        head = f.read(SAMPLE)
    if not head.strip():
        raise ImportFileError(f"{path.name} is empty")
    if head[:4] == b"PK\x03\x04" or path.suffix.lower() in (".xlsx", ".xlsm"):
        return _open_xlsx(path, head)
    guessed = encoding is None
    encoding = guess_encoding(path) if encoding is None else chosen_encoding(encoding)
    sample = head.decode(encoding, errors="ignore").lstrip("\ufeff")
    if len(head) == SAMPLE:  # the last line may be cut short
        sample = sample[:max(sample.rfind("\n"), 0)] or sample
    lines = sample.splitlines()
    try:
        sniffed = csv.Sniffer().sniff("\n".join(lines[:20]), delimiters=",;\t|").delimiter
    except csv.Error:
        sniffed = max(",;\t|", key=(lines[0] if lines else "").count)
    best: tuple[int, str, int, list[str]] | None = None
    for delimiter in [sniffed] + [d for d in ",;\t|" if d != sniffed]:
        line, header = _pick_header(_sample_rows(sample, delimiter))
        score = _known_columns(header)
        if best is None or score > best[0]:
            best = (score, delimiter, line, header)
    assert best is not None
    _score, delimiter, line, header = best
    header = [h.strip() for h in header]
    if not any(header):
        raise ImportFileError(f"{path.name}, row 1: there is no header row")
    return TableFile(path, "csv", encoding, delimiter, header, line, guessed=guessed)


def _sample_rows(sample: str, delimiter: str) -> list[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
    rows = []
    try:
        for n, row in enumerate(reader, 1):  # (numbered as rows(): a record is one row)
            if any(c.strip() for c in row):
                rows.append((n, row))
                if len(rows) >= HEADER_SCAN:
                    break
    except csv.Error:
        pass  # a broken line in the sample: the rows before it decide
    return rows


def _known_columns(header: list[str]) -> int:
    from casefile.services.exchange.imports.layouts import known_columns

    return known_columns([h.strip() for h in header])


def _pick_header(rows: list[tuple[int, list[str]]]) -> tuple[int, list[str]]:
    """The header among the first rows: the earliest naming the most known columns; when
    none names two, the first row about as wide as the table (a title row is narrower)."""
    if not rows:
        return 1, []
    scored = [(_known_columns(cells), -line, line, cells) for line, cells in rows]
    score, _neg, line, cells = max(scored)
    if score >= 2:
        return line, cells
    width = max(sum(1 for c in cells if c.strip()) for _line, cells in rows)
    return next((line, cells) for line, cells in rows
                if sum(1 for c in cells if c.strip()) >= max(2, 0.6 * width) or width < 2)


def _open_xlsx(path: Path, head: bytes) -> TableFile:
    if head[:4] != b"PK\x03\x04" or not zipfile.is_zipfile(path):
        raise ImportFileError(f"{path.name} is named like a spreadsheet but is not an XLSX "
                              "file")
    rows = _xlsx_rows(path)
    first = [r for _n, r in zip(range(HEADER_SCAN), rows, strict=False)]
    rows.close()
    if not first:
        raise ImportFileError(f"{path.name} is empty")
    line, header = _pick_header(first)
    return TableFile(path, "xlsx", None, None, [h.strip() for h in header], line)


def _xlsx_rows(path: Path, with_done: bool = False) -> Generator[Any, None, None]:
    """(row number, cells) of the first sheet's non-empty rows, streamed in bounded memory
    (:mod:`.xlsx_stream`); with ``with_done`` also the share of the sheet read so far."""
    from casefile.services.exchange.imports.xlsx_stream import XlsxStream

    book = XlsxStream(path)
    try:
        for n, cells, done in book.rows():
            yield (n, cells, done) if with_done else (n, cells)
    finally:
        book.close()
