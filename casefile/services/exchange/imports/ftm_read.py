'''Read FollowTheMoney files as entities: JSON lines (streamed, one entity a line), a JSON
array, one JSON document (a yente API response, :mod:`.ftm_document`), statements files
(OpenSanctions' ``statements.csv``, :mod:`.ftm_statements`), entities written as
statements (each value with its language); OpenSanctions' ``targets.simple.csv`` is read by
:mod:`.targets_simple`.

A JSON-lines file is read once per pass of the importer; a line whose schema the pass does
not want is recognised by its ``"schema"`` key without parsing the rest. A line holding
nested entities (``targets.nested.json``) is read whole and each entity in it given on its
own (:mod:`.ftm_nested`).'''

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TextIO, cast

from casefile.core.watchlist_datasets import dataset_words
from casefile.errors import ImportFileError
from casefile.services.exchange.imports.ftm_document import document_entities, is_document
from casefile.services.exchange.imports.ftm_nested import flatten, is_nested
from casefile.services.exchange.imports.ftm_statements import (
    TOO_DEEP,
    csv_statements,
    delimiter,
    is_statement,
    is_statement_header,
    json_line,
    json_statements,
)
from casefile.services.exchange.imports.ftm_statements import entities as statement_entities

Record = dict[str, Any]  # id, schema, properties, langs (and _sanctions, _note for CSV rows;
# nested: True for an entity taken out of a nested line)
_SCHEMA = re.compile(r'"schema"\s*:\s*"([^"\\]*)"')


def kind_of_file(f: TextIO) -> str:
    """'array', 'lines' (JSON), 'document' (one JSON object over several lines: a yente
    response, :mod:`.ftm_document`) or 'csv', from the first characters and line."""
    first = f.read(4096).lstrip("\ufeff \t\r\n")
    f.seek(0)
    if first.startswith("["):
        return "array"
    while (line := f.readline()) and not line.strip(" \t\r\n\ufeff"):
        pass
    f.seek(0)
    if not first.startswith("{"):
        line = line.lstrip("\ufeff")
        header = next(csv.reader([line], delimiter=delimiter(line)), [])
        return "statements_csv" if is_statement_header(header) else "csv"
    if is_document(line):
        return "document"
    try:
        return "statements_json" if is_statement(json.loads(line)) else "lines"
    except (json.JSONDecodeError, RecursionError):
        return "lines"  # said with its line and column when read


def entity(raw: Any) -> Record | None:
    """An FtM entity as the importer reads it: properties as lists of values, and the
    language of each value where the file gives one (statements); None if it is none."""
    if not isinstance(raw, dict):
        return None
    props: dict[str, list[Any]] = {}
    langs: dict[tuple[str, str], str] = {}
    given = raw.get("properties") or {}
    if not isinstance(given, dict):
        return None
    for k, v in given.items():
        props[k] = v if isinstance(v, list) else [v]  # every FtM property is a list
    for st in raw.get("statements") or ():
        if isinstance(st, dict) and st.get("prop") and st.get("prop") != "id":
            value = st.get("value")
            props.setdefault(st["prop"], [])
            if value not in props[st["prop"]]:
                props[st["prop"]].append(value)
            if st.get("lang") and isinstance(value, str):
                langs[(st["prop"], " ".join(value.split()))] = st["lang"]
    caption = raw.get("caption")
    rec = {"id": str(raw.get("id") or ""), "schema": str(raw.get("schema") or ""),
           "properties": props, "langs": langs,
           "caption": caption if isinstance(caption, str) else None}
    if "_under" in raw:  # nested under a property the reverse table does not know
        rec["_under"] = raw["_under"]
    if "datasets" in raw or "first_seen" in raw:
        rec["_note"] = _provenance(raw)
    return rec


def _provenance(raw: dict[str, Any]) -> str:
    """What an OpenSanctions entity says of where it comes from — its datasets, first and
    last seen, last change, the ids it was known by, whether it is a target — in the words
    of a targets.simple.csv row's note (look25: dropped from entities.ftm.json, kept from the
    CSV of the same list)."""
    def texts(key: str) -> list[str]:
        v = raw.get(key)
        return [str(x) for x in (v if isinstance(v, list) else [v]) if x not in (None, "")]

    datasets = [dataset_words(d) for d in texts("datasets")]
    parts = ["OpenSanctions: " + ", ".join(datasets)] if datasets else []
    parts += [f"{k.replace('_', ' ')} {v[0]}" for k in ("first_seen", "last_seen",
                                                         "last_change") if (v := texts(k))]
    if referents := [r for r in texts("referents") if r != raw.get("id")]:
        parts.append("also known by the ids " + ", ".join(referents))
    if raw.get("target") is True:
        parts.append("a target of the list")
    return "; ".join(parts)


def json_entities(path: Path, f: TextIO, wanted: Callable[[str], bool],
                  other: Callable[[str], None] | None = None,
                  warn: Callable[[str], None] | None = None
                  ) -> Iterator[tuple[int, Record | None]]:
    """(line, entity) of the entities whose schema is ``wanted``; ``other`` hears the
    schema of each one that is not, ``warn`` what a reader notes. An entity is None when
    the line is not an FtM entity. Statements files (:mod:`.ftm_statements`) are read here
    too."""
    kind = kind_of_file(f)
    seen: set[str] = set()  # the ids of the nested entities given so far
    if kind != "lines":
        # a stream: a big array is never held whole; a document is a response, small;
        # statements are gathered entity by entity
        raws = (_json_array(path, f) if kind == "array" else
                document_entities(path, f, warn) if kind == "document" else
                statement_entities(csv_statements(path, f) if kind == "statements_csv" else
                                   json_statements(path, f), warn))
        for n, raw in raws:
            yield from _entities(n, raw, wanted, other, seen)
        return
    for n, line in enumerate(f, 1):
        if not line.strip():
            continue
        sniffed = _SCHEMA.search(line)
        nested = line.count('"properties"') > 1  # entities nested in it: read them all
        if nested:
            sniffed = None
        if sniffed is not None and not wanted(sniffed.group(1)):
            if other:
                other(sniffed.group(1))
            continue
        raw = json_line(path, n, line)
        if nested:
            yield from _entities(n, raw, wanted, other, seen)
            continue
        # the common flat line, read here (a generator of its own per line costs 0.2 s in
        # 100k)
        schema = str(raw.get("schema", "")) if isinstance(raw, dict) else ""
        if sniffed is None and isinstance(raw, dict) and not wanted(schema):
            if other:
                other(schema)
            continue
        yield n, entity(raw)


def _entities(n: int, raw: Any, wanted: Callable[[str], bool],
              other: Callable[[str], None] | None,
              seen: set[str]) -> Iterator[tuple[int, Record | None]]:
    """The entity of line ``n`` and those nested in it, each of a wanted schema; an entity
    a nested line gives again (``seen``: the ids given so far) is given once, and counted
    once."""
    nested = is_nested(raw)
    for one in flatten(raw) if nested else [raw]:
        if nested and isinstance(one, dict) and (key := str(one.get("id") or "")):
            if key in seen:
                continue
            seen.add(key)
        schema = str(one.get("schema", "")) if isinstance(one, dict) else ""
        if not isinstance(one, dict) or wanted(schema):
            rec = entity(one)
            if rec is not None and nested:
                rec["nested"] = True  # it may be given again under another target
            yield n, rec
        elif other:
            other(schema)


_SPACE = re.compile(r"[ \t\r\n\ufeff]*")


def _json_array(path: Path, f: TextIO) -> Iterator[tuple[int, Any]]:
    """(line, element) of a JSON array, each decoded as soon as the file has been read up to
    its end: a big array is never held whole, only the element being read."""
    decoder = json.JSONDecoder()
    buf, pos, line, eof = "", 0, 1, False

    def more(at_least: int = 1 << 16) -> bool:
        nonlocal buf, pos, eof
        chunk = "" if eof else f.read(at_least)
        if not chunk:
            eof = True
            return False
        buf, pos = buf[pos:] + chunk, 0
        return True

    def skip_space() -> str:
        """The next character that is not white space ('' at the end of the file)."""
        nonlocal pos, line
        while True:
            end = cast(re.Match[str], _SPACE.match(buf, pos)).end()
            line += buf.count("\n", pos, end)
            pos = end
            if pos < len(buf):
                return buf[pos]
            if not more():
                return ""

    def bad(what: str, at: int) -> ImportFileError:
        return ImportFileError(f"{path.name}, line {at}: not valid JSON ({what})")

    if skip_space() != "[":
        raise bad("expected '['", line)
    pos += 1
    first = True
    while True:
        c = skip_space()
        if c == "]":
            pos += 1
            break
        if not first:
            if c != ",":
                raise bad("expected ',' or ']'" if c else "the array is not closed", line)
            pos += 1
            c = skip_space()
        if not c:
            raise bad("the array is not closed", line)
        first = False
        while True:
            try:
                value, end = decoder.raw_decode(buf, pos)
            except json.JSONDecodeError as exc:
                cut = exc.pos >= len(buf) - 6 or exc.msg.startswith("Unterminated string")
                if cut and more(max(1 << 16, len(buf) - pos)):  # perhaps cut off: read on
                    continue
                raise bad(exc.msg, line + buf.count("\n", pos, exc.pos)) from None
            except RecursionError:
                raise ImportFileError(f"{path.name}, line {line}: {TOO_DEEP}") from None
            if end == len(buf) and more():  # a number may go on in the next piece
                continue
            break
        yield line, value
        line += buf.count("\n", pos, end)
        pos = end
    if skip_space():
        raise bad("more text after the array", line)
