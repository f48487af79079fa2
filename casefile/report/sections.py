"""The dossier's sections as flowables. Case text goes into paragraphs as text runs
(:mod:`casefile.report.rich`), never as markup, so it always prints literally."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import TypeAlias, TypeVar

from reportlab.lib import colors
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from casefile.core.countries import country_name
from casefile.core.grading import CONFIDENCE, CREDIBILITY, RELIABILITY, TLP
from casefile.core.labels import words
from casefile.report import styles as st
from casefile.report.charts import legend_drawing, network_drawing, timeline_drawing
from casefile.report.fonts import BODY, BOLD, has_cjk
from casefile.report.model import DossierData
from casefile.report.pages import Deferred, Furniture, TocFlowable
from casefile.report.rich import BR, Text, anchored, join, para, r

CHUNK = 40  # table rows per Table object: keeps layout linear in the number of rows
CHRONO_LIMIT = 300  # above this many shipments the chronology counts them by month
LINK = "#0B4F8A"
T = TypeVar("T")


class Plain(str):
    """A table cell drawn as plain text by the table itself (no paragraph, and fast): for
    short values that never need wrapping. Text with CJK characters becomes a paragraph
    instead, for the CJK font."""


Cell: TypeAlias = Flowable | Plain | Text


def plain(text: object) -> Plain | Text:
    s = "" if text is None else str(text)
    return [r(s)] if has_cjk(s) else Plain(s)


class Anchor(Flowable):
    """A zero-size flowable that marks a section for the outline and the TOC."""

    def __init__(self, key: str, title: str, level: int = 0) -> None:
        super().__init__()
        self.bookmark = (key, title, level)

    def wrap(self, *_: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


def heading(f: Furniture, key: str, title: str, level: int = 0,
            style: st.ParagraphStyle = st.H1) -> list[Flowable]:
    if level == 0:
        f.toc.append((key, title, level))
    return [Anchor(key, title, level), para(title, style)]


def marks(data: DossierData, kind: str, rid: int) -> Text:
    """Citation marks as links into the sources appendix: [1 C2; 3 B2]."""
    found = data.marks.get((kind, rid), [])
    if not found:
        return []
    linked = "sources" in data.options.sections  # links only where the appendix is printed
    out = [r(" [", size=7)]
    for i, (n, code) in enumerate(found):
        if i:
            out.append(r("; ", size=7))
        out.append(r(f"{n}\u00a0{code}", size=7, color=LINK if linked else None,
                     link=f"src-{n}" if linked else None))
    out.append(r("]", size=7))
    return out


def _date(row: dict) -> str:
    return row.get("date_text") or "undated"


def _table(header: list[str], items: Sequence[T], row: Callable[[T], list[Cell]],
           widths: list[float]) -> list[Flowable]:
    """Page-sized tables with the header repeated on each; rows never split. Each table of
    ``CHUNK`` items is made (``row(item)`` for each) only when layout reaches it."""
    head = [Plain(h) for h in header]  # our own words: plain, bold cells
    style = TableStyle([
        ("FONTNAME", (0, 0), (-1, 0), BOLD), ("FONTSIZE", (0, 0), (-1, 0), st.CELL.fontSize),
        ("BACKGROUND", (0, 0), (-1, 0), st.HEAD_BG),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, st.RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)])
    style.add("FONTNAME", (0, 1), (-1, -1), BODY)
    style.add("FONTSIZE", (0, 1), (-1, -1), st.CELL.fontSize)
    style.add("LEADING", (0, 1), (-1, -1), st.CELL.leading)

    def make(chunk: Sequence[T]) -> list[Flowable]:
        cells = [[c if isinstance(c, Flowable | Plain) else para(c, st.CELL) for c in row(it)]
                 for it in chunk]
        return [Table([head] + cells, colWidths=widths, repeatRows=1, style=style)]

    if not items:
        return make([])
    return [Deferred(partial(make, items[i:i + CHUNK])) for i in range(0, len(items), CHUNK)]


def cover(data: DossierData, f: Furniture) -> list[Flowable]:
    info = data.info
    out: list[Flowable] = [Anchor("cover", "Cover", 0), Spacer(1, 50)]
    tlp = TLP.get(info.get("marking") or "")
    if tlp:
        badge = Table([[para(r(tlp.label, color=tlp.fg),
                             st._p("tlp", fontName=BOLD, fontSize=14, leading=18))]],
                      style=[("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(tlp.bg)),
                             ("LEFTPADDING", (0, 0), (-1, -1), 8)], hAlign="LEFT")
        out += [badge, para(tlp.meaning, st.MUTED_TEXT), Spacer(1, 18)]
    out.append(para(info["title"], st.TITLE))
    if info.get("reference"):
        out.append(para(f"Reference {info['reference']}", st.SUBTITLE))
    who = " · ".join(x for x in (info.get("author"), info.get("organisation")) if x)
    if who:
        out.append(para(who, st.SUBTITLE))
    if data.as_of:
        out.append(para(f"Case as of {data.as_of:%d %B %Y}", st.SUBTITLE))
    if f.marking_line:
        out.append(para(f.marking_line, st.SUBTITLE))
    out.append(Spacer(1, 20))
    if info.get("summary"):
        out.append(para(info["summary"], st.BODY_TEXT))
    opt = data.options
    scope = []
    if opt.tag:
        scope.append(f"records tagged “{opt.tag}”")
    if opt.entity_id is not None:
        scope.append("one entity and the records that touch it")
    out.append(Spacer(1, 30))
    if scope:
        out.append(para("Scope: " + " and ".join(scope) + ".", st.NOTE))
    if opt.redact_protected:
        out.append(para("Protected sources are redacted: they appear only by number "
                        "and grade.", st.NOTE))
    out.append(para("Built from the case content whose digest the last audit entry "
                    "records, SHA-256:", st.MUTED_TEXT))
    out.append(para(r(data.content_sha256, size=8), st.MUTED_TEXT))
    out.append(PageBreak())
    return out


def toc(f: Furniture, width: float) -> list[Flowable]:
    return [para("Contents", st.H1), Spacer(1, 6), TocFlowable(f, width), PageBreak()]


def findings(data: DossierData, f: Furniture) -> list[Flowable]:
    out = heading(f, "findings", "Key findings")
    if not data.findings:
        return out + [para("No findings recorded.", st.NOTE)]
    for n, fi in enumerate(data.findings, 1):
        conf = CONFIDENCE.get(fi["confidence"], fi["confidence"])
        out.append(KeepTogether([
            para(f"{n}. {fi['title']}", st.H3),
            para(r(conf, italic=True), st.MUTED_TEXT),
            para([r(fi["text"])] + marks(data, "finding", fi["id"]), st.BODY_TEXT)]))
    return out


def chronology(data: DossierData, f: Furniture, width: float) -> list[Flowable]:
    out = heading(f, "chronology", "Chronology")
    tl = data.timeline
    drawing = timeline_drawing(tl, width) if tl is not None else None
    if tl is not None and drawing is not None:
        out += [drawing, Spacer(1, 2), legend_drawing(width, tl.kinds), Spacer(1, 4),
                para("Dates are shown as the sources gave them; bars span the first to "
                     "the last day a date can mean.", st.NOTE), Spacer(1, 8)]
    rows: list[tuple[str, list]] = []
    if len(data.shipments) <= CHRONO_LIMIT:
        for s in data.shipments:
            rows.append((s.get("date_start") or "9999", [
                [r(_date(s))], Plain("Shipment"),
                [r(s["declared_goods"] or "goods not stated"),
                 r(f": {s['shipper']} → {s['consignee']}")] + marks(data, "shipment", s["id"])]))
    else:  # a big case: shipments by month here, each one in the Shipments table
        out.append(para(f"{len(data.shipments):,} shipments are counted by the month "
                        "they start in; each is listed in the Shipments section.", st.NOTE))
        months: dict[str, int] = {}
        for s in data.shipments:
            key = (s.get("date_start") or "undated")[:7]
            months[key] = months.get(key, 0) + (s.get("shipment_count") or 1)
        for key, n in months.items():
            rows.append((key if key != "undated" else "9999", [
                Plain(key), Plain("Shipments"), Plain(f"{n:,} shipment{'s' if n != 1 else ''}")]))
    for e in data.events:
        rows.append((e.get("date_start") or "9999", [
            [r(_date(e))], [r(words(e["kind"]).capitalize())],
            [r(e["title"])] + marks(data, "event", e["id"])]))
    for ent in data.entities:
        for s in ent["sanctions"]:
            ended = f" — {s['standing']}" if s.get("ended") else ""
            rows.append((s.get("date_start") or s.get("start_start") or "9999", [
                [r(_date(s) if s.get("date_text") or not s.get("start_text")
                   else s["start_text"])], Plain("Sanction"),
                [r(f"{s['authority']}: {ent['name']}{ended}")]
                + marks(data, "sanction", s["id"])]))
    rows.sort(key=lambda row: row[0])
    return out + _table(["Date (as given)", "Kind", "What"], rows, lambda row: row[1],
                        [0.2 * width, 0.14 * width, 0.66 * width])


def _names(e: dict) -> Text:
    parts = [[r(e["name"])]]
    for a in e["aliases"]:
        lang = [r(f" ({a['lang']})", size=7, color="#5A5A5A")] if a["lang"] else []
        parts.append([r(a["name"])] + lang)
    return join(parts)


def _listed(items: list[dict], other: str, word: str) -> Text:
    text = "; ".join(f"{_date(s)} {s['declared_goods'] or ''} ({word} {s[other]})"
                     for s in items[:6])
    if len(items) > 6:
        text += f"; and {len(items) - 6} more (see Shipments)"
    return [r(text)]


def _profile(data: DossierData, f: Furniture, e: dict) -> list[Flowable]:
    out: list[Flowable] = [CondPageBreak(90)]
    out += heading(f, f"entity-{e['id']}", e["name"], 1, st.H2)
    countries = [c for c in [e["country"], *(e.get("other_countries") or "").split(",")] if c]
    facts: list[tuple[str, Text]] = [
        ("Names", _names(e)), ("Kind", [r(words(e["kind"]))]),
        ("Country" if len(countries) < 2 else "Countries",
         [r(", ".join(country_name(c) or c for c in countries) or "not known")])]
    facts += _details(e)
    if e["identifiers"]:
        facts.append(("Identifiers", [r("; ".join(f"{i['scheme']} {i['value']}"
                                                for i in e["identifiers"]))]))
    if e["description"]:
        facts.append(("Notes", [r(e["description"])] + marks(data, "entity", e["id"])))
    elif data.marks.get(("entity", e["id"])):
        facts.append(("Sources", marks(data, "entity", e["id"])))
    for s in e["sanctions"]:
        facts.append(("Sanction", _sanction_text(s) + marks(data, "sanction", s["id"])))
    for rel in e["relationships"]:
        facts.append(("Relationship", [r(f"{rel['subject']} {words(rel['kind'])} "
                                         f"{rel['object']}")]
                      + marks(data, "relationship", rel["id"])))
    if e["sent"]:
        facts.append(("Shipped", _listed(e["sent"], "consignee", "to")))
    if e["received"]:
        facts.append(("Received", _listed(e["received"], "shipper", "from")))
    for ev in e["events"][:8]:
        facts.append(("Event", [r(f"{_date(ev)}: {ev['title']}")]
                      + marks(data, "event", ev["id"])))
    # the label hangs in the margin: one paragraph a fact
    return out + [para(value, st.FACT, bullet=label) for label, value in facts]


def _details(e: dict) -> list[tuple[str, Text]]:
    """What a profile says of a party beyond names and countries, where the case knows it."""
    out: list[tuple[str, Text]] = []
    nationality = [c for c in (e.get("nationality") or "").split(",") if c]
    if nationality:
        out.append(("Nationality", [r(", ".join(country_name(c) or c for c in nationality))]))
    born = " in ".join(x for x in (e.get("birth_text"), e.get("birth_place")) if x)
    for label, value in (("Born", born), ("Incorporated", e.get("incorporation_text")),
                         ("Dissolved", e.get("dissolution_text")),
                         ("Legal form", e.get("legal_form")),
                         ("Position", "; ".join((e.get("position") or "").splitlines())),
                         ("Address", "; ".join((e.get("address") or "").splitlines())),
                         ("Topics", (e.get("topics") or "").replace(",", ", "))):
        if value:
            out.append((label, [r(value)]))
    return out


def _sanction_text(s: dict) -> Text:
    """'U.S. Treasury NS-CMIC, listed 2021, in force from …, ended 30 October 2024: reason',
    the standing in bold when the sanction has ended or was lifted."""
    parts = [" ".join(x for x in (s["authority"], s["programme"]) if x) or "Sanction"]
    if s.get("date_text"):
        parts.append(f"listed {s['date_text']}")
    if s.get("start_text") and s.get("start_text") != s.get("date_text"):
        parts.append(f"in force from {s['start_text']}")
    out: Text = [r(", ".join(parts))]
    if s.get("standing"):
        out.append(r(f", {s['standing']}", bold=bool(s.get("ended"))))
    if s.get("reason"):
        out.append(r(f": {s['reason']}"))
    return out


def entities(data: DossierData, f: Furniture) -> list[Flowable]:
    return heading(f, "entities", "Entity profiles") + [
        Deferred(partial(_profile, data, f, e)) for e in data.entities]


def _num(v: float | None, unit: str = "") -> Plain | Text:
    if v is None:
        return Plain("")
    text = f"{v:,.0f}" if v == int(v) else f"{v:,.2f}"
    if unit:  # a unit may be long: a paragraph, so it wraps within its column
        return [r(f"{text} {unit}")]
    return Plain(text)


def _shipment_row(data: DossierData, s: dict) -> list[Cell]:
    route: Text = [r(s["shipper"])]
    for stop in s["route"]:
        route += [r(" → "), r(country_name(stop["country"]) or stop["place"], italic=True)]
    route += [r(" → "), r(s["consignee"])]
    goods = [r(s["declared_goods"])]
    if s["assessed_goods"] and s["assessed_goods"] != s["declared_goods"]:
        goods += [BR, r("assessed:", italic=True), r(f" {s['assessed_goods']}")]
    if s["dual_use"]:
        goods.append(r(" DUAL-USE", size=6.5, color="#D55E00"))
    cites = marks(data, "shipment", s["id"])
    return [[r(_date(s))], route, goods, plain(s["hs_code"]), _num(s["quantity"], s["unit"]),
            _num(s["weight_kg"]), _num(s["value"], s["currency"]),
            Plain(str(s["shipment_count"])),
            [r("[", size=7)] + cites[1:] if cites else Plain("")]


def shipments(data: DossierData, f: Furniture, width: float) -> list[Flowable]:
    return heading(f, "shipments", "Shipments") + _table(
        ["Date", "Shipper → route\n→ consignee", "Goods (declared\n/ assessed)", "HS", "Qty",
         "Weight\nkg", "Value", "No.", "Sources"],
        data.shipments, partial(_shipment_row, data),
        [w * width for w in (0.1, 0.25, 0.21, 0.06, 0.08, 0.08, 0.08, 0.05, 0.09)])


def network(data: DossierData, f: Furniture, width: float) -> list[Flowable]:
    out = heading(f, "network", "Shipment network")
    d = network_drawing(data.shipments, width)
    if d is None:
        return out + [para("No shipments recorded.", st.NOTE)]
    return out + [para("Who shipped to whom, and through which countries. Line width grows "
                       "with the number of shipments.", st.NOTE), Spacer(1, 6), d]


CITES = st._p("cites", fontSize=7.5, leading=9.5, leftIndent=12)


def _source_entry(s: dict) -> Text:
    n = s["number"]
    rel = RELIABILITY.get(s["reliability"], "")
    out: Text = [r(f"[{n}]", bold=True), r(f" {s['title']}"), BR]
    meta = [words(s["kind"]), s.get("publisher"), s.get("author"), s.get("date_text")]
    out += [r(" · ".join(str(m) for m in meta if m)), BR]
    if s.get("url"):
        out += [r(f"URL: {s['url']}"), BR]
    if s.get("accessed"):
        out += [r(f"Accessed {s['accessed']}"), BR]
    out.append(r(f"Reliability {s['reliability']} — {rel}"))
    return out


def _cited(fact: dict) -> Text:
    name = fact.get("label") or f"#{fact['id']}"
    text = f" {fact['kind']} “{name[:70]}”"
    if fact["locator"]:
        text += f", {fact['locator']}"
    if fact["excerpt"]:
        text += f": “{fact['excerpt']}”"
    return [r(fact["code"], bold=True), r(text)]


def _source(s: dict) -> list[Flowable]:
    block: list[Flowable] = [anchored(f"src-{s['number']}", _source_entry(s), st.SMALL)]
    cited = [_cited(fact) for fact in s["facts"]]
    if cited:
        block.append(para(join(cited, BR), CITES))
    for a in s.get("attachments", []):
        block.append(para([r(f"Attachment: {a['filename']} ({a['size']:,} bytes), SHA-256 "),
                           r(a["sha256"], size=7)], CITES))
    block.append(Spacer(1, 6))
    # a short entry stays on one page; a long one may break between its cited facts
    return [KeepTogether(block)] if len(cited) < 12 else block


def sources(data: DossierData, f: Furniture) -> list[Flowable]:
    out = heading(f, "sources", "Sources")
    out += [para("Codes combine the source's reliability (A–F) with the credibility of "
                    "each item of information, as on the Admiralty scale: " + "; ".join(
                        f"{k} {v.lower()}" for k, v in CREDIBILITY.items()) + ".", st.NOTE),
            Spacer(1, 8)]
    out += [Deferred(partial(_source, s)) for s in data.sources]
    if not data.sources:
        out.append(para("No sources are cited in this dossier.", st.NOTE))
    return out
