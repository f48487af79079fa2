"""Save as… for an attachment proposes only the base name of the stored file name, in the
user's documents folder — never the path stored in the case (issue 14 item 12)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtWidgets import QFileDialog

from casefile.ui.attachments import AttachmentsPanel, suggested_path


def test_stored_paths_are_cut_to_their_base_name(tmp_path):
    assert suggested_path("/etc/passwd", tmp_path) == str(tmp_path / "passwd")
    assert suggested_path("..\\..\\Windows\\boot.ini", tmp_path) == str(tmp_path / "boot.ini")
    assert suggested_path("../../.bashrc", tmp_path) == str(tmp_path / "bashrc")
    assert suggested_path("bill\nof lading.pdf", tmp_path) == str(tmp_path / "billof lading.pdf")
    assert suggested_path("..", tmp_path) == str(tmp_path / "attachment")
    assert suggested_path("report.pdf", tmp_path) == str(tmp_path / "report.pdf")


@given(st.text(max_size=60))
def test_any_stored_name_stays_in_the_folder(stored):
    folder = Path("/home/analyst/Documents")
    got = Path(suggested_path(stored, folder))
    assert got.parent == folder and got.name not in ("", ".", "..")
    assert "/" not in got.name and "\\" not in got.name and not got.name.startswith(".")


def test_the_save_dialog_is_prefilled_in_the_documents_folder(qtbot, monkeypatch):
    panel = AttachmentsPanel()
    qtbot.addWidget(panel)
    panel.set_attachments([{"id": 7, "filename": "/etc/passwd", "size": 10, "sha256": "ab"}])
    panel.table.setCurrentCell(0, 0)
    asked: list[str] = []

    def fake_dialog(_parent, _title, proposed, *_a, **_k):
        asked.append(proposed)
        return str(Path(proposed).with_name("chosen")), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_dialog))
    with qtbot.waitSignal(panel.save_requested) as signal:
        next(b for b in panel.findChildren(type(panel.writing_buttons[0]))
             if b.text() == "Save as…").click()
    proposed = Path(asked[0])
    assert proposed.name == "passwd" and proposed.parent != Path("/etc")
    assert signal.args == [7, str(proposed.with_name("chosen"))]
