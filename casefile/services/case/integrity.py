"""Integrity check of a case: SQLite's own check, foreign keys, attachment hashes, the audit
chain, the content digest (every row recomputed, differences named by table and row id) and
the search index against the records. A file SQLite cannot read is reported as corrupted."""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import Connection
from sqlalchemy.exc import DatabaseError

from casefile.services.case import audit, indexing
from casefile.services.case import digest as content
from casefile.store import database, migrate
from casefile.store.search_docs import DOC_SQL, DOCS_0009, ENTITY_DOC_0007


@dataclass
class IntegrityReport:
    path: Path
    problems: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)
    content_digest: str | None = None  # recomputed from the rows
    head_digest: str | None = None  # recorded by the last audit entry
    corrupted: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


def check_case(path: str | Path) -> IntegrityReport:
    """Check a case file without changing it (opened read-only)."""
    path = Path(path)
    report = IntegrityReport(path)
    database.inspect_file(path)
    engine = database.make_engine(path, readonly=True)
    try:
        with engine.connect() as conn:
            _check(conn, report)
    except (DatabaseError, sqlite3.DatabaseError) as exc:
        report.corrupted = True
        first = next(iter(str(getattr(exc, "orig", exc)).splitlines()), "")
        report.problems.append(f"the file is corrupted ({first}); restore it from a backup "
                               "copy")
    finally:
        engine.dispose()
    return report


def _check(conn: Connection, report: IntegrityReport) -> None:
    rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
    report.checked.append("SQLite integrity")
    if rows != ["ok"]:
        report.corrupted = True
        report.problems += [f"SQLite: {r}" for r in rows]
        return  # reading on would only trip over the damage
    fk = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
    report.checked.append("foreign keys")
    report.problems += [f"{t} row {rid} refers to a missing {parent} row"
                        for t, rid, parent, _ in fk]
    n = 0
    for aid, name, digest, size, data in conn.exec_driver_sql(
            "SELECT id, filename, sha256, size, data FROM attachment"):
        n += 1
        actual = hashlib.sha256(data).hexdigest()
        if actual != digest or len(data) != size:
            report.problems.append(
                f"attachment {aid} ({name}): content does not match its stored SHA-256 "
                f"(stored {digest[:12]}…, now {actual[:12]}…)")
    report.checked.append(f"{n} attachment hash(es)")
    report.problems += audit.verify(conn)
    entries = conn.exec_driver_sql("SELECT count(*) FROM audit_log").scalar()
    report.checked.append(f"audit chain of {entries} entries")
    problems, report.content_digest = content.compare(conn)
    report.head_digest = audit.head_digest(conn)
    report.problems += problems
    report.checked.append("content digest of every row")
    revision = migrate.current_revision(conn)
    docs = None
    old = revision is not None and revision < "0010"  # (revisions are numbered: 0001 …)
    if old:  # checked as its own schema built it (the upgrade rebuilds it when opened):
        # kinds as codes; before 0008 a party's document held no dates
        docs = {**DOC_SQL, **DOCS_0009}
        if revision is not None and revision < "0008":
            docs["entity"] = ENTITY_DOC_0007
    articles = revision is None or revision >= "0011"
    letters = revision is None or revision >= "0012"
    report.problems += indexing.verify_index(conn, docs, marks=not old, articles=articles,
                                             letters=letters)
    report.checked.append("search index against the records")
