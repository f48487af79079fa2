"""What the network figure draws: parties (one per entity, however many roles it has),
shipments summed per shipper → consignee pair with their transit countries, relationships
once each — and which of them fit on the page, with exact counts of what does not.

Links are picked before parties: those touching a sanctioned party first, then the busiest,
as long as their parties fit within the limit; so the parties drawn are the ones the drawn
shipments connect, and a page of 40 parties shows as many shipments as it can."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from casefile.core.countries import country_name
from casefile.core.labels import counted, joined

Key = tuple[str, Any]  # ("id", 12) or ("name", "Tekhkrim")
Rel = tuple[Key, Key, str]  # subject, object, kind in words


@dataclass
class Pair:
    shipments: int = 0  # shipment counts summed
    records: int = 0
    via: Counter = field(default_factory=Counter)  # transit country -> shipments


@dataclass
class NetworkSelection:
    names: dict[Key, str]
    volume: Counter  # shipments per party
    marked: set[Key]  # sanctioned parties
    chosen: list[Key]  # the parties drawn, in the order they were picked
    pairs: dict[tuple[Key, Key], Pair]  # the links drawn
    rels: list[Rel]  # the relationships drawn
    parties: tuple[int, int]  # drawn, in all
    shipments: tuple[int, int]
    records: tuple[int, int]
    relationships: tuple[int, int]
    links: tuple[int, int]  # shipper → consignee pairs
    left_with_parties: int  # shipments not drawn because a party of theirs is not
    left_on_links: int  # shipments between drawn parties, on links not drawn


def party_key(rid: Any, name: str | None) -> Key:
    return ("id", rid) if rid is not None else ("name", name or "unknown")


def select_network(shipments: list[dict], relationships: list[dict],
                   sanctioned: set | frozenset, limit: int,
                   max_links: int) -> NetworkSelection | None:
    rels = unique_relationships(relationships)
    if not shipments and not rels:
        return None
    names: dict[Key, str] = {}
    volume: Counter = Counter()
    pairs: dict[tuple[Key, Key], Pair] = {}
    for s in shipments:
        a = party_key(s.get("shipper_id"), s.get("shipper"))
        b = party_key(s.get("consignee_id"), s.get("consignee"))
        names.setdefault(a, s.get("shipper") or "unknown")
        names.setdefault(b, s.get("consignee") or "unknown")
        n = s.get("shipment_count") or 1
        volume[a] += n
        if b != a:
            volume[b] += n
        p = pairs.setdefault((a, b), Pair())
        p.shipments += n
        p.records += 1
        for st in s.get("route") or []:
            if st.get("country"):
                p.via[st["country"]] += n
    rel_names = {k: name for r in relationships for k, name in (
        (party_key(r.get("subject_id"), r.get("subject")), r.get("subject") or "unknown"),
        (party_key(r.get("object_id"), r.get("object")), r.get("object") or "unknown"))}
    for k, name in rel_names.items():
        names.setdefault(k, name)
    marked = {k for k in names if k[1] in sanctioned or names[k] in sanctioned}

    def name_key(k: Key) -> tuple[str, str]:
        return names[k].casefold(), str(k[1])
    chosen: dict[Key, None] = {}

    def take(keys: tuple[Key, ...], room: int) -> bool:
        new = {k for k in keys if k not in chosen}
        if len(chosen) + len(new) > room:
            return False
        for k in sorted(new, key=name_key):
            chosen[k] = None
        return True
    # the parties most tied to others first (a list without shipments: its many sanctioned
    # parties alone, drawn as rings without a line between them, told nothing)
    ties = Counter(k for r in rels for k in (r[0], r[1]))
    for k in sorted(marked, key=lambda k: (-volume[k], -ties[k], name_key(k)))[:limit // 2]:
        chosen[k] = None  # sanctioned parties first (at most half the page)
    rel_room = min(limit, len(chosen) + limit // 4) if pairs else limit
    own = [i for i, r in enumerate(rels) if r[0] in chosen or r[1] in chosen]
    mine = set(own)
    kept = {i for i in own + [i for i, r in enumerate(rels) if i not in mine and (
        r[0] in marked or r[1] in marked)] if take((rels[i][0], rels[i][1]), limit)}
    kept |= {i for i, r in enumerate(rels) if i not in kept and take((r[0], r[1]), rel_room)}
    drawn: dict[tuple[Key, Key], Pair] = {}
    for ab, p in sorted(pairs.items(), key=lambda kv: (
            not (kv[0][0] in marked or kv[0][1] in marked), -kv[1].shipments,
            name_key(kv[0][0]), name_key(kv[0][1]))):
        if len(drawn) < max_links and take(ab, limit):
            drawn[ab] = p
    kept |= {i for i, r in enumerate(rels) if r[0] in chosen and r[1] in chosen}
    total_ship = sum(p.shipments for p in pairs.values())
    drawn_ship = sum(p.shipments for p in drawn.values())
    with_parties = sum(p.shipments for (a, b), p in pairs.items()
                       if a not in chosen or b not in chosen)
    return NetworkSelection(
        names, volume, marked, list(chosen), drawn, [r for i, r in enumerate(rels) if i in kept],
        (len(chosen), len(names)), (drawn_ship, total_ship),
        (sum(p.records for p in drawn.values()), sum(p.records for p in pairs.values())),
        (len(kept), len(rels)), (len(drawn), len(pairs)), with_parties,
        total_ship - drawn_ship - with_parties)


def unique_relationships(rels: list[dict]) -> list[Rel]:
    """Each relationship once (a dossier lists it under both its parties)."""
    seen: set = set()
    out = []
    for r in rels:
        a = party_key(r.get("subject_id"), r.get("subject"))
        b = party_key(r.get("object_id"), r.get("object"))
        kind = str(r.get("kind") or "related").replace("_", " ")
        ident = r.get("id", (a, b, kind))
        if ident not in seen:
            seen.add(ident)
            out.append((a, b, kind))
    return out


SINGULAR = {"parties": "party", "shipments": "shipment", "records": "record",
            "relationships": "relationship"}


def network_caption(sel: NetworkSelection, detail_links: int) -> str:
    """What the figure shows and leaves out; up to ``detail_links`` links, each names its
    transit countries, past that only diamonds mark them."""
    def of(pair: tuple[int, int], noun: str) -> str:
        drawn, total = pair
        if total == 1:
            return f"{drawn} of 1 {SINGULAR[noun]}" if drawn != total else f"1 {SINGULAR[noun]}"
        if drawn == total:
            return f"both {noun}" if total == 2 else f"all {total:,} {noun}"
        return f"{drawn:,} of {total:,} {noun}"

    text = f"Shows {of(sel.parties, 'parties')}"  # no "all 0 shipments": only what there is
    if sel.shipments[1]:
        text += f" and {of(sel.shipments, 'shipments')}"
        if sel.records[1] != sel.shipments[1]:
            text += f" (in {of(sel.records, 'records')})"
    if sel.relationships[1]:
        text += f"{',' if sel.shipments[1] else ''} and {of(sel.relationships, 'relationships')}"
    text += "."
    hidden_p = sel.parties[1] - sel.parties[0]
    hidden_s = sel.shipments[1] - sel.shipments[0]
    hidden_r = sel.relationships[1] - sel.relationships[0]
    if hidden_p or hidden_s or hidden_r:
        parts = [counted(n, one, many) for n, one, many in (
            (hidden_p, "party", "parties"), (hidden_s, "shipment", "shipments"),
            (hidden_r, "relationship", "relationships")) if n]
        text += " Not drawn: " + joined(parts)
        if hidden_s:
            why = []
            if sel.left_with_parties:
                why.append(f"{sel.left_with_parties:,} involving parties not drawn")
            if sel.left_on_links:
                links = counted(sel.links[1] - sel.links[0], "smaller link")
                why.append(f"{sel.left_on_links:,} on {links} between parties drawn")
            text += f" ({'; '.join(why)})"
        text += ". Links touching sanctioned parties are drawn first, then the busiest."
    codes = sorted({c for p in sel.pairs.values() for c in p.via})
    if codes:
        text += (" Transit (" + ("codes on the lines" if len(sel.pairs) <= detail_links else
                                 "diamonds on the lines; routes in the Shipments table")
                 + "): " + "; ".join(f"{c} {country_name(c) or c}" for c in codes) + ".")
    return text
