"""FollowTheMoney entities written nested, as OpenSanctions' ``targets.nested.json`` and the
yente API (``/entities/{id}``, nested) write them: one line per target, the entities next to
it inside its properties.

Two kinds of property hold a nested entity:

* a forward property ('asset' of an Ownership, 'holder' of a Passport): the value is the
  entity the id would name; it becomes that id again;
* a reverse property ('sanctions', 'ownershipOwner', 'familyPerson'): the entities whose
  forward property names this one ('sanctions' holds the Sanction entities whose 'entity' is
  this target). The nested entity leaves that reference out (it would point back); it is put
  back, and the reverse property itself (which FtM never stores) is dropped.

Each entity is given once, however often it is nested in the file: the first time with
what that line says of it, later times as the same entity again (the importer reuses it).
The table of reverse properties comes from FollowTheMoney's model
(``resources/ftm/reverse.json``; a test holds it to the installed model)."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from casefile.paths import resource_path

MAX_DEPTH = 8  # yente nests two levels; deeper is a file that loops


@lru_cache(maxsize=1)
def reverse_properties() -> dict[str, list[tuple[str, str]]]:
    """Reverse property -> [(schema holding the forward property, forward property)]."""
    data = json.loads(resource_path("ftm", "reverse.json").read_text("utf-8"))
    return {k: [(s, p) for s, p in v] for k, v in data["reverse"].items()}


@lru_cache(maxsize=1)
def forward_properties() -> frozenset[str]:
    """Every forward property the reverse table names ('entity', 'owner', 'holder' …)."""
    return frozenset(p for pairs in reverse_properties().values() for _s, p in pairs)


def is_nested(raw: Any) -> bool:
    """Whether any property of the entity holds an entity rather than an id."""
    props = raw.get("properties") if isinstance(raw, dict) else None
    if not isinstance(props, dict):
        return False
    return any(isinstance(v, dict) or (isinstance(v, list) and any(isinstance(x, dict)
                                                                    for x in v))
               for v in props.values())


def flatten(raw: dict[str, Any]) -> list[dict[str, Any]]:
    """The entity and every entity nested in it, each with ids in place of nested entities
    (the outer one first)."""
    out: list[dict[str, Any]] = []
    _walk(raw, out, 0)
    return out


def _walk(raw: dict[str, Any], out: list[dict[str, Any]], depth: int) -> None:
    props = raw.get("properties")
    flat = dict(raw)
    out.append(flat)
    if not isinstance(props, dict):
        return
    kept: dict[str, Any] = {}
    for name, values in props.items():
        items = values if isinstance(values, list) else [values]
        if not any(isinstance(v, dict) for v in items):
            kept[name] = values
            continue
        reverse = reverse_properties().get(name)
        ids = []
        for v in items:
            if not isinstance(v, dict):
                ids.append(v)
                continue
            child = dict(v)
            if reverse is not None and raw.get("id"):  # it names this entity: say so again
                forward = _forward(reverse, str(child.get("schema") or ""))
                child_props = dict(child.get("properties") or {})
                named = child_props.get(forward) or []
                named = named if isinstance(named, list) else [named]
                if raw["id"] not in named:
                    child_props[forward] = [*named, raw["id"]]
                child["properties"] = child_props
            elif child.get("id"):
                ids.append(child["id"])
                if name not in forward_properties():  # a newer model's reverse property?
                    child["_under"] = f"{raw.get('schema')} {raw.get('id')} {name!r}"
            if depth < MAX_DEPTH:
                _walk(child, out, depth + 1)
        if reverse is None and ids:
            kept[name] = ids
    flat["properties"] = kept


def _forward(reverse: list[tuple[str, str]], schema: str) -> str:
    """The forward property of the nested entity's schema ('messagesSent' of a Message is
    'sender', of an Email 'emitters'); the only one where there is one."""
    return next((p for s, p in reverse if s == schema), reverse[0][1])
