"""Render the README's screenshots offscreen from the demo case — the main window, the
timeline, the link chart and the dossier's chronology page (through pdftoppm, from
poppler-utils):

    QT_QPA_PLATFORM=offscreen python docs/make_screenshots.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
DOCS = Path(__file__).resolve().parent


def main() -> int:
    from PySide6.QtCore import QSettings, Qt, QTimer

    from casefile.services.exchange.demo import write_demo
    from casefile.ui.app import make_app
    from casefile.ui.main_window import MainWindow

    app = make_app()
    tmp = Path(tempfile.mkdtemp())
    write_demo(tmp / "demo.casefile").close()
    win = MainWindow(QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat))
    win.resize(1500, 950)
    win.show()
    win.open_path(tmp / "demo.casefile")
    steps = [
        lambda: win.records.select_id(1),
        lambda: win.grab().save(str(DOCS / "main-window.png")),
        lambda: win.timeline.group.setCurrentIndex(win.timeline.group.findData("entity")),
        lambda: win.timeline.export(DOCS / "timeline.png"),
        lambda: win.chart.raise_(),
        lambda: win.resizeDocks([win.chart], [560], Qt.Orientation.Vertical),
        lambda: win.chart.view.fit(),
        lambda: win.chart.grab().save(str(DOCS / "chart.png")),
        app.quit,
    ]
    for i, step in enumerate(steps):
        QTimer.singleShot(1500 * (i + 1), step)
    app.exec()
    _dossier_page(tmp)
    print("wrote", *(DOCS / n for n in ("main-window.png", "timeline.png", "chart.png",
                                         "dossier-chronology.png")))
    return 0


def _dossier_page(tmp: Path) -> None:
    """The demo dossier's chronology page, as pdftoppm draws it."""
    from casefile.services.case.facade import Case
    from casefile.services.exchange.export_pdf import export_dossier

    with Case.open(tmp / "demo.casefile", readonly=True) as case:
        export_dossier(case, tmp / "demo.pdf")
    pages = int(next(line.split()[-1] for line in subprocess.run(
        ["pdfinfo", str(tmp / "demo.pdf")], capture_output=True, text=True,
        check=True).stdout.splitlines() if line.startswith("Pages:")))
    for page in range(2, pages + 1):
        text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page),
                               str(tmp / "demo.pdf"), "-"], capture_output=True, text=True,
                              check=True).stdout
        if "\nChronology\n" in f"\n{text}" and "Contents" not in text:
            break  # (its heading, not the contents' line)
    subprocess.run(["pdftoppm", "-f", str(page), "-l", str(page), "-r", "80", "-png",
                    "-singlefile", str(tmp / "demo.pdf"), str(tmp / "page")], check=True)
    shutil.copy(tmp / "page.png", DOCS / "dossier-chronology.png")


if __name__ == "__main__":
    sys.exit(main())
