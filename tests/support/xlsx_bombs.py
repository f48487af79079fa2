"""Small XLSX files that reproduce issue 14 item 10: a few kilobytes on disk that exhaust
memory or time when a reader takes the workbook at its word (a shared-string table of
millions of entries or one giant text, a sheet whose dimension claims every cell Excel has,
a single cell of megabytes). Written part by part with zipfile so each is exactly the
hostile shape, not what a well-behaved writer would produce."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from pathlib import Path
from xml.sax.saxutils import escape

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WORKBOOK = (f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{NS}" xmlns:r="{R_NS}">'
            '<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"'
        ' Target="worksheets/sheet1.xml"/></Relationships>')
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"
TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.'
         'org/package/2006/content-types"><Default Extension="rels" ContentType="application/'
         'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
         'ContentType="application/xml"/>'
         f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>'
         f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_CT}.worksheet+xml"/>'
         '<Override PartName="/xl/sharedStrings.xml" '
         f'ContentType="{_CT}.sharedStrings+xml"/></Types>')
ROOT_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
             'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
             'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
             'officeDocument" Target="xl/workbook.xml"/></Relationships>')
HEADER = ("Shipper", "Consignee", "Date", "Goods")


def inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(text)}</t></is></c>'


def row(n: int, cells: Iterable[str]) -> str:
    return f'<row r="{n}">{"".join(cells)}</row>'


def plain_rows(start: int = 1, count: int = 2) -> list[str]:
    """The header and ``count - 1`` ordinary shipment rows, from row ``start``."""
    rows = [row(start, (inline(f"{c}{start}", h) for c, h in zip("ABCD", HEADER, strict=True)))]
    for i in range(1, count):
        n = start + i
        values = (f"Shipper {i}", f"Consignee {i}", "2022-11-15", "drone batteries")
        rows.append(row(n, (inline(f"{c}{n}", v) for c, v in zip("ABCD", values, strict=True))))
    return rows


def write_book(path: Path, sheet_rows: Iterable[str], *, dimension: str = "A1:D2",
               shared: Iterable[str] | None = None) -> Path:
    """An XLSX file with one sheet of ``sheet_rows`` (XML strings, streamed into the
    archive) and, when given, a shared-string table of ``shared`` (XML of each ``<si>``)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", RELS)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as out:
            out.write(f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{NS}">'
                      f'<dimension ref="{dimension}"/><sheetData>'.encode())
            for r in sheet_rows:
                out.write(r.encode())
            out.write(b"</sheetData></worksheet>")
        with z.open("xl/sharedStrings.xml", "w", force_zip64=True) as out:
            out.write(f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{NS}">'.encode())
            for si in shared or ():
                out.write(si.encode())
            out.write(b"</sst>")
    return path


def huge_shared_string(path: Path, chars: int = 50_000_000) -> Path:
    """One shared string of ``chars`` characters used by a cell (50 MB text, ~50 KB file)."""
    def shared() -> Iterable[str]:
        yield "<si><t>"
        for _ in range(chars // 1_000_000):
            yield "x" * 1_000_000
        yield "</t></si>"
    cells = plain_rows() + [row(3, ['<c r="A3" t="s"><v>0</v></c>'])]
    return write_book(path, cells, dimension="A1:D3", shared=shared())


def many_shared_strings(path: Path, count: int = 6_000_000) -> Path:
    """A shared-string table of ``count`` one-character entries (a few hundred KB file)."""
    return write_book(path, plain_rows(), shared=("<si><t>x</t></si>" for _ in range(count)))


def wide_dimension(path: Path) -> Path:
    """Four real rows, a dimension claiming all 17 billion cells Excel has, and an empty
    styled cell in the very last one (a reader that pads rows to the claimed size never
    ends)."""
    rows = plain_rows(count=4) + [row(1_048_576, ['<c r="XFD1048576" s="0"/>'])]
    return write_book(path, rows, dimension="A1:XFD1048576")


def giant_cell(path: Path, chars: int = 52_000_000) -> Path:
    """A party name of ``chars`` characters in one inline cell (52 MB name, ~50 KB file)."""
    def rows() -> Iterable[str]:
        yield from plain_rows()
        yield '<row r="3"><c r="A3" t="inlineStr"><is><t>'
        for _ in range(chars // 1_000_000):
            yield "N" * 1_000_000
        yield "</t></is></c></row>"
    return write_book(path, rows(), dimension="A1:D3")


def far_column(path: Path) -> Path:
    """A value in the last column Excel has (XFD, 16,384)."""
    return write_book(path, plain_rows() + [row(3, [inline("XFD3", "far")])])
