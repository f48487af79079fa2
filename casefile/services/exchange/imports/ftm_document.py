"""A FollowTheMoney file that is one JSON document written over many lines: what a person
saves from the yente API (OpenSanctions' self-hosted matching service) or from an entity's
JSON on a website, rather than an export's one-entity-a-line file:

* one entity, pretty-printed, with its neighbours nested in it (``/entities/{id}``);
* a search response, its entities under ``results`` (``/search/{dataset}``);
* a match response, each query's entities under ``responses`` → query → ``results``
  (``/match/{dataset}``): only the candidates yente marks as a match; a result's score
  and features are the service's, not the entity's, and are not kept.

yente sends its responses on one line: such a line is a document too (it has ``results`` or
``responses``, where an entity has ``properties``).

The document is read whole (such responses are small); each entity is given with the line its
``id`` stands on, so a problem names a line a person can find."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TextIO

from casefile.core.labels import counted
from casefile.errors import ImportFileError
from casefile.services.exchange.imports.ftm_statements import json_line

MAX_CHARS = 256 * 1024 * 1024  # a response of this size is an export saved the wrong way
_NOT_ENTITIES = ("not a FollowTheMoney entity, nor a yente response holding entities "
                 "(an object with schema and properties, or with results)")


def is_document(first_line: str) -> bool:
    """Whether a file whose first line is ``first_line`` is one JSON document: an object over
    several lines, or a yente response on one line as the API sends it (the first line of a
    JSON-lines file is a whole entity)."""
    text = first_line.strip().lstrip("\ufeff")
    if not text.startswith("{"):
        return False
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:  # cut off at the line's end: it goes on below;
        return exc.pos >= len(text)  # broken within the line: a bad JSON line, said so
    except RecursionError:
        return False
    return isinstance(doc, dict) and "properties" not in doc and (
        isinstance(doc.get("results"), list) or isinstance(doc.get("responses"), dict))


def document_entities(path: Path, f: TextIO, warn: Callable[[str], None] | None = None
                      ) -> Iterator[tuple[int, Any]]:
    """(line, entity as the file gives it) of every entity the document holds; ``warn``
    hears of the candidates of a match response that yente did not find to match, which
    are not given (a look-alike is not the person a list names)."""
    text = f.read(MAX_CHARS + 1)
    if len(text) > MAX_CHARS:
        raise ImportFileError(f"{path.name}: one JSON object of more than "
                              f"{MAX_CHARS // (1024 * 1024)} MB; a FollowTheMoney export "
                              "gives one entity a line")
    doc = json_line(path, 1, text.lstrip("\ufeff"))
    found = _entities_of(doc)
    if found is None:
        raise ImportFileError(f"{path.name}, line 1: {_NOT_ENTITIES}")
    unmatched = [x for x in found if isinstance(x, dict) and x.get("match") is False]
    if unmatched:
        if warn is not None:
            warn(f"{path.name}: {counted(len(unmatched), 'candidate')} of the match response "
                 "that yente did not mark as a match (\"match\": false) not imported")
        found = [x for x in found if not (isinstance(x, dict) and x.get("match") is False)]
    at, line = 0, 1
    for one in found:
        key = one.get("id") if isinstance(one, dict) else None
        pos = text.find(f'"id": {json.dumps(key)}', at) if isinstance(key, str) else -1
        if pos < 0 and isinstance(key, str):
            pos = text.find(json.dumps(key), at)
        if pos >= 0:  # the entity's own id: its line
            line += text.count("\n", at, pos)
            at = pos
        yield line, one


def _entities_of(doc: Any) -> list[Any] | None:
    if not isinstance(doc, dict):
        return None
    if "schema" in doc and "properties" in doc:
        return [doc]
    if isinstance(doc.get("results"), list):
        return list(doc["results"])
    if isinstance(doc.get("responses"), dict):
        out: list[Any] = []
        for response in doc["responses"].values():
            if isinstance(response, dict) and isinstance(response.get("results"), list):
                out += response["results"]
        return out
    return None
