"""One rule for a finding graded high confidence on too few sources (services.queries
.sourcing): the dossier's notes (what `casefile export-pdf` prints) and the finding's editor
(its record bundle) say the same thing, from the same function, on the real demo case."""

from hypothesis import given
from hypothesis import strategies as st

from casefile.report.model import DossierOptions
from casefile.services.queries.dossier import read_dossier
from casefile.services.queries.record import record_bundle
from casefile.services.queries.sourcing import high_on_few_sources, high_on_few_sources_advice


@given(st.sampled_from(["low", "moderate", "high", "", None]),
       st.lists(st.integers(1, 4), max_size=6))
def test_only_high_confidence_on_fewer_than_two_sources_is_pointed_out(confidence, ids):
    said = high_on_few_sources(confidence, ids)
    assert (said is not None) == (confidence == "high" and len(set(ids)) < 2)
    advice = high_on_few_sources_advice(confidence, ids)
    assert (advice is None) == (said is None)
    if said is not None:
        assert said in advice and "Cite another source" in advice
        assert ("no source" in said) == (not ids)


def test_the_editor_and_the_dossier_say_it_of_the_same_finding(demo):
    # the demo's finding 4 ("China officially denies arming either side") is graded high
    # on the embassy's statement alone
    bundle = record_bundle(demo, "finding", 4)
    assert bundle is not None
    assert bundle["advice"].startswith("This finding is graded high confidence but cites "
                                       "only 1 source; the dossier defines high confidence")
    with demo.read() as conn:
        notes = read_dossier(conn, DossierOptions()).warnings
    (note,) = [n for n in notes if n.startswith("Finding 4 ")]
    assert note.split(" is ", 1)[1] in bundle["advice"]
    assert all(record_bundle(demo, "finding", i)["advice"] is None for i in (1, 2, 3))
    # a second, agreeing source: nothing to say, in either place
    other = demo.create("source", {"kind": "official_statement", "title": "MFA briefing",
                                   "reliability": "B"})
    demo.cite(int(other.result), "finding", 4, "no weapons to either side", "", 2)
    assert record_bundle(demo, "finding", 4)["advice"] is None
    with demo.read() as conn:
        assert not any(n.startswith("Finding 4 ")
                       for n in read_dossier(conn, DossierOptions()).warnings)


def test_the_printed_dossier_says_it_with_the_finding(demo, tmp_path):
    """What the editor promises: the PDF prints the note beside the grade of finding 4, and
    of no other finding."""
    import pypdf

    from casefile.services.exchange.export_pdf import export_dossier

    out = tmp_path / "d.pdf"
    export_dossier(demo, out)
    text = " ".join(" ".join(p.extract_text().split())
                    for p in pypdf.PdfReader(str(out)).pages)
    said = ("High confidence — note: this finding is graded high confidence but cites only "
            "1 source; the dossier defines high confidence as several agreeing sources.")
    assert text.count(said) == 1
    assert text.index(said) > text.index("4. China")  # with finding 4, after its title
