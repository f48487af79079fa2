"""Casefile's own JSON case format (``casefile-case-json``): records with local keys, which
the loader turns into rows in one operation. The demo case is shipped in this form."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casefile.errors import ImportFileError, ValidationError
from casefile.services.case.journal import Tx
from casefile.services.case.operations import insert_row, replace_children
from casefile.services.case.validation import clean
from casefile.store.schema import CITATION_COLUMNS

if TYPE_CHECKING:
    from casefile.services.case.facade import Case, Change

FORMAT = "casefile-case-json"


class CaseJsonError(ImportFileError):
    """A problem in a case JSON file, naming the record and field."""


def load_case_json(case: Case, path: str | Path) -> Change:
    path = Path(path)
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise CaseJsonError(f"{path.name}: cannot be read as JSON: {exc}") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise CaseJsonError(f"{path.name}: not a Casefile case JSON file")
    return case.operation(f"Load {path.name}", lambda tx: _load(tx, data, path.parent))


def _load(tx: Tx, data: dict[str, Any], folder: Path) -> dict[str, int]:
    keys: dict[str, int] = {}
    where = ""

    def ref(key: str | None) -> int | None:
        if key is None:
            return None
        if key not in keys:
            raise CaseJsonError(f"{where}: unknown key {key!r}")
        return keys[key]

    def cites(kind: str, rid: int, items: list[dict[str, Any]]) -> None:
        for c in items:
            insert_row(tx, "citation", {"source_id": ref(c["source"]),
                                        CITATION_COLUMNS[kind]: rid,
                                        "excerpt": c.get("excerpt", ""),
                                        "locator": c.get("locator", ""),
                                        "credibility": c.get("credibility", 6)})

    try:
        if data.get("case"):
            where = "case"
            tx.update("case_info", 1, clean("case_info", data["case"]))
        for i, s in enumerate(data.get("sources", []), 1):
            where = f"sources[{i}]"
            values = _fields(s, ("key", "attachments"))
            rid = keys[s["key"]] = insert_row(tx, "source", values)
            for name in s.get("attachments", []):
                _attach(tx, rid, folder / name)
        for i, e in enumerate(data.get("entities", []), 1):
            where = f"entities[{i}]"
            rid = keys[e["key"]] = insert_row(tx, "entity", _fields(e, ("key", "aliases",
                                                                        "identifiers", "cite")))
            replace_children(tx, "entity", rid, "alias", e.get("aliases", []))
            replace_children(tx, "entity", rid, "identifier", e.get("identifiers", []))
            cites("entity", rid, e.get("cite", []))
        for i, r in enumerate(data.get("relationships", []), 1):
            where = f"relationships[{i}]"
            values = {**_fields(r, ("subject", "object", "cite")),
                      "subject_id": ref(r["subject"]), "object_id": ref(r["object"])}
            cites("relationship", insert_row(tx, "relationship", values), r.get("cite", []))
        for i, s in enumerate(data.get("sanctions", []), 1):
            where = f"sanctions[{i}]"
            values = {**_fields(s, ("entity", "cite")), "entity_id": ref(s["entity"])}
            cites("sanction", insert_row(tx, "sanction", values), s.get("cite", []))
        for i, s in enumerate(data.get("shipments", []), 1):
            where = f"shipments[{i}]"
            values = {**_fields(s, ("shipper", "consignee", "route", "cite")),
                      "shipper_id": ref(s.get("shipper")),
                      "consignee_id": ref(s.get("consignee"))}
            rid = insert_row(tx, "shipment", values)
            stops = [{**_fields(st, ("entity",)), "entity_id": ref(st.get("entity"))}
                     for st in s.get("route", [])]
            replace_children(tx, "shipment", rid, "route_stop", stops)
            cites("shipment", rid, s.get("cite", []))
        for i, ev in enumerate(data.get("events", []), 1):
            where = f"events[{i}]"
            rid = insert_row(tx, "event", _fields(ev, ("parties", "cite")))
            parties = [{"entity_id": ref(p["entity"]), "role": p.get("role", "")}
                       for p in ev.get("parties", [])]
            replace_children(tx, "event", rid, "event_party", parties)
            cites("event", rid, ev.get("cite", []))
        for i, f in enumerate(data.get("findings", []), 1):
            where = f"findings[{i}]"
            rid = insert_row(tx, "finding", {**_fields(f, ("cite",)), "position": i})
            cites("finding", rid, f.get("cite", []))
    except ValidationError as exc:
        raise CaseJsonError(f"{where}: {exc}") from exc
    except KeyError as exc:
        raise CaseJsonError(f"{where}: missing {exc}") from exc
    return keys


def _fields(record: dict[str, Any], skip: tuple[str, ...]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k not in skip}


def _attach(tx: Tx, source_id: int, path: Path) -> None:
    import hashlib
    import mimetypes

    data = path.read_bytes()
    insert_row(tx, "attachment", {
        "source_id": source_id, "filename": path.name,
        "mime": mimetypes.guess_type(path.name)[0] or "application/octet-stream",
        "size": len(data), "sha256": hashlib.sha256(data).hexdigest(), "data": data})
