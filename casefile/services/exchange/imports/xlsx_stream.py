"""Read the first sheet of an XLSX workbook as a stream of rows, in bounded memory.

openpyxl, even read-only, loads the whole shared-string table, pads every row to the width
the sheet's ``<dimension>`` claims (16,384 columns x a million rows from a 50 KB file) and
builds each cell's text whole before anyone can look at its length. Here the workbook's XML
is fed to expat in small chunks: cells without a value cost nothing, the sheet's claimed
size is ignored, and each limit below stops the read the moment it is crossed, with a
one-line message naming the file, the place and the limit. openpyxl is used only for its
number-format tables (which formats are dates) and its Excel-date arithmetic.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.parsers import expat

from casefile.errors import ImportFileError

MAX_COLUMNS = 1_000  # a value beyond this column stops the read (trade data has < 200)
MAX_ROWS = 1_048_576  # Excel's own last row: a sheet claiming more is not a spreadsheet
MAX_CELL_CHARS = 100_000  # the longest field a case takes (box 31 of a declaration)
MAX_SHARED_STRINGS = 4_000_000  # entries of the shared-string table
MAX_SHARED_CHARS = 64_000_000  # characters of the shared-string table, all entries
MAX_PART_BYTES = 16_000_000  # workbook.xml, its relationships and styles.xml, each
CHUNK = 64 * 1024

_NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_REF = re.compile(r"([A-Z]{1,3})(\d*)$")
_TOO_LONG = (f"a cell of more than {MAX_CELL_CHARS:,} characters; Casefile reads at most "
             f"{MAX_CELL_CHARS:,} characters a cell")
_OVER = object()  # a shared string over MAX_CELL_CHARS: refused where a cell uses it


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
            self.sheet, self.date1904 = self._first_sheet()
            self.dates = self._date_styles()
            self.strings = self._shared_strings()
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

    # -- the small parts: which sheet, which styles are dates ----------------------------
    def _part(self, name: str) -> bytes | None:
        try:
            info = self.zip.getinfo(name)
        except KeyError:
            return None
        if info.file_size > MAX_PART_BYTES:
            raise ImportFileError(f"{self.name}: its part {name} is {info.file_size:,} bytes; "
                                  f"Casefile reads at most {MAX_PART_BYTES:,} (save the sheet "
                                  "as CSV and import that)")
        return self.zip.read(name)

    def _first_sheet(self) -> tuple[str, bool]:
        book = self._part("xl/workbook.xml")
        if book is None:
            raise ImportFileError(f"{self.name} is not a readable XLSX workbook: it has no "
                                  "xl/workbook.xml")
        first: list[str] = []
        date1904 = [False]

        def start(tag: str, attrs: dict[str, str]) -> None:
            if tag == f"{_NS_MAIN} sheet" and not first:
                first.append(attrs.get(f"{_NS_REL} id", ""))
            elif tag == f"{_NS_MAIN} workbookPr":
                date1904[0] = attrs.get("date1904", "0").lower() in ("1", "true")

        _parse_whole(book, start)
        target = "xl/worksheets/sheet1.xml"
        rels = self._part("xl/_rels/workbook.xml.rels")
        if first and rels is not None:
            targets: dict[str, str] = {}

            def rel(tag: str, attrs: dict[str, str]) -> None:
                if tag.endswith(" Relationship") or tag == "Relationship":
                    targets[attrs.get("Id", "")] = attrs.get("Target", "")

            _parse_whole(rels, rel)
            found = targets.get(first[0])
            if found:
                target = (found.lstrip("/") if found.startswith("/")
                          else posixpath.normpath(posixpath.join("xl", found)))
        self.zip.getinfo(target)  # KeyError: not a workbook
        return target, date1904[0]

    def _date_styles(self) -> frozenset[int]:
        from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format

        styles = self._part("xl/styles.xml")
        if styles is None:
            return frozenset()
        formats: dict[int, str] = dict(BUILTIN_FORMATS)
        xf_formats: list[int] = []
        depth = {"cellXfs": False}

        def start(tag: str, attrs: dict[str, str]) -> None:
            local = tag.rpartition(" ")[2]
            if local == "numFmt":
                formats[int(attrs.get("numFmtId", "0"))] = attrs.get("formatCode", "")
            elif local == "cellXfs":
                depth["cellXfs"] = True
            elif local == "xf" and depth["cellXfs"]:
                xf_formats.append(int(attrs.get("numFmtId", "0")))

        def end(tag: str) -> None:
            if tag.rpartition(" ")[2] == "cellXfs":
                depth["cellXfs"] = False

        _parse_whole(styles, start, end)
        return frozenset(i for i, f in enumerate(xf_formats)
                         if is_date_format(formats.get(f, "")))

    # -- the shared strings, bounded ------------------------------------------------------
    def _shared_strings(self) -> list[Any]:
        try:
            info = self.zip.getinfo("xl/sharedStrings.xml")
        except KeyError:
            return []
        strings: list[Any] = []
        state = {"in_t": False, "skip": 0, "total": 0}
        parts: list[str] = []
        size = [0]

        def start(tag: str, _attrs: dict[str, str]) -> None:
            local = tag.rpartition(" ")[2]
            if local == "si":
                parts.clear()
                size[0] = 0
            elif local == "rPh":  # phonetic reading: not part of the text
                state["skip"] += 1
            elif local == "t" and not state["skip"]:
                state["in_t"] = True

        def text(data: str) -> None:
            if state["in_t"] and size[0] <= MAX_CELL_CHARS:
                size[0] += len(data)
                if size[0] <= MAX_CELL_CHARS:
                    parts.append(data)

        def end(tag: str) -> None:
            local = tag.rpartition(" ")[2]
            if local == "t":
                state["in_t"] = False
            elif local == "rPh":
                state["skip"] -= 1
            elif local == "si":
                if len(strings) >= MAX_SHARED_STRINGS:
                    raise ImportFileError(
                        f"{self.name}: more than {MAX_SHARED_STRINGS:,} distinct texts; "
                        "Casefile reads at most that many from an XLSX file (save "
                        "the sheet as CSV and import that)")
                state["total"] += min(size[0], MAX_CELL_CHARS)
                if state["total"] > MAX_SHARED_CHARS:
                    raise ImportFileError(
                        f"{self.name}: its texts run to more than "
                        f"{MAX_SHARED_CHARS:,} characters; Casefile reads at most "
                        "that many from an XLSX file (save the sheet as CSV and "
                        "import that)")
                strings.append(_OVER if size[0] > MAX_CELL_CHARS else "".join(parts))

        with self.zip.open(info) as src:
            _feed(src, _parser(start, text, end))
        return strings

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

        parser = _parser(start, chars, end)
        read = 0
        try:
            with self.zip.open(info) as src:
                while chunk := src.read(CHUNK):
                    read += len(chunk)
                    parser.Parse(chunk, False)
                    yield from ((n, cells, read / total) for n, cells in done)
                    done.clear()
                parser.Parse(b"", True)
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
            if value is _OVER:
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
            return _date_text(number, self.date1904) or raw
        if isinstance(number, float) and number.is_integer():
            return str(int(number))
        return str(number)


def _date_text(serial: float, date1904: bool) -> str:
    from datetime import datetime, time

    from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

    try:
        when = from_excel(serial, CALENDAR_MAC_1904 if date1904 else CALENDAR_WINDOWS_1900)
    except (ValueError, OverflowError):
        return ""
    if isinstance(when, datetime):
        return when.date().isoformat() if when.time() == time.min else when.isoformat()
    return when.isoformat() if hasattr(when, "isoformat") else str(when)


def _no_doctype(*_args: Any) -> None:
    raise ValueError("it declares a document type (XLSX parts never do)")


def _parser(start: Any, chars: Any = None, end: Any = None) -> Any:
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True
    parser.buffer_size = CHUNK
    parser.StartDoctypeDeclHandler = _no_doctype
    parser.StartElementHandler = start
    if chars is not None:
        parser.CharacterDataHandler = chars
    if end is not None:
        parser.EndElementHandler = end
    return parser


def _parse_whole(data: bytes, start: Any, end: Any = None) -> None:
    _parser(start, None, end).Parse(data, True)


def _feed(src: Any, parser: Any) -> None:
    while chunk := src.read(CHUNK):
        parser.Parse(chunk, False)
    parser.Parse(b"", True)
