"""Timeline benchmark (issue: the timeline), offscreen.

For 1,000, 10,000 and 100,000 events in one view: building the rows in core, building the
plot items plus the first draw, and one zoom and one pan step re-rendered. Baseline in the
same run: one pyqtgraph ScatterPlotItem of the same number of points, drawn and panned.
Then a regrouping into 14,000 party lanes and back (an imported list's 'Lanes by entity'),
against one pyqtgraph line item a lane, the way the lanes' lines were drawn before.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_timeline.py
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from dataclasses import replace
from datetime import date, timedelta

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def records(n: int):  # noqa: ANN201
    from casefile.core.timeline import TimelineRecord

    rnd = random.Random(7)
    base = date(2015, 1, 1)
    out = []
    for i in range(n):
        start = base + timedelta(days=rnd.randrange(0, 3000))
        span = rnd.choice([0, 0, 0, 30, 90, 300])
        kind = rnd.choice(["shipment", "event", "event", "sanction"])
        out.append(TimelineRecord(kind, i, f"record {i}", start.isoformat(), start.isoformat(),
                                  start, start + timedelta(days=span), rnd.random() < 0.2,
                                  False, (f"Party {i % 40}",)))
    return out


def draw(app, widget) -> float:  # noqa: ANN001
    t0 = time.perf_counter()
    widget.repaint()
    app.processEvents()
    return time.perf_counter() - t0


def main() -> int:
    import pyqtgraph as pg

    from casefile.core.timeline import build_timeline
    from casefile.ui.app import make_app
    from casefile.ui.timeline_view import TimelinePlot

    app = make_app()
    for n in (1_000, 10_000, 100_000):
        recs = records(n)
        t0 = time.perf_counter()
        tl = build_timeline(recs)
        t_rows = time.perf_counter() - t0
        plot = TimelinePlot()
        plot.resize(1400, 500)
        plot.show()
        app.processEvents()
        t0 = time.perf_counter()
        plot.set_timeline(tl)
        plot.repaint()
        app.processEvents()
        t_first = time.perf_counter() - t0
        vb = plot.getViewBox()
        zooms, pans = [], []
        for _ in range(5):
            (xa, xb), _ = vb.viewRange()
            t0 = time.perf_counter()
            vb.setXRange(xa + (xb - xa) * 0.05, xb - (xb - xa) * 0.05, padding=0)
            plot.repaint()
            app.processEvents()
            zooms.append(time.perf_counter() - t0)
            (xa, xb), _ = vb.viewRange()
            t0 = time.perf_counter()
            vb.setXRange(xa + (xb - xa) * 0.1, xb + (xb - xa) * 0.1, padding=0)
            plot.repaint()
            app.processEvents()
            pans.append(time.perf_counter() - t0)
        # baseline: a bare ScatterPlotItem of n points
        base = pg.PlotWidget()
        base.resize(1400, 500)
        base.show()
        xs = [r.start.toordinal() for r in recs]
        ys = [i % 40 for i in range(n)]
        t0 = time.perf_counter()
        base.addItem(pg.ScatterPlotItem(x=xs, y=ys, size=8))
        base.repaint()
        app.processEvents()
        t_base = time.perf_counter() - t0
        bpans = []
        for _ in range(5):
            (xa, xb), _ = base.getViewBox().viewRange()
            t0 = time.perf_counter()
            base.getViewBox().setXRange(xa + (xb - xa) * 0.1, xb + (xb - xa) * 0.1, padding=0)
            base.repaint()
            app.processEvents()
            bpans.append(time.perf_counter() - t0)
        print(f"{n:>7,} events: rows {t_rows * 1000:6.0f} ms | build + first draw "
              f"{(t_rows + t_first) * 1000:6.0f} ms (goal < 500) | zoom step "
              f"{statistics.median(zooms) * 1000:5.1f} ms, pan step "
              f"{statistics.median(pans) * 1000:5.1f} ms (goal < 25) | baseline scatter: "
              f"first draw {t_base * 1000:5.0f} ms, pan {statistics.median(bpans) * 1000:5.1f}"
              f" ms")
        plot.close()
        base.close()
    regroup(app)
    return 0


def regroup(app) -> None:  # noqa: ANN001
    """Lanes by party on an imported list (40k records of 14k parties, look27): a redraw in
    a new grouping, and back, against what one pyqtgraph line a lane costs alone (how the
    lines between lanes were drawn before)."""
    import pyqtgraph as pg

    from casefile.core.timeline import build_timeline
    from casefile.ui.timeline_view import TimelinePlot

    recs = [replace(r, parties=(f"Party {r.id % 14_000:05d}",)) for r in records(40_000)]
    plot = TimelinePlot()
    plot.resize(1400, 500)
    plot.show()
    plot.set_timeline(build_timeline(recs))
    app.processEvents()
    times = {}
    for group in ("entity", "kind"):
        tl = build_timeline(recs, group)
        t0 = time.perf_counter()
        plot.set_timeline(tl)
        plot.repaint()
        app.processEvents()
        times[group] = time.perf_counter() - t0
    lanes = len(build_timeline(recs, "entity").lanes)
    base = pg.PlotWidget()
    t0 = time.perf_counter()
    for y in range(lanes):
        base.addItem(pg.InfiniteLine(pos=y - 0.5, angle=0))
    t_lines = time.perf_counter() - t0
    print(f"regroup 40,000 records into {lanes:,} party lanes: {times['entity']:.2f} s, "
          f"back to lanes by kind {times['kind']:.2f} s | baseline: one line item a lane "
          f"alone {t_lines:.2f} s (ratio {times['entity'] / t_lines:.2f}x)")
    plot.close()


if __name__ == "__main__":
    sys.exit(main())
