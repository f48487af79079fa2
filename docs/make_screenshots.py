"""Render the README's screenshots offscreen from the demo case — the main window, the
timeline, the link chart and the dossier's chronology page (through pdftoppm, from
poppler-utils) — and the screening window on a small case of Chinese suppliers against an
entity-list-style watchlist (kept in a data folder of its own):

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
    _screening(app, tmp)
    print("wrote", *(DOCS / n for n in ("main-window.png", "timeline.png", "chart.png",
                                         "dossier-chronology.png", "screening.png")))
    return 0


LISTED = [  # (id, schema, caption, Chinese alias) as the US Entity List gives them
    ("NK-casic", "Company", "China Aerospace Science and Industry Corporation", None),
    ("NK-huawei", "Company", "Huawei Technologies Co., Ltd.", None),
    ("NK-jiayuan", "Company", "SHENZHEN JIAYUAN TECHNOLOGY CO., LTD.", None),
    ("NK-zhou", "Person", "ZHOU Pengyu", "周鹏宇")]
SUPPLIERS = [("中国航天科工集团有限公司", "company"), ("华为技术有限公司", "company"),
             ("深圳市大疆创新科技有限公司", "company"),
             ("Shenzhen Jiayuan Technology Co. Ltd", "company"),
             ("Shenzhen Dajiang Technology Co., Ltd.", "company"), ("周鹏宇", "person"),
             ("Liu Pengyu", "person")]


def _screening(app: object, tmp: Path) -> None:
    """The screening window after Screen Case, its first hit chosen."""
    import json
    import time

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    os.environ["XDG_DATA_HOME"] = str(tmp / "data")  # (not the user's watchlists)
    from casefile.services.case.facade import Case
    from casefile.services.screening.watchlist_import import load
    from casefile.ui.screening_dialog import ScreeningDialog
    from casefile.ui.session import CaseSession

    lines = [json.dumps({"id": key, "schema": schema, "caption": caption,
                         "properties": {"name": [caption], "country": ["cn"],
                                        "topics": ["sanction"],
                                        **({"alias": [alias]} if alias else {})},
                         "datasets": ["us_bis_entity"], "referents": [],
                         "first_seen": "2022-03-01T00:00:00",
                         "last_seen": "2024-06-01T00:00:00",
                         "last_change": "2024-05-01T10:00:00", "target": True},
                        ensure_ascii=False) for key, schema, caption, alias in LISTED]
    (tmp / "entities.ftm.json").write_text("\n".join(lines) + "\n", encoding="utf-8")
    load(tmp / "entities.ftm.json", "us_bis_entity", dataset="us_bis_entity")
    with Case.new(tmp / "suppliers.casefile", title="Drone parts suppliers") as case:
        for name, kind in SUPPLIERS:
            case.create("entity", {"name": name, "kind": kind, "country": "CN"})
    session = CaseSession()
    session.open(tmp / "suppliers.casefile")

    def wait(done: object, seconds: float = 120) -> None:
        end = time.time() + seconds
        while not done() and time.time() < end:  # type: ignore[operator]
            QApplication.processEvents()
            time.sleep(0.02)

    wait(lambda: session.case is not None)
    dlg = ScreeningDialog(session, workers=0)
    dlg.resize(1300, 720)
    dlg.show()
    QTest.mouseClick(dlg.screen_button, Qt.MouseButton.LeftButton)
    wait(lambda: session.worker.pending == 0 and dlg.model.rowCount() > 0)
    dlg.table.selectRow(0)
    wait(lambda: False, 1.0)
    dlg.grab().save(str(DOCS / "screening.png"))
    dlg.close()
    session.shut_down()


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
