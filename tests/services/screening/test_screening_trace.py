"""A screening decision shows where the party is read: its profile (the window's All About
This Party) and its block in the dossier say which list entry it was screened against, what
was decided and by whom — or that it was screened without a hit, or never (look23: a match
decided left no trace there unless a sanction was recorded)."""

import pypdf
import pytest

from casefile.services.case.screening_ops import decide
from casefile.services.exchange.export_pdf import export_dossier
from casefile.services.queries.dossier import DossierOptions
from casefile.services.queries.party import party_profile
from casefile.services.screening.results import hits
from casefile.services.screening.screen import screen_case
from casefile.services.screening.watchlist_import import load
from tests.support.watchlist import write_ftm


@pytest.fixture
def listed(tmp_path):
    load(write_ftm(tmp_path / "entities.ftm.json"), "sanctions", where=tmp_path,
         dataset="sanctions")
    return tmp_path


def _screened(case, listed):
    """Four parties screened: Chemezov decided a match, Foo Trading flagged and open,
    Acme without a hit; a fifth party, made after the run, never screened."""
    chemezov = case.create("entity", {"name": "Sergey Chemezov", "kind": "person"}).result
    foo = case.create("entity", {"name": "Foo Trading", "kind": "company"},
                      {"identifier": [{"scheme": "INN", "value": "7707083893"}]}).result
    case.create("entity", {"name": "Shenzhen Dajiang Chuangxin Keji Youxian Gongsi",
                           "kind": "company"})
    acme = case.create("entity", {"name": "Acme Widgets", "kind": "company"}).result
    screen_case(case, "sanctions", where=listed)
    later = case.create("entity", {"name": "Foo Trading", "kind": "company"}).result
    with case.read() as conn:
        by = {h.list_key: h for h in hits(conn)}
    decide(case, [by["NK-chemezov"].id], "match", "same birth date", reviewer="ana")
    return chemezov, foo, acme, later


def test_the_profile_lists_each_hit_with_its_decision_or_says_it_was_screened(case, listed):
    chemezov, foo, acme, later = _screened(case, listed)
    with case.read() as conn:
        c, f, a, new = (party_profile(conn, i) for i in (chemezov, foo, acme, later))
    (hit,) = c.items["screening_hit"]
    assert hit["text"].startswith("Match: ") and "(NK-chemezov) on sanctions" in hit["text"]
    assert "decided by ana; note: same birth date" in hit["text"] and hit["date"]
    (hit,) = f.items["screening_hit"]
    assert hit["text"].startswith("Flagged, not reviewed: ") and not hit["date"]
    assert [(w, changed) for w, _at, changed in a.screened] == [("sanctions", False)]
    assert a.items["screening_hit"] == []
    # made after the case was screened: not screened, though it bears a listed party's name
    assert new.screened == [] and new.items["screening_hit"] == []
    assert c.count() == 1  # a hit counts among the records about the party


def test_a_party_changed_since_it_was_screened_says_so(case, listed):
    """(review25) Renamed after the run to a listed name, a party read "No hit in the latest
    screening against sanctions": what screening reads of it — its names, aliases,
    identifiers, countries, kind, birth date, gender — changed since, and the profile says
    so; an edit of anything else (its notes) does not count, nor does another party's."""
    chemezov, foo, acme, later = _screened(case, listed)

    def changed(eid):
        with case.read() as conn:
            return [c for _w, _at, c in party_profile(conn, eid).screened]
    assert changed(acme) == [False]
    case.update("entity", acme, {"description": "a supplier of widgets"})
    case.update("entity", later, {"name": "Sergei Viktorovich CHEMEZOV"})  # another party
    assert changed(acme) == [False]
    case.update("entity", acme, {"name": "Sergei Viktorovich CHEMEZOV"})
    assert changed(acme) == [True]
    other = case.create("entity", {"name": "Zeta Works", "kind": "company"}).result
    screen_case(case, "sanctions", party=other, where=listed)
    assert changed(other) == [False]
    case.create("alias", {"entity_id": other, "name": "Zeta"})
    assert changed(other) == [True]
    third = case.create("entity", {"name": "Omega Works", "kind": "company"}).result
    screen_case(case, "sanctions", party=third, where=listed)
    assert changed(third) == [False]
    case.merge_entities(third, later)  # a name never screened with it joins it
    assert changed(third) == [True]


def _text(path):
    return " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(str(path)).pages)
                    .split())


def test_the_dossier_profile_says_what_screening_decided(case, listed, tmp_path):
    chemezov, foo, acme, later = _screened(case, listed)
    out = tmp_path / "d.pdf"
    export_dossier(case, out, DossierOptions(sections=("entities", "screening")))
    text = _text(out)
    block = text[text.index("Entity profiles"):text.rindex("Screening")]
    assert "Match: Sergei Viktorovich CHEMEZOV (NK-chemezov) on sanctions, score" in block
    assert "decided by ana" in block and "note: same birth date" in block
    assert "Flagged, not reviewed:" in block
    # without the Screening section, the profiles say nothing of it either
    bare = tmp_path / "bare.pdf"
    export_dossier(case, bare, DossierOptions(sections=("entities",)))
    assert "NK-chemezov" not in _text(bare)


def test_a_dossier_of_one_party_keeps_its_own_hits_not_a_namesakes(case, listed, tmp_path):
    chemezov, foo, acme, later = _screened(case, listed)
    out = tmp_path / "one.pdf"  # the later 'Foo Trading' was never screened
    report = export_dossier(case, out, DossierOptions(sections=("entities", "screening"),
                                                      entity_id=later))
    assert not any("flagged screening hit" in n for n in report.notes)
    text = _text(out)
    assert "Open hits (0)" in text and "NK-tekhkrim" not in text


def test_a_party_with_hits_changed_since_the_run_is_said_changed_everywhere(case, listed,
                                                                            tmp_path):
    """(look30) A party renamed, or its birth date or nationality corrected, after the run
    kept its old hits with no word — in its profile, the dossier's profile and Screening
    section — where a party with no hit was said to have changed. A nationality change was
    not counted at all (screening reads it)."""
    chemezov, foo, acme, later = _screened(case, listed)
    with case.read() as conn:
        assert [c for _w, _at, c in party_profile(conn, chemezov).screened] == [False]
    case.update("entity", chemezov, {"nationality": "TW"})
    with case.read() as conn:
        assert [c for _w, _at, c in party_profile(conn, chemezov).screened] == [True]
        assert hits(conn, party=chemezov)  # still its hits from the run
    case.update("entity", foo, {"description": "notes only"})  # not read by screening
    out = tmp_path / "d.pdf"
    report = export_dossier(case, out, DossierOptions(sections=("entities", "screening")))
    text = _text(out)
    block = text[text.index("Entity profiles"):text.rindex("Screening")]
    assert block.count("Changed since it was screened against sanctions") == 1
    assert block.index("Changed since it was screened") < block.index("Match: Sergei")
    section = text[text.rindex("Screening"):]
    assert "1 party changed since this run" in section and "changed since this run" in \
        section[section.index("Decisions"):]
    assert any("1 party changed since its screening" in n for n in report.notes)


def test_the_dossier_names_a_list_once_and_no_unknown_country_above_a_nationality(
        case, listed, tmp_path):
    """(look30) A list named as its dataset was headed 'sanctions: sanctions, version …'; a
    person with a nationality and no country printed 'Country not known' above it."""
    _screened(case, listed)
    case.create("entity", {"name": "Sun Pengyu", "kind": "person", "nationality": "TW"})
    out = tmp_path / "d.pdf"
    export_dossier(case, out, DossierOptions(sections=("entities", "screening")))
    text = _text(out)
    assert "sanctions, version" in text and "sanctions: sanctions" not in text
    sun = text[text.index("Sun Pengyu"):]
    assert "Taiwan" in sun[:200] and "not known" not in sun[:200]


def test_an_import_marks_changed_only_the_parties_it_gave_names(case, listed, tmp_path):
    """(review34) Any import marked every screened party 'changed since it was screened'
    (its rows are written in bulk, unnamed in the audit log): one of new parties marks
    none; one that gives a screened party another name marks that party; an identifier
    taken away marks its party."""
    import json

    from casefile.services.exchange.imports.ftm import import_ftm

    chemezov, foo, acme, later = _screened(case, listed)

    def changed():
        with case.read() as conn:
            return {e for e in (chemezov, foo, acme)
                    if any(c for _w, _at, c in party_profile(conn, e).screened)}
    new = tmp_path / "new.ftm.json"
    new.write_text("".join(json.dumps(e) + "\n" for e in [
        {"id": "z1", "schema": "Company", "properties": {"name": ["Zeta Holdings"],
                                                         "alias": ["Zeta H."]}},
        {"id": "z2", "schema": "Person", "properties": {"name": ["Ivan Novak"]}}]), "utf-8")
    import_ftm(case, new)
    assert changed() == set()
    more = tmp_path / "more.ftm.json"
    more.write_text(json.dumps({"id": "a1", "schema": "Company", "properties": {
        "name": ["Acme Widgets"], "alias": ["ACME Widgets Trading"]}}) + "\n", "utf-8")
    import_ftm(case, more)
    with case.read() as conn:
        assert "ACME Widgets Trading" in [r[0] for r in conn.exec_driver_sql(
            "SELECT name FROM alias WHERE entity_id = ?", (acme,))]
    assert changed() == {acme}
    with case.read() as conn:
        (ident,) = conn.exec_driver_sql("SELECT id FROM identifier WHERE entity_id = ?",
                                        (foo,)).first()
    case.delete("identifier", ident)
    assert changed() == {acme, foo}


def test_a_profile_puts_the_open_flagged_hit_first_and_counts_the_dismissed(case, tmp_path):
    """(look31) ZHOU Pengyu's profile listed 25 'Not a match' lines, and the open flagged
    hit (1.00) last, over a page break. The flagged hits waiting come first, then what was
    decided, three dismissed hits named and the rest counted."""
    from tests.support.watchlist import ftm

    given = ["Pengyi", "Pengya", "Pangyu", "Penyu", "Pengyun", "Pengwu", "Bengyu"]
    entries = [ftm("NK-zhou", "Person", "ZHOU Pengyu", topics="sanction")] + [
        ftm(f"NK-z{i}", "Person", f"ZHOU {g}", topics="sanction") for i, g in enumerate(given)]
    load(write_ftm(tmp_path / "e.ftm.json", entries), "bis", where=tmp_path, dataset="bis")
    zhou = case.create("entity", {"name": "Zhou Pengyu", "kind": "person"}).result
    screen_case(case, "bis", where=tmp_path)
    with case.read() as conn:
        others = [h.id for h in hits(conn) if h.list_key != "NK-zhou"]
    assert len(others) == len(given)  # each a spelling away
    decide(case, others, "no_match", "another given name", reviewer="ana")
    out = tmp_path / "d.pdf"
    export_dossier(case, out, DossierOptions(sections=("entities", "screening")))
    text = _text(out)
    block = text[text.index("Entity profiles"):text.rindex("Screening")]
    assert zhou and block.index("Flagged, not reviewed: ZHOU Pengyu") < \
        block.index("Not a match:")
    assert block.count("Not a match:") == 3
    assert f"{len(given) - 3} more hits decided not a match (see Screening)" in block
