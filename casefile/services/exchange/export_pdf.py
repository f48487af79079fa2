"""Export a case as a PDF dossier (used by the CLI and the GUI), and check a dossier against
the case it claims to be built from."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casefile.core.labels import counted
from casefile.errors import NotFoundError, ValidationError
from casefile.report.builder import build_pdf
from casefile.report.model import DossierData, DossierReport
from casefile.services.exchange.dossier_check import read_digest
from casefile.services.queries.dossier import DossierOptions, read_dossier
from casefile.store.copies import refuse_output

if TYPE_CHECKING:
    from casefile.services.case.facade import Case

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
    damage: str | None = None  # why the file is not whole as written (its digest was found)


def verify_dossier(pdf: str | Path, case: Case) -> Verdict:
    """Recompute the case's content digest from its rows and compare it with the digest
    the dossier names (in its metadata, as on its cover)."""
    from casefile.services.case.digest import compare

    printed, damage = read_digest(Path(pdf))
    if printed is None and damage is not None:
        raise ValidationError("dossier", f"{pdf} cannot be read whole — {damage.split(';')[0]}"
                              " — and no content digest was found in what is left of it")
    if printed is None:
        raise ValidationError("dossier", f"{pdf} names no content digest: it is not a "
                              "Casefile dossier, or one older than content digests")
    with case.read() as conn:
        problems, recomputed = compare(conn)
    return Verdict(printed == recomputed and not problems, printed, recomputed, problems,
                   damage)
