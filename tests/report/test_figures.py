"""The dossier's figures on big cases: every party once, every kind of record present,
captions whose numbers add up, nothing outside the drawing, labels that keep every script."""

import io
import math
import re
from datetime import date, timedelta

import pypdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics

from casefile.core.timeline import TimelineRecord, build_timeline
from casefile.report.charts import (
    counting_period,
    label_strings,
    legend_drawing,
    network_drawing,
    network_figure,
    timeline_drawing,
    timeline_figure,
)
from casefile.report.figure_network import NODE, REL, RING, SHIP
from casefile.report.figure_text import text_width, wrap_text
from casefile.report.figure_timeline import LABEL_W
from casefile.report.fonts import BODY, BOLD, CJK, register_fonts
from casefile.services.queries.dossier import DossierOptions, read_dossier

WIDTH, MAX_H = 493.0, 640.0


@pytest.fixture(autouse=True)
def _fonts():
    register_fonts()


def shapes(node):
    """Every leaf shape of a drawing, with Groups opened."""
    for s in node.contents:
        if isinstance(s, Group):
            yield from shapes(s)
        else:
            yield s


def strings(d):
    return [s for s in shapes(d) if isinstance(s, String)]


def assert_inside(d: Drawing):
    assert d.width <= WIDTH + 1e-6 and d.height <= MAX_H + 1e-6
    for s in shapes(d):
        x0, y0, x1, y1 = s.getBounds()
        if isinstance(s, Circle):
            x0, y0 = x0 - s.strokeWidth / 2, y0 - s.strokeWidth / 2
            x1, y1 = x1 + s.strokeWidth / 2, y1 + s.strokeWidth / 2
        assert x0 >= -0.01 and y0 >= -0.01, (s, (x0, y0))
        assert x1 <= d.width + 0.01 and y1 <= d.height + 0.01, (s, (x1, y1), d.width,
                                                                 d.height)


def assert_fonts_cover(d: Drawing):
    """No standard font, and each String's font has a glyph for each of its characters."""
    for s in strings(d):
        assert s.fontName in (BODY, BOLD, CJK), s.fontName
        cmap = pdfmetrics.getFont(s.fontName).face.charToGlyph
        missing = [c for c in s.text if ord(c) not in cmap]
        assert not missing, (s.text, s.fontName, missing)


def pdf_text(d: Drawing) -> str:
    buf = io.BytesIO()
    renderPDF.drawToFile(d, buf)
    return " ".join(pypdf.PdfReader(io.BytesIO(buf.getvalue())).pages[0]
                    .extract_text().split())


# --- labels ---------------------------------------------------------------------------

def test_mixed_cjk_latin_label_keeps_its_latin_letters():
    parts = label_strings(100, 10, "深圳 DJI Co 2", 7, "end")
    assert [(s.text, s.fontName) for s in parts] == [("深圳", CJK), (" DJI Co 2", BODY)]
    right = parts[-1].x + pdfmetrics.stringWidth(parts[-1].text, BODY, 7)
    assert right == pytest.approx(100)  # anchored as a whole
    assert parts[1].x == pytest.approx(parts[0].x + pdfmetrics.stringWidth("深圳", CJK, 7))
    d = Drawing(200, 30)
    for s in parts + label_strings(100, 20, "ООО «Техснаб» 中国北方 Ltd", 7, "middle",
                                   bold=True):
        d.add(s)
    assert_fonts_cover(d)
    text = pdf_text(d)
    assert "DJI Co 2" in text and "深圳" in text and "Техснаб" in text and "Ltd" in text


def test_labels_shape_right_to_left_and_mark_what_no_font_has():
    from reportlab.pdfbase.ttfonts import ShapedStr

    from casefile.report import fonts

    (arabic,) = label_strings(50, 0, "شركة النور", 7, "end")
    assert isinstance(arabic.text, ShapedStr)  # shaped by HarfBuzz, as in the tables
    assert arabic.x + text_width("شركة النور", 7) == pytest.approx(50)
    fonts.missing.clear()
    parts = label_strings(0, 0, "राम Ltd", 7)
    assert "".join(p.text for p in parts).endswith(" Ltd")
    assert fonts.REPLACEMENT in parts[0].text and fonts.missing["र"] == 1  # counted


def test_wrap_text_two_lines_then_an_ellipsis():
    name = "Embassy of the People's Republic of China in Washington"  # 55 characters
    lines = wrap_text(name, 6.5, 120, 2, 60)
    assert len(lines) == 2 and " ".join(lines) == name
    assert all(text_width(ln, 6.5) <= 120 for ln in lines)
    long = "Limited Liability Company " * 10
    lines = wrap_text(long, 6.5, 120, 2, 60)
    assert len(lines) <= 2 and lines[-1].endswith("…") and "".join(lines).count("…") == 1
    word = "X" * 5000  # an unbroken word: broken by width, never wider than the line
    lines = wrap_text(word, 6.5, 120, 2, 60)
    assert len(lines) == 2 and all(text_width(ln, 6.5) <= 120 for ln in lines)


# --- timeline --------------------------------------------------------------------------

def records(shipments=2000, events=30, sanctions=12, undated=3):
    out = []
    base = date(2021, 1, 1)
    for i in range(1, shipments + 1):
        d = base + timedelta(days=(i * 37) % 1000)
        out.append(TimelineRecord("shipment", i, f"shipment {i}", d.isoformat(), "", d, d,
                                  parties=(f"Party {i % 90}",)))
    for i in range(1, events + 1):
        d = base + timedelta(days=i * 29)
        out.append(TimelineRecord("event", i, f"event {i}", "", "", d, d + timedelta(days=20),
                                  approximate=i % 3 == 0, parties=(f"Party {i % 7}",)))
    for i in range(1, sanctions + 1):
        d = base + timedelta(days=300 + i * 41)
        out.append(TimelineRecord("sanction", i, f"sanction {i}", "", "", d,
                                  None if i % 4 == 0 else d, parties=(f"Party {i}",)))
    for i in range(undated):
        out.append(TimelineRecord("event", 1000 + i, "undated", "", "", None, None))
    return out


def test_big_timeline_counts_shipments_and_draws_every_kind():
    tl = build_timeline(records())
    fig = timeline_figure(tl, WIDTH, MAX_H)
    assert len(fig.drawings) == 1
    d = fig.drawings[0]
    assert_inside(d)
    assert_fonts_cover(d)
    texts = [s.text for s in strings(d)]
    for lane in ("Shipments", "Events", "Sanctions"):  # every kind of the legend appears
        assert lane in texts
    assert fig.counted_lanes == ["Shipments"] and fig.period == "quarter"
    assert "2021" in texts and "2022" in texts and "Apr" in texts
    counts = fig.counts["Shipments"]
    assert sum(counts.values()) == 2000  # every shipment is in one period's count
    for n in counts.values():
        assert f"{n:,}" in texts  # and each count is printed above its bar
    # events and sanctions one by one, each with its number in the table
    singles = {(r.kind, r.id) for r in tl.records if r.kind in ("event", "sanction")}
    assert set(fig.numbers) == singles
    for n in fig.numbers.values():
        assert str(n) in texts
    assert sorted(fig.numbers.values()) == list(range(1, len(singles) + 1))
    cap = fig.caption
    assert "Shipments (2,000 records) are counted per quarter" in cap
    # (look28) 'by first possible day' of '2014 or earlier', counted in 2014: said how
    assert "by the last where only it is known, as for '2014 or earlier'" in cap
    assert "Events (30 records) and Sanctions (12 records) are drawn one by one" in cap
    assert "3 undated records are not drawn" in cap
    drawn = sum(int(n.replace(",", "")) for n in re.findall(r"\(([\d,]+) records?\)", cap))
    assert drawn == len(tl.records) and drawn + 3 == len(records())  # the caption adds up
    legend = legend_drawing(WIDTH, tl.kinds, counts=True)
    assert_inside(legend)
    assert "records per period" in [s.text for s in strings(legend)]


def test_small_timeline_draws_every_record_with_the_given_numbers():
    tl = build_timeline(records(shipments=5, events=4, sanctions=2, undated=0))
    numbers = {(r.kind, r.id): 100 + n for n, r in enumerate(tl.records)}
    fig = timeline_figure(tl, WIDTH, MAX_H, numbers=numbers)
    assert fig.counted_lanes == [] and len(fig.drawings) == 1
    texts = [s.text for s in strings(fig.drawings[0])]
    assert all(str(n) in texts for n in numbers.values())
    assert tl.first == date(2021, 1, 30) and "Apr 2021" in texts  # the first label: its year
    assert "undated" not in fig.caption
    assert_inside(fig.drawings[0])


def test_timeline_by_entity_tiles_over_drawings_that_each_fit():
    tl = build_timeline(records(shipments=600), "entity")
    assert len(tl.lanes) > 60
    fig = timeline_figure(tl, WIDTH, MAX_H)
    assert len(fig.drawings) > 1 and f"Drawn over {len(fig.drawings)} figures" in fig.caption
    seen = set()
    for d in fig.drawings:
        assert_inside(d)
        seen |= {s.text for s in strings(d)}
    assert all(lane in seen for lane in tl.lanes)  # every lane on one of the drawings
    one = timeline_figure(tl, WIDTH, MAX_H, max_drawings=1)
    m = re.search(r"Not drawn: ([\d,]+) lanes with ([\d,]+) records", one.caption)
    drawn = {s.text for s in strings(one.drawings[0])}
    assert m and int(m[1]) == sum(lane not in drawn for lane in tl.lanes)


@settings(max_examples=40, deadline=None)
@given(shipments=st.integers(0, 700), spread=st.integers(1, 40_000),
       max_h=st.sampled_from([100.0, 300.0, 600.0]), caption=st.booleans(),
       group=st.sampled_from(["kind", "entity"]))
def test_the_counting_period_is_the_figures_without_drawing_it(shipments, spread, max_h,
                                                               caption, group):
    def moved(day, rid):  # spread the records over up to ``spread`` more days
        return day and day + timedelta(days=(rid * 7919) % spread)
    recs = [TimelineRecord(r.kind, r.id, r.label, "", "", moved(r.start, r.id),
                           moved(r.end, r.id), parties=r.parties) for r in records(shipments)]
    tl = build_timeline(recs, group)
    fig = timeline_figure(tl, WIDTH, max_h, caption_in_drawing=caption)
    assert counting_period(tl, WIDTH, max_h, caption) == (fig.period if fig else None)


def test_the_counting_period_sees_both_a_counted_and_a_drawn_figure():
    dense, sparse = build_timeline(records(700)), build_timeline(records(0, 10, 2, 0))
    assert counting_period(dense, WIDTH) == timeline_figure(dense, WIDTH).period == "quarter"
    assert counting_period(sparse, WIDTH) is None and timeline_figure(sparse, WIDTH).period \
        is None
    assert counting_period(build_timeline([]), WIDTH) is None


def test_long_spans_count_per_longer_periods_inside_the_axis():
    start = date(1981, 7, 20)
    recs = [TimelineRecord("shipment", i, "", "", "", start + timedelta(days=i * 290),
                           start + timedelta(days=i * 290 + 800)) for i in range(1, 51)]
    recs += [TimelineRecord("event", i, "", "", "", start + timedelta(days=i * 9), None)
             for i in range(1, 41)]  # open ends
    tl = build_timeline(recs)
    fig = timeline_figure(tl, WIDTH, 100)
    assert fig.period == "2-year period" and set(fig.counted_lanes) == {"Shipments", "Events"}
    assert min(fig.counts["Events"]) == date(1980, 1, 1)  # begins before the first day
    assert sum(sum(c.values()) for c in fig.counts.values()) == 90
    for d in fig.drawings:
        assert_inside(d)
        assert d.height <= 100
        bars = [s for s in shapes(d) if isinstance(s, Rect)]
        assert bars and min(b.x for b in bars) >= LABEL_W  # not into the lane names


def test_wrapper_returns_one_drawing_with_its_caption():
    tl = build_timeline(records())
    d = timeline_drawing(tl, WIDTH)
    assert d is not None and d.height <= 600
    assert_inside(d)
    assert "2,000 records" in pdf_text(d)
    assert timeline_drawing(build_timeline([]), WIDTH) is None


# --- network ---------------------------------------------------------------------------

def ship(i, a, b, n=1, via=()):
    return {"id": i, "shipper_id": a[0], "shipper": a[1], "consignee_id": b[0],
            "consignee": b[1], "shipment_count": n,
            "route": [{"country": c, "role": "transit"} for c in via]}


ALPHA, BETA, GAMMA = (1, "Alpha Exports"), (2, "Beta Trading"), (3, "深圳 DJI Co 2")


def test_party_that_ships_and_receives_is_drawn_once():
    data = [ship(1, ALPHA, BETA, 3, via=("TR",)), ship(2, BETA, ALPHA), ship(3, BETA, GAMMA),
            ship(4, ALPHA, BETA, 2, via=("TR", "AE"))]
    rels = [{"id": 1, "subject_id": 3, "subject": GAMMA[1], "object_id": 4,
             "object": "Owner Holding", "kind": "owned_by"}] * 2  # listed under both parties
    fig = network_figure(data, WIDTH, relationships=rels, sanctioned={2})
    d = fig.drawing
    assert_inside(d)
    assert_fonts_cover(d)
    assert sorted(n for n, *_ in fig.nodes) == sorted(
        ["Alpha Exports", "Beta Trading", "深圳 DJI Co 2", "Owner Holding"])
    text = pdf_text(d)
    assert text.count("Alpha Exports") == 1 and text.count("Beta Trading") == 1
    assert "DJI Co 2" in text and "owned by" in text
    fills = [s.fillColor for s in shapes(d) if isinstance(s, Circle)]
    assert fills.count(NODE) == 4 + 1  # + the legend's sample
    rings = [s for s in shapes(d) if isinstance(s, Circle) and s.strokeColor == RING
             and s.fillColor is None]
    beta = next(n for n in fig.nodes if n[0] == "Beta Trading")
    assert len(rings) == 2  # Beta's and the legend's sample
    assert (rings[0].cx, rings[0].cy) == (beta[1], beta[2])
    dashed = [s for s in shapes(d) if isinstance(s, Line) and s.strokeDashArray]
    assert len(dashed) == 2  # the relationship (once) and the legend's sample
    owner = next(n for n in fig.nodes if n[0] == "Owner Holding")
    chevron = [s for s in shapes(d) if isinstance(s, Line) and s.strokeColor == REL
               and not s.strokeDashArray]
    assert len(chevron) == 2  # pointing at the object of "subject owned by object"
    for s in chevron:
        assert math.dist((s.x1, s.y1), owner[1:3]) == pytest.approx(owner[3] + 1.5, abs=0.01)
    grounds = [s for s in shapes(d) if isinstance(s, Rect)]  # under labels only: no box
    assert grounds and all(g.fillColor.alpha < 1 and g.strokeColor is None  # hides a line
                           for g in grounds)
    assert len(grounds) == len(fig.nodes) + len(edge_numbers(d)) + 1  # + "owned by"
    edge_counts = sorted(edge_numbers(d))
    assert edge_counts == [1, 1, 5]  # Alpha→Beta aggregated: 3 + 2
    assert "5 via TR, AE" in [s.text for s in strings(d)]  # transit countries, busiest first
    diamonds = [s for s in shapes(d) if isinstance(s, Polygon) and len(s.points) == 8]
    assert len(diamonds) == 2 + 1  # one waypoint per transit country, + the legend's
    assert "Transit (codes on the lines): AE United Arab Emirates; TR Turkey" in fig.caption
    assert fig.caption.startswith("Shows all 4 parties and all 7 shipments (in all 4 "
                                  "records), and 1 relationship.")


def test_arrowheads_point_along_their_edge_and_stop_at_the_rim():
    fig = network_figure([ship(1, ALPHA, BETA, 4), ship(2, GAMMA, BETA)], WIDTH)
    pos = {n: (x, y, r) for n, x, y, r in fig.nodes}
    heads = [s for s in shapes(fig.drawing) if isinstance(s, Polygon)
             and len(s.points) == 6 and s.fillColor == SHIP][:-1]  # the last: the legend's
    assert len(heads) == 2
    bx, by, br = pos["Beta Trading"]
    for h in heads:
        tip = h.points[0], h.points[1]
        base = (h.points[2] + h.points[4]) / 2, (h.points[3] + h.points[5]) / 2
        assert math.dist(tip, (bx, by)) == pytest.approx(br + 1.5, abs=0.01)
        ax, ay = (tip[0] - base[0], tip[1] - base[1])
        cx, cy = bx - base[0], by - base[1]  # points at the consignee's centre
        assert abs(ax * cy - ay * cx) / (math.hypot(ax, ay) * math.hypot(cx, cy)) < 0.01


def edge_numbers(d):
    """The number of shipments printed on each link."""
    return [int(s.text.split()[0].replace(",", "")) for s in strings(d) if s.fillColor == SHIP]


def caption_numbers(caption):
    """Parties drawn, in all; shipments drawn, in all; parties and shipments not drawn;
    of those shipments: with parties not drawn, on links not drawn."""
    m = re.match(r"Shows ([\d,]+) of ([\d,]+) parties and ([\d,]+) of ([\d,]+) shipments.*"
                 r"Not drawn: ([\d,]+) parties and ([\d,]+) shipments \(([^)]*)\)", caption)
    assert m, caption
    why = m[7]
    with_p = re.search(r"([\d,]+) involving parties not drawn", why)
    on_links = re.search(r"([\d,]+) on [\d,]+ smaller links? between parties drawn", why)
    numbers = [*m.groups()[:6], with_p[1] if with_p else "0", on_links[1] if on_links else "0"]
    return [int(n.replace(",", "")) for n in numbers]


def test_busiest_links_first_and_the_rest_counted():
    shippers = [(i, f"Shipper {i}") for i in range(1, 11)]
    consignees = [(100 + j, f"Consignee {j}") for j in range(1, 6)]
    data = [ship(i * 10 + j, a, b, n=i * j) for i, a in enumerate(shippers, 1)
            for j, b in enumerate(consignees, 1)]  # 50 links, 1 to 50 shipments each
    fig = network_figure(data, WIDTH, limit=12, max_links=20, sanctioned={"Shipper 1"})
    assert_inside(fig.drawing)
    assert fig.links == (20, 50) and fig.parties == (12, 15)
    p_drawn, p_all, s_drawn, s_all, p_left, s_left, with_p, on_links = caption_numbers(
        fig.caption)
    total = sum(s["shipment_count"] for s in data)
    assert (s_drawn, s_all, p_drawn, p_left) == (fig.shipments[0], total, 12, 3)
    assert with_p + on_links == s_left == total - s_drawn and with_p and on_links
    assert "on 30 smaller links between parties drawn" in fig.caption
    counts = sorted(edge_numbers(fig.drawing))
    assert len(counts) == 20 and sum(counts) == s_drawn
    assert {1, 2, 3, 4, 5} <= set(counts)  # Shipper 1 is sanctioned: its links come first
    assert max(counts) == 50  # then the busiest


@pytest.fixture
def big_case(tmp_path):
    from tests.support.synthetic import build_synthetic_case

    case = build_synthetic_case(tmp_path / "big.casefile", shipments=2000, entities=400,
                                sources=10, citations=200, index=False)
    for i in range(1, 9):
        case.create("relationship", {"subject_id": i, "object_id": i + 1, "kind": "owns"})
    yield case
    case.close()


def test_network_of_a_2000_shipment_case(big_case):
    with big_case.read() as conn:
        data = read_dossier(conn, DossierOptions())
    rels = [r for e in data.entities for r in e["relationships"]]
    fig = network_figure(data.shipments, WIDTH, max_height=MAX_H, relationships=rels,
                         sanctioned={5, 77})
    d = fig.drawing
    assert_inside(d)
    assert_fonts_cover(d)
    names = [n for n, *_ in fig.nodes]
    assert len(names) == len(set(names)) == 40  # each party once
    fills = [s.fillColor for s in shapes(d) if isinstance(s, Circle)]
    assert fills.count(NODE) == 40 + 1  # + the legend's sample
    by_id = {e["id"]: e["name"] for e in data.entities}
    assert {by_id[5], by_id[77]} <= set(names)  # sanctioned parties are drawn first
    parties = {s["shipper_id"] for s in data.shipments} | {s["consignee_id"]
                                                            for s in data.shipments}
    assert fig.parties == (40, len(parties))
    assert fig.shipments[1] == sum(s["shipment_count"] for s in data.shipments) == 2000
    p_drawn, p_all, s_drawn, s_all, p_left, s_left, with_p, on_links = caption_numbers(
        fig.caption)
    assert p_drawn + p_left == p_all == len(parties)
    assert s_drawn + s_left == s_all == 2000
    assert with_p + on_links == s_left
    edge_counts = edge_numbers(d)
    assert sum(edge_counts) == s_drawn  # the figures on the lines are what the caption says
    again = network_figure(data.shipments, WIDTH, max_height=MAX_H, relationships=rels,
                           sanctioned={5, 77})
    assert again.nodes == fig.nodes  # deterministic: the same case, the same page
    wrapped = network_drawing(data.shipments, WIDTH, max_height=MAX_H)
    assert_inside(wrapped)
    assert "Not drawn:" in pdf_text(wrapped)


def test_long_names_wrap_onto_two_lines_inside_the_box():
    long = "Joint Stock Company Scientific Production Enterprise Kontakt-Avia Holding Group"
    fig = network_figure([ship(1, (1, long), BETA), ship(2, (3, "Y" * 5000), BETA)], WIDTH,
                         max_height=300)
    assert_inside(fig.drawing)
    texts = [s.text for s in strings(fig.drawing)]
    assert "JSC Scientific Production" in " ".join(texts)  # the legal form abbreviated
    assert "Joint Stock" not in " ".join(texts)
    assert fig.caption.endswith("Legal forms written out in words are abbreviated in the "
                                "labels (ООО, PJSC, GmbH …).")
    assert any(t.endswith("…") for t in texts)
    assert network_figure([], WIDTH) is None
    narrow = network_figure([ship(1, (1, long), BETA), ship(2, ALPHA, GAMMA)], 260,
                            max_height=300, caption_in_drawing=True)
    assert narrow.drawing.width == 260
    assert_inside(narrow.drawing)  # the legend goes onto more rows, the caption wraps


def test_a_network_of_relationships_alone_has_no_shipment_words_or_legend():
    rels = [{"id": 1, "subject_id": 1, "subject": ALPHA[1], "object_id": 2,
             "object": BETA[1], "kind": "owns"}]
    fig = network_figure([], WIDTH, relationships=rels)
    assert fig.legend == ("relationship",)  # no arrow, diamond or ring that is not drawn
    assert fig.caption == "Shows both parties and 1 relationship."
    texts = " ".join(s.text for s in strings(fig.drawing))
    assert "shipments" not in texts and "transit" not in texts and "sanctioned" not in texts
    assert not [s for s in shapes(fig.drawing) if isinstance(s, Polygon)]
    both = network_figure([ship(1, ALPHA, BETA, 2, via=("TR",))], WIDTH, relationships=rels,
                          sanctioned={1})
    assert both.legend == ("shipments (width and figure: how many)", "relationship",
                           "transit country", "sanctioned")


def test_ended_sanctions_are_hatched_against_a_line_for_today_and_the_legend_lists_only_that():
    def sanction(i, start, end, standing):
        return TimelineRecord("sanction", i, f"sanction {i}", "", "", start, end,
                              standing=standing)
    tl = build_timeline([sanction(1, date(2021, 5, 14), date(2024, 10, 30), "ended 2024-10-30"),
                         sanction(2, date(2022, 1, 1), date(2023, 1, 1), "lifted"),
                         sanction(3, date(2023, 2, 19), date(2033, 2, 19), "in force")])
    fig = timeline_figure(tl, WIDTH, MAX_H, today=date(2026, 11, 29))
    d = fig.drawings[0]
    assert_inside(d)
    colour = [s for s in shapes(d) if isinstance(s, Rect) and s.fillColor is not None
              and s.fillColor.hexval() == "0xd55e00"]
    solid = [s for s in colour if s.fillOpacity in (None, 1)]
    pale = [s for s in colour if s.fillOpacity is not None and s.fillOpacity < 0.5]
    assert len(solid) == 1 and len(pale) == 2  # the one in force solid, the ended two not
    hatch = [s for s in shapes(d) if isinstance(s, Line) and s.strokeColor is not None
             and s.strokeColor.hexval() == "0xd55e00"]
    assert len(hatch) > 10 and all(s.y2 > s.y1 for s in hatch)  # diagonal lines
    for s in hatch:  # inside the bars of the ended two
        assert any(b.x - 0.01 <= min(s.x1, s.x2) and max(s.x1, s.x2) <= b.x + b.width + 0.01
                   for b in pale)
    dashed = [s for s in shapes(d) if isinstance(s, Line) and s.strokeDashArray
              and s.x1 == s.x2]
    assert len(dashed) == 1  # today
    assert fig.shown == {"ended", "today"}
    legend = [s.text for s in strings(legend_drawing(WIDTH, tl.kinds, shown=fig.shown,
                                                     today="29 November 2026"))]
    assert legend == ["Sanctions", "ended or lifted", "today (29 November 2026)"]
    before = timeline_figure(tl, WIDTH, MAX_H, today=date(2020, 1, 1))
    assert "today" not in before.shown  # off the axis: not drawn, not in the legend


def test_what_the_network_leaves_out_is_one_list():
    # 'Not drawn: 6 parties, 2 shipments and 1 relationship' (once '… and 2 shipments and
    # 1 relationship')
    from casefile.report.figure_network_data import network_caption, select_network
    p = [(i, f"Party {i}") for i in range(1, 9)]
    rel = {"id": 1, "subject_id": p[6][0], "subject": p[6][1], "object_id": p[7][0],
           "object": p[7][1], "kind": "owns"}
    sel = select_network([ship(1, p[0], p[1], 5), ship(2, p[2], p[3]), ship(3, p[4], p[5])],
                         [rel], set(), 2, 10)
    assert sel is not None
    assert "Not drawn: 6 parties, 2 shipments and 1 relationship (" in network_caption(sel, 10)


def test_a_list_of_sanctioned_parties_shows_those_tied_to_others():
    """A list with no shipments, every party sanctioned: a ring of 20 owning each other
    (first in the file) and 60 parties each owning one other (their names first in the
    alphabet, their ties later in the file). The figure shows the parties with the most
    ties and draws a tie of each, not parties picked by name drawn alone (a 20k-entity
    list's figure showed 40 parties and 14 relationships)."""
    from casefile.report.figure_network_data import select_network

    def rel(i, a, b):
        return {"id": i, "subject_id": a[0], "subject": a[1], "object_id": b[0],
                "object": b[1], "kind": "owns"}

    ring = [(100 + i, f"Zala {i:02d}") for i in range(20)]
    owners = [((200 + i, f"Aardvark {i:02d}"), (300 + i, f"Zz holding {i:02d}"))
              for i in range(60)]
    rels = [rel(i, ring[i], ring[(i + 1) % 20]) for i in range(20)]
    rels += [rel(100 + i, a, b) for i, (a, b) in enumerate(owners)]
    sanctioned = {pid for pid, _n in ring + [p for ab in owners for p in ab]}
    sel = select_network([], rels, sanctioned, 40, 60)
    assert sel is not None
    assert {pid for pid, _n in ring} <= {k[1] for k in sel.chosen}
    tied = {k for r in sel.rels for k in (r[0], r[1])}
    assert set(sel.chosen) <= tied  # no party drawn alone
    assert sel.relationships[0] == 30  # the ring's 20 ties and 10 owners'


def test_names_and_numbers_lie_on_a_ground_over_every_line_they_cross(big_case):
    """look22: in a 2,000-shipment dossier lines struck through the party names and the
    numbers of other links. Each label is drawn after every line, on a pale ground that
    covers it."""
    with big_case.read() as conn:
        data = read_dossier(conn, DossierOptions())
    d = network_figure(data.shipments, WIDTH, max_height=MAX_H).drawing
    order = list(shapes(d))
    last_line = max(n for n, s in enumerate(order) if isinstance(s, Line | Polygon)
                    and s.strokeColor != colors.white and n < len(order) - 12)  # not legend
    labels = [(n, s) for n, s in enumerate(order) if isinstance(s, String)
              and n < last_line + 400 and s.fontSize <= 6.5]
    assert len(labels) > 40  # the names and the links' numbers
    grounds = [(n, s) for n, s in enumerate(order) if isinstance(s, Rect)]
    for n, s in labels:
        assert n > last_line  # no line is drawn over a label
        x0, y0, x1, y1 = s.getBounds()
        assert any(g.x <= x0 + 0.01 and g.y <= y0 + 1 and g.x + g.width >= x1 - 0.01
                   and m < n for m, g in grounds), s.text


def test_a_spelled_out_legal_form_is_abbreviated_in_a_long_label_and_said():
    long = 'ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "ТЕХНОПРОМСНАБ"'
    fig = network_figure([ship(1, (5, long), BETA), ship(2, ALPHA, BETA)], WIDTH)
    texts = " ".join(s.text for s in strings(fig.drawing))
    assert 'ООО "ТЕХНОПРОМСНАБ"' in texts and "ОБЩЕСТВО" not in texts
    assert "abbreviated in the labels" in fig.caption
    assert [n for n, *_ in fig.nodes if n == long]  # the node is still the party's name
    short = network_figure([ship(1, (5, 'ООО "ТЕХНОПРОМСНАБ"'), BETA)], WIDTH)
    assert "abbreviated" not in short.caption  # said only when a label was shortened


@pytest.mark.parametrize("text,ended", [
    ("2023-03-15", False),  # a succession on one day (look28: 'successor of (ended 2023)')
    ("2019", False),  # known to hold in 2019: no end said
    ("since 2015", False),
    ("2015 – 2020", True),
    ("until 2021-12-31", True),
    ("2015 – 2090", False),  # its end has not come
])
def test_a_relationship_is_labelled_ended_only_where_its_span_ends(tmp_path, text, ended):
    from datetime import date

    from casefile.report.network import ended_before
    from casefile.services.case.facade import Case
    from casefile.services.queries.dossier import DossierOptions, read_dossier

    case = Case.new(tmp_path / "r.casefile")
    a, b = (case.create("entity", {"name": n}).result for n in ("OOO Vektor", "AO Vektor-2"))
    case.create("relationship", {"kind": "successor_of", "subject_id": b, "object_id": a,
                                 "date": text})
    with case.read() as conn:
        (rel,) = read_dossier(conn, DossierOptions()).relationships()
    assert ended_before(rel, date(2026, 12, 1)) is ended


def test_an_ended_sanction_whose_start_is_not_known_fades_in():
    """(review32) An ended sanction known only to be listed on a day or earlier was drawn
    as a hatched bar of about six months ending that day: dates it does not know."""
    from datetime import date

    from casefile.core.timeline import TimelineRecord, build_timeline
    from casefile.report.figure_timeline import _look

    def sanction(i, start, end, standing):
        return TimelineRecord("sanction", i, f"s{i}", "as given", "", start, end, False,
                              False, (), (), (), (), standing)

    tl = build_timeline([sanction(1, None, date(2022, 12, 31), "lifted"),
                         sanction(2, date(2019, 1, 1), date(2021, 6, 30), "ended 2021-06-30")])
    looks = {tl.records[int(tl.rec[i])].id: _look(tl, i) for i in range(len(tl.rows))}
    assert looks == {1: "open end", 2: "ended"}
