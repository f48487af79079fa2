"""The page an exported picture (the timeline, a link chart) is drawn on, and the writer of
it as PNG or SVG: a white page of ``WIDTH`` under the case's title, a line saying what the
picture shows, and the case's TLP marking in its colours at the top right and again at the
foot. What goes between the header and the footer is the caller's."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from casefile.core.grading import TLP

WIDTH = 1600  # the picture's width in (logical) pixels
MARGIN = 24
HEADER = 78
FOOTER = 34


def marking_of(info: dict[str, Any]) -> tuple[str, str, str, str]:
    """(label, text colour, background, classification line) of the case's marking."""
    tlp = TLP.get(info.get("marking") or "")
    label, fg, bg = (tlp.label, tlp.fg, tlp.bg) if tlp else ("NO MARKING", "#000000",
                                                              "#DDDDDD")
    return label, fg, bg, str(info.get("classification") or "")


def write_picture(path: Path, height: int, title: str, info: dict[str, Any],
                  paint: Callable[[QPainter], None], ratio: int = 2,
                  antialias: bool = True) -> Path:
    """Write a page ``WIDTH`` by ``height`` painted by ``paint`` to ``path``: SVG by the
    suffix (``title`` and the marking in its metadata), else PNG at ``ratio`` pixels per
    logical pixel."""
    if path.suffix.lower() == ".svg":
        gen = QSvgGenerator()
        gen.setFileName(str(path))
        gen.setSize(QSize(WIDTH, height))
        gen.setViewBox(QRect(0, 0, WIDTH, height))
        gen.setTitle(title)
        gen.setDescription(" · ".join(p for p in marking_of(info)[::3] if p))
        painter = QPainter(gen)
        paint(painter)
        painter.end()
    else:
        image = QImage(WIDTH * ratio, height * ratio, QImage.Format.Format_ARGB32)
        image.setDevicePixelRatio(ratio)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, antialias)
        paint(painter)
        painter.end()
        if not image.save(str(path)):
            raise OSError(f"Cannot write {path}")
    return path


def draw_page(p: QPainter, info: dict[str, Any], height: int, what: str, base: QFont,
              body: Callable[[QPainter, QFont], None]) -> None:
    """The white page, the case's title and marking, and the line under the title: ``what``
    the picture shows, the day it was exported and the classification line; then ``body``
    (given the small font of that line, for its legend); the marking again at the foot.
    Fonts are ``base`` at the sizes of the page."""
    p.fillRect(QRect(0, 0, WIDTH, height), QColor("white"))
    label, fg, bg, classification = marking_of(info)
    mark_w = marking_badge(p, QPoint(WIDTH - MARGIN, MARGIN), label, fg, bg)
    title = QFont(base)
    title.setPixelSize(22)
    title.setBold(True)
    p.setFont(title)
    p.setPen(QColor("#111111"))
    room = WIDTH - 2 * MARGIN - mark_w - 16
    p.drawText(QRect(MARGIN, MARGIN - 4, room, 30), Qt.AlignmentFlag.AlignLeft,
               QFontMetrics(title).elidedText(str(info.get("title") or "Untitled case"),
                                              Qt.TextElideMode.ElideRight, room))
    small = QFont(base)
    small.setPixelSize(13)
    p.setFont(small)
    p.setPen(QColor("#555555"))
    line = (what + f" · exported {date.today().isoformat()}"
            + (f" · {classification}" if classification else ""))
    p.drawText(QRect(MARGIN, MARGIN + 30, WIDTH - 2 * MARGIN, 20),
               Qt.AlignmentFlag.AlignLeft, line)
    body(p, small)
    marking_badge(p, QPoint(WIDTH - MARGIN, height - FOOTER + 6), label, fg, bg)


def marking_badge(p: QPainter, top_right: QPoint, label: str, fg: str, bg: str) -> int:
    """The marking in its colours, right-aligned at ``top_right``; its width."""
    font = QFont()
    font.setPixelSize(14)
    font.setBold(True)
    p.setFont(font)
    w = QFontMetrics(font).horizontalAdvance(label) + 20
    box = QRect(top_right.x() - w, top_right.y(), w, 24)
    p.fillRect(box, QColor(bg))
    p.setPen(QColor(fg))
    p.drawText(box, Qt.AlignmentFlag.AlignCenter, label)
    return w
