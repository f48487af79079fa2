"""The dossier on data as users hold it: customs-length goods texts, unbroken words, many
lines, mixed scripts, right-to-left names, unmarked cases, scoped packs — nothing crashes,
overprints, leaves the page or is silently left out."""

from __future__ import annotations

import random
import re
import tempfile
from pathlib import Path

import pypdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.cli import main
from casefile.services.case.facade import Case
from casefile.services.exchange.export_pdf import export_dossier, verify_dossier
from casefile.services.queries.dossier import DossierOptions

WORDS = ["подшипник", "шариковый", "радиальный", "ТОВАРНЫЙ", "ЗНАК", "ОТСУТСТВУЕТ",
         "изготовитель", "8482105008", "SKF", "кол-во", "шт"]


_PDF_DIR = Path(tempfile.mkdtemp(prefix="casefile-keywords-"))


def _text(path) -> tuple[pypdf.PdfReader, list[str]]:
    reader = pypdf.PdfReader(str(path))
    return reader, [p.extract_text() for p in reader.pages]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


FURNITURE = re.compile(r"TLP:AMBER|案件\s*DJI-2023/7|Page\s*\d+\s*of\s*\d+")


def _body(pages: list[str]) -> str:
    """The pages' text without the marking bands and footers (a note that runs over a page
    break reads on)."""
    return "".join(FURNITURE.sub("", p) for p in pages)


@pytest.fixture
def ugly(tmp_path):
    c = Case.new(tmp_path / "ugly.casefile", title="Ugly case", marking="amber",
                 reference="案件 DJI-2023/7")
    a = c.create("entity", {"name": "ООО «ТЕХНОПРОМ-ИМПОРТ»", "kind": "company",
                            "country": "RU"}).result
    b = c.create("entity", {"name": "深圳市大疆创新科技有限公司 DJI Technology Co 2",
                            "kind": "company", "country": "CN"}).result
    rnd = random.Random(7)
    texts = {
        "words": " ".join(rnd.choice(WORDS) for _ in range(5000)),
        "unbroken": "Ж" * 5000,
        "lines": "\n".join(f"строка {i}: подшипник 6204-2RS" for i in range(300)),
    }
    ids = {}
    for key, goods in texts.items():
        ids[key] = c.create("shipment", {
            "date": "2023-01-15", "shipper_id": a, "consignee_id": b,
            "declared_goods": goods, "hs_code": "8507600000", "weight_kg": 1234567.5,
            "value": 98765432.25, "currency": "USD", "quantity": 1000000, "unit": "pcs",
            "reference": f"10702070/150123/000{len(ids)}"}).result
    yield c, ids, texts
    c.close()


def test_customs_length_texts_never_crash_and_print_in_full(ugly, tmp_path):
    case, _ids, texts = ugly
    out = tmp_path / "u.pdf"
    report = export_dossier(case, out)
    reader, pages = _text(out)
    assert len(reader.pages) == report.pages > 5
    whole = _squash(_body(pages))
    assert "continuedinnote" in whole
    # every long text is printed whole somewhere (its continuation note), none cut short
    for key, text in texts.items():
        assert _squash(text) in whole, key
    for n in range(3):  # and each row can be traced to its declaration
        assert f"10702070/150123/000{n}" in whole


def test_numbers_stay_on_one_line_and_headers_only_at_page_tops(ugly, tmp_path):
    case, *_ = ugly
    a = case.create("entity", {"name": "Small Co", "kind": "company"}).result
    for i in range(150):
        case.create("shipment", {"date": f"2023-02-{i % 28 + 1:02d}", "shipper_id": a,
                                 "consignee_id": a, "declared_goods": f"item {i}",
                                 "weight_kg": 1234567.5, "hs_code": "8507600000"})
    out = tmp_path / "u.pdf"
    export_dossier(case, out, DossierOptions(sections=("shipments",)))
    _reader, pages = _text(out)
    body = "\n".join(pages)
    assert "1,234,567.50 kg" in body and "8507600000" in body
    assert "2023-02-1\n" not in body  # a date never breaks inside
    for page in pages:  # the header at most once a page, before any row
        assert page.count("Quantity,") <= 1
        if "Quantity," in page and "item " in page:
            assert page.index("Quantity,") < page.index("item ")
    rows = [p for p in pages if "item " in p]
    assert len(rows) > 2 and all("Quantity," in p for p in rows)  # every page of rows has it


def _placed(page) -> list[tuple[str, float, float, float]]:
    found: list[tuple[str, float, float, float]] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            x = tm[4] * cm[0] + cm[4]
            y = tm[5] * cm[3] + cm[5]
            found.append((text.strip(), x, y, size * tm[0] * cm[0]))
    page.extract_text(visitor_text=visit)
    return found


def test_marking_label_is_right_aligned_in_12_pt_and_never_leaves_the_page(ugly, tmp_path):
    case, *_ = ugly
    case.set_info(classification="OFFICIAL-SENSITIVE // HANDLE VIA INVESTIGATIONS CHANNELS "
                  "ONLY // NOT FOR RELEASE TO THIRD PARTIES WITHOUT WRITTEN CONSENT OF THE "
                  "ORIGINATOR 中国")
    out = tmp_path / "u.pdf"
    export_dossier(case, out, DossierOptions(sections=("cover", "findings")))
    reader = pypdf.PdfReader(str(out))
    width = float(reader.pages[0].mediabox.width)
    height = float(reader.pages[0].mediabox.height)
    for page in reader.pages:
        labels = [(x, size) for text, x, y, size in _placed(page)
                  if text == "TLP:AMBER" and (y < 50 or y > height - 50)]
        assert len(labels) == 2  # top and bottom
        for x, size in labels:
            assert size >= 12 and width / 2 < x < width - 18 * 2.83 - 50
        assert "ORIGINATOR" in page.extract_text() and "中国" in page.extract_text()


def test_an_unmarked_case_says_so(tmp_path):
    with Case.new(tmp_path / "c.casefile", title="Plain") as case:
        export_dossier(case, tmp_path / "c.pdf")
    assert "NO MARKING SET" in _text(tmp_path / "c.pdf")[1][0]


def test_mixed_script_strings_keep_their_latin_letters(ugly, tmp_path):
    case, *_ = ugly
    out = tmp_path / "u.pdf"
    export_dossier(case, out)
    _reader, pages = _text(out)
    assert all("DJI-2023/7" in p for p in pages)  # the footer reference on every page
    assert "DJI Technology Co 2" in "".join(pages)


def test_right_to_left_names_are_shaped_and_unprintable_characters_are_said(tmp_path):
    with Case.new(tmp_path / "c.casefile", title="Gulf") as case:
        a = case.create("entity", {"name": "شركة الإمارات للتجارة العامة", "kind": "company",
                                   "country": "AE"}).result
        b = case.create("entity", {"name": "חברת סחר", "kind": "company"}).result
        case.create("shipment", {"date": "2023", "shipper_id": a, "consignee_id": b,
                                 "declared_goods": "drone ड्रोन parts"})
        report = export_dossier(case, tmp_path / "c.pdf")
    text = "".join(_text(tmp_path / "c.pdf")[1])
    # shaped: Arabic letters are printed in their joined (contextual) forms
    assert any("\ufe70" <= ch <= "\ufeff" for ch in text)
    assert "□" in text and "drone" in text
    assert any("U+0921" in note for note in report.notes)


def test_every_fact_carries_its_source_or_says_it_has_none(demo, tmp_path):
    demo.create("shipment", {"date": "2024", "declared_goods": "unsourced widgets",
                                   "notes": "12,000 kg is the lower bound",
                                   "reference": "BL-ABC-123"})
    out = tmp_path / "d.pdf"
    export_dossier(demo, out)
    text = " ".join(" ".join(_text(out)[1]).split())
    assert "[no source]" in text and "no source" in text
    assert "12,000 kg is the lower bound" in text and "BL-ABC-123" in text
    assert "[1 " in text  # the demo's cited facts keep their marks
    assert "About this dossier" in text and "printed records cite no source" in text


def test_the_count_of_unsourced_records_is_the_count_of_marks(tmp_path):
    """(look28) 'printed records cite no source' counted shipments, events, findings and
    parties only: four '[no source]' marks were printed beside 'two'. It counts what is
    marked, sanctions and relationships too."""
    from casefile.report.front import scope_note, sourcing_summary
    from casefile.services.queries.dossier import read_dossier

    case = Case.new(tmp_path / "u.casefile")
    a = case.create("entity", {"name": "Gulf Star Trading FZE"}).result
    b = case.create("entity", {"name": "OOO Vektor"}).result
    src = case.create("source", {"kind": "document", "title": "Registry"}).result
    other = case.create("source", {"kind": "document", "title": "Court file"}).result
    for eid in (a, b):
        case.cite(src, "entity", eid, excerpt="registered", locator="p. 1")
    case.cite(other, "entity", a, excerpt="named", locator="p. 9")
    case.create("sanction", {"entity_id": a, "authority": "EU", "programme": "RUS"})
    case.create("relationship", {"kind": "owns", "subject_id": a, "object_id": b})
    with case.read() as conn:
        data = read_dossier(conn, DossierOptions())
    lines = " ".join(scope_note(data) + sourcing_summary(data))
    assert "2 printed records cite no source" in lines
    assert "1 of 2 cited records rest on a single source; the other on two or more" in lines


def test_relationship_dates_and_descriptions_and_route_stops_are_printed(demo, tmp_path):
    a, b = 1, 2
    demo.create("relationship", {"kind": "owns", "subject_id": a, "object_id": b,
                                 "date": "2019", "description": "51 per cent via a trust"})
    sid = demo.create("shipment", {"date": "2023-05", "shipper_id": a, "consignee_id": b,
                                   "declared_goods": "relayed optics"}).result
    demo.save("shipment", sid, {}, {"route_stop": [
        {"country": "KZ", "place": "Almaty", "entity_id": b, "role": "freight_forwarder"}]})
    out = tmp_path / "d.pdf"
    export_dossier(demo, out)
    text = " ".join(" ".join(_text(out)[1]).split())
    assert "51 per cent via a trust" in text and ", 2019" in text
    assert "Kazakhstan Almaty" in text


def test_a_persons_gender_is_in_the_profile(demo, tmp_path):
    with demo.read() as conn:
        liu = conn.exec_driver_sql("SELECT id FROM entity WHERE name = 'Liu Pengyu'").scalar()
    demo.update("entity", liu, {"gender": "male"})
    out = tmp_path / "g.pdf"
    export_dossier(demo, out, DossierOptions(entity_id=liu))
    text = " ".join(" ".join(_text(out)[1]).split())
    assert "Gender male" in text or "Gender: male" in text
    assert text.count("Gender") == 1  # only the person's profile says it


def test_entity_scope_names_the_entity_and_keeps_only_its_findings(demo, tmp_path):
    with demo.read() as conn:
        eid, name = conn.exec_driver_sql(
            "SELECT id, name FROM entity WHERE name LIKE 'Da-Jiang%'").first()
        findings = conn.exec_driver_sql("SELECT title, text FROM finding").all()
    out = tmp_path / "e.pdf"
    export_dossier(demo, out, DossierOptions(entity_id=eid))
    reader, pages = _text(out)
    assert name in pages[0] and "Scope:" in pages[0]
    assert "scope" in str(reader.metadata.get("/Subject"))
    text = " ".join(" ".join(pages).split())
    about = [t for t, body in findings if "DJI" in f"{t} {body}" or "Da-Jiang" in f"{t} {body}"]
    assert about and len(about) < len(findings)  # the demo has findings on other parties
    for title, _body in findings:  # a DJI pack prints DJI's findings and no others
        assert (title in text) == (title in about), title


def test_metadata_is_reproducible_and_derived_from_the_content(demo, tmp_path):
    export_dossier(demo, tmp_path / "a.pdf")
    export_dossier(demo, tmp_path / "b.pdf")
    a, b = (tmp_path / "a.pdf").read_bytes(), (tmp_path / "b.pdf").read_bytes()
    assert a == b
    reader = pypdf.PdfReader(str(tmp_path / "a.pdf"))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en" and root["/PageMode"] == "/UseOutlines"
    assert not str(reader.metadata["/CreationDate"]).startswith("D:2000")
    demo.update("entity", 1, {"description": "changed"})
    export_dossier(demo, tmp_path / "c.pdf")
    ids = [pypdf.PdfReader(str(tmp_path / n)).trailer["/ID"][0] for n in ("a.pdf", "c.pdf")]
    assert ids[0] != ids[1]


def test_verify_dossier_recomputes_the_cover_digest(demo, tmp_path, capsys):
    out = tmp_path / "d.pdf"
    export_dossier(demo, out)
    assert verify_dossier(out, demo).ok
    demo.update("entity", 1, {"description": "changed after printing"})
    verdict = verify_dossier(out, demo)
    assert not verdict.ok and verdict.printed != verdict.recomputed
    demo.close()
    assert main(["verify-dossier", str(out), str(demo.path)]) == 1
    assert "DIFFERENT" in capsys.readouterr().out


@pytest.mark.parametrize("name", ["عبد الرحمن بن خالد العتيبي", "北京华夏精密仪器有限公司",
                                  "ООО «СЕВЕРНЫЙ ВЕТЕР»", "Ørsted A/S"])
def test_a_dossier_of_a_party_of_any_script_verifies(tmp_path, name):
    """(look28) A dossier scoped to a party named in Arabic, Chinese or Cyrillic was 'not a
    Casefile dossier' to verify-dossier: reportlab writes the keywords (digest and scope)
    in UTF-16 then, and the check looked for the digest as plain bytes."""
    case = Case.new(tmp_path / "s.casefile")
    eid = case.create("entity", {"name": name, "kind": "company"}).result
    out = tmp_path / "one.pdf"
    export_dossier(case, out, DossierOptions(entity_id=eid))
    assert verify_dossier(out, case).ok
    stripped = tmp_path / "stripped.pdf"  # (review31) a tool saved it without metadata:
    copy = pypdf.PdfWriter()  # the cover's digest is read
    for page in pypdf.PdfReader(out).pages:
        copy.add_page(page)
    copy.write(stripped)
    assert "/Keywords" not in (pypdf.PdfReader(stripped).metadata or {})
    assert verify_dossier(stripped, case).ok
    case.update("entity", eid, {"description": "changed after printing"})
    assert not verify_dossier(out, case).ok


@pytest.mark.parametrize("name", ["عبد الرحمن بن خالد العتيبي", "Ørsted A/S"])
def test_a_dossier_cut_short_names_its_digest_and_is_said_damaged(tmp_path, name, capsys):
    """(review31) A dossier cut short and scoped to an Arabic-named party was 'not a
    dossier' (its keywords are UTF-16), where a Latin-named one still read — and neither was
    said to be damaged."""
    from casefile.errors import ValidationError

    case = Case.new(tmp_path / "s.casefile")
    eid = case.create("entity", {"name": name, "kind": "company"}).result
    out, cut = tmp_path / "one.pdf", tmp_path / "cut.pdf"
    export_dossier(case, out, DossierOptions(entity_id=eid))
    data = out.read_bytes()
    at = data.index(b"/Keywords")
    cut.write_bytes(data[:data.index(b"endobj", at) + 6])  # its trailer lost
    verdict = verify_dossier(cut, case)
    assert verdict.ok and verdict.damage
    case.close()
    assert main(["verify-dossier", str(cut), str(tmp_path / "s.casefile")]) == 1
    assert "DAMAGED" in capsys.readouterr().out
    cut.write_bytes(data[:at - 200])  # cut before them: said, not 'no dossier'
    with Case.open(tmp_path / "s.casefile") as again, \
            pytest.raises(ValidationError, match="cut short or damaged"):
        verify_dossier(cut, again)


def test_a_dossier_that_lost_pages_in_its_middle_is_said_damaged(demo, tmp_path, capsys):
    """(review34) A dossier damaged in its middle verified OK: a PDF reader rebuilds the
    page tree from what is left (7 of 13 pages, each readable). The dossier names its page
    count beside its digest; a copy with fewer or more pages is said damaged, exit 1."""
    out, fewer, more = tmp_path / "d.pdf", tmp_path / "fewer.pdf", tmp_path / "more.pdf"
    pages = export_dossier(demo, out).pages
    keywords = str(pypdf.PdfReader(out).metadata["/Keywords"])
    assert keywords.startswith("content-sha256:") and f"; pages: {pages}; scope: " in keywords
    assert verify_dossier(out, demo).damage is None
    copy = pypdf.PdfWriter(clone_from=out)  # its metadata kept, its last pages gone
    for i in range(pages - 1, 6, -1):
        del copy.pages[i]
    copy.write(fewer)
    verdict = verify_dossier(fewer, demo)
    assert verdict.ok and verdict.damage == f"7 of the {pages} pages it was written with " \
        "can be read"
    copy = pypdf.PdfWriter(clone_from=out)
    copy.add_blank_page()
    copy.write(more)
    assert verify_dossier(more, demo).damage == f"it has {pages + 1} pages where it was " \
        f"written with {pages}"
    demo.close()
    assert main(["verify-dossier", str(fewer), str(demo.path)]) == 1
    assert f"DAMAGED: 7 of the {pages} pages it was written with can be read — the file " \
        "is not whole" in capsys.readouterr().out


def test_a_dossier_whose_middle_is_destroyed_or_that_lost_its_metadata_and_pages(
        demo, tmp_path):
    """(review35) Zeroing the middle of the demo dossier drew its contents page and sources
    blank and verified OK; a copy stripped of its metadata that lost three pages verified OK
    (the page count is in the metadata). What the pages draw is looked up, and every page's
    foot says the count too ('Page 1 of 13')."""
    out = tmp_path / "d.pdf"
    pages = export_dossier(demo, out).pages
    data = out.read_bytes()
    zeroed = tmp_path / "zeroed.pdf"
    zeroed.write_bytes(data[:int(len(data) * 0.4)] + bytes(int(len(data) * 0.6)
                                                          - int(len(data) * 0.4))
                       + data[int(len(data) * 0.6):])
    damage = verify_dossier(zeroed, demo).damage or ""
    assert re.fullmatch(r"part of what page \d+ draws is missing from the file", damage)
    stripped = tmp_path / "stripped.pdf"
    copy = pypdf.PdfWriter()
    for i, page in enumerate(pypdf.PdfReader(out).pages):
        if i not in (6, 7, 8):
            copy.add_page(page)
    copy.write(stripped)
    assert "/Keywords" not in (pypdf.PdfReader(stripped).metadata or {})
    verdict = verify_dossier(stripped, demo)
    assert verdict.ok and verdict.damage == \
        f"{pages - 3} of the {pages} pages it was written with can be read"
    swapped, replaced = tmp_path / "swapped.pdf", tmp_path / "replaced.pdf"
    for target, order in ((swapped, [0, 1, 2, 4, 3, *range(5, pages)]),
                          (replaced, [0, 1, 2, 3, 1, *range(5, pages)])):
        copy = pypdf.PdfWriter(clone_from=out)  # its metadata kept, the count the same
        original = pypdf.PdfReader(out).pages
        for i in range(pages - 1, -1, -1):
            del copy.pages[i]
        for i in order:
            copy.add_page(original[i])
        copy.write(target)
    # (look31) two pages swapped, or one replaced by another of the same dossier: OK
    assert verify_dossier(swapped, demo).damage == "page 4 is page 5 of the dossier as " \
        "it was written"
    assert verify_dossier(replaced, demo).damage == "page 5 is page 2 of the dossier as " \
        "it was written"
    assert verify_dossier(out, demo).damage is None


@settings(max_examples=40, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=80))
def test_the_pages_are_said_before_any_scope(scope):
    from casefile.report.pages import pages_said

    digest = "a" * 64
    said = pages_said(f"content-sha256:{digest}; scope: {scope}", 13)
    assert said == f"content-sha256:{digest}; pages: 13; scope: {scope}"
    assert pages_said(f"scope: {scope}", 13) == f"scope: {scope}"  # not a dossier's


@settings(max_examples=40, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=80))
def test_the_digest_is_read_back_from_any_keywords_reportlab_writes(scope):
    import io

    from reportlab.pdfgen.canvas import Canvas

    from casefile.services.exchange.dossier_check import printed_digest, read_digest

    digest = "%064x" % (hash(scope) & (2**256 - 1))
    buf = io.BytesIO()
    pdf = Canvas(buf)
    pdf.setKeywords(f"content-sha256:{digest}; scope: {scope}")
    pdf.showPage()
    pdf.save()
    path = _PDF_DIR / "k.pdf"
    path.write_bytes(buf.getvalue())
    assert printed_digest(path) == digest
    # cut short after its keywords (its trailer lost): read from what is left (review31:
    # plain keywords were, UTF-16 ones were not)
    data = buf.getvalue()
    at = data.index(b"/Keywords")
    path.write_bytes(data[:data.index(b"endobj", at) + 6])
    assert read_digest(path) == (digest, read_digest(path)[1]) and read_digest(path)[1]


def test_a_lower_marking_and_redaction_warnings(demo, tmp_path):
    with demo.read() as conn:
        sid, title = conn.exec_driver_sql("SELECT id, title FROM source ORDER BY id").first()
    demo.update("source", sid, {"protected": True})
    demo.create("event", {"date": "2024", "title": "Meeting", "kind": "other",
                          "description": f"as {title} reported"})
    out = tmp_path / "r.pdf"
    report = export_dossier(demo, out, DossierOptions(redact_protected=True, marking="CLEAR"))
    first = _text(out)[1][0]
    assert "TLP:CLEAR" in first and "the case itself is TLP:" in " ".join(first.split())
    assert any("Redaction:" in n and title in n for n in report.notes)


def test_a_big_chronology_counts_in_the_figures_periods(tmp_path, monkeypatch):
    from collections import Counter

    from casefile.report import listings
    from casefile.report.pages import PAGE
    from casefile.services.queries.dossier import read_dossier
    from tests.support.synthetic import build_synthetic_case

    case = build_synthetic_case(tmp_path / "s.casefile", shipments=400, entities=40,
                                sources=5, citations=40)
    out = tmp_path / "s.pdf"
    built = []
    figure = listings.timeline_figure
    monkeypatch.setattr(listings, "timeline_figure",
                        lambda *a, **k: built.append(1) or figure(*a, **k))
    export_dossier(case, out, DossierOptions(sections=("chronology",)))
    assert len(built) == 1  # the period is chosen without drawing the figure twice
    with case.read() as conn:
        data = read_dossier(conn, DossierOptions())
    case.close()
    width = PAGE[0] - 2 * 18 * 72 / 25.4
    period = listings._period(data, width)
    want = Counter()
    for s in data.shipments:
        want[listings._bucket(s.get("date_start"), period)] += s.get("shipment_count") or 1
    text = " ".join(" ".join(_text(out)[1]).split())
    assert f"counted per {period}" in text
    for key, n in want.items():
        assert f"{key} Shipments {n:,} shipment" in text, key


def test_a_profile_that_runs_onto_a_new_page_repeats_whose_it_is(tmp_path):
    with Case.new(tmp_path / "c.casefile", title="Owners") as case:
        hub = case.create("entity", {"name": "Hub Holding Ltd", "kind": "company"}).result
        for i in range(120):
            other = case.create("entity", {"name": f"Subsidiary {i}", "kind": "company"}).result
            case.create("relationship", {"kind": "owns", "subject_id": hub,
                                         "object_id": other})
        out = tmp_path / "c.pdf"
        export_dossier(case, out, DossierOptions(sections=("entities",)))
    pages = _text(out)[1]
    start = next(i for i, p in enumerate(pages) if "Names Hub Holding Ltd" in p)
    # 120 relationship lines fill more than a page: the next page says whose lines they are
    assert "Hub Holding Ltd owns Subsidiary 119" not in pages[start]
    assert "Hub Holding Ltd (continued)" in pages[start + 1]
    assert not any("(continued)" in p for p in pages[:start + 1])


def test_a_fact_split_over_two_pages_goes_on_under_its_partys_name(tmp_path):
    """A profile fact longer than what is left of a page (here notes of 150 lines) is split:
    the page it runs onto says whose it is, as it does for a fact that starts a page."""
    with Case.new(tmp_path / "c.casefile", title="Long notes") as case:
        notes = "\n".join(f"Line {i} of the analyst's notes on this party." for i in range(150))
        case.create("entity", {"name": "Verbose Trading LLC", "kind": "company",
                               "description": notes})
        out = tmp_path / "c.pdf"
        export_dossier(case, out, DossierOptions(sections=("entities",)))
    pages = _text(out)[1]
    start = next(i for i, p in enumerate(pages) if "Names Verbose Trading LLC" in p)
    assert "Line 149 of" not in pages[start]  # the notes run on
    for page in pages[start + 1:]:
        if "of the analyst's notes" in page:
            assert "Verbose Trading LLC (continued)" in page


def test_a_file_that_is_no_dossier_is_said_so(tmp_path, demo):
    from casefile.errors import ValidationError

    for name, data, said in (("notes.pdf", "Meeting notes, no PDF at all\n" * 1000,
                              "names no content digest"),
                             ("cut.pdf", "%PDF-1.4\n1 0 obj\n<< /Type /Catalog",
                              "cut short or damaged")):
        path = tmp_path / name
        path.write_text(data, "utf-8")
        with pytest.raises(ValidationError, match=said):
            verify_dossier(path, demo)
