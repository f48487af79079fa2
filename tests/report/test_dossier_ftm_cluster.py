"""The dossier of a case imported from FollowTheMoney data shaped like OpenSanctions' own
(tests/support/ftm_cluster.py): parties, sanctions and relationships, no shipments. What it
prints is what the case holds, in words a reader can use: no shipment figure for
relationships, no empty table, a standing for every sanction, dates and topics read, weak
aliases marked."""

from __future__ import annotations

import re

import pypdf
import pytest

from casefile.services.case.facade import Case
from casefile.services.exchange.export_pdf import export_dossier
from casefile.services.exchange.imports.ftm import import_ftm
from tests.support import ftm_cluster as fc


@pytest.fixture(scope="module")
def cluster_pdf(tmp_path_factory):
    """The cluster imported into a new case and its dossier: (case path, pdf, page texts)."""
    tmp = tmp_path_factory.mktemp("cluster")
    case = Case.new(tmp / "c.casefile", title="Cluster")
    try:
        import_ftm(case, fc.write_lines(tmp / "cluster.json", fc.cluster()))
        out = tmp / "out.pdf"
        export_dossier(case, out)
    finally:
        case.close()
    pages = [p.extract_text() for p in pypdf.PdfReader(str(out)).pages]
    return tmp / "c.casefile", out, pages


def flat(text: str) -> str:
    return " ".join(text.split())


def page_with(pages: list[str], words: str) -> str:
    found = [flat(p) for p in pages if words in flat(p) and not p.startswith("Contents")]
    assert found, f"no page says {words!r}"
    return found[0]


def test_a_network_of_relationships_says_so_and_counts_no_shipments(cluster_pdf):
    _case, _pdf, pages = cluster_pdf
    text = flat("\n".join(pages))
    assert "Shipment network" not in text and "Who shipped to whom" not in text
    page = page_with(pages, "Relationship network")
    assert "0 shipments" not in page and "Shows all 8 parties and all 11 relationships." in page
    assert "transit country" not in page and "shipments (width" not in page
    assert "relationship" in page and "sanctioned" in page  # the legend: what is drawn
    assert ("2 parties without a relationship in this dossier are not drawn: "
            "Papadopoulos Bros SA; SKY MARINER.") in page


def test_no_shipments_is_said_and_no_heading_is_left_at_a_page_foot(cluster_pdf):
    _case, _pdf, pages = cluster_pdf
    page = page_with(pages, "No shipments recorded.")
    assert "Goods (declared / assessed)" not in page  # no bare header row
    assert re.search(r"Shipments No shipments recorded\.", page)
    network = page_with(pages, "Relationship network")
    assert "Figure 2." in network  # the heading is on the page of its figure
    for text in pages:  # no page's body ends with a section heading
        body = [ln for ln in text.splitlines() if ln.strip() and "MARKING" not in ln
                and not re.match(r"(Cluster|Page \d+ of|\d+)$", ln.strip())]
        assert body[-1].strip() not in ("Shipments", "Relationship network", "Chronology",
                                        "Screening", "Sources", "Key findings"), text


def test_an_empty_section_takes_no_page_of_its_own(cluster_pdf):
    _case, _pdf, pages = cluster_pdf
    page = page_with(pages, "No findings recorded.")
    assert "About this dossier" in page  # it follows on the page before
    short = [n for n, p in enumerate(pages, 1)
             if len([ln for ln in p.splitlines() if ln.strip()]) < 8]
    assert not short, f"pages with a line or two: {short}"


def test_every_sanction_states_its_standing_and_the_figure_tells_ended_from_in_force(
        cluster_pdf):
    _case, _pdf, pages = cluster_pdf
    text = flat("\n".join(pages))
    assert "Sanctions show their standing as judged on" in text
    for who in ("OFAC RUSSIA-EO14024: ZALA AERO",  # (with the programme: session 22)
                "Council of the European Union EU restrictive measures in respect of actions "
                "undermining Ukraine: ZALA AERO", "Switzerland CH-UKR: AEROSCAN",
                "HM Treasury GB-RUS: LLC CST"):  # neither status nor end
        assert f"{who} — no status or end date recorded" in text, who
    assert "Switzerland CH-UKR, listed 2023-02-03, no status or end date recorded" in text
    chronology = page_with(pages, "Figure 1. Chronology.")
    assert "ended or lifted" in chronology and "today (" in chronology
    assert "hatched" in chronology and "the dashed line marks today" in chronology
    assert "exact day" not in chronology and "approximate" not in chronology  # not drawn


def test_dates_topics_and_weak_aliases_are_read_not_printed_raw(cluster_pdf):
    _case, _pdf, pages = cluster_pdf
    text = flat("\n".join(pages))
    assert "[1960, 1961-03-02]" not in text
    assert "Born 1960 or 2 March 1961 (sources differ)" in text
    assert "role.pep" not in text and "export.risk" not in text
    assert "Topics Politically exposed person (PEP), Sanctioned" in text  # Osetrova
    assert "Topics Trade risk" in text
    assert "Sasha (weak alias)" in text  # marked in the profile
    index = page_with(pages, "Index of parties")
    assert "Sasha" not in index.replace("1 weak alias", "")
    assert "1 weak alias (a nickname or short form too common to find a party by) is not " \
           "indexed" in index
    assert "Захаров Александр Викторович — see Zakharov Aleksandr Viktorovich" in index


def test_words_name_sections_as_titled_and_headers_stay_on_one_line(cluster_pdf):
    _case, _pdf, pages = cluster_pdf
    text = flat("\n".join(pages))
    assert "Sources appendix" not in text  # the section is called "Sources"
    assert "each listed with its SHA-256 under its source in the Sources section" in text
    chronology = next(p for p in pages if "Figure 1. Chronology" in p)
    assert "Date (as given)" in chronology  # not "Date (as" / "given)"


def test_a_relationship_whose_end_has_passed_is_not_drawn_as_current(cluster_pdf):
    _case, _pdf, pages = cluster_pdf
    network = page_with(pages, "Relationship network")
    assert "director of (ended 2021)" in network and "employee of (ended 2014)" in network
    assert "2 relationships whose recorded end has passed are labelled “ended”" in network


def test_dated_relationships_are_in_the_chronology_and_on_the_timeline(cluster_pdf):
    """A director 'until 2021-12-31' before the sanctions of 2022: the chronology says it,
    once (both parties list the tie), at its end when it has no start; undated ties stay
    out."""
    path, _pdf, pages = cluster_pdf
    page = page_with(pages, "Chronology")
    row = "until 2021-12-31 Relationship Zakharov Aleksandr Viktorovich director of ZALA AERO"
    assert row in page and page.count("director of ZALA AERO") == 1
    assert page.index(row) < page.index("2022-06-28")  # before the OFAC listing
    assert "spouse" not in page  # the Family link has no date
    from casefile.services.queries.timeline import case_timeline

    with Case.open(path, readonly=True) as case, case.read() as conn:
        tl = case_timeline(conn)
    rels = [r for r in tl.records if r.kind == "relationship"]
    assert sorted(r.date_text for r in rels) == [
        "2012-09 – 2014-06", "since 2015", "since 2018-04-01", "since 2019-02-11",
        "until 2021-12-31"]
    assert "Relationships" in tl.lanes and "relationship" in tl.kinds


def test_the_dossier_counts_each_relationship_once_everywhere(cluster_pdf):
    """Each party lists its ties, so most relationships come twice in the dossier's data:
    the scope note, the chronology and the network count them from one list, each once."""
    from casefile.services.queries.dossier import DossierOptions, read_dossier

    path, _pdf, pages = cluster_pdf
    with Case.open(path, readonly=True) as case, case.read() as conn:
        data = read_dossier(conn, DossierOptions())
    rels = data.relationships()
    listed = [r["id"] for e in data.entities for r in e["relationships"]]
    assert len(listed) > len(rels) == len(set(listed)) == 11
    assert [r["id"] for r in rels] == list(dict.fromkeys(listed))  # in the order listed
    assert "11 relationships" in page_with(pages, "This dossier covers")
    assert f"all {len(rels)} relationships" in page_with(pages, "Relationship network")


def test_lists_and_sanction_spans_read_as_a_briefing_writes_them(cluster_pdf):
    """Read as a briefing reader reads it: a list ends with 'and'; a sanction in force from
    one day until another says so once; one weak alias is 'it', not 'each'."""
    _case, _pdf, pages = cluster_pdf
    about = page_with(pages, "This dossier covers")
    assert "the whole case: 10 entities, 7 sanctions and 11 relationships." in about
    # (the chronology names the programme too now, session 22: each page that does)
    zakharov = " ".join(flat(p) for p in pages if "Decree 82/2023" in flat(p))
    assert "Decree 82/2023, in force from 2023-02-19 until 2033-02-19" in zakharov
    assert "2023-02-19, in force until" not in zakharov
    index = page_with(pages, "Index of parties")
    assert "is not indexed; it is marked in its party's profile." in index


@pytest.mark.parametrize("width", [300.0, 400.0, 481.9, 500.0])
def test_no_party_name_is_drawn_over_an_arrowhead(cluster_pdf, width):
    """Five ties end at Zakharov: his name went beside the node, over two chevrons
    ('Viktorovich' under the arrowheads of 'family of' and 'associate of'). An arrowhead
    is an obstacle for a name as a node is."""
    import math

    from reportlab.graphics.shapes import Line, Polygon

    from casefile.report.figure_network import REL, SHIP, SIZE, network_figure
    from casefile.report.figure_text import text_width
    from casefile.services.queries.dossier import DossierOptions, read_dossier
    from tests.report.test_figures import shapes, strings

    path, _pdf, _pages = cluster_pdf
    with Case.open(path, readonly=True) as case, case.read() as conn:
        data = read_dossier(conn, DossierOptions())
    sanctioned = {e["id"] for e in data.entities
                  if any(not s.get("ended") for s in e["sanctions"])}
    fig = network_figure(data.shipments, width, relationships=data.relationships(),
                         sanctioned=sanctioned)
    assert fig is not None
    names = " ".join(n for n, *_ in fig.nodes)
    boxes = []
    for s in strings(fig.drawing):
        if s.fontSize == SIZE and s.text in names:
            w = text_width(s.text, SIZE)
            left = s.x - {"start": 0, "middle": w / 2, "end": w}[s.textAnchor]
            boxes.append((s.text, (left, s.y - 1.5, left + w, s.y + SIZE * 0.75)))
    tips = [(ln.x2, ln.y2) for ln in shapes(fig.drawing) if isinstance(ln, Line)
            and ln.strokeColor == REL and math.dist((ln.x1, ln.y1), (ln.x2, ln.y2)) < 6]
    tips += [(p.points[i], p.points[i + 1]) for p in shapes(fig.drawing)
             if isinstance(p, Polygon) and len(p.points) == 6 and p.fillColor == SHIP
             for i in (0, 2, 4)]
    assert len(tips) >= 2 * 11  # both strokes of each relationship's chevron
    assert not [(text, tip) for text, b in boxes for tip in tips
                if b[0] <= tip[0] <= b[2] and b[1] <= tip[1] <= b[3]]


def test_the_chronology_says_which_undated_records_it_lists(tmp_path):
    """(look21) The caption said 'Undated records are listed below but not drawn', but an
    undated relationship is not in the chronology's table: it is in its parties'
    profiles. The caption says so; the dated ones are in the table."""
    case = Case.new(tmp_path / "c.casefile", title="Links")
    try:
        a = case.create("entity", {"name": "OOO VEKTOR"}).result
        b = case.create("entity", {"name": "Ocean Fortune Ltd", "country": "AE"}).result
        case.create("relationship", {"subject_id": b, "object_id": a, "kind": "owns",
                                     "description": "51%"})
        case.create("relationship", {"subject_id": a, "object_id": b, "kind": "supplies",
                                     "date": "2022"})
        case.create("relationship", {"subject_id": b, "object_id": a, "kind": "other",
                                     "date": "2023"})
        from casefile.services.queries.party import party_connections
        from casefile.services.queries.timeline import timeline_records

        with case.read() as conn:  # the party pane and the timeline say it so too
            linked = [i["text"] for i in party_connections(conn, b)[0]]
            rows = [r.label for r in timeline_records(conn) if r.kind == "relationship"]
        assert "Ocean Fortune Ltd — is linked to — OOO VEKTOR" in linked
        assert "Ocean Fortune Ltd — owns — OOO VEKTOR: 51%" in linked  # its details too
        assert "Ocean Fortune Ltd is linked to OOO VEKTOR" in rows  # on the timeline too
        case.create("event", {"title": "Raid on the warehouse"})
        out = tmp_path / "d.pdf"
        export_dossier(case, out)
    finally:
        case.close()
    pages = [p.extract_text() for p in pypdf.PdfReader(str(out)).pages]
    chronology = page_with(pages, "Figure 1. Chronology.")
    assert "Undated records are listed below" not in chronology
    assert "Undated shipments, events and sanctions are listed below but not drawn; a " \
        "relationship is listed only when dated (each is in the profiles of its parties)" \
        in chronology
    table = flat(" ".join(pages)).split("Figure 1. Chronology.")[1].split("Entity profiles")[0]
    assert "undated Other Raid on the warehouse" in table and "OOO VEKTOR supplies" in table
    assert "Ocean Fortune Ltd owns" not in table
    profile = page_with(pages, "Ocean Fortune Ltd owns")  # in the profiles
    assert "Ocean Fortune Ltd owns OOO VEKTOR: 51%" in profile
    # (look21: 'OCEAN FORTUNE other OOO VEKTOR')
    assert "Ocean Fortune Ltd is linked to OOO VEKTOR" in table
    assert "Ocean Fortune Ltd is linked to OOO VEKTOR, 2023" in profile
