"""Every layout fills the short, wide dock the link chart opens in (pytest-qt, the demo case
in a 1500 × 950 window with its default layout): after Fit, every party's name is drawn and
the icons are large enough to make out — the hierarchical, circular and radial layouts used
to come out square or tall, drawn so small that names were left out and icons were dots."""

from casefile.services.exchange.demo import write_demo
from casefile.ui.chart_icons import ICON
from tests.ui.conftest import open_chart


def test_fit_draws_every_name_in_the_default_dock_whatever_the_layout(qtbot, window,
                                                                      tmp_path):
    window.resize(1500, 950)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == (1500, 950), timeout=5000)
    path = tmp_path / "demo.casefile"
    write_demo(path).close()
    dock = open_chart(qtbot, window, path, 12)
    for layout in ("hierarchical", "circular", "radial", "force"):
        with qtbot.waitSignal(dock.laid_out, timeout=20000):
            dock.run_layout(layout)
        dock.view.fit()
        dock.view.viewport().repaint()
        assert dock.view.lod() * ICON >= 6, layout  # icons, not dots
        qtbot.waitUntil(lambda: len(dock.scene.labels.drawn) == 12, timeout=3000)
        w, h = dock.view.viewport().width(), dock.view.viewport().height()
        for r in dock.scene.labels.drawn:  # whole, inside the view
            assert 0 <= r.left() and r.right() <= w and r.bottom() <= h + 1, layout
        dock.grab().save(str(tmp_path / f"chart-{layout}.png"))
