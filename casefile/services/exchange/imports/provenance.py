"""The imported file as a source of the case: its bytes streamed into an attachment (never
whole in memory), with the SHA-256 every citation of the import can be checked against."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from casefile.errors import AlreadyImported, ImportFileError

MIME = {".csv": "text/csv", ".txt": "text/plain", ".json": "application/json",
        ".jsonl": "application/json",
        ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def file_digest(path: Path) -> tuple[str, int]:
    """SHA-256 and size of a file, read in pieces."""
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest(), f.tell()


def check_not_imported(conn: Any, path: Path) -> tuple[str, int]:
    """Raise AlreadyImported if a source of the case holds this very file; else return the
    file's digest and size (for :func:`file_source`)."""
    sha256, size = file_digest(path)
    row = conn.exec_driver_sql(
        "SELECT s.id, s.title, a.added_at FROM attachment a JOIN source s ON s.id = a.source_id "
        "WHERE a.sha256 = ? ORDER BY a.id LIMIT 1", (sha256,)).first()
    if row is not None:
        raise AlreadyImported(path, row[0], row[1], str(row[2]))
    return sha256, size


def file_source(conn: Any, path: Path, kind: str, title: str, notes: str,
                digest: tuple[str, int] | None = None, publisher: str = "") -> int:
    """Insert a source for ``path`` with the file attached; return the source id. Runs in
    the caller's transaction: a failure later in the import removes both."""
    now = datetime.now(UTC)
    sid = conn.exec_driver_sql(
        "INSERT INTO source(kind, title, publisher, author, url, accessed, language, "
        "reliability, protected, notes, tags, date_approx, date_uncertain) VALUES "
        "(?, ?, ?, '', '', ?, '', 'F', 0, ?, 'imported', 0, 0)",
        (kind, title, publisher, now.date().isoformat(),
         f"{notes} Imported on {now:%Y-%m-%d %H:%M} UTC from {path.name}.".strip())).lastrowid
    sha256, size = digest or file_digest(path)  # first: the row is written once, complete
    aid = conn.exec_driver_sql(  # data is the last column: zeroblob stays compact
        "INSERT INTO attachment(source_id, filename, mime, size, sha256, added_at, data) "
        "VALUES (?, ?, ?, ?, ?, ?, zeroblob(?))",
        (sid, path.name, MIME.get(path.suffix.lower(), "application/octet-stream"), size,
         sha256, now.strftime("%Y-%m-%d %H:%M:%S.%f"), size)).lastrowid
    hasher, written = hashlib.sha256(), 0
    with path.open("rb") as f, conn.connection.driver_connection.blobopen(
            "attachment", "data", aid) as blob:
        while (chunk := f.read(1 << 20)) and written + len(chunk) <= size:
            hasher.update(chunk)
            blob.write(chunk)
            written += len(chunk)
    if written != size or chunk or hasher.hexdigest() != sha256:
        raise ImportFileError(f"{path.name} changed while it was being imported; "
                              "nothing was imported, try again")
    return int(sid)


def note_left_out(conn: Any, source_id: int, lines: list[str]) -> None:
    """The imported file's source says what the import did not keep (skipped schemata,
    values no field takes), so that the case itself, not only the import's report, tells
    a reader later what the attached file holds beyond what was imported."""
    if not lines:
        return
    shown = lines[:200]
    more = (f"\n… and {len(lines) - len(shown):,} more" if len(lines) > len(shown) else "")
    conn.exec_driver_sql("UPDATE source SET notes = notes || ? WHERE id = ?",
                         ("\n\nNot imported (still in the attached file):\n"
                          + "\n".join(f"- {line}" for line in shown) + more, source_id))
