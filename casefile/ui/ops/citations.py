"""Operations on citations and on the files attached to sources."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from casefile.ui.session import CaseOp, CaseSession


def cite(session: CaseSession, kind: str, record_id: int,
         values: dict[str, Any]) -> CaseOp[Any]:
    return session.op(lambda case: case.cite(values["source_id"], kind, record_id,
                                             values["excerpt"], values["locator"],
                                             values["credibility"]))


def update_citation(session: CaseSession, citation_id: int,
                    values: dict[str, Any]) -> CaseOp[Any]:
    return session.op(lambda case: case.update("citation", citation_id, {
        "excerpt": values["excerpt"], "locator": values["locator"],
        "credibility": values["credibility"]}))


def remove_citation(session: CaseSession, citation_id: int) -> CaseOp[Any]:
    return session.op(lambda case: case.delete("citation", citation_id))


def attach_file(session: CaseSession, source_id: int, path: Path) -> CaseOp[Any]:
    return session.op(lambda case: case.attach_file(source_id, path))


def remove_attachment(session: CaseSession, attachment_id: int) -> CaseOp[Any]:
    return session.op(lambda case: case.delete("attachment", attachment_id))


def write_attachment(session: CaseSession, attachment_id: int, target: Path | None,
                     done: Callable[[Path], None],
                     failed: Callable[[BaseException], None]) -> None:
    """Write an attachment's bytes to ``target``, or (to be opened by another program) to
    the session's private folder, which goes when the case closes."""
    private = session.private_files

    def write(case: Any) -> Path:
        from casefile.services.queries.record import attachment_data  # loads late
        name, data = attachment_data(case, attachment_id)
        out = target or private.new_path(name)
        out.write_bytes(data)
        if target is None:
            out.chmod(0o600)
        return out
    session.query(write, done, failed)
