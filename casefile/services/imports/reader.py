"""Read trade-data files as rows with line numbers, streaming: CSV in any of the encodings
the data comes in (UTF-8 with or without BOM, UTF-16, cp1251, GB18030/GBK) with its delimiter
sniffed, or XLSX (first sheet)."""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

SAMPLE = 256 * 1024


class ImportFileError(ValueError):
    """A file that cannot be read as a table; names the file (and line, column)."""


@dataclass
class TableFile:
    path: Path
    kind: str  # csv or xlsx
    encoding: str | None
    delimiter: str | None
    header: list[str]

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """(line number in the file, cells) for every data row after the header."""
        if self.kind == "xlsx":
            yield from _xlsx_rows(self.path, skip_header=True)
            return
        with self.path.open("rb") as raw:
            text = io.TextIOWrapper(raw, encoding=self.encoding, newline="", errors="strict")
            reader = csv.reader(text, delimiter=self.delimiter or ",")
            try:
                next(reader)
                for row in reader:
                    if any(c.strip() for c in row):
                        yield reader.line_num, row
            except UnicodeDecodeError as exc:
                raise ImportFileError(f"{self.path.name}, line {reader.line_num + 1}: the "
                                      f"bytes are not valid {self.encoding} ({exc.reason})"
                                      ) from None
            except csv.Error as exc:
                raise ImportFileError(f"{self.path.name}, line {reader.line_num}: {exc}"
                                      ) from None


def open_table(path: str | Path) -> TableFile:
    path = Path(path)
    if not path.is_file():
        raise ImportFileError(f"{path} does not exist")
    with path.open("rb") as f:
        head = f.read(SAMPLE)
    if not head.strip():
        raise ImportFileError(f"{path.name} is empty")
    if head[:4] == b"PK\x03\x04" or path.suffix.lower() in (".xlsx", ".xlsm"):
        return _open_xlsx(path, head)
    encoding = detect_encoding(head)
    sample = head.decode(encoding, errors="ignore")
    lines = sample.splitlines()
    first = lines[0] if lines else ""
    try:
        delimiter = csv.Sniffer().sniff("\n".join(lines[:20]), delimiters=",;\t|").delimiter
    except csv.Error:
        delimiter = max(",;\t|", key=first.count)
    header = next(csv.reader([first], delimiter=delimiter), [])
    header = [h.strip().lstrip("\ufeff") for h in header]
    if not any(header):
        raise ImportFileError(f"{path.name}, line 1: there is no header row")
    table = TableFile(path, "csv", encoding, delimiter, header)
    return table


def detect_encoding(head: bytes) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        head.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start > len(head) - 4:  # a character cut by the sample's end
            return "utf-8"
    best = from_bytes(head[:65536], cp_isolation=["cp1251", "gb18030", "utf_16",
                                                  "cp1252", "koi8_r", "big5"]).best()
    if best is None:
        raise ImportFileError("the file's text encoding cannot be recognised")
    enc = best.encoding
    return "gb18030" if enc in ("gbk", "gb2312") else enc


def _open_xlsx(path: Path, head: bytes) -> TableFile:
    if head[:4] != b"PK\x03\x04" or not zipfile.is_zipfile(path):
        raise ImportFileError(f"{path.name} is named like a spreadsheet but is not an XLSX "
                              "file")
    rows = _xlsx_rows(path, skip_header=False)
    try:
        _line, header = next(rows)
    except StopIteration:
        raise ImportFileError(f"{path.name} is empty") from None
    rows.close()
    return TableFile(path, "xlsx", None, None, [h.strip() for h in header])


def _xlsx_rows(path: Path, skip_header: bool) -> Iterator[tuple[int, list[str]]]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds
        raise ImportFileError(f"{path.name} is not a readable XLSX workbook: {exc}") from None
    try:
        sheet = book.worksheets[0]
        for n, row in enumerate(sheet.iter_rows(values_only=True), 1):
            if n == 1 and skip_header:
                continue
            cells = ["" if v is None else _cell(v) for v in row]
            if any(c.strip() for c in cells):
                yield n, cells
    finally:
        book.close()


def _cell(v: object) -> str:
    from datetime import date, datetime

    if isinstance(v, datetime):
        return v.date().isoformat() if v.time() == v.time().min else v.isoformat()
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)
