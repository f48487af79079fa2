"""A list entry its list gives no sanction and no sanctions topic — a company registry's
record OpenSanctions ships beside its sanctioned parties ("target": false) — is said to be
not listed as sanctioned wherever its hit is shown (look30: ООО «ЦСТ», matched 1.00 on its
INN, printed in the dossier as 'Match: … on sanctions' with nothing to say it lists no
sanction)."""

import pypdf
import pytest

from casefile.cli import main
from casefile.core.topics import unsanctioned
from casefile.services.case.facade import Case
from casefile.services.case.screening_ops import decide
from casefile.services.exchange.export_pdf import export_dossier
from casefile.services.queries.dossier import DossierOptions
from casefile.services.queries.party import party_profile
from casefile.services.screening.results import hits
from tests.support.watchlist import ENTRIES, ftm, write_ftm

REGISTRY = ftm("ru-inn-5920040846", "Company",
               'ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "ЦСТ"', innCode="5920040846",
               country="ru", datasets=("ext_ru_egrul",))
REGISTRY["target"] = False


@pytest.mark.parametrize(("entry", "said"), [
    ({"properties": {"topics": ["sanction"]}}, ""),
    ({"properties": {}, "sanctions": [{"authority": ["OFAC"]}]}, ""),
    ({"properties": {"topics": ["sanction.linked"]}}, ""),
    ({"properties": {"topics": ["role.pep"]}},
     "not listed as sanctioned (topics: Politically exposed person (PEP))"),
    ({"properties": {}}, "not listed as sanctioned (no sanction or topic in the list: a "
                         "related entity)"),
])
def test_what_an_entry_is_when_its_list_lists_no_sanction(entry, said):
    assert unsanctioned(entry) == said


def test_a_registry_record_is_said_not_sanctioned_wherever_its_hit_shows(tmp_path, capsys,
                                                                         monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    listed_file = write_ftm(tmp_path / "entities.ftm.json", [*ENTRIES, REGISTRY])
    assert main(["watchlist", "import", str(listed_file), "--name", "sanctions"]) == 0
    path = tmp_path / "c.casefile"
    with Case.new(path) as case:
        cst = case.create("entity", {"name": "ООО «ЦСТ»", "kind": "company"},
                          {"identifier": [{"scheme": "INN", "value": "5920040846"}]}).result
        rostec = case.create("entity", {"name": "Rostec", "kind": "company"}).result
    capsys.readouterr()
    assert main(["screen", str(path)]) in (0, 3)
    printed = capsys.readouterr().out
    assert "Not listed as sanctioned (no sanction or topic in the list" in printed
    case = Case.open(path)
    with case.read() as conn:
        (hit,) = hits(conn, party=cst)
        (listed,) = hits(conn, party=rostec)
    assert hit.unsanctioned.startswith("not listed as sanctioned") and not listed.unsanctioned
    decide(case, [hit.id], "match", "same INN", reviewer="ana")
    with case.read() as conn:
        (line,) = [i["text"] for i in party_profile(conn, cst).items["screening_hit"]]
    assert line.startswith('Match: ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "ЦСТ" '
                           "(ru-inn-5920040846), not listed as sanctioned (no sanction")
    out = tmp_path / "d.pdf"
    export_dossier(case, out, DossierOptions(sections=("entities", "screening")))
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(out).pages).split())
    assert text.count("not listed as sanctioned") == 1  # the profile's line
    assert text.count("Not listed as sanctioned") == 1  # the Screening section's entry
    case.close()


def test_a_row_of_a_targets_simple_csv_is_not_called_unsanctioned(tmp_path):
    """(review34) A targets.simple.csv gives no topics: each of its rows with an empty
    sanctions cell — a PEP, or a party sanctioned by its topics — was called 'not listed
    as sanctioned … a related entity'. Its rows are the list's targets: nothing is said."""
    from casefile.services.screening.screen import screen_case
    from casefile.services.screening.watchlist_import import load
    from tests.support.watchlist import write_simple

    load(write_simple(tmp_path / "targets.simple.csv"), "sanctions", where=tmp_path)
    with Case.new(tmp_path / "c.casefile") as case:
        case.create("entity", {"name": "Sergey Chemezov", "kind": "person"})
        screen_case(case, "sanctions", where=tmp_path)
        with case.read() as conn:
            (hit,) = hits(conn)
    assert hit.list_key == "NK-chemezov" and hit.unsanctioned == ""
