"""The screening operations of a case, each one :meth:`Case.operation` (one transaction, one
undo step, one audit entry, the content digest kept): record a run with its hits, and decide
on hits (match / no match / unsure, with the reviewer and a note)."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from casefile.core.labels import long_date
from casefile.core.topics import sanctioned
from casefile.core.watchlist_datasets import dataset_acronym, dataset_title, official_publisher
from casefile.errors import NotFoundError, ValidationError
from casefile.services.case import operations as ops
from casefile.services.case.change import Change
from casefile.services.case.journal import Tx
from casefile.store.screening_models import VERDICTS

if TYPE_CHECKING:
    from casefile.services.case.facade import Case

VERDICT_WORDS = {"match": "match", "no_match": "no match", "unsure": "unsure"}


def record_run(case: Case, run: dict[str, Any], hits: Sequence[dict[str, Any]]) -> Change:
    """Write a run and its hits; the Change's result is the run's id."""
    def work(tx: Tx) -> int:
        rid = tx.insert("screening_run", dict(run))
        for h in hits:
            tx.insert("screening_hit", {**h, "run_id": rid})
        return rid
    n = len(hits)
    return case.operation(f"Screen against {run['watchlist']} ({n} hit{'s' * (n != 1)})",
                          work)


def decide(case: Case, hit_ids: Sequence[int], verdict: str, note: str = "",
           reviewer: str | None = None) -> Change:
    """Record a decision on each of ``hit_ids``. Deciding several at once as "no match"
    needs a note (why they were all dismissed)."""
    if verdict not in VERDICTS:
        raise ValidationError("verdict", f"{verdict!r} is no decision: one of "
                              f"{', '.join(VERDICT_WORDS.values())}")
    if not hit_ids:
        raise ValidationError("hits", "no hit chosen")
    if len(hit_ids) > 1 and verdict == "no_match" and not note.strip():
        raise ValidationError("note", "dismissing several hits at once needs a note saying "
                              "why")
    who = reviewer if reviewer is not None else case.actor
    at = datetime.now(UTC).isoformat(timespec="seconds")

    def work(tx: Tx) -> list[int]:
        out = []
        for hid in hit_ids:
            if tx.fetch("screening_hit", hid) is None:
                raise NotFoundError(f"screening hit {hid} no longer exists")
            out.append(tx.insert("screening_decision", {
                "hit_id": hid, "verdict": verdict, "reviewer": who, "note": note.strip(),
                "decided_at": at}))
        return out
    word = VERDICT_WORDS[verdict]
    if len(hit_ids) == 1:
        hit = case.get("screening_hit", hit_ids[0]) or {}
        name = f"Decide “{word}” on {hit.get('list_caption', 'hit')}"
    else:
        name = f"Decide “{word}” on {len(hit_ids)} hits"
    return case.operation(name, work)


def record_sanction(case: Case, hit_id: int) -> Change:
    """Turn a hit decided "match" against a sanctioned list entry into sanction records of
    the party, citing the watchlist (one source per list and version, made on first use) —
    one operation. Each sanction the list gives the entry becomes one, with its authority,
    programme, dates, status and reason (read as the FtM import reads a Sanction); an entry
    listed as sanctioned with no sanction of its own becomes one from its programme. A
    sanction the party already has (same authority and programme) is not recorded twice.
    The Change's result is the new sanctions' ids."""
    hit = case.get("screening_hit", hit_id)
    if hit is None:
        raise NotFoundError(f"screening hit {hit_id} no longer exists")
    with case.read() as conn:
        verdict = conn.exec_driver_sql(
            "SELECT verdict FROM screening_decision WHERE id = coalesce((SELECT max(id) FROM "
            "screening_decision WHERE hit_id = ?), ?)",
            (hit_id, hit["carried_decision_id"])).scalar()
        run = conn.exec_driver_sql("SELECT watchlist, dataset, list_version, list_sha256 FROM "
                                   "screening_run WHERE id = ?", (hit["run_id"],)).one()
    if verdict != "match":
        raise ValidationError("decision", "only a hit decided as a match becomes a sanction "
                              "of the party")
    entry = json.loads(hit["entry"])
    props: dict[str, list[str]] = entry.get("properties") or {}
    topics = props.get("topics", [])
    given = [p for p in entry.get("sanctions") or [] if isinstance(p, dict)]
    # programme ids the list does not attribute to one of several sanctions: said with
    # each citation, not made a sanction of their own
    loose = [i for p in given if p.get("note") for i in p.get("programId", [])]
    listed = [p for p in given if not p.get("note")]
    if not listed and not sanctioned(topics):
        raise ValidationError("topics", f"{hit['list_caption']} is not listed as sanctioned "
                              f"(topics: {', '.join(topics) or 'none'}; no sanctions given); "
                              "no sanction to record")
    url = f"https://www.opensanctions.org/entities/{entry.get('id', '')}/"
    title = f"OpenSanctions watchlist {run[0]} ({run[1]}), version {run[2]}"
    datasets = [str(d) for d in entry.get("datasets") or []] or [run[1]]
    earlier = _authority_0(props.get("programId", []), datasets)
    terms = [_terms(p, datasets, url) for p in listed] or [{
        "authority": _authority(props.get("programId", []), datasets),
        "programme": ", ".join(props.get("program", [])),
        "reason": "; ".join(props.get("notes", []))[:2000], "source_url": url}]
    # (look23) a targets.simple.csv sanction gives no dates, and was undated: an entry of
    # one list was listed on the day OpenSanctions first saw it there, or earlier (of
    # several lists it may have been seen on another first: review24), so it is dated so
    seen = _first_seen(entry) if len(datasets) == 1 else ""
    derived = {id(v) for v in terms if seen and not v.get("date") and not v.get("start")}
    for values in terms:
        if id(values) in derived:
            values["date"] = f"{seen} or earlier"

    def work(tx: Tx) -> list[int]:
        found = tx.conn.exec_driver_sql("SELECT id FROM source WHERE title = ? AND kind = "
                                        "'database'", (title,)).scalar()
        source = found if found is not None else ops.insert_row(tx, "source", {
            "kind": "database", "title": title, "publisher": "OpenSanctions", "url":
            "https://www.opensanctions.org/", "reliability": "B", "notes":
            f"Loaded from a file with SHA-256 {run[3]}. OpenSanctions data is licensed "
            "under CC BY-NC 4.0."})
        # the same sanction: same authority, programme and listing (a relisting under the
        # same programme is another sanction, with dates of its own)
        held = {_held_key(a, p or i, w) for a, p, i, w in tx.conn.exec_driver_sql(
            "SELECT authority, programme, program_id, coalesce(date_text, start_text, '') "
            "FROM sanction WHERE entity_id = ?", (hit["entity_id"],))}
        made = []
        for values in terms:
            rest = (values.get("programme") or values.get("program_id") or "",
                    values.get("date") or values.get("start") or "")
            key = _held_key(values["authority"], *rest)
            undated = _held_key(values["authority"], rest[0], "")  # as recorded before
            if key in held or (not listed and _held_key(earlier, *rest) in held) or (
                    id(values) in derived and undated in held):  # the date (review24)
                continue
            held.add(key)
            sid = _insert_sanction(tx, {**values, "entity_id": hit["entity_id"]})
            ids = (f"; programme ids, not said of which sanction: {', '.join(loose)}"
                   if loose else "")
            when = (f"; listing date not given by the list: OpenSanctions first saw the "
                    f"entry in it on {seen}, so it was listed then or earlier"
                    if id(values) in derived else "")
            ops.cite(tx, source, "sanction", sid, excerpt=f"{entry.get('caption', '')} — "
                     f"{entry.get('schema', '')} {entry.get('id', '')}; topics: "
                     f"{', '.join(topics) or 'none'}{ids}{when}",
                     locator=str(entry.get("id", "")),
                     credibility=2)
            made.append(sid)
        if not made:
            raise ValidationError("sanction", f"{hit['list_caption']}: the party already has "
                                  "every sanction this entry gives")
        return made
    return case.operation(f"Record sanction of {hit['list_caption']} from {run[0]}", work)


def _first_seen(entry: dict[str, Any]) -> str:
    """The day OpenSanctions first saw the entry, in words ('19 May 2023'); '' when the
    list does not say."""
    try:
        day = date.fromisoformat(str(entry.get("first_seen") or "")[:10])
    except ValueError:
        return ""
    return long_date(day)


def _terms(props: dict[str, list[str]], datasets: list[str], url: str) -> dict[str, Any]:
    """A sanction the list gives, as the values of a sanction record: as the FtM import
    reads a Sanction entity; the list's datasets stand for an authority it does not name."""
    from casefile.services.exchange.imports.ftm_facts import sanction_values

    values, _fields = sanction_values(props, date.today(), lambda _said: None,
                                      datasets[0] if len(datasets) == 1 else "")  # (which
    # list, where the entry names one: 'excluded' means what it means there)
    if not values["authority"] and not props.get("programId") and len(datasets) > 1:
        # (look23: 'OFAC SDN List - …' and 'Council Regulation (EU) …' of one entry both
        # went down as 'not named (listed in US OFAC …, EU FSF)')
        said = " ".join(props.get("program", []) + props.get("reason", []))
        datasets = _named_in(said, datasets) or datasets
    return {k: v for k, v in values.items() if v not in (None, "")} | {
        "authority": values["authority"] or _authority(props.get("programId", []), datasets),
        "source_url": values["source_url"] or url}


def _authority(program_ids: list[str], datasets: list[str]) -> str:
    """Who imposed a sanction the list names no authority of: the entry's datasets of the
    country its programme id begins with ('US-NS-CMIC': 'US OFAC Non-SDN Lists', not 'US
    OFAC Non-SDN Lists, EU Financial Sanctions Files' — review: the EU shown imposing a US
    programme); else every dataset, said as the list's, not as the authority. A dataset
    given by its OpenSanctions code ('us_ofac_sdn') is said by its title, and where one
    official body publishes the lists, by that body, as their publisher (look18: the code
    was recorded as the authority); an entry in many lists names the first few (review23:
    30 datasets' titles ran past the field's 1,000 characters)."""
    mine = _of_programme(program_ids, datasets)
    chosen = mine or datasets
    publishers = {official_publisher(d) for d in chosen}
    if len(publishers) == 1 and None not in publishers:
        return (f"{publishers.pop()}, publisher of {_titles(chosen, '; ')} (the entry "
                "names no authority)")
    if mine:
        return _titles(mine, ", ")
    if len(datasets) == 1:
        return dataset_title(datasets[0])
    return f"not named (listed in {_titles(datasets, ', ')})"


def _of_programme(program_ids: list[str], datasets: list[str]) -> list[str]:
    """The datasets of the country the programme ids begin with."""
    codes = {p.split("-", 1)[0].casefold() for p in program_ids if "-" in p}
    return [d for d in datasets if codes and re.split(r"[\s_]", d.casefold(), maxsplit=1)[0]
            in codes]


# how a sanction's programme names the country whose lists it comes from, by the prefix
# of OpenSanctions' dataset codes (besides each dataset's own acronym: OFAC, FCDO, NSDC …)
_COUNTRY_WORDS = {"us": {"OFAC", "US", "U.S.", "BIS"}, "eu": {"EU", "(EU)", "CFSP", "EUROPEAN"},
                  "gb": {"UK", "HMT", "OFSI", "FCDO"}, "ua": {"UKRAINE", "NSDC", "РНБО"},
                  "ch": {"SECO", "SWISS"}, "ca": {"CANADA", "SEMA"},
                  "au": {"AUSTRALIA", "DFAT"}, "jp": {"JAPAN", "METI", "MOFA"}}


def _named_in(text: str, datasets: list[str]) -> list[str]:
    """The datasets a sanction's programme text names ('OFAC SDN List' -> us_ofac_sdn,
    'Council Regulation (EU) No 833/2014' -> eu_fsf), by their acronym or country."""
    words = set(re.findall(r"\(EU\)|[^\W\d_][\w.]*", text.upper()))
    return [d for d in datasets
            if (dataset_acronym(d) or "\0").upper() in words
            or words & _COUNTRY_WORDS.get(d.split("_", 1)[0].casefold(), set())]


def _titles(datasets: list[str], sep: str, most: int = 4) -> str:
    """The datasets' titles; past ``most`` of them, how many more."""
    shown = sep.join(dataset_title(d) for d in datasets[:most])
    more = len(datasets) - most
    return shown + (f"{sep}and {more} more list{'s' if more > 1 else ''}" if more > 0 else "")


def _authority_0(program_ids: list[str], datasets: list[str]) -> str:
    """The authority Casefile recorded before the lists' titles (the datasets' codes): a
    sanction recorded so is the same sanction again (review23: a duplicate, not 'already
    has every sanction')."""
    mine = _of_programme(program_ids, datasets)
    if mine:
        return ", ".join(mine)
    if len(datasets) == 1:
        return datasets[0]
    return f"not named (listed in {', '.join(datasets)})"


def _held_key(authority: str, programme: str, listed: str) -> tuple[str, str, str]:
    return authority.casefold(), programme.casefold(), listed.strip()


def _insert_sanction(tx: Tx, values: dict[str, Any]) -> int:
    """A sanction as the list gives it; a date of it that is no date ('2022-02-30') is kept
    in its reason as the list writes it, with why, and the others recorded — one bad value
    never stops the rest."""
    from casefile.services.exchange.imports.ftm_facts import SANCTION_DATES

    for _attempt in range(len(SANCTION_DATES) + 1):
        try:
            return ops.insert_row(tx, "sanction", values)
        except ValidationError as exc:
            if exc.field not in SANCTION_DATES or exc.field not in values:
                raise
            said = (f"{SANCTION_DATES[exc.field]} as the list gives it: {values[exc.field]} "
                    f"({exc.message})")
            values = {k: v for k, v in values.items() if k != exc.field}
            values["reason"] = "\n".join(x for x in (values.get("reason") or "", said) if x)
    raise ValidationError("sanction", "its dates cannot be read")

