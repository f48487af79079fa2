"""FollowTheMoney statements: each value of each entity on a row of its own, with the dataset
that says it and its language — OpenSanctions' ``statements.csv`` (the most detailed of its
exports) and the JSON-lines form FollowTheMoney writes (``ftm`` statement tools). The columns
are read by name (FollowTheMoney 4's ``canonical_id, entity_id, prop, prop_type, schema,
value, dataset, origin, lang, …`` and nomenklatura's older order alike).

The statements of an entity follow each other (the exports write them entity by entity): a
run of rows with one ``canonical_id`` (else ``entity_id``) is one entity, given to the
importer as an entity written as statements, each value with its language. The row that
holds only the entity's id (``prop`` ``id``) carries no value. Of several schemata that the
datasets gave an entity, the most specific that holds them all is its schema (as
FollowTheMoney merges them); where none does, the first row's, and the others are said."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from casefile.errors import ImportFileError

REQUIRED = ("entity_id", "prop", "schema", "value")


def is_statement_header(header: list[str]) -> bool:
    return all(c in header for c in REQUIRED)


def is_statement(obj: Any) -> bool:
    """Whether a JSON line is a statement rather than an entity."""
    return isinstance(obj, dict) and "properties" not in obj and all(
        c in obj for c in REQUIRED)


def csv_statements(path: Path, f: TextIO) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line, row) of a statements CSV (the header is line 1; a value on several lines
    counts them)."""
    reader = csv.DictReader(f)
    if not is_statement_header(list(reader.fieldnames or [])):
        raise ImportFileError(f"{path.name}, line 1: not a FollowTheMoney statements file "
                              f"(columns {', '.join(REQUIRED)})")
    line = 2
    for row in reader:
        yield line, row
        line = reader.line_num + 1


def json_statements(path: Path, f: TextIO) -> Iterator[tuple[int, dict[str, Any]]]:
    for n, text in enumerate(f, 1):
        if not text.strip():
            continue
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ImportFileError(f"{path.name}, line {n}, column {exc.colno}: not valid "
                                  f"JSON ({exc.msg})") from None
        if not is_statement(obj):
            raise ImportFileError(f"{path.name}, line {n}: not a FollowTheMoney statement "
                                  f"(an object with {', '.join(REQUIRED)})")
        yield n, obj


def entities(rows: Iterable[tuple[int, dict[str, Any]]],
             warn: Callable[[str], None] | None = None) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line of its first statement, entity written as statements) of each run of rows of
    one entity."""
    key: str | None = None
    first = 0
    group: list[dict[str, Any]] = []
    for line, row in rows:
        k = row.get("canonical_id") or row.get("entity_id") or ""
        if group and k != key:
            yield first, _entity(key or "", group, warn)
            group = []
        if not group:
            key, first = k, line
        group.append(row)
    if group:
        yield first, _entity(key or "", group, warn)


def _entity(key: str, rows: list[dict[str, Any]],
            warn: Callable[[str], None] | None) -> dict[str, Any]:
    schemata = list(dict.fromkeys(str(r.get("schema") or "") for r in rows))
    schema = _common(schemata)
    if schema is None:
        schema = schemata[0]
        if warn is not None:
            warn(f"statements of {key}: schemata {', '.join(schemata)} hold no common one; "
                 f"read as {schema}")
    return {"id": key, "schema": schema, "properties": {},
            "statements": [{"prop": r["prop"], "value": r.get("value"),
                            "lang": r.get("lang") or None}
                           for r in rows if r.get("prop") and r["prop"] != "id"]}


def _common(schemata: list[str]) -> str | None:
    """The most specific schema that is each of ``schemata`` (FollowTheMoney's model; where
    the package is not installed, only one schema given is certain)."""
    if len(schemata) == 1:
        return schemata[0]
    try:
        from followthemoney import model
        from followthemoney.exc import InvalidData
    except ImportError:  # the frozen build carries no followthemoney
        return None
    try:
        common = model.get(schemata[0])
        for name in schemata[1:]:
            common = model.common_schema(common, name)
        return common.name if common is not None else None
    except (InvalidData, KeyError, TypeError, ValueError):
        return None
