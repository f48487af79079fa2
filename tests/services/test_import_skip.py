"""All or nothing stays the default; on request the good rows are imported and every
skipped row is recorded with its problems: in the report, the row report and the case."""

import csv

import pytest

from casefile.cli import main
from casefile.errors import ImportFailed
from casefile.services.exchange.imports.shipments import import_shipments

HEADER = "Shipper,Consignee,Date,Goods,Country of origin,Country of destination\n"
ROWS = ("Norinco,Tekhkrim,June 2022,rifles,China,Russia\n"
        "DJI,Altyn,Jnue 2022,drones,China,Kazakhstan\n"  # a date nobody can read
        "DJI,Altyn,2022-07-01,batteries,Atlantis,Kazakhstan\n"  # a country that is none
        "Sky Tech,Vostok,2022-08-01,optics,Hong Kong,Russia\n")


def trade(tmp_path, rows=ROWS):
    f = tmp_path / "trade.csv"
    f.write_text(HEADER + rows, encoding="utf-8")
    return f


def test_without_asking_one_bad_row_stops_everything(case, tmp_path):
    with pytest.raises(ImportFailed):
        import_shipments(case, trade(tmp_path))
    assert case.counts()["shipment"] == 0


def test_skipping_imports_the_good_rows_and_records_the_others(case, tmp_path):
    report = import_shipments(case, trade(tmp_path), skip_bad_rows=True).result
    assert report.shipments == 2
    assert [line for line, _p in report.skipped] == [3, 4]
    assert "jnue" in report.skipped[0][1][0].lower()
    assert "Atlantis" in report.skipped[1][1][0]
    with case.read() as conn:
        goods = [r[0] for r in conn.exec_driver_sql(
            "SELECT declared_goods FROM shipment ORDER BY id")]
        notes = conn.exec_driver_sql(
            "SELECT notes FROM source WHERE title LIKE '%trade.csv%'").scalar()
    assert goods == ["rifles", "optics"]
    assert "2 rows skipped on request" in notes
    assert "row 3:" in notes and "row 4:" in notes and "Atlantis" in notes
    case.undo()  # one step, as any import
    assert case.counts()["shipment"] == 0 and case.counts()["source"] == 0


def test_a_dry_run_says_what_it_would_skip_and_writes_nothing(case, tmp_path):
    report = import_shipments(case, trade(tmp_path), dry_run=True, skip_bad_rows=True).result
    assert report.shipments == 2 and len(report.skipped) == 2
    assert case.counts()["shipment"] == 0


def test_a_file_of_bad_rows_only_is_still_refused(case, tmp_path):
    f = trade(tmp_path, "DJI,Altyn,Jnue 2022,drones,China,Kazakhstan\n")
    with pytest.raises(ImportFailed, match="every row has problems"):
        import_shipments(case, f, skip_bad_rows=True)
    assert case.counts()["source"] == 0


def test_cli_skips_on_request_and_the_row_report_lists_every_row(tmp_path, capsys):
    path = tmp_path / "c.casefile"
    assert main(["new", str(path)]) == 0
    f, rows = trade(tmp_path), tmp_path / "rows.csv"
    assert main(["import", str(path), str(f)]) == 1
    assert "--skip-bad-rows" in capsys.readouterr().err
    assert main(["import", str(path), str(f), "--skip-bad-rows", "--report", str(rows)]) == 0
    out = capsys.readouterr().out
    assert "Skipped 2 rows with problems:" in out and "row 4:" in out
    with rows.open(encoding="utf-8-sig", newline="") as fh:
        status = {int(r["row"]): r["status"] for r in csv.DictReader(fh)}
    assert status == {2: "ok", 3: "problem", 4: "problem", 5: "ok"}


def test_a_dry_run_of_a_file_with_bad_rows_shows_what_it_read_then_why_it_would_stop(
        tmp_path, capsys):
    """(look24) --dry-run on a file with bad rows printed the problems only: not the columns
    it recognised nor what the good rows would make — what a dry run is for."""
    path = tmp_path / "c.casefile"
    assert main(["new", str(path)]) == 0
    assert main(["import", str(path), str(trade(tmp_path)), "--dry-run"]) == 1
    out, err = capsys.readouterr()
    assert "Columns: " in out and "shipper <- 'Shipper'" in out
    assert "What each row creates" in out and "Norinco (new) → Tekhkrim (new)" in out
    assert "row 3" in err and "Atlantis" in err
    assert "the import of trade.csv would fail; the case is unchanged" in err


def test_a_fixed_source_names_the_vendor_of_the_file(case, tmp_path, capsys):
    f = trade(tmp_path, "Norinco,Tekhkrim,June 2022,rifles,China,Russia\n")
    import_shipments(case, f, constants={"source_publisher": "ImportGenius"})
    with case.read() as conn:
        publisher = conn.exec_driver_sql(
            "SELECT publisher FROM source WHERE title LIKE '%trade.csv%'").scalar()
    assert publisher == "ImportGenius"
    other = tmp_path / "o.casefile"  # the CLI takes the short name
    assert main(["new", str(other)]) == 0
    assert main(["import", str(other), str(f), "--set", "source=Panjiva"]) == 0
    from casefile.services.case.facade import Case
    with Case.open(other, readonly=True) as c2, c2.read() as conn:
        assert conn.exec_driver_sql("SELECT publisher FROM source").scalar() == "Panjiva"
    # it describes the file, not a row: no column may feed it
    from casefile.errors import MappingError
    with pytest.raises(MappingError, match="describes the whole file"):
        import_shipments(case, f, {"source_publisher": "Shipper", "shipper": "Shipper"},
                         again=True)


@pytest.mark.parametrize("name,text,said", [
    ("targets.simple.csv", "id,schema,name,aliases,birth_date,countries\n"
     "NK-1,Company,LLC CST,,,ru\n", "as OpenSanctions' targets.simple.csv"),
    ("entities.ftm.json", '{"id": "NK-1", "schema": "Company", "properties": {"name": '
     '["LLC CST"]}}\n', "FollowTheMoney entities"),
    ("pretty.json", '[\n  {\n    "id": "NK-1",\n    "schema": "Company"\n  }\n]\n',
     "FollowTheMoney entities"),  # (review26) pretty-printed, a yente response
    ("statements.csv", "id,entity_id,canonical_id,prop,prop_type,schema,value,dataset\n"
     "s1,NK-1,NK-1,name,name,Company,LLC CST,ru_cst\n", "FollowTheMoney statements"),
])
def test_a_file_of_entities_given_as_shipments_is_pointed_to_its_import(case, tmp_path, name,
                                                                        text, said):
    """(look25) Both were answered 'no column could be matched to a shipper, consignee or
    goods', which never said where such a file goes."""
    from casefile.errors import MappingError

    path = tmp_path / name
    path.write_text(text, "utf-8")
    with pytest.raises(MappingError) as raised:
        import_shipments(case, path)
    assert said in str(raised.value) and "casefile import-ftm" in str(raised.value)
