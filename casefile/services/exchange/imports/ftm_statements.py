"""FollowTheMoney statements: each value of each entity on a row of its own, with the dataset
that says it and its language — OpenSanctions' ``statements.csv`` (the most detailed of its
exports) and the JSON-lines form FollowTheMoney writes (``ftm`` statement tools). The columns
are read by name (FollowTheMoney 4's ``canonical_id, entity_id, prop, prop_type, schema,
value, dataset, origin, lang, …`` and nomenklatura's older order alike).

The statements of an entity follow each other (the exports write them entity by entity): a
run of rows with one ``canonical_id`` (else ``entity_id``) is one entity, given to the
importer as an entity written as statements, each value with its language. The row that
holds only the entity's id (``prop`` ``id``) carries no value. Of several schemata that the
datasets gave an entity, the one that is each of the others is its schema (as
FollowTheMoney merges them: LegalEntity and Person make a Person), from a table of the
model kept as data, so the frozen build (without followthemoney) merges them alike; where
none is, the schema the id rows give, said."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import Any, TextIO

from casefile.errors import ImportFileError
from casefile.paths import resource_path

REQUIRED = ("entity_id", "prop", "schema", "value")
TOO_DEEP = "not readable: its JSON is nested too deeply"


def is_statement_header(header: list[str]) -> bool:
    return all(c in header for c in REQUIRED)


def is_statement(obj: Any) -> bool:
    """Whether a JSON line is a statement rather than an entity."""
    return isinstance(obj, dict) and "properties" not in obj and all(
        c in obj for c in REQUIRED)


# the longest CSV value read (Python's csv stops at 131,072 characters; a statement's
# description may be longer, and is then cut to what its field holds, and said)
FIELD_LIMIT = 1 << 28


def delimiter(header: str) -> str:
    """The delimiter of a CSV from its header line: ',' as OpenSanctions writes it, a tab
    where Excel saved it as "Unicode Text" (UTF-16), ';' where a European Excel saved it as
    CSV (look15: a tab-separated targets.simple.csv was refused)."""
    cells = {d: len(next(csv.reader([header], delimiter=d), [])) for d in (",", "\t", ";")}
    return max(cells, key=lambda d: cells[d])  # a tie (one column) keeps ','


def csv_dicts(path: Path, f: TextIO) -> tuple[list[str], Iterator[tuple[int, dict[str, Any]]]]:
    """(header, (line, row) of each row) of a CSV with a header line, blank lines before it
    skipped; a row that cannot be read is an ImportFileError naming its line."""
    csv.field_size_limit(max(csv.field_size_limit(), FIELD_LIMIT))
    skipped = 0
    first = f.readline()
    while first and not first.strip(" \t\r\n\ufeff"):
        skipped += 1
        first = f.readline()
    first = first.lstrip("\ufeff")
    reader = csv.DictReader(chain([first], f), delimiter=delimiter(first))
    try:
        header = list(reader.fieldnames or [])
    except csv.Error as exc:
        raise ImportFileError(f"{path.name}, line {skipped + 1}: {exc}") from None

    def rows() -> Iterator[tuple[int, dict[str, Any]]]:
        line = skipped + 2
        try:
            for row in reader:
                if None in row.values():  # fewer cells than the header: a row cut short
                    cells = sum(v is not None for v in row.values())
                    raise ImportFileError(
                        f"{path.name}, line {line}: the row has {cells} of the header's "
                        f"{len(header)} cells — was the file cut short (a download that did "
                        "not finish)? Nothing was loaded from it")
                yield line, row
                line = skipped + reader.line_num + 1
        except csv.Error as exc:
            raise ImportFileError(f"{path.name}, line {line}: {exc}") from None

    return header, rows()


def csv_statements(path: Path, f: TextIO) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line, row) of a statements CSV (a value on several lines counts them)."""
    header, rows = csv_dicts(path, f)
    if not is_statement_header(header):
        raise ImportFileError(f"{path.name}, line 1: not a FollowTheMoney statements file "
                              f"(columns {', '.join(REQUIRED)})")
    yield from rows


def json_line(path: Path, n: int, text: str) -> Any:
    """The JSON that starts on line ``n`` (a line of a JSON-lines file, or a document over
    several), decoded; an ImportFileError naming the line and column where it is not
    JSON."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFileError(f"{path.name}, line {n + exc.lineno - 1}, column {exc.colno}: "
                              f"not valid JSON ({exc.msg})") from None
    except RecursionError:
        raise ImportFileError(f"{path.name}, line {n}: {TOO_DEEP}") from None


def json_statements(path: Path, f: TextIO) -> Iterator[tuple[int, dict[str, Any]]]:
    for n, text in enumerate(f, 1):
        if not text.strip():
            continue
        obj = json_line(path, n, text)
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
    schema = common_schema(schemata)
    if schema is None:  # no schema is all of them: the one the id rows give, if one
        named = {str(r.get("schema") or "") for r in rows if r.get("prop") == "id"}
        schema = named.pop() if len(named) == 1 else schemata[0]
        if warn is not None:
            warn(f"statements of {key}: no schema is each of {', '.join(schemata)}; read "
                 f"as {schema}")
    return {"id": key, "schema": schema, "properties": {},
            "statements": [{"prop": r["prop"], "value": r.get("value"),
                            "lang": r.get("lang") or None}
                           for r in rows if r.get("prop") and r["prop"] != "id"]}


@lru_cache(maxsize=1)
def _is_a() -> dict[str, frozenset[str]]:
    data = json.loads(resource_path("ftm", "schemata.json").read_text("utf-8"))
    return {k: frozenset(v) for k, v in data["is_a"].items()}


def schema_names() -> frozenset[str]:
    """Every FollowTheMoney schema's name (resources/ftm/schemata.json)."""
    return frozenset(_is_a())


def common_schema(schemata: list[str]) -> str | None:
    """The one of ``schemata`` that is each of the others (LegalEntity and Person: Person),
    as FollowTheMoney's model.common_schema merges them; None where none is (the table of
    what each schema is comes from the model: resources/ftm/schemata.json)."""
    if len(schemata) == 1:
        return schemata[0]
    table = _is_a()
    for one in schemata:
        if all(other in table.get(one, ()) for other in schemata):
            return one
    return None
