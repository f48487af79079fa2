"""Vector figures of the dossier: the timeline (from the same core rows as the GUI) and the
shipment network (who shipped to whom, through which countries)."""

from __future__ import annotations

from collections import Counter
from datetime import date

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from casefile.core.countries import country_name
from casefile.core.timeline import KIND_COLOURS, KIND_LANES, Timeline
from casefile.report.fonts import BODY, font_for
from casefile.report.styles import MUTED, RULE

MAX_ROWS = 40  # drawing rows per timeline figure


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def timeline_drawing(tl: Timeline, width: float) -> Drawing | None:
    """Lanes of spans (bars) and exact days (points); approximate spans are pale with a
    dashed outline, open ends fade out in steps."""
    if not len(tl) or tl.first is None or tl.last is None:
        return None
    rows = min(tl.height, MAX_ROWS)
    row_h, label_w, axis_h = 15.0, 110.0, 22.0
    height = rows * row_h + axis_h + 6
    d = Drawing(width, height)
    a, b = tl.first.toordinal() - 15, tl.last.toordinal() + 16
    plot_w = width - label_w - 6

    def x(ordinal: float) -> float:
        return label_w + (ordinal - a) / (b - a) * plot_w

    def y(row: int) -> float:
        return height - (row + 1) * row_h

    for lane, ly in enumerate(tl.lane_y):
        if ly >= rows:
            break
        d.add(Line(label_w - 4, y(ly) + row_h, width, y(ly) + row_h, strokeColor=RULE,
                   strokeWidth=0.4))
        name = _short(tl.lanes[lane], 22)
        d.add(String(label_w - 8, y(ly) + 4, name, fontName=font_for(name), fontSize=7,
                     textAnchor="end", fillColor=colors.black))
    _axis(d, a, b, x, axis_h)
    for i in range(len(tl)):
        row = int(tl.y[i])
        if row >= rows:
            continue
        kind = tl.kind_codes[i]
        colour = colors.HexColor(KIND_COLOURS.get(kind, "#666666"))
        s, e, style = int(tl.start[i]), int(tl.end[i]) + 1, int(tl.style[i])
        top = y(row) + 3
        if style == 0:
            d.add(Circle(x(s + 0.5), top + 4.5, 3.2, fillColor=colour,
                         strokeColor=colors.black, strokeWidth=0.4))
            continue
        if style in (3, 4):  # open ends fade in five steps
            for step in range(5):
                frac = step / 5
                seg_a = s + (e - s) * frac
                seg_b = s + (e - s) * (frac + 0.2)
                alpha = 1 - frac if style == 4 else frac + 0.2
                d.add(Rect(x(seg_a), top, x(seg_b) - x(seg_a), 9, fillColor=colour,
                           fillOpacity=alpha, strokeColor=None))
            continue
        approx = style == 2
        d.add(Rect(x(s), top, max(x(e) - x(s), 1.2), 9, fillColor=colour,
                   fillOpacity=0.3 if approx else 1, strokeColor=colour.clone() if approx
                   else colors.black, strokeWidth=0.6 if approx else 0.3,
                   strokeDashArray=[2, 1.5] if approx else None))
    if tl.height > rows:
        d.add(String(width, 2, f"first {rows} of {tl.height} rows shown", fontName=BODY,
                     fontSize=6.5, textAnchor="end", fillColor=MUTED))
    return d


def _axis(d: Drawing, a: int, b: int, x, axis_h: float) -> None:  # noqa: ANN001
    d.add(Line(x(a), axis_h - 4, x(b), axis_h - 4, strokeColor=colors.black,
               strokeWidth=0.5))
    first, last = date.fromordinal(a), date.fromordinal(b)
    months = (last.year - first.year) * 12 + last.month - first.month
    step = 1 if months <= 14 else 3 if months <= 40 else 6 if months <= 90 else 12
    y, m = first.year, first.month
    while True:
        m += 1
        if m > 12:
            y, m = y + 1, 1
        if (m - 1) % step:
            continue
        day = date(y, m, 1)
        if day > last:
            break
        px = x(day.toordinal())
        d.add(Line(px, axis_h - 4, px, axis_h - 1, strokeColor=colors.black,
                   strokeWidth=0.4))
        label = str(y) if m == 1 else day.strftime("%b")
        d.add(String(px, axis_h - 13, label, fontName=BODY, fontSize=6.5, textAnchor="middle"))


def legend_drawing(width: float, kinds: list[str]) -> Drawing:
    d = Drawing(width, 14)
    px = 0.0
    for kind in kinds:
        colour = colors.HexColor(KIND_COLOURS[kind])
        d.add(Rect(px, 3, 14, 7, fillColor=colour, strokeColor=None))
        d.add(String(px + 18, 3, KIND_LANES[kind], fontName=BODY, fontSize=7))
        px += 30 + 4.2 * len(KIND_LANES[kind])
    for label, style in (("exact day", "point"), ("approximate", "approx"),
                         ("open end", "open")):
        if style == "point":
            d.add(Circle(px + 5, 6.5, 3, fillColor=colors.grey, strokeColor=colors.black,
                         strokeWidth=0.4))
        elif style == "approx":
            d.add(Rect(px, 3, 14, 7, fillColor=colors.grey, fillOpacity=0.3,
                       strokeColor=colors.grey, strokeDashArray=[2, 1.5], strokeWidth=0.6))
        else:
            for k in range(5):
                d.add(Rect(px + k * 2.8, 3, 2.8, 7, fillColor=colors.grey,
                           fillOpacity=1 - k / 5, strokeColor=None))
        d.add(String(px + 18, 3, label, fontName=BODY, fontSize=7))
        px += 34 + 4.2 * len(label)
    return d


def network_drawing(shipments: list[dict], width: float, limit: int = 24,
                    max_height: float = 600) -> Drawing | None:
    """Shippers (left) → transit countries (middle) → consignees (right); line width grows
    with the number of shipments. The ``limit`` busiest parties and transit countries are
    drawn, and the figure never grows past ``max_height`` (it fits on one page)."""
    if not shipments:
        return None
    weight: Counter = Counter()
    for s in shipments:
        weight[s["shipper"]] += s.get("shipment_count") or 1
        weight[s["consignee"]] += s.get("shipment_count") or 1
    top = {n for n, _ in weight.most_common(limit)}
    shown = [s for s in shipments if s["shipper"] in top and s["consignee"] in top]
    left = sorted({s["shipper"] for s in shown}, key=str.casefold)
    right = sorted({s["consignee"] for s in shown}, key=str.casefold)
    via_weight: Counter = Counter(country_name(st["country"]) for s in shown
                                  for st in s["route"] if st.get("country"))
    mid = sorted(n for n, _ in via_weight.most_common(limit))
    rows = max(len(left), len(right), len(mid), 1)
    height = min(rows * 36 + 34, max_height)
    d = Drawing(width, height)
    col = {"l": 150.0, "m": width / 2, "r": width - 150.0}

    def ys(names: list[str]) -> dict[str, float]:
        gap = (height - 30) / max(len(names), 1)
        return {n: height - 20 - gap * (i + 0.5) for i, n in enumerate(names)}

    yl, ym, yr = ys(left), ys(mid), ys(right)
    edges: Counter = Counter()
    for s in shown:
        via = [v for v in (country_name(st["country"]) for st in s["route"]
                           if st.get("country")) if v in ym]
        path = [("l", s["shipper"])] + [("m", v) for v in via] + [("r", s["consignee"])]
        for p, q in zip(path, path[1:], strict=False):
            edges[(p, q)] += s.get("shipment_count") or 1
    pos = {"l": yl, "m": ym, "r": yr}
    for ((ca, na), (cb, nb)), n in sorted(edges.items()):
        x1, y1, x2, y2 = col[ca] + 4, pos[ca][na], col[cb] - 4, pos[cb][nb]
        d.add(Line(x1, y1, x2, y2, strokeColor=colors.HexColor("#0072B2"),
                   strokeWidth=min(0.6 + 0.5 * n, 5), strokeOpacity=0.75))
        d.add(Polygon([x2, y2, x2 - 5, y2 + 2.5, x2 - 5, y2 - 2.5],
                      fillColor=colors.HexColor("#0072B2"), strokeColor=None))
    for key, names, anchor, dx in (("l", yl, "end", -8), ("m", ym, "middle", 0),
                                   ("r", yr, "start", 8)):
        for name, yy in names.items():
            colour = colors.HexColor("#E69F00") if key == "m" else colors.HexColor("#333333")
            d.add(Circle(col[key], yy, 4, fillColor=colour, strokeColor=colors.white))
            label = _short(name, 30)
            font = font_for(label)
            if key == "m":  # a white box so crossing lines do not hide the country
                w = stringWidth(label, font, 7) + 4
                d.add(Rect(col[key] - w / 2, yy + 6, w, 9, fillColor=colors.white,
                           strokeColor=None))
            d.add(String(col[key] + dx, yy + (8 if key == "m" else -2.5), label,
                         fontName=font, fontSize=7, textAnchor=anchor))
    for key, title in (("l", "Shippers"), ("m", "Via"), ("r", "Consignees")):
        d.add(String(col[key], height - 8, title, fontName=BODY, fontSize=7.5,
                     textAnchor="middle", fillColor=MUTED))
    hidden = len({s["shipper"] for s in shipments} | {s["consignee"] for s in shipments}) \
        - len(set(left) | set(right))
    unshown = [f"{hidden} smaller parties"] if hidden > 0 else []
    if len(via_weight) > len(mid):
        unshown.append(f"{len(via_weight) - len(mid)} transit countries")
    if unshown:
        d.add(String(width, 2, " and ".join(unshown) + " not shown", fontName=BODY,
                     fontSize=6.5, textAnchor="end", fillColor=MUTED))
    return d
