"""Operations on records: create, save an edit, delete, merge, create-and-link a party,
undo and redo."""

from __future__ import annotations

from typing import Any

from casefile.errors import ValidationError
from casefile.services.case.facade import Case
from casefile.services.queries.listing import entity_choices
from casefile.ui.session import CaseOp, CaseSession


def create_record(session: CaseSession, kind: str, values: dict[str, Any]) -> CaseOp[Any]:
    return session.op(lambda case: case.create(kind, values))


def save_record(session: CaseSession, kind: str, record_id: int, values: dict[str, Any],
                children: dict[str, list[dict[str, Any]]]) -> CaseOp[Any]:
    """Save an edit from the editor; event parties typed by name are found first."""
    def run(case: Case) -> Any:
        kids = dict(children)
        if "event_party" in kids:
            kids["event_party"] = resolve_parties(case, kids["event_party"])
        return case.save(kind, record_id, values, kids)
    return session.op(run)


def resolve_parties(case: Case, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Event party rows as typed (a name or alias) -> rows naming one entity by id."""
    out = []
    with case.read() as conn:
        for r in rows:
            found = [i for i, label in entity_choices(conn, r["entity"], 5)
                     if label.split(" (")[0].split(" [")[0].casefold() == r["entity"].casefold()]
            if not found:
                found = [i for i, _ in entity_choices(conn, r["entity"], 2)]
            if len(found) != 1:
                raise ValidationError("event_party", f"No single entity is called "
                                                     f"{r['entity']!r}; type its name or alias.")
            out.append({k: v for k, v in {"id": r.get("id"), "entity_id": found[0],
                                          "role": r.get("role", "")}.items() if v is not None})
    return out


def delete_record(session: CaseSession, kind: str, record_id: int,
                  cascade: bool = False) -> CaseOp[Any]:
    return session.op(lambda case: case.delete(kind, record_id, cascade))


def delete_records(session: CaseSession, kind: str, record_ids: list[int],
                   cascade: bool = False) -> CaseOp[Any]:
    """Delete several records of a kind as one undo step."""
    return session.op(lambda case: case.delete_many(kind, record_ids, cascade))


def edit_many(session: CaseSession, kind: str, record_ids: list[int], values: dict[str, Any],
              add_tags: list[str], remove_tags: list[str]) -> CaseOp[Any]:
    """The same edit to several records (tags, a country, a grade): one undo step."""
    return session.op(lambda case: case.edit_many(kind, record_ids, values, add_tags,
                                                  remove_tags))


def merge_entities(session: CaseSession, keep: int, other: int) -> CaseOp[Any]:
    return session.op(lambda case: case.merge_entities(keep, other))


def create_and_link(session: CaseSession, kind: str, record_id: int, column: str,
                    name: str) -> CaseOp[Any]:
    """A new party named ``name``, set as ``column`` of the record: one undo step."""
    return session.op(lambda case: case.create_and_link(kind, record_id, column, name))


def set_case_info(session: CaseSession, values: dict[str, Any]) -> CaseOp[Any]:
    return session.op(lambda case: case.set_info(**values))


def undo(session: CaseSession) -> CaseOp[Any]:
    return session.op(lambda case: case.undo())  # type: ignore[arg-type,return-value]


def redo(session: CaseSession) -> CaseOp[Any]:
    return session.op(lambda case: case.redo())  # type: ignore[arg-type,return-value]
