"""(helper-62) `casefile import … --save-mapping "x/y"` imported the rows, then failed on the
name with exit 1 (a rerun was refused as already imported); `--report` naming a folder said
it wrote the report there; `casefile import … | head -1` finished the import and exited 1 on
"[Errno 32] Broken pipe". A command's exit status and words say what it did."""

import os
import subprocess
import sys

from casefile.cli import main
from casefile.services.case.facade import Case

CSV = ("ShipperName,ConsigneeName,ArrivalDate,HSCode,ProductDescription,CountryOfOrigin,"
       "DestinationCountry\nNORINCO,Tekhkrim LLC,June 2022,9303,hunting rifles,CN,RU\n"
       "DJI,Small distributor,2022-12-01,8806,drones,CN,RU\n")


def _files(tmp_path):
    case = tmp_path / "c.casefile"
    Case.new(case).close()
    f = tmp_path / "trade.csv"
    f.write_text(CSV, "utf-8")
    return case, f


def _shipments(case):
    with Case.open(case, readonly=True) as c:
        return c.counts()["shipment"]


def test_a_bad_mapping_name_is_refused_before_anything_is_imported(tmp_path, capsys):
    case, f = _files(tmp_path)
    assert main(["import", str(case), str(f), "--save-mapping", "x/y"]) != 0
    assert "mapping name" in capsys.readouterr().err
    assert _shipments(case) == 0  # nothing imported: the command can simply be run again
    assert main(["import", str(case), str(f), "--save-mapping", "mine"]) == 0


def test_a_report_into_a_folder_is_refused_before_the_import(tmp_path, capsys):
    case, f = _files(tmp_path)
    folder = tmp_path / "adir"
    folder.mkdir()
    assert main(["import", str(case), str(f), "--report", str(folder)]) == 1
    captured = capsys.readouterr()
    assert "that is a folder" in captured.err and "Wrote a line" not in captured.out
    assert _shipments(case) == 0


def test_a_reader_that_stops_early_does_not_make_a_done_import_fail(tmp_path):
    case, f = _files(tmp_path)
    r = subprocess.run(f"set -o pipefail; {sys.executable} -m casefile.cli import {case} {f}"
                       " | true",  # (a reader gone before the first line)
                       shell=True, capture_output=True, text=True, timeout=120,
                       env={**os.environ, "PYTHONUNBUFFERED": "1"},
                       executable="/bin/bash")
    assert r.returncode == 0, r.stderr  # (pipefail: the import's own status)
    assert "Broken pipe" not in r.stderr and "Traceback" not in r.stderr, r.stderr
    assert _shipments(case) == 2


def test_a_refused_import_piped_to_a_reader_gone_early_still_says_why_and_fails(tmp_path):
    """(review21) With its near matches printed into a closed pipe, a refused import exited
    0 and its 'nothing was imported' was lost."""
    case, f = _files(tmp_path)
    with Case.open(case) as c:
        c.create("entity", {"name": "Small distributor Ltd (Russia)"})
    r = subprocess.run(f"set -o pipefail; {sys.executable} -m casefile.cli import {case} {f}"
                       " | true", shell=True, capture_output=True, text=True, timeout=120,
                       env={**os.environ, "PYTHONUNBUFFERED": "1"}, executable="/bin/bash")
    assert r.returncode == 1 and "nothing was imported" in r.stderr, r.stderr
    assert _shipments(case) == 0


def test_a_refused_import_keeps_the_earlier_row_report(tmp_path, capsys):
    """(review21) A second run refused as already imported emptied the first run's row
    report to its header, and said it had written it."""
    case, f = _files(tmp_path)
    report = tmp_path / "rows.csv"
    assert main(["import", str(case), str(f), "--report", str(report)]) == 0
    first = report.read_bytes()
    assert first.count(b"\n") == 3  # its header and two rows
    capsys.readouterr()
    assert main(["import", str(case), str(f), "--report", str(report)]) == 1
    out = capsys.readouterr().out
    assert "Wrote a line" not in out and report.read_bytes() == first
    assert not list(tmp_path.glob(".rows.csv.part"))
