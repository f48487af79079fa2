"""(helper-62) `export-ftm d.casefile -o victim.casefile` turned another case into JSON lines
with exit 0, and `export-pdf` did the same; `-o` naming a folder gave a raw "[Errno 21]" and
left a stray `.part` file (a whole dossier) behind. An export refuses a folder and any case
or SQLite database as its output, in one line, and leaves nothing behind."""

import shutil

import pytest

from casefile.cli import main


@pytest.mark.parametrize("verb", ["export-ftm", "export-pdf"])
def test_an_export_never_overwrites_another_case(demo, tmp_path, capsys, verb):
    victim = tmp_path / "victim.casefile"
    demo.close()
    shutil.copyfile(demo.path, victim)
    before = victim.read_bytes()
    assert main([verb, str(demo.path), "-o", str(victim)]) == 1
    err = capsys.readouterr().err
    assert "that file is a case or another SQLite database" in err and "Traceback" not in err
    assert victim.read_bytes() == before


@pytest.mark.parametrize("verb", ["export-ftm", "export-pdf"])
def test_an_export_to_a_folder_is_refused_and_leaves_nothing(demo, tmp_path, capsys, verb):
    folder = tmp_path / "adir"
    folder.mkdir()
    demo.close()
    assert main([verb, str(demo.path), "-o", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "that is a folder; give the name of a file in it" in err and "Errno" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["adir", "demo.casefile"]
    assert list(folder.iterdir()) == []


def test_an_export_still_replaces_an_earlier_export(demo, tmp_path):
    out = tmp_path / "d.ftm.json"
    out.write_text("an earlier export\n", "utf-8")
    demo.close()
    assert main(["export-ftm", str(demo.path), "-o", str(out)]) == 0
    assert out.read_text("utf-8").startswith("{")
