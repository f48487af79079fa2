"""Dates in imported trade data: the order of day and month in slashed dates is the user's
setting or is guessed per file from the rows that read only one way, and the report says how it
was decided; a date that cannot be read is a problem with its file, line and column."""

import pytest

from casefile.cli import main
from casefile.errors import ImportFailed
from casefile.services.exchange.imports.shipments import import_shipments
from casefile.services.exchange.imports.values import (
    DateReader,
    ValueProblem,
    guess_date_order,
    parse_date,
)

HEADER = "ShipperName,ConsigneeName,ArrivalDate,ProductDescription\n"


def trade_file(tmp_path, dates, name="t.csv"):
    f = tmp_path / name
    f.write_text(HEADER + "".join(f"Exporter {i},Importer {i},{d},parts\n"
                                  for i, d in enumerate(dates)), encoding="utf-8")
    return f


def stored_dates(case):
    with case.read() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(
            "SELECT date_text, date_start, date_edtf FROM shipment ORDER BY id")]


def test_guess_from_the_rows_that_read_one_way():
    order = guess_date_order([(2, "03/04/2022"), (3, "15/06/2022"), (4, "20/07/2022")])
    assert order.day_first is True
    assert order.how.startswith("day first, guessed from the file: 2 rows")
    assert "row 3: '15/06/2022'" in order.how
    order = guess_date_order([(2, "06/15/2022"), (3, "01/02/2022")])
    assert order.day_first is False and "row 2: '06/15/2022'" in order.how


def test_no_guess_from_a_file_that_shows_both_orders_or_neither():
    both = guess_date_order([(2, "15/06/2022"), (3, "06/15/2022")])
    assert both.day_first is None and "row 2" in both.how and "row 3" in both.how
    neither = guess_date_order([(2, "03/04/2022"), (3, "12.07.2022"), (4, "June 2022")])
    assert neither.day_first is None and neither.how.startswith("not guessed")


def test_parse_date_takes_the_order():
    assert parse_date("03/04/2022", day_first=True).edtf == "2022-04-03"
    assert parse_date("03/04/2022", day_first=False).edtf == "2022-03-04"
    with pytest.raises(ValueProblem, match="3 April 2022 .day first. or 4 March 2022"):
        parse_date("03/04/2022")
    assert parse_date("  ") is None


def test_a_file_is_scanned_again_only_when_a_date_reads_two_ways():
    def scan():
        raise AssertionError("the file was read again")

    reader = DateReader(None, scan)
    for text in ("15/06/2022", "2022-06-15", "12.07.2022", "June 2022", "04/04/2022"):
        assert reader.parse(text) is not None
    assert reader.how().startswith("no date in the file reads two ways")
    scans = []
    reader = DateReader(None, lambda: scans.append(1) or [(2, "31/01/2022")])
    assert reader.parse("03/04/2022").edtf == "2022-04-03"
    assert reader.parse("05/06/2022").edtf == "2022-06-05"
    assert scans == [1]  # guessed once for the whole file


def test_import_guesses_day_first_and_the_dry_run_says_so(case, tmp_path):
    f = trade_file(tmp_path, ["03/04/2022", "15/06/2022", "2022-07-01"])
    report = import_shipments(case, f, dry_run=True).result
    assert report.date_order.startswith("day first, guessed from the file: 1 row")
    assert "row 3: '15/06/2022'" in report.date_order
    assert report.preview[0].startswith("row 2: 03/04/2022 [2022-04-03]")
    import_shipments(case, f, accept_missing=True)
    assert [d[1] for d in stored_dates(case)] == ["2022-04-03", "2022-06-15", "2022-07-01"]


def test_the_setting_overrides_the_guess(case, tmp_path):
    f = trade_file(tmp_path, ["03/04/2022", "15/06/2022"])
    report = import_shipments(case, f, day_first=False, accept_missing=True).result
    assert report.date_order == "month first, as set for this import"
    assert [d[1] for d in stored_dates(case)] == ["2022-03-04", "2022-06-15"]


@pytest.mark.parametrize("dates,why", [
    (["03/04/2022", "05/06/2022"], "no date in the file shows whether"),
    (["15/06/2022", "06/15/2022", "03/04/2022"], "only day first (1, row 2"),
])
def test_an_undecided_order_refuses_the_rows_that_read_two_ways(case, tmp_path, dates, why):
    f = trade_file(tmp_path, dates)
    with pytest.raises(ImportFailed) as info:
        import_shipments(case, f, accept_missing=True)
    report = info.value.report
    line = 2 + dates.index("03/04/2022")
    problem = next(p for p in report.problems if p.startswith(f"t.csv, row {line},"))
    assert "column 'ArrivalDate'" in problem
    assert "3 April 2022 (day first)" in problem and "4 March 2022 (month first)" in problem
    assert why in problem and why in report.date_order
    assert stored_dates(case) == []


def test_a_date_that_used_to_crash_the_import_is_a_problem_with_its_place(case, tmp_path):
    f = trade_file(tmp_path, ["2021-02-29~", "156X-09-31", "June 2022"])
    with pytest.raises(ImportFailed) as info:
        import_shipments(case, f, accept_missing=True)
    assert info.value.report.problems == [
        "t.csv, row 2, column 'ArrivalDate': February 2021 has 28 days, not 29",
        "t.csv, row 3, column 'ArrivalDate': September has 30 days, not 31"]


def test_cli_day_first_month_first_and_the_dry_run_report(tmp_path, capsys):
    case = tmp_path / "c.casefile"
    assert main(["new", str(case)]) == 0
    f = trade_file(tmp_path, ["03/04/2022", "05/06/2022"])
    capsys.readouterr()
    assert main(["import", str(case), str(f), "--accept-missing", "--dry-run"]) == 1
    err = capsys.readouterr().err
    assert "Dates: not guessed" in err and "(--day-first or --month-first)" in err
    assert main(["import", str(case), str(f), "--accept-missing", "--dry-run",
                 "--month-first"]) == 0
    out = capsys.readouterr().out
    assert "Dates: month first, as set for this import" in out
    assert "row 2: 03/04/2022 [2022-03-04]" in out
    assert main(["import", str(case), str(f), "--accept-missing", "--day-first"]) == 0
    assert "Dates: day first, as set" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["import", str(case), str(f), "--day-first", "--month-first"])
