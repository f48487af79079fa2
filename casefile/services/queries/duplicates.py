"""Parties of a case that may be one and the same: proposals for the duplicate finder, by
the importer's rules (:mod:`casefile.services.exchange.imports.known`) — the same normalised
name or alias, the same identifier (where its scheme names one party), names at least
``NEAR`` alike by token-set similarity, or names in two scripts the screening matcher
finds alike (:mod:`.duplicates_scripts`). Proposals only: nothing is merged here."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from casefile.core.identifiers import detect_scheme, labelled, match_key
from casefile.services.exchange.imports.known import NEAR, KnownParties, likeness
from casefile.services.queries.duplicates_scripts import across_scripts

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

# parties of these kinds may be the same as a party of any kind
_ANY_KIND = {"other", ""}


@dataclass(frozen=True)
class Proposal:
    """Two parties that may be one; ``keep`` is the one proposed to survive (the one with
    more records, then the older)."""

    keep: int
    keep_name: str
    other: int
    other_name: str
    score: int  # 0-100
    reason: str


class Proposals(list[Proposal]):
    """Proposals, most alike first, and how many were found before the list was cut."""

    def __init__(self, proposals: list[Proposal], total: int) -> None:
        super().__init__(proposals)
        self.total = total


def find_duplicates(conn: Connection, limit: int = 1000, near: int = NEAR) -> Proposals:
    """Pairs of parties that may be duplicates, most alike first (``limit`` of them)."""
    known = KnownParties(conn)
    kinds: dict[int, str] = {i: k for i, k in conn.exec_driver_sql(
        "SELECT id, kind FROM entity").all()}
    weight = _weights(conn)
    found: dict[tuple[int, int], tuple[int, str]] = {}

    def propose(a: int, b: int, score: int, reason: str) -> None:
        if a == b or not _kinds_fit(kinds.get(a, ""), kinds.get(b, "")):
            return
        pair = (min(a, b), max(a, b))
        if pair not in found or found[pair][0] < score:
            found[pair] = (score, reason)

    holders: dict[str, set[int]] = defaultdict(set)
    for eid, keys in known.keys_of.items():
        for key in keys:
            holders[key].add(eid)
    for eids in holders.values():
        for a, b in combinations(sorted(eids), 2):
            propose(a, b, 100, "same name or alias")
    idents: dict[tuple[str, str], set[int]] = defaultdict(set)
    for eid, scheme, value in conn.exec_driver_sql(
            "SELECT entity_id, scheme, value FROM identifier").all():
        ikey = match_key(detect_scheme(value, scheme), value)
        if ikey is not None:
            idents[ikey].add(eid)
    for (scheme, value), eids in idents.items():
        for a, b in combinations(sorted(eids), 2):
            propose(a, b, 100, f"same identifier {labelled(scheme, value)}")
    names = [k for k in holders if k]
    for i, key in enumerate(names):
        for other, _s, _j in process.extract(key, names[i + 1:], scorer=fuzz.token_set_ratio,
                                             score_cutoff=near, limit=20):
            # as the importer says it: words one name has and the other lacks count
            # (review38: 'al khaleej general trading' and 'al khaleej al amal 3 general
            # trading' were '100% alike')
            score = int(likeness(key, other))
            if score < near:
                continue
            for a in holders[key]:
                for b in holders[other]:
                    propose(a, b, score, f"names {score}% alike")
    for a, b, score, reason in across_scripts(known):  # 深圳市大疆… / SHENZHEN DAJIANG …
        propose(a, b, score, reason)
    out = []
    for (a, b), (alike, reason) in found.items():
        keep, gone = (a, b) if (weight.get(a, 0), -a) >= (weight.get(b, 0), -b) else (b, a)
        out.append(Proposal(keep, known.names.get(keep, f"#{keep}"), gone,
                            known.names.get(gone, f"#{gone}"), alike, reason))
    out.sort(key=lambda p: (-p.score, p.keep_name.casefold(), p.other_name.casefold()))
    return Proposals(out[:limit], total=len(out))


def _kinds_fit(a: str, b: str) -> bool:
    return a == b or a in _ANY_KIND or b in _ANY_KIND


def _weights(conn: Connection) -> dict[int, int]:
    """How many records point at each party (the one with more is proposed to stay)."""
    weight: dict[int, int] = defaultdict(int)
    for sql in ("SELECT shipper_id, count(*) FROM shipment GROUP BY shipper_id",
                "SELECT consignee_id, count(*) FROM shipment GROUP BY consignee_id",
                "SELECT subject_id, count(*) FROM relationship GROUP BY subject_id",
                "SELECT object_id, count(*) FROM relationship GROUP BY object_id",
                "SELECT entity_id, count(*) FROM event_party GROUP BY entity_id",
                "SELECT entity_id, count(*) FROM citation WHERE entity_id IS NOT NULL "
                "GROUP BY entity_id"):
        for eid, n in conn.exec_driver_sql(sql).all():
            if eid is not None:
                weight[eid] += n
    return weight
