"""Build the PDF dossier of a case (one pass over page-sized flowables, reproducible bytes)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reportlab.platypus import Flowable, PageBreak

from casefile.core.grading import TLP
from casefile.errors import ValidationError
from casefile.report import sections
from casefile.report.fonts import register_fonts
from casefile.report.model import SECTIONS, DossierData
from casefile.report.pages import DossierCanvas, DossierDoc, Furniture


def build_pdf(data: DossierData, out: str | Path,
              progress: Callable[[float, int, str], None] | None = None) -> int:
    """Write the dossier to ``out`` and return its page count. ``progress(done, total,
    what)`` is called between sections and may raise to cancel; the target file is only
    replaced when the whole document was written."""
    register_fonts()
    out = Path(out)
    opt = data.options
    unknown = set(opt.sections) - set(SECTIONS)
    if unknown:
        said = (f"Unknown dossier section(s): {', '.join(sorted(unknown))}; choose from "
                f"{', '.join(SECTIONS)}")
        raise ValidationError("sections", said, display=said)
    info = data.info
    line = opt.marking_line if opt.marking_line is not None else info.get("classification", "")
    furniture = Furniture(info.get("marking"), line or "", info.get("reference") or "",
                          info.get("title") or "")
    tmp = out.with_name(out.name + ".part")
    doc = DossierDoc(str(tmp), furniture, invariant=1, title=info.get("title") or "Dossier",
                     author=info.get("author") or "", subject=_subject(info),
                     creator="Casefile", producer="Casefile (reportlab)")
    width = doc.width
    builders = {
        "cover": lambda: sections.cover(data, furniture),
        "toc": lambda: sections.toc(furniture, width),
        "findings": lambda: sections.findings(data, furniture),
        "chronology": lambda: sections.chronology(data, furniture, width),
        "entities": lambda: sections.entities(data, furniture),
        "shipments": lambda: sections.shipments(data, furniture, width),
        "network": lambda: sections.network(data, furniture, width),
        "sources": lambda: sections.sources(data, furniture),
    }
    story: list[Flowable] = []
    chosen = [s for s in SECTIONS if s in opt.sections]
    # The TOC must know every section before it is drawn: build the others first.
    parts: dict[str, list[Flowable]] = {}
    for n, name in enumerate(chosen):
        if progress:
            progress(n, len(chosen) + 1, f"Preparing {name}")
        if name != "toc":
            parts[name] = builders[name]()
    for name in chosen:
        body = builders["toc"]() if name == "toc" else parts[name]
        if story and name not in ("toc",) and not isinstance(story[-1], PageBreak) and \
                name in ("findings", "chronology", "entities", "shipments", "network",
                         "sources"):
            story.append(PageBreak())
        story += body
    if not story:
        story = sections.heading(furniture, "empty", "Empty dossier")
    if progress:
        progress(len(chosen), len(chosen) + 1, "Laying out pages")

        def laid_out(kind: str, _value: int) -> None:  # after each flowable is placed
            if kind == "PROGRESS":
                progress(len(chosen) + doc.done_fraction(), len(chosen) + 1,
                         f"Laying out pages ({doc.page})")
        doc.setProgressCallBack(laid_out)

    class Canvas(DossierCanvas):
        pass
    Canvas.furniture = furniture
    try:
        doc.build(story, canvasmaker=Canvas)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    tmp.replace(out)
    return doc.page


def _subject(info: dict) -> str:
    tlp = TLP.get(info.get("marking") or "")
    return " ".join(x for x in ((tlp.label if tlp else ""), info.get("reference") or "") if x)
