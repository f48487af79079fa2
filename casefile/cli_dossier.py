"""The dossier's verbs: ``casefile export-pdf`` (the PDF briefing pack, with its notes) and
``casefile verify-dossier`` (does a dossier name the case as it is now?)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casefile.cli_progress import Progress
from casefile.core.labels import counted

if TYPE_CHECKING:
    from casefile.services.case.facade import Case

EXIT_ERROR = 1


def add_verbs(sub: argparse._SubParsersAction) -> None:
    from casefile.report.model import SECTIONS

    s = sub.add_parser("export-pdf", help="the PDF dossier of a case")
    s.add_argument("path", type=Path, help="the case file (.casefile)")
    s.add_argument("-o", "--output", type=Path, required=True, help="the PDF to write")
    s.add_argument("--sections", default=",".join(SECTIONS),
                   help=f"comma-separated, from: {', '.join(SECTIONS)}")
    s.add_argument("--marking-line", default=None,
                   help="classification line printed with the TLP marking on every page")
    s.add_argument("--tag", default=None, help="only records with this tag")
    s.add_argument("--entity", type=int, default=None,
                   help="only this entity (by id) and what touches it")
    s.add_argument("--redact-protected", action="store_true",
                   help="protected sources appear only as 'Protected source N' with a grade")
    s.add_argument("--marking", default=None, metavar="TLP",
                   help="print this TLP label instead of the case's (e.g. a redacted copy "
                   "at a lower marking): clear, green, amber, amber+strict, red")
    s.add_argument("--chart", default=None, metavar="NAME",
                   help="print this saved link chart instead of the shipment network figure")

    s = sub.add_parser("verify-dossier", help="check that a PDF dossier names the content "
                       "of a case as it is now")
    s.add_argument("pdf", type=Path, help="the dossier (a PDF Casefile wrote)")
    s.add_argument("path", type=Path, help="the case file (.casefile)")


def run(args: argparse.Namespace, open_case: Callable[..., Any]) -> int:
    if args.verb == "export-pdf":
        return _export_pdf(args, open_case)
    return _verify_dossier(args, open_case)


def _export_pdf(args: argparse.Namespace, open_case: Callable[..., Any]) -> int:
    from casefile.core.grading import normalise_tlp
    from casefile.services.exchange.export_pdf import export_dossier
    from casefile.services.queries.dossier import DossierOptions

    options = DossierOptions(
        sections=tuple(s.strip() for s in args.sections.split(",") if s.strip()),
        marking_line=args.marking_line, tag=args.tag, entity_id=args.entity,
        redact_protected=args.redact_protected,
        marking=normalise_tlp(args.marking) if args.marking else None)
    with open_case(args.path, readonly=True, whole="the dossier") as case:
        if args.chart:
            options.chart_id = _chart_id(case, args.chart)
        progress = Progress()
        try:
            report = export_dossier(case, args.output, options, progress)
        finally:
            progress.end()
    print(f"Wrote {args.output} ({counted(report.pages, 'page')})")
    for note in report.notes[:50]:
        print(f"note: {note}")
    if len(report.notes) > 50:
        print(f"note: and {len(report.notes) - 50} more")
    return 0


def _chart_id(case: Case, name: str) -> int:
    from casefile.errors import NotFoundError
    from casefile.services.queries.chart import list_charts

    with case.read() as conn:
        charts = list_charts(conn)
    found = [cid for cid, n in charts if n.casefold() == name.casefold()]
    if not found:
        raise NotFoundError(f"There is no saved chart called {name!r} in this case (saved: "
                            + (", ".join(n for _i, n in charts) or "none") + ")")
    return found[0]


def _verify_dossier(args: argparse.Namespace, open_case: Callable[..., Any]) -> int:
    from casefile.services.exchange.export_pdf import verify_dossier

    with open_case(args.path, readonly=True) as case:
        v = verify_dossier(args.pdf, case)
    print(f"dossier names: {v.printed}")
    print(f"case now:      {v.recomputed}")
    for p in v.problems:
        print(f"PROBLEM: {p}")
    if v.damage:  # (the digest found: said, but the file not passed as whole)
        print(f"DAMAGED: {v.damage} — the file is not whole as Casefile wrote it, and what "
              "it prints cannot be vouched for: export it again")
        print("The digest it names is this case's as it is now" if v.ok else
              "DIFFERENT: the case changed since the dossier was built, or it is another "
              "case")
        return EXIT_ERROR
    print("OK: the dossier was built from this case as it is now" if v.ok else
          "DIFFERENT: the case changed since the dossier was built, or it is another case")
    return 0 if v.ok else EXIT_ERROR
