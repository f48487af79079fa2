"""Entity profiles: one block a party, every line a fact with its citation marks (the
party's own for what describes it, each record's for what it took part in)."""

from __future__ import annotations

from collections import defaultdict
from functools import partial
from typing import Any

from reportlab.platypus import CondPageBreak, Flowable

from casefile.core.countries import country_name
from casefile.core.identifiers import labelled
from casefile.core.labels import (
    LOST_IN_REPAIR,
    RESTORED_IN_REPAIR,
    alias_notes,
    link_words,
    words,
)
from casefile.core.sanctions import without_listed
from casefile.report import styles as st
from casefile.report.citing import clip, date_as_given, heading, marks, natural, when
from casefile.report.model import DossierData
from casefile.report.pages import Deferred, Furniture
from casefile.report.rich import BR, Text, join, para, r
from casefile.report.wording import party_facts

LISTED = 8  # shipments and events listed in a profile; the rest are counted


def _names(e: dict) -> Text:
    """The name, then every alias with its language and, unless it is a plain alias or a
    transliteration, its kind: a weak alias ('Sasha') is marked as one, not passed off as
    a full name."""
    parts = [[r(e["name"], isolate=True)]]
    seen = {" ".join(e["name"].split())}
    for a in e["aliases"]:
        if (same := " ".join(a["name"].split())) in seen:
            continue  # (look28) the name again: a party renamed to one of its aliases
        seen.add(same)
        notes = alias_notes(a.get("lang"), a.get("kind"))
        said = [r(f" ({notes})", size=7, color="#5A5A5A")] if notes else []
        parts.append([r(a["name"], isolate=True)] + said)
    return join(parts)


def _listed(data: DossierData, items: list[dict], other: str, word: str) -> Text:
    out: Text = []
    for i, s in enumerate(items[:LISTED]):
        if i:
            out.append(BR)
        goods = clip(s["declared_goods"] or "goods not stated", 120)
        ref = f", ref. {s['reference']}" if s.get("reference") else ""
        out += [r(f"{date_as_given(s)} {goods} ({word} {s[other]}{ref})")]
        out += marks(data, "shipment", s["id"])
    if len(items) > LISTED:
        out += [BR, r(f"and {len(items) - LISTED:,} more (see Shipments)", italic=True)]
    return out


def _details(e: dict) -> list[tuple[str, Text]]:
    """What a profile says of a party beyond names and countries, where the case knows it:
    a post or an address a line (a PEP's posts, dated, one under another)."""
    return [(label, join([[r(x.strip())] for x in value.splitlines() if x.strip()], BR))
            for label, value in party_facts(e, gender=True)]


def sanction_who(s: dict) -> str:
    """A sanction's authority and programme (its id where the name is not recorded, as
    OpenSanctions' targets.simple.csv gives many): '' when neither is."""
    return " ".join(x for x in (s.get("authority"), s.get("programme") or s.get("program_id"))
                    if x)


def sanction_text(s: dict) -> Text:
    """'U.S. Treasury NS-CMIC, listed 2021, in force from …, ended 30 October 2024: reason',
    the standing in bold when the sanction has ended or was lifted."""
    parts = [sanction_who(s) or "authority and programme not recorded"]  # (look28: was
    # 'Sanction Sanction, no status …' beside its label)
    if s.get("date_text"):
        parts.append(f"listed {s['date_text']}")
    said = s.get("standing") or ""
    # (look26) 'in force from' only where the list says it is or was in force: a status
    # the case does not know ('Filed', 'Excluded') is no such statement
    since = "from" if s.get("state", "in_force") == "" else "in force from"
    if s.get("start_text") and s.get("start_text") != s.get("date_text"):
        # 'in force from A until B', not 'in force from A, in force until B'
        rest = said.removeprefix("in force").strip()
        if said.startswith(("in force", "until ")) and rest[:6] in ("", "until "):
            parts.append(f"{since} {s['start_text']} {rest}".strip())
            said = ""
        else:
            parts.append(f"{since} {s['start_text']}")
    out: Text = [r(", ".join(parts))]
    if said:
        out.append(r(f", {said}", bold=bool(s.get("ended"))))
    # (the list's own status words, said with the standing, are not said again)
    reason = without_listed(s["reason"]) if "status as listed: " in (s.get("standing") or "") \
        else s.get("reason")
    if reason:
        out.append(r(f": {reason}"))
    return out


def _relationship(rel: dict) -> Text:
    out: Text = [r(f"{rel['subject']} {link_words(rel['kind'])} {rel['object']}")]
    if rel.get("date_text"):
        out.append(r(f", {rel['date_text']}"))
    if rel.get("description"):
        out += [r(": "), r(rel["description"], isolate=True)]
    return out


_DECIDED = {"match": "Match", "no match": "Not a match", "unsure": "Unsure"}
DISMISSED_NAMED = 3  # hits decided not a match a party's profile names; the rest counted


def _screened(data: DossierData) -> dict[int, list[Text]]:
    """Per party, what screening decided of it and which flagged hits wait for a decision
    (look23: a match decided left no trace in the party's profile unless a sanction was
    recorded): the flagged hits waiting first, then matches and unsure ones, then those
    decided not a match — a few named, the rest counted (look31: 25 'Not a match' lines
    came first, the one open flagged hit last, over a page break); the other open hits are
    counted. Empty when the Screening section is not printed."""
    out: dict[int, list[Text]] = defaultdict(list)
    if "screening" not in data.options.sections:
        return out
    waiting: dict[int, int] = defaultdict(int)
    flagged: dict[int, list[Text]] = defaultdict(list)
    decided: dict[int, list[Text]] = defaultdict(list)
    dismissed: dict[int, list[Text]] = defaultdict(list)
    for s in data.screening:
        def entry(line: Any, s: Any = s) -> Text:
            said = f", {line.unsanctioned}," if line.unsanctioned else ""
            return [r(line.list_caption, bold=True),
                    r(f" ({line.list_key}){said} on {s.watchlist}, score {line.score:.2f}")]
        for d in s.decisions:
            who = ", ".join(x for x in (d.reviewer, when(d.decided_at) if d.decided_at
                                        else "") if x)
            (dismissed if d.verdict == "no match" else decided)[d.entity_id].append(
                [r(f"{_DECIDED.get(d.verdict, d.verdict)}: ", bold=d.verdict == "match")]
                + entry(d) + ([r(f" — decided by {who}" if d.reviewer else f" — {who}")]
                              if who else []) + ([r(f"; note: {d.note}")] if d.note else []))
        for h in s.open_hits:
            if h.flagged:
                flagged[h.entity_id].append([r("Flagged, not reviewed: ", bold=True,
                                               color="#B00020")] + entry(h))
            else:
                waiting[h.entity_id] += 1
    for eid in {*flagged, *decided, *dismissed}:
        out[eid] += flagged[eid] + decided[eid] + dismissed[eid][:DISMISSED_NAMED]
        if (rest := len(dismissed[eid]) - DISMISSED_NAMED) > 0:
            out[eid].append([r(f"{rest:,} more hit{'s' if rest != 1 else ''} decided not a "
                               "match (see Screening)", italic=True)])
    for eid, n in waiting.items():
        more = " more" if out[eid] else ""
        out[eid].append([r(f"{n:,}{more} hit{'s' if n != 1 else ''} under the flag threshold "
                           "to review (see Screening)", italic=True)])
    for s in data.screening:  # said first (look30: an edited party's old hits unsaid)
        for eid in s.changed:
            if eid in out:
                out[eid].insert(0, [r(f"Changed since it was screened against {s.watchlist} "
                                      f"({when(s.screened_at)}): the hits here come from its "
                                      "earlier names or details — screen it again",
                                      italic=True, color="#B00020")])
    return out


def _profile(data: DossierData, f: Furniture, e: dict,
             screened: list[Text] | None = None) -> list[Flowable]:
    out: list[Flowable] = [CondPageBreak(90)]
    out += heading(f, f"entity-{e['id']}", e["name"], 1, st.H2)
    own = partial(marks, data, "entity", e["id"])
    countries = [c for c in [e["country"], *(e.get("other_countries") or "").split(",")] if c]
    # a stand-in a repair made for a lost party: its name, kind and notes are the repair's,
    # not its sources' — they are cited for its other names and identifiers only (look18)
    stand_in = LOST_IN_REPAIR in (e.get("tags") or "").split(",")
    facts: list[tuple[str, Text]] = [
        ("Names", _names(e)),
        ("Kind", [r("not known: the party's own record was lost (a stand-in made by "
                    "repair)", italic=True)] if stand_in else [r(words(e["kind"]))]),
        ("Country" if len(countries) < 2 else "Countries",
         [r(", ".join(country_name(c) or c for c in countries) or "not known")])]
    if not countries and e.get("nationality"):  # (look30: 'Country not known' printed
        facts.pop()  # above a person's recorded nationality)
    facts += _details(e)
    if e["identifiers"]:
        facts.append(("Identifiers", [r("; ".join(labelled(i["scheme"], i["value"])
                                                for i in e["identifiers"]))]))
    cited = {"Names", "Identifiers"} if stand_in else None
    facts = [(label, value + own() if cited is None or label in cited else value)
             for label, value in facts]  # the party's own sources
    if e["description"]:
        facts.append(("Notes", [r(e["description"], isolate=True)]
                      + ([] if stand_in else own())))
    if RESTORED_IN_REPAIR in (e.get("tags") or "").split(","):  # (look19: never said)
        facts.append(("Restored", [r("by a repair, from the audit log's record of its last "
                                     "values: its own row could not be read", italic=True)]))
    for s in e["sanctions"]:
        facts.append(("Sanction", sanction_text(s) + marks(data, "sanction", s["id"])))
    facts += [("Screening", line) for line in screened or ()]
    for rel in e["relationships"]:
        facts.append(("Relationship", _relationship(rel)
                      + marks(data, "relationship", rel["id"])))
    if e["sent"]:
        facts.append(("Shipped", _listed(data, e["sent"], "consignee", "to")))
    if e["received"]:
        facts.append(("Received", _listed(data, e["received"], "shipper", "from")))
    for ev in e["events"][:LISTED]:
        role = f" ({ev['role']})" if ev.get("role") else ""
        text: Text = [r(f"{date_as_given(ev)}: {ev['title']}{role}")]
        if ev.get("description"):
            text += [r(" — "), r(ev["description"][:300]
                                 + ("…" if len(ev["description"]) > 300 else ""),
                                 isolate=True)]
        facts.append(("Event", text + marks(data, "event", ev["id"])))
    if len(e["events"]) > LISTED:
        facts.append(("Events", [r(f"and {len(e['events']) - LISTED:,} more (see "
                                   "Chronology)", italic=True)]))
    # the label hangs in the margin: one paragraph a fact; one that starts a page is
    # preceded by the party's name (pages.DossierDoc)
    lines = [para(value, st.FACT, bullet=label) for label, value in facts]
    for n, p in enumerate(lines):  # a fact split over two pages goes on with the name too
        p.party = e["name"]
        p.continues = e["name"] if n else None
    return out + lines


def entities(data: DossierData, f: Furniture) -> list[Flowable]:
    screened = _screened(data)
    return heading(f, "entities", "Entity profiles") + [
        Deferred(partial(_profile, data, f, e, screened.get(e["id"])))
        for e in sorted(data.entities, key=lambda e: natural(e["name"]))]
