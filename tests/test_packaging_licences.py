"""packaging/licenses.py: LICENSES/ for a frozen folder, and the check that fails the build
on a GPL-only or unlicensed bundled distribution."""

import sys
from pathlib import Path

import pytest

from tests.support.packaging_scripts import PACKAGING, load_script

SCRIPT = PACKAGING / "licenses.py"


@pytest.fixture(scope="module")
def licenses():
    return load_script("licenses")


def _fake_dist(site: Path, name: str, licence_lines: str, licence_file: bool = True) -> None:
    info = site / f"{name}-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n"
                                   f"{licence_lines}", encoding="utf-8")
    (info / "top_level.txt").write_text(f"{name}\n", encoding="utf-8")
    record = [f"{name}/__init__.py,,", f"{name}-1.0.dist-info/METADATA,,"]
    if licence_file:
        (info / "LICENSE").write_text(f"{name} licence text\n", encoding="utf-8")
        record.append(f"{name}-1.0.dist-info/LICENSE,,")
    (info / "RECORD").write_text("\n".join(record) + "\n", encoding="utf-8")
    (site / name).mkdir()
    (site / name / "__init__.py").write_text("", encoding="utf-8")


def _folder(tmp_path: Path, *modules: str) -> Path:
    internal = tmp_path / "dist" / "casefile" / "_internal"
    (internal / "casefile" / "resources").mkdir(parents=True)
    for m in modules:
        (internal / m).mkdir()
    return internal.parent


@pytest.mark.parametrize("licence, refused", [
    ("GPL-3.0-only", True), ("GPL-2+", True), ("GNU General Public License v3 (GPLv3)", True),
    ("LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only", False), ("LGPL-2.1-only", False),
    ("GPL-2.0-or-later OR MIT", False), ("MIT", False), ("BSD-3-Clause", False),
    ("GPL-3.0-or-later WITH GCC-exception-3.1", False),
])
def test_only_a_gpl_only_licence_is_refused(licenses, licence, refused):
    assert licenses.gpl_only(licence) is refused


def test_a_folder_gets_its_licences_and_the_qt_notice(licenses, tmp_path, monkeypatch,
                                                      capsys):
    site = tmp_path / "site"
    _fake_dist(site, "fineware", "License-Expression: MIT\n")
    monkeypatch.syspath_prepend(str(site))
    folder = _folder(tmp_path, "fineware", "sqlalchemy")
    assert licenses.main(folder) == 0
    out = folder / "LICENSES"
    assert (out / "python" / "fineware-1.0" / "LICENSE").read_text() == "fineware licence text\n"
    assert any((out / "python").glob("SQLAlchemy-*/*LICENSE*"))
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in (out / "Qt" / "LGPL-3.0.txt").read_text()
    notice = (out / "Qt" / "NOTICE.txt").read_text()
    assert "Written offer" in notice and "libQt6" in notice
    import casefile

    warned = "the Qt written offer has no contact address yet" in capsys.readouterr().err
    assert warned is (casefile.SOURCE_OFFER_CONTACT == casefile.SOURCE_OFFER_PLACEHOLDER)
    assert casefile.SOURCE_OFFER_CONTACT in notice
    listing = (folder / "_internal" / "casefile" / "resources" / "licenses.txt").read_text()
    assert "fineware" in listing and "MIT" in listing and "SQLAlchemy" in listing
    assert listing == (out / "README.txt").read_text()
    assert "Apache License" in (out / "Casefile-LICENSE.txt").read_text()


def test_a_gpl_only_or_unlicensed_distribution_fails_the_build(licenses, tmp_path,
                                                                 monkeypatch, capsys):
    site = tmp_path / "site"
    _fake_dist(site, "gplware", "License: GPL-3.0-only\n")
    _fake_dist(site, "mysteryware", "", licence_file=False)
    monkeypatch.syspath_prepend(str(site))
    folder = _folder(tmp_path, "gplware", "mysteryware")
    assert licenses.main(folder) == 1
    err = capsys.readouterr().err
    assert "FAIL gplware 1.0: GPL-only (GPL-3.0-only)" in err
    assert "FAIL mysteryware 1.0: no licence in its metadata" in err
    assert "FAIL mysteryware 1.0: no licence text in the distribution" in err


def test_the_script_runs_on_its_own(tmp_path):
    import subprocess

    res = subprocess.run([sys.executable, str(SCRIPT), str(_folder(tmp_path))],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert "Python distributions" in res.stdout


def test_a_distributions_top_level_compiled_module_is_licensed_with_it(licenses, tmp_path,
                                                                       monkeypatch, capsys):
    # chardet installs its mypyc runtime at the top of site-packages ("<hash>__mypyc....so",
    # listed in its RECORD): PyInstaller puts it at the top of _internal, beside the system
    # libraries; it is chardet's, not a library of unknown origin
    site = tmp_path / "site"
    _fake_dist(site, "mypycware", "License-Expression: MIT\n")
    runtime = "0123abcd__mypyc.cpython-311-x86_64-linux-gnu.so"
    record = site / "mypycware-1.0.dist-info" / "RECORD"
    record.write_text(record.read_text() + f"{runtime},,\n", encoding="utf-8")
    (site / runtime).write_bytes(b"\x7fELF")  # installed, as RECORD says (Python 3.12's
    # importlib.metadata lists only the files of a distribution that exist)
    monkeypatch.syspath_prepend(str(site))
    folder = _folder(tmp_path, "mypycware")
    (folder / "_internal" / runtime).write_bytes(b"\x7fELF")
    assert licenses.main(folder) == 0, capsys.readouterr().err
    assert "mypycware" in (folder / "LICENSES" / "README.txt").read_text()
    # a library nothing accounts for still fails the build
    (folder / "_internal" / "libnowhere.so.1").write_bytes(b"\x7fELF")
    assert licenses.main(folder) == 1
    assert "FAIL libnowhere.so.1: a system library whose package" in capsys.readouterr().err
