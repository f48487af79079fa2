"""The dossier's front matter: the cover (marking, scope, handling, content digest), the
table of contents, and "About this dossier" — what it includes and leaves out, how sources
are graded, what the confidence levels mean, and how much rests on one source."""

from __future__ import annotations

from collections import Counter

from reportlab.lib import colors
from reportlab.platypus import Flowable, PageBreak, Spacer, Table

from casefile.core.grading import CONFIDENCE, CREDIBILITY, RELIABILITY, TLP
from casefile.core.labels import counted, joined, words
from casefile.core.labels import plural as kind_plural
from casefile.report import styles as st
from casefile.report.citing import Anchor, heading, long_date
from casefile.report.fonts import BOLD, text_width
from casefile.report.model import DossierData
from casefile.report.pages import Furniture, TocFlowable
from casefile.report.rich import para, r

CONFIDENCE_MEANING = {
    "high": "The judgement rests on several sources graded A–B/1–2 that agree; it could "
            "still be wrong.",
    "moderate": "The information is credibly sourced and plausible, but not corroborated "
                "enough for high confidence.",
    "low": "The information is scant, questionable or fragmented, or rests on sources of "
           "low or unknown reliability.",
}


def scope_words(data: DossierData) -> str:
    opt = data.options
    parts = []
    if opt.entity_id is not None:
        parts.append(f"{data.scope_name or f'entity #{opt.entity_id}'} and the records "
                     "that touch it")
    if opt.tag:
        parts.append(f"records tagged “{opt.tag}”")
    return joined(parts) or "the whole case"


def cover(data: DossierData, f: Furniture) -> list[Flowable]:
    info = data.info
    out: list[Flowable] = [Anchor("cover", "Cover", 0), Spacer(1, 40)]
    tlp = TLP.get(f.marking or "")
    label = tlp.label if tlp else "NO MARKING SET"
    badge = Table([[para(r(label, color=tlp.fg if tlp else "#FFFFFF"),
                         st._p("tlp", fontName=BOLD, fontSize=14, leading=18))]],
                  colWidths=[text_width(label, 14, bold=True) + 18],
                  style=[("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#000000")),
                         ("LEFTPADDING", (0, 0), (-1, -1), 8)], hAlign="LEFT")
    out += [badge, Spacer(1, 18)]
    out.append(para(r(info["title"], isolate=True), st.TITLE))
    if data.options.scoped:
        out.append(para(f"Scope: {scope_words(data)}", st.SUBTITLE))
    if info.get("reference"):
        out.append(para(f"Reference {info['reference']}", st.SUBTITLE))
    who = " · ".join(x for x in (info.get("author"), info.get("organisation")) if x)
    if who:
        out.append(para(who, st.SUBTITLE))
    if data.as_of:
        out.append(para(f"Case as of {long_date(data.as_of)}", st.SUBTITLE))
    out.append(Spacer(1, 14))
    if info.get("summary"):
        out.append(para(info["summary"], st.BODY_TEXT))
    out.append(Spacer(1, 20))
    out += handling(data, f)
    out.append(PageBreak())
    return out


def handling(data: DossierData, f: Furniture) -> list[Flowable]:
    """The distribution and handling block: marking and what it allows, the
    classification line, redaction, and the content digest the dossier was built from."""
    tlp = TLP.get(f.marking or "")
    rows = [["Marking", tlp.label if tlp else "No marking set: treat as not for release "
             "until the case's owner sets one"]]
    if tlp:
        rows.append(["Handling", tlp.meaning])
    if f.marking_line:
        rows.append(["Classification", f.marking_line])
    case_tlp = data.info.get("marking")
    if data.options.marking and data.options.marking != case_tlp:
        rows.append(["Note", f"Printed as {tlp.label if tlp else 'unmarked'}; the case "
                     f"itself is {TLP[case_tlp].label if case_tlp in TLP else 'unmarked'}."])
    if data.options.redact_protected:
        rows.append(["Redaction", "Protected sources are redacted: they appear only by "
                     "number and grade."])
    rows.append(["Content digest", data.content_sha256])
    rows.append(["Check", "casefile verify-dossier DOSSIER.pdf CASE.casefile recomputes the "
                 "digest from the case"])
    cells = [[para(r(k, bold=True), st.SMALL), para(v, st.SMALL)] for k, v in rows]
    return [para("Distribution and handling", st.H3),
            Table(cells, colWidths=[80, None], hAlign="LEFT",
                  style=[("VALIGN", (0, 0), (-1, -1), "TOP"),
                         ("LINEABOVE", (0, 0), (-1, 0), 0.6, st.RULE),
                         ("LINEBELOW", (0, -1), (-1, -1), 0.6, st.RULE),
                         ("LEFTPADDING", (0, 0), (-1, -1), 0),
                         ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                         ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)])]


def toc(f: Furniture, width: float) -> list[Flowable]:
    return [para("Contents", st.H1), Spacer(1, 6), TocFlowable(f, width), PageBreak()]


def about(data: DossierData, f: Furniture, width: float) -> list[Flowable]:
    """Method and scope, the grading legend, confidence levels and a sourcing summary."""
    out = heading(f, "about", "About this dossier")
    out.append(para("Scope and method", st.H2))
    out += [para(line, st.BODY_TEXT) for line in scope_note(data)]
    out.append(para("How sources are graded", st.H2))
    out.append(para("Each citation carries a code: the source's reliability (a letter) and "
                    "the credibility of the item of information it gives (a number), as on "
                    "the Admiralty scale. C2 reads “fairly reliable source, probably true”.",
                    st.BODY_TEXT))
    out.append(Spacer(1, 4))
    out.append(_legend(width))
    out.append(para("Confidence of findings", st.H2))
    for key, name in CONFIDENCE.items():
        out.append(para([r(name + ". ", bold=True), r(CONFIDENCE_MEANING[key])],
                        st.BODY_TEXT))
    out.append(para("Sourcing", st.H2))
    out += [para(line, st.BODY_TEXT) for line in sourcing_summary(data)]
    return out


def _legend(width: float) -> Table:
    head = [""] + [f"{n} {CREDIBILITY[n]}" for n in CREDIBILITY]
    rows = [[para(r(h, bold=True), st.CELL) for h in head]]
    for letter, name in RELIABILITY.items():
        rows.append([para([r(letter, bold=True), r(" " + name)], st.CELL)]
                    + [para(f"{letter}{n}", st.CELL) for n in CREDIBILITY])
    w0 = width * 0.22
    return Table(rows, colWidths=[w0] + [(width - w0) / 6] * 6,
                 style=[("GRID", (0, 0), (-1, -1), 0.3, st.RULE),
                        ("BACKGROUND", (0, 0), (-1, 0), st.HEAD_BG),
                        ("BACKGROUND", (0, 0), (0, -1), st.HEAD_BG),
                        ("VALIGN", (0, 0), (-1, -1), "MIDDLE")])


def scope_note(data: DossierData) -> list[str]:
    """What the dossier includes, leaves out, cannot date and cut short — in numbers."""
    printed = {"entity": len(data.entities), "shipment": len(data.shipments),
               "event": len(data.events), "finding": len(data.findings),
               "sanction": sum(len(e["sanctions"]) for e in data.entities),
               "relationship": len(data.relationships())}
    lines = [f"This dossier covers {scope_words(data)}: "
             + (joined([counted(n, words(k), kind_plural(k).lower())
                        for k, n in printed.items() if n]) or "nothing") + "."]
    if data.options.entity_id is not None:
        lines.append(f"Findings are included when they name {data.scope_name or 'the party'} "
                     "or one of its aliases.")
    left = {k: data.totals.get(k, 0) - n for k, n in printed.items()
            if data.totals.get(k, 0) > n}
    if left:
        lines.append("Outside the scope and not printed: " + joined([
            counted(n, words(k), kind_plural(k).lower()) for k, n in left.items()]) + ".")
    undated = [(k, n) for k, n in (
        ("shipment", sum(1 for s in data.shipments if not s.get("date_start"))),
        ("event", sum(1 for e in data.events if not e.get("date_start")))) if n]
    if undated:
        lines.append("Undated, so listed in the tables but not drawn in the chronology "
                     "figure: " + joined([counted(n, k) for k, n in undated]) + ".")
    unsourced = sum(1 for kind, rows in (  # (look28: sanctions and relationships too)
        ("shipment", data.shipments), ("event", data.events), ("finding", data.findings),
        ("entity", data.entities), ("sanction", [s for e in data.entities
                                                 for s in e["sanctions"]]),
        ("relationship", data.relationships())) for x in rows
        if (kind, x["id"]) not in data.marks)
    if unsourced:
        lines.append(f"{unsourced:,} printed records cite no source; each is marked "
                     "“[no source]” where it is printed.")
    if data.uncited_sources:
        lines.append(f"{counted(data.uncited_sources, 'source')} of the case "
                     f"{'is' if data.uncited_sources == 1 else 'are'} cited by nothing "
                     "printed here and so not listed under Sources.")
    lines.append("Dates are printed as the sources gave them. Sanctions show their "
                 "standing as judged on " + (long_date(data.today) if data.today
                                             else "the day of export") + ".")
    return lines


def sourcing_summary(data: DossierData) -> list[str]:
    grades = Counter(s["reliability"] for s in data.sources)
    lines = [f"{counted(len(data.sources), 'source')} cited: " + (joined([
        f"{grades[g]} graded {g}" for g in RELIABILITY if grades[g]]) or "none") + "."]
    one = Counter(len({n for n, _c in m}) for m in data.marks.values())
    if data.marks and one[1] == len(data.marks):
        lines.append(f"Every one of the {len(data.marks):,} cited records rests on a single "
                     "source.")
    elif data.marks:
        more = len(data.marks) - one[1]
        lines.append(f"{one[1]:,} of {len(data.marks):,} cited records rest on a single "
                     "source; " + ("the other on two or more." if more == 1 else
                                   f"the other {more:,} on two or more."))
    return lines
