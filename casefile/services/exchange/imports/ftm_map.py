"""What one FollowTheMoney entity says, as the values a Casefile record takes: a party's
caption, aliases, countries, identifiers and details; a sanction's terms; a relationship; a
shipment; an event; a source; a citation. Pure functions over an entity's properties (a dict
of property -> list of values), so the importer stays a loop and each rule is tested alone.

Which schemata are parties, relationships and sources, and the caption properties of each, are
data (``resources/ftm/mapping.json``)."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from casefile.core.countries import CountryError, country_code
from casefile.core.identifiers import GENERIC, clean_value, detect_scheme, schemes
from casefile.core.sanctions import status_of
from casefile.paths import resource_path
from casefile.store import models

Props = dict[str, list[Any]]
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
IDENT_OTHER = ("okvedCode", "uscCode", "npiCode", "bvdId", "sayariId", "brightQueryId",
               "brightQueryOrgId", "permId", "ricCode", "cikCode", "isinCode", "bikCode",
               "cageCode", "giiNumber", "licenseNumber", "voenCode", "fnsCode",
               "ipoCode", "irsCode", "jibCode", "mbsCode", "pfrNumber", "coatoCode",
               "socialSecurityNumber", "wikidataId", "mmsi", "callSign", "crsNumber",
               "icaoCode", "serialNumber", "ticker")
_VAGUE = frozenset({GENERIC, "registration", "tax", "ID"})
COUNTRY_PROPS = ("mainCountry", "country", "jurisdiction", "flag")  # a vessel's flag state
NATIONALITY_PROPS = ("nationality", "citizenship")
# what a party's own properties feed (counted as left out when nothing reads them)
PARTY_PROPS = frozenset({
    "name", "alias", "weakAlias", "previousName", "abbreviation", *COUNTRY_PROPS,
    *NATIONALITY_PROPS, "birthDate", "birthPlace", "birthCountry", "incorporationDate",
    "dissolutionDate", "legalForm", "position", "address", "topics", "description", "notes",
    "firstName", "lastName", "middleName", "fatherName", "secondName", "addressEntity",
    *IDENT_PROPS, *IDENT_OTHER})


def first(props: Props, prop: str) -> str | None:
    """The first value of a property, or None."""
    values = strings(props, prop)
    return values[0] if values else None


def strings(props: Props, prop: str) -> list[str]:
    """The non-empty text values of a property, stripped, each once, in file order."""
    out: list[str] = []
    for v in props.get(prop, ()):
        if isinstance(v, str | int | float) and not isinstance(v, bool):
            s = " ".join(str(v).split())
            if s and s not in out:
                out.append(s)
    return out


def joined(props: Props, *names: str, sep: str = "; ") -> str:
    return sep.join(v for p in names for v in strings(props, p))


# -- names ----------------------------------------------------------------------------------
def _latin_share(name: str) -> float:
    letters = [c for c in name if c.isalpha()]
    if not letters:
        return 0.0
    return sum(unicodedata.name(c, "").startswith("LATIN") for c in letters) / len(letters)


def _pick_name_fallback(names: list[str]) -> str | None:
    """The name closest to all the others, Latin-script names weighing more: what
    FollowTheMoney's pick_name does, without its transliteration (used when the
    followthemoney package, which brings rigour, is not installed)."""
    from rapidfuzz.distance import Levenshtein

    forms = [(n, n.casefold(), 1.0 + _latin_share(n)) for n in sorted(names) if n.strip()]
    latin = [n for n, _f, w in forms if w > 1.85]
    if len(latin) == 1:
        return latin[0]
    best, best_score = None, -1.0
    for n, f, _w in forms:
        score = sum(w * Levenshtein.normalized_similarity(f, g) for _n, g, w in forms)
        if score > best_score:
            best, best_score = n, score
    return best


def _picker() -> Callable[[list[str]], str | None]:
    try:
        from rigour.names import pick_name
    except ImportError:  # pragma: no cover - depends on the install
        return _pick_name_fallback
    return pick_name


pick_name = _picker()


def caption(schema: str, props: Props) -> str | None:
    """The entity's caption as FollowTheMoney computes it: the first of the schema's caption
    properties that has a value; of several names, the one pick_name chooses."""
    m = mapping()
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
    for prop in (*IDENT_PROPS, *IDENT_OTHER):
        for v in strings(props, prop):
            scheme = IDENT_PROPS.get(prop, prop)
            if scheme in _VAGUE or detect:
                scheme = detect_scheme(v, None if detect else prop)
            found.setdefault(clean_value(v), []).append((prop, scheme, v))
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
    if start and end:
        return f"{min(start)}/{max(end)}", "startDate"
    if start:
        return f"{min(start)}/..", "startDate"
    if end:
        return f"../{max(end)}", "endDate"
    return None, single


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
    details: dict[str, Any] = {"other_countries": ",".join(c for _p, c in places[1:]),
                               "nationality": ",".join(c for _p, c in nation)}
    field.update(other_countries=places[1][0] if len(places) > 1 else "country",
                 nationality=nation[0][0] if nation else "nationality")
    for key, prop, label in (("birth", "birthDate", "Birth date"),
                             ("incorporation", "incorporationDate", "Incorporation date"),
                             ("dissolution", "dissolutionDate", "Dissolution date")):
        if when := _given(props, f"{label} as given: ", one_of(strings(props, prop))):
            details[key], field[key] = when, prop
    place = strings(props, "birthPlace") + [
        c for _p, c in countries(props, ("birthCountry",), left_out)]
    details.update(birth_place=", ".join(place), legal_form=joined(props, "legalForm"),
                   position="\n".join(strings(props, "position")),
                   address="\n".join(strings(props, "address")),
                   topics=",".join(strings(props, "topics")))
    field.update(birth_place="birthPlace", legal_form="legalForm", position="position",
                 address="address", topics="topics")
    return first, details, field


# -- sanctions -------------------------------------------------------------------------------
def sanction_values(props: Props, today: date, warn: Callable[[str], None]
                    ) -> tuple[dict[str, Any], dict[str, str]]:
    """A sanction's terms: the listing date is the designation (the earliest listingDate,
    not a later amendment); start the earliest startDate, end the latest endDate; the
    status in the case's words, else 'ended' when the end has passed."""
    field = {"programme": "program", "program_id": "programId", "authority": "authority",
             "reason": "reason", "source_url": "sourceUrl"}
    listed = strings(props, "listingDate") or strings(props, "date")
    field["date"] = "listingDate" if strings(props, "listingDate") else "date"
    start, end = strings(props, "startDate"), strings(props, "endDate")
    reason = joined(props, "reason")
    status = None
    for said in strings(props, "status"):
        status = status_of(said)
        if status is None:
            warn(f"Sanction status {said!r} is not one Casefile knows; kept in the reason")
            reason = "; ".join(x for x in (reason, f"Status as listed: {said}") if x)
    end_day = max(end) if end else None
    if status is None and end_day and end_day[:10] < today.isoformat():
        status = "ended"  # expired: its term ran out before the import
    values = {"authority": joined(props, "authority") or _country_names(props),
              "programme": joined(props, "program"), "program_id": joined(props, "programId"),
              "reason": reason[:100_000], "source_url": (strings(props, "sourceUrl") or [""])[0],
              "status": status or "", "date": min(listed) if listed else None,
              "start": min(start) if start else None, "end": end_day}
    for key, label in (("date", "Listing date"), ("start", "Start date"),
                       ("end", "End date")):
        values[key] = _given(props, f"{label} as given: ", values[key])
    field.update(start="startDate", end="endDate", status="status")
    return values, field


def _country_names(props: Props) -> str:
    from casefile.core.countries import country_name

    return "; ".join(country_name(c) or c for c in strings(props, "country"))


def _given(props: Props, prefix: str, date_text: str | None) -> str | None:
    """The date as the case gave it, from Casefile's own export ('Date as given: late
    2022' in the summary), when it is a date that holds what FtM says (``date_text``);
    else ``date_text``."""
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


# -- relationships ---------------------------------------------------------------------------
_KIND_WORDS = {k.replace("_", " "): k for k in models.RELATIONSHIP_KINDS}


def relationship_values(schema: str, props: Props) -> tuple[str, dict[str, Any]]:
    """(kind, values) of a relationship: an UnknownLink whose role is a Casefile kind in
    words ('supplies', 'spokesperson for') is that kind; the role, percentage and the like
    go into the description."""
    link = mapping().links[schema]
    kind = link["kind"]
    details = []
    for prop in link["details"]:
        for v in strings(props, prop):
            if schema == "UnknownLink" and prop == "role" and v.casefold() in _KIND_WORDS:
                kind = _KIND_WORDS[v.casefold()]
                continue
            details.append(f"{prop}: {v}{'%' if prop == 'percentage' else ''}")
    text, _prop = span(props)
    description = "; ".join(x for x in (joined(props, "description", "summary"), *details) if x)
    return kind, {"kind": kind, "date": text, "description": description[:100_000]}


# -- shipments, events, sources, citations ---------------------------------------------------
_AMOUNT = re.compile(r"\s*([-+]?\d[\d,. ]*)\s*([A-Za-z]{3})?\s*$")
_SUMMARY = {"Assessed goods: ": "assessed_goods", "Quantity: ": "quantity",
            "Weight: ": "weight_kg", "Route: via ": "route", "Date as given: ": "given_date"}


def shipment_values(props: Props) -> tuple[dict[str, Any], list[str]]:
    """(values, route stop countries) of an EconomicActivity; what Casefile's own export
    wrote into the summary (assessed goods, quantity, weight, route, number of shipments,
    dual use, the date as given) is read back into its fields."""
    text, _p = span(props)
    values: dict[str, Any] = {
        "date": text, "declared_goods": joined(props, "goodsDescription"),
        "hs_code": (strings(props, "vedCode") or [""])[0],
        "origin_country": first(props, "originCountry"),
        "destination_country": first(props, "destinationCountry"),
        "reference": (strings(props, "ccdNumber") or strings(props, "recordId") or [""])[0],
        "shipment_count": 1, "dual_use": False}
    for prop in ("invoiceAmount", "customsAmount"):
        for amount in strings(props, prop):
            m = _AMOUNT.match(amount)
            if m and "value" not in values:
                values["value"] = m.group(1).replace(" ", "").replace(",", "")
                values["currency"] = (m.group(2) or "").upper()
    route: list[str] = []
    departure = first(props, "departureCountry")
    if departure and departure != values["origin_country"]:
        route.append(departure)  # sent from a country other than the origin: a transit
    notes = [joined(props, "description")]
    for summary in strings(props, "summary"):
        pieces = summary.split("; ")
        if not _is_part(summary) and all(_is_part(p) for p in pieces):  # older exports
            notes += [_summary_part(p, values, route) for p in pieces]
        else:
            notes.append(_summary_part(summary, values, route))
    values["notes"] = "\n".join(n for n in notes if n)
    if given := values.pop("given_date", None):
        values["date"] = given_date(given, values["date"])
    return values, route


def _is_part(text: str) -> bool:
    return text == "Dual-use goods" or text.startswith(tuple(_SUMMARY)) or bool(
        re.fullmatch(r"Record stands for \d+ shipments", text))


def _summary_part(part: str, values: dict[str, Any], route: list[str]) -> str:
    """Read one part of Casefile's own shipment summary into ``values``; return what is
    not such a part (kept in the notes)."""
    if part == "Dual-use goods":
        values["dual_use"] = True
        return ""
    if m := re.fullmatch(r"Record stands for (\d+) shipments", part):
        values["shipment_count"] = int(m.group(1))
        return ""
    for prefix, key in _SUMMARY.items():
        if not part.startswith(prefix):
            continue
        rest = part.removeprefix(prefix)
        if key == "route":
            route.extend(x.strip() for x in rest.split(", ") if x.strip())
        elif key in ("quantity", "weight_kg"):
            number, _, unit = rest.partition(" ")
            values[key] = number
            if key == "quantity":
                values["unit"] = unit
        else:
            values[key] = rest
        return ""
    return part


def event_values(props: Props) -> dict[str, Any]:
    text, _p = span(props)
    kinds = {k.replace("_", " "): k for k in models.EVENT_KINDS}
    kind = next((kinds[k.casefold()] for k in strings(props, "keywords")
                 if k.casefold() in kinds), "other")
    return {"title": (strings(props, "name") or ["Untitled event"])[0][:1000], "kind": kind,
            "description": joined(props, "summary", "description", sep="\n")[:100_000],
            "date": text}


def source_values(schema: str, props: Props) -> dict[str, Any]:
    kinds = {k.replace("_", " "): k for k in models.SOURCE_KINDS}
    kind = next((kinds[k.casefold()] for k in strings(props, "keywords")
                 if k.casefold() in kinds), mapping().sources[schema])
    reliability = "F"  # cannot be judged, unless Casefile wrote the grade
    notes = []
    for s in strings(props, "summary"):
        if m := re.fullmatch(r"Admiralty reliability ([A-F])", s):
            reliability = m.group(1)
        else:
            notes.append(s)
    title = (strings(props, "title") or strings(props, "name") or strings(props, "fileName")
             or ["Untitled document"])[0]
    published = strings(props, "publishedAt") or strings(props, "date")
    return {"kind": kind, "title": title[:1000], "publisher": joined(props, "publisher"),
            "author": joined(props, "author"), "url": (strings(props, "sourceUrl") or [""])[0],
            "date": min(published) if published else None,
            "accessed": (first(props, "retrievedAt") or "")[:10] or None,
            "language": bcp47(first(props, "language")),
            "reliability": reliability,
            "notes": "\n".join(notes + strings(props, "notes") + strings(props, "description"))}


def citation_values(props: Props) -> tuple[str, str, int]:
    """(excerpt, locator, credibility) of a Documentation link (Casefile's own export
    writes the credibility into its role)."""
    credibility = 6
    for role in strings(props, "role"):
        if m := re.fullmatch(r"citation, credibility ([1-6])", role):
            credibility = int(m.group(1))
    return (joined(props, "summary")[:100_000], joined(props, "description")[:1000],
            credibility)
