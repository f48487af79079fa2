"""The casefile command, run in this process (``main([...])`` and capsys). What needs a real
process — the imports of ``--version``, exit status 70 — is in tests/test_errors.py."""

import re

import pytest

from casefile import __version__
from casefile.cli import main


def run(capsys, *args):
    """main(args) -> (exit status, stdout, stderr)."""
    capsys.readouterr()
    status = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return status, out, err


def test_demo_info_search_check(tmp_path, capsys):
    path = tmp_path / "d.casefile"
    assert main(["demo", str(path)]) == 0
    assert main(["info", str(path)]) == 0
    out = capsys.readouterr().out
    assert "TLP:GREEN" in out and "Shipments:" in out and "Schema:" in out
    assert re.search(r"Digest: +[0-9a-f]{64}", out)
    assert main(["search", str(path), "Техкрим"]) == 0
    assert "Tekhkrim" in capsys.readouterr().out
    assert main(["check", str(path)]) == 0
    assert capsys.readouterr().out.strip().endswith("OK")


def test_demo_refuses_to_overwrite(tmp_path, capsys):
    path = tmp_path / "d.casefile"
    path.write_text("precious")
    status, out, err = run(capsys, "demo", path)
    assert status == 1 and err == f"casefile: {path} exists (use --force to replace it)\n"
    assert path.read_text() == "precious"


def test_errors_go_to_stderr_with_nonzero_status(tmp_path, capsys):
    bad = tmp_path / "x.casefile"
    bad.write_text("not a case")
    status, out, err = run(capsys, "info", bad)
    assert status == 1 and out == ""
    assert err == "casefile: x.casefile is not a Casefile case (it is not an SQLite database)\n"
    status, out, err = run(capsys, "check", tmp_path / "missing.casefile")
    assert status == 1 and "does not exist" in err


def test_new_with_unknown_marking_is_refused(tmp_path, capsys):
    status, out, err = run(capsys, "new", tmp_path / "n.casefile", "--marking", "ORANGE")
    assert status == 1 and err.startswith("casefile: marking: Unknown TLP label 'ORANGE'")
    assert not (tmp_path / "n.casefile").exists()


def test_version(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0 and capsys.readouterr().out == f"casefile {__version__}\n"


def test_usage_errors_exit_2(tmp_path, capsys):
    with pytest.raises(SystemExit) as info:
        main(["no-such-verb"])
    assert info.value.code == 2 and "invalid choice" in capsys.readouterr().err
    case = tmp_path / "d.casefile"
    assert main(["new", str(case)]) == 0
    status, out, err = run(capsys, "import", case, tmp_path / "t.csv", "--accept", "DJI")
    assert status == 2 and "--accept takes NAME=ID" in err


def test_import_verb_dry_run_and_errors(tmp_path, capsys):
    case = tmp_path / "d.casefile"
    assert main(["demo", str(case)]) == 0
    f = tmp_path / "t.csv"
    f.write_text("ShipperName,ConsigneeName,ArrivalDate,ProductDescription\n"
                 "DJI,Small distributor,15.11.2022,batteries\n", encoding="utf-8")
    status, out, err = run(capsys, "import", case, f, "--dry-run")
    assert status == 0 and "Would import 1 shipments" in out
    assert "Possible match: 'Small distributor'" in out
    assert "Not found in the file: origin, destination (no column, no fixed value)" in out
    bad = tmp_path / "bad.csv"
    bad.write_text("ShipperName,ArrivalDate\nDJI,Jnue 2022\n", encoding="utf-8")
    status, out, err = run(capsys, "import", case, bad, "--accept-missing")
    assert status == 1 and "bad.csv, line 2, column 'ArrivalDate'" in err
    assert "Not found in the file: consignee, goods, origin, destination" in err
    assert err.splitlines()[-1] == "casefile: the import of bad.csv failed; the case is unchanged"
    status, out, err = run(capsys, "import", case, f, "--mapping", "no such mapping")
    assert status == 1
    assert err == "casefile: No saved mapping called 'no such mapping' (and no such file)\n"
    status, out, err = run(capsys, "export-csv", case, tmp_path / "csv")
    assert status == 0 and (tmp_path / "csv" / "shipments.csv").exists()


def _demo_and_file(tmp_path, text):
    """A fresh demo case and a trade-data file beside it."""
    case = tmp_path / "d.casefile"
    assert main(["demo", str(case)]) == 0
    f = tmp_path / "t.csv"
    f.write_text(text, encoding="utf-8")
    return case, f


def test_import_stops_for_near_matches_until_each_is_decided(tmp_path, capsys):
    case, f = _demo_and_file(tmp_path, "ShipperName,ConsigneeName,ProductDescription\n"
                                       "DJI,Small distributor,batteries\n"
                                       "NORINCO,Small distributor,rifles\n")
    capsys.readouterr()
    # (a file without dates or countries: accepted as such, near matches are the point here)
    assert main(["import", str(case), str(f), "--accept-missing"]) == 1  # undecided
    captured = capsys.readouterr()
    assert "Possible match: 'Small distributor' looks like entity 4" in captured.out
    assert "--accept 'NAME=ID'" in captured.err and "nothing was imported" in captured.err
    assert main(["info", str(case)]) == 0 and "Shipments:     4" in capsys.readouterr().out
    assert main(["import", str(case), str(f), "--keep-apart", "Small distributor",
                 "--accept-missing"]) == 0
    assert "1 new parties" in capsys.readouterr().out
    assert main(["import", str(case), str(f), "--accept", "Small distributor=4",
                 "--accept-missing"]) == 1
    assert "already imported" in capsys.readouterr().err  # the same file, twice: refused
    assert main(["import", str(case), str(f), "--accept", "Small distributor=4",
                 "--again", "--accept-missing"]) == 0
    out = capsys.readouterr().out
    assert "0 new parties" in out and "Possible match" not in out
    assert main(["info", str(case)]) == 0
    assert "Shipments:     8" in capsys.readouterr().out


def test_import_report_has_a_line_for_every_row(tmp_path, capsys):
    import csv

    case, f = _demo_and_file(tmp_path, "Export of declarations;;;\n"
                             "Отправитель/Экспортер;Получатель;Дата;Описание товаров\n"
                             "NORINCO;Tekhkrim;05.06.2022;=HYPERLINK(\"http://x\")\n"
                             "DJI;Small distributor;31.02.2022;drones\n"
                             "DJI;Small distributor;late 2022;drones\n")
    out = tmp_path / "rows.csv"
    assert main(["import", str(case), str(f), "--dry-run", "--report", str(out)]) == 1
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["line", "status", "what"]
    assert [r[:2] for r in rows[1:]] == [["3", "ok"], ["4", "problem"], ["5", "checked"]]
    assert "NORINCO (= existing #1" in rows[1][2] and "=HYPERLINK" in rows[1][2]
    assert "line 4, column 'Дата': February 2022 has 28 days" in rows[2][2]
    assert "Wrote a line for every row read" in capsys.readouterr().out
