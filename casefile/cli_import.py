"""The import verbs: ``casefile import`` (shipments from CSV or XLSX trade data) and
``casefile import-ftm`` (FollowTheMoney JSON lines, OpenSanctions targets.simple.csv): their
options, the dry run's report, near matches to decide, and what was left out."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from casefile.cli_progress import Progress
from casefile.core.labels import counted
from casefile.services.exchange.imports.report import party_and_reason

EXIT_USAGE = 2
CHOOSE_ENCODING = ("name the right one with --encoding (cp1251, koi8-r, koi8-u, cp1252, "
                   "cp1250, cp1254, gb18030, big5 …)")

def add_verbs(sub: argparse._SubParsersAction) -> None:
    s = sub.add_parser("import", help="import shipments from a CSV or XLSX trade-data file")
    s.add_argument("path", type=Path, help="the case")
    s.add_argument("file", type=Path, help="the CSV or XLSX file")
    s.add_argument("--mapping", default=None, help="a saved mapping's name or a JSON file "
                   "(field -> column); without it the columns are guessed from their names "
                   "(the layouts Casefile knows: vendors' exports, customs declarations)")
    s.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE",
                   dest="constants", help="a fixed value for a field no column feeds, e.g. "
                   "--set destination_country=RU --set currency=USD (repeatable)")
    s.add_argument("--accept-missing", action="store_true",
                   help="import although no column feeds the date, shipper, consignee, "
                   "goods, origin or destination (the dry run lists them)")
    s.add_argument("--skip-bad-rows", action="store_true",
                   help="import the good rows and skip those with problems (each is listed, "
                   "kept in the row report and in the notes of the file's source)")
    s.add_argument("--keep-duplicates", action="store_true",
                   help="import rows the case holds already as shipments (same declaration "
                   "number, date, parties, goods, HS code, weight and value); else they are "
                   "left out, counted and listed by line")
    s.add_argument("--save-mapping", default=None, metavar="NAME",
                   help="save the mapping used (columns and fixed values) under this name")
    s.add_argument("--report", type=Path, default=None, metavar="FILE.csv",
                   help="write one line per row of the file: what it creates, or its problems")
    s.add_argument("--dry-run", action="store_true",
                   help="report what would be created and every problem; change nothing")
    order = s.add_mutually_exclusive_group()
    order.add_argument("--day-first", dest="day_first", action="store_true", default=None,
                       help="slashed dates put the day first (03/04/2022 is 3 April); "
                       "without this or --month-first the order is guessed from the rows "
                       "that read only one way")
    order.add_argument("--month-first", dest="day_first", action="store_false",
                       help="slashed dates put the month first (03/04/2022 is 4 March)")
    _review_options(s)

    s = sub.add_parser("import-ftm", help="import parties, sanctions, relationships, "
                       "shipments, events and sources from FollowTheMoney JSON (flat or "
                       "nested, as OpenSanctions' entities.ftm.json and targets.nested.json; "
                       "or one entity or search/match response saved from the yente API), "
                       "FtM statements (OpenSanctions' statements.csv) or an OpenSanctions "
                       "targets.simple.csv")
    s.add_argument("path", type=Path, help="the case")
    s.add_argument("file", type=Path, help="the FtM JSON (lines, nested or a yente response), "
                   "statements.csv or targets.simple.csv")
    s.add_argument("--dry-run", action="store_true",
                   help="report what would be created and every problem; change nothing")
    _review_options(s)


def _review_options(s: argparse.ArgumentParser) -> None:
    s.add_argument("--accept", action="append", default=[], metavar="NAME=ID",
                   help="a proposed near match: NAME is existing entity ID")
    s.add_argument("--keep-apart", action="append", default=[], metavar="NAME",
                   help="a proposed near match: NAME is a different party (a new entity)")
    s.add_argument("--keep-all-apart", action="store_true",
                   help="every name not matched exactly becomes a new entity (near matches "
                   "are listed, not used)")
    s.add_argument("--again", action="store_true",
                   help="import a file the case already holds (trade rows are added again; FtM "
                   "records the case holds are not)")
    s.add_argument("--encoding", default=None, metavar="ENC",
                   help="the file's text encoding (utf-8, cp1251, koi8-r, cp1252, gb18030, "
                   "big5, utf-16 …); guessed from its bytes when not given, and said")


def run(args: argparse.Namespace, open_case: Callable[..., Any],
        refuse: Callable[[str, argparse.Namespace], int]) -> int:
    """``casefile import`` and ``import-ftm``; ``open_case`` and ``refuse`` are the CLI's."""
    from casefile.errors import AlreadyImported, ImportFailed, MissingColumns, NeedsReview
    from casefile.services.exchange.imports.mapping import (
        ColumnMapping,
        check_mapping_name,
        load_mapping,
        save_mapping,
    )
    from casefile.services.exchange.imports.row_report import row_report
    from casefile.services.exchange.imports.shipments import import_shipments

    mapping = load_mapping(args.mapping) if getattr(args, "mapping", None) else None
    if getattr(args, "save_mapping", None):  # a bad name is said before anything is imported
        check_mapping_name(args.save_mapping)
    constants = _constants(getattr(args, "constants", []))
    if constants is None:
        return EXIT_USAGE
    accept = {}
    for item in args.accept:
        name, _, eid = item.rpartition("=")
        if not name or not eid.isdigit():
            print(f"casefile: error: --accept takes NAME=ID, not {item!r}", file=sys.stderr)
            return EXIT_USAGE
        accept[name] = int(eid)
    review = not args.keep_all_apart
    if getattr(args, "report", None) is not None:
        from casefile.store.database import refuse_output

        refuse_output(args.report, args.path, "the row report", inputs=[args.file])
    progress = Progress()
    with open_case(args.path, undone="nothing was imported") as case:
        try:
            if args.verb == "import-ftm":
                from casefile.services.exchange.imports.ftm import import_ftm

                try:
                    report = import_ftm(case, args.file, args.dry_run, accept,
                                        progress=progress, keep_apart=args.keep_apart,
                                        review=review, again=args.again,
                                        encoding=args.encoding).result
                finally:
                    progress.end()
            else:
                row_log = None
                try:
                    with row_report(args.report) as row_log:
                        report = import_shipments(case, args.file, mapping, args.dry_run,
                                                  accept, progress, keep_apart=args.keep_apart,
                                                  review=review, again=args.again,
                                                  row_log=row_log, constants=constants,
                                                  accept_missing=args.accept_missing,
                                                  day_first=args.day_first,
                                                  skip_bad_rows=args.skip_bad_rows,
                                                  encoding=args.encoding,
                                                  keep_duplicates=args.keep_duplicates
                                                  ).result
                finally:
                    progress.end()
                    if getattr(row_log, "logged", 0):  # (also when it
                        # failed; not when it was refused before a row: the report is kept)
                        print(f"Wrote a line for every row read to {args.report}")
        except AlreadyImported as exc:
            return refuse(f"{exc}; pass --again to import it anyway", args)
        except MissingColumns as exc:
            return refuse(f"{exc}. Name a column (--mapping) or give a fixed value (--set "
                           "FIELD=VALUE), or pass --accept-missing to import it so", args)
        except NeedsReview as exc:
            _proposals(exc.report.proposals)
            return refuse(f"nothing was imported: {exc}. Name each with --accept 'NAME=ID' "
                           "(the same party) or --keep-apart 'NAME' (a different one), or "
                           "pass --keep-all-apart", args)
        except ImportFailed as exc:
            if args.dry_run and args.verb == "import":  # what it read, before why it stops
                _columns(exc.report, True)  # (look24: a dry run said only the problems)
                _preview(exc.report)
            for line in exc.report.problem_lines():
                print(line, file=sys.stderr)
            if said := exc.report.encoding_line(CHOOSE_ENCODING):
                print(said, file=sys.stderr)
            order = exc.report.date_order
            if order.startswith("not guessed"):
                print(f"Dates: {order} (--day-first or --month-first)", file=sys.stderr)
            missing = exc.report.missing
            if missing:
                print(f"Not found in the file: {', '.join(missing)} (no column, no fixed "
                      "value)", file=sys.stderr)
            if args.verb == "import" and not args.skip_bad_rows:
                print("Pass --skip-bad-rows to import the good rows (the others are listed "
                      "and kept in the notes of the file's source)", file=sys.stderr)
            failed = "would fail" if args.dry_run else "failed"
            return refuse(f"the import of {args.file.name} {failed}; the case is unchanged",
                          args)
    if report.skipped:
        n = len(report.skipped)
        print(f"{'Would skip' if args.dry_run else 'Skipped'} {n:,} row{'s' if n != 1 else ''} "
              "with problems:")
        for line in report.skipped_lines(50):
            print(f"  {line}")
    if getattr(report, "duplicates", None):
        print(report.duplicates_line() + " (--keep-duplicates imports them)")
    if args.verb == "import":
        _columns(report, args.dry_run)
    if said := report.encoding_line(CHOOSE_ENCODING):
        print(said)
    if report.date_order:
        print(f"Dates: {report.date_order}")
    if getattr(args, "save_mapping", None):
        saved = save_mapping(args.save_mapping, ColumnMapping(report.mapping, report.constants))
        print(f"Saved mapping to {saved}")
    verb = "Would import" if args.dry_run else "Imported"
    if args.verb == "import-ftm":  # what it adds, facts already there, skipped schemata
        print(report.headline(verb))
    else:
        print(f"{verb} {counted(report.shipments, 'shipment')} from "
              f"{counted(report.rows, 'row')}; "
              f"{counted(len(report.new_entities), 'new party', 'new parties')}, "
              f"{report.reused:,} already in the case")
        if report.added_to:
            print(report.added_line())
        if report.nothing_new:
            print("The case is unchanged: it holds every row of the file already (the file "
                  "is not kept either).")
    notes = list(report.warnings.items())
    for what, n in notes[:50]:
        print(f"Note: {what}" + (f" ({n:,}×)" if n > 1 else ""))
    if len(notes) > 50:
        print(f"… and {len(notes) - 50:,} more notes (the row report, --report, has every row)")
    left_out = report.left_out_lines()
    if left_out:
        print(f"{'Would leave' if args.dry_run else 'Left'} out "
              f"{counted(sum(report.left_out.values()), 'value')}, each with why:")
        for line in left_out[:50]:
            print(f"  {line}")
        if len(left_out) > 50:
            print(f"  … and {len(left_out) - 50:,} more kinds of value")
    if args.dry_run:
        _preview(report)
    _proposals(report.proposals, kept_apart=not args.dry_run)
    return 0


def _preview(report: Any) -> None:
    if report.preview:
        print(report.preview_heading())
        for line in report.preview:
            print(f"  {line}")


def _constants(items: list[str]) -> dict[str, str] | None:
    """--set FIELD=VALUE options as field -> value; None (said on stderr) when one is not."""
    from casefile.services.exchange.imports.fields import TARGETS, field_named

    out = {}
    for item in items:
        name, sep, value = item.partition("=")
        target = field_named(name) if sep else None
        if target is None:
            print(f"casefile: error: --set takes FIELD=VALUE with a field of "
                  f"{', '.join(TARGETS)}, not {item!r}", file=sys.stderr)
            return None
        out[target] = value.strip()
    return out


def _columns(report: Any, dry_run: bool) -> None:
    """What the file was recognised as, which column feeds which field, the fixed values,
    and — before anything else is said — the essential fields nothing feeds."""
    if report.layout:
        print(f"Recognised as: {report.layout}")
    if report.mapping:
        print("Columns: " + ", ".join(f"{k} <- {v!r}" for k, v in report.mapping.items()))
    if report.constants:
        print("Fixed values: " + ", ".join(f"{k} = {v!r}" for k, v in report.constants.items()))
    if report.missing:
        print(f"Not found in the file: {', '.join(report.missing)} (no column, no fixed value)"
              + ("; the import stops here unless given --accept-missing, a column "
                 "(--mapping) or a fixed value (--set FIELD=VALUE)" if dry_run else
                 "; imported so, as --accept-missing said"))


def _proposals(proposals: list, kept_apart: bool = False) -> None:
    for name, eid, existing, score in proposals:
        shown, reason = party_and_reason(existing)  # the name quoted, not the reason
        print(f"Possible match: {name!r} looks like entity {eid} {shown!r} ({score:.0f}%)"
              f"{reason}: "
              + ("imported as a new entity (--keep-all-apart)" if kept_apart else
                 f"--accept '{name}={eid}' if it is the same party, --keep-apart '{name}' if "
                 "not"))
