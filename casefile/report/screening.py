"""The dossier's Screening section: for each watchlist the case was screened against, the list
and its version, the algorithm, when it ran, every decision with its reviewer and note, and
the hits still open. Its input is plain data (services.screening.summary), read by attribute."""

from __future__ import annotations

from functools import partial
from typing import Any

from reportlab.platypus import Flowable, Spacer

from casefile.core.labels import counted
from casefile.core.screening import NOT_REOPENED
from casefile.report import styles as st
from casefile.report.citing import heading, when
from casefile.report.model import DossierData
from casefile.report.pages import Furniture
from casefile.report.rich import Text, para, r
from casefile.report.tables import PAD, Column, Num, cell_width, long_table


def _entry(line: Any) -> Text:
    """The list entry a hit names, and why it matched."""
    what: Text = [r(line.list_caption, bold=True), r(f" ({line.list_key})", size=6.8)]
    if line.unsanctioned:  # (look30: a registry record printed as a sanctions 'Match')
        what += [r("\n" + line.unsanctioned[:1].upper() + line.unsanctioned[1:], bold=True,
                   size=6.8, color="#B00020")]
    if line.explanation:
        what += [r("\n" + line.explanation, size=6.8, color="#3A3A3A")]
    return what


CHANGED = "changed since this run"


def _party(line: Any, changed: frozenset[int]) -> Text:
    """The party a hit is of; said when it changed since the run (look30)."""
    if line.entity_id not in changed:
        return [r(line.party)]
    return [r(line.party), r(f"\n{CHANGED}", italic=True, size=6.8, color="#B00020")]


def _decision(line: Any, changed: frozenset[int] = frozenset()) -> list:
    who = " · ".join(x for x in (line.reviewer, when(line.decided_at) if line.decided_at
                                 else "") if x)
    what = _entry(line)
    if line.note:
        what += [r("\nNote: ", italic=True), r(line.note)]
    return [_party(line, changed), what, Num(f"{line.score:.2f}"),
            [r(line.verdict, bold=line.verdict == "match")], [r(who)]]


def _open(hit: Any, changed: frozenset[int] = frozenset()) -> list:
    what = _entry(hit)
    if hit.reopened not in NOT_REOPENED:
        what += [r("\nReopened: ", italic=True), r(hit.reopened)]
    return [_party(hit, changed), what, Num(f"{hit.score:.2f}"),
            [r("FLAGGED, not reviewed" if hit.flagged else "to review",
               bold=hit.flagged, color="#B00020" if hit.flagged else None)], [r("")]]


def screening(data: DossierData, f: Furniture, width: float) -> list[Flowable]:
    out = heading(f, "screening", "Screening")
    if not data.screening:
        return out + [para("The parties of this case have not been screened against a "
                           "watchlist.", st.NOTE)]
    # the party column as wide as its longest word, within a third of the page (look23:
    # 'ПРОМЭЛЕКТРОНИ / КА-ЮГ' broke mid-word, with no hyphen)
    longest = max((cell_width(w) for s in data.screening for h in (*s.decisions, *s.open_hits)
                   for w in h.party.split()), default=0.0)
    party = min(longest + 2 * PAD + 1, width / 3)
    cols = [Column("Party", 0.22, minimum=party), Column("List entry and why it matched", 0.5),
            Column("Score", fit=True, numeric=True), Column("Decision", 0.12),
            Column("Reviewer", 0.16)]
    for s in data.screening:
        named = s.watchlist if s.dataset in ("", s.watchlist) else f"{s.watchlist}: {s.dataset}"
        out.append(para(f"{named}, version {s.list_version}", st.H2))  # (look30: 'sanctions:
        # sanctions, version …')
        out.append(para(
            f"Screened {counted(s.parties, 'party', 'parties')} on {when(s.screened_at)} "
            f"with {s.algorithm}; "
            f"scores from {s.review_threshold:.2f} are shown for review and from "
            f"{s.flag_threshold:.2f} flagged. List file SHA-256 {s.list_sha256}. "
            f"{s.licence}", st.SMALL))
        if s.cleared:  # (look17: said by the run, then nowhere)
            n = len(s.cleared)
            out.append(para(f"{counted(n, 'party', 'parties')} flagged by the previous run "
                            f"against {s.watchlist} {'has' if n == 1 else 'have'} no hit in "
                            f"this one: {'; '.join(s.cleared)}.", st.NOTE))
        if s.changed:  # (look30: an edited party's old hits printed as current)
            names = sorted({h.party for h in (*s.decisions, *s.open_hits)
                            if h.entity_id in s.changed})
            out.append(para([r(f"{counted(len(names), 'party', 'parties')} changed since "
                               "this run — names, identifiers or details — and their hits "
                               "below come from what they were then: screen "
                               f"{'it' if len(names) == 1 else 'them'} again. ", bold=True,
                               color="#B00020"), r("; ".join(names))], st.NOTE))
        out.append(Spacer(1, 4))
        out.append(para(f"Decisions ({len(s.decisions):,})", st.H3))
        if s.decisions:
            out += long_table(cols, list(s.decisions), partial(_decision, changed=s.changed),
                              width, fitted=[["", "", "0.00", "", ""]])
        else:
            out.append(para("No decisions recorded.", st.NOTE))
        out.append(para(f"Open hits ({len(s.open_hits):,})", st.H3))
        if s.open_hits:
            out += long_table(cols, list(s.open_hits), partial(_open, changed=s.changed),
                              width, fitted=[["", "", "0.00", "", ""]])
        else:
            out.append(para("None: every hit has a decision.", st.NOTE))
    return out
