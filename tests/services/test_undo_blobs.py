"""An attached file's bytes are not kept in memory by the undo history (issue 14 item 12):
the row images hold a reference to a private spill file, and undo/redo write the bytes back
exactly."""

from __future__ import annotations

import gc
import hashlib
import os
import tracemalloc

from casefile.services.case.blobs import Spilled
from casefile.services.case.integrity import check_case


def test_attach_undo_redo_and_delete_undo_keep_the_bytes_exact(case, case_path, tmp_path):
    src = case.create("source", {"title": "Bill of lading"}).result
    f = tmp_path / "scan.pdf"
    data = os.urandom(3_000_000)
    f.write_bytes(data)
    case.attach_file(src, f)
    att = case.children("attachment", "source_id", src)[0]
    images = [ch.after for step in case._undo for ch in step.changes
              if ch.table == "attachment"]
    assert images and isinstance(images[0]["data"], Spilled)  # not the bytes themselves
    assert images[0]["data"].sha256 == hashlib.sha256(data).hexdigest()
    case.undo()
    assert case.children("attachment", "source_id", src) == []
    case.redo()
    assert case.get("attachment", att["id"])["data"] == data
    case.delete("attachment", att["id"])
    case.undo()
    assert case.get("attachment", att["id"])["data"] == data
    case.update("attachment", att["id"], {"filename": "renamed.pdf"})
    case.undo()
    assert case.get("attachment", att["id"])["filename"] == "scan.pdf"
    case.close()
    assert check_case(case_path).ok


def test_the_undo_history_does_not_hold_the_file(case, tmp_path):
    src = case.create("source", {"title": "Video"}).result
    f = tmp_path / "video.bin"
    f.write_bytes(os.urandom(20_000_000))
    gc.collect()
    tracemalloc.start()
    try:
        case.attach_file(src, f)
        gc.collect()
        held, _peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert held < 2_000_000, f"{held:,} bytes still held after attaching a 20 MB file"


def test_small_values_stay_in_the_image(case):
    src = case.create("source", {"title": "Note"}).result
    case.attach_file(src, filename="note.txt", data=b"short")
    image = next(ch.after for step in case._undo for ch in step.changes
                 if ch.table == "attachment")
    assert image["data"] == b"short"
