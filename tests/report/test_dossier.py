import hashlib
import re

import pypdf
import pytest

from casefile.cli import main
from casefile.services.exchange.export_pdf import export_dossier
from casefile.services.queries.dossier import DossierOptions


def _text(path):
    reader = pypdf.PdfReader(str(path))
    return reader, "\n".join(p.extract_text() for p in reader.pages)


def _outline_titles(reader):
    out = []

    def walk(items):
        for it in items:
            if isinstance(it, list):
                walk(it)
            else:
                out.append(it.title)
    walk(reader.outline)
    return out


def test_demo_dossier_has_sections_scripts_citations_and_pages(demo, tmp_path):
    out = tmp_path / "d.pdf"
    pages = export_dossier(demo, out).pages
    reader, text = _text(out)
    assert len(reader.pages) == pages >= 6
    for section in ("Contents", "Key findings", "Chronology", "Entity profiles", "Shipments",
                    "Shipment and relationship network", "Sources"):
        assert section in text
    for name in ("Техкрим", "中国北方工业集团有限公司", "NORINCO", "Tekhkrim"):
        assert name in text
    assert f"Page 1 of {pages}" in " ".join(text.split()) and "TLP:GREEN" in text
    assert "[1]" in text and "C2" in text and "late 2022" in text
    titles = _outline_titles(reader)
    assert {"Key findings", "Chronology", "Shipments", "Sources"} <= set(titles)
    assert "China North Industries Group Corporation Limited" in titles  # entity bookmarks


def test_every_font_used_is_an_embedded_subset(demo, tmp_path):
    import re

    out = tmp_path / "d.pdf"
    export_dossier(demo, out)
    reader = pypdf.PdfReader(str(out))
    used = {}
    for page in reader.pages:
        content = page.get_contents().get_data().decode("latin-1")
        fonts = page["/Resources"]["/Font"]
        for name in set(re.findall(r"/(F[\d+]+) [\d.]+ Tf", content)):
            used[name] = fonts["/" + name].get_object()
    assert used
    for font in used.values():
        base = str(font["/BaseFont"])
        assert re.match(r"/[A-Z]{6}\+", base), f"{base} is not a subset"
        desc = font.get("/FontDescriptor")
        if desc is None:
            desc = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert "/FontFile2" in desc.get_object(), f"{base} is not embedded"
    names = {str(f["/BaseFont"]).split("+")[1] for f in used.values()}
    assert {"DejaVuSans", "DroidSansFallback"} <= names


def test_citation_marks_link_into_the_sources_appendix(demo, tmp_path):
    out = tmp_path / "d.pdf"
    export_dossier(demo, out)
    reader = pypdf.PdfReader(str(out))
    page_of = {p.indirect_reference.idnum: n for n, p in enumerate(reader.pages)}
    appendix = next(n for n, p in enumerate(reader.pages)
                    if "[1] Chinese Companies Send" in p.extract_text())
    targets = []
    for n, page in enumerate(reader.pages[:appendix]):
        for a in page.get("/Annots", []):
            dest = a.get_object().get("/Dest")
            if dest is not None and str(dest[1]) == "/XYZ":
                targets.append((n, page_of[dest[0].idnum]))
    assert targets, "no citation links"
    assert all(t >= appendix for _src, t in targets)  # every mark jumps into the appendix


MARKUP = "<b>bold</b> & <img src=x> <a href='http://evil'>x</a> <font size=40>big</font>"


def test_markup_in_any_field_prints_literally(case, tmp_path):
    e = case.create("entity", {"name": MARKUP, "description": "<br/>&amp;"}).result
    s = case.create("source", {"title": "<i>title</i>", "url": "http://x/?a=1&b=<2>"}).result
    case.create("shipment", {"declared_goods": "<para>rifles</para>", "shipper_id": e,
                             "date": "June 2022"},
                children={"citation": [{"source_id": s, "excerpt": "<u>said</u>",
                                        "credibility": 2}]})
    case.create("finding", {"title": "<h1>x</h1>", "text": "a < b > c"})
    out = tmp_path / "m.pdf"
    export_dossier(case, out)
    _, text = _text(out)
    flat = " ".join(text.split())
    assert "<b>bold</b> & <img src=x>" in flat
    assert "<font size=40>big</font>" in flat
    assert "<i>title</i>" in flat and "<para>rifles</para>" in flat
    assert "a < b > c" in flat and "<u>said</u>" in flat and "<br/>&amp;" in flat


def test_redacted_export_leaks_nothing_of_a_protected_source(demo, tmp_path):
    secret = {"title": "Informant ZEPHYR-7 debrief", "url": "https://secret.example/zephyr",
              "author": "Agent Orangewood", "publisher": "Hidden Desk"}
    sid = demo.create("source", {**secret, "protected": True, "reliability": "B"}).result
    demo.attach_file(sid, filename="zephyr-notes.txt", data=b"meeting notes of ZEPHYR")
    demo.cite(sid, "entity", 2, "Zephyr said Tekhkrim imports rifles", "p. 9", 2)
    out = tmp_path / "r.pdf"
    export_dossier(demo, out, DossierOptions(redact_protected=True))
    raw = out.read_bytes()
    _, text = _text(out)
    assert "Protected source" in text
    for needle in ("ZEPHYR", "Zephyr", "zephyr", "Orangewood", "Hidden Desk", "secret.example"):
        assert needle not in text
        assert needle.encode() not in raw
        assert needle.encode("utf-16-be") not in raw
    digest = hashlib.sha256(b"meeting notes of ZEPHYR").hexdigest()
    assert digest.encode() not in raw
    plain = tmp_path / "p.pdf"
    export_dossier(demo, plain)
    assert "Informant ZEPHYR-7 debrief" in _text(plain)[1]  # unredacted shows it


def test_two_exports_are_byte_identical(demo, tmp_path):
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    export_dossier(demo, a)
    export_dossier(demo, b)
    assert a.read_bytes() == b.read_bytes()


def test_cover_names_the_content_hash_which_follows_edits(demo, tmp_path):
    a = tmp_path / "a.pdf"
    export_dossier(demo, a)
    first = _text(a)[1]
    demo.update("entity", 2, {"description": "changed"})
    export_dossier(demo, a)
    second = _text(a)[1]
    h1 = first.split("Content digest")[1].split()[0]
    h2 = second.split("Content digest")[1].split()[0]
    assert len(h1) == 64 and h1 != h2
    with demo.read() as conn:  # the head of the audit chain, as `casefile info` prints it
        assert conn.exec_driver_sql("SELECT content_digest FROM audit_log ORDER BY id DESC "
                                    "LIMIT 1").scalar() == h2


def test_empty_case_exports_a_short_valid_dossier(case, tmp_path):
    out = tmp_path / "e.pdf"
    pages = export_dossier(case, out).pages
    reader, text = _text(out)
    assert 1 <= pages <= 8 and len(reader.pages) == pages
    assert "No findings recorded" in text and "Test case" in text


def test_subset_by_entity_and_by_tag(demo, tmp_path):
    out = tmp_path / "s.pdf"
    export_dossier(demo, out, DossierOptions(entity_id=3, sections=("shipments",
                                                                    "entities")))
    _, text = _text(out)
    assert "batteries" in text and "civilian hunting rifles" not in text
    export_dossier(demo, out, DossierOptions(tag="rifles", sections=("shipments",)))
    _, text = _text(out)
    assert "civilian hunting rifles" in text and "batteries" not in text
    with pytest.raises(LookupError):
        export_dossier(demo, out, DossierOptions(entity_id=999))


def test_marking_line_on_every_page(demo, tmp_path):
    out = tmp_path / "m.pdf"
    export_dossier(demo, out, DossierOptions(marking_line="OFFICIAL-SENSITIVE"))
    reader = pypdf.PdfReader(str(out))
    assert all("OFFICIAL-SENSITIVE" in p.extract_text() for p in reader.pages)


def test_cli_export_pdf(tmp_path, capsys):
    case = tmp_path / "d.casefile"
    assert main(["demo", str(case)]) == 0
    out = tmp_path / "d.pdf"
    assert main(["export-pdf", str(case), "-o", str(out), "--redact-protected",
                 "--sections", "cover,toc,sources"]) == 0, capsys.readouterr().err
    assert out.read_bytes().startswith(b"%PDF")
    capsys.readouterr()
    assert main(["export-pdf", str(case), "-o", str(out), "--sections", "cover,appendix"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("casefile: Unknown dossier section(s): appendix; choose from cover")
    assert err.count("\n") == 1  # one line, no traceback


def test_failed_export_leaves_no_partial_file(demo, tmp_path):
    out = tmp_path / "x.pdf"

    calls = []

    def cancel(done, total, what):  # cancelled while the third section is prepared
        calls.append(what)
        if len(calls) == 3:
            raise KeyboardInterrupt
    with pytest.raises(KeyboardInterrupt):
        export_dossier(demo, out, progress=cancel)
    assert not out.exists() and not list(tmp_path.glob("*.part"))


def _sha256_on_disk(path):
    """The case as it lies on disk while open: the database file and its write-ahead log."""
    h = hashlib.sha256()
    for p in (path, path.with_name(path.name + "-wal")):
        h.update(p.read_bytes() if p.exists() else b"-")
    return h.hexdigest()


def test_case_file_untouched_by_export(demo, tmp_path):
    before = _sha256_on_disk(demo.path)
    export_dossier(demo, tmp_path / "x.pdf")
    assert (tmp_path / "x.pdf").stat().st_size > 0
    assert _sha256_on_disk(demo.path) == before  # the export reads only


def test_layout_progress_only_moves_forward_and_reaches_the_end(tmp_path):
    from tests.support.synthetic import build_synthetic_case

    case = build_synthetic_case(tmp_path / "s.casefile", shipments=300, entities=60,
                                sources=10, citations=300)
    seen = []
    pages = export_dossier(case, tmp_path / "s.pdf",
                           progress=lambda done, total, what: seen.append(done / total)).pages
    case.close()
    assert pages > 10
    assert seen == sorted(seen)  # profiles expand into many flowables: never backwards
    assert seen[-1] == 1.0


def test_the_sources_appendix_names_shipments_without_an_empty_reference(demo, tmp_path):
    """A shipment with no declaration number is named by its date and goods, not by an
    empty reference and a dash ('shipment " — June 2022 …"')."""
    out = tmp_path / "d.pdf"
    export_dossier(demo, out)
    _reader, text = _text(out)
    flat = " ".join(text.split())
    assert "shipment “June 2022 civilian hunting rifles”" in flat
    assert "shipment “ —" not in flat and "shipment “—" not in flat


def test_counts_in_the_demo_dossier_read_as_english(demo, tmp_path):
    """'1 further source(s) … are', 'all 2 relationships': counts read as a person writes."""
    out = tmp_path / "d.pdf"
    export_dossier(demo, out)
    flat = " ".join(_text(out)[1].split())
    assert "(s)" not in flat and "all 2 " not in flat
    assert "1 further source of the case is cited by nothing printed here and is not listed" \
        in flat
    assert "both relationships" in flat


def test_the_demo_dossier_says_its_lists_with_and(demo, tmp_path):
    # 'a, b, c' once printed with no 'and': 'covers … 1 sanction, 2 relationships.'
    out = tmp_path / "d.pdf"
    export_dossier(demo, out)
    flat = " ".join(_text(out)[1].split())
    assert "the whole case: 12 entities, 4 shipments, 6 events, 4 findings, 1 sanction and " \
        "2 relationships." in flat
    assert "3 sources cited: 1 graded B, 1 graded C and 1 graded F." in flat


def test_what_a_scoped_dossier_leaves_out_is_counted_in_english(demo, tmp_path):
    # once '1 sanctions and 1 relationships', '1 events'
    out = tmp_path / "s.pdf"
    export_dossier(demo, out, DossierOptions(entity_id=2))  # Tekhkrim
    flat = " ".join(_text(out)[1].split())
    assert "This dossier covers Tekhkrim and the records that touch it" in flat
    assert "Outside the scope and not printed: 9 entities, 3 shipments, 5 events, 3 findings, " \
        "1 sanction and 1 relationship." in flat
    assert "not drawn in the chronology figure: 1 event." in flat


def test_a_source_citing_hundreds_of_facts_lists_each_once_in_order(case, tmp_path):
    """An imported list's file cites every record it made (10^4 of them): the appendix
    lists each fact it supports once, in order, over as many pages as it takes."""
    from casefile.services.case.operations import cite, insert_row

    def fill(tx):
        src = insert_row(tx, "source", {"title": "Imported list", "kind": "database"})
        for i in range(300):
            eid = insert_row(tx, "entity", {"name": f"Party {i:03d}"})
            cite(tx, src, "entity", eid, excerpt=f"row {i}", locator=f"line {i + 2}")

    case.operation("Fill", fill)
    out = tmp_path / "d.pdf"
    export_dossier(case, out, DossierOptions(sections=("sources",)))
    reader, text = _text(out)
    listed = re.findall(r"entity “Party (\d{3})”, line (\d+): “row (\d+)”",
                        " ".join(text.split()))
    assert [int(a) for a, _l, _r in listed] == list(range(300))
    assert all(int(line) == int(a) + 2 and int(row) == int(a) for a, line, row in listed)
    assert len(reader.pages) >= 4  # over several pages


def test_the_index_gives_namesakes_one_line_with_their_pages(case, tmp_path):
    """Seven parties called SMIRNOV, Maria (each with the alias Смирнова Мария) are one
    line each in the index, with every page they are on, not seven identical lines."""
    from casefile.services.case.operations import insert_row

    def fill(tx):
        for i in range(7):
            eid = insert_row(tx, "entity", {"name": "SMIRNOV, Maria", "kind": "person",
                                            "description": f"Listed person {i}. " * 40})
            insert_row(tx, "alias", {"entity_id": eid, "name": "Смирнова Мария"})
        insert_row(tx, "entity", {"name": "Volga Trade"})

    case.operation("Fill", fill)
    out = tmp_path / "d.pdf"
    export_dossier(case, out, DossierOptions(sections=("entities", "index")))
    _reader, text = _text(out)
    index = " ".join(text[text.rindex("Index of parties"):].split())
    assert index.startswith("Index of parties SMIRNOV, Maria (7 parties) ")
    assert index.count("SMIRNOV, Maria") == 2  # its own line and its alias's
    assert index.count("Смирнова Мария — see SMIRNOV, Maria (7 parties)") == 1
    pages = re.search(r"— see SMIRNOV, Maria \(7 parties\) ([\d, ]+)", index).group(1)
    numbers = [int(p) for p in pages.replace(",", " ").split()]
    assert len(numbers) >= 2 and numbers == sorted(set(numbers))  # each page once
    assert re.search(r"Volga Trade \d+", index)


def test_an_alias_given_twice_is_one_party_in_the_index(case, tmp_path):
    """(review17) A party with the same alias as a previous name and as an alias is one
    party in its index line, not '(2 parties)'."""
    from casefile.services.case.operations import insert_row

    def fill(tx):
        e = insert_row(tx, "entity", {"name": "Gazprom Neft", "kind": "company"})
        insert_row(tx, "alias", {"entity_id": e, "name": "Sibneft", "kind": "previous_name"})
        insert_row(tx, "alias", {"entity_id": e, "name": "Sibneft", "kind": "alias"})

    case.operation("Fill", fill)
    out = tmp_path / "d.pdf"
    export_dossier(case, out, DossierOptions(sections=("entities", "index")))
    _reader, text = _text(out)
    index = " ".join(text[text.rindex("Index of parties"):].split())
    assert re.search(r"Sibneft — see Gazprom Neft \d", index)
    assert "parties)" not in index and index.count("Sibneft") == 1


def test_the_chronology_puts_open_dates_in_their_place_and_says_edtf_in_words(case,
                                                                               tmp_path):
    """(review) 'before 1995' and '../2020' came after every dated record, and EDTF was
    printed as typed ('../2020', '[2019,2020]'), which a briefing's reader cannot read."""
    for title, when in (("Audit", "2022-06"), ("Founding", "before 1995"),
                        ("Contract", "../2020"), ("Meeting", "[2019,2020]"),
                        ("Visit", "ca. 2018")):
        case.create("event", {"title": title, "kind": "other", "date": when})
    out = tmp_path / "c.pdf"
    export_dossier(case, out)
    _reader, text = _text(out)
    flat = " ".join(text.split())
    at = {t: flat.index(f"Other {t}") for t in ("Founding", "Visit", "Meeting", "Contract",
                                                   "Audit")}
    assert list(at) == sorted(at, key=at.get)  # 1994, 2018, 2019–2020, until 2020, 2022
    assert "until the year 2020 [../2020]" in flat
    assert "2019 or 2020 (sources differ) [[2019,2020]]" in flat
    assert "before 1995 " in flat  # words as given stay as given


@pytest.mark.parametrize("when,printed", [
    ("2019-05-12?", "12 May 2019 (uncertain) [2019-05-12?]"),
    ("2020-06%", "June 2020 (approximate and uncertain) [2020-06%]"),
    ("2021~", "the year 2021 (approximate) [2021~]"),
    ("../2020", "until the year 2020 [../2020]"),
])
def test_an_uncertain_or_approximate_date_says_so_in_words(when, printed):
    """(look28) '2019-05-12?' printed as '12 May 2019 [2019-05-12?]': a day for sure to a
    reader who does not read EDTF's '?'."""
    from casefile.report.citing import date_as_given

    assert date_as_given({"date_text": when}) == printed


def test_a_dossier_of_some_sections_speaks_only_of_what_it_prints(demo, tmp_path):
    """(look15) `--sections network` still noted finding 4's grade (no finding printed),
    numbered its one figure "Figure 2" and sent the reader to a Shipments section and Entity
    profiles it did not hold."""
    out = tmp_path / "n.pdf"
    report = export_dossier(demo, out, DossierOptions(sections=("network",)))
    _, text = _text(out)
    flat = " ".join(text.split())
    assert not [n for n in report.notes if n.startswith("Finding ")]
    assert "Figure 1. Who shipped to whom" in flat and "Figure 2" not in flat
    assert "Source: the case's shipments and the case's relationships." in flat
    assert "Shipments section" not in flat and "Entity profiles" not in flat
    whole = export_dossier(demo, out)
    _, text = _text(out)
    flat = " ".join(text.split())
    assert [n for n in whole.notes if n.startswith("Finding 4 ")]
    assert "Figure 2. Who shipped to whom" in flat
    assert ("Source: the shipments listed in the Shipments section and the relationships "
            "listed in the Entity profiles.") in flat


def test_a_sanction_without_authority_is_named_by_its_programme(case, tmp_path):
    """(look28) targets.simple.csv names no authority: 54 chronology rows read ': Maria
    Aleksandrovna Osetrova — …' and profiles 'Sanction Sanction, no status …'."""
    eid = case.create("entity", {"name": "Maria Aleksandrovna Osetrova",
                                 "kind": "person"}).result
    case.create("sanction", {"entity_id": eid, "program_id": "UA-NSDC-265",
                             "date": "2021-05-14"})
    case.create("sanction", {"entity_id": eid, "date": "2022-02-24"})
    out = tmp_path / "s.pdf"
    export_dossier(case, out)
    flat = " ".join(_text(out)[1].split())
    assert "UA-NSDC-265: Maria Aleksandrovna Osetrova" in flat
    assert ": Maria Aleksandrovna Osetrova" not in flat.replace(
        "UA-NSDC-265: Maria Aleksandrovna Osetrova", "")
    assert "Sanction Sanction" not in flat
    assert "Sanction authority and programme not recorded, listed 2022-02-24" in flat


def test_an_alias_that_is_the_name_is_not_printed_again(case, tmp_path):
    """(look28) A party renamed to one of its aliases printed 'ООО «СЕВЕРНЫЙ ВЕТЕР» · ООО
    «СЕВЕРНЫЙ ВЕТЕР»'."""
    eid = case.create("entity", {"name": "OOO Severny Veter", "kind": "company"}).result
    for alias in ("ООО «СЕВЕРНЫЙ ВЕТЕР»", "Severny Veter LLC"):
        case.create("alias", {"entity_id": eid, "name": alias})
    case.update("entity", eid, {"name": "ООО «СЕВЕРНЫЙ ВЕТЕР»"})
    out = tmp_path / "a.pdf"
    export_dossier(case, out)
    flat = " ".join(_text(out)[1].split())
    assert "ООО «СЕВЕРНЫЙ ВЕТЕР» · Severny Veter LLC" in flat
    assert "ВЕТЕР» · ООО «СЕВЕРНЫЙ" not in flat


def test_a_shipments_origin_destination_and_bare_figures_are_said(case, tmp_path):
    """(look28) The origin (Taiwan) and destination of a shipment were printed nowhere, and
    a value with no currency or a quantity with no unit stood as a bare number under
    'Quantity, weight, value'."""
    a, b = (case.create("entity", {"name": n}).result
            for n in ("Shenzhen Jinghua Electronics", "OOO Vektor"))
    case.create("shipment", {"date": "2022-06-15", "shipper_id": a, "consignee_id": b,
                             "declared_goods": "microchips", "origin_country": "TW",
                             "destination_country": "RU", "value": 125000.5,
                             "quantity": 842000})
    out = tmp_path / "o.pdf"
    export_dossier(case, out)
    flat = " ".join(_text(out)[1].split())
    assert "origin Taiwan, destination Russia" in flat
    assert "quantity 842,000" in flat and "value 125,000.50" in flat


def test_a_partys_dossier_prints_its_counterparties_sanctions_and_says_what_it_leaves(
        case, tmp_path):
    """(look28) A dossier of one party printed its counterparty (listed by the EU) with no
    sanction and drew it without the 'sanctioned' ring, and said 'No shipments recorded.'
    of a case with shipments (none touching the party)."""
    from casefile.services.queries.dossier import read_dossier

    x = case.create("entity", {"name": "Khalid Al-Otaibi", "kind": "person"}).result
    gulf = case.create("entity", {"name": "Gulf Star Trading FZE"}).result
    other, third = (case.create("entity", {"name": n}).result for n in ("Vektor", "Orion"))
    case.create("relationship", {"kind": "owns", "subject_id": x, "object_id": gulf})
    case.create("sanction", {"entity_id": gulf, "authority": "Council of the European Union",
                             "programme": "RUS", "date": "2023-06-23"})
    case.create("sanction", {"entity_id": third, "authority": "OFAC", "programme": "SDGT"})
    case.create("shipment", {"shipper_id": gulf, "consignee_id": other, "date": "2023"})
    with case.read() as conn:
        data = read_dossier(conn, DossierOptions(entity_id=x))
    by_name = {e["name"]: e for e in data.entities}
    assert [s["authority"] for s in by_name["Gulf Star Trading FZE"]["sanctions"]] == [
        "Council of the European Union"]
    assert "Orion" not in by_name  # not touching the party: not printed, nor its sanction
    out = tmp_path / "x.pdf"
    export_dossier(case, out, DossierOptions(entity_id=x))
    flat = " ".join(_text(out)[1].split())
    assert "No shipments in this dossier's scope (the case has 1;" in flat
    assert "No shipments recorded" not in flat


def test_a_sanction_is_named_in_sources_without_an_empty_authority(case, tmp_path):
    """(look28) The Sources appendix listed targets.simple.csv's sanctions as 'sanction
    “: Maria Aleksandrovna Osetrova”'; a source's page in the window as 'Maria:'."""
    from casefile.services.queries.citing import cited_facts
    from casefile.services.queries.dossier import read_dossier

    eid = case.create("entity", {"name": "Maria Osetrova", "kind": "person"}).result
    src = case.create("source", {"kind": "database", "title": "targets.simple.csv"}).result
    for values in ({"program_id": "UA-NSDC-265"}, {}, {"authority": "OFAC",
                                                      "programme": "SDGT"}):
        sid = case.create("sanction", {"entity_id": eid, **values}).result
        case.cite(src, "sanction", sid, excerpt="row", locator="line 2")
    with case.read() as conn:
        data = read_dossier(conn, DossierOptions())
        labels = [f["label"] for s in data.sources for f in s["facts"]]
        said = [f["what"] for f in cited_facts(conn, src)]
    assert labels == ["UA-NSDC-265: Maria Osetrova", "Maria Osetrova",
                      "OFAC SDGT: Maria Osetrova"]
    assert sorted(said) == ["Maria Osetrova", "Maria Osetrova: OFAC SDGT",
                            "Maria Osetrova: UA-NSDC-265"]


def test_a_tags_dossier_prints_the_sanctions_of_its_parties(case, tmp_path):
    """(review31) '--tag imported' printed 27 parties and none of their sanctions."""
    from casefile.services.queries.dossier import read_dossier

    tagged = case.create("entity", {"name": "Gulf Star Trading FZE", "tags": "gulf"}).result
    other = case.create("entity", {"name": "Orion"}).result
    for eid in (tagged, other):
        case.create("sanction", {"entity_id": eid, "authority": "OFAC", "programme": "SDGT"})
    with case.read() as conn:
        data = read_dossier(conn, DossierOptions(tag="gulf"))
    assert [(e["name"], len(e["sanctions"])) for e in data.entities] == [
        ("Gulf Star Trading FZE", 1)]


def test_the_parties_a_scoped_dossiers_records_name_are_printed_with_their_sanctions(
        case, tmp_path):
    """(review32) A party's dossier printed 'Delta Forwarder, transit' in a route with no
    word of Delta's EU sanction; a tag's dossier printed a tagged shipment to a sanctioned
    buyer with no mark of it."""
    from casefile.services.queries.dossier import read_dossier

    alpha, echo, delta, far = (case.create("entity", {"name": n}).result for n in (
        "Alpha Trading", "Echo Buyer", "Delta Forwarder", "Far Away Ltd"))
    for eid in (echo, delta, far):
        case.create("sanction", {"entity_id": eid, "authority": "EU", "programme": "RUS"})
    ship = case.create("shipment", {"shipper_id": alpha, "consignee_id": echo,
                                    "date": "2023", "tags": "probe"}).result
    case.create("route_stop", {"shipment_id": ship, "entity_id": delta, "country": "AE"})
    with case.read() as conn:
        for options in (DossierOptions(entity_id=alpha), DossierOptions(tag="probe")):
            data = read_dossier(conn, options)
            got = {e["name"]: len(e["sanctions"]) for e in data.entities}
            assert got == {"Alpha Trading": 0, "Echo Buyer": 1, "Delta Forwarder": 1}, options
