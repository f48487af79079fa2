"""The link chart's node icons, drawn once per kind (and sanctioned or not) and cached: a
pictogram per kind of party, a globe for a transit country, a shield for an authority; a
sanctioned party gets a red ring and badge, so the mark does not rest on colour alone."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from casefile.core.chart.colours import KIND_COLOURS, SANCTION_RED

ICON = 32  # logical pixels; drawn at twice that for sharp zooming
RATIO = 2.0
_cache: dict[tuple[str, bool, str], QPixmap] = {}


def icon(kind: str, sanctioned: bool = False, colour: str = "") -> QPixmap:
    """The icon of a node kind (cached), in ``colour`` ('#RRGGBB') instead of the kind's."""
    key = (kind if kind in KIND_COLOURS else "other", sanctioned, colour)
    pm = _cache.get(key)
    if pm is None:
        pm = _cache[key] = _draw(*key)
    return pm


def _draw(kind: str, sanctioned: bool, fill: str = "") -> QPixmap:
    pm = QPixmap(int(ICON * RATIO), int(ICON * RATIO))
    pm.setDevicePixelRatio(RATIO)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(fill or KIND_COLOURS[kind])
    p.setPen(QPen(QColor("white"), 1.5))
    p.setBrush(QBrush(colour))
    p.drawEllipse(QRectF(2, 2, ICON - 4, ICON - 4))
    p.setPen(QPen(QColor("white"), 1.6))
    p.setBrush(QBrush(QColor("white")))
    _glyph(p, kind)
    if sanctioned:
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(QColor(SANCTION_RED), 3))
        p.drawEllipse(QRectF(1.5, 1.5, ICON - 3, ICON - 3))
        p.setPen(QPen(QColor("white"), 1))
        p.setBrush(QBrush(QColor(SANCTION_RED)))
        p.drawEllipse(QRectF(ICON - 13, 0, 13, 13))
        font = QFont()
        font.setPixelSize(10)
        font.setBold(True)
        p.setFont(font)
        p.setPen(QColor("white"))
        p.drawText(QRectF(ICON - 13, 0, 13, 13), Qt.AlignmentFlag.AlignCenter, "S")
    p.end()
    return pm


def _glyph(p: QPainter, kind: str) -> None:
    c = ICON / 2
    if kind == "company":  # a building with windows
        p.drawRect(QRectF(c - 6, c - 8, 12, 16))
        p.setBrush(QBrush(QColor(KIND_COLOURS[kind])))
        p.setPen(Qt.PenStyle.NoPen)
        for dx in (-3.5, 1.5):
            for dy in (-5.5, -1.0, 3.5):
                p.drawRect(QRectF(c + dx, c + dy, 2.2, 2.2))
    elif kind == "person":  # head and shoulders
        p.drawEllipse(QPointF(c, c - 4.5), 4, 4)
        path = QPainterPath()
        path.moveTo(c - 8, c + 9)
        path.cubicTo(c - 8, c - 1, c + 8, c - 1, c + 8, c + 9)
        path.closeSubpath()
        p.drawPath(path)
    elif kind == "organisation":  # three people
        for dx in (-6, 0, 6):
            p.drawEllipse(QPointF(c + dx, c - 2), 3, 3)
            p.drawRect(QRectF(c + dx - 2.5, c + 2, 5, 5))
    elif kind == "public_body":  # a portico
        p.drawPolygon(QPolygonF([QPointF(c - 9, c - 3), QPointF(c, c - 9),
                                 QPointF(c + 9, c - 3)]))
        for dx in (-6, -2, 2, 6):
            p.drawRect(QRectF(c + dx - 1, c - 2, 2, 8))
        p.drawRect(QRectF(c - 9, c + 6, 18, 2))
    elif kind == "vessel":  # a hull and a funnel
        p.drawPolygon(QPolygonF([QPointF(c - 10, c + 1), QPointF(c + 10, c + 1),
                                 QPointF(c + 6, c + 7), QPointF(c - 6, c + 7)]))
        p.drawRect(QRectF(c - 3, c - 7, 6, 7))
    elif kind == "aircraft":  # fuselage, wings, tail
        p.drawRect(QRectF(c - 1.5, c - 10, 3, 20))
        p.drawPolygon(QPolygonF([QPointF(c - 10, c + 2), QPointF(c, c - 4),
                                 QPointF(c + 10, c + 2)]))
        p.drawRect(QRectF(c - 4, c + 7, 8, 2))
    elif kind == "country":  # a globe
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(QPointF(c, c), 9, 9)
        p.drawEllipse(QPointF(c, c), 4, 9)
        p.drawLine(QPointF(c - 9, c), QPointF(c + 9, c))
    elif kind == "authority":  # a shield
        path = QPainterPath()
        path.moveTo(c - 8, c - 8)
        path.lineTo(c + 8, c - 8)
        path.lineTo(c + 8, c)
        path.cubicTo(c + 8, c + 6, c, c + 10, c, c + 10)
        path.cubicTo(c, c + 10, c - 8, c + 6, c - 8, c)
        path.closeSubpath()
        p.drawPath(path)
    elif kind == "event":  # a calendar page
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(QRectF(c - 8, c - 7, 16, 15))
        p.drawLine(QPointF(c - 8, c - 3), QPointF(c + 8, c - 3))
        for dx in (-4, 0, 4):
            p.drawPoint(QPointF(c + dx, c + 2))
    else:  # a diamond
        p.drawPolygon(QPolygonF([QPointF(c, c - 8), QPointF(c + 8, c), QPointF(c, c + 8),
                                 QPointF(c - 8, c)]))
