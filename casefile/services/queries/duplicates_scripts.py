"""Parties of a case that may be one though their names are written in two scripts: a
Chinese customs export names a supplier 深圳市大疆创新科技有限公司 and a Panjiva export
SHENZHEN DAJIANG INNOVATION TECHNOLOGY CO.,LTD; a Russian declaration ООО «Техкрим» and a
list OOO TEKHKRIM; a UAE registry شركة الخليج للتجارة العامة and a bill of lading AL
KHALEEJ GENERAL TRADING LLC. Compared as written, no two such names are alike (look31: such
parties were never proposed as one).

Candidates are found by the keys screening finds list entries by (core/screening/keys: the
phonetic keys of a name in Latin letters, a Han name's English form, an Arabic one's
spellings) and scored by the screening name matcher; a pair from :data:`ACROSS` is proposed,
never merged."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterator

from casefile.core.names import has_cyrillic, kept_apart
from casefile.core.screening import han
from casefile.core.screening import names as nm
from casefile.core.screening.arabic_words import has_arabic
from casefile.core.screening.keys import name_keys
from casefile.services.exchange.imports.known import KnownParties
from casefile.services.screening import name_table

ACROSS = 0.85  # the screening name score from which two names in two scripts are proposed
_CANDIDATES = 8  # parties scored for each party with a name in another script
_GREEK = re.compile(r"[\u0370-\u03ff]")


def script_of(name: str) -> str:
    """The script a name is written in, as far as telling parties apart needs: 'han' (and
    kana), 'arabic', 'cyrillic', 'greek', else 'latin'."""
    if name.isascii():
        return "latin"
    for script, found in (("han", han.has_han), ("arabic", has_arabic),
                          ("cyrillic", has_cyrillic), ("greek", _GREEK.search)):
        if found(name):
            return script
    return "latin"


def across_scripts(known: KnownParties) -> Iterator[tuple[int, int, int, str]]:
    """(party, party, likeness 0-100, reason) of each pair whose names in two scripts the
    screening matcher finds at least :data:`ACROSS` alike."""
    written: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for eid, spellings in known.spellings.items():
        for name in sorted(spellings):
            written[eid][script_of(name)].append(name)
    holders: dict[str, set[int]] = defaultdict(set)
    keys_of: dict[int, set[str]] = defaultdict(set)
    for eid, scripts in written.items():
        for names in scripts.values():
            for name in names:
                keys = {k for k in name_keys(name) if not k.startswith("i:")}
                keys_of[eid] |= keys
                for k in keys:
                    holders[k].add(eid)
    if all(set(scripts) == {"latin"} for scripts in written.values()):
        return
    name_table.prepare()  # (people's names tagged from the table on disk, not in 5 s)
    cap = max(50, len(written) // 50)  # a key half the case holds finds nothing
    done: set[tuple[int, int]] = set()
    for eid, scripts in written.items():
        if set(scripts) == {"latin"}:
            continue
        rank: dict[int, float] = defaultdict(float)
        usable = sorted(keys_of[eid], key=lambda k: (len(holders[k]), k))
        # keys that are rare, or the two rarest where all are common (review38: a UAE case
        # of a thousand '… General Trading' companies lost its cross-script pairs)
        for k in [k for k in usable if len(holders[k]) <= cap] or usable[:2]:
            for other in holders[k] - {eid}:
                rank[other] += math.log(1 + len(written) / len(holders[k]))
        for other in sorted(rank, key=lambda o: (-rank[o], o))[:_CANDIDATES]:
            pair = (min(eid, other), max(eid, other))
            if pair in done:
                continue
            done.add(pair)
            found = _compare(written[eid], written[other],
                             eid in known.people and other in known.people)
            if found is not None:
                yield (*pair, *found)


def _compare(ours: dict[str, list[str]], theirs: dict[str, list[str]],
             people: bool) -> tuple[int, str] | None:
    """The likeness and reason of two parties' names in two scripts (each script of one
    against the other's in other scripts), or None under :data:`ACROSS`."""
    best: nm.NameMatch | None = None
    for script, names in ours.items():
        others = [n for s, ns in theirs.items() if s != script for n in ns]
        if others:
            m = nm.compare(names, others, "PER" if people else "ORG")
            if best is None or m.score > best.score:
                best = m
    if best is None or best.score < ACROSS:
        return None
    # a reading is no identity: through a romanisation, 95% at most (review38: 王伟 and
    # 汪伟 both '100%' alike WANG WEI)
    pct = min(round(best.score * 100), 100 if best.forms == (best.query, best.result)
              and not best.derived else 95)
    read = "" if best.forms == (best.query, best.result) else \
        f": read as “{best.forms[0]}” and “{best.forms[1]}”"
    return pct, (f"names {pct}% alike in two scripts ({kept_apart(best.query)} / "
                 f"{kept_apart(best.result)}{read})")
