"""The ``casefile repair`` verb: copy what can be read of a damaged case into a new case
(the original is never written). Kept out of cli.py so the command stays small."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

VERBS = ("repair",)


def add_verbs(sub: argparse._SubParsersAction) -> None:
    s = sub.add_parser("repair", help="copy what can be read of a damaged case into a new "
                                      "case (the damaged file is left as it is)")
    s.add_argument("path", type=Path, help="the damaged case")
    s.add_argument("-o", "--output", type=Path, required=True,
                   help="the new case to write (must not exist)")


def run(args: argparse.Namespace) -> int:
    from casefile.services.case.repair import repair_case

    report = repair_case(args.path, args.output)
    if report.problems:
        print(f"{args.path.name}: SQLite's check found {len(report.problems)} problem(s), "
              f"the first: {report.problems[0]}")
    else:
        print(f"{args.path.name}: SQLite's check found no damage; every readable row is "
              "copied all the same")
    for t in report.tables:
        if t.saved or t.lost or t.orphans or t.unreadable or t.error:
            print(f"  {t.line()}")
    if not report.digests_known:
        print("  (the file's row digests could not be read: rows lost in a damaged range "
              "are not counted, only the ranges named)")
    saved = sum(t.saved for t in report.tables)
    lost = sum(t.lost + t.orphans for t in report.tables)
    print(f"Wrote {args.output}: {saved:,} rows saved, {lost:,} lost; {args.path.name} is "
          "unchanged")
    if report.lost_anything:
        print("casefile: some rows could not be saved (listed above); the repair is "
              "recorded in the new case's audit log", file=sys.stderr)
        return 1
    return 0
