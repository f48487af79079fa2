"""Checking the content digest of a case: every row recomputed and compared with the row
digests stored beside it, their LtHash with the stored state, and that with the digest the
last audit entry recorded. The recipes are in casefile.core.digests; keeping the digests up to
date is casefile.store.digest's (called by every operation through recording.record)."""

from __future__ import annotations

from sqlalchemy.engine import Connection

from casefile.core.digests import LtHash
from casefile.services.case import audit
from casefile.store import digest as stored_digest


def compare(conn: Connection) -> tuple[list[str], str]:
    """Problems found, naming tables and row ids, and the recomputed content digest."""
    problems: list[str] = []
    current = stored_digest.compute_all(conn)
    saved = stored_digest.stored(conn)
    for table in sorted(set(current) | set(saved)):
        now, before = current.get(table, {}), saved.get(table, {})
        for rid in sorted(set(now) | set(before)):
            if rid not in before:
                problems.append(f"{table} {rid}: added outside Casefile")
            elif rid not in now:
                problems.append(f"{table} {rid}: deleted outside Casefile")
            elif now[rid] != before[rid]:
                problems.append(f"{table} {rid}: changed outside Casefile")
    recomputed = LtHash()
    for rows in current.values():
        recomputed.add(rows.values())
    from_rows = LtHash()
    for rows in saved.values():
        from_rows.add(rows.values())
    state = stored_digest.load_state(conn)
    if state != from_rows:
        problems.append("the stored content digest does not match the stored row digests "
                        "(changed outside Casefile)")
    entries = conn.exec_driver_sql("SELECT count(*) FROM audit_log").scalar() or 0
    head = audit.head_digest(conn)
    if not entries:
        if any(current.values()):
            problems.append("the audit log is empty but the case has content")
    elif head is None:
        problems.append("the last audit entry records no content digest")
    elif head != recomputed.hexdigest():
        if not problems:
            problems.append("the audit log ends before the last change (entries were removed "
                            "from its end, or the content and its digests were rewritten "
                            "outside Casefile)")
        else:
            problems.append("the case content differs from the digest the last audit entry "
                            "recorded")
    return problems, recomputed.hexdigest()
