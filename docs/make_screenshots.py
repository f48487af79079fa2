"""Render the README's screenshots offscreen from the demo case:

    QT_QPA_PLATFORM=offscreen python docs/make_screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
DOCS = Path(__file__).resolve().parent


def main() -> int:
    from PySide6.QtCore import QSettings, QTimer

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
        app.quit,
    ]
    for i, step in enumerate(steps):
        QTimer.singleShot(1500 * (i + 1), step)
    app.exec()
    print("wrote", DOCS / "main-window.png", DOCS / "timeline.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
