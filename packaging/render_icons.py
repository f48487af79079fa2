"""Render the SVG masters in resources/icons/ to the PNG sizes desktops want, with Qt's own
QSvgRenderer (the renderer the app uses, so what is installed looks like what the window shows).

    python packaging/render_icons.py [OUT]     (default: resources/icons)

writes OUT/hicolor/NxN/apps/casefile.png for each size, OUT/casefile.ico (Windows) and copies
the masters the app loads at run time into casefile/resources/icons/ (package data) when OUT is
the default. Runs headless (QT_QPA_PLATFORM=offscreen is set if nothing is).
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
MASTERS = ROOT / "resources" / "icons"
PACKAGE_ICONS = ROOT / "casefile" / "resources" / "icons"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(svg: Path, size: int) -> QImage:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {svg} is not an SVG Qt can read")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def main(out: Path) -> None:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    master = MASTERS / "casefile.svg"
    for size in SIZES:
        target = out / "hicolor" / f"{size}x{size}" / "apps" / "casefile.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(master, size).save(str(target), "PNG"):
            raise SystemExit(f"render_icons: could not write {target}")
    # Windows: one .ico with the sizes Explorer picks from (Qt's ico image plugin)
    ico = render(master, max(ICO_SIZES))
    if not ico.save(str(out / "casefile.ico"), "ICO"):
        print("render_icons: no ICO writer in this Qt; casefile.ico not written", file=sys.stderr)
    if out.resolve() == MASTERS.resolve():
        (PACKAGE_ICONS / "kinds").mkdir(parents=True, exist_ok=True)
        shutil.copyfile(master, PACKAGE_ICONS / "casefile.svg")
        for size in (32, 64, 256):
            shutil.copyfile(out / "hicolor" / f"{size}x{size}" / "apps" / "casefile.png",
                            PACKAGE_ICONS / f"casefile-{size}.png")
        for svg in sorted((MASTERS / "kinds").glob("*.svg")):
            shutil.copyfile(svg, PACKAGE_ICONS / "kinds" / svg.name)
    print(f"render_icons: {len(SIZES)} sizes of {master.name} in {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else MASTERS)
