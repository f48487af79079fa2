"""Name-part alignment across scripts, after OpenSanctions' ``logic-v2`` name matcher: names
analysed by ``rigour`` (prefixes and legal forms recognised, parts tagged, symbols such as
"same given name" attached), a literal match scoring 1.0, otherwise every pairing of symbols
tried, the remaining parts aligned by ``rigour``'s residue distance (typos, transliteration,
words joined or split), and the pairing scored as a weighted mean in which an unmatched part
of the party's name weighs 0.8 and one of the list's name 0.2.

A Chinese or Japanese name is compared also through its derived Latin form
(:func:`casefile.core.screening.han.latin_form`) against a Latin name; two Han names are
compared as they are (and as pinyin)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rigour.names import (
    Alignment,
    Name,
    NamePart,
    NamePartTag,
    NameTypeTag,
    Symbol,
    align_person_name_order,
    analyze_names,
    compare_parts,
    extract_org_types,
)
from rigour.names.symbol import pair_symbols

from casefile.core.screening import person_tagger as pt
from casefile.core.screening.arabic_words import trade_word
from casefile.core.screening.name_spellings import NEAR_WHOLE, WRITTEN_LEAST, spellings
from casefile.core.screening.places import cities, tag_places

EXTRA_QUERY, EXTRA_RESULT, FAMILY = 0.8, 0.2, 1.3
_C = Symbol.Category
SYM_SCORES = {_C.ORG_CLASS: 0.8, _C.INITIAL: 0.9, _C.NAME: 0.9, _C.NICK: 0.6,
              _C.SYMBOL: 0.9, _C.DOMAIN: 0.9, _C.NUMERIC: 0.9, _C.LOCATION: 0.9}
SYM_WEIGHTS = {_C.ORG_CLASS: 0.7, _C.INITIAL: 0.5, _C.NICK: 0.8, _C.SYMBOL: 0.3,
               _C.DOMAIN: 0.7}
EXTRAS_WEIGHTS = {_C.ORG_CLASS: 0.7, _C.SYMBOL: 0.7, _C.NUMERIC: 1.3, _C.LOCATION: 0.8}
_TAGS = {"PER": NameTypeTag.PER, "ORG": NameTypeTag.ORG, "ENT": NameTypeTag.ENT,
         "OBJ": NameTypeTag.OBJ}
# symbol categories of words every organisation of a trade has ("Technology", "Group")
GENERIC = (_C.DOMAIN, _C.ORG_CLASS, _C.SYMBOL, _C.LOCATION)


@dataclass(frozen=True)
class Pair:
    """One piece of evidence of an alignment: the party's words, the list's words (as each
    name writes them), a score (0..1), its weight, how it was found (literal, symbol
    category name, fuzzy, extra), and the forms of both that were compared (the words
    themselves when not given)."""

    query: str
    result: str
    score: float
    weight: float
    how: str
    compared: tuple[str, str] | None = None

    @property
    def forms(self) -> tuple[str, str]:
        """The party's and the list's words as compared ('sergei', not 'сергей (sergei)')."""
        return self.compared or (self.query, self.result)


@dataclass(frozen=True)
class NameMatch:
    score: float
    query: str  # the party's name compared
    result: str  # the list's name compared
    pairs: tuple[Pair, ...]
    derived: str = ""  # how the names compared were derived (name_spellings.spellings)
    generic_only: bool = False  # only generic words (legal forms, "technology") matched
    forms: tuple[str, str] = ("", "")  # the party's and the list's names as compared
    one_part: bool = False  # of two people's names, one part alone matched
    other_cities: bool = False  # two organisations' names begin with other cities


_person_table: pt.PhraseTable | None = None


def use_person_table(table: pt.PhraseTable | None) -> None:
    """Tag person names from ``table`` (:mod:`.person_tagger`) rather than with rigour's
    own automaton, which takes seconds to build in every process; None: rigour's again."""
    global _person_table
    _person_table = table
    analyse.cache_clear()


def person_table() -> pt.PhraseTable | None:
    return _person_table


@lru_cache(maxsize=65536)
def analyse(name: str, tag: str) -> tuple[Name, ...]:
    """``name`` analysed by rigour as a name of kind ``tag``; the city an organisation's
    name begins with marked as a place (:mod:`.places`)."""
    found: tuple[Name, ...] | None = None
    if _person_table is not None and tag in ("PER", "ENT"):
        try:
            found = tuple(pt.analyse(name, _TAGS[tag], _person_table))
        except pt.TableBroken:
            use_person_table(None)
    if found is None:
        found = tuple(analyze_names(_TAGS[tag], [name], consolidate=False))
    if tag == "ORG":  # (not a person's name, nor one of either: review35, 'Sofia Ivanova')
        for n in found:
            tag_places(n)
    return found


def _how(a: Alignment) -> str:
    if a.symbol is not None:
        return str(a.symbol.category).rsplit(".", 1)[-1].lower()
    if not a.qstr or not a.rstr:
        return "extra"
    return "literal" if a.qstr == a.rstr else "fuzzy"


@lru_cache(maxsize=4096)
def _legal_forms(original: str) -> dict[str, str]:
    """A name's legal forms as it writes them, by the form rigour compares ('coltd':
    'CO., LTD'; 'ooo': 'ООО'). rigour finds them in lower case only; each is taken back from
    the name where it stands as words of their own, the last such place (review25: 'Sagal
    Trading SA' gave 'Sa', from 'Sagal'); where the name's lower case is not letter for
    letter its own (Turkish İ), as rigour gives it."""
    lowered = original.lower()
    out = {}
    for written, compared in extract_org_types(lowered):
        places = [m.start() for m in re.finditer(
            rf"(?<!\w){re.escape(written)}(?!\w)", lowered)] if len(lowered) == len(original) \
            else []
        at = places[-1] if places else -1
        out[compared] = original[at:at + len(written)] if at >= 0 else written
    return out


def _words(name: Name, parts: Sequence[NamePart]) -> tuple[str, str]:
    """An alignment's words of one name as a reader can find them in it (look23: the
    explanation said 'coltd = coltd'), and the form they were compared in: a legal form as
    the name writes it ('CO., LTD', both), a word of another script with the Latin form
    compared ('восток (vostok)', 'vostok')."""
    compared = " ".join(p.comparable for p in parts)
    if len(parts) == 1 and parts[0].tag == NamePartTag.LEGAL:
        written = _legal_forms(name.original).get(parts[0].comparable)
        if written:
            return written, written
    form = " ".join(p.form for p in parts)
    return (compared if form == compared else f"{form} ({compared})"), compared


def _extra_weights(name: Name) -> dict[tuple[NamePart, ...], float]:
    out: dict[tuple[NamePart, ...], float] = {}
    for span in name.spans:
        w = EXTRAS_WEIGHTS.get(span.symbol.category, 1.0)
        if w != 1.0:
            out[span.parts] = out.get(span.parts, 1.0) * w
    return out


def _generic_parts(name: Name) -> set[NamePart]:
    return {p for s in name.spans if s.symbol.category in GENERIC for p in s.parts} | \
        {p for p in name.parts if p.tag in (NamePartTag.LEGAL, NamePartTag.STOP)
         or trade_word(p.form)}  # (Arabic words of trade, which rigour does not know)


def align(query: Name, result: Name) -> tuple[float, list[Alignment]]:
    """The best pairing of two analysed names: (score, its alignments)."""
    best: tuple[float, list[Alignment]] = (0.0, [])
    extras = _extra_weights(query), _extra_weights(result)
    for edges in pair_symbols(query, result):
        q_used = {p for e in edges for p in e.qps}
        r_used = {p for e in edges for p in e.rps}
        q_rem = [p for p in query.parts if p not in q_used]
        r_rem = [p for p in result.parts if p not in r_used]
        residue: list[Alignment] = []
        if (q_rem or r_rem) and NameTypeTag.PER in (query.tag, result.tag):
            residue = compare_parts(*align_person_name_order(q_rem, r_rem))
        elif q_rem or r_rem:
            residue = compare_parts(NamePart.tag_sort(q_rem), NamePart.tag_sort(r_rem))
        found = _scored(edges, residue, extras)
        same, q_left, r_left = _same_words(q_rem, r_rem) \
            if NameTypeTag.PER not in (query.tag, result.tag) else ([], q_rem, r_rem)
        if same:  # (review36: tried only where a shared word was lost, 'Kalashnikov-
            # konserni' fell from 0.82 to 0.48 — 'konserni' left alone beside it)
            again = _scored(edges, same + compare_parts(NamePart.tag_sort(q_left),
                                                        NamePart.tag_sort(r_left)), extras)
            found = max(found, again, key=lambda f: f[0])
        if found[0] > best[0] or not best[1]:
            best = found
        if found[0] >= 1.0:
            break
    return best


def _scored(edges: Sequence[Alignment], residue: list[Alignment],
            extras: tuple[dict[tuple[NamePart, ...], float], dict[tuple[NamePart, ...], float]]
            ) -> tuple[float, list[Alignment]]:
    """The weighted mean score of the symbol ``edges`` and the ``residue`` alignments, after
    logic-v2's weights (each edge's score and weight set afresh: an edge is scored with more
    than one residue)."""
    q_extra, r_extra = extras
    for edge in edges:
        assert edge.symbol is not None
        edge.score = SYM_SCORES.get(edge.symbol.category, 1.0)
        edge.weight = SYM_WEIGHTS.get(edge.symbol.category, 1.0)
    matches = [*edges, *residue]
    for m in matches:
        if not m.qps:
            m.weight = EXTRA_RESULT * r_extra.get(tuple(m.rps), 1.0)
        elif not m.rps:
            m.weight = EXTRA_QUERY * q_extra.get(tuple(m.qps), 1.0)
        if (len(m.qps) == 1 and m.qps[0].tag == NamePartTag.STOP) or \
                (len(m.rps) == 1 and m.rps[0].tag == NamePartTag.STOP):
            m.weight *= 0.7
        if m.score < 1.0 and m.qps and m.rps and m.qstr == m.rstr:
            m.score = 1.0
        if any(p.tag == NamePartTag.FAMILY for p in (*m.qps, *m.rps)):
            m.weight *= FAMILY
    total = sum(m.weight for m in matches)
    return (sum(m.score * m.weight for m in matches) / total if total else 0.0), matches


def _same_words(q_rem: list[NamePart], r_rem: list[NamePart]
                ) -> tuple[list[Alignment], list[NamePart], list[NamePart]]:
    """The words of an organisation's name left to align that the other name holds as
    they are, paired first — for where rigour's residue alignment loses them beside a word
    of one name alone ('nanjing xinchen' against 'xinchen company': four words unmatched, so
    'Nanjing Xinchen Electronics Co., Ltd.' scored 0.40 against 'Xinchen Electronics Company
    Limited'; logic-v2 too) — tried beside that alignment, the better kept (review35: paired
    first always, 'wega' was left alone against 'vega', 0.00, where the alignment of 'wega
    radio engineering' with 'vega radio engineering' gave 0.84). Returns those pairs and the
    words still left on each side."""
    theirs: dict[str, list[NamePart]] = {}
    for p in r_rem:
        theirs.setdefault(p.comparable, []).append(p)
    pairs: list[Alignment] = []
    q_left: list[NamePart] = []
    for p in q_rem:
        same = theirs.get(p.comparable)
        if same and len(p.comparable) > 1:
            pairs.append(Alignment([p], [same.pop(0)], score=1.0))
        else:
            q_left.append(p)
    taken = {id(a.rps[0]) for a in pairs}
    return pairs, q_left, [p for p in r_rem if id(p) not in taken]


def _generic_only(query: Name, result: Name, matches: Sequence[Alignment]) -> bool:
    """Whether only generic words (legal forms, trade words, places) matched while a word
    that tells parties apart did not: "Beijing Technology Co" and "Shanghai Technology
    Co" share only "Technology Co". A name made wholly of such words that matches whole
    ("China Electronics Technology Group") is not generic."""
    generic = _generic_parts(query) | _generic_parts(result)
    matched = [m for m in matches if m.qps and m.rps and m.score > 0]
    if not matched or not all(set(m.qps) | set(m.rps) <= generic for m in matched):
        return False
    legal = (NamePartTag.LEGAL, NamePartTag.STOP)
    unmatched = [m for m in matches if not (m.qps and m.rps and m.score > 0)]
    own_q = any(p.tag not in legal for m in unmatched for p in m.qps)
    own_r = any(p.tag not in legal for m in unmatched for p in m.rps)
    return own_q and own_r


# the most two organisations registered in other cities score on their names (review36:
# 'Shenzhen Tonghua Trading' and 'HANGZHOU TONGHUA TRADING' were flagged, 0.71: China
# registers one trade name in many cities): in review, never flagged
OTHER_CITIES = 0.65


def _other_cities(q: Name, r: Name) -> bool:
    """Whether both names begin with a city, and not the same one."""
    ours, theirs = cities(q), cities(r)
    return bool(ours and theirs and not ours & theirs)


def _one_part_only(matches: Sequence[Alignment]) -> bool:
    """Whether, of two people's names, one part alone matched while each keeps a part of two
    letters or more the other lacks: 'Zhou Pengyu' and 'ZHOU Yangli' (look31: 24 people of
    a common family name, each at 0.50, in review for one party)."""
    matched = [m for m in matches if m.qps and m.rps and m.score > 0]
    if len(matched) != 1 or len(matched[0].qps) != 1 or len(matched[0].rps) != 1:
        return False
    # parts of one name alone, not paired with any of the other's (review36: 'haftar ≠
    # hifter', paired for nothing, is a spelling, not another name)
    own_q = any(len(p.comparable) > 1 for m in matches if not m.rps for p in m.qps)
    own_r = any(len(p.comparable) > 1 for m in matches if not m.qps for p in m.rps)
    return own_q and own_r


def compare(query_names: Sequence[str], result_names: Sequence[str], tag: str) -> NameMatch:
    """The best match between any of the party's names and any of the entry's names."""
    best = NameMatch(0.0, "", "", ())
    for qn in query_names:
        for rn in result_names:
            for q_text, r_text, derived in spellings(qn, rn, tag == "PER"):
                for q in analyse(q_text, tag):
                    for r in analyse(r_text, tag):
                        if q.comparable == r.comparable and q.comparable:
                            pairs = (Pair(q.comparable, r.comparable, 1.0, 1.0, "literal"),)
                            m = NameMatch(1.0, qn, rn, pairs, derived,
                                          forms=(q_text, r_text))
                            return m if not derived else _keep_best(best, m)
                        score, matches = align(q, r)
                        if derived in NEAR_WHOLE and score < WRITTEN_LEAST:
                            continue
                        generic = _generic_only(q, r, matches)
                        one = tag == "PER" and _one_part_only(matches)
                        cities_differ = _other_cities(q, r) and score > OTHER_CITIES
                        if generic or one:
                            score = min(score, 0.45)
                        elif cities_differ:  # two companies of one trade name
                            score = OTHER_CITIES
                        if score > best.score:
                            best = NameMatch(score, qn, rn, tuple(
                                _pair(q, r, m) for m in matches), derived, generic,
                                (q_text, r_text), one, cities_differ and not generic)
    return best


def _pair(q: Name, r: Name, m: Alignment) -> Pair:
    (query, q_form), (result, r_form) = _words(q, m.qps), _words(r, m.rps)
    return Pair(query, result, m.score, m.weight, _how(m), (q_form, r_form))


def _keep_best(a: NameMatch, b: NameMatch) -> NameMatch:
    return b if b.score > a.score else a
