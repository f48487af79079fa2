"""The dossier's network section: the analyst's saved link chart, or the figure of the
case's shipments and relationships, titled and captioned for what it draws, with the
parties it leaves out (no link to draw) counted and named."""

from __future__ import annotations

from datetime import date

from reportlab.platypus import Flowable, Spacer

from casefile.core.labels import counted
from casefile.report import styles as st
from casefile.report.charts import network_drawing
from casefile.report.citing import heading, natural, none_printed, with_heading
from casefile.report.figure_chart import chart_figure
from casefile.report.model import SECTIONS, DossierData
from casefile.report.pages import Furniture
from casefile.report.rich import para


def network(data: DossierData, f: Furniture, width: float) -> list[Flowable]:
    if data.chart is not None:  # the analyst's saved link chart, as the window shows it
        name, graph, positions, state = data.chart
        out = heading(f, "network", f"Link chart: {name}")
        fig = chart_figure(name, graph, positions, state, width)
        if fig is None:
            return out + [para("The chart is empty.", st.NOTE)]
        return with_heading(out, [fig.drawing, Spacer(1, 4), para(
            f"Figure {figure_number(data)}. {fig.caption} Line style follows the best "
            "citation of each link. "
            "Source: the case's shipments, relationships and sanctions.", st.NOTE)])
    rels = data.relationships()
    title, what, source = network_words(bool(data.shipments), bool(rels),
                                        set(data.options.sections),
                                        none_printed(data, "shipment", "shipments"))
    out = heading(f, "network", title)
    sanctioned = {e["id"] for e in data.entities
                  if any(not s.get("ended") for s in e["sanctions"])}
    ended = {rel["id"] for rel in rels if ended_before(rel, data.today)}
    d = network_drawing(data.shipments, width, relationships=[
        {**rel, "kind": f"{rel['kind']} (ended {rel['date_end'][:4]})"}
        if rel["id"] in ended else rel for rel in rels], sanctioned=sanctioned)
    if d is None:
        held = data.totals.get("shipment", 0) + data.totals.get("relationship", 0)
        return out + [para("No shipments or relationships in this dossier's scope." if
                           data.options.scoped and held else
                           "No shipments or relationships recorded.",
                           st.NOTE)]
    linked = ({s["shipper_id"] for s in data.shipments} | {s["consignee_id"]
                                                            for s in data.shipments}
              | {rel[k] for rel in rels for k in ("subject_id", "object_id")})
    alone = sorted((e["name"] for e in data.entities if e["id"] not in linked), key=natural)
    note = ""
    if alone:
        links = {(True, True): "shipment or relationship", (True, False): "shipment",
                 (False, True): "relationship"}[bool(data.shipments), bool(rels)]
        named = ": " + "; ".join(alone) if len(alone) <= 6 else ""
        note = (f" {counted(len(alone), 'party', 'parties')} without a {links} in this "
                f"dossier {'is' if len(alone) == 1 else 'are'} not drawn{named}.")
    # the heading never stays alone at a page foot: it goes with its figure
    if ended:
        note += (f" {counted(len(ended), 'relationship')} whose recorded end has passed "
                 f"{'is' if len(ended) == 1 else 'are'} labelled “ended” with the year.")
    caption = para(f"Figure {figure_number(data)}. {what}{note} {source}", st.NOTE)
    return with_heading(out, [d, Spacer(1, 4), caption])


def figure_number(data: DossierData) -> int:
    """The network's figure number: 2 after the chronology's, 1 in a dossier without it
    (look15: a network-only dossier began at "Figure 2")."""
    return 2 if "chronology" in data.options.sections and data.timeline is not None else 1


def network_words(shipments: bool, relationships: bool,
                  printed: set[str] | None = None,
                  no_shipments: str = "No shipments recorded.") -> tuple[str, str, str]:
    """The network section's title, its figure's caption and its source line, for what the
    figure draws: shipments, relationships or both. The source names the sections that list
    them where they are ``printed`` (all, by default), else the case."""
    printed = set(SECTIONS) if printed is None else printed
    ships = ("the shipments listed in the Shipments section" if "shipments" in printed
             else "the case's shipments")
    rels = ("the relationships listed in the Entity profiles" if "entities" in printed
            else "the case's relationships")
    if shipments and relationships:
        return ("Shipment and relationship network",
                "Who shipped to whom, through which countries, and how the parties are "
                "related. Line width grows with the number of shipments; dashed arrows are "
                "relationships, read from subject to object.",
                f"Source: {ships} and {rels}.")
    if relationships:
        return ("Relationship network",
                "How the parties are related: each dashed arrow reads from subject to object "
                f"(“A owns B”). {no_shipments}",
                f"Source: {rels}.")
    return ("Shipment network",
            "Who shipped to whom, and through which countries. Line width grows with the "
            "number of shipments.",
            f"Source: {ships}.")


def ended_before(rel: dict, today: date | None) -> bool:
    """Whether a relationship's recorded end (its last possible day) is before today: a
    span with an end ('2015 – 2020', 'until 2021'), not one date — a succession on 15 March
    2023, a tie known to hold in 2019, says nothing of an end (look28: 'successor of (ended
    2023)')."""
    end, code = rel.get("date_end"), str(rel.get("date_edtf") or "")
    return bool(end and today and "/" in code and not code.endswith("/..")
                and str(end) < today.isoformat())
