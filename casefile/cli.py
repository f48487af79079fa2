"""The ``casefile`` command: the GUI, and headless verbs over case files.

An error fit to show a user (:func:`casefile.errors.is_expected`) ends the command with one
line, ``casefile: <message>``, on stderr and exit status 1. Anything else is a bug: one line
on stderr names it and the log that holds its traceback, and the exit status is 70
(EX_SOFTWARE). The heavy
libraries (SQLAlchemy, numpy, reportlab, Qt) are imported by the verbs that need them, so
``casefile --version`` and ``--help`` start at once.
"""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
from pathlib import Path

from casefile import __version__, cli_case, cli_export, cli_integrity
from casefile.cli_open import open_case
from casefile.cli_terminal import PipeSafe, need_display
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
                    "open the main window.",
        epilog="`casefile CASE.casefile` opens that case in the main window (as a desktop "
               "does for a double-clicked case); `casefile VERB --help` says more of a verb.")
    p.add_argument("--version", action="version", version=f"casefile {__version__}")
    p.add_argument("--demo", action="store_true",
                   help="open a fresh copy of the demo case in the main window")
    p.add_argument("--paint-and-quit", action="store_true",
                   help="open the window, print the seconds from start to its first paint, "
                        "and quit (a smoke test of an installed Casefile)")
    sub = p.add_subparsers(dest="verb", metavar="VERB")

    s = sub.add_parser("open", help="open a case in the main window")
    s.add_argument("path", type=Path, help="the case file (.casefile)")
    s.add_argument("--read-only", action="store_true", help="open it without writing to it")

    s = sub.add_parser("demo", help="write the demo case (from the article in resources/demo)")
    s.add_argument("path", type=Path, nargs="?", default=Path("casefile-demo.casefile"),
                   help="where to write it (default: casefile-demo.casefile here)")
    s.add_argument("--force", action="store_true", help="replace the file if it exists")

    s = sub.add_parser("new", help="create an empty case")
    s.add_argument("path", type=Path, help="the case file to create (.casefile)")
    s.add_argument("--title", default="Untitled case")
    s.add_argument("--marking", default=None, help="TLP label: CLEAR, GREEN, AMBER, "
                   "AMBER+STRICT or RED")

    s = sub.add_parser("info", help="counts, marking and schema version of a case")
    s.add_argument("path", type=Path, help="the case file (.casefile)")

    s = sub.add_parser("search", help="full-text search in a case")
    s.add_argument("path", type=Path, help="the case file (.casefile)")
    s.add_argument("query", help="words (each must match; OR between them for either; "
                   "\"a phrase\" in quotes)")
    s.add_argument("--limit", type=_at_least_one, default=50,
                   help="the most matches to print (default 50)")

    s = sub.add_parser("check", help="integrity check: SQLite, attachment hashes, audit chain")
    s.add_argument("path", type=Path, help="the case file (.casefile)")

    _add_export_verbs(sub)
    from casefile.cli_screening import add_verbs

    add_verbs(sub)
    cli_integrity.add_verbs(sub)
    return p


def _add_export_verbs(sub: argparse._SubParsersAction) -> None:
    from casefile import cli_dossier, cli_import

    cli_import.add_verbs(sub)
    cli_dossier.add_verbs(sub)
    cli_export.add_verbs(sub)


def _at_least_one(text: str) -> int:
    """A count of 1 or more (``--limit 0`` prints nothing, and said more matched)."""
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError("it must be 1 or more")
    return n


def main(argv: list[str] | None = None) -> int:
    argv = _file_opened(sys.argv[1:] if argv is None else argv)
    args = _parser().parse_args(argv)  # --version and --help end here, before any logging
    setup_logging()
    out = sys.stdout
    sys.stdout = PipeSafe(out)
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
    finally:
        sys.stdout = out


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
    """A bug: one line on stderr saying what went wrong and where its details are; the
    traceback in the log (on stderr only when there is no log to keep it); exit status 70."""
    log.error("casefile %s: unexpected error", args.verb or "(window)", exc_info=exc)
    where = log_file()
    if where is None:
        traceback.print_exception(exc, file=sys.stderr)
    first = next(iter(str(exc).splitlines()), "")
    print(f"casefile: unexpected error ({type(exc).__name__}: {first}): a bug in Casefile"
          f"{f'; the details (its traceback) are in {where}' if where else ''}",
          file=sys.stderr)
    return EXIT_SOFTWARE


def _run(args: argparse.Namespace) -> int:
    if args.verb is None or args.verb == "open":
        need_display()
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
        return cli_case.info(args.path, open_case)
    if args.verb == "search":
        return cli_case.search(args, open_case)
    if args.verb == "check":
        from casefile.services.case.integrity import check_case

        report = check_case(args.path)
        for line in report.checked:
            print(f"checked: {line}")
        for line in report.problems:
            print(f"PROBLEM: {line}")
        print("OK" if report.ok else f"{len(report.problems)} problem(s) found")
        return 0 if report.ok else EXIT_ERROR
    if args.verb in ("watchlist", "screen", "decide"):
        from casefile.cli_screening import run

        return run(args, open_case)
    if args.verb in ("export-pdf", "verify-dossier"):
        from casefile.cli_dossier import run as run_dossier

        return run_dossier(args, open_case)
    if args.verb in ("import", "import-ftm"):
        from casefile.cli_import import run as run_import

        return run_import(args, open_case, _refuse)
    if args.verb in cli_integrity.VERBS:
        return cli_integrity.run(args)
    if args.verb in cli_export.VERBS:
        return cli_export.run(args, open_case)
    return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
