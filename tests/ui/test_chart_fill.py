"""Fit fills the link chart's dock on a case imported from OpenSanctions-shaped data (pytest-qt:
the FtM cluster of tests/support imported into a real case, the default dock of a 1500 × 950
and a 1100 × 700 window): the nodes after Fit reach across most of the view's width, most
names are drawn, and no scroll bar is left suggesting more chart. The hierarchical and force
layouts used to draw these 16 nodes as a blob a fifth of the dock wide in its middle (the
sanctioning bodies stacked in one tall column), 5 to 7 names left out, and every layout left
a vertical scroll bar after Fit. Set CASEFILE_SHOTS to a folder to keep what the window
showed."""

import os
from pathlib import Path

import pytest

from casefile.services.case.facade import Case
from casefile.services.exchange.imports.ftm import import_ftm
from casefile.ui.chart_icons import ICON
from tests.support import ftm_cluster as fc
from tests.ui.conftest import open_chart

LAYOUTS = ("hierarchical", "circular", "radial", "force")


def _open_cluster(qtbot, window, tmp_path, size):
    window.resize(*size)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == size, timeout=5000)
    path = tmp_path / "cluster.casefile"
    case = Case.new(path, title="Drone cluster")
    import_ftm(case, fc.write_lines(tmp_path / "cluster.ftm.json", fc.cluster()))
    case.close()
    return open_chart(qtbot, window, path, 16)


@pytest.mark.parametrize("size", [(1500, 950), (1100, 700)])
def test_fit_fills_the_dock_on_an_imported_cluster(qtbot, window, tmp_path, size):
    dock = _open_cluster(qtbot, window, tmp_path, size)
    shots = os.environ.get("CASEFILE_SHOTS")  # where to save what the dock shows, if set
    view = dock.view
    seen = {}
    for layout in LAYOUTS:
        with qtbot.waitSignal(dock.laid_out, timeout=20000):
            dock.run_layout(layout)
        view.fit()
        view.viewport().repaint()
        w, h = view.viewport().width(), view.viewport().height()
        pts = [view.mapFromScene(item.pos()) for item in dock.scene.nodes]
        xs, ys = [p.x() for p in pts], [p.y() for p in pts]
        inside = all(0 <= r.left() and r.right() <= w and r.bottom() <= h + 1
                     for r in dock.scene.labels.drawn)  # each label whole, in the view
        seen[layout] = dict(
            width=round((max(xs) - min(xs)) / w, 2), nodes_in=min(ys) >= 0 and max(ys) <= h,
            icon=round(view.lod() * ICON, 1), names=len(dock.scene.labels.drawn),
            labels_in=inside, bars=view.verticalScrollBar().isVisible()
            or view.horizontalScrollBar().isVisible())
        if shots:
            Path(shots).mkdir(parents=True, exist_ok=True)
            window.grab().save(str(Path(shots) / f"ftm_{size[0]}_{layout}.png"))
    print(size, seen)
    for layout, got in seen.items():
        assert got["nodes_in"] and got["labels_in"], (layout, got)
        assert not got["bars"], (layout, got)  # Fit shows the whole: nothing to scroll to
        if size == (1500, 950):  # the default dock, 1490 × 201 pixels
            # the nodes reach across most of the width (the radial rings, centred on the
            # hub, less), most of the 16 names are drawn, icons are not dots
            assert got["width"] >= (0.4 if layout == "radial" else 0.6), (layout, got)
            assert got["names"] >= (15 if layout in ("hierarchical", "force") else 12), (
                layout, got)
            assert got["icon"] >= 4, (layout, got)
        elif layout in ("hierarchical", "force"):  # a dock 116 pixels high
            assert got["width"] >= 0.5 and got["names"] >= 9, (layout, got)
    view.zoom(2.0)  # zoomed in, the rest of the chart is there to scroll to
    assert view.horizontalScrollBar().maximum() > 0
    # a node dragged beyond what Fit showed can be scrolled to, its label with it
    item = dock.scene.nodes[0]
    far = view.sceneRect().right() + 2000
    item.setPos(far, item.pos().y())
    dock.scene.nodes_moved([0])
    view.bound()
    assert view.sceneRect().right() >= far + ICON
