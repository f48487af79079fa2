"""What one FollowTheMoney party says, as the values a Casefile entity takes: its caption,
aliases, countries and identifiers (its other details: :mod:`.ftm_party_details`); and the
helpers every FtM reading shares (values of a property; dates: :mod:`.ftm_date_values`).
Pure functions over an entity's properties (a dict of property -> list of values), so the
importer stays a loop and each rule is tested alone; the other records (sanctions,
relationships, shipments, events, sources, citations) are in :mod:`.ftm_facts`.

Which schemata are parties, relationships and sources, and the caption properties of each, are
data (``resources/ftm/mapping.json``)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from casefile.core.countries import CountryError, country_code
from casefile.core.identifiers import (
    FTM_WORDS,
    GENERIC,
    clean_value,
    detect_scheme,
    schemes,
)
from casefile.paths import resource_path
from casefile.services.exchange.imports.name_pick import pick_name

Props = dict[str, list[Any]]


class Seen(dict[str, list[Any]]):
    """An entity's properties that remember which ones were read (``read``, kept by
    :func:`strings`, through which every value of a fact is read): what a fact's mapping
    never asked for is what it leaves out."""

    def __init__(self, props: Props) -> None:
        super().__init__(props)
        self.read: set[str] = set()


Langs = dict[tuple[str, str], str]  # (property, value) -> language, where the file gives one


@dataclass(frozen=True)
class FtmMapping:
    parties: dict[str, str]  # schema -> entity kind
    captions: dict[str, list[str]]
    name_props: tuple[str, ...]
    alias_kinds: dict[str, str]
    links: dict[str, dict[str, Any]]  # schema -> subject, object, kind, details
    sources: dict[str, str]  # schema -> source kind
    not_left_out: frozenset[str]


@lru_cache(maxsize=1)
def mapping() -> FtmMapping:
    d = json.loads(resource_path("ftm", "mapping.json").read_text("utf-8"))
    return FtmMapping(d["parties"], d["captions"], tuple(d["name_props"]), d["alias_kinds"],
                      d["links"], d["sources"], frozenset(d["not_left_out"]))


# FollowTheMoney property -> identifier scheme (from resources/identifiers/schemes.json); an
# identifier property Casefile has no scheme for keeps the property's own name as its scheme
IDENT_PROPS = {prop: s.key for s in schemes().values() for prop in s.ftm}
IDENT_OTHER = tuple(FTM_WORDS)  # kept under their own property, read in words
_VAGUE = frozenset({GENERIC, "registration", "tax", "ID"})
_IDENT_ANY = frozenset(IDENT_PROPS) | frozenset(IDENT_OTHER)
COUNTRY_PROPS = ("mainCountry", "country", "jurisdiction", "flag")  # a vessel's flag state
NATIONALITY_PROPS = ("nationality", "citizenship")
# what a party's own properties feed (counted as left out when nothing reads them)
PARTY_PROPS = frozenset({
    "name", "alias", "weakAlias", "previousName", "abbreviation", *COUNTRY_PROPS,
    *NATIONALITY_PROPS, "birthDate", "birthPlace", "birthCountry", "incorporationDate",
    "dissolutionDate", "legalForm", "position", "address", "topics", "description", "notes",
    "gender",
    "firstName", "lastName", "middleName", "fatherName", "secondName", "addressEntity",
    *IDENT_PROPS, *IDENT_OTHER})


_WORD = re.compile(r"\w+")
NAME_PARTS = ("firstName", "secondName", "middleName", "fatherName", "lastName")


def name_parts_left_out(schema: str, props: Props, names: list[str],
                        left_out: Callable[[str], None]) -> None:
    """Count the name parts (firstName, fatherName …) that no name kept for the party
    holds: where a name holds them they repeat it, else they would be lost unsaid."""
    if props.keys().isdisjoint(NAME_PARTS):  # (nearly always: 10^5 parties)
        return
    held = set(_WORD.findall(" ".join(names).casefold()))  # words: 'Ann' is not 'Joanna'
    for p in NAME_PARTS:
        for v in strings(props, p):
            if not set(_WORD.findall(v.casefold())) <= held:
                left_out(f"{schema} {p}: a part of a name that none of the party's names "
                         "contains")


@lru_cache(maxsize=256)
def _read_or_kept(read: frozenset[str]) -> frozenset[str]:
    """The properties an import reads, and those it never counts as left out."""
    return read | mapping().not_left_out


def count_unread(schema: str, props: Props, read: frozenset[str],
                 left_out: Callable[[str], None]) -> None:
    """Count, as left out, each property of a record that has a value and that nothing of
    ``read`` (nor the properties never counted) takes."""
    used = _read_or_kept(read)
    for prop in props:
        if prop not in used and strings(props, prop):
            left_out(f"{schema} {prop}: Casefile has no field for it")


def merge_read(given: dict[str, list[str]], props: Props, read: frozenset[str]) -> None:
    """Add to ``given`` (an entity gathered over the lines that give it) the values of
    ``props`` under the properties of ``read``, each once."""
    for prop in read & props.keys():
        have = given.setdefault(prop, [])
        have += [v for v in strings(props, prop) if v not in have]


def first(props: Props, prop: str) -> str | None:
    """The first value of a property, or None."""
    values = strings(props, prop)
    return values[0] if values else None


# FollowTheMoney's properties of type text: long text that keeps its line breaks (a
# sanction's reason, a description); any other value is one line
TEXT_PROPS = frozenset({"biography", "bodyText", "decisionReason", "description",
                        "goodsDescription", "indexText", "notes", "purpose", "reason",
                        "summary", "translatedText"})


def _lines_kept(v: str) -> str:
    return "\n".join(" ".join(line.split()) for line in v.strip().splitlines())


def strings(props: Props, prop: str) -> list[str]:
    """The non-empty text values of a property, whitespace folded (within each line for
    long text: :data:`TEXT_PROPS`), each once, in file order."""
    values = props.get(prop)
    if props.__class__ is Seen:
        props.read.add(prop)
    if not values:
        return []
    out: list[str] = []
    for v in values:
        if v.__class__ is not str:
            if not isinstance(v, int | float) or isinstance(v, bool):
                continue
            v = str(v)
        s = _lines_kept(v) if prop in TEXT_PROPS else " ".join(v.split())
        if s and s not in out:
            out.append(s)
    return out


def joined(props: Props, *names: str, sep: str = "; ") -> str:
    values: list[str] = []
    for p in names:
        if p in props:
            values += strings(props, p)
    return sep.join(values)


# -- names ----------------------------------------------------------------------------------
def caption(schema: str, props: Props, given: str | None = None) -> str | None:
    """The entity's caption as FollowTheMoney computes it: the first of the schema's caption
    properties that has a value; of several names, the one pick_name chooses. A person the
    file gives no name but its parts is named by them, in order (first, second, middle,
    father's, last name), as OpenSanctions composes a name. ``given`` is
    the caption the file states (OpenSanctions writes the one FtM computed), used when it is
    one of those values: picking among names transliterates them, the slowest step of an
    import by far."""
    m = mapping()
    if not props.get("name") and not props.keys().isdisjoint(NAME_PARTS):
        if composed := " ".join(dict.fromkeys(v for p in NAME_PARTS
                                              for v in strings(props, p)[:1])):
            return composed  # (look21: 'IVANOV' for Sergei Borisovich IVANOV)
    if given:
        given = " ".join(given.split())
        for prop in m.captions.get(schema, ["name"]):
            values = strings(props, prop)
            if values:
                if given in values:
                    return given
                break
    for prop in m.captions.get(schema, ["name"]):
        values = strings(props, prop)
        if not values:
            continue
        if prop in m.name_props and len(values) > 1:
            name = pick_name(sorted(values))
            if name is not None:
                return name
        return values[0]
    return None


def bcp47(lang: str | None) -> str:
    """FtM's ISO 639-3 language ('rus') as the case writes it ('ru')."""
    if not lang:
        return ""
    import pycountry

    found = pycountry.languages.get(alpha_3=lang) if len(lang) == 3 else None
    return str(getattr(found, "alpha_2", "") or lang) if found is not None else lang


def aliases(props: Props, name: str, langs: Langs) -> list[tuple[str, str, str, str]]:
    """Every name but the primary, once: (property, name, alias kind, language)."""
    m = mapping()
    seen = {name}
    out = []
    for prop in m.alias_kinds:
        for v in strings(props, prop):
            if v not in seen:
                seen.add(v)
                out.append((prop, v, m.alias_kinds[prop], bcp47(langs.get((prop, v)))))
    return out


# -- countries and identifiers --------------------------------------------------------------
def countries(props: Props, names: tuple[str, ...],
              left_out: Callable[[str], None]) -> list[tuple[str, str]]:
    """(property, ISO code) of each country the properties name, each once, in order; a
    value that is no ISO 3166 country (OpenSanctions' 'xk', 'suhh') is left out, said."""
    out: list[tuple[str, str]] = []
    for prop in names:
        if prop not in props:
            continue
        for v in strings(props, prop):
            try:
                code = country_code(v)
            except CountryError:
                left_out(f"{prop} {v!r}: not an ISO 3166 country")
                continue
            if code not in [c for _p, c in out]:
                out.append((prop, code))
    return out


def identifiers(props: Props, detect: bool = False) -> list[tuple[str, str, str]]:
    """(property, scheme, value), one per scheme and value: innCode -> INN, an identifier
    property Casefile has no scheme for under its own name. A number given under a vague
    property (registrationNumber, taxNumber) as well as a specific one (innCode) is one
    identifier, of the specific scheme; under a vague property alone it is typed by its
    check digits where they say which scheme it is. ``detect``: every value is typed so."""
    found: dict[str, list[tuple[str, str, str]]] = {}  # clean value -> identifiers
    vague = []
    for prop in props:
        if prop not in _IDENT_ANY:
            continue
        scheme = IDENT_PROPS.get(prop, prop)
        for v in strings(props, prop):
            if scheme in _VAGUE or detect:
                vague.append((prop, v))
            else:
                found.setdefault(clean_value(v), []).append((prop, scheme, v))
    for prop, v in vague:  # typed by its form only when no specific property gives it
        key = clean_value(v)
        if key not in found or detect:
            found.setdefault(key, []).append((prop, detect_scheme(v, None if detect else
                                                                  prop), v))
    out = []
    for items in found.values():
        specific = [i for i in items if i[1] not in _VAGUE]
        keep = specific or items[:1]
        seen: set[str] = set()
        for prop, scheme, v in keep:
            if scheme not in seen:
                seen.add(scheme)
                out.append((prop, scheme, v))
    return out
