"""Import parties and sanctions from FollowTheMoney JSON lines (as Aleph and OpenSanctions
export them) or from OpenSanctions' ``targets.simple.csv``. Parties already in the case are
reused (normalised name, alias or identifier); near matches are proposed, not merged. The
file is stored as a source and every created record cites it. One undoable operation."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz, process

from casefile.core.countries import CountryError, country_code
from casefile.core.names import normalise_name
from casefile.services.imports.reader import ImportFileError, detect_encoding
from casefile.services.imports.shipments import NEAR, ImportFailed, ImportReport
from casefile.services.journal import Tx
from casefile.services.operations import insert_row, replace_children
from casefile.services.validation import ValidationError

if TYPE_CHECKING:
    from casefile.services.case import Case

KINDS = {"Company": "company", "Person": "person", "Organization": "organisation",
         "PublicBody": "public_body", "Vessel": "vessel", "Airplane": "aircraft",
         "LegalEntity": "other"}
ALIAS_PROPS = ("alias", "weakAlias", "previousName")
IDENT_PROPS = {"registrationNumber": "registration", "innCode": "INN", "ogrnCode": "OGRN",
               "imoNumber": "IMO", "leiCode": "LEI", "taxNumber": "tax", "okpoCode": "OKPO",
               "idNumber": "ID", "swiftBic": "BIC"}


class _DryRun(Exception):
    def __init__(self, report: ImportReport) -> None:
        super().__init__("dry run")
        self.report = report


def split(value: str | None) -> list[str]:
    """'a;b; c' -> ['a', 'b', 'c'] (targets.simple.csv lists)."""
    return [x.strip() for x in (value or "").split(";") if x.strip()]


def _records(path: Path, text: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line, FtM-like entity) from JSON lines, a JSON array, or targets.simple.csv."""
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            for n, item in enumerate(json.loads(text), 1):
                yield n, item
        except json.JSONDecodeError as exc:
            raise ImportFileError(f"{path.name}, line {exc.lineno}: not valid JSON "
                                  f"({exc.msg})") from None
        return
    if stripped.startswith("{"):
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                yield n, json.loads(line)
            except json.JSONDecodeError as exc:
                raise ImportFileError(f"{path.name}, line {n}, column {exc.colno}: not valid "
                                      f"JSON ({exc.msg})") from None
        return
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or not {"schema", "name"} <= set(reader.fieldnames):
        raise ImportFileError(f"{path.name}: neither FollowTheMoney JSON nor an OpenSanctions "
                              "targets.simple.csv (columns id, schema, name, …)")
    for row in reader:
        props = {"name": [row["name"]], "alias": split(row.get("aliases")),
                 "country": split(row.get("countries")),
                 "registrationNumber": split(row.get("identifiers"))}
        yield reader.line_num, {"id": row.get("id"), "schema": row["schema"],
                                "properties": props, "_sanctions": split(row.get("sanctions"))}


def import_ftm(case: Case, path: str | Path, dry_run: bool = False,
               accept: dict[str, int] | None = None) -> ImportReport:
    path = Path(path)
    if not path.is_file():
        raise ImportFileError(f"{path} does not exist")
    data = path.read_bytes()
    if not data.strip():
        raise ImportFileError(f"{path.name} is empty")
    text = data.decode(detect_encoding(data[:65536]), errors="strict").lstrip("\ufeff")
    report = ImportReport(path.name, {}, dry_run=dry_run)
    accept_n = {normalise_name(k): v for k, v in (accept or {}).items()}

    def work(tx: Tx) -> ImportReport:
        conn = tx.conn
        known: dict[str, int] = {}
        names: dict[int, str] = {}
        for eid, name in conn.exec_driver_sql("SELECT id, name FROM entity"):
            known.setdefault(normalise_name(name), eid)
            names[eid] = name
        for eid, name in conn.exec_driver_sql("SELECT entity_id, name FROM alias"):
            known.setdefault(normalise_name(name), eid)
        idents = {v.lower(): eid for eid, v in conn.exec_driver_sql(
            "SELECT entity_id, value FROM identifier")}
        existing = dict(known)
        src = insert_row(tx, "source", {
            "kind": "database", "title": f"Imported FollowTheMoney data: {path.name}",
            "reliability": "F", "notes": "Imported entity and sanction records.",
            "tags": "imported"})
        insert_row(tx, "attachment", {"source_id": src, "filename": path.name,
                                      "mime": "application/json", "size": len(data),
                                      "sha256": hashlib.sha256(data).hexdigest(),
                                      "data": data})
        by_ftm: dict[str, int] = {}
        sanctions: list[tuple[int, dict]] = []
        for line, rec in _records(path, text):
            report.rows += 1
            schema = rec.get("schema", "")
            props = rec.get("properties", {}) or {}
            if schema == "Sanction":
                sanctions.append((line, rec))
                continue
            if schema not in KINDS:
                continue
            all_names = [n for n in props.get("name", []) if n.strip()]
            if not all_names:
                report.problems.append(f"{path.name}, line {line}, field 'name': a {schema} "
                                       "without a name")
                continue
            name, key = all_names[0], normalise_name(all_names[0])
            ids = [v for p in IDENT_PROPS for v in props.get(p, [])]
            eid = accept_n.get(key) or known.get(key) or next(
                (idents[i.lower()] for i in ids if i.lower() in idents), None)
            if eid is not None:
                report.reused_entities[name] = eid
            else:
                best = process.extractOne(key, existing.keys(), scorer=fuzz.token_set_ratio) \
                    if existing else None
                if best and best[1] >= NEAR:
                    eid0 = existing[best[0]]
                    report.proposals.append((name, eid0, names.get(eid0, ""), best[1]))
                country = None
                for c in props.get("country", []) + props.get("jurisdiction", []) + \
                        props.get("nationality", []):
                    try:
                        country = country_code(c)
                        break
                    except CountryError:
                        continue
                try:
                    eid = insert_row(tx, "entity", {
                        "kind": KINDS[schema], "name": name, "country": country,
                        "description": "; ".join(props.get("notes", []))[:2000],
                        "tags": "imported"})
                except ValidationError as exc:
                    report.problems.append(f"{path.name}, line {line}, field "
                                           f"'{exc.field}': {exc.message}")
                    continue
                aliases = {a for p in ("name",) + ALIAS_PROPS for a in props.get(p, [])
                           if a.strip() and a != name}
                replace_children(tx, "entity", eid, "alias", [
                    {"name": a, "kind": "alias"} for a in sorted(aliases)])
                replace_children(tx, "entity", eid, "identifier", [
                    {"scheme": IDENT_PROPS[p], "value": v} for p in IDENT_PROPS
                    for v in props.get(p, [])])
                insert_row(tx, "citation", {"source_id": src, "entity_id": eid,
                                            "locator": f"line {line}",
                                            "excerpt": f"{schema} {rec.get('id', '')}".strip(),
                                            "credibility": 6})
                known[key] = eid
                report.new_entities.append(name)
            by_ftm[str(rec.get("id"))] = eid
            for prog in rec.get("_sanctions", []):
                sanctions.append((line, {"schema": "Sanction", "properties": {
                    "entity": [rec.get("id")], "program": [prog]}}))
        for line, rec in sanctions:
            props = rec.get("properties", {})
            target = next((by_ftm[str(e)] for e in props.get("entity", [])
                           if str(e) in by_ftm), None)
            if target is None:
                report.problems.append(f"{path.name}, line {line}, field 'entity': the "
                                       "sanctioned entity is not in the file")
                continue
            date = (props.get("listingDate") or props.get("startDate") or props.get("date")
                    or [""])[0]
            sid = insert_row(tx, "sanction", {
                "entity_id": target, "authority": "; ".join(props.get("authority", [])),
                "programme": "; ".join(props.get("program", [])),
                "reason": "; ".join(props.get("reason", []))[:2000], "date": date[:10]})
            insert_row(tx, "citation", {"source_id": src, "sanction_id": sid,
                                        "locator": f"line {line}", "credibility": 6})
        if report.problems:
            raise ImportFailed(report)
        if dry_run:
            raise _DryRun(report)
        return report

    try:
        return case.operation(f"Import {path.name}", work).result
    except _DryRun as done:
        return done.report
