"""The two sides of a comparison: a party of the case (:class:`Party`) and a watchlist entry
(:class:`Entry`), and which FollowTheMoney schemata can be compared at all.

A Casefile kind is screened as its FtM schema (a person as ``Person``, never as a company:
the names of people and of companies are analysed differently)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from casefile.core import identifiers as ids

# Casefile entity kind -> FollowTheMoney schema
KIND_SCHEMA = {"person": "Person", "company": "Company", "organisation": "Organization",
               "public_body": "PublicBody", "vessel": "Vessel", "aircraft": "Airplane",
               "other": "LegalEntity"}
# the schemata a watchlist keeps (what can be matched against a party)
MATCHABLE = ("Person", "Company", "Organization", "LegalEntity", "PublicBody", "Vessel",
             "Airplane")
_ORGS = frozenset({"Company", "Organization", "PublicBody"})
# FtM properties holding a name; weak aliases are compared apart (they score less)
NAME_PROPS = ("name", "alias", "previousName", "abbreviation")
WEAK_PROPS = ("weakAlias",)
COUNTRY_PROPS = ("country", "nationality", "citizenship", "jurisdiction", "mainCountry",
                 "flag", "registrationCountry")
ID_PROPS = ("innCode", "ogrnCode", "okpoCode", "kppCode", "leiCode", "swiftBic",
            "imoNumber", "mmsi", "registrationNumber", "taxNumber", "idNumber",
            "passportNumber", "vatCode", "uniqueEntityId", "dunsCode", "icaoCode",
            "serialNumber", "callSign")


def comparable(a: str, b: str) -> bool:
    """Whether entities of schemata ``a`` and ``b`` may be the same (FtM's can-match: one is
    the other, or both are kinds of organisation, or one is the generic LegalEntity of a
    person or organisation)."""
    if a == b:
        return True
    if {a, b} <= _ORGS:
        return True
    legal = {"Person", "LegalEntity", *_ORGS}
    return "LegalEntity" in (a, b) and {a, b} <= legal


# a sole trader's legal form before its owner's name: Russian and Kazakh ИП (индивидуальный
# предприниматель), Ukrainian ФОП / ФЛП (фізична особа-підприємець), and their translation
# — a person trading in their own name, whom trade files list as a company (look23: ИП
# ГРИГОРЬЕВ ЁЖИК АЛЕКСАНДРОВИЧ was never compared with the person on the list)
_SOLE_TRADER = re.compile(r"^\s*(?:ИП|И\.\s?П\.|ИНДИВИДУАЛЬНЫЙ\s+ПРЕДПРИНИМАТЕЛЬ|ФОП|ФЛП|"
                          r"ФІЗИЧНА\s+ОСОБА[\s-]+ПІДПРИЄМЕЦЬ|INDIVIDUAL\s+ENTREPRENEUR)"
                          r"(?:\s*[-:,]\s*|\s+)(.*\S)", re.IGNORECASE)
# what follows the owner's name in a customs cell: its taxpayer number
_TAX_NUMBER = re.compile(r"[\s,;]+(?:ИНН|INN|ІПН|РНОКПП)?[\s:№]*\d{8,12}\s*$", re.IGNORECASE)
# words of a trade name, not of a person's (review24: ИП "Альфа Трейд", ИП Групп Холдинг)
_TRADE_WORDS = frozenset({"групп", "холдинг", "трейд", "торговый", "дом", "компания", "сервис",
                          "плюс", "строй", "снаб", "экспорт", "импорт", "логистик", "group",
                          "holding", "trade", "trading", "service", "company"})


def sole_trader(name: str) -> str | None:
    """The owner's name of a sole trader's name ('ИП Григорьев Ёжик Александрович ИНН
    ...' -> 'Григорьев Ёжик Александрович'), None for any other name — and for a trade
    name in quotes ('ИП «Торговый Дом»'), which names no person."""
    m = _SOLE_TRADER.match(name)
    if m is None or m.group(1)[:1] in "\"«'“„":
        return None
    person = _TAX_NUMBER.sub("", m.group(1)).strip(' ,"«»')
    words = person.split()
    if not 2 <= len(words) <= 4 or any(c.isdigit() or c in "\"«»" for c in person) \
            or _TRADE_WORDS & {w.casefold().strip(".,") for w in words}:
        return None
    return person


def name_type(schema: str) -> str:
    """'PER', 'ORG', 'ENT' or 'OBJ': how rigour analyses the names of a schema."""
    if schema == "Person":
        return "PER"
    if schema in _ORGS:
        return "ORG"
    if schema in ("Vessel", "Airplane"):
        return "OBJ"
    return "ENT"


@dataclass
class Party:
    """A case party as screened: its names (name and aliases, any script), ISO countries,
    birth dates (ISO prefixes: '1952', '1952-08-20'), identifiers as (scheme, value)."""

    id: int
    schema: str
    names: list[str]
    countries: set[str] = field(default_factory=set)
    birth_dates: list[str] = field(default_factory=list)
    identifiers: list[tuple[str, str]] = field(default_factory=list)
    gender: str = ""

    @cached_property
    def org_ids(self) -> dict[str, set[str]]:
        """Its identifiers that name one party, by scheme (worked out once, not for every
        entry it is scored against)."""
        return checked_ids(self.identifiers)


@dataclass
class Entry:
    """A watchlist entry: its FtM id, schema, caption and properties (lists of values)."""

    key: str
    schema: str
    caption: str
    properties: dict[str, list[str]]
    datasets: list[str] = field(default_factory=list)
    last_change: str = ""
    first_seen: str = ""  # when OpenSanctions first saw it listed (not the listing date)

    def values(self, *props: str) -> list[str]:
        return [v for p in props for v in self.properties.get(p, ())]

    @property
    def names(self) -> list[str]:
        return list(dict.fromkeys(self.values(*NAME_PROPS) or [self.caption]))

    @property
    def weak_aliases(self) -> list[str]:
        return self.values(*WEAK_PROPS)

    @property
    def countries(self) -> set[str]:
        return {c.lower()[:2] for c in self.values(*COUNTRY_PROPS) if c}

    @property
    def birth_dates(self) -> list[str]:
        return self.values("birthDate")

    @property
    def identifiers(self) -> list[tuple[str, str]]:
        return [(p, v) for p in ID_PROPS for v in self.properties.get(p, ())]

    @property
    def topics(self) -> list[str]:
        return self.values("topics")

    @cached_property
    def org_ids(self) -> dict[str, set[str]]:
        """Its identifiers that name one party, by scheme (a tax office's reason code is
        shared by many: left out); worked out once, not for every party scored against it."""
        return checked_ids([(p, v) for p, v in self.identifiers if p != "kppCode"])

    def compared(self) -> dict[str, list[str]]:
        """What screening compares of the entry — its kind, every name, birth date, country
        and identifier value (schemes apart) — whatever file or layout gave them: a
        decision on a hit holds while it is unchanged (look30: the same list loaded from
        its targets.simple.csv instead of its FtM file reopened every decision, 'the list
        entry changed', for properties the CSV does not carry)."""
        def fold(values: Any) -> list[str]:
            return sorted({" ".join(str(v).casefold().split()) for v in values if v})
        return {"kind": [name_type(self.schema)],
                "names": fold([*self.names, *self.weak_aliases]),
                "birth dates": fold(d[:10] for d in self.birth_dates),
                "countries": fold(self.countries),
                "identifiers": fold(re.sub(r"[\W_]", "", v) for _p, v in self.identifiers)}

    def snapshot(self) -> dict[str, Any]:
        """The entry as kept with a hit: enough to defend a decision after the list changes."""
        return {"id": self.key, "schema": self.schema, "caption": self.caption,
                "datasets": self.datasets, "last_change": self.last_change,
                "properties": self.properties,
                **({"first_seen": self.first_seen} if self.first_seen else {})}


def checked_ids(pairs: list[tuple[str, str]]) -> dict[str, set[str]]:
    """scheme -> values, of the identifiers that name one party and pass their checks (an
    INN under registrationNumber is an INN: its check digits say so)."""
    out: dict[str, set[str]] = {}
    for hint, value in pairs:
        key = ids.match_key(ids.detect_scheme(value, hint), value)
        if key is not None:
            out.setdefault(key[0], set()).add(key[1])
    return out
