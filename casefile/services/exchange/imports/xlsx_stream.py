"""Read the first sheet of an XLSX workbook as a stream of rows, in bounded memory.

openpyxl, even read-only, loads the whole shared-string table, pads every row to the width
the sheet's ``<dimension>`` claims (16,384 columns x a million rows from a 50 KB file) and
builds each cell's text whole before anyone can look at its length. Here the workbook's XML
is fed to expat in small chunks: cells without a value cost nothing, the sheet's claimed
size is ignored, and each limit (below, and the workbook's in :mod:`.xlsx_workbook`) stops
the read the moment it is crossed, with a one-line message naming the file, the place and the
limit.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.parsers import expat

from casefile.errors import ImportFileError
from casefile.services.exchange.imports.xlsx_workbook import (
    CHUNK,
    MAX_CELL_CHARS,
    OVER,
    date_styles,
    date_text,
    first_sheet,
    parser,
    shared_strings,
)

MAX_COLUMNS = 1_000  # a value beyond this column stops the read (trade data has < 200)
MAX_ROWS = 1_048_576  # Excel's own last row: a sheet claiming more is not a spreadsheet
_REF = re.compile(r"([A-Z]{1,3})(\d*)$")
_TOO_LONG = (f"a cell of more than {MAX_CELL_CHARS:,} characters; Casefile reads at most "
             f"{MAX_CELL_CHARS:,} characters a cell")


def column_letter(n: int) -> str:
    letters = ""
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _column(ref: str) -> int:
    m = _REF.match(ref.upper())
    if not m:
        return 0
    n = 0
    for ch in m.group(1):
        n = n * 26 + ord(ch) - 64
    return n


class XlsxStream:
    """The first sheet of ``path``; :meth:`rows` yields ``(row number, cells, done)`` for
    each row with a value, ``done`` being the share of the sheet read (0 to 1)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.name = path.name
        self._where: dict[str, Any] = {"row": 0, "col": 0}
        try:
            self.zip = zipfile.ZipFile(path)
            self.sheet, self.date1904 = first_sheet(self.zip, self.name)
            self.dates = date_styles(self.zip, self.name)
            self.strings = shared_strings(self.zip, self.name)
        except ImportFileError:
            self.close()
            raise
        except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError,
                expat.ExpatError) as exc:
            self.close()
            raise ImportFileError(f"{self.name} is not a readable XLSX workbook: {exc}"
                                  ) from None

    def close(self) -> None:
        if getattr(self, "zip", None) is not None:
            self.zip.close()

    # -- the sheet ------------------------------------------------------------------------
    def rows(self) -> Iterator[tuple[int, list[str], float]]:
        info = self.zip.getinfo(self.sheet)
        total = max(info.file_size, 1)
        done: list[tuple[int, list[str]]] = []
        cell: dict[str, Any] = {}
        row: dict[int, str] = {}
        text: list[str] = []
        where = self._where = {"row": 0, "col": 0, "in_text": False, "size": 0, "is": False}

        def start(tag: str, attrs: dict[str, str]) -> None:
            local = tag.rpartition(" ")[2]
            if local == "c":
                ref = attrs.get("r", "")
                where["col"] = _column(ref) if ref else where["col"] + 1
                cell.clear()
                cell.update(t=attrs.get("t", "n"), s=attrs.get("s", ""))
                text.clear()
                where["size"] = 0
            elif local == "row":
                r = attrs.get("r")
                where["row"] = int(r) if r and r.isdigit() else where["row"] + 1
                if where["row"] > MAX_ROWS:
                    raise ImportFileError(
                        f"{self.name}: row {where['row']:,} is past the last row a "
                        f"sheet has ({MAX_ROWS:,}); the file is damaged")
                where["col"] = 0
                row.clear()
            elif local == "is":
                where["is"] = True
            elif local == "v" or (local == "t" and where["is"]):
                where["in_text"] = True

        def chars(data: str) -> None:
            if where["in_text"]:
                where["size"] += len(data)
                if where["size"] > MAX_CELL_CHARS:
                    raise ImportFileError(self._at(_TOO_LONG))
                text.append(data)

        def end(tag: str) -> None:
            local = tag.rpartition(" ")[2]
            if local in ("v", "t"):
                where["in_text"] = False
            elif local == "is":
                where["is"] = False
            elif local == "c":
                value = self._value(cell["t"], cell["s"], "".join(text))
                if value:
                    if where["col"] > MAX_COLUMNS:
                        raise ImportFileError(self._at(
                            f"a value in column {where['col']:,}; Casefile reads at most "
                            f"{MAX_COLUMNS:,} columns"))
                    row[where["col"]] = value
            elif local == "row" and row and any(v.strip() for v in row.values()):
                cells = [""] * max(row)
                for col, value in row.items():
                    cells[col - 1] = value
                done.append((where["row"], cells))

        feeder = parser(start, chars, end)
        read = 0
        try:
            with self.zip.open(info) as src:
                while chunk := src.read(CHUNK):
                    read += len(chunk)
                    feeder.Parse(chunk, False)
                    yield from ((n, cells, read / total) for n, cells in done)
                    done.clear()
                feeder.Parse(b"", True)
                yield from ((n, cells, 1.0) for n, cells in done)
        except ImportFileError:
            raise  # a limit crossed, said with its place
        except (expat.ExpatError, zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
            raise ImportFileError(f"{self.name}, row {where['row']}: the sheet cannot be "
                                  f"read ({exc})") from None

    def _at(self, what: str) -> str:
        row, col = self._where["row"], self._where["col"]
        return f"{self.name}, row {row}, column {column_letter(col)}: {what}"

    def _value(self, kind: str, style: str, raw: str) -> str:
        if kind == "s":
            try:
                value = self.strings[int(raw)]
            except (ValueError, IndexError):
                return ""
            if value is OVER:
                raise ImportFileError(self._at(_TOO_LONG))
            return str(value)
        if kind in ("inlineStr", "str", "e"):
            return raw
        if kind == "b":
            return "True" if raw.strip() in ("1", "true") else "False"
        if kind == "d":  # an ISO 8601 date cell: a day at midnight reads as the day
            return raw[:10] if raw[10:] in ("", "T00:00:00", "T00:00:00Z") else raw
        raw = raw.strip()
        if not raw:
            return ""
        try:
            number: float = int(raw)
        except ValueError:
            try:
                number = float(raw)
            except ValueError:
                return raw
        if style.isdigit() and int(style) in self.dates:
            return date_text(number, self.date1904) or raw
        if isinstance(number, float) and number.is_integer():
            return str(int(number))
        return str(number)
