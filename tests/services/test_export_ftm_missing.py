"""FollowTheMoney export where the FtM libraries are missing (the built app leaves them out):
the message says what this user can do, and nothing is written."""

import sys

import pytest

from casefile.cli import main
from casefile.errors import CasefileError
from casefile.paths import is_frozen
from casefile.services.exchange.export_ftm import export_ftm


@pytest.fixture
def no_ftm(monkeypatch):
    monkeypatch.setitem(sys.modules, "followthemoney", None)  # import raises ImportError


def _refused(case, out) -> str:
    with pytest.raises(CasefileError) as err:
        export_ftm(case, out)
    assert not out.exists() and not out.with_name(out.name + ".part").exists()
    return str(err.value)


def test_the_built_app_offers_csv_not_a_bare_pip_install(demo, tmp_path, no_ftm, monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert is_frozen()
    said = _refused(demo, tmp_path / "case.ftm.json")
    assert "this build of Casefile leaves out" in said
    assert "Export Tables as CSV" in said and "export-csv" in said
    assert not said.startswith("FollowTheMoney export needs the 'followthemoney' package")
    assert "Nothing was written" in said


def test_a_python_install_is_told_what_to_install(demo, tmp_path, no_ftm, monkeypatch):
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert not is_frozen()
    said = _refused(demo, tmp_path / "case.ftm.json")
    assert "pip install 'casefile[ftm]'" in said and "this build" not in said


def test_the_cli_of_the_built_app_says_it_in_one_message_exit_1(demo, tmp_path, no_ftm,
                                                                monkeypatch, capsys):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    out = tmp_path / "case.ftm.json"
    demo.close()
    assert main(["export-ftm", str(demo.path), "-o", str(out)]) == 1
    _, err = capsys.readouterr()
    assert err.startswith("casefile: FollowTheMoney export needs the FollowTheMoney libraries")
    assert "Traceback" not in err and not out.exists()
