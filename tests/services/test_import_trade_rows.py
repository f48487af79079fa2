"""Rows of trade files as real exports write them. (look22) A Russian customs export writes
'1 250,500' kg (1,250.5) and '123,288' kg (123.288): they were read as 1,250,500 and
123,288 kg, a thousand times too heavy, while
'0,850' in the same column was read right — and the dossier printed 732,897 kg for fifty
drones. A number that groups its thousands with spaces has a decimal comma; a lone comma
before three digits is read as the file's other numbers write it, and the report says so.
Names a code page turned into question marks are said; a file of several batches imports
whole."""

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casefile.services.exchange.imports.number_reader import NumberReader
from casefile.services.exchange.imports.shipments import import_shipments
from casefile.services.exchange.imports.values import parse_number

HEADER = ["Отправитель", "Получатель", "Дата", "Код товара", "Описание товаров",
          "Вес брутто (кг)", "Таможенная стоимость", "Страна отправления"]


@pytest.mark.parametrize("text,value", [("1 250,500", 1250.5), ("1\u00a0755\u00a0034,1", 1755034.1),
                                        ("1 234", 1234.0), ("0,850", 0.85),
                                        ("123,288", 123288.0), ("1 234,5 кг", 1234.5)])
def test_spaces_grouping_thousands_make_the_comma_a_decimal_one(text, value):
    assert parse_number(text.removesuffix(" кг")) == value


@given(st.integers(min_value=1000, max_value=10**9), st.integers(min_value=0, max_value=999))
def test_a_russian_number_reads_back_whatever_its_size(whole, thousandths):
    """Written as Russian customs data writes a weight: thousands grouped by (non-breaking)
    spaces, three decimals after a comma."""
    grouped = f"{whole:,}".replace(",", "\u00a0")
    text = f"{grouped},{thousandths:03d}"
    assert parse_number(text) == pytest.approx(whole + thousandths / 1000)


def _reader(cells):
    return NumberReader(lambda: enumerate(cells, 2))


def test_the_files_other_numbers_tell_what_a_lone_comma_is():
    russian = _reader(["0,850", "123,288", "12,5"])
    assert russian.number("123,288") == pytest.approx(123.288)
    assert "decimal comma (123.288)" in russian.how and "row 2: '0,850'" in russian.how
    english = _reader(["1,234.50", "123,288"])
    assert english.number("123,288") == 123288.0 and "thousands comma" in english.how
    neither = _reader(["123,288", "5"])
    assert neither.number("123,288") == 123288.0
    assert "no number in the file shows which its comma is" in neither.how
    plain = _reader(["5", "12"])
    assert plain.number("12,5") == 12.5 and plain.how == ""  # nothing was ambiguous


def test_a_russian_customs_file_is_read_with_its_decimal_commas(case, tmp_path):
    out = io.StringIO()
    w = csv.writer(out, delimiter=";")
    w.writerow(HEADER)
    w.writerow(["ООО «СЕВЕРНЫЙ ВЕТЕР»", "ООО ВЕКТОР", "15.03.2023", "8806", "БПЛА", "123,288",
                "665 660,02", "CN"])
    w.writerow(["ООО «СЕВЕРНЫЙ ВЕТЕР»", "ООО ВЕКТОР", "16.03.2023", "8806", "БПЛА",
                "12 250,500", "12 345,67", "CN"])
    f = tmp_path / "dt.csv"
    f.write_bytes(out.getvalue().encode("cp1251"))
    report = import_shipments(case, f, accept_missing=True).result
    with case.read() as conn:
        got = conn.exec_driver_sql("SELECT weight_kg, value FROM shipment ORDER BY id").all()
    # (review23) the evidence is any number grouped by spaces, not only '0,850'
    assert [tuple(r) for r in got] == [(123.288, 665660.02), (12250.5, 12345.67)]
    assert any("read with a decimal comma (123.288)" in w for w in report.warnings)


def test_names_a_code_page_turned_into_question_marks_are_said(case, tmp_path):
    """(look22) A file saved in Windows-1251 turned Chinese and Turkish names into
    '???????????' and 'NEPTUNE DIS T?CARET A.?.': parties made of them, without a word. They
    are kept as written (the file says nothing else), and said."""
    out = io.StringIO()
    w = csv.writer(out, delimiter=";")
    w.writerow(HEADER)
    w.writerow(["???????????", "ООО ВЕКТОР", "15.03.2023", "8806", "БПЛА", "12,5", "100",
                "CN"])
    w.writerow(["NEPTUNE DIS T?CARET A.?.", "ООО ВЕКТОР", "16.03.2023", "8806", "БПЛА",
                "12,5", "100", "TR"])
    w.writerow(["Is it? Yes Ltd", "ООО ВЕКТОР", "17.03.2023", "8806", "БПЛА", "12,5", "100",
                "TR"])
    f = tmp_path / "dt.csv"
    f.write_bytes(out.getvalue().encode("cp1251"))
    report = import_shipments(case, f, accept_missing=True).result
    (said, n), = [(k, v) for k, v in report.warnings.items() if "names with '?'" in k]
    assert n == 2 and "column 'Отправитель'" in said


def test_a_file_of_several_batches_with_new_parties_in_each_imports_whole(case, tmp_path):
    """A trade file of more than one batch whose later batches make new parties failed with
    'UNIQUE constraint failed: citation.id' (shown as a bug): the shipments' citations,
    written beside the party writer, took the ids it had given its parties' citations. Every
    shipment and party is imported, each cited once, and one Undo takes it all back."""
    from casefile.services.case.integrity import check_case
    from casefile.services.exchange.imports.shipments import BATCH

    out = io.StringIO()
    w = csv.writer(out, delimiter=";")
    w.writerow(HEADER)
    rows = BATCH * 2 + 300
    for i in range(rows):
        w.writerow([f"ООО «ПОСТАВЩИК {i}»", f"Consignee {i % 997}", "15.03.2023", "8806",
                    "БПЛА", "12,5", "100", "CN"])
    f = tmp_path / "dt.csv"
    f.write_text(out.getvalue(), "utf-8")
    report = import_shipments(case, f, accept_missing=True).result
    assert report.shipments == rows
    with case.read() as conn:
        n = dict(conn.exec_driver_sql(
            "SELECT 'shipments', count(*) FROM citation WHERE shipment_id IS NOT NULL UNION "
            "SELECT 'parties', count(*) FROM citation WHERE entity_id IS NOT NULL").all())
    assert n == {"shipments": rows, "parties": rows + 997}
    assert check_case(case.path).ok
    case.undo()
    assert case.counts()["shipment"] == 0 and case.counts()["citation"] == 0
