"""What a FollowTheMoney party says besides its names and identifiers, as the values of a
Casefile entity: its countries and nationality, birth, incorporation and dissolution dates,
birth place, legal form, position, address, topics and gender."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from casefile.services.exchange.imports.ftm_date_values import given_in_summary, one_of
from casefile.services.exchange.imports.ftm_map import (
    COUNTRY_PROPS,
    NATIONALITY_PROPS,
    Props,
    countries,
    joined,
    strings,
)


def party_details(schema: str, props: Props, left_out: Callable[[str], None],
                  unsure: Callable[[], None] | None = None
                  ) -> tuple[str | None, dict[str, Any], dict[str, str]]:
    """(main country, further entity values, entity column -> the FtM property it came
    from). The main country is the one the file calls so (mainCountry); else, of several,
    the one that is also the party's nationality or jurisdiction (look25: a Russian-born
    person listed 'gb', 'ru' — FtM files list countries by code — was made British); else
    the first, and ``unsure`` hears of it."""
    field: dict[str, str] = {}
    places = countries(props, COUNTRY_PROPS, left_out)
    nation = countries(props, NATIONALITY_PROPS, left_out)
    if len(places) > 1 and "mainCountry" not in props:
        said = [c for _p, c in nation] + [c for _p, c in countries(
            props, ("jurisdiction",), lambda _what: None)]
        hinted = [p for p in places if p[1] in said]
        main = hinted[0] if len(hinted) == 1 else None  # (review26) of two nationalities
        if main is not None:  # among them, neither is the main one more than the other
            places.remove(main)
            places.insert(0, main)
        elif unsure is not None:
            unsure()
    first = places[0][1] if places else None
    if places:
        field["country"] = places[0][0]
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
