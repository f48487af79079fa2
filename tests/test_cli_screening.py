"""casefile watchlist import/list and casefile screen: what they print and their exit codes
(3 while flagged hits wait for a decision)."""

from casefile.cli import main
from casefile.cli_screening import EXIT_OPEN_HITS
from casefile.services.case.facade import Case
from casefile.services.case.screening_ops import decide
from casefile.services.screening.results import hits
from tests.support.watchlist import write_ftm


def test_import_list_screen_and_exit_codes(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    f = write_ftm(tmp_path / "entities.ftm.json")
    assert main(["watchlist", "import", str(f), "--name", "ofac"]) == 0
    out = capsys.readouterr()
    assert "CC BY-NC 4.0" in out.err and "ofac: 6 added" in out.out
    assert main(["watchlist", "list"]) == 0
    assert "ofac\t6 entries" in capsys.readouterr().out
    path = tmp_path / "c.casefile"
    with Case.new(path) as case:
        case.create("entity", {"name": "Sergey Chemezov", "kind": "person"})
        case.create("entity", {"name": "Nobody Particular", "kind": "person"})
    assert main(["screen", str(path)]) == EXIT_OPEN_HITS
    out = capsys.readouterr()
    assert "Screened 2 parties against ofac" in out.out
    assert "! hit 1  1.00  #1 Sergey Chemezov  ~  Sergei Viktorovich CHEMEZOV" in out.out
    assert "1 flagged hit(s)" in out.err
    with Case.open(path) as case:
        with case.read() as conn:
            (h,) = hits(conn)
        decide(case, [h.id], "match", "")
    assert main(["screen", str(path), "--watchlist", "ofac"]) == 0
    assert "match (" in capsys.readouterr().out
    assert main(["screen", str(path), "--watchlist", "nope"]) == 1
    assert "no watchlist called 'nope'" in capsys.readouterr().err


def test_hits_are_decided_from_the_command_line(tmp_path, monkeypatch, capsys):
    """(review) 'screen' kept exiting 3 while flagged hits waited, and nothing on the
    command line could decide them: 'decide' does, by the hit numbers 'screen' lists."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    main(["watchlist", "import", str(write_ftm(tmp_path / "e.ftm.json")), "--name", "ofac"])
    path = tmp_path / "c.casefile"
    with Case.new(path) as case:
        case.create("entity", {"name": "Sergey Chemezov", "kind": "person"})
        case.create("entity", {"name": "Foo Trading"},
                    {"identifier": [{"scheme": "INN", "value": "7707083893"}]})
    assert main(["screen", str(path)]) == EXIT_OPEN_HITS
    out = capsys.readouterr()
    assert "casefile decide" in out.err
    with Case.open(path) as case, case.read() as conn:
        ids = [h.id for h in hits(conn)]
    assert len(ids) == 2 and all(f"hit {i} " in out.out for i in ids)
    assert main(["decide", str(path), *map(str, ids), "--no-match"]) == 1  # needs a note
    assert "needs a note" in capsys.readouterr().err
    assert main(["decide", str(path), str(ids[0]), "--unsure"]) == 0
    capsys.readouterr()
    assert main(["decide", str(path), str(ids[0]), "--match"]) == 0
    out = capsys.readouterr().out
    assert "Decided match on 1 hit(s)" in out and "was decided unsure before; now match" in out
    assert main(["decide", str(path), str(ids[1]), "--no-match", "--note", "namesake"]) == 0
    assert main(["screen", str(path)]) == 0  # nothing waits
    with Case.open(path) as case:
        with case.read() as conn:
            assert sorted((h.verdict, h.note) for h in hits(conn)) == [
                ("match", ""), ("no_match", "namesake")]
    assert main(["decide", str(path), "999", "--unsure"]) == 1
    assert "there is no hit 999 in this case" in capsys.readouterr().err
    # (review) after another run, the earlier numbers are refused, the current one named
    assert main(["screen", str(path)]) == 0
    capsys.readouterr()
    with Case.open(path) as case, case.read() as conn:
        now = {h.list_key: h.id for h in hits(conn)}
    assert main(["decide", str(path), str(ids[0]), "--no-match", "--note", "x"]) == 1
    err = capsys.readouterr().err
    assert f"hit {ids[0]} is of an earlier screening run" in err
    assert any(f"are hit {i} now" in err for i in now.values())


def test_delete_a_watchlist_the_case_keeps_its_runs(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    f = write_ftm(tmp_path / "entities.ftm.json")
    assert main(["watchlist", "import", str(f), "--name", "ofac"]) == 0
    path = tmp_path / "c.casefile"
    with Case.new(path) as case:
        case.create("entity", {"name": "Sergey Chemezov", "kind": "person"})
    assert main(["screen", str(path)]) == EXIT_OPEN_HITS
    capsys.readouterr()
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert main(["watchlist", "delete", "ofac"]) == 1  # not asked in a script: --yes
    assert "say --yes to delete watchlist ofac (version 2024-05-01T10:00:00, 6 entries" \
        in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda _prompt: "n")
    assert main(["watchlist", "delete", "ofac"]) == 1
    assert "Nothing deleted" in capsys.readouterr().err
    monkeypatch.setattr("builtins.input", lambda _prompt: "y")
    assert main(["watchlist", "delete", "ofac"]) == 0
    assert "Deleted watchlist ofac (version 2024-05-01T10:00:00" in capsys.readouterr().out
    assert main(["watchlist", "list"]) == 0
    assert "No watchlists yet" in capsys.readouterr().err
    assert main(["watchlist", "delete", "ofac", "--yes"]) == 1
    assert "no watchlist called 'ofac'" in capsys.readouterr().err
    with Case.open(path) as case, case.read() as conn:
        (h,) = hits(conn)  # the run and its hit stay in the case
    assert h.list_caption == "Sergei Viktorovich CHEMEZOV"
    assert main(["export-pdf", str(path), "-o", str(tmp_path / "d.pdf")]) == 0
    import pypdf

    text = " ".join(p.extract_text() for p in pypdf.PdfReader(tmp_path / "d.pdf").pages)
    assert "Sergei Viktorovich CHEMEZOV" in " ".join(text.split())  # still printed


def test_progress_is_drawn_on_a_terminal_and_kept_out_of_logs(tmp_path, monkeypatch, capsys):
    """A pipe or a log gets the results, not a run of carriage returns ('0 of 2 parties1 of
    2 parties'); a terminal gets one line redrawn in place, ended before the results."""
    import io
    import sys

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    f = write_ftm(tmp_path / "entities.ftm.json")
    path = tmp_path / "c.casefile"
    with Case.new(path) as case:
        case.create("entity", {"name": "Sergey Chemezov", "kind": "person"})
        case.create("entity", {"name": "Nobody Particular", "kind": "person"})
    assert main(["watchlist", "import", str(f), "--name", "ofac"]) == 0
    assert main(["screen", str(path)]) == EXIT_OPEN_HITS
    err = capsys.readouterr().err
    assert "\r" not in err and "of 2 parties" not in err and "1 flagged hit(s)" in err

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    term = Terminal()
    monkeypatch.setattr(sys, "stderr", term)
    assert main(["screen", str(path)]) == EXIT_OPEN_HITS
    shown = term.getvalue()
    assert "\r2 of 2 parties\n" in shown  # redrawn in place, then ended
    assert shown.index("\r2 of 2 parties\n") < shown.index("1 flagged hit(s)")


def test_the_licence_is_said_of_data_loaded_not_before_a_failure(tmp_path, monkeypatch,
                                                                  capsys):
    """(look15) The licence paragraph was printed before every load, failed ones too."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    bad = tmp_path / "bin.csv"
    bad.write_bytes(bytes(range(256)) * 64)
    assert main(["watchlist", "import", str(bad), "--name", "b"]) == 1
    assert "CC BY-NC 4.0" not in capsys.readouterr().err
    assert main(["watchlist", "import", str(write_ftm(tmp_path / "e.ftm.json")), "--name",
                 "ofac"]) == 0
    assert "CC BY-NC 4.0" in capsys.readouterr().err
