"""The review list of the screening dialog: the hits as a table model (best score first,
as the service returns them; its headers say what each column means, a flagged score says
"flagged") and the two records shown side by side, as plain text — the list entry with the
sanctions and programmes the list gives it."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from casefile.core.countries import country_name
from casefile.core.identifiers import scheme_label, scheme_of_ftm
from casefile.core.labels import words
from casefile.core.screening import FLAG_THRESHOLD, NOT_REOPENED, REVIEW_THRESHOLD
from casefile.core.topics import sanctioned, topic_label
from casefile.core.watchlist_datasets import dataset_words
from casefile.services.case.facade import Case
from casefile.services.case.screening_ops import VERDICT_WORDS
from casefile.services.screening.results import HitRow
from casefile.ui.text import plain_tooltip

COLUMNS = ("Score", "Party", "List entry", "Watchlist", "Entry type", "Decision")
WATCHLIST_COLUMN = 3
HEADER_TIPS = (
    f"How alike the party and the list entry are, from {REVIEW_THRESHOLD:.2f} (worth a "
    "look) to 1.00 (the same name, and nothing that tells them apart). “flagged”: at or "
    f"above the run's flag threshold ({FLAG_THRESHOLD:.2f} unless set otherwise) — decide "
    "these first; the command line reports them until they are decided.",
    "The party in this case",
    "The entry of the watchlist it resembles",
    "The watchlist the entry is in: the table holds the latest run against each list "
    "screened",
    "What the list entry is: a person, a company, an organisation, a vessel… (its "
    "FollowTheMoney schema)",
    "Your decision on the hit: open (not yet decided), match, no match or unsure")
LEGEND = (f"Score: how alike the party and the list entry are, {REVIEW_THRESHOLD:.2f} to "
          f"1.00. “flagged”: {FLAG_THRESHOLD:.2f} or more (unless the run was given another "
          "flag threshold) — decide these first. Entry type: what the list entry is. Hover "
          "over a column's heading for more.")
SCHEMA_WORDS = {"Person": "person", "Company": "company", "Organization": "organisation",
                "LegalEntity": "legal entity", "PublicBody": "public body",
                "Vessel": "vessel", "Airplane": "aircraft"}


def schema_words(schema: str) -> str:
    """A FollowTheMoney schema as a reader says it ('PublicBody' -> 'public body')."""
    return SCHEMA_WORDS.get(schema, schema)


def score_text(h: HitRow) -> str:
    return f"{h.score:.2f}{'  flagged' if h.score >= h.flag else ''}"
_Index = QModelIndex | QPersistentModelIndex


class HitModel(QAbstractTableModel):
    """The hits, best score first (as the service returns them)."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[HitRow] = []

    def set_rows(self, rows: list[HitRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(HEADER_TIPS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        h = self.rows[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return plain_tooltip(
                f"Flagged: {h.score:.2f} is at or above this run's flag threshold, "
                f"{h.flag:.2f}. Decide it first." if h.score >= h.flag else
                f"{h.score:.2f}: at or above the review threshold ({h.review:.2f}), "
                f"below the flag threshold ({h.flag:.2f}).")
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == WATCHLIST_COLUMN:
            return plain_tooltip(h.watchlist)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2 and h.unsanctioned:
            return plain_tooltip(f"{h.list_caption}: {h.unsanctioned}")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if index.column() == 0:
            return score_text(h)
        if index.column() == WATCHLIST_COLUMN:
            return h.watchlist
        if index.column() == 4:
            return schema_words(h.list_schema)
        if index.column() == 5:
            if h.open:
                return "open" + (f" ({h.reopened})" if h.reopened not in NOT_REOPENED
                                 else "")
            return VERDICT_WORDS[h.verdict] + (" (earlier run)" if h.carried else "")
        if index.column() == 2 and h.unsanctioned:  # (look30: read as a sanctions hit)
            return f"{h.list_caption} — {h.unsanctioned}"
        return (h.party, h.list_caption)[index.column() - 1]


def party_text(case: Case, entity_id: int) -> str:
    """The case's party beside a list entry: what a reviewer compares — countries, birth,
    posts, topics — in words (a set of birth dates read out, a post a line)."""
    from casefile.report.wording import party_facts

    e = case.get("entity", entity_id) or {}
    lines = [f"{e.get('name', '')}", f"kind: {words(e.get('kind'))}"]
    countries = [c for c in [e.get("country") or "", *(e.get("other_countries") or "")
                             .split(",")] if c]
    if countries:
        lines.append("countries: " + ", ".join(country_name(c) or c for c in countries))
    if e.get("gender"):
        lines.append(f"gender: {e['gender']}")
    for label, value in party_facts(e):
        lines += [f"{label.lower()}: {x}" for x in value.splitlines() if x.strip()]
    for a in case.children("alias", "entity_id", entity_id):
        lines.append(f"alias: {a['name']}")
    for i in case.children("identifier", "entity_id", entity_id):
        lines.append(f"{scheme_label(i['scheme'])}: {i['value']}")
    return "\n".join(lines)


def _joined(props: dict[str, list[str]], key: str) -> str:
    return "; ".join(props.get(key) or [])


def _dates(s: dict[str, list[str]], key: str) -> str:
    """A listing date as the lists give several: the designation first, the later ones as
    amendments ('2022-12-16 (amended 2023-06-23)'); other values joined."""
    values = s.get(key) or []
    if key != "listingDate" or len(values) < 2:
        return _joined(s, key)
    first, *later = sorted(values)
    return f"{first} (amended {', '.join(later)})"


def sanction_lines(s: dict[str, list[str]]) -> list[str]:
    """One sanction of a list entry in words: who imposed it, under which programme, when
    and why (what the list leaves out is not said)."""
    who = _joined(s, "authority") or "authority not given by the list"
    what = _joined(s, "program")
    pid = _joined(s, "programId")
    head = f"• {who}" + (f": {what}" if what else "") + (
        f" (programme id {pid})" if pid and what else f": programme id {pid}" if pid else "")
    lines = [head]
    when = [f"{word} {_dates(s, key)}" for word, key in (
        ("listed", "listingDate"), ("from", "startDate"), ("until", "endDate"),
        ("status", "status")) if s.get(key)]
    if when:
        lines.append("  " + ", ".join(when))
    for word, key in (("reason", "reason"), ("measures", "provisions"),
                      ("country", "country"), ("source", "sourceUrl"), ("note", "note")):
        if s.get(key):
            lines.append(f"  {word}: {_joined(s, key)}")
    return lines


def entry_text(h: HitRow) -> str:
    """The list entry as the hit keeps it, as plain text: what it is, its sanctions and
    programmes, then every property it has."""
    e = h.entry
    props: dict[str, list[str]] = e.get("properties") or {}
    lines = [e.get("caption", ""), f"{schema_words(e.get('schema', ''))} — list id "
             f"{e.get('id', '')}"]
    if h.watchlist:  # the dialog shows the case's hits of every list screened against
        lines.append(f"from the watchlist: {h.watchlist}")
    if e.get("datasets"):
        lines.append(f"in the lists: {'; '.join(dataset_words(d) for d in e['datasets'])}")
    if e.get("last_change"):
        lines.append(f"last changed in the list: {e['last_change']}")
    sanctions = e.get("sanctions") or []
    lines.append("")
    if sanctions:
        lines.append(f"Sanctions ({len(sanctions)}):")
        for s in sanctions:
            lines += sanction_lines(s)
    elif sanctioned(props.get("topics", [])) and "sanctions" in e:
        lines.append("Sanctions: marked as sanctioned in the list (its topics), but the "
                     "list gives no sanction record for this entry (no authority, "
                     "programme or dates)")
    elif sanctioned(props.get("topics", [])):
        lines.append("Sanctions: marked as sanctioned in the list (its topics), but the "
                     "list holds no sanction record for any of its entries (no authority, "
                     "programme or dates). A list loaded by an earlier Casefile kept none: "
                     "if its file gives Sanction entities, load it again and screen again.")
    else:
        lines.append("Sanctions: none in the list")
    if props.get("program"):
        lines.append(f"Programme: {_joined(props, 'program')}")
    lines += ["", "All the entry says:"]
    for prop, values in sorted(props.items(), key=lambda kv: prop_words(kv[0]).casefold()):
        lines += [f"{prop_words(prop)}: {topic_label(v) if prop == 'topics' else v}"
                  for v in values]
    return "\n".join(lines)


def prop_words(prop: str) -> str:
    """An FtM property as the party pane beside it says it: an identifier by its scheme
    ('innCode' -> 'INN'), any other in words ('incorporationDate' -> 'incorporation date')."""
    scheme = scheme_of_ftm(prop)
    if scheme is not None:
        return scheme
    if (label := scheme_label(prop)) != prop:  # 'wikidataId' -> 'Wikidata ID'
        return label
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", prop).lower()
