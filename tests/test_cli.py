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
    assert status == 0 and "Would import 1 shipment from 1 row; 1 new party" in out
    assert "Possible match: 'Small distributor'" in out
    assert "Not found in the file: origin, destination (no column, no fixed value)" in out
    bad = tmp_path / "bad.csv"
    bad.write_text("ShipperName,ArrivalDate\nDJI,Jnue 2022\n", encoding="utf-8")
    status, out, err = run(capsys, "import", case, bad, "--accept-missing")
    assert status == 1 and "bad.csv, row 2, column 'ArrivalDate'" in err
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
    assert "1 new party," in capsys.readouterr().out
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
    assert rows[0] == ["row", "status", "what"]
    assert [r[:2] for r in rows[1:]] == [["3", "ok"], ["4", "problem"], ["5", "checked"]]
    assert "NORINCO (= existing #1" in rows[1][2] and "=HYPERLINK" in rows[1][2]
    assert "row 4, column 'Дата': February 2022 has 28 days" in rows[2][2]
    assert "Wrote a line for every row read" in capsys.readouterr().out


# -- issue 14: outputs never land on the case, demo --force, one-line errors ------------------
def _one_line(err):
    """stderr is one line, `casefile: ...`, and no traceback."""
    assert err.startswith("casefile: ") and err.count("\n") == 1, err
    assert "Traceback" not in err and "unexpected error" not in err, err
    return err


def _demo(tmp_path, name="d.casefile"):
    case = tmp_path / name
    assert main(["demo", str(case)]) == 0
    return case


@pytest.mark.parametrize("verb", ["export-pdf", "export-ftm"])
@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", ".lock", ".owner"])
def test_an_export_never_writes_over_the_case_or_its_files(tmp_path, capsys, verb, suffix):
    case = _demo(tmp_path)
    before = case.read_bytes()
    target = case.with_name(case.name + suffix)
    status, out, err = run(capsys, verb, case, "-o", target)
    assert status == 1 and "the case" in _one_line(err)
    assert case.read_bytes() == before and main(["check", str(case)]) == 0


@pytest.mark.parametrize("verb", ["export-pdf", "export-ftm"])
def test_an_export_never_writes_over_the_case_by_another_name(tmp_path, capsys, verb):
    case = _demo(tmp_path)
    before = case.read_bytes()
    (tmp_path / "out").mkdir()
    link = tmp_path / "out" / "dossier.pdf"
    link.symlink_to(case)
    twin = tmp_path / "out" / "twin.json"
    for target in (link, tmp_path / "out" / ".." / case.name):
        status, out, err = run(capsys, verb, case, "-o", target)
        assert status == 1 and "the case" in _one_line(err)
    link.unlink()
    import os

    os.link(case, twin)
    status, out, err = run(capsys, verb, case, "-o", twin)
    assert status == 1 and "the case" in _one_line(err)
    assert case.read_bytes() == before


def test_import_report_never_writes_over_the_case_or_the_file_read(tmp_path, capsys):
    case = _demo(tmp_path)
    f = tmp_path / "t.csv"
    text = "ShipperName,ConsigneeName,ProductDescription\nDJI,Tekhkrim,batteries\n"
    f.write_text(text, encoding="utf-8")
    before = case.read_bytes()
    for target in (case, f, case.with_name(case.name + "-wal")):
        status, out, err = run(capsys, "import", case, f, "--report", target)
        assert status == 1, err
        _one_line(err)
    assert case.read_bytes() == before and f.read_text(encoding="utf-8") == text
    assert main(["check", str(case)]) == 0


def test_export_csv_does_not_overwrite_files_unless_forced(tmp_path, capsys):
    case = _demo(tmp_path)
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "shipments.csv").write_text("my own notes")
    status, out, err = run(capsys, "export-csv", case, folder)
    assert status == 1 and "shipments.csv" in _one_line(err) and "--force" in err
    assert (folder / "shipments.csv").read_text() == "my own notes"
    assert sorted(p.name for p in folder.iterdir()) == ["shipments.csv"]  # nothing written
    status, out, err = run(capsys, "export-csv", case, folder, "--force")
    assert status == 0 and (folder / "shipments.csv").read_text(
        encoding="utf-8-sig").startswith("id,date")
    status, out, err = run(capsys, "export-csv", case, tmp_path)  # the case's own folder
    assert status == 0  # other files there are not in the way


def test_export_csv_into_the_case_itself_is_refused(tmp_path, capsys):
    case = _demo(tmp_path)
    before = case.read_bytes()
    status, out, err = run(capsys, "export-csv", case, case)
    assert status == 1
    _one_line(err)
    assert case.read_bytes() == before


def test_demo_force_never_deletes_a_case_someone_holds(tmp_path, capsys):
    from tests.store.files import held

    case = _demo(tmp_path)
    with held(case) as proc:
        before = case.read_bytes()
        status, out, err = run(capsys, "demo", case, "--force")
        assert status == 1 and f"process {proc.pid}" in _one_line(err)
        assert case.read_bytes() == before
    status, out, err = run(capsys, "demo", case, "--force")  # nobody holds it now
    assert status == 0 and main(["check", str(case)]) == 0


# -- damaged and resource-starved cases: one line, exit 1 ------------------------------------
def _sql(case, *statements):
    import sqlite3

    con = sqlite3.connect(case)
    for s in statements:
        con.execute(s)
    con.commit()
    con.close()


READERS = [("info",), ("check",), ("export-ftm", "-o", "out.json"),
           ("export-pdf", "-o", "out.pdf"), ("export-csv", "csv"), ("search", "DJI")]


def _every_reader_says_one_line(tmp_path, capsys, case, needle):
    for verb, *rest in READERS:
        rest = [str(tmp_path / r) if r.startswith(("out", "csv")) else r for r in rest]
        status, out, err = run(capsys, verb, case, *rest)
        assert status == 1, (verb, out, err)
        if verb == "check" and not err:  # or `check` lists what it found
            assert "PROBLEM: " in out and needle in out, out
            continue
        assert needle in _one_line(err), (verb, err)


def test_a_case_with_a_missing_table_is_one_line(tmp_path, capsys):
    case = _demo(tmp_path)
    _sql(case, "DROP TABLE shipment")
    _every_reader_says_one_line(tmp_path, capsys, case, "shipment")


def test_a_case_without_its_version_row_is_one_line(tmp_path, capsys):
    case = _demo(tmp_path)
    _sql(case, "DELETE FROM alembic_version")
    before = case.read_bytes()
    _every_reader_says_one_line(tmp_path, capsys, case, "schema version")
    status, out, err = run(capsys, "import", case, tmp_path / "none.csv")
    assert status == 1 and "schema version" in _one_line(err)
    assert case.read_bytes() == before


def test_a_half_created_case_is_one_line(tmp_path, capsys):
    """What an older Casefile left when killed in `new`: the id, some tables, no version."""
    import sqlite3

    from casefile.store.database import APPLICATION_ID

    case = tmp_path / "half.casefile"
    con = sqlite3.connect(case)
    con.execute(f"PRAGMA application_id={APPLICATION_ID}")
    con.execute("CREATE TABLE audit_log (id INTEGER NOT NULL, at VARCHAR NOT NULL, "
                "PRIMARY KEY (id))")
    con.execute("CREATE TABLE case_info (id INTEGER NOT NULL, PRIMARY KEY (id))")
    con.commit()
    con.close()
    before = case.read_bytes()
    _every_reader_says_one_line(tmp_path, capsys, case, "half-created")
    assert case.read_bytes() == before


def test_a_malformed_case_is_one_line(tmp_path, capsys):
    case = _demo(tmp_path)
    data = bytearray(case.read_bytes())
    page = 4096
    for start in range(2 * page, len(data) - page, 3 * page):  # pages in the middle
        data[start + 16:start + page - 16] = b"\xa5" * (page - 32)
    case.write_bytes(bytes(data))
    _every_reader_says_one_line(tmp_path, capsys, case, "damaged")


def test_a_full_disk_is_one_line_and_changes_nothing(tmp_path, capsys):
    from tests.store.files import fill, small_disk

    with small_disk(tmp_path / "disk", "8m") as disk:
        case = disk / "d.casefile"
        assert main(["demo", str(case)]) == 0
        f = tmp_path / "t.csv"
        f.write_text("ShipperName,ConsigneeName,ProductDescription\n" + "".join(
            f"Shipper {i} {'x' * 300},Consignee {i} {'y' * 300},goods {i} {'z' * 300}\n"
            for i in range(4000)), encoding="utf-8")
        status, before, err = run(capsys, "info", case)
        fill(disk, leave=256 << 10)
        status, out, err = run(capsys, "import", case, f, "--keep-all-apart",
                                  "--accept-missing")
        assert status == 1 and "disk is full" in _one_line(err)
        (disk / "filler.bin").unlink()
        fill(disk, leave=0)
        status, out, err = run(capsys, "export-ftm", case, "-o", disk / "out.json")
        assert status == 1 and "disk is full" in _one_line(err)
        status, out, err = run(capsys, "new", disk / "n.casefile")
        assert status == 1 and "disk is full" in _one_line(err)
        assert sorted(p.name for p in disk.iterdir()) == ["d.casefile", "filler.bin"]
        (disk / "filler.bin").unlink()
        assert main(["check", str(case)]) == 0
        assert run(capsys, "info", case)[1] == before


def test_import_ftm_of_deeply_nested_json_is_one_line(tmp_path, capsys):
    case = _demo(tmp_path)
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 200_000 + "]" * 200_000)
    status, out, err = run(capsys, "import-ftm", case, deep)
    assert status == 1 and "deep.json" in _one_line(err) and "nested" in err
    lines = tmp_path / "deep.ftm.json"
    lines.write_text('{"id": "a", "schema": "Company", "properties": {"name": ["A"]}}\n'
                     + '{"x": ' + "[" * 200_000 + "]" * 200_000 + "}\n")
    status, out, err = run(capsys, "import-ftm", case, lines)
    assert status == 1 and "line 2" in _one_line(err) and "nested" in err


def test_import_ftm_reads_a_large_json_array_as_a_stream(tmp_path, capsys):
    """A 15 MB array: the records are read one by one, never the whole file at once."""
    import json
    import tracemalloc

    case = _demo(tmp_path)
    f = tmp_path / "big.json"
    filler = "n" * 15_500  # a property Casefile does not keep
    with f.open("w", encoding="utf-8") as out:
        out.write("[\n")
        for i in range(1000):
            rec = {"id": f"e{i}", "schema": "Company",
                   "properties": {"name": [f"Company {i}"], "indexText": [filler]}}
            out.write(("," if i else "") + json.dumps(rec) + "\n")
        out.write("]\n")
    size = f.stat().st_size
    assert size > 15_000_000
    # the importer's modules (and the FtM model they load) are not part of reading the file
    import casefile.services.exchange.imports.ftm  # noqa: F401
    tracemalloc.start()
    try:
        status, out, err = run(capsys, "import-ftm", case, f, "--dry-run")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert status == 0, err
    assert "Would import 1,000 parties from 1,000 records of big.json." in out
    assert peak < size / 2, f"peak {peak:,} bytes for a {size:,}-byte file"
    bad = tmp_path / "bad.json"
    bad.write_text('[\n{"id": "a", "schema": "Company", "properties": {"name": ["A"]}},\n'
                   '{"id": "b", "schema": "Company", "properties": {"name": ["B"]}\n]\n')
    status, out, err = run(capsys, "import-ftm", case, bad)
    assert status == 1 and "bad.json, line 4" in _one_line(err)


def test_dry_runs_say_what_their_preview_lists(tmp_path, capsys):
    """A trade-data preview lists rows; an FtM preview lists the parties it reads (its
    sanctions and links are counted above it), each saying when it shows only the first."""
    import json

    case = _demo(tmp_path)
    f = tmp_path / "t.csv"
    f.write_text("ShipperName,ConsigneeName,ArrivalDate,ProductDescription\n" + "".join(
        f"Shipper {i},Consignee {i},15.11.2022,batteries\n" for i in range(25)), "utf-8")
    status, out, _err = run(capsys, "import", case, f, "--dry-run", "--accept-missing")
    assert status == 0 and "What each row creates (first 20 of 25 rows):" in out
    ents = [{"id": f"c{i}", "schema": "Company", "properties": {"name": [f"Volga {i}"]}}
            for i in range(25)]
    ents.append({"id": "s", "schema": "Sanction", "properties": {"entity": ["c1"],
                                                                "authority": ["OFAC"]}})
    g = tmp_path / "e.json"
    g.write_text("".join(json.dumps(e) + "\n" for e in ents), "utf-8")
    status, out, _err = run(capsys, "import-ftm", case, g, "--dry-run")
    assert status == 0 and "The parties it reads (first 20 of 25):" in out
    assert "Would import 25 parties and 1 sanction from 26 records of e.json." in out


class _Terminal:
    """A terminal's stderr: what is written, and isatty() true."""

    def __init__(self):
        import io

        self.buf = io.StringIO()

    def write(self, text):
        return self.buf.write(text)

    def flush(self):
        pass

    def isatty(self):
        return True


def test_long_verbs_show_progress_on_a_terminal_only(tmp_path, capsys, monkeypatch):
    """import-ftm and export-pdf draw one line of progress on a terminal, ended before the
    results; piped (as here under capsys) they print the results alone."""
    import json
    import sys

    case, f = tmp_path / "c.casefile", tmp_path / "e.ftm.json"
    f.write_text("".join(json.dumps({"id": f"p{i}", "schema": "Company", "properties": {
        "name": [f"Company {i}"]}}) + "\n" for i in range(2500)), encoding="utf-8")
    assert main(["new", str(case)]) == 0
    status, _out, err = run(capsys, "import-ftm", case, f, "--dry-run")
    assert status == 0 and "\r" not in err and "%" not in err
    term = _Terminal()
    monkeypatch.setattr(sys, "stderr", term)
    assert main(["import-ftm", str(case), str(f)]) == 0
    assert main(["export-pdf", str(case), "-o", str(tmp_path / "d.pdf")]) == 0
    shown = term.buf.getvalue()
    lines = shown.split("\n")
    # the import's, redrawn in place, saying what it reads, then what it writes (look27)
    assert re.match(r"\r +\d+% Reading parties and sources: [\d,]+ records", lines[0])
    assert lines[0].split("\r")[-1].rstrip().endswith(
        "% 2,500 records read; writing the search index and the row digests…")
    assert re.search(r"\r +\d+% Laying out pages", lines[1])  # the dossier's
    assert lines[2:] == [""]  # each ended once


def test_search_limit_is_one_or_more_and_progress_stays_within_0_and_100(tmp_path, capsys,
                                                                         monkeypatch):
    """(review17) '--limit 0' printed nothing and said more matched; a progress of more
    than its total drew '140%'."""
    import sys

    from casefile.cli_progress import Progress

    path = tmp_path / "d.casefile"
    assert main(["demo", str(path)]) == 0
    with pytest.raises(SystemExit) as exit_:
        main(["search", str(path), "Tekhkrim", "--limit", "0"])
    assert exit_.value.code == 2 and "it must be 1 or more" in capsys.readouterr().err
    term = _Terminal()
    monkeypatch.setattr(sys, "stderr", term)
    progress = Progress()
    progress(7, 5, "over")
    progress(1, -2, "negative")
    progress.end()
    assert term.buf.getvalue().split("\r")[1:] == ["100% over", "  0% negative\n"]


def test_the_window_without_a_display_is_refused_in_one_line(tmp_path):
    """(helper-62) `casefile` on a machine without a display aborted with exit 134 and Qt's
    message about plugins; it says why in one line and exits 1."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    r = subprocess.run([sys.executable, "-m", "casefile.cli"], capture_output=True, text=True,
                       timeout=120, env={**env, "HOME": str(tmp_path)})
    assert r.returncode == 1, r.stderr
    assert r.stderr.startswith("casefile: there is no display to open the window on")
    assert len(r.stderr.strip().splitlines()) == 1


def test_search_prints_one_line_a_hit(tmp_path, capsys):
    """(helper-62) A goods description with line breaks broke `casefile search`'s one line
    a hit, and a 4,000-character one was printed whole."""
    from casefile.cli import main
    from casefile.services.case.facade import Case

    path = tmp_path / "c.casefile"
    with Case.new(path) as case:
        a = case.create("entity", {"name": "NORINCO"}).result
        b = case.create("entity", {"name": "Tekhkrim"}).result
        goods = "hunting rifles\nmodel X\tcal. 7.62\n" + "spare parts " * 400
        case.create("shipment", {"shipper_id": a, "consignee_id": b, "date": "2022-06",
                                 "declared_goods": goods})
    capsys.readouterr()
    assert main(["search", str(path), "rifles"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1 and lines[0].count("\t") == 3
    assert "hunting rifles model X cal. 7.62" in lines[0] and len(lines[0]) < 500


def test_every_verb_says_what_each_of_its_arguments_is():
    """(helper-62) The help of most verbs listed 'path', 'file', 'folder' and 'pdf' with no
    word of what they are, and `export-ftm -o` had none either."""
    import argparse

    from casefile.cli import _parser

    parser = _parser()
    assert "casefile CASE.casefile" in parser.format_help()
    def verbs(p, prefix=""):  # every verb, nested ones too ('watchlist delete')
        for a in p._actions:
            if isinstance(a, argparse._SubParsersAction):
                for verb, child in a.choices.items():
                    yield f"{prefix}{verb}", child
                    yield from verbs(child, f"{prefix}{verb} ")

    bare = [(verb, a.dest) for verb, p in verbs(parser) for a in p._actions
            if a.help is None
            and not isinstance(a, argparse._HelpAction | argparse._SubParsersAction)
            and (not a.option_strings or a.required)]
    assert bare == []


def test_a_progress_line_stays_within_the_terminal(monkeypatch):
    """A line wider than the terminal wraps, and '\\r' then redraws only its last part:
    the progress line is cut to the terminal's width (look27's longer phase words)."""
    import sys

    from casefile.cli_progress import Progress

    term = _Terminal()
    monkeypatch.setattr(sys, "stderr", term)
    monkeypatch.setenv("COLUMNS", "40")
    progress = Progress()
    progress(3, 4, "Reading sanctions, relationships, shipments and events: 60,000 records")
    line = term.buf.getvalue()
    assert line.startswith("\r 75% Reading sanctions") and line.endswith("…")
    assert len(line) - 1 == 39  # within 40 columns, the cursor's too
