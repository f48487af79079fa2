"""Exports start in the case's folder, or the user's documents when the case lives in
Casefile's own data folder (the demo copies): never in a hidden folder."""

from pathlib import Path

import pytest

import casefile.paths as paths
from casefile.services.exchange.demo import write_demo
from tests.ui.conftest import wait_idle


@pytest.fixture
def folders(monkeypatch, tmp_path):
    data, docs = tmp_path / "appdata", tmp_path / "Documents"
    data.mkdir()
    docs.mkdir()
    monkeypatch.setattr(paths, "user_data_dir", lambda: data)
    monkeypatch.setattr(paths, "documents_dir", lambda: docs)
    return data, docs


def test_the_default_folder(folders, tmp_path):
    data, docs = folders
    (data / "demo").mkdir()
    assert paths.default_save_folder(data / "demo" / "d.casefile") == docs
    (tmp_path / "work").mkdir()
    assert paths.default_save_folder(tmp_path / "work" / "c.casefile") == tmp_path / "work"
    assert paths.default_save_folder(None) == docs
    assert paths.default_save_path(data / "demo" / "d.casefile", ".pdf", "x.pdf") == \
        docs / "d.pdf"


def _open(qtbot, window, path):
    write_demo(path).close()
    window.open_path(path)
    qtbot.waitUntil(lambda: window.case is not None, timeout=10000)
    wait_idle(qtbot, window)


@pytest.mark.parametrize("where", ["demo folder", "own folder"])
def test_every_export_proposes_that_folder(qtbot, window, folders, tmp_path, monkeypatch,
                                           where):
    data, docs = folders
    folder = data / "demo" if where == "demo folder" else tmp_path / "cases"
    folder.mkdir()
    _open(qtbot, window, folder / "demo-1.casefile")
    expected = docs if where == "demo folder" else folder.resolve()
    asked: list[str] = []

    def save_name(_parent, _title, default, *_a, **_k):
        asked.append(default)
        return "", ""

    def folder_name(_parent, _title, default, *_a, **_k):
        asked.append(default)
        return ""
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", folder_name)
    window.menus.export_ftm.trigger()
    window.menus.export_csv.trigger()
    window.menus.save_copy.trigger()
    window.timeline._export("png")
    window.menus.export_pdf.trigger()
    qtbot.waitUntil(lambda: "export" in window.commands.dialogs, timeout=10000)
    dossier = window.commands.dialogs["export"]
    asked.append(dossier.path.text())
    dossier.close()
    assert [Path(a).name for a in asked] == [
        "demo-1.ftm.json", expected.name, "demo-1 copy.casefile", "demo-1 timeline.png",
        "demo-1.pdf"]
    assert all(Path(a).parent == expected for a in asked if not a == str(expected)), asked
    assert str(expected) in asked
    window.go_to("source", 1)  # an attachment's Save as… starts there too
    qtbot.waitUntil(lambda: window.editor.shown() == ("source", 1), timeout=10000)
    assert window.editor.attachments.folder == expected
