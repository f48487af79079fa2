"""Integrity check of a case: SQLite's own check, foreign keys, attachment hashes, the audit
chain and the search index."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from casefile.services.case import audit
from casefile.store import database


@dataclass
class IntegrityReport:
    path: Path
    problems: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)

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
            rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
            report.checked.append("SQLite integrity")
            if rows != ["ok"]:
                report.problems += [f"SQLite: {r}" for r in rows]
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
    finally:
        engine.dispose()
    return report
