"""The timeline as a picture to hand on (PNG or SVG): the whole chart — all the time, every
row, labelled where there is room — under the case's title and TLP marking, with the
legend, and the marking again at the foot. It is drawn by a chart of its own, off screen,
so the window's view stays as the user left it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QFileDialog, QWidget

from casefile.core.timeline import KIND_COLOURS, KIND_LANES, Timeline
from casefile.errors import CasefileError
from casefile.paths import default_save_path
from casefile.ui.error_dialog import show_error
from casefile.ui.picture_page import FOOTER, HEADER, MARGIN, WIDTH, draw_page, write_picture
from casefile.ui.timeline_view import TimelinePlot

LEGEND = 44
ROW_PX = 26  # a row of the chart; fewer pixels when there are very many rows
MAX_CHART = 9000  # the chart's height at most
LABEL_ROOM = 0.3  # time after the last item, for the labels of the last items
EXPORT_LABELS = 2000  # labels are drawn when at most this many items are in the chart


def export_timeline(timeline: Timeline, path: str | Path, info: dict[str, Any],
                    grouping: str, undated: int = 0) -> Path:
    """Write ``timeline`` to ``path`` (PNG, or SVG by the suffix)."""
    path = Path(path)
    rows = max(timeline.height, 1)
    row_px = ROW_PX if rows * ROW_PX <= MAX_CHART else max(4, MAX_CHART // rows)
    chart_h = rows * row_px + 60  # the rows, their margins and the time axis
    height = HEADER + chart_h + LEGEND + FOOTER
    chart = _chart(timeline, QSize(WIDTH - 2 * MARGIN, chart_h))
    n = len(timeline.records)
    what = (f"Timeline · {grouping.lower()} · {n:,} dated record{'' if n == 1 else 's'}"
            + (f"; {undated:,} undated not shown" if undated else ""))

    def body(p: QPainter, small: QFont) -> None:
        view = chart.viewport().rect()
        chart.render(p, QRectF(MARGIN, HEADER, view.width(), view.height()), view)
        legend_y = HEADER + chart.height() + 14
        _legend(p, QPoint(MARGIN, legend_y), small, timeline.kinds or list(KIND_COLOURS))

    try:
        return write_picture(
            path, height, f"{info.get('title') or 'Case'} — timeline", info,
            lambda p: draw_page(p, info, height, what, QFont(chart.font()), body))
    finally:
        chart.close()
        chart.deleteLater()


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


def export_asked(parent: QWidget, case_path: Path | None, fmt: str,
                 export: Callable[[str], Path]) -> None:
    """Ask where to write the timeline as ``fmt`` (png, svg), beside the case by default,
    and write it there with ``export``; a failure is shown, not raised."""
    default = default_save_path(case_path, f" timeline.{fmt}", f"timeline.{fmt}")
    name, _ = QFileDialog.getSaveFileName(parent, f"Export timeline as {fmt.upper()}",
                                          str(default), f"{fmt.upper()} (*.{fmt})")
    if name:
        try:
            export(name)
        except (OSError, CasefileError) as exc:
            show_error(parent, exc, "Cannot export the timeline")
