"""What a file says anew of the sanctions and relationships the case holds already.

An FtM import that finds a fact the case holds (:mod:`.ftm_known`) used to leave it as it
was, whatever the file said of it now (look25: a sanction lifted in a newer OpenSanctions
release stayed current, and the report said only "already in the case"). Now, as
:mod:`.party_additions` does for parties:

- what the case's fact leaves empty and the file says is filled in (an end date, a status,
  a programme id, a reason, a relationship's description or dates);
- a fact the file dates otherwise (another listing or start date) is left as it was: it
  may be another listing under the same programme;
- a sanction the file says has ended or was lifted is marked so, with the file's end date,
  while the case's still reads as running: a researcher must never read a lifted sanction as
  current (the reverse — the case's ended, the file's running — keeps the case's: a file
  may be an older release);
- where the case's fact says something else, the case's stays, and the field is named in
  what the import left out (a user may have corrected it; the file may be the older one);
- an end date an earlier Casefile read into a sanction of targets.simple.csv from a date
  the cell does not say is the end (a second date with no status; the one date of an ended
  sanction) is cleared, with the file's reason that names it (review26 (a), review27,
  look26: the false "ended").

The rows are written in the import's own operation, journaled (one undo takes the import
and these back), and counted in its report."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from typing import Any

from casefile.core.labels import counted
from casefile.core.sanctions import ENDED, without_listed
from casefile.services.case.journal import Tx
from casefile.services.case.validation import date_columns
from casefile.services.exchange.imports.targets_simple import EITHER, FURTHER

_PARTS = ("text", "edtf", "start", "end", "precision", "approx", "uncertain")
# per kind: its one-value fields and its dates, as a reader names them
_FIELDS = {"sanction": {"programme": "programme", "program_id": "programme id",
                        "authority": "authority", "reason": "reason",
                        "source_url": "source page", "status": "status"},
           "relationship": {"description": "description"}}
_GROWS = frozenset({"reason", "description"})  # texts a file may say less of (kept)
_DATES = {"sanction": {"date": "listing date", "start": "start date", "end": "end date"},
          "relationship": {"date": "dates"}}
# the dates a targets.simple.csv sanction's cell does not place, as its reason gives them
_FURTHER = re.compile(re.escape(FURTHER).replace(re.escape("{}"), "(.+?)"))
_EITHER = re.compile(re.escape(EITHER).replace(re.escape("{}"), "(.+?)"))
_MISREAD = ("end date cleared (a date the list does not say is the end, read as the end by "
            "an earlier Casefile)")


class FactUpdates:
    """The updates an import makes to facts the case held before it (see the module
    text); ``left_out`` hears of a value the case's fact already says otherwise."""

    def __init__(self, tx: Tx, left_out: Callable[[str], None]) -> None:
        self.tx, self.left_out = tx, left_out
        self.driver: sqlite3.Connection = tx.conn.connection.driver_connection  # type: ignore
        self.pending: dict[str, dict[int, dict[str, Any]]] = {k: {} for k in _FIELDS}
        self.done: dict[str, int] = {}  # what was updated, in words -> how many facts
        self.facts: set[tuple[str, int]] = set()  # the facts updated
        self.ended: list[str] = []  # the first sanctions marked ended: 'party: programme'

    def fact(self, kind: str, rid: int, row: dict[str, Any]) -> bool:
        """Bring fact ``rid`` of ``kind`` up to what the file's cleaned ``row`` says;
        whether anything of it changed (the file is then cited for it)."""
        if kind not in _FIELDS:
            return False
        cur = self.driver.execute(f"SELECT * FROM {kind} WHERE id = ?", (rid,))
        found = cur.fetchone()
        if found is None:
            return False
        old = dict(zip([d[0] for d in cur.description], found, strict=True))
        old.update(self.pending[kind].get(rid, {}))
        out: dict[str, Any] = {}
        said: list[str] = []
        # (review26) a fact whose dates the file gives otherwise may be another one (a
        # party's earlier listing under the same programme): left as it was, and said
        other = [word for prefix, word in _DATES[kind].items() if prefix != "end"
                 and (new := row.get(f"{prefix}_text")) and (was := old.get(f"{prefix}_text"))
                 and new != was]
        if other:
            self.left_out(f"{kind.capitalize()} of the file with another {other[0]} than the "
                          f"case's {kind} it was taken for: the case's left as it was")
            return False
        ends = (kind == "sanction" and row.get("status") in ENDED
                and old.get("status") not in ENDED)
        if ends:  # (look25) lifted or ended in the file: marked so, never left current
            out["status"] = row["status"]
            said.append("marked ended or lifted")
            if len(self.ended) < 3:  # (review26) which, the line a user checks first
                party = self.driver.execute("SELECT name FROM entity WHERE id = ?",
                                            (old["entity_id"],)).fetchone()
                what = old.get("programme") or old.get("program_id") or "?"
                self.ended.append(f"{party[0] if party else '?'}: "  # (look26: a Czech
                                  f"{what if len(what) <= 60 else what[:59] + '…'}")  # 300)
        if kind == "sanction" and not ends and (misread := _misread_end(old, row)):
            out.update(misread)
            said.append(_MISREAD)
        for col, word in _FIELDS[kind].items():
            new, was = row.get(col) or "", old.get(col) or ""
            if col in out or not new or new == was:
                continue
            if not was:
                out[col] = new
                said.append(word)
            elif col == "reason" and without_listed(new) == without_listed(was):
                out[col] = new  # (look26) only the list's own status words changed: 'Final
                said.append("status as listed")  # consent judgement' is 'Dismissed' now
            elif not (col in _GROWS and new in was):  # (review26) the case's text stays,
                # even one the file says more in: a user may have cut it
                self.left_out(f"{kind.capitalize()} {word}: the case's {kind} already says "
                              "another; the case's kept")
        for prefix, word in _DATES[kind].items():
            new, was = row.get(f"{prefix}_text"), old.get(f"{prefix}_text")
            if not new or new == was or f"{prefix}_text" in out:
                continue
            if not was or (ends and prefix == "end"):
                out.update({f"{prefix}_{p}": row.get(f"{prefix}_{p}") for p in _PARTS})
                said.append(word)
            else:
                self.left_out(f"{kind.capitalize()} {word}: the case's {kind} already says "
                              "another; the case's kept")
        if not out:
            return False
        self.pending[kind].setdefault(rid, {}).update(out)
        self.facts.add((kind, rid))
        for word in said:
            key = f"{kind} {word}"
            self.done[key] = self.done.get(key, 0) + 1
        if len(self.pending[kind]) >= 500:  # memory stays flat
            self.flush()
        return True

    def flush(self) -> None:
        """Write the facts' new values (in the import's transaction, journaled)."""
        for kind, rows in self.pending.items():
            if rows:
                self.tx.update_many(kind, rows)
        self.pending = {k: {} for k in _FIELDS}

    def line(self, dry_run: bool) -> str:
        """'Updated facts already in the case from the file: 1 sanction marked ended or
        lifted, 1 sanction end date, 2 relationship descriptions' ('' when none was)."""
        if not self.done:
            return ""
        verb = "Would update" if dry_run else "Updated"
        return (f"{verb} facts already in the case from the file: " + ", ".join(
            _said(what, n, self.ended) for what, n in self.done.items()))


def _misread_end(old: dict[str, Any], row: dict[str, Any]) -> dict[str, Any]:
    """The values that clear the end date of the case's sanction ``old`` where an earlier
    Casefile read it from a targets.simple.csv cell that does not say it is the end ({}
    when it is not so). Such a sanction, imported again, gives that date in its reason:

    - as a further date, with no status that says it ended (the second date of a cell with
      no status: LLC CST's Swiss listing, amended 2025-04-23, read as ended then — the
      case's status 'ended' came of that end's having passed, and goes with it: review27);
    - as the one date of a sanction the file says has ended or was lifted, which may be its
      start (look26: a Czech entry read as ended on the day it began) — the status stays.

    The file's reason, which names the date, replaces the case's when it only adds to it."""
    end, reason, was = old.get("end_text"), row.get("reason") or "", old.get("reason") or ""
    if not end or row.get("end_text"):
        return {}
    out = date_columns(None, "end")
    further, either = _FURTHER.search(reason), _EITHER.search(reason)
    if further and end in further.group(1).split("; ") and row.get("status") not in ENDED \
            and old.get("status") in ("", None, "ended"):
        out["status"] = ""
    elif not (either and end == either.group(1) and row.get("status") in ENDED
              and old.get("status") in ("", None, row.get("status"))):
        return {}
    if reason != was and reason.startswith(was):
        out["reason"] = reason
    return out


def _said(what: str, n: int, ended: list[str]) -> str:
    kind, _, word = what.partition(" ")
    if word == _MISREAD:
        return f"{counted(n, kind)}: {word}"
    if word == "marked ended or lifted":
        more = "; …" if n > len(ended) else ""
        return f"{counted(n, kind)} marked ended or lifted ({'; '.join(ended)}{more})"
    return f"{counted(n, kind)} given its {word}" if n == 1 else \
        f"{counted(n, kind)} given their {word}"
