"""Figure benchmark (issue 16: figures that do not mislead on big cases).

For 2,000, 5,000 and 20,000 shipments (plus 30 events and 12 sanctions), the time to build
and render the dossier's timeline and network figures, against a baseline built in the same
run: one bare reportlab Drawing with a rectangle per record (what drawing every record
would cost at the least), rendered the same way. Prints the ratio, and the growth from the
smallest size to check that time grows about linearly.

    python benchmarks/bench_figures.py
"""

from __future__ import annotations

import io
import random
import time
from datetime import date, timedelta


def records(n: int) -> list:
    from casefile.core.timeline import TimelineRecord

    base = date(2021, 1, 1)
    out = [TimelineRecord("shipment", i, "", "", "", base + timedelta(days=(i * 37) % 1000),
                          base + timedelta(days=(i * 37) % 1000 + (i % 5) * 20))
           for i in range(1, n + 1)]
    out += [TimelineRecord("event", i, "", "", "", base + timedelta(days=i * 29), None)
            for i in range(1, 31)]
    out += [TimelineRecord("sanction", i, "", "", "", base + timedelta(days=300 + i * 41),
                           base + timedelta(days=300 + i * 41)) for i in range(1, 13)]
    return out


def shipments(n: int) -> list[dict]:
    rnd = random.Random(1)
    out = []
    for i in range(n):
        a = min(int(rnd.paretovariate(1.1)), n // 5)
        b = n // 5 + min(int(rnd.paretovariate(1.1)), n // 20)
        out.append({"id": i, "shipper_id": a, "shipper": f"Shipper {a} Trading Co., Ltd",
                    "consignee_id": b, "consignee": f"ООО «Получатель {b}»",
                    "shipment_count": 1 + i % 3,
                    "route": [{"country": c} for c in ("TR", "AE")[: i % 3]]})
    return out


def render(drawings: list) -> None:
    from reportlab.graphics import renderPDF

    for d in drawings:
        renderPDF.drawToFile(d, io.BytesIO())


def baseline(n: int) -> float:
    from reportlab.graphics.shapes import Drawing, Rect

    t0 = time.perf_counter()
    d = Drawing(493, 600)
    for i in range(n + 42):
        d.add(Rect(110 + (i * 37) % 370, (i % 40) * 15, 4, 9))
    render([d])
    return time.perf_counter() - t0


def figures(n: int) -> tuple[float, float]:
    from casefile.core.timeline import build_timeline
    from casefile.report.charts import network_figure, timeline_figure

    tl = build_timeline(records(n))
    ships = shipments(n)
    t0 = time.perf_counter()
    fig = timeline_figure(tl, 493, 600)
    render(fig.drawings)
    t1 = time.perf_counter()
    net = network_figure(ships, 493, max_height=600)
    render([net.drawing])
    return t1 - t0, time.perf_counter() - t1


def main() -> None:
    from casefile.report.fonts import register_fonts

    register_fonts()
    first = None
    print(f"{'shipments':>9} {'timeline s':>10} {'network s':>9} {'baseline s':>10} "
          f"{'ratio':>6} {'growth':>7}")
    for n in (2_000, 5_000, 20_000):
        tt, tn = figures(n)
        tb = baseline(n)
        first = first or (tt + tn) / n
        print(f"{n:>9,} {tt:>10.3f} {tn:>9.3f} {tb:>10.3f} {(tt + tn) / tb:>6.2f} "
              f"{(tt + tn) / n / first:>7.2f}")
    print("ratio: both figures / one rectangle per record; growth: time per shipment "
          "against 2,000 (1.0 = linear)")


if __name__ == "__main__":
    main()
