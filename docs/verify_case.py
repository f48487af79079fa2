#!/usr/bin/env python3
"""Verify a Casefile case without Casefile: standard library only (Python 3.8+).

    python3 verify_case.py CASE.casefile [EXPECTED_DIGEST]

Checks what docs/case-file-format.md describes: SQLite's own check, each attachment's bytes
against its SHA-256, the hash chain of the audit log, every content row against the row
digests stored beside it (naming table and row id), and the content digest recomputed from
the rows against the one the last audit entry records. Give EXPECTED_DIGEST (from a dossier
cover or a `casefile info` kept elsewhere) to catch a chain rewritten by someone with write
access. Exit status 0: verified; 1: problems (listed); 2: not readable.
"""

import hashlib
import json
import sqlite3
import sys

LANES = 1024
LTHASH_PREFIX = b"casefile-lthash-1"
AUDIT_V2 = "casefile-audit-2"
NOT_CONTENT = ("audit_log", "alembic_version", "row_digest", "digest_state")
LEFT_OUT = {"attachment": ("data",), "case_info": ("updated_at",)}
# even lanes of a 2048-byte state read as one little-endian integer: 16 bits in every 32
EVEN = int.from_bytes(b"\xff\xff\x00\x00" * (LANES // 2), "little")


def canonical_row(table, row):
    def blob(v):
        if isinstance(v, (bytes, bytearray, memoryview)):
            return {"blob": hashlib.sha256(bytes(v)).hexdigest()}
        raise TypeError(type(v).__name__)
    values = {k: v for k, v in row.items() if v is not None}
    return json.dumps([table, values], sort_keys=True, ensure_ascii=False,
                      separators=(",", ":"), default=blob).encode("utf-8", "surrogatepass")


class LtHash:
    """Lane-wise sums mod 2**16, kept as two big integers (even and odd lanes, 32 bits per
    lane) so that one addition adds 512 lanes; the high halves absorb carries and are
    cleared before they can overflow."""

    def __init__(self):
        self.even = self.odd = 0
        self.pending = 0

    def add(self, row_digest):
        x = int.from_bytes(hashlib.shake_256(LTHASH_PREFIX + row_digest).digest(2 * LANES),
                           "little")
        self.even += x & EVEN
        self.odd += (x >> 16) & EVEN
        self.pending += 1
        if self.pending == 32768:
            self.even &= EVEN
            self.odd &= EVEN
            self.pending = 0

    def state(self):
        x = (self.even & EVEN) | ((self.odd & EVEN) << 16)
        return x.to_bytes(2 * LANES, "little")

    def hexdigest(self):
        return hashlib.sha256(self.state()).hexdigest()


def entry_hash(prev, at, actor, action, summary, detail, digest):
    items = [prev, at, actor, action, summary, detail]
    if digest is not None:
        items = [AUDIT_V2] + items + [digest]
    payload = json.dumps(items, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def verify(path, expected=None):
    con = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    problems = []
    rows = [r[0] for r in con.execute("PRAGMA quick_check")]
    if rows != ["ok"]:
        return ["SQLite: " + r for r in rows], None
    for aid, sha, data in con.execute("SELECT id, sha256, data FROM attachment"):
        if hashlib.sha256(data).hexdigest() != sha:
            problems.append("attachment %d: bytes do not match its sha256" % aid)
    prev, head, entries = "", None, 0
    for rid, at, actor, action, summary, detail, prev_hash, h, digest in con.execute(
            "SELECT id, at, actor, action, summary, detail, prev_hash, hash, content_digest "
            "FROM audit_log ORDER BY id"):
        entries += 1
        if prev_hash != prev:
            problems.append("audit entry %d: does not follow the entry before it" % rid)
        if entry_hash(prev_hash, at, actor, action, summary, detail, digest) != h:
            problems.append("audit entry %d: changed after it was written" % rid)
        prev, head = h, digest
    stored = {}
    for tbl, rid, d in con.execute("SELECT tbl, id, digest FROM row_digest"):
        stored[(tbl, rid)] = bytes(d)
    tables = [r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'search_index%' ORDER BY name") if r[0] not in NOT_CONTENT]
    state, content = LtHash(), 0
    for table in tables:
        cols = [r[1] for r in con.execute('PRAGMA table_info("%s")' % table)
                if r[1] not in LEFT_OUT.get(table, ())]
        select = ", ".join('"%s"' % c for c in cols)
        for row in con.execute('SELECT %s FROM "%s" ORDER BY id' % (select, table)):
            values = dict(zip(cols, row))
            d = hashlib.sha256(canonical_row(table, values)).digest()
            state.add(d)
            content += 1
            was = stored.pop((table, values["id"]), None)
            if was is None:
                problems.append("%s %d: added outside Casefile" % (table, values["id"]))
            elif was != d:
                problems.append("%s %d: changed outside Casefile" % (table, values["id"]))
    problems += ["%s %d: deleted outside Casefile" % key for key in sorted(stored)]
    digest = state.hexdigest()
    if not entries:
        if content:
            problems.append("the audit log is empty but the case has content")
    elif head != digest:
        problems.append("the content digest %s is not the one the last audit entry records "
                        "(%s): the audit log ends before the last change, or the content "
                        "changed outside Casefile" % (digest, head))
    if expected and expected != head:
        problems.append("the last audit entry records %s, not the expected %s" % (head, expected))
    con.close()
    return problems, digest


def main(argv):
    if len(argv) not in (2, 3):
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    try:
        problems, digest = verify(argv[1], argv[2] if len(argv) == 3 else None)
    except sqlite3.DatabaseError as exc:
        print("%s: cannot be read (%s)" % (argv[1], exc), file=sys.stderr)
        return 2
    for p in problems:
        print("PROBLEM: " + p)
    if problems:
        print("%d problem(s) found" % len(problems))
        return 1
    print("verified: content digest %s" % digest)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
