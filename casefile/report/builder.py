"""Build the PDF dossier of a case (one pass over page-sized flowables, reproducible bytes)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from reportlab.platypus import CondPageBreak, Flowable, PageBreak

from casefile.core.grading import TLP
from casefile.errors import ValidationError
from casefile.report import appendix, fonts, front, listings, network, profiles, screening
from casefile.report.citing import heading
from casefile.report.fonts import register_fonts
from casefile.report.model import SECTIONS, DossierData, DossierReport
from casefile.report.pages import DossierCanvas, DossierDoc, Furniture

NEW_PAGE = {"about", "findings", "chronology", "entities", "shipments", "network", "screening",
            "sources", "evidence", "index"}
BACK_MATTER = {"sources", "evidence", "index"}  # always on a page of their own
EMPTY_SECTION_ROOM = 70.0  # points a section's heading and its one line need


# the share of the progress bar that preparing the sections takes (laying out their pages
# takes the rest: four fifths of the time, or more, in a dossier of 10^3 pages)
PREPARING = 20


def build_pdf(data: DossierData, out: str | Path,
              progress: Callable[[float, int, str], None] | None = None) -> DossierReport:
    """Write the dossier to ``out`` and say what was written. ``progress(done, total,
    what)`` is called between sections and may raise to cancel; the target file is only
    replaced when the whole document was written."""
    register_fonts()
    fonts.missing.clear()
    out = Path(out)
    opt = data.options
    unknown = set(opt.sections) - set(SECTIONS)
    if unknown:
        said = (f"Unknown dossier section(s): {', '.join(sorted(unknown))}; choose from "
                f"{', '.join(SECTIONS)}")
        raise ValidationError("sections", said, display=said)
    info = data.info
    line = opt.marking_line if opt.marking_line is not None else info.get("classification", "")
    marking = opt.marking if opt.marking is not None else info.get("marking")
    furniture = Furniture(marking, line or "", info.get("reference") or "",
                          info.get("title") or "")
    tmp = out.with_name(out.name + ".part")
    scope = front.scope_words(data)
    doc = DossierDoc(str(tmp), furniture, invariant=1, title=info.get("title") or "Dossier",
                     author=info.get("author") or "", subject=_subject(info, marking, scope),
                     keywords=f"content-sha256:{data.content_sha256}; scope: {scope}",
                     creator="Casefile", producer="Casefile (reportlab)", lang="en")
    width = doc.width
    builders: dict[str, Callable[[], list[Flowable]]] = {
        "cover": lambda: front.cover(data, furniture),
        "toc": lambda: front.toc(furniture, width),
        "about": lambda: front.about(data, furniture, width),
        "findings": lambda: listings.findings(data, furniture),
        "chronology": lambda: listings.chronology(data, furniture, width),
        "entities": lambda: profiles.entities(data, furniture),
        "shipments": lambda: listings.shipments(data, furniture, width),
        "network": lambda: network.network(data, furniture, width),
        "screening": lambda: screening.screening(data, furniture, width),
        "sources": lambda: appendix.sources(data, furniture),
        "evidence": lambda: appendix.evidence(data, furniture),
        "index": lambda: appendix.index(data, furniture),
    }
    story: list[Flowable] = []
    chosen = [s for s in SECTIONS if s in opt.sections]
    # The TOC must know every section before it is drawn: build the others first.
    parts: dict[str, list[Flowable]] = {}
    for n, name in enumerate(chosen):
        if progress:
            progress(PREPARING * n / len(chosen), 100, f"Preparing {name}")
        if name != "toc":
            parts[name] = builders[name]()
    empty = _empty_sections(data)
    after_empty = False
    for name in chosen:
        body = builders["toc"]() if name == "toc" else parts[name]
        # a section with nothing to show follows on the same page ("No shipments recorded."),
        # and so does the section after it (the back matter aside): a line is not worth a
        # page of its own
        if story and name in NEW_PAGE and name not in empty and \
                not (after_empty and name not in BACK_MATTER) and \
                not isinstance(story[-1], PageBreak):
            story.append(PageBreak())
        if name in empty:  # its heading and one line need little room at a page foot
            for x in body:
                if isinstance(x, CondPageBreak):
                    x.height = EMPTY_SECTION_ROOM
        story += body
        after_empty = name in empty
    if not story:
        story = heading(furniture, "empty", "Empty dossier")
    if progress:
        progress(PREPARING, 100, "Laying out pages")

        def laid_out(kind: str, _value: int) -> None:  # after each flowable is placed
            if kind == "PROGRESS":
                progress(PREPARING + (100 - PREPARING) * doc.done_fraction(), 100,
                         f"Laying out pages ({doc.page})")
        doc.setProgressCallBack(laid_out)

    class Canvas(DossierCanvas):
        pass
    Canvas.furniture = furniture
    Canvas.stamp = _epoch(data.updated_at)
    Canvas.seed = f"{data.content_sha256} {opt!r}".encode()
    try:
        doc.build(story, canvasmaker=Canvas)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    tmp.replace(out)
    return DossierReport(doc.page, data.warnings + _missing_note())


def _empty_sections(data: DossierData) -> set[str]:
    has = {"findings": data.findings, "entities": data.entities, "index": data.entities,
           "shipments": data.shipments,
           "network": data.shipments or data.chart is not None
           or bool(data.relationships()), "sources": data.sources,
           "screening": data.screening,
           "chronology": data.shipments or data.events or any(e["sanctions"]
                                                              for e in data.entities)}
    return {name for name, there in has.items() if not there}


def _missing_note() -> list[str]:
    if not fonts.missing:
        return []
    shown = ", ".join(f"U+{ord(ch):04X} ×{n}" for ch, n in fonts.missing.most_common(12))
    more = len(fonts.missing) - 12
    return [f"{sum(fonts.missing.values()):,} character(s) no embedded font can print were "
            f"printed as {fonts.REPLACEMENT}: {shown}" + (f" and {more} more" if more > 0
                                                           else "")]


def _epoch(stamp: str | None) -> float | None:
    if not stamp:
        return None
    try:
        when = datetime.fromisoformat(str(stamp).replace(" ", "T"))
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.timestamp()


def _subject(info: dict, marking: str | None, scope: str) -> str:
    tlp = TLP.get(marking or "")
    return " ".join(x for x in ((tlp.label if tlp else "NO MARKING SET"),
                                info.get("reference") or "", f"— scope: {scope}") if x)
