"""FtM entities written nested, as OpenSanctions' targets.nested.json and the yente API
write them: for each target, its properties with every referenced entity in place of its id,
and its reverse properties ('sanctions', 'ownershipOwner', …) holding the entities that refer
to it. Mirrors yente's ``nest_entity`` (yente/search/nested.py): adjacent entities are
nested one level from the target, the entities they name one more, and a reference back to
an entity already on the path is left out."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from followthemoney import model
from followthemoney.types import registry


def _props(d: dict[str, Any]) -> dict[str, list[Any]]:
    props = {k: list(v) for k, v in (d.get("properties") or {}).items()}
    for st in d.get("statements") or ():
        props.setdefault(st["prop"], [])
        if st["value"] not in props[st["prop"]]:
            props[st["prop"]].append(st["value"])
    return props


def nested_targets(entities: list[dict[str, Any]],
                   targets: set[str] | None = None) -> list[dict[str, Any]]:
    """One nested entity per target (by default: every entity a Sanction names)."""
    by_id = {d["id"]: {**d, "properties": _props(d)} for d in entities}
    inverted: dict[str, list[tuple[str, str]]] = {}
    for d in by_id.values():
        schema = model.get(d["schema"])
        for prop, values in d["properties"].items():
            p = schema.get(prop)
            if p is not None and p.type == registry.entity and p.reverse is not None:
                for v in values:
                    inverted.setdefault(v, []).append((p.reverse.name, d["id"]))
    if targets is None:
        targets = {v for d in by_id.values() if d["schema"] == "Sanction"
                   for v in d["properties"].get("entity", [])}

    def nest(d: dict[str, Any], path: set[str]) -> dict[str, Any]:
        props: dict[str, list[Any]] = {}
        next_path = path | {d["id"]}
        for rprop, adj in inverted.get(d["id"], []):
            if adj in path or len(path) > 1:
                continue
            props.setdefault(rprop, []).append(nest(by_id[adj], next_path))
        schema = model.get(d["schema"])
        for prop, values in d["properties"].items():
            p = schema.get(prop)
            if p is None or p.type != registry.entity:
                props[prop] = values
                continue
            kept = [nest(by_id[v], next_path) if v in by_id else v for v in values
                    if v not in path]
            if kept:
                props[prop] = kept
        return {"id": d["id"], "caption": model.get_proxy(
                    {"id": d["id"], "schema": d["schema"], "properties": d["properties"]},
                    cleaned=False).caption,
                "schema": d["schema"], "properties": props, "datasets": ["test"],
                "referents": [], "target": d["id"] in targets,
                "first_seen": "2024-01-01T00:00:00", "last_seen": "2026-11-01T00:00:00"}

    return [nest(by_id[t], set()) for t in sorted(targets) if t in by_id]


def write_nested(path: Path, lines: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in lines),
                    "utf-8")
    return path
