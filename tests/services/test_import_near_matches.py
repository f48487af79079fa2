"""(helper-62) A near match was scored by token-set similarity alone, which calls two names
"100%" alike whenever one's words are all in the other: "=ТЕСТ" against "ШЭНЬЧЖЭНЬ КО., ЛТД
«ТЕСТ»" was proposed as the same party at 100%. A proposal now needs more than one word in
common when one name lies inside the other, and its score counts the words one name lacks."""

import json

from hypothesis import given
from hypothesis import strategies as st

from casefile.services.exchange.imports.ftm import import_ftm
from casefile.services.exchange.imports.known import likeness


def _file(tmp_path, *names):
    f = tmp_path / "parties.ftm.json"
    f.write_text("".join(json.dumps({"id": f"p{i}", "schema": "Company" if i else "Person",
                                     "properties": {"name": [n]}}, ensure_ascii=False) + "\n"
                         for i, n in enumerate(names)), "utf-8")
    return f


def test_one_word_inside_a_long_name_is_not_proposed_and_a_subset_is_not_100(case, tmp_path):
    case.create("entity", {"name": "ШЭНЬЧЖЭНЬ КО., ЛТД «ТЕСТ»", "kind": "company"})
    ivan = case.create("entity", {"name": "Ivan Sergeevich Petrov", "kind": "person"}).result
    report = import_ftm(case, _file(tmp_path, "Ivan Petrov", "=ТЕСТ")).result
    assert sorted(report.new_entities) == ["=ТЕСТ", "Ivan Petrov"]  # never merged unasked
    (proposal,) = report.proposals  # ТЕСТ is not proposed
    name, eid, existing, score = proposal
    assert (name, eid, existing) == ("Ivan Petrov", ivan, "Ivan Sergeevich Petrov")
    assert 60 < score < 100  # alike, not the same: a patronymic is missing


def test_a_name_spelled_a_little_differently_is_still_proposed_high(case, tmp_path):
    dji = case.create("entity", {"name": "Da-Jiang Innovations Science & Technology Co., Ltd.",
                                 "kind": "company"}).result
    report = import_ftm(case, _file(tmp_path, "Nobody",
                                    "DA JIANG INNOVATION SCIENCE AND TECHNOLOGY")).result
    (proposal,) = report.proposals
    assert proposal[1] == dji and proposal[3] >= 90


_WORDS = st.lists(st.text("абвгдеёжзийклмнопрстуфхцчшщыэюяabcdefgh", min_size=1, max_size=8),
                  min_size=1, max_size=5)


@given(_WORDS, _WORDS, st.randoms())
def test_likeness_is_symmetric_and_counts_the_words_one_name_lacks(a, b, rnd):
    x, y = " ".join(a), " ".join(b)
    assert likeness(x, y) == likeness(y, x)
    if set(a) < set(b):  # words one name lacks count against it
        assert likeness(x, y) < 100
    shuffled = list(dict.fromkeys(a))
    rnd.shuffle(shuffled)
    assert likeness(" ".join(dict.fromkeys(a)), " ".join(shuffled)) == 100  # word order aside


def test_a_name_several_parties_share_goes_to_the_one_written_so_or_is_asked(case, tmp_path):
    """(look16) With 'Siemens AG' and 'Siemens' in the case (one name once the legal form
    is set aside), a file's 'Siemens' was put on 'Siemens AG' unasked."""
    def party(name, kind="company"):
        return case.create("entity", {"name": name, "kind": kind}).result

    ag, plain = party("Siemens AG"), party("Siemens")
    ooo, _bare = party("ООО «Ромашка»"), party("Ромашка")
    report = import_ftm(case, _file(tmp_path, "Nobody", "SIEMENS", "ООО «Ромашка»",
                                    "Siemens A.G.")).result
    assert report.reused_entities["SIEMENS"] == plain
    assert report.reused_entities["ООО «Ромашка»"] == ooo
    assert "Siemens A.G." in report.new_entities  # not put on either unasked
    asked = {p[1]: p[2] for p in report.proposals if p[0] == "Siemens A.G."}
    assert set(asked) == {ag, plain}  # either can be accepted (look17)
    assert asked[ag] == f"Siemens AG, same name but #{plain} Siemens has that name too"
    assert asked[plain] == f"Siemens, same name but #{ag} Siemens AG has that name too"


def test_the_command_line_quotes_the_party_not_the_reason(case, tmp_path, capsys):
    from casefile.cli import main

    case.create("entity", {"name": "Siemens AG", "kind": "company"})
    plain = case.create("entity", {"name": "Siemens", "kind": "company"}).result
    path = case.path
    case.close()
    f = _file(tmp_path, "Nobody", "Siemens A.G.")
    assert main(["import-ftm", str(path), str(f), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert ("looks like entity 1 'Siemens AG' (100%), same name but "
            f"#{plain} Siemens has that name too: --accept 'Siemens A.G.=1'") in out
    assert f"looks like entity {plain} 'Siemens' (100%), same name but #1 Siemens AG " \
           f"has that name too: --accept 'Siemens A.G.={plain}'" in out


def test_customs_rows_naming_a_shared_name_go_to_the_party_written_so_or_are_asked(case,
                                                                                   tmp_path):
    """(look17) The trade import put 'Siemens' rows on 'Siemens AG' unasked (and kept
    'Siemens' as its alias), though the case held a party named exactly 'Siemens'."""
    from casefile.services.exchange.imports.shipments import import_shipments

    ag = case.create("entity", {"name": "Siemens AG", "kind": "company"}).result
    plain = case.create("entity", {"name": "Siemens", "kind": "company"}).result
    f = tmp_path / "customs.csv"
    f.write_text("ShipperName,ConsigneeName,ProductDescription,Origin,Destination\n"
                 "SIEMENS,Tekhkrim,turbine parts,DE,RU\n"
                 "Siemens A.G.,Tekhkrim,turbine blades,DE,RU\n"
                 "Siemens A.G.,Tekhkrim,seals,DE,RU\n", "utf-8")
    report = import_shipments(case, f, accept_missing=True).result
    assert report.reused_entities["SIEMENS"] == plain
    assert "Siemens A.G." in report.new_entities  # made once, for both its rows
    asked = {p[1]: p[2] for p in report.proposals if p[0] == "Siemens A.G."}
    assert set(asked) == {ag, plain}  # either can be accepted
    with case.read() as conn:
        shippers = [r[0] for r in conn.exec_driver_sql(
            "SELECT e.name FROM shipment s JOIN entity e ON e.id = s.shipper_id ORDER BY s.id")]
        aliases = conn.exec_driver_sql("SELECT count(*) FROM alias WHERE entity_id = ?",
                                       (ag,)).scalar()
    assert shippers == ["Siemens", "Siemens A.G.", "Siemens A.G."] and aliases == 0
