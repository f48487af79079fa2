"""XLSX files are read as a stream with limits (issue 14, item 10): the hostile workbooks of
tests/support/xlsx_bombs.py stop with a one-line message naming the file and the limit, or
read only what is really there; ordinary workbooks read as openpyxl reads them."""

from __future__ import annotations

from datetime import date, datetime

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casefile.errors import ImportFailed, ImportFileError
from casefile.services.exchange.imports import xlsx_stream, xlsx_workbook
from casefile.services.exchange.imports.reader import open_table
from casefile.services.exchange.imports.shipments import import_shipments
from tests.support import xlsx_bombs


def test_a_giant_shared_string_stops_at_the_cell_that_uses_it(tmp_path):
    f = xlsx_bombs.huge_shared_string(tmp_path / "strings.xlsx", chars=3_000_000)
    assert f.stat().st_size < 100_000
    with pytest.raises(ImportFileError) as info:
        list(open_table(f).rows())
    assert str(info.value) == ("strings.xlsx, row 3, column A: a cell of more than 100,000 "
                               "characters; Casefile reads at most 100,000 characters a cell")


def test_a_shared_string_table_over_its_limits_stops_before_the_sheet(tmp_path, monkeypatch):
    monkeypatch.setattr(xlsx_workbook, "MAX_SHARED_STRINGS", 1_000)
    f = xlsx_bombs.many_shared_strings(tmp_path / "many.xlsx", count=1_001)
    with pytest.raises(ImportFileError, match=r"^many.xlsx: more than 1,000 distinct texts; "
                                              r".*save the sheet as CSV"):
        open_table(f)
    monkeypatch.setattr(xlsx_workbook, "MAX_SHARED_CHARS", 500)
    f = xlsx_bombs.many_shared_strings(tmp_path / "long.xlsx", count=501)
    with pytest.raises(ImportFileError, match=r"^long.xlsx: its texts run to more than 500 "):
        open_table(f)


def test_a_dimension_claiming_every_cell_reads_only_the_rows_there(tmp_path):
    f = xlsx_bombs.wide_dimension(tmp_path / "wide.xlsx")
    table = open_table(f)
    assert table.header == list(xlsx_bombs.HEADER)
    rows = list(table.rows())
    assert [n for n, _c in rows] == [2, 3, 4]
    assert all(len(cells) == 4 for _n, cells in rows)  # not padded to 16,384
    assert table.done == 1.0


def test_a_giant_cell_stops_with_its_row_and_column(tmp_path):
    f = xlsx_bombs.giant_cell(tmp_path / "name.xlsx", chars=2_000_000)
    with pytest.raises(ImportFileError, match=r"^name.xlsx, row 3, column A: a cell of more "
                                              r"than 100,000 characters"):
        list(open_table(f).rows())


def test_the_import_stops_too_and_writes_nothing(case, tmp_path):
    f = xlsx_bombs.giant_cell(tmp_path / "name.xlsx", chars=1_000_000)
    with pytest.raises(ImportFileError, match="name.xlsx, row 3, column A"):
        import_shipments(case, f, accept_missing=True)
    assert case.counts()["shipment"] == 0 and case.counts()["entity"] == 0


def test_a_value_far_to_the_right_or_far_down_stops(tmp_path):
    with pytest.raises(ImportFileError, match=r"^far.xlsx, row 3, column XFD: a value in "
                                              r"column 16,384; Casefile reads at most 1,000"):
        list(open_table(xlsx_bombs.far_column(tmp_path / "far.xlsx")).rows())
    f = xlsx_bombs.write_book(tmp_path / "deep.xlsx", xlsx_bombs.plain_rows()
                              + [xlsx_bombs.row(2_000_000, [xlsx_bombs.inline("A2000000", "x")])])
    with pytest.raises(ImportFileError, match=r"^deep.xlsx: row 2,000,000 is past the last "):
        list(open_table(f).rows())


def test_a_doctype_is_refused(tmp_path):
    import zipfile

    plain = xlsx_bombs.write_book(tmp_path / "plain.xlsx", xlsx_bombs.plain_rows())
    f = tmp_path / "dtd.xlsx"
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(f, "w") as z:
        for item in src.namelist():
            if item != "xl/sharedStrings.xml":
                z.writestr(item, src.read(item))
        z.writestr("xl/sharedStrings.xml", '<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a '
                   '"aaaa">]><sst xmlns="x"><si><t>&a;</t></si></sst>')
    with pytest.raises(ImportFileError, match="dtd.xlsx is not a readable XLSX workbook: it "
                                              "declares a document type"):
        open_table(f)


def test_a_party_name_over_its_limit_is_a_problem_not_a_party(case, tmp_path):
    rows = xlsx_bombs.plain_rows(count=2) + [xlsx_bombs.row(3, [
        xlsx_bombs.inline("A3", "N" * 5_000), xlsx_bombs.inline("B3", "Consignee"),
        xlsx_bombs.inline("C3", "2022-11-15"), xlsx_bombs.inline("D3", "goods")])]
    f = xlsx_bombs.write_book(tmp_path / "long.xlsx", rows)
    with pytest.raises(ImportFailed) as info:
        import_shipments(case, f, accept_missing=True)
    problems = info.value.report.problem_lines()
    assert any(p.startswith("long.xlsx, row 3, column 'Shipper'") and "5,000 characters" in p
               for p in problems), problems
    assert case.counts()["entity"] == 0


def _openpyxl_text(v):
    if v is None:
        return ""
    if isinstance(v, datetime):
        return v.date().isoformat() if v.time() == v.time().min else v.isoformat()
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


cell_values = st.one_of(
    st.none(), st.booleans(), st.integers(-10**12, 10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30),
    st.datetimes(min_value=datetime(1901, 1, 1), max_value=datetime(2100, 1, 1)).map(
        lambda d: d.replace(microsecond=0)),
    st.dates(min_value=date(1901, 1, 1), max_value=date(2100, 1, 1)))


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(cell_values, min_size=1, max_size=6), min_size=1, max_size=8),
       st.booleans())
def test_ordinary_workbooks_read_as_openpyxl_reads_them(tmp_path, rows, date1904):
    book = openpyxl.Workbook()
    if date1904:
        book.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    sheet = book.active
    for r in rows:
        sheet.append([v.strip() if isinstance(v, str) else v for v in r])
    path = tmp_path / "book.xlsx"
    book.save(path)
    expected = []
    ro = openpyxl.load_workbook(path, read_only=True, data_only=True)
    for n, r in enumerate(ro.worksheets[0].iter_rows(values_only=True), 1):
        cells = [_openpyxl_text(v) for v in r]
        while cells and cells[-1] == "":
            cells.pop()
        if any(c.strip() for c in cells):
            expected.append((n, cells))
    ro.close()
    stream = xlsx_stream.XlsxStream(path)
    try:
        got = [(n, cells) for n, cells, _done in stream.rows()]
    finally:
        stream.close()
    assert got == expected


def test_iso_date_cells_read_as_days(tmp_path):
    cells = [xlsx_bombs.inline("A2", "DJI"), '<c r="B2" t="d"><v>2022-11-15T00:00:00</v></c>',
             '<c r="C2" t="d"><v>2022-11-15T10:30:00</v></c>']
    f = xlsx_bombs.write_book(tmp_path / "d.xlsx", [*xlsx_bombs.plain_rows(count=1),
                                                   xlsx_bombs.row(2, cells)])
    assert list(open_table(f).rows()) == [(2, ["DJI", "2022-11-15", "2022-11-15T10:30:00"])]
