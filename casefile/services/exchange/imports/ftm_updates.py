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
- a sanction whose end date (or 'in force') the file does not bear out — an earlier
  Casefile read a date a targets.simple.csv cell does not place as the end — is named in a
  warning, never changed: the end may as well be a user's or another file's (review28).

The rows are written in the import's own operation, journaled (one undo takes the import
and these back), and counted in its report."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from typing import Any

from casefile.core.labels import counted
from casefile.core.sanctions import ENDED, LISTED, is_status, listed_status, without_listed
from casefile.services.case.journal import Tx
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
_DOUBTED = re.compile(re.escape(LISTED) + r".* \(a later date the list gives, .*, has passed\)")


class FactUpdates:
    """The updates an import makes to facts the case held before it (see the module
    text); ``left_out`` hears of a value the case's fact already says otherwise."""

    def __init__(self, tx: Tx, left_out: Callable[[str], None],
                 warn: Callable[[str], None] = lambda _said: None) -> None:
        self.tx, self.left_out, self.warn = tx, left_out, warn
        # the case's sanctions whose end or 'in force' the file does not bear out, to check:
        # pointed out, never changed (review28: an end from entities.ftm.json or a user's
        # was cleared as if an earlier Casefile had misread it)
        self.to_check: list[str] = []
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
                 and new != was and not _holds(row, old, prefix)]
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
                self.ended.append(self._named(old))
        if kind == "sanction" and not ends and _not_borne_out(old, row):
            self.to_check.append(self._named(old))
        for col, word in _FIELDS[kind].items():
            new, was = row.get(col) or "", old.get(col) or ""
            if col in out or not new or new == was:
                continue
            if not was:
                out[col] = new
                said.append(word)
            elif col == "reason" and not old.get("status") and is_status(
                    listed_status(was)) and without_listed(new) == without_listed(was):
                # (look26) only the list's own status words changed ('Final consent
                # judgement' is 'Dismissed' now), where the case keeps them as its standing
                # and as the list wrote them (review28: not a user's note beside them)
                out[col] = new
                said.append("status as listed")
            elif not (col in _GROWS and new in was):  # (review26) the case's text stays,
                # even one the file says more in: a user may have cut it
                self.left_out(f"{kind.capitalize()} {word}: the case's {kind} already says "
                              "another; the case's kept")
        for prefix, word in _DATES[kind].items():
            new, was = row.get(f"{prefix}_text"), old.get(f"{prefix}_text")
            if not new or new == was or f"{prefix}_text" in out or (
                    was and _holds(row, old, prefix)):  # says less than the case's
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

    def _named(self, old: dict[str, Any]) -> str:
        """'LLC CST: SECO' (a programme of 300 characters cut at 60: look26)."""
        party = self.driver.execute("SELECT name FROM entity WHERE id = ?",
                                    (old["entity_id"],)).fetchone()
        what = old.get("programme") or old.get("program_id") or "?"
        return f"{party[0] if party else '?'}: {what if len(what) <= 60 else what[:59] + '…'}"

    def say_to_check(self) -> None:
        """Warn of the case's sanctions the file does not bear out (:func:`_not_borne_out`)."""
        if n := len(self.to_check):
            more = "; …" if n > 3 else ""
            self.warn(f"{counted(n, 'sanction')} in the case {'has' if n == 1 else 'have'} an "
                      "end date or an 'in force' this file does not bear out — it gives the "
                      "end as a date it does not place, or gives a later date that has passed "
                      "(Casefile before 1 December read such dates as the end) — left as "
                      f"{'it is' if n == 1 else 'they are'}; check "
                      f"{'it' if n == 1 else 'them'}: {'; '.join(self.to_check[:3])}{more}")

    def line(self, dry_run: bool) -> str:
        """'Updated facts already in the case from the file: 1 sanction marked ended or
        lifted, 1 sanction end date, 2 relationship descriptions' ('' when none was)."""
        if not self.done:
            return ""
        verb = "Would update" if dry_run else "Updated"
        return (f"{verb} facts already in the case from the file: " + ", ".join(
            _said(what, n, self.ended) for what, n in self.done.items()))


def _holds(row: dict[str, Any], old: dict[str, Any], prefix: str) -> bool:
    """Whether the file's date ``prefix`` of a fact holds the case's, saying less of it: a
    listing '2023-06-14 or earlier' (a targets.simple.csv sanction's one date) beside the
    case's 2021-05-01 is no other listing."""
    lo, hi = row.get(f"{prefix}_start"), row.get(f"{prefix}_end")
    was_lo, was_hi = old.get(f"{prefix}_start"), old.get(f"{prefix}_end")
    if was_lo is None and was_hi is None:
        return False
    if lo is None:  # a bound only ('or earlier': what the file's one date lets be said,
        return True  # review31 — against a later listing the case's stays, as it did)
    return (was_lo is not None and str(lo) <= str(was_lo)) and (
        hi is None or (was_hi is not None and str(was_hi) <= str(hi)))


def _not_borne_out(old: dict[str, Any], row: dict[str, Any]) -> bool:
    """Whether the case's sanction ``old`` ends on, or stands in force beside, a date the
    file's ``row`` (a targets.simple.csv sanction) does not say is its end: a further date
    with no status that says it ended; the one date of a sanction that has ended; a later
    date that has passed beside 'in force' (an earlier Casefile read each so: LLC CST's
    Swiss listing, amended 2025-04-23, read as ended; a Czech entry as ended the day it
    began; a debarment run out as in force). The end may as well be a user's, or another
    file's: it is pointed out, not changed."""
    end, reason = old.get("end_text"), row.get("reason") or ""
    if old.get("status") == "in_force" and not row.get("status") and _DOUBTED.search(reason):
        return True
    if not end or row.get("end_text"):
        return False
    further, either = _FURTHER.search(reason), _EITHER.search(reason)
    return bool(further and end in further.group(1).split("; ")
                and row.get("status") not in ENDED) or bool(
        either and end == either.group(1) and row.get("status") in ENDED)


def _said(what: str, n: int, ended: list[str]) -> str:
    kind, _, word = what.partition(" ")
    if word == "marked ended or lifted":
        more = "; …" if n > len(ended) else ""
        return f"{counted(n, kind)} marked ended or lifted ({'; '.join(ended)}{more})"
    return f"{counted(n, kind)} given its {word}" if n == 1 else \
        f"{counted(n, kind)} given their {word}"
