"""How each part of a case is said in FollowTheMoney: which schema a party or relationship
becomes, under which property an alias or identifier goes, and a party's details and a
sanction's terms as properties, and what of a shipment EconomicActivity has no property for
(its summary). Read back by :mod:`.imports.ftm_map`, so that the case's own
export imported into a new case gives the same parties and facts."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from casefile.core.identifiers import schemes
from casefile.core.sanctions import listed_status, standing, without_listed
from casefile.services.exchange.ftm_dates import ftm_dates, single_dates, within

SCHEMA = {"company": "Company", "person": "Person", "organisation": "Organization",
          "public_body": "PublicBody", "vessel": "Vessel", "aircraft": "Airplane",
          "other": "LegalEntity"}
ALIAS_PROPS = {"abbreviation": "abbreviation", "previous_name": "previousName",
               "weak_alias": "weakAlias"}  # any other kind of alias is an alias
# relationship kind -> (FtM schema, property of the subject, property of the object)
LINKS = {"owns": ("Ownership", "owner", "asset"), "subsidiary_of": ("Ownership", "asset", "owner"),
         "director_of": ("Directorship", "director", "organization"),
         "family_of": ("Family", "person", "relative"),
         "associate_of": ("Associate", "person", "associate"),
         "employee_of": ("Employment", "employee", "employer"),
         "member_of": ("Membership", "member", "organization"),
         "represents": ("Representation", "agent", "client"),
         "successor_of": ("Succession", "successor", "predecessor")}
STATUS_WORDS = {"in_force": "in force", "ended": "ended", "lifted": "lifted"}
# a Russian customs declaration (ДТ/ГТД) number: customs office / date DDMMYY / number
CCD = re.compile(r"\d{8}/\d{6}/\d{7}(?:/\d+)?")


def _add(proxy: Any, prop: str, value: Any) -> None:
    """Add a value where the schema has the property and its type takes the value."""
    p = proxy.schema.get(prop)
    if p is not None and value not in (None, "") and p.type.clean(str(value)) is not None:
        proxy.add(prop, value)


def alias_prop(schema: Any, kind: str) -> str:
    prop = ALIAS_PROPS.get(kind, "alias")
    return prop if prop in schema.properties else "alias"


def identifier_prop(schema: Any, scheme: str) -> str:
    """The FtM property of an identifier's scheme (INN -> innCode); a scheme named by an
    FtM property is that property; else registrationNumber."""
    known = schemes().get(scheme)
    for prop in (*(known.ftm if known else ()), scheme):
        p = schema.get(prop)
        if p is not None and p.type.name == "identifier":
            return prop
    return "registrationNumber"


def shipment_reference(reference: str) -> str:
    """ccdNumber for a customs declaration number, else recordId."""
    return "ccdNumber" if CCD.fullmatch(reference.strip()) else "recordId"


def link_for(kind: str, subject: Any, obj: Any) -> tuple[str, tuple[str, str], str | None]:
    """(schema, (subject's property, object's property), role) of a relationship between
    parties of the given FtM schemata: the schema of its kind where both parties fit its
    ends (an Ownership's asset must be an Asset, a Family's parties Persons), else an
    UnknownLink whose role says the kind."""
    if kind in LINKS:
        from followthemoney import model

        name, a, b = LINKS[kind]
        link: Any = model.get(name)
        if all(party.is_a(link.get(prop).range) for prop, party in ((a, subject), (b, obj))):
            return name, (a, b), None
    return "UnknownLink", ("subject", "object"), None if kind == "other" else \
        kind.replace("_", " ")


def _dates_note(proxy: Any, row: dict[str, Any], prefix: str, label: str,
                said: list[str]) -> None:
    """Keep a date's text in the summary when FtM's one date does not say it exactly."""
    text = row.get(f"{prefix}_text")
    exact = ftm_dates(row, prefix)[0]
    if text and not (len(said) > 1 or (said and said[0] == exact)):  # a set is said whole
        proxy.add("summary", f"{label} as given: {text}")


def add_party_details(p: Any, e: dict[str, Any]) -> None:
    """Countries (the first also as mainCountry when there are more), nationality, birth,
    incorporation and dissolution dates, birth place, gender, legal form, positions, addresses
    and topics of a party."""
    countries = [c for c in [e["country"], *e["other_countries"].split(",")] if c]
    for c in countries:
        _add(p, "country", c.lower())
    if len(countries) > 1:
        _add(p, "mainCountry", countries[0].lower())
    for c in filter(None, e["nationality"].split(",")):
        _add(p, "nationality", c.lower())
    for prefix, prop, label in (("birth", "birthDate", "Birth date"),
                                ("incorporation", "incorporationDate", "Incorporation date"),
                                ("dissolution", "dissolutionDate", "Dissolution date")):
        said = single_dates(e, prefix) if p.schema.get(prop) is not None else []
        for d in said:
            _add(p, prop, d)
        if p.schema.get(prop) is not None:
            _dates_note(p, e, prefix, label, said)
    _add(p, "birthPlace", e["birth_place"])
    _add(p, "gender", e.get("gender"))
    _add(p, "legalForm", e["legal_form"])
    for prop, col in (("position", "position"), ("address", "address")):
        for line in e[col].splitlines():
            _add(p, prop, line.strip())
    for topic in filter(None, e["topics"].split(",")):
        _add(p, "topics", topic)


def sanction_terms(sanc: Any, s: dict[str, Any]) -> None:
    """Programme id, listing, start and end dates, status, reason and source URL of a
    sanction."""
    _add(sanc, "programId", s["program_id"])
    for prefix, prop, label in (("date", "listingDate", "Listing date"),
                                ("start", "startDate", "Start date"),
                                ("end", "endDate", "End date")):
        day = within(s, prefix)
        _add(sanc, prop, day)
        if s.get(f"{prefix}_text") and day != ftm_dates(s, prefix)[0]:
            sanc.add("summary", f"{label} as given: {s[f'{prefix}_text']}")
    # a stated status as it stands, as every view says it (look21: 'in force' went out
    # beside an end date that has passed, which the window and the dossier show as ended);
    # none stated, none written: the end date says it
    held = standing(s["status"], s["end_text"], s.get("end_end"), date.today()).state
    listed = "" if s["status"] else listed_status(s["reason"])
    _add(sanc, "status", STATUS_WORDS.get(held) if s["status"] else listed or None)
    # the list's status words a reason keeps (an import put them there: 'Excluded' means
    # opposite things in two lists) go out as the status they were, not in the reason
    _add(sanc, "reason", (without_listed(s["reason"]) if listed else s["reason"]) or None)
    _add(sanc, "sourceUrl", s["source_url"])


def full_number(x: float) -> str:
    """A number in full (1820340, not 1.82034e+06)."""
    return str(int(x)) if x == int(x) else repr(x)


def sent_from(stop: dict[str, Any], origin: str | None) -> bool:
    """Whether a shipment's first route stop is what FtM's departureCountry says: the
    country of dispatch, with no place or party (those would be lost in it), other than
    the origin (a departure from the origin is no stop to an importer: review31)."""
    return bool(stop["role"] == "dispatch" and stop["country"] and not stop["place"]
                and stop["entity_id"] is None and stop["country"] != origin)


def shipment_summary(s: dict[str, Any], route: list[str]) -> list[str]:
    """What a shipment holds that EconomicActivity has no property for, one part per
    summary value (read back by the importer)."""
    parts = []
    if s["assessed_goods"]:
        parts.append(f"Assessed goods: {s['assessed_goods']}")
    if s["quantity"] is not None:
        parts.append(f"Quantity: {full_number(s['quantity'])} {s['unit']}".strip())
    if s["weight_kg"] is not None:
        parts.append(f"Weight: {full_number(s['weight_kg'])} kg")
    if route:
        parts.append("Route: via " + ", ".join(route))
    if s["shipment_count"] and s["shipment_count"] > 1:
        parts.append(f"Record stands for {s['shipment_count']} shipments")
    if s["dual_use"]:
        parts.append("Dual-use goods")
    if s["date_text"]:
        parts.append(f"Date as given: {s['date_text']}")
    return parts
