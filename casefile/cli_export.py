"""The export verbs of the ``casefile`` command: ``export-csv`` (each table as a CSV file)
and ``export-ftm`` (FollowTheMoney entities, with what FtM cannot hold said)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

VERBS = ("export-csv", "export-ftm")


def add_verbs(sub: argparse._SubParsersAction) -> None:
    s = sub.add_parser("export-csv", help="each table as a CSV file (UTF-8 with BOM)")
    s.add_argument("path", type=Path, help="the case file (.casefile)")
    s.add_argument("folder", type=Path, help="the folder to write the CSV files into")
    s.add_argument("--force", action="store_true",
                   help="replace CSV files of an earlier export already in the folder")

    s = sub.add_parser("export-ftm", help="FollowTheMoney entities (JSON lines)")
    s.add_argument("path", type=Path, help="the case file (.casefile)")
    s.add_argument("-o", "--output", type=Path, required=True,
                   help="the file to write (e.g. case.ftm.json)")


def run(args: argparse.Namespace, open_case: Callable[..., Any]) -> int:
    """Run an export verb (``open_case``: the command's way to open a case)."""
    if args.verb == "export-csv":
        from casefile.errors import FilesInTheWay
        from casefile.services.exchange.export_csv import export_csv

        with open_case(args.path, readonly=True, whole="the CSV files") as case:
            try:
                written = export_csv(case, args.folder, replace=args.force)
            except FilesInTheWay as exc:
                raise FilesInTheWay(f"{exc} (pass --force to replace them)", exc.paths) from None
        for p in written:
            print(p)
        return 0
    if args.verb == "export-ftm":
        from casefile.services.exchange.export_ftm import export_ftm
        from casefile.services.exchange.export_ftm_left import left_out_line

        with open_case(args.path, readonly=True, whole="the FollowTheMoney file") as case:
            n = export_ftm(case, args.output)
            with case.read() as conn:
                left = left_out_line(conn)
        print(f"Wrote {n} FollowTheMoney entities to {args.output}")
        if left:
            print(left)
        return 0
    raise ValueError(f"not an export verb: {args.verb}")
