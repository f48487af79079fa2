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
    for line in report.lines():
        print(line)
    if report.lost_anything:
        print("casefile: some rows could not be saved (listed above); the repair is "
              "recorded in the new case's audit log", file=sys.stderr)
        return 1
    return 0
