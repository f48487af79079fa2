"""Export each table of a case as CSV: UTF-8 with BOM (so spreadsheet programs read Cyrillic
and CJK), and every text cell that a spreadsheet would run as a formula neutralised."""

from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casefile.errors import FilesInTheWay, OutputPathError
from casefile.store.copies import refuse_output
from casefile.store.schema import cited_id_sql, cited_kind_sql, entity_name_sql

if TYPE_CHECKING:
    from casefile.services.case.facade import Case

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

QUERIES: dict[str, str] = {
    "entities": "SELECT e.id, e.kind, e.name, (SELECT group_concat(name || CASE WHEN lang != "
                "'' THEN ' [' || lang || ']' ELSE '' END, '; ') FROM alias WHERE entity_id = "
                "e.id) AS aliases, e.country, e.other_countries, e.nationality, (SELECT "
                "group_concat(scheme || ' ' || value, '; ') FROM identifier WHERE entity_id = "
                "e.id) AS identifiers, e.birth_text AS born, e.birth_place, e.gender, "
                "e.incorporation_text"
                " AS incorporated, e.dissolution_text AS dissolved, e.legal_form, e.position, "
                "e.address, e.description, e.topics, e.tags FROM entity e ORDER BY e.id",
    "shipments": "SELECT s.id, s.date_text AS date, s.date_edtf AS date_edtf, s.date_start "
                 "AS first_day, s.date_end AS last_day, " + entity_name_sql("shipper_id", "s") +
                 " AS shipper, " + entity_name_sql("consignee_id", "s") + " AS consignee, "
                 "s.origin_country, (SELECT group_concat(coalesce(country, place), ' > ') FROM "
                 "(SELECT country, place FROM route_stop WHERE shipment_id = s.id ORDER BY "
                 "position)) AS route, s.destination_country, s.declared_goods, "
                 "s.assessed_goods, s.hs_code, s.quantity, s.unit, s.weight_kg, s.value, "
                 "s.currency, s.shipment_count, s.dual_use, s.reference, s.notes, s.tags "
                 "FROM shipment s ORDER BY s.id",
    "events": "SELECT id, date_text AS date, date_edtf, date_start AS first_day, date_end AS "
              "last_day, kind, title, description, tags FROM event ORDER BY id",
    "sources": "SELECT id, kind, title, publisher, author, url, date_text AS published, "
               "accessed, language, reliability, protected, notes, tags FROM source ORDER BY id",
    "findings": "SELECT id, position, title, text, confidence, tags FROM finding ORDER BY "
                "position, id",
    "relationships": "SELECT r.id, " + entity_name_sql("subject_id", "r") + " AS subject, r.kind, "
                     + entity_name_sql("object_id", "r") + " AS object, r.date_text AS date, "
                     "r.description FROM relationship r ORDER BY r.id",
    "sanctions": "SELECT s.id, " + entity_name_sql("entity_id", "s") + " AS entity, s.authority, "
                 "s.programme, s.program_id, s.date_text AS listed, s.start_text AS in_force_from,"
                 " s.end_text AS ended, s.status, s.reason, s.source_url FROM sanction s "
                 "ORDER BY s.id",
    "citations": "SELECT c.id, c.source_id, (SELECT reliability FROM source WHERE id = "
                 "c.source_id) || c.credibility AS code, " + cited_kind_sql("c") + " AS "
                 "fact_kind, " + cited_id_sql("c") + " AS fact_id, c.excerpt, c.locator, "
                 "c.credibility FROM citation c ORDER BY c.id",
}


def safe_cell(value: Any) -> Any:
    """Text that a spreadsheet would evaluate gets a leading apostrophe; numbers stay."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return "" if value is None else value


def export_csv(case: Case, folder: str | Path, replace: bool = False) -> list[Path]:
    """Write one CSV file per table into ``folder``; return their paths. Files of these
    names already in the folder are replaced only when ``replace`` (else
    :class:`FilesInTheWay`); none may be the case or one of its files. Each file is written
    under a temporary name and renamed when whole."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise OutputPathError(f"Refusing to export CSV files into {folder}: it is a file, not "
                              "a folder.")
    targets = {name: folder / f"{name}.csv" for name in QUERIES}
    for path in targets.values():
        refuse_output(path, case.path, "a CSV export")
    there = [p for p in targets.values() if p.exists() or p.is_symlink()]
    if there and not replace:
        raise FilesInTheWay(f"{folder} already holds {', '.join(p.name for p in there)}; "
                            "choose another folder, or replace them", there)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    with case.read() as conn:
        for name, sql in QUERIES.items():
            cur = conn.exec_driver_sql(sql)
            path = targets[name]
            part = path.with_name(f".{path.name}.{os.getpid()}.part")
            try:
                with part.open("w", encoding="utf-8-sig", newline="") as f:
                    w = csv.writer(f)
                    w.writerow(list(cur.keys()))
                    for row in cur:
                        w.writerow([safe_cell(v) for v in row])
                os.replace(part, path)
            except BaseException:
                part.unlink(missing_ok=True)
                raise
            written.append(path)
    return written
