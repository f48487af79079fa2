"""The dossier's sections as flowables. Every piece of case text goes through
:func:`casefile.report.fonts.markup` (escaped, never parsed as markup)."""

from __future__ import annotations

from collections.abc import Iterable

from reportlab.lib import colors
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from casefile.core.countries import country_name
from casefile.core.grading import CONFIDENCE, CREDIBILITY, RELIABILITY, TLP
from casefile.core.labels import words
from casefile.report import styles as st
from casefile.report.charts import legend_drawing, network_drawing, timeline_drawing
from casefile.report.fonts import BODY, BOLD, has_cjk, markup
from casefile.report.pages import Furniture, TocFlowable
from casefile.services.dossier_data import DossierData

CHUNK = 40  # table rows per Table object: keeps layout linear in the number of rows
CHRONO_LIMIT = 300  # above this many shipments the chronology counts them by month


class Plain(str):
    """A table cell drawn as plain text (no markup parsing at all, and fast): for short
    values that never need wrapping. Text with CJK characters becomes a paragraph instead,
    for the CJK font."""


def plain(text: object) -> Plain | str:
    s = "" if text is None else str(text)
    return markup(s) if has_cjk(s) else Plain(s)


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
    return [Anchor(key, title, level), Paragraph(markup(title), style)]


def marks(data: DossierData, kind: str, rid: int) -> str:
    """Citation marks as links into the sources appendix: [1 C2; 3 B2]."""
    found = data.marks.get((kind, rid), [])
    if not found:
        return ""
    if "sources" in data.options.sections:  # links only where the appendix is printed
        links = [f'<a href="#src-{n}" color="#0B4F8A">{n}&nbsp;{code}</a>'
                 for n, code in found]
    else:
        links = [f"{n}&nbsp;{code}" for n, code in found]
    return " <font size=7>[" + "; ".join(links) + "]</font>"


def _date(row: dict) -> str:
    return row.get("date_text") or "undated"


def _table(header: list[str], rows: Iterable[list[Flowable | str]], widths: list[float]
           ) -> list[Flowable]:
    """Page-sized tables with the header repeated on each; rows never split."""
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
    out: list[Flowable] = []
    chunk: list[list] = []
    for row in rows:
        chunk.append([c if isinstance(c, Flowable | Plain) else Paragraph(c, st.CELL)
                      for c in row])
        if len(chunk) == CHUNK:
            out.append(Table([head] + chunk, colWidths=widths, repeatRows=1, style=style))
            chunk = []
    if chunk or not out:
        out.append(Table([head] + chunk, colWidths=widths, repeatRows=1, style=style))
    return out


def cover(data: DossierData, f: Furniture) -> list[Flowable]:
    info = data.info
    out: list[Flowable] = [Anchor("cover", "Cover", 0), Spacer(1, 50)]
    tlp = TLP.get(info.get("marking") or "")
    if tlp:
        badge = Table([[Paragraph(f'<font color="{tlp.fg}">{tlp.label}</font>',
                                  st._p("tlp", fontName=BOLD, fontSize=14, leading=18))]],
                      style=[("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(tlp.bg)),
                             ("LEFTPADDING", (0, 0), (-1, -1), 8)], hAlign="LEFT")
        out += [badge, Paragraph(markup(tlp.meaning), st.MUTED_TEXT), Spacer(1, 18)]
    out.append(Paragraph(markup(info["title"]), st.TITLE))
    if info.get("reference"):
        out.append(Paragraph(f"Reference {markup(info['reference'])}", st.SUBTITLE))
    who = " · ".join(x for x in (info.get("author"), info.get("organisation")) if x)
    if who:
        out.append(Paragraph(markup(who), st.SUBTITLE))
    if data.as_of:
        out.append(Paragraph(f"Case as of {data.as_of:%d %B %Y}", st.SUBTITLE))
    if f.marking_line:
        out.append(Paragraph(markup(f.marking_line), st.SUBTITLE))
    out.append(Spacer(1, 20))
    if info.get("summary"):
        out.append(Paragraph(markup(info["summary"]), st.BODY_TEXT))
    opt = data.options
    scope = []
    if opt.tag:
        scope.append(f"records tagged “{markup(opt.tag)}”")
    if opt.entity_id is not None:
        scope.append("one entity and the records that touch it")
    out.append(Spacer(1, 30))
    if scope:
        out.append(Paragraph("Scope: " + " and ".join(scope) + ".", st.NOTE))
    if opt.redact_protected:
        out.append(Paragraph("Protected sources are redacted: they appear only by number "
                             "and grade.", st.NOTE))
    out.append(Paragraph("Built from case content SHA-256:", st.MUTED_TEXT))
    out.append(Paragraph(f'<font size=8>{data.content_sha256}</font>',
                         st.MUTED_TEXT))
    out.append(PageBreak())
    return out


def toc(f: Furniture, width: float) -> list[Flowable]:
    return [Paragraph("Contents", st.H1), Spacer(1, 6), TocFlowable(f, width), PageBreak()]


def findings(data: DossierData, f: Furniture) -> list[Flowable]:
    out = heading(f, "findings", "Key findings")
    if not data.findings:
        return out + [Paragraph("No findings recorded.", st.NOTE)]
    for n, fi in enumerate(data.findings, 1):
        conf = CONFIDENCE.get(fi["confidence"], fi["confidence"])
        out.append(KeepTogether([
            Paragraph(f"{n}. {markup(fi['title'])}", st.H3),
            Paragraph(f"<i>{markup(conf)}</i>", st.MUTED_TEXT),
            Paragraph(markup(fi["text"]) + marks(data, "finding", fi["id"]), st.BODY_TEXT)]))
    return out


def chronology(data: DossierData, f: Furniture, width: float) -> list[Flowable]:
    out = heading(f, "chronology", "Chronology")
    tl = data.timeline
    drawing = timeline_drawing(tl, width) if tl is not None else None
    if drawing is not None:
        out += [drawing, Spacer(1, 2), legend_drawing(width, tl.kinds), Spacer(1, 4),
                Paragraph("Dates are shown as the sources gave them; bars span the first to "
                          "the last day a date can mean.", st.NOTE), Spacer(1, 8)]
    rows = []
    if len(data.shipments) <= CHRONO_LIMIT:
        for s in data.shipments:
            rows.append((s.get("date_start") or "9999", [
                markup(_date(s)), "Shipment",
                f"{markup(s['declared_goods'] or 'goods not stated')}: {markup(s['shipper'])}"
                f" → {markup(s['consignee'])}" + marks(data, "shipment", s["id"])]))
    else:  # a big case: shipments by month here, each one in the Shipments table
        out.append(Paragraph(f"{len(data.shipments):,} shipments are counted by the month "
                             "they start in; each is listed in the Shipments section.",
                             st.NOTE))
        months: dict[str, int] = {}
        for s in data.shipments:
            key = (s.get("date_start") or "undated")[:7]
            months[key] = months.get(key, 0) + (s.get("shipment_count") or 1)
        for key, n in months.items():
            rows.append((key if key != "undated" else "9999", [
                markup(key), "Shipments", f"{n:,} shipment{'s' if n != 1 else ''}"]))
    for e in data.events:
        rows.append((e.get("date_start") or "9999", [
            markup(_date(e)), markup(words(e["kind"]).capitalize()),
            markup(e["title"]) + marks(data, "event", e["id"])]))
    for ent in data.entities:
        for s in ent["sanctions"]:
            rows.append((s.get("date_start") or "9999", [
                markup(_date(s)), "Sanction",
                f"{markup(s['authority'])}: {markup(ent['name'])}" + marks(data, "sanction",
                                                                          s["id"])]))
    rows.sort(key=lambda r: r[0])
    return out + _table(["Date (as given)", "Kind", "What"], (r[1] for r in rows),
                        [0.2 * width, 0.14 * width, 0.66 * width])


def _names(e: dict) -> str:
    parts = [markup(e["name"])]
    for a in e["aliases"]:
        lang = f" <font size=7 color='#5A5A5A'>({markup(a['lang'])})</font>" if a["lang"] else ""
        parts.append(markup(a["name"]) + lang)
    return " · ".join(parts)


def entities(data: DossierData, f: Furniture) -> list[Flowable]:
    out = heading(f, "entities", "Entity profiles")
    for e in data.entities:
        out.append(CondPageBreak(90))
        out += heading(f, f"entity-{e['id']}", e["name"], 1, st.H2)
        facts = [("Names", _names(e)),
                 ("Kind", Plain(words(e["kind"]))),
                 ("Country", Plain(country_name(e["country"]) or "not known"))]
        if e["identifiers"]:
            facts.append(("Identifiers", "; ".join(
                f"{markup(i['scheme'])} {markup(i['value'])}" for i in e["identifiers"])))
        if e["description"]:
            facts.append(("Notes", markup(e["description"]) + marks(data, "entity", e["id"])))
        elif data.marks.get(("entity", e["id"])):
            facts.append(("Sources", marks(data, "entity", e["id"])))
        for s in e["sanctions"]:
            facts.append(("Sanction", f"{markup(s['authority'])} {markup(s['programme'])}, "
                                      f"listed {markup(_date(s))}: {markup(s['reason'])}"
                          + marks(data, "sanction", s["id"])))
        for r in e["relationships"]:
            facts.append(("Relationship", f"{markup(r['subject'])} {markup(words(r['kind']))} "
                                          f"{markup(r['object'])}"
                          + marks(data, "relationship", r["id"])))
        for label, items, other in (("Shipped", e["sent"], "consignee"),
                                    ("Received", e["received"], "shipper")):
            if items:
                listed = "; ".join(f"{markup(_date(s))} {markup(s['declared_goods'])} "
                                   f"({'to' if other == 'consignee' else 'from'} "
                                   f"{markup(s[other])})" for s in items[:6])
                more = (f"; and {len(items) - 6} more (see Shipments)" if len(items) > 6
                        else "")
                facts.append((label, listed + more))
        for ev in e["events"][:8]:
            facts.append(("Event", f"{markup(_date(ev))}: {markup(ev['title'])}"
                          + marks(data, "event", ev["id"])))
        for label, value in facts:  # the label hangs in the margin: one paragraph a fact
            out.append(Paragraph(markup(value) if isinstance(value, Plain) else value,
                                 st.FACT, bulletText=label))
    return out


def _num(v: float | None, unit: str = "") -> Plain | str:
    if v is None:
        return Plain("")
    text = f"{v:,.0f}" if v == int(v) else f"{v:,.2f}"
    if unit:  # a unit may be long: a paragraph, so it wraps within its column
        return f"{text} {markup(unit)}"
    return Plain(text)


def shipments(data: DossierData, f: Furniture, width: float) -> list[Flowable]:
    out = heading(f, "shipments", "Shipments")
    rows = []
    for s in data.shipments:
        via = [country_name(r["country"]) or r["place"] for r in s["route"]]
        route = " → ".join([markup(s["shipper"])] + [f"<i>{markup(v)}</i>" for v in via]
                           + [markup(s["consignee"])])
        goods = markup(s["declared_goods"])
        if s["assessed_goods"] and s["assessed_goods"] != s["declared_goods"]:
            goods += f"<br/><i>assessed:</i> {markup(s['assessed_goods'])}"
        if s["dual_use"]:
            goods += " <font size=6.5 color='#D55E00'>DUAL-USE</font>"
        value = _num(s["value"], s["currency"])
        rows.append([markup(_date(s)), route, goods, plain(s["hs_code"]),
                     _num(s["quantity"], s["unit"]), _num(s["weight_kg"]), value,
                     Plain(str(s["shipment_count"])), marks(data, "shipment", s["id"]).strip()
                     or Plain("")])
    return out + _table(["Date", "Shipper → route\n→ consignee", "Goods (declared\n/ "
                         "assessed)", "HS", "Qty", "Weight\nkg", "Value", "No.", "Sources"],
                        rows,
                        [w * width for w in (0.1, 0.25, 0.21, 0.06, 0.08, 0.08, 0.08, 0.05,
                                             0.09)])


def network(data: DossierData, f: Furniture, width: float) -> list[Flowable]:
    out = heading(f, "network", "Shipment network")
    d = network_drawing(data.shipments, width)
    if d is None:
        return out + [Paragraph("No shipments recorded.", st.NOTE)]
    return out + [Paragraph("Who shipped to whom, and through which countries. Line width "
                            "grows with the number of shipments.", st.NOTE), Spacer(1, 6), d]


def sources(data: DossierData, f: Furniture) -> list[Flowable]:
    out = heading(f, "sources", "Sources")
    out.append(Paragraph("Codes combine the source's reliability (A–F) with the credibility "
                         "of each item of information, as on the Admiralty scale: " + "; ".join(
                             f"{k} {v.lower()}" for k, v in CREDIBILITY.items()) + ".",
                         st.NOTE))
    for s in data.sources:
        n = s["number"]
        rel = RELIABILITY.get(s["reliability"], "")
        lines = [f'<a name="src-{n}"/><b>[{n}]</b> {markup(s["title"])}']
        meta = [markup(words(s["kind"])), markup(s.get("publisher")), markup(s.get("author")),
                markup(s.get("date_text"))]
        lines.append(" · ".join(m for m in meta if m))
        if s.get("url"):
            lines.append(f"URL: {markup(s['url'])}")
        if s.get("accessed"):
            lines.append(f"Accessed {markup(s['accessed'])}")
        lines.append(f"Reliability {s['reliability']} — {markup(rel)}")
        block: list[Flowable] = [Paragraph("<br/>".join(lines), st.SMALL)]
        cited = []
        for fact in s["facts"]:
            name = fact.get("label") or f"#{fact['id']}"
            text = f"<b>{fact['code']}</b> {markup(fact['kind'])} “{markup(name[:70])}”"
            if fact["locator"]:
                text += f", {markup(fact['locator'])}"
            if fact["excerpt"]:
                text += f": “{markup(fact['excerpt'])}”"
            cited.append(text)
        if cited:
            block.append(Paragraph("<br/>".join(cited), st._p("cites", fontSize=7.5,
                                                               leading=9.5, leftIndent=12)))
        for a in s.get("attachments", []):
            block.append(Paragraph(f"Attachment: {markup(a['filename'])} ({a['size']:,} "
                                   f"bytes), SHA-256 <font size=7>"
                                   f"{a['sha256']}</font>", st._p("att", fontSize=7.5,
                                                                  leading=9.5, leftIndent=12)))
        block.append(Spacer(1, 6))
        out.append(KeepTogether(block) if len(cited) < 12 else block[0])
        if len(cited) >= 12:
            out += block[1:]
    if not data.sources:
        out.append(Paragraph("No sources are cited in this dossier.", st.NOTE))
    return out
