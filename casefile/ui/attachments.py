"""Attachments of a source: files stored inside the case with their SHA-256. Drop files on
the panel (or use Add file…) to store them; open or save them back out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHeaderView,
    QPushButton,
    QTableWidgetItem,
    QWidget,
)

from casefile.ui.panels import read_only_table, titled_panel


def suggested_path(stored: str, folder: Path | None = None) -> str:
    """Where "Save as…" proposes to save an attachment: only the base name of the file name
    stored in the case (which may be any path, e.g. ``/etc/passwd`` or ``..\\boot.ini``), in
    the user's documents folder (``folder`` when given)."""
    name = stored.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(c for c in name if c.isprintable()).strip().strip(".") or "attachment"
    if folder is None:
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        folder = Path(docs) if docs else Path.home()
    return str(folder / name)


class AttachmentsPanel(QWidget):
    files_dropped = Signal(list)  # [Path]
    open_requested = Signal(int)
    save_requested = Signal(int, str)
    remove_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self._rows: list[dict[str, Any]] = []
        self.folder: Path | None = None  # where Save as… starts (the case's, or Documents)
        self.table = read_only_table(["File", "Size", "SHA-256"], 130)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(1, 80)
        self.table.setColumnWidth(2, 150)
        add, open_, save, remove = (QPushButton("Add file…"), QPushButton("Open"),
                                    QPushButton("Save as…"), QPushButton("Remove"))
        self.writing_buttons = (add, remove)
        add.clicked.connect(self._add)
        open_.clicked.connect(lambda: self._with_current(self.open_requested.emit))
        save.clicked.connect(self._save)
        remove.clicked.connect(lambda: self._with_current(self.remove_requested.emit))
        titled_panel(self, "Attachments (drop files here to store them in the case)",
                     self.table, [add, open_, save, remove])

    def set_readonly(self, readonly: bool) -> None:
        """Files can be opened and saved out, not added (nor dropped) or removed."""
        self.setAcceptDrops(not readonly)
        for b in self.writing_buttons:
            b.setEnabled(not readonly)

    def set_attachments(self, rows: list[dict[str, Any]]) -> None:
        self._rows = rows
        self.table.setRowCount(len(rows))
        for r, a in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(a["filename"]))
            self.table.setItem(r, 1, QTableWidgetItem(f"{a['size']:,} B"))
            digest = QTableWidgetItem(a["sha256"])
            digest.setToolTip(a["sha256"])
            self.table.setItem(r, 2, digest)

    def _with_current(self, fn: Any) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self._rows):
            fn(self._rows[row]["id"])

    def _add(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, "Attach files")
        if names:
            self.files_dropped.emit([Path(n) for n in names])

    def _save(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self._rows):
            return
        target, _ = QFileDialog.getSaveFileName(
            self, "Save attachment as",
            suggested_path(self._rows[row]["filename"], self.folder))
        if target:
            self.save_requested.emit(self._rows[row]["id"], target)

    def dragEnterEvent(self, event: Any) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: Any) -> None:  # noqa: N802
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        paths = [p for p in paths if p.is_file()]
        if paths:
            self.files_dropped.emit(paths)
            event.acceptProposedAction()
