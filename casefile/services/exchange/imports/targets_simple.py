'''OpenSanctions' ``targets.simple.csv`` read as FollowTheMoney-like records (both its
current 16-column layout with ``program_ids`` and the older 15-column one, which gave the
party's programme ids among its identifiers).

Several values in one cell are a nested CSV: separated by ``;``, a value holding ``;`` or
``"`` quoted with doubled quotes (``"Limited Liability Company ""CST"""``). The sanctions cell
joins each sanction's programme, reason, status, start and end with `` - ``, leaving out the
empty ones; :func:`sanction_parts` takes it apart again, as far as the text allows.'''

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from casefile.core.fuzzydate import ISO_PREFIX, FuzzyDateError, parse_fuzzy_date
from casefile.core.sanctions import LISTED, is_status, status_of
from casefile.errors import ImportFileError
from casefile.services.exchange.imports.ftm_date_values import last_day
from casefile.services.exchange.imports.ftm_read import Record
from casefile.services.exchange.imports.ftm_statements import csv_dicts
from casefile.services.exchange.imports.programme_names import (
    known_programme,
    programme_at_start,
)

# characters a program could not write in the file's code page come out as '?' ("Shenzhen
# ???????", "??"): a cell holding two in a row lost its text (look16: a targets.simple.csv
# saved by a Russian Excel in cp1251 turned Chinese and Greek names into question marks)
QUESTION_MARKS = "??"
# an OpenSanctions programme id: 'EU-UKR', 'UA-SA1644', 'US-DOD-1260H', 'INTERPOL-RN' — a
# code of capitals, then parts of capitals and digits, one with a letter (all 261 of
# OpenSanctions' programmes; review26: ten with digits were kept as identifiers); a
# registration number ('HRB-12345', 'CHE-123.456.789') is none
PROGRAM_ID = re.compile(r"[A-Z]{2,9}(?:-[A-Z0-9]+)*-[A-Z0-9]*[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*")
SIMPLE_COLUMNS = ("id", "schema", "name", "aliases", "birth_date", "countries", "addresses",
                  "identifiers", "sanctions", "phones", "emails", "program_ids", "dataset",
                  "first_seen", "last_seen", "last_change")


# stands for a line break inside a nested cell while it is split (a private-use character)
_BREAK = "\ue000"


def nested(cell: str | None) -> list[str]:
    """The values of a nested-CSV cell: ``a;"b;c";"d ""e"" f"`` -> a, b;c, d "e" f. A line
    break inside a value stays in it: OpenSanctions' exporter writes the cell with no line
    terminator, so a value holding one is not quoted (look21: an EU reason over three lines
    ended the cell at its first line break — the rest of that sanction and the ended UK
    sanction after it were lost without a word)."""
    return [v for v in _cell_values(cell) if v]


def _cell_values(cell: str | None) -> list[str]:
    """Every value of a nested-CSV cell, an empty one too (stripped)."""
    if not cell or not cell.strip():
        return []
    text = cell.replace("\r\n", "\n").replace("\r", "\n").replace("\n", _BREAK)
    row = next(csv.reader([text], delimiter=";", quotechar='"', doublequote=True,
                          skipinitialspace=True), [])
    return [v.replace(_BREAK, "\n").strip() for v in row]


# what a sanction of targets.simple.csv says of itself when the cell gives it no words, and
# of a date the cell does not say the kind of
BLANK = ("targets.simple.csv lists a sanction of this party without its programme, "
         "reason, status or dates")
EITHER = ("Date the list gives: {} (targets.simple.csv does not say whether it is the start "
          "or the end)")
DOUBTED = "{} (a later date the list gives, {}, has passed)"  # the status as listed
FURTHER = ("Further dates the list gives: {} (targets.simple.csv does not say whether each "
           "is another start or the end)")


def row_sanctions(rec: Record) -> tuple[list[dict[str, str]], list[str]]:
    """The sanctions of a targets.simple.csv row, each in parts, and the row's programme ids
    none of them takes: the ids go to its one sanction, or each makes one of its own when
    the cell names none (or a blank one alone); a blank sanction beside others is one too
    (:data:`BLANK`); of several, which id is whose is not said."""
    out = [dict(p) for p in rec.get("_sanctions") or []]
    ids = list(rec.get("_program_ids") or [])
    if not out:
        if ids:
            return [{"programId": pid} for pid in ids], []
        return ([{"reason": BLANK}] if rec.get("_blank_sanction") else []), []
    if rec.get("_blank_sanction"):
        out.append({"reason": BLANK})
    if len(out) == 1 and ids:
        out[0]["programId"] = "; ".join(ids)
        return out, []
    return out, ids


def sanction_texts(cell: str | None) -> tuple[list[str], bool]:
    """The sanctions of a sanctions cell, and whether one of them is blank: the exporter
    writes a sanction with no programme, reason, status or date as an empty value (look25:
    LLC VOSTOK-TRADE's one sanction, a programme id alone, was dropped without a word)."""
    values = _cell_values(cell)
    return [v for v in values if v], "" in values


# a sentence break: two small letters or a year, a full stop and a capital (not 'No. 269',
# 'Co. Ltd', nor a legal reference's 'odst. 3 písm. a)', 'Abs. 1', 'Art. 5': research27)
_SENTENCE = re.compile(r"(?:(?<![.\w])(?!(?:art|abs|reg|dec|para|sec|ust|pkt|odst|písm|nr)\.)"
                       r"[a-zà-ÿа-яёіїєґ]{2,}|\b\d{4})[.!?]\s+[A-ZÀ-ÞА-ЯЁІЇЄҐ]")
# a programme's name is short: a part longer than this is a reason (look25: a French
# designation's 1,345-character reason was taken for its programme and stopped the import)
PROGRAMME_CHARS = 300
_OPEN, _CLOSE = "([{", ")]}"  # not quotes: „Alfa“ closes with the mark “ opens with


def _top_level_parts(text: str) -> list[str]:
    """``text`` split at each ' - ' outside brackets: '(UE Ukraine intégrité territoriale -
    R (UE) 269/2014)' is one part (look25: the programme was cut inside its brackets). A
    text whose brackets do not close is split at every ' - ' (review26: a stray '(' hid an
    expired sanction's status and dates in its reason)."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(text):
        c = text[i]
        if c in _OPEN:
            depth += 1
        elif c in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and text.startswith(" - ", i):
            parts.append(text[start:i].strip())
            start = i = i + 3
            continue
        i += 1
    if depth:
        parts, start = [p.strip() for p in text.split(" - ")], len(text)
    parts.append(text[start:].strip())
    return [p for p in parts if p]


def reads_as_reason(part: str) -> bool:
    """Whether the first part of a sanction's text is its reason, not a programme: a
    programme's name is short and no sentence ('A developer and manufacturer of unmanned
    systems. It is part of …')."""
    return len(part) > PROGRAMME_CHARS or bool(_SENTENCE.search(part))


_ENDED_ON = re.compile(r"\(\s*(?:expired|ended|lifted|removed|delisted)\s+(?:on\s+)?([^()]+)\)",
                       re.IGNORECASE)


def _end_in_remark(status: str) -> str:
    """The day a status's remark says the sanction ended ('Past (expired 12 March 2024)'
    -> '2024-03-12'), '' when it says none to the day."""
    found = _ENDED_ON.search(status)
    if found is None:
        return ""
    try:
        day = parse_fuzzy_date(found.group(1).strip())
    except FuzzyDateError:
        return ""
    return day.start.isoformat() if day.precision == "day" and day.start else ""


def with_unplaced(parts: dict[str, str]) -> dict[str, str]:
    """A sanction's parts (:func:`sanction_parts`) with the dates the cell does not place
    and a status its dates cast doubt on taken out and said in its reason. The one date of
    a sanction that has ended, the start or the end, is its listing date 'or earlier':
    listed before it began and before it ended, it was listed on that day or earlier
    (session 22: it had no date, and was not on the timeline)."""
    further, either, doubted = (parts.pop(k, "") for k in ("further", "either", "doubted"))
    if either and not parts.get("listingDate"):
        parts["listingDate"] = f"{either} or earlier"
    lines = (parts.get("reason", ""), FURTHER.format(further) if further else "",
             EITHER.format(either) if either else "",
             LISTED + DOUBTED.format(doubted, further.split("; ")[-1]) if doubted else "")
    parts["reason"] = "\n".join(x for x in lines if x)
    return parts


def sanction_parts(text: str, today: str = "", context: str = "") -> dict[str, str]:
    """'program - reason - status - start - end' (the empty ones left out by the exporter)
    -> its parts. Read from the end: dates, then a word that is a status; the first part is
    the programme (unless it reads as a reason, :func:`reads_as_reason`) and what lies
    between the reason (a reason may itself hold ' - ').

    One date is the start; with a status that says the sanction ended or was lifted it may
    be either (the Czech list's 'změněn', the FDA's 'Reinstated' give the start; zavod's
    end-date helper the end), and it is given as ``either`` (look26: a Czech entry read as
    ended on the day it began). Of two dates the second is the end when the status says it
    ended or when it lies after ``today`` (ISO; a term running on); otherwise the cell
    cannot say whether it is a second start (OpenSanctions lists each amendment's) or the
    end, and it is given as ``further`` (look25: LLC CST's Swiss listing, started
    2023-12-21 and amended 2025-04-23, was stored as ended). A status that says in force
    beside a later date that has passed (a term of debarment run out, or an amendment) is
    not taken for the sanction's standing: it is given as ``doubted`` (look26: a debarment
    that ended in 2024 read as in force)."""
    named = programme_at_start(text)  # (research27: 'CAATSA - RUSSIA' was cut at its dash)
    parts = [named, *_top_level_parts(text.lstrip()[len(named):])] if named else \
        _top_level_parts(text)
    dates: list[str] = []
    while parts and ISO_PREFIX.fullmatch(parts[-1]):  # (review26: SECO gives five)
        dates.insert(0, parts.pop())
    status = parts.pop() if parts and is_status(parts[-1]) else ""
    program = parts[0] if parts and (named or known_programme(parts[0])
                                     or not reads_as_reason(parts[0])) else ""
    reason = " - ".join(parts[1:] if program else parts)
    out = {"program": program, "reason": reason, "status": status, "startDate": "",
           "endDate": "", "further": "", "either": "", "doubted": ""}
    meaning = status_of(status, f"{context} {program}") if status else None  # (review28:
    # as sanction_values reads it, the programme too)
    ended = meaning in ("ended", "lifted")
    if len(dates) == 1 and ended and (said := _end_in_remark(status)) \
            and said != dates[0][:10]:  # 'Past (expired 12 March 2024) - 2019-03-12': the
        out["startDate"], out["endDate"] = dates[0], said  # status says the end (review28)
    elif len(dates) == 1:  # when it took effect, unless the status says it ended
        out["either" if ended else "startDate"] = dates[0]
    elif dates:
        out["startDate"] = dates[0]
        last = last_day(dates[-1])  # ('2026' runs to 31 December: review28)
        if ended or (today and last > today):
            out["endDate"] = dates[-1]
            out["further"] = "; ".join(dates[1:-1])
        else:
            out["further"] = "; ".join(dates[1:])
            if meaning == "in_force" and today and last < today:
                out["doubted"], out["status"] = status, ""
    return out


def simple_rows(path: Path, f: TextIO, today: date | None = None
                ) -> Iterator[tuple[int, Record]]:
    """(line, entity) of each row of an OpenSanctions targets.simple.csv (``today``: the
    day a sanction's end is compared with)."""
    header, rows = csv_dicts(path, f)
    if not {"schema", "name"} <= set(header):
        raise ImportFileError(f"{path.name}: neither FollowTheMoney JSON nor an OpenSanctions "
                              "targets.simple.csv (columns id, schema, name, …)")
    older = "program_ids" not in header
    day = (today or date.today()).isoformat()
    for line, row in rows:
        idents, pids = nested(row.get("identifiers")), nested(row.get("program_ids"))
        if older:  # (look25) the 15-column layout gives the party's programme ids among its
            # identifiers ('EU-UKR', 'UA-SA1644'), where they identify nothing
            pids = [v for v in idents if PROGRAM_ID.fullmatch(v)]
            idents = [v for v in idents if v not in pids]
        props: dict[str, list[Any]] = {
            "name": [row.get("name") or ""], "alias": nested(row.get("aliases")),
            "country": nested(row.get("countries")), "address": nested(row.get("addresses")),
            "birthDate": nested(row.get("birth_date")),
            "registrationNumber": idents,  # schemes not said
            "phone": nested(row.get("phones")), "email": nested(row.get("emails"))}
        lost = [v for k in ("alias", "address") for v in props[k] if QUESTION_MARKS in v]
        for k in ("alias", "address"):  # (look16) not kept as a name or an address
            props[k] = [v for v in props[k] if QUESTION_MARKS not in v]
        name = props["name"][0]
        if QUESTION_MARKS in name:
            lost.append(name)  # kept where letters of it are left; said
            if not any(c.isalnum() for c in name):  # nothing of it left (look17: a party
                # named '??'): its first readable alias names it, else the row is left out
                props["name"] = props["alias"][:1]
                props["alias"] = props["alias"][1:]
        sanctions, blank = sanction_texts(row.get("sanctions"))
        datasets = nested(row.get("dataset"))
        # the list a row's sanctions come from, where it names one (review28: a row of the
        # NSDC's and a US Medicaid list's read the Medicaid 'Excluded' as the NSDC's)
        which = datasets[0] if len(datasets) == 1 else ""
        seen = [f"{k.replace('_', ' ')} {row[k]}" for k in ("first_seen", "last_seen")
                if row.get(k)]
        yield line, {
            "id": row.get("id") or "", "schema": row.get("schema") or "",
            "properties": props, "langs": {},
            "_sanctions": [sanction_parts(s, day, which) for s in sanctions],
            "_blank_sanction": blank,
            "_program_ids": pids, "_datasets": datasets, "_list": which,
            "_last_change": row.get("last_change") or "",
            "_first_seen": row.get("first_seen") or "",
            "_lost": lost,
            "_note": "; ".join(["OpenSanctions: " + ", ".join(datasets)] if datasets else []
                               + seen)}
