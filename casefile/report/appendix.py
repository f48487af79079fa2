"""The dossier's back matter: the sources appendix (each source, the facts it supports and
its attachments' SHA-256), the evidence annex (the audit log's head and how to check the
dossier against the case) and the index of parties with their profile pages."""

from __future__ import annotations

from functools import partial

from reportlab.platypus import Flowable, KeepTogether, Spacer

from casefile.core.grading import RELIABILITY
from casefile.core.labels import counted, words
from casefile.report import styles as st
from casefile.report.citing import clip, heading, natural, when
from casefile.report.model import DossierData
from casefile.report.pages import Deferred, Furniture
from casefile.report.rich import BR, Text, anchored, join, para, r

CITES = st._p("cites", fontSize=7.5, leading=9.5, leftIndent=12)
CITES_A_PARAGRAPH = 40  # cited facts


def _source_entry(s: dict) -> Text:
    n = s["number"]
    rel = RELIABILITY.get(s["reliability"], "")
    out: Text = [r(f"[{n}]", bold=True), r(f" {s['title']}"), BR]
    meta = [words(s["kind"]), s.get("publisher"), s.get("author"), s.get("date_text")]
    out += [r(" · ".join(str(m) for m in meta if m)), BR]
    if s.get("url"):
        out += [r(f"URL: {s['url']}"), BR]
    else:
        out += [r("No URL recorded", italic=True, color="#5A5A5A"), BR]
    if s.get("accessed"):
        out += [r(f"Accessed {s['accessed']}"), BR]
    out.append(r(f"Reliability {s['reliability']} — {rel}"))
    if s.get("notes"):
        out += [BR, r("Notes: ", italic=True), r(s["notes"], isolate=True)]
    return out


_OWN_LABEL = frozenset({"entity", "event", "finding"})


def _cited(fact: dict) -> Text:
    name = fact.get("label") or f"#{fact['id']}"
    # a party's name, an event's or finding's title stand alone; the label of a
    # relationship, sanction or shipment is a sentence the dossier writes (review33: an
    # Arabic-led one, 'شركة … customer of ZALA Aero Group', was turned round)
    own = fact["kind"] in _OWN_LABEL
    out = [r(fact["code"], bold=True), r(f" {fact['kind']} “"),
           r(clip(name, 90), isolate=own), r("”")]
    if fact["locator"]:
        out.append(r(f", {fact['locator']}"))
    if fact["excerpt"]:
        out += [r(": “"), r(fact["excerpt"], isolate=True), r("”")]
    return out


def _source(s: dict) -> list[Flowable]:
    block: list[Flowable] = [anchored(f"src-{s['number']}", _source_entry(s), st.SMALL)]
    cited = [_cited(fact) for fact in s["facts"]]
    for at in range(0, len(cited), CITES_A_PARAGRAPH):  # (one paragraph of 10^4 lines is
        # broken again for every page it runs over: a list of 30k cited facts took minutes)
        block.append(para(join(cited[at:at + CITES_A_PARAGRAPH], BR), CITES))
    for a in s.get("attachments", []):
        block.append(para([r(f"Attachment: {a['filename']} ({a['size']:,} bytes), SHA-256 "),
                           r(a["sha256"], size=7)], CITES))
    block.append(Spacer(1, 6))
    # a short entry stays on one page; a long one may break between its cited facts
    return [KeepTogether(block)] if len(cited) < 12 else block


def sources(data: DossierData, f: Furniture) -> list[Flowable]:
    out = heading(f, "sources", "Sources")
    out += [para("Each source cited by a fact printed in this dossier, with the facts it "
                 "supports and the grade given to each (see “How sources are graded”).",
                 st.NOTE), Spacer(1, 8)]
    out += [Deferred(partial(_source, s)) for s in data.sources]
    if not data.sources:
        out.append(para("No sources are cited in this dossier.", st.NOTE))
    if data.uncited_sources:
        n = data.uncited_sources
        what = "further source of the case is" if n == 1 else "further sources of the case are"
        out.append(para(f"{n:,} {what} cited by nothing printed here and "
                        f"{'is' if n == 1 else 'are'} not listed.", st.NOTE))
    return out


def evidence(data: DossierData, f: Furniture) -> list[Flowable]:
    """What anchors this dossier to the case: digests and the audit log's head."""
    out = heading(f, "evidence", "Evidence annex")
    atts = sum(len(s.get("attachments", [])) for s in data.sources)
    lines: list[Text] = [
        [r("Content digest of the case: ", bold=True), r(data.content_sha256, size=7.5)],
        [r("Attachments: ", bold=True),
         r(f"{counted(atts, 'file')}, each listed with its SHA-256 under its source in the "
           "Sources section." if atts else "none are stored in the case.")]]
    head = data.audit_head
    if head:
        lines.append([r("Audit log head: ", bold=True),
                      r(f"entry no. {head['id']:,}, written {when(head['at'])} by "
                        f"{head['actor'] or 'unknown'}: {head['summary'] or head['action']}")])
        lines.append([r("Audit entry hash: ", bold=True), r(head["hash"] or "", size=7.5)])
    lines.append([r("To check: ", bold=True),
                  r("casefile verify-dossier DOSSIER.pdf CASE.casefile recomputes the case's "
                    "content digest and compares it with the one printed on the cover; "
                    "casefile check CASE.casefile verifies the audit chain and every "
                    "attachment.")])
    return out + [para(x, st.BODY_TEXT) for x in lines]


def index(data: DossierData, f: Furniture) -> list[Flowable]:
    """Parties in alphabetical order with the page of their profile (known by the time
    layout reaches the index, which comes last); their aliases point to them, but a weak
    alias ('Sasha': a nickname, too common to find a party by) is left out, and the index
    says so."""
    out = heading(f, "index", "Index of parties")
    weak = sum(a.get("kind") == "weak_alias" for e in data.entities for a in e["aliases"])
    if weak:
        out += (para(f"{counted(weak, 'weak alias', 'weak aliases')} (a nickname or "
                        "short form too common to find a party by) "
                        f"{'is' if weak == 1 else 'are'} not indexed; "
                        f"{'it' if weak == 1 else 'each'} is marked in its party's profile.",
                        st.NOTE), Spacer(1, 4))

    def make() -> list[Flowable]:
        entries = [(e["name"], e, "") for e in data.entities]
        entries += [(a["name"], e, e["name"]) for e in data.entities for a in e["aliases"]
                    if a["name"] and a["name"] != e["name"] and a.get("kind") != "weak_alias"]
        # namesakes (and their aliases) are one line with each page: seven lines of
        # 'Смирнов Мария — see SMIRNOV, Maria 1378' told the reader nothing
        lines: dict[tuple[str, str], dict[int, dict]] = {}  # each party once (an alias
        # given twice, as an alias and as a previous name, is not a second party)
        for name, e, see in sorted(entries, key=lambda x: natural(x[0])):
            lines.setdefault((name, see), {})[e["id"]] = e
        items: list[Flowable] = []
        for (name, see), by_id in lines.items():
            parties = list(by_id.values())
            runs = [r(name, isolate=True)] + ([r(" — see ", italic=True),
                                                r(see, italic=True, isolate=True)]
                                               if see else [])
            if len(parties) > 1:
                runs.append(r(f" ({len(parties)} parties)"))
            pages: dict[int | None, int] = {}  # page -> the first party on it
            for e in parties:
                pages.setdefault(f.section_pages.get(f"entity-{e['id']}"), e["id"])
            for n, (page, eid) in enumerate(sorted(pages.items(), key=lambda x: x[0] or 0)):
                runs.append(r(("  " if n == 0 else ", ")
                              + (str(page) if page else "(no profile)"),
                              color="#0B4F8A" if page else "#5A5A5A",
                              link=f"entity-{eid}" if page else None))
            items.append(para(runs, st.SMALL))
        return items or [para("No parties.", st.NOTE)]
    return out + [Deferred(make)]
