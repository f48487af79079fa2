"""The screening verbs of the ``casefile`` command: ``watchlist import FILE``, ``watchlist
list``, ``screen CASE`` and ``decide CASE HIT …``. ``screen`` exits with
:data:`EXIT_OPEN_HITS` when hits at or above the flag threshold still wait for a decision, so
a script can stop on them; ``decide`` records decisions, as the window does."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from casefile.cli_progress import Progress

EXIT_OPEN_HITS = 3


def add_verbs(sub: Any) -> None:
    s = sub.add_parser("watchlist", help="sanctions and PEP watchlists kept beside cases")
    wsub = s.add_subparsers(dest="watchlist_verb", metavar="VERB", required=True)
    w = wsub.add_parser("import", help="load an OpenSanctions entities.ftm.json (full or "
                        "delta), targets.nested.json or targets.simple.csv into a watchlist")
    w.add_argument("file", type=Path, help="OpenSanctions' entities.ftm.json (or a delta "
                   "file) or targets.simple.csv")
    w.add_argument("--name", default=None, help="the watchlist's name (default: the dataset)")
    w.add_argument("--dataset", default=None, help="the dataset's name, as OpenSanctions "
                   "calls it (default: the file's folder or name)")
    w.add_argument("--version", default=None, help="the data's version (default: the newest "
                   "last_change in the file)")
    w.add_argument("--shrink", action="store_true", help="load a full file that removes more "
                   "than half of the list's entries (refused otherwise: a download cut short)")
    wsub.add_parser("list", help="the watchlists, with their version and size")
    d = wsub.add_parser("delete", help="remove a watchlist (cases keep their screening "
                        "runs, hits and decisions)")
    d.add_argument("name", help="the watchlist's name (casefile watchlist list shows them)")
    d.add_argument("--yes", action="store_true", help="do not ask (needed when not run "
                   "in a terminal)")

    s = sub.add_parser("screen", help="screen a case's parties against a watchlist")
    s.add_argument("path", type=Path, help="the case")
    s.add_argument("--watchlist", default=None, help="its name (default: the only one)")
    s.add_argument("--party", type=int, default=None, help="screen only this entity (id)")
    s.add_argument("--review", type=float, default=None, help="lowest score shown (0.5)")
    s.add_argument("--flag", type=float, default=None, help="lowest score flagged (0.7)")
    s.add_argument("--workers", type=int, default=None, help="scoring processes (default: "
                   "one per core for 200 parties or more, else none: scored in this one)")

    d = sub.add_parser("decide", help="decide screening hits (the hit numbers 'screen' "
                       "lists): match, no match or unsure")
    d.add_argument("path", type=Path, help="the case")
    d.add_argument("hits", type=int, nargs="+", help="hit number(s)")
    how = d.add_mutually_exclusive_group(required=True)
    for flag, verdict in (("--match", "match"), ("--no-match", "no_match"),
                          ("--unsure", "unsure")):
        how.add_argument(flag, dest="verdict", action="store_const", const=verdict)
    d.add_argument("--note", default="", help="why (needed to dismiss several at once)")


def run(args: argparse.Namespace, open_case: Any) -> int:
    if args.verb == "watchlist":
        return _watchlist(args)
    if args.verb == "decide":
        return _decide(args, open_case)
    return _screen(args, open_case)


def _watchlist(args: argparse.Namespace) -> int:
    from casefile.services.screening import watchlist_db as db
    from casefile.services.screening.watchlist_import import load

    if args.watchlist_verb == "list":
        lists = db.list_all()
        for w in lists:
            print(f"{w.name}\t{w.entries:,} entries\tdataset {w.dataset}\tversion "
                  f"{w.version}\tloaded {w.loaded_at}\tSHA-256 {w.sha256}")
        if not lists:
            print("No watchlists yet: 'casefile watchlist import FILE' loads one.",
                  file=sys.stderr)
        return 0
    if args.watchlist_verb == "delete":
        return _delete(args.name, args.yes)
    progress = Progress()
    try:
        report = load(args.file, args.name, version=args.version, dataset=args.dataset,
                      progress=progress, shrink=args.shrink)
    finally:
        progress.end()
    print(report.said())
    print(f"Licence: {db.LICENCE}", file=sys.stderr)  # (of the data loaded: not on a failure)
    return 0


def _delete(name: str, yes: bool) -> int:
    from casefile.errors import ValidationError
    from casefile.services.screening import watchlist_db as db

    info = next((w for w in db.list_all() if w.name == name), None)
    if info is None:
        db.open_existing(name)  # says which lists there are
        return 1
    what = f"watchlist {name} (version {info.version}, {db.size_text(info)})"
    if not yes:
        if not sys.stdin.isatty():
            said = f"say --yes to delete {what} without being asked"
            raise ValidationError("yes", said, display=said)
        answer = input(f"Delete {what}? Cases keep their screening runs and decisions. "
                       "[y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("Nothing deleted.", file=sys.stderr)
            return 1
    db.delete(name)
    print(f"Deleted {what}; cases keep their screening runs, hits and decisions.")
    return 0


def _screen(args: argparse.Namespace, open_case: Any) -> int:
    from casefile.core.screening import FLAG_THRESHOLD, NOT_REOPENED, REVIEW_THRESHOLD
    from casefile.errors import NotFoundError
    from casefile.services.screening import name_table
    from casefile.services.screening import watchlist_db as db
    from casefile.services.screening.pool import ScreeningPool
    from casefile.services.screening.results import hits
    from casefile.services.screening.screen import screen_case
    from casefile.services.screening.watchlist_keys import INDEXING

    name = args.watchlist
    if name is None:
        lists = db.list_all()
        if len(lists) != 1:
            raise NotFoundError("say which watchlist with --watchlist (known: "
                                f"{', '.join(w.name for w in lists) or 'none yet'})")
        name = lists[0].name
    review = REVIEW_THRESHOLD if args.review is None else args.review
    flag = FLAG_THRESHOLD if args.flag is None else args.flag
    with open_case(args.path) as case:
        workers = args.workers
        if workers is None:
            many = args.party is None and case.counts()["entity"] >= 200
            workers = (os.cpu_count() or 1) if many else 0
        name_table.prepare(on_build=lambda: print(
            "Building the person-name table from rigour's data (once for each version of "
            "rigour, a few seconds)…", file=sys.stderr))
        pool = ScreeningPool(workers) if workers > 0 else None

        progress = Progress("{done:,} of {total:,} {what}")

        said: set[str] = set()

        def report(done: int, total: int, what: str) -> None:  # (review38: a list indexed
            if what == INDEXING and not progress.live and what not in said:  # anew sat
                said.add(what)  # silent, 8 s for 300,000 entries)
                print(f"Indexing the watchlist {name}'s names anew (once, so that names in "
                      "other scripts are found)…", file=sys.stderr)
            progress(done, total, "list entries indexed anew (once)" if what == INDEXING
                     else "parties")
        try:
            summary = screen_case(case, name, party=args.party, review=review, flag=flag,
                                  pool=pool, progress=report)
        finally:
            progress.end()
            if pool is not None:
                pool.close()
        with case.read() as conn:
            rows = hits(conn, name, party=args.party)
    print(f"Screened {summary.parties} part{'y' if summary.parties == 1 else 'ies'} against "
          f"{name} (version {summary.version}): {summary.hits} hit(s) at or above {review}, "
          f"{summary.carried} keeping an earlier decision, {summary.reopened} reopened")
    if summary.cleared:
        print(summary.cleared_line())
    for h in rows:
        state = (f"{h.verdict.replace('_', ' ')} ({h.reviewer}"
                 f"{'; earlier run' if h.carried else ''})" if h.verdict else
                 "OPEN" + (f" ({h.reopened})" if h.reopened not in NOT_REOPENED else ""))
        mark = "!" if h.score >= flag else " "
        print(f"{mark} hit {h.id}  {h.score:.2f}  #{h.entity_id} {_plain(h.party)}  ~  "
              f"{_plain(h.list_caption)} [{h.list_schema} {h.list_key}]  {state}")
        print(f"        {_plain(h.explanation)}")
        if h.unsanctioned:  # (look30: a registry record printed as a sanctions hit)
            print(f"        {h.unsanctioned.upper()[:1]}{h.unsanctioned[1:]}")
    open_flagged = sum(1 for h in rows if h.open and h.score >= flag)
    if open_flagged:
        print(f"{open_flagged} flagged hit(s) (score ≥ {flag}) wait for a decision "
              f"('casefile decide {args.path} HIT --match|--no-match|--unsure')",
              file=sys.stderr)
        return EXIT_OPEN_HITS
    return 0


def _decide(args: argparse.Namespace, open_case: Any) -> int:
    from casefile.errors import ValidationError
    from casefile.services.case.screening_ops import VERDICT_WORDS, decide
    from casefile.services.screening.results import hits

    with open_case(args.path) as case:
        with case.read() as conn:
            current = {h.id: h for h in hits(conn)}
            said = [_not_current(conn, h, current) for h in args.hits if h not in current]
        if said:  # (review: a number from an earlier run was decided, and 'screen' disagreed)
            raise ValidationError("hits", "; ".join(said) + " — 'casefile screen' lists "
                                  "the current hits and their numbers")
        before = {h: current[h].verdict for h in args.hits if current[h].verdict}
        change = decide(case, args.hits, args.verdict, args.note)
        actor = case.actor
    word = VERDICT_WORDS[args.verdict]
    print(f"Decided {word} on {len(change.result)} hit(s): "
          f"{', '.join(str(h) for h in args.hits)} (by {actor}; in the case's audit log)")
    for h, verdict in before.items():
        if verdict != args.verdict:
            print(f"  hit {h} was decided {VERDICT_WORDS[verdict]} before; now {word}")
    return 0


def _not_current(conn: Any, hit: int, current: dict[int, Any]) -> str:
    """Why hit number ``hit`` cannot be decided: none such, or one of an earlier run (and
    the current hit of its party and list entry, if any)."""
    row = conn.exec_driver_sql("SELECT entity_id, list_key FROM screening_hit WHERE id = ?",
                               (hit,)).first()
    if row is None:
        return f"there is no hit {hit} in this case"
    now = next((h.id for h in current.values()
                if (h.entity_id, h.list_key) == tuple(row)), None)
    return f"hit {hit} is of an earlier screening run" + (
        f" (the same party and list entry are hit {now} now)" if now is not None else "")


def _plain(text: str) -> str:
    """One line of plain text: a case's text never moves the cursor or clears the screen."""
    return "".join(c if c.isprintable() else " " for c in text)

