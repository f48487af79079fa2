"""Saved link charts as operations of the case: save (new or over an existing chart), rename
and delete. Each is one :meth:`Case.operation` — one transaction, one undo step, one audit
entry, the content digest kept — so moving nodes and saving can be undone like any edit."""

from __future__ import annotations

from datetime import UTC, datetime

from casefile.core.chart.state import ChartState
from casefile.errors import NotFoundError, ValidationError
from casefile.services.case.change import Change
from casefile.services.case.facade import Case
from casefile.services.case.journal import Tx
from casefile.services.case.validation import clean

MAX_NAME = 200


def _name(tx: Tx, name: str, chart_id: int | None) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError("name", "a chart needs a name")
    if len(name) > MAX_NAME:
        raise ValidationError("name", f"is {len(name):,} characters long; at most "
                                      f"{MAX_NAME} fit")
    clash = tx.conn.exec_driver_sql(
        "SELECT id FROM chart WHERE name = ? COLLATE NOCASE AND id IS NOT ?",
        (name, chart_id)).first()
    if clash is not None:
        raise ValidationError("name", f"there is already a chart called “{name}”")
    return name


def _quoted(name: str) -> str:
    name = " ".join((name or "").split())
    return f"“{name[:40]}{'…' if len(name) > 40 else ''}”"


def save_chart(case: Case, chart_id: int | None, name: str, state: ChartState,
               description: str | None = None) -> Change:
    """Save ``state`` as the chart ``chart_id`` (a new chart when None) under ``name``. The
    Change's result is the chart's id."""
    text = state.to_json()

    def run(tx: Tx) -> int:
        nm = _name(tx, name, chart_id)
        values = {"name": nm, "state": text, "updated_at": datetime.now(UTC)}
        if description is not None:
            values["description"] = description
        if chart_id is None:
            return tx.insert("chart", {"description": "", **clean("chart", values),
                                       "created_at": values["updated_at"]})
        if tx.fetch("chart", chart_id) is None:
            raise NotFoundError(f"chart {chart_id} no longer exists")
        tx.update("chart", chart_id, clean("chart", values))
        return chart_id
    verb = "New" if chart_id is None else "Save"
    return case.operation(f"{verb} chart {_quoted(name)}", run)


def rename_chart(case: Case, chart_id: int, name: str) -> Change:
    def run(tx: Tx) -> int:
        if tx.fetch("chart", chart_id) is None:
            raise NotFoundError(f"chart {chart_id} no longer exists")
        tx.update("chart", chart_id, {"name": _name(tx, name, chart_id)})
        return chart_id
    return case.operation(f"Rename chart to {_quoted(name)}", run)


def delete_chart(case: Case, chart_id: int) -> Change:
    row = case.get("chart", chart_id)
    if row is None:
        raise NotFoundError(f"chart {chart_id} no longer exists")

    def run(tx: Tx) -> None:
        tx.delete("chart", chart_id)
    return case.operation(f"Delete chart {_quoted(row['name'])}", run)
