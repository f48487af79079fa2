"""The parts of an XLSX workbook around its sheet, read in bounded memory: which sheet comes
first, which cell styles are dates, and the shared-string table (each limit below stops the
read the moment it is crossed, with a one-line message naming the file and the limit); and the
expat set-up these and the sheet's stream (:mod:`.xlsx_stream`) share: small chunks, buffered
text, no document type declarations. openpyxl is used only for its number-format tables
(which formats are dates) and its Excel-date arithmetic."""

from __future__ import annotations

import posixpath
import zipfile
from typing import Any
from xml.parsers import expat

from casefile.errors import ImportFileError

MAX_CELL_CHARS = 100_000  # the longest field a case takes (box 31 of a declaration)
MAX_SHARED_STRINGS = 4_000_000  # entries of the shared-string table
MAX_SHARED_CHARS = 64_000_000  # characters of the shared-string table, all entries
MAX_PART_BYTES = 16_000_000  # workbook.xml, its relationships and styles.xml, each
CHUNK = 64 * 1024

_NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
OVER = object()  # a shared string over MAX_CELL_CHARS: refused where a cell uses it


def read_part(zf: zipfile.ZipFile, file: str, name: str) -> bytes | None:
    """The bytes of a small part of the workbook (refused past :data:`MAX_PART_BYTES`)."""
    try:
        info = zf.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_PART_BYTES:
        raise ImportFileError(f"{file}: its part {name} is {info.file_size:,} bytes; "
                              f"Casefile reads at most {MAX_PART_BYTES:,} (save the sheet "
                              "as CSV and import that)")
    return zf.read(name)


def first_sheet(zf: zipfile.ZipFile, file: str) -> tuple[str, bool]:
    """The first sheet's part name, and whether the workbook counts dates from 1904."""
    book = read_part(zf, file, "xl/workbook.xml")
    if book is None:
        raise ImportFileError(f"{file} is not a readable XLSX workbook: it has no "
                              "xl/workbook.xml")
    first: list[str] = []
    date1904 = [False]

    def start(tag: str, attrs: dict[str, str]) -> None:
        if tag == f"{_NS_MAIN} sheet" and not first:
            first.append(attrs.get(f"{_NS_REL} id", ""))
        elif tag == f"{_NS_MAIN} workbookPr":
            date1904[0] = attrs.get("date1904", "0").lower() in ("1", "true")

    parse_whole(book, start)
    target = "xl/worksheets/sheet1.xml"
    rels = read_part(zf, file, "xl/_rels/workbook.xml.rels")
    if first and rels is not None:
        targets: dict[str, str] = {}

        def rel(tag: str, attrs: dict[str, str]) -> None:
            if tag.endswith(" Relationship") or tag == "Relationship":
                targets[attrs.get("Id", "")] = attrs.get("Target", "")

        parse_whole(rels, rel)
        found = targets.get(first[0])
        if found:
            target = (found.lstrip("/") if found.startswith("/")
                      else posixpath.normpath(posixpath.join("xl", found)))
    zf.getinfo(target)  # KeyError: not a workbook
    return target, date1904[0]


def date_styles(zf: zipfile.ZipFile, file: str) -> frozenset[int]:
    """The cell styles (indexes of cellXfs) whose number format is a date."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format

    styles = read_part(zf, file, "xl/styles.xml")
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

    parse_whole(styles, start, end)
    return frozenset(i for i, f in enumerate(xf_formats)
                     if is_date_format(formats.get(f, "")))


def shared_strings(zf: zipfile.ZipFile, file: str) -> list[Any]:
    """The shared-string table, bounded: a text over :data:`MAX_CELL_CHARS` is kept as
    :data:`OVER` (refused where a cell uses it); past the table's limits the read stops."""
    try:
        info = zf.getinfo("xl/sharedStrings.xml")
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
                    f"{file}: more than {MAX_SHARED_STRINGS:,} distinct texts; "
                    "Casefile reads at most that many from an XLSX file (save "
                    "the sheet as CSV and import that)")
            state["total"] += min(size[0], MAX_CELL_CHARS)
            if state["total"] > MAX_SHARED_CHARS:
                raise ImportFileError(
                    f"{file}: its texts run to more than "
                    f"{MAX_SHARED_CHARS:,} characters; Casefile reads at most "
                    "that many from an XLSX file (save the sheet as CSV and "
                    "import that)")
            strings.append(OVER if size[0] > MAX_CELL_CHARS else "".join(parts))

    with zf.open(info) as src:
        feed(src, parser(start, text, end))
    return strings


def date_text(serial: float, date1904: bool) -> str:
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


def parser(start: Any, chars: Any = None, end: Any = None) -> Any:
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


def parse_whole(data: bytes, start: Any, end: Any = None) -> None:
    parser(start, None, end).Parse(data, True)


def feed(src: Any, parser: Any) -> None:
    while chunk := src.read(CHUNK):
        parser.Parse(chunk, False)
    parser.Parse(b"", True)
