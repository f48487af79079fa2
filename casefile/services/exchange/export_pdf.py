"""Export a case as a PDF dossier (used by the CLI and the GUI), and check a dossier against
the case it claims to be built from."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casefile.core.labels import counted
from casefile.errors import NotFoundError, ValidationError
from casefile.report.builder import build_pdf
from casefile.report.model import DossierData, DossierReport
from casefile.services.queries.dossier import DossierOptions, read_dossier
from casefile.store.copies import refuse_output

if TYPE_CHECKING:
    from casefile.services.case.facade import Case

_PRINTED = re.compile(r"content-sha256:([0-9a-f]{64})")
_PAGES = re.compile(r"content-sha256:[0-9a-f]{64}; pages: (\d+);")


_COVER = re.compile(r"Content digest\s+([0-9a-f]{64})")


def printed_digest(pdf: Path) -> str | None:
    """The content digest a dossier names in its keywords (read by pypdf, however encoded:
    reportlab writes UTF-16 when the scope names a non-Latin party — look28 — and a viewer
    that saved it again may have compressed them), else on its cover (a copy whose metadata
    a tool stripped: review31); None when it names none, or is no PDF."""
    return read_digest(pdf)[0]


def read_digest(pdf: Path) -> tuple[str | None, str | None]:
    """:func:`printed_digest`, and why pypdf could not read the file whole (None: it could):
    a file cut short is still searched for its keywords, plain or UTF-16 (review31)."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    with Path(pdf).open("rb") as f:
        if b"%PDF-" not in f.read(1024):  # (review31: pypdf took 10 s on 200 MB of other)
            return None, None
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # what it cannot read is said below
    damage = None
    try:
        reader = PdfReader(str(pdf))
        meta = reader.metadata
        keywords = str(meta.get("/Keywords") or "") if meta is not None else ""
        if found := _PRINTED.search(keywords):
            return found.group(1), _pages_lost(keywords, len(reader.pages))
        for page in reader.pages[:2]:
            if found := _COVER.search(" ".join((page.extract_text() or "").split())):
                return found.group(1), None
    except (PyPdfError, ValueError, KeyError, OSError) as exc:  # a damaged PDF
        damage = str(exc) or type(exc).__name__
    data = Path(pdf).read_bytes()
    for text in [data.decode("latin-1"), *map(_literal, _KEYWORDS.findall(data))]:
        if found := _PRINTED.search(text):
            return found.group(1), damage
    return None, damage


def _pages_lost(keywords: str, read: int) -> str | None:
    """Why the dossier is not whole when it has other pages than it was written with (its
    keywords say how many: :func:`casefile.report.pages.pages_said`); None when it has
    them all, or does not say."""
    said = _PAGES.search(keywords)
    if said is None or int(said.group(1)) == read:
        return None
    written = int(said.group(1))
    if read < written:
        return f"{read} of the {written} pages it was written with can be read"
    return f"it has {read} pages where it was written with {written}"


_KEYWORDS = re.compile(rb"/Keywords\s*\(((?:[^\\()]|\\.)*)\)", re.DOTALL)
_ESCAPE = re.compile(rb"\\([0-7]{1,3}|.)", re.DOTALL)
_ESCAPED = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f", b"\n": b""}


def _literal(raw: bytes) -> str:
    """A PDF literal string's text: its escapes undone, UTF-16 when it says so."""
    def undo(m: re.Match[bytes]) -> bytes:
        code = m.group(1)
        if code[:1].isdigit():
            return bytes([int(code, 8) & 0xFF])
        return _ESCAPED.get(code, code)
    data = _ESCAPE.sub(undo, raw)
    if data.startswith(b"\xfe\xff"):
        return data[2:].decode("utf-16-be", "replace")
    return data.decode("latin-1")


def export_dossier(case: Case, out: str | Path, options: DossierOptions | None = None,
                   progress: Callable[[float, int, str], None] | None = None
                   ) -> DossierReport:
    """Write the dossier; say what was written (pages, and what the reader should know:
    characters no font could print, redaction warnings). ``out`` may not be the case or
    one of its files."""
    for target in (Path(out), Path(f"{out}.part")):  # build_pdf writes through out.part
        refuse_output(target, case.path, "the dossier")
    opt = options or DossierOptions()
    with case.read() as conn:
        if opt.entity_id is not None and conn.exec_driver_sql(
                "SELECT 1 FROM entity WHERE id = ?", (opt.entity_id,)).first() is None:
            raise NotFoundError(f"There is no entity #{opt.entity_id} in this case")
        data = read_dossier(conn, opt)
        if opt.chart_id is not None:
            data.chart = _chart(conn, opt.chart_id)
    data.screening = _screening(case, data)
    report = build_pdf(data, out, progress)
    stale = {e for s in data.screening for e in s.changed}
    if stale and "screening" in opt.sections:  # (look30: printed as current, unsaid)
        its = "its" if len(stale) == 1 else "their"
        report.notes.append(
            f"{counted(len(stale), 'party', 'parties')} changed since {its} screening — "
            "names, identifiers or details — and the dossier prints the hits found for "
            "what they were then, marked as such: screen again for current results")
    flagged = [h for s in data.screening for h in s.open_hits if h.flagged]
    if flagged and "screening" in opt.sections:  # (look23: printed without a word)
        parties, one = len({h.entity_id for h in flagged}), len(flagged) == 1
        it = "it" if one else "them"
        report.notes.append(
            f"{counted(len(flagged), 'flagged screening hit')} on "
            f"{counted(parties, 'party', 'parties')} still wait{'s' if one else ''} for a "
            f"decision: the dossier prints {it} as open (decide {it} in the screening window, "
            "or with 'casefile decide')")
    return report


def _chart(conn: Any, chart_id: int) -> tuple[str, Any, Any, Any]:
    """A saved chart as the window shows it: its graph and every node's position."""
    from casefile.core.chart.scope import shown
    from casefile.core.chart.state import place
    from casefile.services.queries.chart import graph_for, read_chart

    saved = read_chart(conn, chart_id)
    if saved is None:
        raise NotFoundError(f"There is no saved chart #{chart_id} in this case")
    state = saved.state
    graph = shown(graph_for(conn, state), state)
    return saved.name, graph, place(graph, saved.state), saved.state


def _screening(case: Case, data: DossierData) -> list[Any]:
    """The case's screening results; a scoped dossier keeps the lines of its parties."""
    from dataclasses import replace

    from casefile.services.screening.summary import screening_summary

    summaries = screening_summary(case)
    if data.options.entity_id is None and not data.options.tag:
        return summaries
    ids = {e["id"] for e in data.entities}  # (review24: a namesake's hits were kept too)
    return [replace(s, decisions=tuple(d for d in s.decisions if d.entity_id in ids),
                    open_hits=tuple(h for h in s.open_hits if h.entity_id in ids))
            for s in summaries]


@dataclass
class Verdict:
    ok: bool
    printed: str  # the content digest the dossier names
    recomputed: str  # the case's content digest, recomputed from its rows
    problems: list[str]
    damage: str | None = None  # why the file could not be read whole (its digest was found)


def verify_dossier(pdf: str | Path, case: Case) -> Verdict:
    """Recompute the case's content digest from its rows and compare it with the digest
    the dossier names (in its metadata, as on its cover)."""
    from casefile.services.case.digest import compare

    printed, damage = read_digest(Path(pdf))
    if printed is None and damage is not None:
        raise ValidationError("dossier", f"{pdf} cannot be read whole — it is cut short or "
                              f"damaged ({damage}) — and no content digest was found in "
                              "what is left of it")
    if printed is None:
        raise ValidationError("dossier", f"{pdf} names no content digest: it is not a "
                              "Casefile dossier, or one older than content digests")
    with case.read() as conn:
        problems, recomputed = compare(conn)
    return Verdict(printed == recomputed and not problems, printed, recomputed, problems,
                   damage)
