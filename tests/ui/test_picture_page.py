"""The page every exported picture is drawn on: title, what it shows, marking at the top
and the foot, and the PNG/SVG writer."""

import xml.etree.ElementTree as ET
from datetime import date

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont, QImage

from casefile.ui.picture_page import FOOTER, HEADER, WIDTH, draw_page, write_picture

INFO = {"title": "Shipments to Russia", "marking": "", "classification": "EDITORS ONLY"}


def _paint(seen):
    def body(p, small):
        seen.append(small.pixelSize())
        p.fillRect(QRectF(100, HEADER + 10, 50, 50), QColor("#123456"))
    return lambda p: draw_page(p, INFO, 300, "A picture · 3 things", QFont(), body)


def test_an_svg_page_says_what_it_shows_under_the_title_and_marking(qtbot, tmp_path):
    seen = []
    svg = write_picture(tmp_path / "x.svg", 300, "Shipments — picture", INFO, _paint(seen))
    root = ET.parse(svg).getroot()
    words = [t.strip() for t in root.itertext() if t.strip()]
    assert words[:2] == ["Shipments — picture", "NO MARKING · EDITORS ONLY"]  # metadata
    assert "Shipments to Russia" in words
    assert (f"A picture · 3 things · exported {date.today().isoformat()} · EDITORS ONLY"
            in words)
    assert words.count("NO MARKING") == 2  # top right and at the foot
    assert seen == [13]


def test_a_png_page_is_white_at_its_ratio_with_the_body_and_the_foot_marking(qtbot,
                                                                             tmp_path):
    seen = []
    png = write_picture(tmp_path / "x.png", 300, "t", INFO, _paint(seen), ratio=1)
    image = QImage(str(png))
    assert (image.width(), image.height()) == (WIDTH, 300)
    assert image.pixelColor(120, HEADER + 30).name() == "#123456"  # the body's drawing
    assert image.pixelColor(5, 5).name() == "#ffffff"
    assert image.pixelColor(WIDTH - 30, 300 - FOOTER + 10).name() == "#dddddd"  # marking
    big = QImage(str(write_picture(tmp_path / "y.png", 300, "t", INFO, _paint(seen))))
    assert big.width() == 2 * WIDTH
