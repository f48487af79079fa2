"""rigour's person-name tagger, from a phrase table instead of its automaton.

rigour tags the parts of a person's name (and of a LegalEntity's name not recognised as an
organisation) with symbols: the given-name groups of its Wikidata person-names corpus
("sergei", "sergey" and "сергей" share ``NAME:Q12902079``), nicknames, honorifics and
ordinals. It finds them with an Aho-Corasick automaton over some 550,000 phrases that it
builds on first use in every process: 5-30 s holding the GIL. The same phrases in a table
(``form -> symbols``, see :func:`table_rows`) give the same symbols by looking up each run of
whole name parts: the automaton only reports phrases with no word character on either side,
and its phrases are token sequences, so a phrase that can tag a part is a run of parts.

:func:`analyse` is ``rigour.names.analyze_names`` for one name with that table: rigour builds
the name without symbols, then the person symbols are applied in the automaton's order and
the numeric symbols rigour infers after tagging are added. ENT names go through rigour's
organisation tagger (quick to build) first and get the person symbols only when no legal
form of three letters or more made them an organisation, as rigour does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Protocol

from rigour.names import Name, NamePartTag, NameTypeTag, Symbol, analyze_names

_C = Symbol.Category
CATEGORIES = {"NUM": _C.NUMERIC, "SYMBOL": _C.SYMBOL, "NAME": _C.NAME, "NICK": _C.NICK}
# rigour's normalisation of tagger phrases: Normalize.CASEFOLD | Normalize.NAME, no cleanup
PHRASE_FLAGS = (1 << 2) | (1 << 6)
MIN_ORG_CLASS_CHARS = 3  # an ORG_CLASS span this long makes an ENT name an organisation

Symbols = list[tuple[str, str]]  # (category code, id)


class TableBroken(Exception):
    """The phrase table could not be read: rigour's own tagger takes over."""


class PhraseTable(Protocol):
    """Where the person tagger's phrases are looked up."""

    longest: int  # the most words a phrase has

    def lookup(self, phrases: Sequence[str]) -> Mapping[str, Symbols]:
        """The symbols of those of ``phrases`` the table has; may raise TableBroken."""


class DictTable:
    """A phrase table in memory (tests, and the table being written)."""

    def __init__(self, rows: Iterable[tuple[str, Symbols]]) -> None:
        self.rows = dict(rows)
        self.longest = max((k.count(" ") + 1 for k in self.rows), default=1)

    def lookup(self, phrases: Sequence[str]) -> Mapping[str, Symbols]:
        return {p: self.rows[p] for p in phrases if p in self.rows}


def table_rows(corpus: str, symbols: Mapping[str, Mapping[str, list[str]]],
               ordinals: Mapping[int, list[str]], normalise: Callable[[str], str | None]
               ) -> dict[str, Symbols]:
    """The person tagger's phrases and their symbols, from rigour's data: its ordinals
    (``NUM``), the person sections of its ``symbols.json`` (``SYMBOL``, ``NAME``, ``NICK``,
    keys upper-cased) and its person-names corpus (``forms, … => QID`` lines, a line with
    fewer than two distinct phrases left out), each phrase normalised by ``normalise``."""
    mapping: dict[str, Symbols] = {}

    def add(phrase: str | None, sym: tuple[str, str]) -> None:
        if phrase:
            have = mapping.setdefault(phrase, [])
            if sym not in have:
                have.append(sym)

    for number, forms in ordinals.items():
        for form in forms:
            add(normalise(form), ("NUM", str(number)))
    for cat, section in (("SYMBOL", "person_symbols"), ("NAME", "person_name_parts"),
                         ("NICK", "person_nick")):
        for key, aliases in symbols[section].items():
            for alias in aliases:
                add(normalise(alias), (cat, key.upper()))
    for line in corpus.splitlines():
        said, sep, gid = line.strip().rpartition(" => ")
        if not sep:
            continue
        normed = {k for a in said.split(", ") if (k := normalise(a))}
        if len(normed) >= 2:
            for k in normed:
                add(k, ("NAME", gid))
    return mapping


def encode(symbols: Symbols) -> str:
    """'NAME\x1fQ12902079\x1eNICK\x1fBOB' (unit and record separators)."""
    return "\x1e".join(f"{c}\x1f{i}" for c, i in symbols)


def decode(text: str) -> Symbols:
    out: Symbols = []
    for item in text.split("\x1e"):
        cat, sep, sid = item.partition("\x1f")
        if not sep or cat not in CATEGORIES:
            raise ValueError(f"not a phrase table entry: {text!r}")
        out.append((cat, sid))
    return out


def _runs(norm_form: str, longest: int) -> list[str]:
    """Every run of at most ``longest`` whole parts, in the automaton's order (by end, the
    longer first)."""
    toks = norm_form.split(" ")
    return [" ".join(toks[i:j + 1]) for j in range(len(toks))
            for i in range(j, max(-1, j - longest), -1)]


def _symbol(cat: str, sid: str) -> Symbol:
    return Symbol(CATEGORIES[cat], int(sid) if cat == "NUM" else sid)


def tag_person(name: Name, table: PhraseTable) -> None:
    """Apply the person tagger's symbols to ``name`` (as rigour's tagger pass does)."""
    runs = _runs(name.norm_form, table.longest)
    found = table.lookup(list(dict.fromkeys(runs)))
    seen: set[tuple[str, str, str]] = set()
    for phrase in runs:
        for cat, sid in found.get(phrase, ()):
            if (phrase, cat, sid) not in seen and cat in CATEGORIES:
                seen.add((phrase, cat, sid))
                name.apply_phrase(phrase, _symbol(cat, sid))


def _numerics(name: Name) -> None:
    """The NUMERIC symbols rigour infers after tagging: a number part no ordinal covered."""
    covered: set[Any] = {p for s in name.spans if s.symbol.category == _C.NUMERIC
                         for p in s.parts}
    for p in name.parts:
        if p.tag == NamePartTag.NUM and p not in covered and p.integer is not None:
            name.apply_part(p, Symbol(_C.NUMERIC, p.integer))
            covered.add(p)


def _is_org(name: Name) -> bool:
    return any(s.symbol.category == _C.ORG_CLASS and
               sum(len(p.form) for p in s.parts) >= MIN_ORG_CLASS_CHARS for s in name.spans)


def analyse(text: str, tag: NameTypeTag, table: PhraseTable) -> Iterator[Name]:
    """``analyze_names(tag, [text], consolidate=False)`` for PER and ENT names, with the
    person symbols from ``table``."""
    if tag == NameTypeTag.PER:
        for n in analyze_names(tag, [text], consolidate=False, symbols=False):
            tag_person(n, table)
            _numerics(n)
            yield n
        return
    if tag != NameTypeTag.ENT:
        raise ValueError(f"the person tagger is for PER and ENT names, not {tag}")
    for n in analyze_names(NameTypeTag.ORG, [text], consolidate=False):
        if not _is_org(n):
            n.tag = NameTypeTag.ENT
            tag_person(n, table)
        yield n
