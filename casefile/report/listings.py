"""The chronology and the shipments table: every row numbered, sourced or marked unsourced,
long texts continued in notes after the table, numbers on one line."""

from __future__ import annotations

from functools import partial
from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Spacer

from casefile.core.countries import country_name
from casefile.core.grading import CONFIDENCE
from casefile.core.labels import link_words, words
from casefile.report import styles as st
from casefile.report.charts import (
    counting_period,
    legend_drawing,
    timeline_figure,
)
from casefile.report.citing import (
    clip,
    date_as_given,
    date_order,
    heading,
    long_date,
    marks,
    none_printed,
    with_heading,
)
from casefile.report.model import DossierData
from casefile.report.pages import Furniture
from casefile.report.profiles import sanction_who
from casefile.report.rich import BR, Text, para, r
from casefile.report.tables import (
    PAD,
    Cell,
    Column,
    Num,
    Overflow,
    Plain,
    cell_width,
    long_table,
    plain,
)

CHRONO_LIMIT = 300  # above this many shipments the chronology counts them by month
ORANGE = "#D55E00"


def _shipped(s: dict, notes: Overflow) -> Text:
    """A shipment in the chronology: its goods, shipper → consignee, each party's name
    standing alone (review33: between two Arabic-named parties the arrow pointed from the
    consignee to the shipper)."""
    label = f"shipment on {date_as_given(s)}"
    return (notes.cut(f"{clip(s['declared_goods'] or 'goods not stated', 80)}: ", label)
            + notes.cut(clip(s["shipper"], 120), label, isolate=True) + [r(" → ")]
            + notes.cut(clip(s["consignee"], 120), label, isolate=True))


def chronology(data: DossierData, f: Furniture, width: float) -> list[Flowable]:
    out = heading(f, "chronology", "Chronology")
    rows: list[tuple[str, str, int, list[Cell]]] = []
    notes = Overflow("chrono")
    big = len(data.shipments) > CHRONO_LIMIT
    period = _period(data, width) if big else "month"  # the figure's counting period
    if not big:
        for s in data.shipments:
            rows.append((date_order(s), "shipment", s["id"], [
                [r(date_as_given(s))], Plain("Shipment"),
                _shipped(s, notes) + marks(data, "shipment", s["id"])]))
    else:  # a big case: shipments counted per period here (the figure's), each one listed
        counted: dict[str, int] = {}
        for s in data.shipments:
            key = _bucket(s.get("date_start"), period)
            counted[key] = counted.get(key, 0) + (s.get("shipment_count") or 1)
        for key, n in counted.items():
            rows.append((key if key != "undated" else "9999", "period", 0, [
                Plain(key), Plain("Shipments"),
                Plain(f"{n:,} shipment{'s' if n != 1 else ''} (see Shipments)")]))
    for e in data.events:
        what: Text = notes.cut(e["title"], f"event {date_as_given(e)}", isolate=True)
        if e.get("description"):
            what += [BR] + notes.cut(e["description"], f"event “{e['title'][:60]}”",
                                     chars=400, lines=6, size=6.8, color="#3A3A3A",
                                     isolate=True)
        rows.append((date_order(e), "event", e["id"], [
            [r(date_as_given(e))], [r(words(e["kind"]).capitalize())],
            what + marks(data, "event", e["id"])]))
    for ent in data.entities:
        for s in ent["sanctions"]:
            ended = f" — {s['standing']}" if s.get("standing") else ""
            given = "date" if s.get("date_text") else "start" if s.get("start_text") else \
                "end" if s.get("end_text") else "date"  # (look21: one known to end only
            when = (f"until {s['end_text']}" if given == "end"  # was 'undated', its bar drawn)
                    else s["start_text"] if given == "start" else date_as_given(s))
            rows.append((date_order(s, given), "sanction",
                         s["id"], [[r(when)], Plain("Sanction"),
                                   notes.cut(": ".join(x for x in (sanction_who(s),
                                                                   ent["name"]) if x),
                                             "sanction")  # (look28: ': Maria …')
                                   + [r(ended, bold=bool(s.get("ended")))]
                                   + marks(data, "sanction", s["id"])]))
    rows += _dated_relationships(data, notes)
    rows.sort(key=lambda row: (row[0], row[1], row[2]))
    # bars in the figure carry the number of their row in the table
    numbers = {(kind, rid): n for n, (_day, kind, rid, _cells) in enumerate(rows, 1) if rid}
    tl = data.timeline
    fig = timeline_figure(tl, width, numbers=numbers, max_drawings=1,
                          caption_in_drawing=True, today=data.today) \
        if tl is not None else None
    if tl is not None and fig is not None:
        counts = bool(fig.counted_lanes)
        today = long_date(data.today) if data.today else ""
        legend = legend_drawing(width, tl.kinds, counts=counts, shown=fig.shown, today=today)
        # the heading goes with its figure: never alone at a page foot
        out = with_heading(out, [
               fig.drawings[0], Spacer(1, 2), legend, Spacer(1, 4),
               para("Figure 1. Chronology. Dates are shown as the sources gave them; bars "
                     "span the first to the last day a date can mean"
                     + (f"; count bars total a lane's records per {fig.period}"
                        if counts and fig.period else "")
                     + ("; a sanction that has ended or was lifted is hatched"
                        if "ended" in fig.shown else "")
                     + (f"; the dashed line marks today, {today}" if "today" in fig.shown
                        else "")
                     + ". Undated shipments, events and sanctions are listed below but "
                     "not drawn; a relationship is listed only when dated (each is in the "
                     "profiles of its parties). Source: the records listed below.",
                     st.NOTE)]) + [Spacer(1, 8)]
    if big:
        out.append(para(f"{len(data.shipments):,} shipments are counted per "
                        f"{period} they start in; each is listed in the "
                        "Shipments section.", st.NOTE))
    if not rows:
        return out + [para("Nothing dated or listed.", st.NOTE)]
    cols = [Column("No.", fit=True, numeric=True),
            Column("Date (as given)", fit=True, maximum=110,  # its header on one line
                   minimum=cell_width("Date (as given)", bold=True) + 2 * PAD + 1),
            Column("Kind", fit=True), Column("What", 1.0)]
    numbered = list(enumerate(rows, 1))
    return out + long_table(
        cols, numbered, lambda item: [Num(str(item[0])), *item[1][3]], width,
        fitted=[[str(len(rows)), _longest_token(_plain_text(row[3][0])),
                 _plain_text(row[3][1]), ""] for row in rows],
        label=lambda item: f"chronology row {item[0]} ({item[1][1]} #{item[1][2]})",
        overflow=notes)


def _number(v: float | None) -> str:
    if v is None:
        return ""
    return f"{v:,.0f}" if v == int(v) else f"{v:,.2f}"


def _route(s: dict, notes: Overflow) -> Text:
    out: Text = notes.cut(s["shipper"], "shipper", chars=200, isolate=True)
    for stop in s["route"]:
        where = " ".join(x for x in (country_name(stop.get("country")) or stop.get("country"),
                                     stop.get("place")) if x)
        via = [x for x in (where, stop.get("entity"), words(stop["role"])
                           if stop.get("role") else "") if x]
        out += [r(" → "), r(", ".join(via) or "a stop", italic=True)]
    out += [r(" → ")] + notes.cut(s["consignee"], "consignee", chars=200, isolate=True)
    ends = [f"{word} {country_name(s[col]) or s[col]}" for word, col in (
        ("origin", "origin_country"), ("destination", "destination_country")) if s.get(col)]
    if ends:  # (look28: never printed — the chips' origin Taiwan nowhere in the dossier)
        out += [BR, r(", ".join(ends), size=6.5, color="#5A5A5A")]
    return out


def _goods(s: dict, notes: Overflow) -> Text:
    label = f"shipment {s.get('reference') or '#' + str(s['id'])}"
    out: Text = []
    if s.get("reference"):
        out += [r("Ref. ", size=6.5, color="#5A5A5A"), r(s["reference"], size=6.5), BR]
    out += notes.cut(s["declared_goods"] or "goods not stated", f"goods of {label}")
    if s["assessed_goods"] and s["assessed_goods"] != s["declared_goods"]:
        out += [BR, r("assessed:", italic=True), r(" ")]
        out += notes.cut(s["assessed_goods"], f"assessed goods of {label}")
    if s["dual_use"]:
        out.append(r(" DUAL-USE", size=6.5, color=ORANGE))
    if s.get("notes"):
        out += [BR, r("Note: ", italic=True, size=6.8)]
        out += notes.cut(s["notes"], f"note on {label}", chars=400, lines=6, size=6.8)
    return out


def _plain_text(cell: Cell) -> str:
    return cell if isinstance(cell, str) else "".join(x.text for x in cell)


def _period(data: DossierData, width: float) -> str:
    """The period the chronology figure counts in (month, quarter, year): the table of a
    big case counts its shipments in the same periods."""
    tl = data.timeline
    period = counting_period(tl, width) if tl is not None else None  # not drawn twice
    if period is None:  # the figure draws every record: months read best
        return "month"
    return period if period in ("month", "quarter") else "year"


def _bucket(day: str | None, period: str) -> str:
    if not day:
        return "undated"
    if period == "month":
        return day[:7]
    if period == "quarter":
        return f"{day[:4]} Q{(int(day[5:7]) - 1) // 3 + 1}"
    return day[:4]


def _longest_token(text: str) -> str:
    return max(text.split(), key=len, default="")


def _figures(s: dict) -> list[str]:
    """Quantity, weight and value, one a line with its unit, and the count of shipments a
    record stands for when it is more than one."""
    out = []
    # a number without its unit or currency says which it is (look28: '125,000.50' and
    # '842,000' under 'Quantity, weight, value')
    if s["quantity"] is not None:
        unit = (s["unit"] or "")[:14]
        out.append(f"{_number(s['quantity'])} {unit}" if unit else
                   f"quantity {_number(s['quantity'])}")
    if s["weight_kg"] is not None:
        out.append(f"{_number(s['weight_kg'])} kg")
    if s["value"] is not None:
        currency = (s["currency"] or "")[:14]
        out.append(f"{_number(s['value'])} {currency}" if currency else
                   f"value {_number(s['value'])}")
    if (s["shipment_count"] or 1) > 1:
        out.append(f"×{s['shipment_count']:,} shipments")
    return out


def _shipment_row(data: DossierData, notes: Overflow, s: dict) -> list[Cell]:
    hs = s["hs_code"] or "—"
    return [[r(date_as_given(s))], _route(s, notes), _goods(s, notes),
            plain(hs) if len(hs) <= 14 else [r(hs)], Num("\n".join(_figures(s)) or "—"),
            marks(data, "shipment", s["id"], brackets=False)]


def shipments(data: DossierData, f: Furniture, width: float) -> list[Flowable]:
    notes = Overflow("shipments")
    cols = [Column("Date", fit=True, minimum=44, maximum=96),
            Column("Shipper → route → consignee", 0.4),
            Column("Goods (declared / assessed)", 0.5), Column("HS code", fit=True),
            Column("Quantity, weight, value", fit=True, numeric=True, minimum=60),
            Column("Sources", 0.1, minimum=46)]
    fitted = [[_longest_token(date_as_given(s)), "", "", (s["hs_code"] or "")[:14],
               max(_figures(s), key=len, default=""), ""] for s in data.shipments]
    if not data.shipments:
        return heading(f, "shipments", "Shipments") + [
            para(none_printed(data, "shipment", "shipments"), st.NOTE)]
    return heading(f, "shipments", "Shipments") + long_table(
        cols, data.shipments, partial(_shipment_row, data, notes), width, fitted=fitted,
        label=lambda s: f"shipment #{s['id']}" + (f" ({s['reference']})"
                                                  if s.get("reference") else ""),
        overflow=notes)


def findings(data: DossierData, f: Furniture) -> list[Flowable]:
    out = heading(f, "findings", "Key findings")
    if not data.findings:
        return out + [para(none_printed(data, "finding", "findings"), st.NOTE)]
    for n, fi in enumerate(data.findings, 1):
        conf = CONFIDENCE.get(fi["confidence"], fi["confidence"])
        graded: Text = [r(conf, italic=True)]
        if fi.get("sourcing_note"):  # a grade its sources do not bear out is said with it
            graded += [r(" — note: this finding is " + fi["sourcing_note"] + ".",
                         color="#8A4B00")]
        body = [para([r(f"{n}. "), r(fi["title"], isolate=True)], st.H3),
                para(graded, st.MUTED_TEXT),
                para([r(fi["text"], isolate=True)] + marks(data, "finding", fi["id"]),
                     st.BODY_TEXT)]
        # a short finding stays on one page; a long one flows on
        out += [KeepTogether(body)] if len(fi["text"] or "") < 1500 else body
    return out


def _dated_relationships(data: DossierData, notes: Overflow
                         ) -> list[tuple[str, str, int, list[Any]]]:
    """A chronology row for each relationship with a date (a tie held 'since 2015', 'until
    2021-12-31'), once though both its parties list it; placed at its start, else its end."""
    rows: list[tuple[str, str, int, list[Any]]] = []
    for rel in data.relationships():
        when = rel.get("date_start") or rel.get("date_end")
        if not when:
            continue
        what: Text = (notes.cut(rel["subject"], "relationship", isolate=True)
                      + [r(f" {link_words(rel['kind'])} ")]
                      + notes.cut(rel["object"], "relationship", isolate=True))
        if rel.get("description"):  # (review33: an Arabic one in English clause order)
            what += [r(": ")] + notes.cut(rel["description"], "relationship", isolate=True)
        rows.append((when, "relationship", rel["id"], [
            [r(date_as_given(rel))], Plain("Relationship"),
            what + marks(data, "relationship", rel["id"])]))
    return rows

