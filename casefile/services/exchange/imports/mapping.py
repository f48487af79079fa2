"""Which column feeds which shipment field, and fixed values for fields no column feeds:
guessed from the header against the known layouts (:mod:`.layouts`), shown to be corrected,
saved by name."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pycountry

from casefile.core.countries import CountryError, country_code
from casefile.errors import MappingError
from casefile.paths import user_data_dir
from casefile.services.exchange.imports.fields import COUNTRIES, ESSENTIAL, FILE_FIELDS, TARGETS
from casefile.services.exchange.imports.layouts import (
    GENERIC,
    Layout,
    bracketed,
    recognise,
)
from casefile.services.exchange.imports.values import (
    ValueProblem,
    parse_date,
    parse_number,
    parse_weight,
)

CONSTANTS_KEY = "constants"  # the key of the fixed values in a saved mapping


@dataclass
class ColumnMapping:
    """field -> column name, field -> fixed value (for fields no column feeds), and the
    layout the columns were recognised as (None: a mapping given by hand)."""

    columns: dict[str, str] = field(default_factory=dict)
    constants: dict[str, str] = field(default_factory=dict)
    layout: Layout | None = None

    def missing(self) -> list[str]:
        """The essential fields (date, parties, goods, origin, destination) that neither a
        column nor a fixed value feeds."""
        return [f for f in ESSENTIAL if f not in self.columns and not self.constants.get(f)]

    def key(self) -> tuple[Any, ...]:
        """What the import depends on, comparable (to tell whether a check still holds)."""
        return tuple(sorted(self.columns.items())), tuple(sorted(self.constants.items()))

    def with_constants(self, constants: dict[str, str]) -> ColumnMapping:
        """This mapping with fixed values that win: a field they name takes no column."""
        return ColumnMapping({t: c for t, c in self.columns.items() if t not in constants},
                             {**self.constants, **constants}, self.layout)

    def to_json(self) -> dict[str, Any]:
        """A saved mapping: field -> column name as always, and the fixed values apart."""
        out: dict[str, Any] = dict(self.columns)
        if self.constants:
            out[CONSTANTS_KEY] = dict(self.constants)
        return out


def as_mapping(mapping: ColumnMapping | dict[str, str]) -> ColumnMapping:
    """A plain field -> column dict (the form of old saved mappings) as a ColumnMapping."""
    if isinstance(mapping, ColumnMapping):
        return mapping
    return ColumnMapping({str(k): str(v) for k, v in mapping.items()})


def guess_mapping(header: list[str]) -> ColumnMapping:
    """The mapping of the layout the header matches best (see :func:`.layouts.recognise`):
    its columns in its order of preference, the fixed values they imply (a unit or currency
    in the column name, or the layout's own), the generic vocabulary for fields the layout
    leaves open, and the layout's constants for fields still without a column."""
    found = recognise(header)
    lay = found.layout
    if lay.kind != "shipments":
        return ColumnMapping(layout=lay)  # nothing to map: such a file is refused
    columns: dict[str, str] = {}
    implied: dict[str, str] = {}
    used: set[int] = set()
    rounds = [(lay, found.matches)]
    if not lay.generic:  # what the layout knows, the generic vocabulary does not take
        known = {i for _p, i, _f, _k in found.matches}
        generic = recognise(header, GENERIC)
        rounds.append((generic.layout, tuple(m for m in generic.matches if m[1] not in known)))
    for source, matches in rounds:
        for _pref, i, target, name in matches:
            if not target or target in columns or i in used:
                continue
            columns[target] = header[i]
            used.add(i)
            implied.update(_units(header[i], target))
            implied.update(source.implies.get(name, {}))  # the layout knows best
    for target in implied:
        columns.pop(target, None)  # the value's own unit or currency wins over a column
    constants = dict(implied)
    for target, value in lay.constants.items():
        if target not in columns and target not in constants:
            constants[target] = value
    return ColumnMapping(columns, constants, lay)


def _units(column: str, target: str) -> dict[str, str]:
    """A unit in a column's name: 'Weight (lb)' is in pounds, 'Value (EUR)' in euros."""
    for part in bracketed(column):
        if target == "weight" and part and _is_weight_unit(part):
            return {"weight_unit": part.lower()}
        if target == "value" and re.fullmatch(r"[A-Za-z]{3}", part) and \
                pycountry.currencies.get(alpha_3=part.upper()) is not None:
            return {"currency": part.upper()}
    return {}


def _is_weight_unit(text: str) -> bool:
    try:
        parse_weight("1", text)
    except ValueProblem:
        return False
    return True


# a file must feed one of these for a shipment to be read at all
PARTIES_OR_GOODS = ("shipper", "consignee", "declared_goods")


def check_mapping(mapping: ColumnMapping, header: list[str], file_name: str) -> None:
    """A mapping that names a field Casefile lacks, a column the file lacks, or a fixed
    value that is not a value of its field, is refused, naming it."""
    unknown = [t for t in [*mapping.columns, *mapping.constants] if t not in TARGETS]
    if unknown:
        raise MappingError(f"The mapping names unknown field(s): {', '.join(unknown)}; fields "
                           f"are {', '.join(TARGETS)}")
    per_file = [t for t in mapping.columns if t in FILE_FIELDS]
    if per_file:
        raise MappingError(f"{', '.join(TARGETS[t] for t in per_file)} describes the whole "
                           "file: give it as a fixed value (--set source=VENDOR), not a column")
    missing = [c for c in mapping.columns.values() if c not in header]
    if missing:
        raise MappingError(f"{file_name}, line 1: the mapping names column(s) the file lacks: "
                           f"{', '.join(repr(c) for c in missing)} (the file has "
                           f"{', '.join(repr(h) for h in header)})")
    for target, value in mapping.constants.items():
        check_constant(target, value)
    fed = set(mapping.columns) | {t for t, v in mapping.constants.items() if v}
    if not fed & set(PARTIES_OR_GOODS) and (what := _entities_file(header, file_name)):
        raise MappingError(f"{file_name} is {what}, not a table of shipments: import it with "
                           "'casefile import-ftm' (in the window: File → Import Entities "
                           "(FollowTheMoney, OpenSanctions)…)")
    if not fed & set(PARTIES_OR_GOODS):
        raise MappingError(f"{file_name}: no column could be matched to a shipper, consignee or "
                           "goods: say which column holds them (under Columns in the import "
                           "dialog, or with --mapping on the command line)")


def _entities_file(header: list[str], file_name: str) -> str:
    """What a file of entities read as a table of shipments is ('' for none): OpenSanctions'
    targets.simple.csv or statements.csv, or FollowTheMoney JSON (look25: each was answered
    'no column could be matched to a shipper', never pointing to the import that reads
    them)."""
    columns = {h.strip().lower() for h in header}
    if {"schema", "prop", "value"} <= columns:
        return "a file of FollowTheMoney statements (as OpenSanctions' statements.csv)"
    if {"id", "schema", "name"} <= columns:
        return "a list of entities (as OpenSanctions' targets.simple.csv)"
    first = ",".join(header).lstrip("\ufeff \t[")
    if (first.startswith("{") and '"schema"' in first) or file_name.lower().endswith(
            (".json", ".jsonl", ".ndjson")):
        return "JSON (FollowTheMoney entities, if it holds any)"
    return ""


def check_constant(target: str, value: str) -> None:
    """Refuse a fixed value its field cannot hold (a country Casefile does not know, a date
    or number that does not read), saying which."""
    problem = None
    try:
        if target in COUNTRIES:
            country_code(value)
        elif target == "date":
            parse_date(value)
        elif target in ("quantity", "value", "shipment_count"):
            parse_number(value)
        elif target == "weight":
            parse_weight(value)
        elif target == "weight_unit" and not _is_weight_unit(value):
            problem = f"{value!r} is not a weight unit (kg, t, lb)"
    except (ValueProblem, CountryError) as exc:
        problem = str(exc)
    if problem:
        raise MappingError(f"The fixed value for {TARGETS.get(target, target).lower()} "
                           f"({target}) cannot be used: {problem}")


def mappings_dir() -> Path:
    d = user_data_dir() / "mappings"
    d.mkdir(parents=True, exist_ok=True)
    return d


def check_mapping_name(name: str) -> str:
    """``name`` if a mapping may be saved under it (asked before an import that saves one,
    so that a bad name does not fail the command after the import is done)."""
    if not re.fullmatch(r"[\w .-]{1,80}", name):
        raise MappingError(f"A mapping name may use letters, digits, space, '.', '-', not "
                           f"{name!r}")
    return name


def save_mapping(name: str, mapping: ColumnMapping | dict[str, str]) -> Path:
    path = mappings_dir() / f"{check_mapping_name(name)}.json"
    path.write_text(json.dumps(as_mapping(mapping).to_json(), ensure_ascii=False, indent=1),
                    "utf-8")
    return path


def saved_mappings() -> list[str]:
    """Names of the mappings saved by the user, sorted."""
    return sorted((p.stem for p in mappings_dir().glob("*.json")), key=str.casefold)


def load_mapping(name_or_path: str) -> ColumnMapping:
    """A saved mapping: field -> column name, and its fixed values under "constants" (files
    saved before there were fixed values have none)."""
    path = Path(name_or_path)
    if not path.is_file():
        path = mappings_dir() / f"{name_or_path}.json"
    if not path.is_file():
        raise MappingError(f"No saved mapping called {name_or_path!r} (and no such file)")
    try:
        data = json.loads(path.read_text("utf-8"))
    except ValueError as exc:  # not JSON, or not UTF-8
        raise MappingError(f"{path.name} is not a mapping (field -> column): {exc}") from None
    if not isinstance(data, dict):
        raise MappingError(f"{path.name} is not a mapping (field -> column)")
    fixed = data.pop(CONSTANTS_KEY, {})
    if not isinstance(fixed, dict):
        raise MappingError(f"{path.name}: its {CONSTANTS_KEY!r} are not field -> value")
    return ColumnMapping({str(k): str(v) for k, v in data.items()},
                         {str(k): str(v) for k, v in fixed.items()})
