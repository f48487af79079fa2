"""The link chart as a picture to hand on (PNG or SVG): the chart as it is filtered and laid
out, drawn as vectors (links by pen in a few paths, nodes as their kind's pictogram, labels
when there are few enough to read), under the case's title, the chart's name and the TLP
marking, with a legend, and the marking again at the foot."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pyqtgraph.functions as pgfn
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from casefile.core.chart.colours import KIND_COLOURS, LINK_COLOURS, SANCTION_RED
from casefile.core.chart.links import links_in
from casefile.core.chart.model import NODE_KINDS, STYLE_WORDS
from casefile.core.labels import counted
from casefile.ui.chart_cells import Grid
from casefile.ui.chart_icons import ICON, _glyph
from casefile.ui.chart_labels import short
from casefile.ui.chart_layer import ENDED_PEN
from casefile.ui.chart_link_labels import GROUND, LinkLabels
from casefile.ui.chart_scene import ChartScene
from casefile.ui.picture_page import FOOTER, HEADER, MARGIN, WIDTH, draw_page, write_picture

LEGEND = 64
GLYPHS_UP_TO = 2000  # nodes drawn with their pictogram (more: a coloured disc)
LABELS_UP_TO = 3000
ARROWS_UP_TO = 5000


LINK_WORDS = {"shipment": "shipments (→ direction, width by count)",
              "relationship": "relationships", "sanction": "sanctions",
              "participation": "took part in an event", "shared_event": "shared an event"}


def export_chart(scene: ChartScene, path: str | Path, info: dict[str, Any],
                 name: str, area: QRectF | None = None) -> Path:
    """Write what ``scene`` shows to ``path`` (PNG, or SVG by the suffix): the whole chart,
    or the part of it in ``area`` (scene coordinates: the view shown)."""
    src = scene.extent() if area is None else area
    chart_w = WIDTH - 2 * MARGIN
    scale = min(chart_w / max(src.width(), 1.0), 1.5)
    chart_h = int(min(max(src.height() * scale, 200 if area is None else 60), 6000))
    scale = min(scale, chart_h / max(src.height(), 1.0))
    height = HEADER + chart_h + LEGEND + FOOTER
    target = QRectF(MARGIN, HEADER, chart_w, chart_h)
    clip = target
    shown = int((~scene.hidden).sum())
    links = int(scene.layer.visible.sum())
    said = f"{counted(shown, 'node')} · {counted(links, 'link')}"
    if area is not None:  # the part in view, and nothing around it
        w, h = src.width() * scale, src.height() * scale
        clip = QRectF(target.center().x() - w / 2, target.center().y() - h / 2, w, h) \
            .intersected(target)
        drawn = ~scene.hidden & _within(scene, area.adjusted(-ICON, -ICON, ICON, ICON))
        g = scene.graph
        touching = scene.layer.visible & (drawn[g.src] | drawn[g.dst]) if len(g.src) else []
        said = (f"{shown:,} nodes, {int(drawn.sum()):,} of them in the part shown · "
                f"{int(np.sum(touching)):,} of its {links:,} links")
    what = (f"Link chart “{name}” · {said}"
            + (f" · {scene.window_text}" if scene.window_text else ""))

    def body(p: QPainter, small: QFont) -> None:
        p.save()
        p.setClipRect(clip)
        p.translate(target.center())
        p.scale(scale, scale)
        p.translate(-src.center())
        draw_chart(p, scene, QRectF(0, 0, WIDTH, height), area)
        p.restore()
        _legend(p, HEADER + int(target.height()) + 12, small, scene)

    big = len(scene.graph.nodes) > GLYPHS_UP_TO or len(scene.graph.links) > 20_000
    title = f"{info.get('title') or 'Case'} — link chart {name}"
    return write_picture(  # a PNG sharp when printed; a huge chart stays quick to write
        Path(path), height, title, info,
        lambda p: draw_page(p, info, height, what, QFont(), body),
        ratio=1 if big else 2, antialias=not big)


def draw_chart(p: QPainter, scene: ChartScene, page: QRectF,
               area: QRectF | None = None) -> list[str]:
    """The chart's links and nodes as vectors, in scene coordinates; the links' labels
    where they find room, as on screen (``page``: the picture, in the painter's pixels);
    with ``area``, only the nodes within it (the lines that cross it are clipped). The link
    labels written."""
    layer = scene.layer
    vis = np.flatnonzero(layer.visible)
    groups = layer.groups(vis)
    for g in np.unique(groups).tolist():
        idx = vis[groups == g]
        x = np.empty(2 * len(idx))
        y = np.empty(2 * len(idx))
        x[0::2], x[1::2] = layer.p1[idx, 0], layer.p2[idx, 0]
        y[0::2], y[1::2] = layer.p1[idx, 1], layer.p2[idx, 1]
        p.setPen(layer.pens[g])
        p.drawPath(pgfn.arrayToQPath(x, y, connect="pairs"))
    if layer.hot is not None:
        p.setPen(layer.hot_pen)
        p.drawPath(layer.hot)
    arrows = vis[layer.directed[vis] & ~layer.grey[vis]]
    if len(arrows) <= ARROWS_UP_TO:
        layer.arrows(p, arrows)
    drawn = ~scene.hidden | scene.show_hidden
    if area is not None:  # (a name reaching in from a node outside is left out with it)
        drawn &= _within(scene, area.adjusted(-ICON, -ICON, ICON, ICON))
    nodes = np.flatnonzero(drawn)
    glyphs = len(nodes) <= GLYPHS_UP_TO
    labels = len(nodes) <= LABELS_UP_TO
    font = QFont(scene.label_font)
    p.setFont(font)
    fm = QFontMetrics(font)
    g = scene.graph
    for i in nodes.tolist():
        node = g.nodes[i]
        x, y = scene.pos[i]
        p.save()
        p.setOpacity(scene.nodes[i].opacity())
        p.translate(x - ICON / 2, y - ICON / 2)
        p.setPen(QPen(QColor("white"), 1.5))
        p.setBrush(QBrush(QColor(KIND_COLOURS.get(node.kind, KIND_COLOURS["other"]))))
        p.drawEllipse(QRectF(2, 2, ICON - 4, ICON - 4))
        if glyphs:
            p.setPen(QPen(QColor("white"), 1.6))
            p.setBrush(QBrush(QColor("white")))
            _glyph(p, node.kind if node.kind in KIND_COLOURS else "other")
        if node.sanctioned:
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(QColor(SANCTION_RED), 3))
            p.drawEllipse(QRectF(1.5, 1.5, ICON - 3, ICON - 3))
        if labels:
            text = short(node.label)
            w = fm.horizontalAdvance(text)
            # on a pale ground, as on screen: no line or arrowhead strikes the name out
            p.fillRect(QRectF(ICON / 2 - w / 2 - 1, ICON, w + 2, fm.height()), GROUND)
            p.setPen(QColor("#222222"))
            p.drawText(QPointF(ICON / 2 - w / 2, ICON + fm.ascent()), text)
        p.restore()
    return _link_labels(p, scene, nodes, fm, page) if labels else []


def _link_labels(p: QPainter, scene: ChartScene, nodes: np.ndarray, fm: QFontMetrics,
                 page: QRectF) -> list[str]:
    """The links' labels, clear of the nodes' icons and names and of each other."""
    world = p.worldTransform()
    grid = Grid.blank(int(page.width()), int(page.height()))
    for i in nodes.tolist():
        x, y = scene.pos[i]
        w = fm.horizontalAdvance(short(scene.graph.nodes[i].label))
        grid.take(world.mapRect(QRectF(x - ICON / 2, y - ICON / 2, ICON, ICON)))
        grid.take(world.mapRect(QRectF(x - w / 2, y + ICON / 2, w, fm.height())))
    # at the size the names are drawn (scaled with the chart), a little smaller
    lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(world)
    labels = LinkLabels(scene.layer, max(round(0.9 * scene.label_font.pixelSize() * lod), 4))
    placed = labels.place(world, int(page.width()), int(page.height()), grid)
    p.save()
    p.resetTransform()
    labels.paint(p, placed, page)
    p.restore()
    return [labels.text(i) for i, _rect in labels.drawn]


def _within(scene: ChartScene, area: QRectF) -> np.ndarray:
    """Which nodes are centred within ``area``."""
    x, y = scene.pos[:, 0], scene.pos[:, 1]
    return np.asarray((x >= area.left()) & (x <= area.right()) & (y >= area.top())
                      & (y <= area.bottom()))


def _legend(p: QPainter, y: int, font: QFont, scene: ChartScene) -> None:
    p.setFont(font)
    fm = QFontMetrics(font)
    x = MARGIN
    kinds = [k for k in NODE_KINDS if any(n.kind == k for n in scene.graph.nodes)]
    for kind in kinds:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QBrush(QColor(KIND_COLOURS[kind])))
        p.drawEllipse(QRectF(x, y + 3, 12, 12))
        p.setPen(QColor("#222222"))
        words = kind.replace("_", " ")
        p.drawText(QPointF(x + 16, y + 14), words)
        x += 16 + fm.horizontalAdvance(words) + 18
    p.setPen(QPen(QColor(SANCTION_RED), 2.5))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawEllipse(QRectF(x, y + 3, 12, 12))
    p.setPen(QColor("#222222"))
    p.drawText(QPointF(x + 16, y + 14), "sanctioned")
    x, y = MARGIN, y + 24
    optional = ("participation", "shared_event")  # in the legend only when drawn
    drawn = {lk_kind for lk_kind in LINK_WORDS if lk_kind not in optional} | {
        lk.kind for lk in links_in(scene.graph.links) if lk.kind in optional}
    for kind, colour in LINK_COLOURS.items():
        if kind not in drawn:
            continue
        p.setPen(QPen(QColor(colour), 2))
        p.drawLine(QPointF(x, y + 9), QPointF(x + 26, y + 9))
        p.setPen(QColor("#222222"))
        words = LINK_WORDS[kind]
        p.drawText(QPointF(x + 32, y + 14), words)
        x += 32 + fm.horizontalAdvance(words) + 22
    if scene.layer.ended[scene.layer.visible].any():  # in the legend only when drawn
        p.setPen(scene.layer.pens[ENDED_PEN])
        p.drawLine(QPointF(x, y + 9), QPointF(x + 26, y + 9))
        p.setPen(QColor("#222222"))
        p.drawText(QPointF(x + 32, y + 14), "sanctions ended or lifted")
        x += 32 + fm.horizontalAdvance("sanctions ended or lifted") + 22
    for style, dash in (("solid", Qt.PenStyle.SolidLine), ("dashed", Qt.PenStyle.DashLine),
                        ("dotted", Qt.PenStyle.DotLine)):
        p.setPen(QPen(QColor("#444444"), 1.5, dash))
        p.drawLine(QPointF(x, y + 9), QPointF(x + 26, y + 9))
        p.setPen(QColor("#222222"))
        words = STYLE_WORDS[style]
        p.drawText(QPointF(x + 32, y + 14), words)
        x += 32 + fm.horizontalAdvance(words) + 22
