"""What one FollowTheMoney party says, as the values a Casefile entity takes: its caption,
aliases, countries, identifiers and details; and the helpers every FtM reading shares (values
of a property, dates). Pure functions over an entity's properties (a dict of property -> list
of values), so the importer stays a loop and each rule is tested alone; the other records
(sanctions, relationships, shipments, events, sources, citations) are in :mod:`.ftm_facts`.

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
from casefile.core.fuzzydate import FuzzyDateError, parse_fuzzy_date
from casefile.core.identifiers import (
    FTM_WORDS,
    GENERIC,
    clean_value,
    detect_scheme,
    schemes,
)
from casefile.paths import resource_path
from casefile.services.exchange.imports.name_pick import pick_name
from casefile.services.exchange.imports.plain_dates import plain_days, plain_interval

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
                left_out(f"{schema} {p}: a name part no name of the party holds")


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
    properties that has a value; of several names, the one pick_name chooses. ``given`` is
    the caption the file states (OpenSanctions writes the one FtM computed), used when it is
    one of those values: picking among names transliterates them, the slowest step of an
    import by far."""
    m = mapping()
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


# -- dates -----------------------------------------------------------------------------------
def one_of(values: list[str]) -> str | None:
    """One date, or several the source could not decide between as an EDTF set ('one of')."""
    days = sorted(set(values))
    if not days:
        return None
    return days[0] if len(days) == 1 else "[" + ", ".join(days) + "]"


def span(props: Props, single: str = "date") -> tuple[str | None, str]:
    """A fuzzy date as written from FtM's date / startDate / endDate, and the property it
    came from: the one date, or the interval of start and end (open where one is missing)."""
    if one := strings(props, single):
        return one_of(one), single
    start, end = strings(props, "startDate"), strings(props, "endDate")
    first, last = (earliest(start) if start else ""), (latest(end) if end else "")
    if start and end:
        return in_words(f"{first} – {last}", f"{first}/{last}"), "startDate"
    if start:
        return in_words(f"since {first}", f"{first}/.."), "startDate"
    if end:
        return in_words(f"until {last}", f"../{last}"), "endDate"
    return None, single


def _bounds(text: str) -> tuple[str, str]:
    """The first and last day a date can mean, as ISO text ('2016' -> 2016-01-01, 2016-12-31);
    the text itself for one that does not read (then it is compared as written)."""
    if (plain := plain_days(text)) is not None:  # a plain ISO date: no parser needed
        return plain[0].isoformat(), plain[1].isoformat()
    try:
        d = parse_fuzzy_date(text)
    except FuzzyDateError:
        return text, text
    return (d.start.isoformat() if d.start else ""), (d.end.isoformat() if d.end else "9999")


def days(dates: list[str]) -> tuple[str, str] | None:
    """The first and last day several dates of one property can mean, as ISO text (None
    for none; a date that does not read counts as any day)."""
    if not dates:
        return None
    spans = [_bounds(d) for d in dates]
    lo, hi = min(a for a, _b in spans), max(b for _a, b in spans)
    return (lo if lo[:1].isdigit() else "0000", hi if hi[:1].isdigit() else "9999")


def last_day(text: str) -> str:
    """The last day a date can mean, as ISO text (the text itself if it does not read)."""
    return _bounds(text)[1]


def earliest(dates: list[str]) -> str:
    """Of several dates FtM gives one property, the one that starts first ('2016' before
    '2016-01', which as text sorts after it)."""
    if len(dates) == 1:  # (nearly always)
        return dates[0]
    return min(dates, key=lambda t: (_bounds(t)[0], t))


def latest(dates: list[str]) -> str:
    """Of several dates, the one that ends last ('2016' after '2016-01': it runs to
    December)."""
    if len(dates) == 1:
        return dates[0]
    return max(dates, key=lambda t: (_bounds(t)[1], t))


@lru_cache(maxsize=4096)
def in_words(words: str, edtf: str) -> str:
    """An interval of FtM's start and end dates as a reader would write it ('since 2015',
    'until 2021-12-31', '2012-09 – 2014-06'), when that reads as the very same interval;
    else its EDTF form ('2015/..'), which the date field reads and says the same of."""
    if (plain := plain_interval(words)) is not None:  # plain ISO dates: no parser needed
        return words if plain else edtf
    return in_words_parsed(words, edtf)


def in_words_parsed(words: str, edtf: str) -> str:
    """:func:`in_words` by the fuzzy date parser alone."""
    try:
        same = parse_fuzzy_date(words).edtf == parse_fuzzy_date(edtf).edtf
    except FuzzyDateError:
        same = False
    return words if same else edtf


def given_in_summary(props: Props, prefix: str, date_text: str | None) -> str | None:
    """The date as the case gave it, from Casefile's own export ('Date as given: late
    2022' in the summary), when it is a date that holds what FtM says (``date_text``);
    else ``date_text``."""
    if "summary" not in props:
        return date_text
    for text in strings(props, "summary"):
        for part in text.split("; "):
            if part.startswith(prefix):
                return given_date(part.removeprefix(prefix).strip(), date_text)
    return date_text


def given_date(given: str, date_text: str | None) -> str | None:
    """``given`` if it reads as a date that lies within what FtM said (``date_text``: FtM
    carries 'spring 2021' as 2021, '~2004-06-11' as 2004-06-11); else ``date_text``."""
    from casefile.core.fuzzydate import FuzzyDateError, parse_fuzzy_date

    try:
        g = parse_fuzzy_date(given)
        d = parse_fuzzy_date(date_text) if date_text else None
    except FuzzyDateError:
        return date_text
    if d is not None and not ((d.start is None or (g.start is not None and d.start <= g.start))
                              and (d.end is None or (g.end is not None and g.end <= d.end))):
        return date_text
    return given


# -- parties ---------------------------------------------------------------------------------
def party_details(schema: str, props: Props, left_out: Callable[[str], None]
                  ) -> tuple[str | None, dict[str, Any], dict[str, str]]:
    """(first country, further entity values, entity column -> the FtM property it came
    from)."""
    field: dict[str, str] = {}
    places = countries(props, COUNTRY_PROPS, left_out)
    first = places[0][1] if places else None
    if places:
        field["country"] = places[0][0]
    nation = countries(props, NATIONALITY_PROPS, left_out)
    details: dict[str, Any] = {}  # only what the entity has: the rest are the defaults
    if len(places) > 1:
        details["other_countries"] = ",".join(c for _p, c in places[1:])
    if nation:
        details["nationality"] = ",".join(c for _p, c in nation)
    field.update(other_countries=places[1][0] if len(places) > 1 else "country",
                 nationality=nation[0][0] if nation else "nationality")
    for key, prop, label in (("birth", "birthDate", "Birth date"),
                             ("incorporation", "incorporationDate", "Incorporation date"),
                             ("dissolution", "dissolutionDate", "Dissolution date")):
        if prop not in props and "summary" not in props:
            continue
        if when := given_in_summary(props, f"{label} as given: ", one_of(strings(props, prop))):
            details[key], field[key] = when, prop
    place = strings(props, "birthPlace") + [
        c for _p, c in countries(props, ("birthCountry",), left_out)]
    for key, value in (("birth_place", ", ".join(place)),
                       ("legal_form", joined(props, "legalForm")),
                       ("position", "\n".join(strings(props, "position"))),
                       ("address", "\n".join(strings(props, "address"))),
                       ("topics", ",".join(strings(props, "topics")))):
        if value:
            details[key] = value
    field.update(birth_place="birthPlace", legal_form="legalForm", position="position",
                 address="address", topics="topics", gender="gender")
    if schema == "Person" and (sex := gender(props, left_out)):
        details["gender"] = sex
    return first, details, field


GENDERS = {"male": "male", "m": "male", "female": "female", "f": "female", "other": "other"}


def gender(props: Props, left_out: Callable[[str], None]) -> str:
    """A person's gender (male, female, other) from FtM's ``gender``: the first value that
    is one of them; another value, or a second gender, is left out, said."""
    found = ""
    for v in strings(props, "gender"):
        g = GENDERS.get(v.strip().lower())
        if g is None:
            left_out(f"gender {v!r}: not male, female or other")
        elif found and g != found:
            left_out(f"gender {v!r}: a second gender (kept {found})")
        else:
            found = g
    return found
