"""Screen a case's parties against a watchlist and keep the run in the case: read the
parties, find and score candidates, decide which earlier decisions still hold, and write the
run and its hits as one case operation (one undo step, one audit entry). Each hit keeps a
snapshot of its list entry, with the sanctions the list gives it.

A pair (party, list entry) found again keeps its latest decision unless the entry changed
since (its digest differs) or its score crossed a threshold (review 0.5, flag 0.7); then the
hit is reopened and says why."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Connection

from casefile.core.fuzzydate import ISO_PREFIX
from casefile.core.screening import (
    ALGORITHM,
    ALGORITHM_VERSION,
    FLAG_THRESHOLD,
    NOT_REOPENED,
    REVIEW_THRESHOLD,
)
from casefile.core.screening.records import KIND_SCHEMA, Entry, Party, sole_trader
from casefile.core.screening.score import Result
from casefile.core.topics import unsanctioned
from casefile.errors import CasefileError, NotFoundError, ValidationError
from casefile.services.case.change import Change
from casefile.services.case.facade import Case
from casefile.services.case.screening_ops import VERDICT_WORDS, record_run
from casefile.services.screening import name_table, results
from casefile.services.screening import watchlist_db as db
from casefile.services.screening.candidates import Index
from casefile.services.screening.pool import ScreeningPool
from casefile.services.screening.watchlist_keys import bring_up_to_date

Progress = Callable[[int, int, str], None]


@dataclass
class Found:
    party: Party
    party_name: str
    entry: Entry
    result: Result
    digest: str


@dataclass
class RunSummary:
    """What a run found: its id in the case, the hits, and how many were new or reopened
    and how many kept an earlier decision."""

    run_id: int
    watchlist: str
    version: str
    parties: int
    hits: int
    reopened: int
    carried: int
    flagged_open: int
    found: list[Found] = field(default_factory=list)
    change: Change | None = None  # the case operation that recorded the run
    # the parties flagged by the previous run against this list that no entry hits now
    # (look16: after a list shrank, parties went clean without a word)
    cleared: list[str] = field(default_factory=list)

    def cleared_line(self) -> str:
        """The cleared parties in a sentence ('' when none)."""
        return results.cleared_said(self.watchlist, self.cleared)


def read_parties(conn: Connection, ids: list[int] | None = None) -> list[tuple[Party, str]]:
    """(Party, its name) of every entity of the case (or of ``ids``)."""
    listed = "" if ids is None else ",".join(str(int(i)) for i in ids)
    where = "" if ids is None else f" WHERE id IN ({listed})"
    of = "" if ids is None else f" WHERE entity_id IN ({listed})"  # one party: its own only
    rows = conn.exec_driver_sql(
        "SELECT id, kind, name, country, other_countries, nationality, birth_edtf, "
        f"birth_start, gender FROM entity{where} ORDER BY id").all()
    aliases: dict[int, list[str]] = {}
    for eid, name in conn.exec_driver_sql(f"SELECT entity_id, name FROM alias{of} ORDER BY id"):
        aliases.setdefault(eid, []).append(name)
    idents: dict[int, list[tuple[str, str]]] = {}
    for eid, scheme, value in conn.exec_driver_sql(
            f"SELECT entity_id, scheme, value FROM identifier{of} ORDER BY id"):
        idents.setdefault(eid, []).append((scheme, value))
    out = []
    for eid, kind, name, country, others, nationality, edtf, start, gender in rows:
        countries = {c.lower() for c in [country or "", *(others or "").split(","),
                                         *(nationality or "").split(",")] if c}
        births = [edtf] if edtf and ISO_PREFIX.fullmatch(edtf) else [start[:4]] if start else []
        names = list(dict.fromkeys([name, *aliases.get(eid, [])]))
        schema = KIND_SCHEMA.get(kind, "LegalEntity")
        owners = [o for n in names if (o := sole_trader(n))] if kind != "person" else []
        if owners:  # a sole trader: compared with people as well, by its owner's name
            schema, names = "LegalEntity", list(dict.fromkeys([*names, *owners]))
        out.append((Party(eid, schema, names, countries, births, idents.get(eid, []),
                          gender or ""), name))
    return out


def find(index: Index, parties: list[tuple[Party, str]], review: float = REVIEW_THRESHOLD,
         progress: Progress | None = None) -> list[Found]:
    """Every (party, entry) scoring at least ``review``, best first per party."""
    out: list[Found] = []
    for n, (party, name) in enumerate(parties):
        if progress is not None:
            progress(n, len(parties), name)
        out += [Found(party, name, e, r, digest) for e, r, digest in index.matches(party, review)]
    if progress is not None:
        progress(len(parties), len(parties), "")
    return out


def _band(s: float, review: float, flag: float) -> int:
    return 2 if s >= flag else 1 if s >= review else 0


def _earlier(conn: Connection, watchlist: str) -> dict[tuple[int, str], dict[str, Any]]:
    """(party, entry key) -> the latest earlier hit against this list, with the decision
    that holds for it (its own latest, else the one it carried)."""
    out: dict[tuple[int, str], dict[str, Any]] = {}
    for hid, eid, key, sc, digest, decision, entry, reopened, verdict, reviewer, note in \
            conn.exec_driver_sql(
                "SELECT x.*, d.verdict, d.reviewer, d.note FROM (SELECT h.id, h.entity_id, "
                "h.list_key, h.score, h.entry_digest, coalesce((SELECT max(d.id) FROM "
                "screening_decision d WHERE d.hit_id = h.id), h.carried_decision_id) AS "
                "decision, h.entry, h.reopened FROM screening_hit h JOIN screening_run r ON "
                "r.id = h.run_id WHERE r.watchlist = ?) x LEFT JOIN screening_decision d ON "
                "d.id = x.decision ORDER BY x.id", (watchlist,)):
        said = None
        if decision is not None:  # what was decided, in words, for a reopened hit to say
            said = VERDICT_WORDS.get(verdict, verdict) + (f" by {reviewer}" if reviewer
                                                          else "") + (f": {note}" if note
                                                                      else "")
        out[(eid, key)] = {"hit": hid, "score": sc, "digest": digest, "decision": decision,
                           "entry": entry, "why": reopened, "said": said}
    return out


def _changes(snapshot: str | None, entry: Entry, kept: dict[str, Any]) -> str:
    """What of ``entry`` (``kept``: as the new hit keeps it) that screening compares — or
    whether its list says it is sanctioned — differs from an earlier hit's snapshot of it,
    in words ('names and identifiers'); '' when nothing does."""
    try:
        earlier = json.loads(snapshot or "")
    except ValueError:
        return "details"
    before, now = _compared(earlier), entry.compared()
    if before is None:
        return "details"
    differ = [what for what in now if before.get(what) != now[what]]
    listed = not unsanctioned(earlier)
    if listed != (not unsanctioned(kept)):  # (review34: a delisted
        differ.append("sanctions: the list no longer says it is sanctioned" if listed
                      else "sanctions: the list now says it is sanctioned")  # entry's
        # decision was carried without a word)
    return " and ".join([", ".join(differ[:-1]), differ[-1]] if len(differ) > 1 else differ)


def _compared(e: Any) -> dict[str, list[str]] | None:
    """What screening compared of an entry as an earlier hit kept it (Entry.compared)."""
    try:
        return Entry(str(e["id"]), str(e["schema"]), str(e.get("caption") or ""),
                     dict(e.get("properties") or {})).compared()
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def screen_case(case: Case, watchlist: str, *, party: int | None = None,
                where: Path | None = None, review: float = REVIEW_THRESHOLD,
                flag: float = FLAG_THRESHOLD, progress: Progress | None = None,
                pool: ScreeningPool | None = None) -> RunSummary:
    """Screen the case (or one party) against ``watchlist`` and record the run. With a
    ``pool`` the scoring runs in its worker processes, else in this thread."""
    if not 0 < review <= flag <= 1:
        raise ValidationError("threshold", "thresholds must satisfy 0 < review ≤ flag ≤ 1")
    con = db.open_existing(watchlist, where)
    try:
        bring_up_to_date(con, progress)  # a list an earlier Casefile indexed
        info = db.describe(watchlist, con, db.path_of(watchlist, where))
        if not info.entries:  # screening against nothing would read as a clean result
            raise CasefileError(f"the watchlist {watchlist!r} holds no entries: load a list "
                                "of people or companies into it first ('casefile watchlist "
                                "import FILE --name NAME'), or delete it")
        started = _now()  # before the parties are read: a party made later was not screened
        with case.read() as conn:
            parties = read_parties(conn, [party] if party is not None else None)
            if party is not None and not parties:
                raise NotFoundError(f"the case has no party {party}")
            earlier = _earlier(conn, watchlist)
        if pool is None:
            name_table.prepare()
            found = find(Index(con), parties, review, progress)
    finally:
        con.close()
    if pool is not None:
        names = {p.id: (p, name) for p, name in parties}
        found = [Found(names[pid][0], names[pid][1], e, r, digest) for pid, e, r, digest
                 in pool.score(db.path_of(watchlist, where), [p for p, _n in parties],
                               review, progress)]
    sanctions, targets = _sanctions(watchlist, where, [f.entry.key for f in found])
    hits: list[dict[str, Any]] = []
    reopened = carried = flagged_open = 0
    for f in found:
        prev = earlier.get((f.party.id, f.entry.key))
        carried_id, why, still_open = None, "new", False
        if prev is not None and prev["decision"] is not None:
            kept = _snapshot(f.entry, sanctions, targets)
            if changed := _changes(prev["entry"], f.entry, kept):
                why = f"the list entry changed: its {changed}"  # (look30: the same entry
                # from the list's other file reopened every decision)
            elif _band(prev["score"], review, flag) != _band(f.result.score, review, flag):
                why = (f"score crossed a threshold ({prev['score']:.2f} -> "
                       f"{f.result.score:.2f})")
            else:
                carried_id, why = prev["decision"], ""
            if why and prev["said"]:  # (look30: the reviewer's 'unsure — DOB one year
                why += f"; it was decided {prev['said']}"  # off; ask registry' vanished)
        elif prev is not None and prev["why"] not in NOT_REOPENED:
            why = prev["why"]  # still open: still why, and what was decided (review34: it
            still_open = True  # went at the next run)
        elif prev is not None:
            why = "not yet decided"
        carried += carried_id is not None
        reopened += why not in NOT_REOPENED and not still_open
        flagged_open += carried_id is None and f.result.score >= flag
        m = f.result.name
        hits.append({
            "entity_id": f.party.id, "list_key": f.entry.key, "list_schema": f.entry.schema,
            "list_caption": f.entry.caption, "score": f.result.score,
            "features": json.dumps(f.result.features, sort_keys=True),
            "explanation": f.result.explanation,
            "matched_name": f"{m.query} ~ {m.result}" if m and m.pairs else "",
            "entry": json.dumps(_snapshot(f.entry, sanctions, targets), ensure_ascii=False,
                                sort_keys=True),
            "entry_digest": f.digest, "carried_decision_id": carried_id,
            "reopened": why})
    run = {"watchlist": watchlist, "dataset": info.dataset, "list_version": info.version,
           "list_sha256": info.sha256, "algorithm": ALGORITHM,
           "algorithm_version": ALGORITHM_VERSION, "review_threshold": review,
           "flag_threshold": flag, "scope": "case" if party is None else f"entity {party}",
           "parties": len(parties), "started_at": started, "finished_at": _now(),
           "actor": case.actor}
    change = record_run(case, run, hits)
    with case.read() as conn:
        gone = results.cleared(conn, {**run, "id": int(change.result)})
    return RunSummary(int(change.result), watchlist, info.version, len(parties), len(hits),
                      reopened, carried, flagged_open, found, change, gone)


def _sanctions(watchlist: str, where: Path | None, keys: list[str]
               ) -> tuple[dict[str, list[dict[str, list[str]]]] | None, bool]:
    """Entry key -> the sanctions the list gives it (None when the list holds no sanction
    record at all: then whether it gives an entry none is not known), and whether the list
    was loaded from a targets.simple.csv (its rows are targets; it gives no topics)."""
    con = db.open_existing(watchlist, where)
    try:
        kind = con.execute("SELECT kind FROM load WHERE done = 1 ORDER BY id DESC "
                           "LIMIT 1").fetchone()
        return (db.sanctions_of(con, keys) if db.holds_sanctions(con) else None,
                bool(kind) and kind[0] == "csv")
    finally:
        con.close()


def _snapshot(entry: Entry, sanctions: dict[str, list[dict[str, list[str]]]] | None,
              targets: bool = False) -> dict[str, Any]:
    """The entry as the hit keeps it, with the sanctions the list gives it — none, when
    the list holds sanction records but not for this entry: a reviewer reads them there
    even after the list is changed or deleted; ``targets``: a row of a targets.simple.csv
    (a target of the list, its topics not given: core.topics.unsanctioned)."""
    out = entry.snapshot()
    if sanctions is not None:
        out["sanctions"] = sanctions.get(entry.key, [])
    if targets:
        out["targets"] = True
    return out


def _now() -> str:
    return datetime.now(UTC).isoformat()  # to the microsecond, as an entity's created_at
