"""The timeline as a picture to hand on (PNG or SVG): the whole chart — all the time, every
row, labelled where there is room — under the case's title and TLP marking, with the
legend, and the marking again at the foot. It is drawn by a chart of its own, off screen,
so the window's view stays as the user left it."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPen
from PySide6.QtSvg import QSvgGenerator

from casefile.core.grading import TLP
from casefile.core.timeline import KIND_COLOURS, KIND_LANES, Timeline
from casefile.ui.timeline_view import TimelinePlot

WIDTH = 1600  # the picture's width in (logical) pixels
MARGIN = 24
HEADER = 78
LEGEND = 44
FOOTER = 34
ROW_PX = 26  # a row of the chart; fewer pixels when there are very many rows
MAX_CHART = 9000  # the chart's height at most
LABEL_ROOM = 0.3  # time after the last item, for the labels of the last items
EXPORT_LABELS = 2000  # labels are drawn when at most this many items are in the chart


def marking_of(info: dict[str, Any]) -> tuple[str, str, str, str]:
    """(label, text colour, background, classification line) of the case's marking."""
    tlp = TLP.get(info.get("marking") or "")
    label, fg, bg = (tlp.label, tlp.fg, tlp.bg) if tlp else ("NO MARKING", "#000000",
                                                              "#DDDDDD")
    return label, fg, bg, str(info.get("classification") or "")


def export_timeline(timeline: Timeline, path: str | Path, info: dict[str, Any],
                    grouping: str, undated: int = 0) -> Path:
    """Write ``timeline`` to ``path`` (PNG, or SVG by the suffix)."""
    path = Path(path)
    rows = max(timeline.height, 1)
    row_px = ROW_PX if rows * ROW_PX <= MAX_CHART else max(4, MAX_CHART // rows)
    chart_h = rows * row_px + 60  # the rows, their margins and the time axis
    height = HEADER + chart_h + LEGEND + FOOTER
    chart = _chart(timeline, QSize(WIDTH - 2 * MARGIN, chart_h))
    try:
        if path.suffix.lower() == ".svg":
            gen = QSvgGenerator()
            gen.setFileName(str(path))
            gen.setSize(QSize(WIDTH, height))
            gen.setViewBox(QRect(0, 0, WIDTH, height))
            gen.setTitle(f"{info.get('title') or 'Case'} — timeline")
            gen.setDescription(" · ".join(p for p in marking_of(info)[::3] if p))
            painter = QPainter(gen)
            _paint(painter, chart, timeline, info, grouping, undated, height)
            painter.end()
        else:
            scale = 2  # sharp when printed or zoomed
            image = QImage(WIDTH * scale, height * scale, QImage.Format.Format_ARGB32)
            image.setDevicePixelRatio(scale)
            image.fill(QColor("white"))
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            _paint(painter, chart, timeline, info, grouping, undated, height)
            painter.end()
            if not image.save(str(path)):
                raise OSError(f"Cannot write {path}")
    finally:
        chart.close()
        chart.deleteLater()
    return path


def _chart(timeline: Timeline, size: QSize) -> TimelinePlot:
    """A chart of all of ``timeline``, laid out off screen at ``size``."""
    chart = TimelinePlot()
    chart.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    chart.label_limit = EXPORT_LABELS
    chart.resize(size)
    chart.show()  # laid out, never on screen
    chart.plotItem.layout.activate()
    chart.set_timeline(timeline)
    chart.fit_all(room=LABEL_ROOM)
    chart._update_labels()
    return chart


def _paint(p: QPainter, chart: TimelinePlot, timeline: Timeline, info: dict[str, Any],
           grouping: str, undated: int, height: int) -> None:
    p.fillRect(QRect(0, 0, WIDTH, height), QColor("white"))
    label, fg, bg, classification = marking_of(info)
    mark_w = _marking(p, QPoint(WIDTH - MARGIN, MARGIN), label, fg, bg)
    title = QFont(chart.font())
    title.setPixelSize(22)
    title.setBold(True)
    p.setFont(title)
    p.setPen(QColor("#111111"))
    room = WIDTH - 2 * MARGIN - mark_w - 16
    p.drawText(QRect(MARGIN, MARGIN - 4, room, 30), Qt.AlignmentFlag.AlignLeft,
               QFontMetrics(title).elidedText(str(info.get("title") or "Untitled case"),
                                              Qt.TextElideMode.ElideRight, room))
    small = QFont(chart.font())
    small.setPixelSize(13)
    p.setFont(small)
    p.setPen(QColor("#555555"))
    n = len(timeline.records)
    line = (f"Timeline · {grouping.lower()} · {n:,} dated record{'' if n == 1 else 's'}"
            + (f"; {undated:,} undated not shown" if undated else "")
            + f" · exported {date.today().isoformat()}"
            + (f" · {classification}" if classification else ""))
    p.drawText(QRect(MARGIN, MARGIN + 30, WIDTH - 2 * MARGIN, 20),
               Qt.AlignmentFlag.AlignLeft, line)
    view = chart.viewport().rect()
    chart.render(p, QRectF(MARGIN, HEADER, view.width(), view.height()), view)
    legend_y = HEADER + chart.height() + 14
    _legend(p, QPoint(MARGIN, legend_y), small, timeline.kinds or list(KIND_COLOURS))
    _marking(p, QPoint(WIDTH - MARGIN, height - FOOTER + 6), label, fg, bg)


def _marking(p: QPainter, top_right: QPoint, label: str, fg: str, bg: str) -> int:
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


def _legend(p: QPainter, at: QPoint, font: QFont, kinds: list[str]) -> None:
    """What the colours and shapes mean."""
    p.setFont(font)
    fm = QFontMetrics(font)
    x, y = at.x(), at.y()
    for kind in kinds:
        colour = QColor(KIND_COLOURS.get(kind, "#666666"))
        p.fillRect(QRectF(x, y + 4, 22, 10), colour)
        p.setPen(QColor("#222222"))
        x += 28
        name = KIND_LANES.get(kind, kind)
        p.drawText(QPoint(x, y + 14), name)
        x += fm.horizontalAdvance(name) + 22
    p.setPen(QPen(QColor("#222222")))
    for text in ("● exact day", "▬ span", "▨ approximate / uncertain",
                 "░ open end (fades)"):
        p.drawText(QPoint(x, y + 14), text)
        x += fm.horizontalAdvance(text) + 22
