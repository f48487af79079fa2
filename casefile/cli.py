"""The ``casefile`` command: the GUI, and headless verbs over case files.

An error fit to show a user (:func:`casefile.errors.is_expected`) ends the command with one
line, ``casefile: <message>``, on stderr and exit status 1. Anything else is a bug: its
traceback goes to stderr and to the log, and the exit status is 70 (EX_SOFTWARE). The heavy
libraries (SQLAlchemy, numpy, reportlab, Qt) are imported by the verbs that need them, so
``casefile --version`` and ``--help`` start at once.
"""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
from pathlib import Path
from typing import Any

from casefile import __version__, cli_integrity
from casefile.errors import CaseFileError, CasefileError, is_expected
from casefile.log import log_file, setup_logging

EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_SOFTWARE = 70  # sysexits.h EX_SOFTWARE: an internal error, i.e. a bug in Casefile

log = logging.getLogger("casefile.cli")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="casefile",
        description="Casefile: offline case files for investigators. Run without a verb to "
                    "open the main window.")
    p.add_argument("--version", action="version", version=f"casefile {__version__}")
    p.add_argument("--demo", action="store_true",
                   help="open a fresh copy of the demo case in the main window")
    p.add_argument("--paint-and-quit", action="store_true",
                   help="open the window, print the seconds from start to its first paint, "
                        "and quit (a smoke test of an installed Casefile)")
    sub = p.add_subparsers(dest="verb", metavar="VERB")

    s = sub.add_parser("open", help="open a case in the main window")
    s.add_argument("path", type=Path)
    s.add_argument("--read-only", action="store_true")

    s = sub.add_parser("demo", help="write the demo case (from the article in resources/demo)")
    s.add_argument("path", type=Path, nargs="?", default=Path("casefile-demo.casefile"))
    s.add_argument("--force", action="store_true", help="replace the file if it exists")

    s = sub.add_parser("new", help="create an empty case")
    s.add_argument("path", type=Path)
    s.add_argument("--title", default="Untitled case")
    s.add_argument("--marking", default=None, help="TLP label: CLEAR, GREEN, AMBER, "
                   "AMBER+STRICT or RED")

    s = sub.add_parser("info", help="counts, marking and schema version of a case")
    s.add_argument("path", type=Path)

    s = sub.add_parser("search", help="full-text search in a case")
    s.add_argument("path", type=Path)
    s.add_argument("query")
    s.add_argument("--limit", type=int, default=50)

    s = sub.add_parser("check", help="integrity check: SQLite, attachment hashes, audit chain")
    s.add_argument("path", type=Path)

    _add_export_verbs(sub)
    from casefile.cli_screening import add_verbs

    add_verbs(sub)
    cli_integrity.add_verbs(sub)
    return p


def _add_export_verbs(sub: argparse._SubParsersAction) -> None:
    from casefile.report.model import SECTIONS

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
                       "shipments, events and sources from FollowTheMoney JSON lines or an "
                       "OpenSanctions targets.simple.csv")
    s.add_argument("path", type=Path, help="the case")
    s.add_argument("file", type=Path)
    s.add_argument("--dry-run", action="store_true",
                   help="report what would be created and every problem; change nothing")
    _review_options(s)

    s = sub.add_parser("export-csv", help="each table as a CSV file (UTF-8 with BOM)")
    s.add_argument("path", type=Path)
    s.add_argument("folder", type=Path)
    s.add_argument("--force", action="store_true",
                   help="replace CSV files of an earlier export already in the folder")

    s = sub.add_parser("export-ftm", help="FollowTheMoney entities (JSON lines)")
    s.add_argument("path", type=Path)
    s.add_argument("-o", "--output", type=Path, required=True)

    s = sub.add_parser("export-pdf", help="the PDF dossier of a case")
    s.add_argument("path", type=Path)
    s.add_argument("-o", "--output", type=Path, required=True)
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
    s.add_argument("pdf", type=Path)
    s.add_argument("path", type=Path, help="the case")


def main(argv: list[str] | None = None) -> int:
    argv = _file_opened(sys.argv[1:] if argv is None else argv)
    args = _parser().parse_args(argv)  # --version and --help end here, before any logging
    setup_logging()
    try:
        return _run(args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - a user's error in one line, a bug in full
        said = _situation(exc, args)
        if said is None and is_expected(exc):
            said = str(exc) or type(exc).__name__
        if said is not None:
            return _refuse(said, args)
        return _bug(exc, args)


def _file_opened(argv: list[str]) -> list[str]:
    """``casefile CASE.casefile``, as a desktop starts it for a double-clicked case (the
    .desktop entry's ``%f``), means ``casefile open CASE.casefile``."""
    options = [a for a in argv if a.startswith("-")]
    rest = [a for a in argv if not a.startswith("-")]
    if len(rest) == 1 and rest[0].lower().endswith(".casefile"):
        return options + ["open", rest[0]]
    return argv


def _situation(exc: Exception, args: argparse.Namespace) -> str | None:
    """What SQLite or the system said about the file, the disk or the machine (a full disk,
    a damaged or read-only file) when it reached us unwrapped, e.g. from a blob written
    directly or a file written on a full disk."""
    if isinstance(exc, CasefileError) or "sqlite3" not in sys.modules:
        return None
    from casefile.store.faults import translate

    path = getattr(args, "path", None)
    if not isinstance(path, Path):
        return None
    mapped = translate(exc, path.name, path.absolute().parent)
    return str(mapped) if mapped is not None else None


def _refuse(message: str, args: argparse.Namespace) -> int:
    """An error fit to show the user: one line on stderr (and in the log); exit status 1."""
    line = " ".join(message.splitlines())
    log.warning("casefile %s: %s", args.verb or "(window)", line)
    print(f"casefile: {line}", file=sys.stderr)
    return EXIT_ERROR


def _bug(exc: BaseException, args: argparse.Namespace) -> int:
    """A bug: the traceback on stderr and in the log; exit status 70."""
    log.error("casefile %s: unexpected error", args.verb or "(window)", exc_info=exc)
    traceback.print_exception(exc, file=sys.stderr)
    where = log_file()
    first = next(iter(str(exc).splitlines()), "")
    print(f"casefile: unexpected error ({type(exc).__name__}: {first}): a bug in Casefile"
          f"{f'; the traceback is also in {where}' if where else ''}", file=sys.stderr)
    return EXIT_SOFTWARE


def _run(args: argparse.Namespace) -> int:
    if args.verb is None or args.verb == "open":
        from casefile.ui.app import run_gui
        from casefile.ui.error_dialog import install_excepthook

        install_excepthook()  # a bug in the window: a dialog and the log, not a dead stderr

        path = getattr(args, "path", None)
        return run_gui(path=path, demo=args.demo, readonly=getattr(args, "read_only", False),
                       paint_and_quit=args.paint_and_quit)
    if args.verb == "demo":
        from casefile.services.exchange.demo import write_demo

        if (args.path.exists() or args.path.is_symlink()) and not args.force:
            raise CaseFileError(f"{args.path} exists (use --force to replace it)")
        # --force: the case there is replaced only once the demo is whole, and never while
        # someone has it open
        with write_demo(args.path, replace=args.force) as case:
            counts = case.counts()
        print(f"Wrote the demo case to {args.path} ({counts['entity']} entities, "
              f"{counts['shipment']} shipments, {counts['source']} sources)")
        return 0
    if args.verb == "new":
        from casefile.services.case.facade import Case

        with Case.new(args.path, title=args.title, marking=args.marking):
            pass
        print(f"Created {args.path}")
        return 0
    if args.verb == "info":
        return _info(args.path)
    if args.verb == "search":
        from casefile.services.case.facade import Case

        with _open(args.path, readonly=True) as case:
            hits = case.search(args.query, args.limit)
            if not case.full_text_available():
                print("note: this Python's SQLite has no FTS5; using plain text matching",
                      file=sys.stderr)
        for h in hits:
            print(f"{h.kind}\t{h.id}\t{h.title}\t{h.snippet}")
        if not hits:
            print("No matches.", file=sys.stderr)
        return 0
    if args.verb == "check":
        from casefile.services.case.integrity import check_case

        report = check_case(args.path)
        for line in report.checked:
            print(f"checked: {line}")
        for line in report.problems:
            print(f"PROBLEM: {line}")
        print("OK" if report.ok else f"{len(report.problems)} problem(s) found")
        return 0 if report.ok else EXIT_ERROR
    if args.verb in ("watchlist", "screen"):
        from casefile.cli_screening import run

        return run(args, _open)
    if args.verb in ("export-pdf", "verify-dossier"):
        from casefile.cli_dossier import run as run_dossier

        return run_dossier(args, _open)
    if args.verb in ("import", "import-ftm"):
        return _import(args)
    if args.verb in cli_integrity.VERBS:
        return cli_integrity.run(args)
    if args.verb == "export-csv":
        from casefile.errors import FilesInTheWay
        from casefile.services.exchange.export_csv import export_csv

        with _open(args.path, readonly=True) as case:
            try:
                written = export_csv(case, args.folder, replace=args.force)
            except FilesInTheWay as exc:
                raise FilesInTheWay(f"{exc} (pass --force to replace them)", exc.paths) from None
        for p in written:
            print(p)
        return 0
    if args.verb == "export-ftm":
        from casefile.services.case.facade import Case
        from casefile.services.exchange.export_ftm import export_ftm

        with _open(args.path, readonly=True) as case:
            n = export_ftm(case, args.output)
        print(f"Wrote {n} FollowTheMoney entities to {args.output}")
        return 0
    return EXIT_USAGE


def _open(path: Path, readonly: bool = False, undone: str = "nothing was changed") -> Any:
    """Open a case; say so when it was upgraded from an older Casefile (and where the old
    file is kept), or read through an upgraded copy. A verb that writes is refused at once
    when the file cannot be written (``undone`` says what was not done)."""
    from casefile.errors import ReadOnlyError
    from casefile.services.case.facade import Case
    from casefile.store import database, migrate
    from casefile.store.copies import real_path
    from casefile.store.engine import writable_reason

    case = Case.open(path, readonly=readonly)
    if case.backup is not None:
        print(f"casefile: note: {path.name} was upgraded to this version's schema; the file "
              f"as it was is kept as {case.backup}", file=sys.stderr)
    if not readonly and not case.readonly and case.damage() is not None:
        case.close()
        raise ReadOnlyError(f"{path.name} cannot be written: {case.why_readonly}; {undone}.")
    if not case.readonly:
        return case
    why = None if readonly else writable_reason(real_path(path))
    if why is not None:
        case.close()
        raise ReadOnlyError(f"{path.name} cannot be written ({why}); {undone}. Copy the "
                            "case somewhere writable first.")
    revision = database.read_revision(path)
    if revision != migrate.head_revision():
        print(f"casefile: note: {path.name} uses an older schema ({revision}); it was read "
              "through an upgraded temporary copy and is unchanged (open it for writing to "
              "upgrade it)", file=sys.stderr)
    return case


def _review_options(s: argparse.ArgumentParser) -> None:
    s.add_argument("--accept", action="append", default=[], metavar="NAME=ID",
                   help="a proposed near match: NAME is existing entity ID")
    s.add_argument("--keep-apart", action="append", default=[], metavar="NAME",
                   help="a proposed near match: NAME is a different party (a new entity)")
    s.add_argument("--keep-all-apart", action="store_true",
                   help="every name not matched exactly becomes a new entity (near matches "
                   "are listed, not used)")
    s.add_argument("--again", action="store_true",
                   help="import a file the case already holds (its records are duplicated)")


def _import(args: argparse.Namespace) -> int:
    from casefile.errors import AlreadyImported, ImportFailed, MissingColumns, NeedsReview
    from casefile.services.exchange.imports.mapping import (
        ColumnMapping,
        load_mapping,
        save_mapping,
    )
    from casefile.services.exchange.imports.row_report import row_report
    from casefile.services.exchange.imports.shipments import import_shipments

    mapping = load_mapping(args.mapping) if getattr(args, "mapping", None) else None
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
    with _open(args.path, undone="nothing was imported") as case:
        try:
            if args.verb == "import-ftm":
                from casefile.services.exchange.imports.ftm import import_ftm

                report = import_ftm(case, args.file, args.dry_run, accept,
                                    keep_apart=args.keep_apart, review=review,
                                    again=args.again).result
            else:
                try:
                    with row_report(args.report) as row_log:
                        report = import_shipments(case, args.file, mapping, args.dry_run,
                                                  accept, keep_apart=args.keep_apart,
                                                  review=review, again=args.again,
                                                  row_log=row_log, constants=constants,
                                                  accept_missing=args.accept_missing,
                                                  day_first=args.day_first,
                                                  skip_bad_rows=args.skip_bad_rows).result
                finally:
                    if args.report:
                        print(f"Wrote a line for every row read to {args.report}")
        except AlreadyImported as exc:
            return _refuse(f"{exc}; pass --again to import it anyway", args)
        except MissingColumns as exc:
            return _refuse(f"{exc}. Name a column (--mapping) or give a fixed value (--set "
                           "FIELD=VALUE), or pass --accept-missing to import it so", args)
        except NeedsReview as exc:
            _proposals(exc.report.proposals)
            return _refuse(f"nothing was imported: {exc}. Name each with --accept 'NAME=ID' "
                           "(the same party) or --keep-apart 'NAME' (a different one), or "
                           "pass --keep-all-apart", args)
        except ImportFailed as exc:
            for line in exc.report.problem_lines():
                print(line, file=sys.stderr)
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
            return _refuse(f"the import of {args.file.name} failed; the case is unchanged",
                           args)
    if report.skipped:
        n = len(report.skipped)
        print(f"{'Would skip' if args.dry_run else 'Skipped'} {n:,} row{'s' if n != 1 else ''} "
              "with problems:")
        for line in report.skipped_lines(50):
            print(f"  {line}")
    if args.verb == "import":
        _columns(report, args.dry_run)
    if report.date_order:
        print(f"Dates: {report.date_order}")
    if getattr(args, "save_mapping", None):
        saved = save_mapping(args.save_mapping, ColumnMapping(report.mapping, report.constants))
        print(f"Saved mapping to {saved}")
    verb = "Would import" if args.dry_run else "Imported"
    what = "records" if args.verb == "import-ftm" else f"{report.shipments:,} shipments"
    print(f"{verb} {what} from {report.rows:,} rows; "
          f"{len(report.new_entities):,} new parties, {len(report.reused_entities):,} "
          "already in the case")
    for line in getattr(report, "summary_lines", list)():  # FtM: facts, skipped schemata
        print(line)
    notes = list(report.warnings.items())
    for what, n in notes[:50]:
        print(f"Note: {what}" + (f" ({n:,}×)" if n > 1 else ""))
    if len(notes) > 50:
        print(f"… and {len(notes) - 50:,} more notes (the row report, --report, has every row)")
    left_out = report.left_out_lines()
    if left_out:
        print(f"{'Would leave' if args.dry_run else 'Left'} out {sum(report.left_out.values()):,} "
              "values Casefile cannot hold:")
        for line in left_out[:50]:
            print(f"  {line}")
        if len(left_out) > 50:
            print(f"  … and {len(left_out) - 50:,} more kinds of value")
    if args.dry_run and report.preview:
        print(f"What each row creates (first {len(report.preview)} of {report.rows:,} rows):"
              if len(report.preview) < report.rows else "What each row creates:")
        for line in report.preview:
            print(f"  {line}")
    _proposals(report.proposals, kept_apart=not args.dry_run)
    return 0


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
        print(f"Possible match: {name!r} looks like entity {eid} {existing!r} ({score:.0f}%): "
              + ("imported as a new entity (--keep-all-apart)" if kept_apart else
                 f"--accept '{name}={eid}' if it is the same party, --keep-apart '{name}' if "
                 "not"))


def _info(path: Path) -> int:
    from casefile.core.grading import TLP
    from casefile.core.labels import plural

    with _open(path, readonly=True) as case:
        info, counts, version = case.info(), case.counts(), case.schema_version()
        head = case.head_digest()
    marking = TLP[info["marking"]].label if info.get("marking") else "(none)"
    line = f"  {info['classification']}" if info["classification"] else ""
    print(f"{'Case:':<15}{info['title']}")
    print(f"{'Reference:':<15}{info['reference'] or '-'}")
    print(f"{'Marking:':<15}{marking}{line}")
    print(f"{'Author:':<15}{info['author'] or '-'} / {info['organisation'] or '-'}")
    print(f"{'Schema:':<15}{version}")
    print(f"{'Digest:':<15}{head or '(none recorded)'}")
    for kind, n in counts.items():
        print(f"{plural(kind) + ':':<15}{n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
