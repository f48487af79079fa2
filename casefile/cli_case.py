"""The ``info`` and ``search`` verbs of the ``casefile`` command: what a case holds, and
full-text search in it, printed one line a record."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from casefile.cli_terminal import one_line


def search(args: argparse.Namespace, open_case: Callable[..., Any]) -> int:
    """Print the records matching the query, one line each (kind, id, title, snippet)."""
    with open_case(args.path, readonly=True) as case:
        hits = case.search(args.query, args.limit + 1)
        fts = case.full_text_available()
        if not fts:
            print("note: this Python's SQLite has no FTS5; using plain text matching",
                  file=sys.stderr)
    for h in hits[:args.limit]:  # one line a hit: a cell's line breaks and tabs are
        # spaces here, and a goods description of thousands of characters is cut
        print(f"{h.kind}\t{h.id}\t{one_line(h.title)}\t{one_line(h.snippet)}")
    if not hits:
        print("No matches.", file=sys.stderr)
    elif len(hits) > args.limit:
        which = "best" if fts else "first"
        print(f"note: the {which} {args.limit:,} matches; more records match (--limit N "
              "shows more)", file=sys.stderr)
    return 0


def info(path: Path, open_case: Callable[..., Any]) -> int:
    """Print what the case at ``path`` is and holds: title, marking, schema, digest, counts."""
    from casefile.core.grading import TLP
    from casefile.core.labels import LOST_IN_REPAIR, RESTORED_IN_REPAIR, plural

    with open_case(path, readonly=True, warn=True) as case:
        info, counts, version = case.info(), case.counts(), case.schema_version()
        head = case.head_digest()
        with case.read() as conn:  # (look18) a repaired case's count holds what repair made
            repaired = {tag: conn.exec_driver_sql(
                "SELECT count(*) FROM entity WHERE (',' || tags || ',') LIKE ?",
                (f"%,{tag},%",)).scalar() or 0 for tag in (LOST_IN_REPAIR, RESTORED_IN_REPAIR)}
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
        if kind == "entity" and any(repaired.values()):
            said = [f"{repaired[LOST_IN_REPAIR]:,} stand-ins for parties a repair lost "
                    f"(tagged '{LOST_IN_REPAIR}')" if repaired[LOST_IN_REPAIR] else "",
                    f"{repaired[RESTORED_IN_REPAIR]:,} restored from the audit log (tagged "
                    f"'{RESTORED_IN_REPAIR}')" if repaired[RESTORED_IN_REPAIR] else ""]
            print(f"{'':<15}of them {' and '.join(x for x in said if x)}")
    return 0
