"""Politically exposed persons as OpenSanctions gives them: a Person, the Occupancy whose
holder it is (dates, status) and the Position that is its post (name, country, area), in any
order in a flat file, or nested under the person (targets.nested.json, the yente API). The
posts land in the person's Position field, a line each; nothing else about them is dropped
unsaid."""

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.services.case.facade import Case
from casefile.services.exchange.imports.ftm import import_ftm
from casefile.services.exchange.imports.ftm_positions import names_occupancies
from tests.support.ftm_nested import nested_targets, write_nested

PERSON = {"id": "Q4285719", "schema": "Person", "caption": "Maria Aleksandrovna Osetrova",
          "properties": {"name": ["Maria Aleksandrovna Osetrova",
                                  "OSETROVA, Maria Aleksandrovna", "Осетрова Мария"],
                         "position": ["Member of the State Duma"], "topics": ["role.pep"],
                         "citizenship": ["ru"], "birthDate": ["1971-10-03"]}}
DUMA = {"id": "Q17276321", "schema": "Position", "caption": "Member of the State Duma",
        "properties": {"name": ["Member of the State Duma"], "country": ["ru"],
                       "topics": ["gov.legislative", "gov.national"],
                       "wikidataId": ["Q17276321"]}}
GOVERNOR = {"id": "Q4116543", "schema": "Position",
            "caption": "Governor of Tver Oblast",
            "properties": {"name": ["Governor of Tver Oblast"], "country": ["ru"],
                           "subnationalArea": ["Tver Oblast"]}}
OCCUPANCIES = [
    {"id": "wd-occ-1", "schema": "Occupancy", "caption": "Occupancy",
     "properties": {"holder": ["Q4285719"], "post": ["Q17276321"],
                    "startDate": ["2016-10-05"], "endDate": ["2021-10-12"],
                    "status": ["ended"]}},
    {"id": "wd-occ-2", "schema": "Occupancy", "caption": "Occupancy",
     "properties": {"holder": ["Q4285719"], "post": ["Q4116543"],
                    "startDate": ["2021-10-12"], "status": ["current"]}},
    {"id": "wd-occ-3", "schema": "Occupancy", "caption": "Occupancy",
     "properties": {"holder": ["Q4285719"], "post": ["Q17276321"], "status": ["unknown"],
                    "declarationDate": ["2022-03-01"]}},
]
EXPECTED = ("Member of the State Duma (Russia), 2016-10-05 – 2021-10-12, ended\n"
            "Governor of Tver Oblast (Tver Oblast, Russia), since 2021-10-12, current")


def _write_lines(path: Path, entities: list[dict]) -> Path:
    path.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entities),
                    encoding="utf-8")
    return path


def _position(case: Case) -> str:
    """The Position field of the case's one person (the name FtM picks is not the point)."""
    with case.read() as conn:
        (position,), = conn.exec_driver_sql(
            "SELECT position FROM entity WHERE kind = 'person'").fetchall()
    return position


def test_posts_given_before_and_after_the_person_fill_its_position(case, tmp_path):
    # the Occupancy first, the Position last: the order OpenSanctions' exports do not fix
    path = _write_lines(tmp_path / "peps.ftm.json",
                        [OCCUPANCIES[0], PERSON, *OCCUPANCIES[1:], GOVERNOR, DUMA])
    report = import_ftm(case, path).result
    assert not report.problems
    assert _position(case) == EXPECTED
    assert "Occupancy" not in report.skipped_schemata
    assert "Position" not in report.skipped_schemata
    assert report.rows == 6
    left = report.left_out
    assert left["Position topics: Casefile has no field for it"] == 1
    assert left["Position wikidataId: Casefile has no field for it"] == 1
    assert left["Occupancy declarationDate: Casefile has no field for it"] == 1
    assert (report.posts, report.post_holders) == (2, 1)
    assert ("Posts held (Occupancy and Position): 2 posts in the Position field of 1 party"
            in report.summary_lines())


def test_posts_nested_under_the_person_as_yente_gives_them(case, tmp_path):
    lines = nested_targets([PERSON, DUMA, GOVERNOR, *OCCUPANCIES], targets={"Q4285719"})
    assert "positionOccupancies" in lines[0]["properties"]  # the shape yente writes
    report = import_ftm(case, write_nested(tmp_path / "peps.nested.json", lines)).result
    assert not report.problems
    assert _position(case) == EXPECTED
    assert not report.skipped_schemata


def test_posts_of_a_party_already_in_the_case_are_added_to_it_of_no_party_counted(case,
                                                                                   tmp_path):
    person = {**PERSON, "properties": {"name": ["Maria Aleksandrovna Osetrova"]}}
    import_ftm(case, _write_lines(tmp_path / "first.ftm.json", [person]))
    stray = {"id": "wd-occ-9", "schema": "Occupancy",
             "properties": {"holder": ["Q-not-here"], "post": ["Q4116543"]}}
    report = import_ftm(case, _write_lines(tmp_path / "peps.ftm.json", [
        PERSON, DUMA, GOVERNOR, *OCCUPANCIES, stray])).result
    assert not report.problems
    assert report.reused_entities == {"Maria Aleksandrovna Osetrova": 1}
    # two posts (the third repeats the first undated): each once, added to the party
    assert _position(case) == EXPECTED
    assert report.added["positions"] == 1 and report.added_to == 1
    assert (report.posts, report.post_holders) == (2, 1)
    assert not any("already in the case" in k for k in report.left_out)
    assert report.left_out["Occupancy whose holder is not a party in the file"] == 1


def test_posts_a_party_already_says_are_not_said_left_out_again(case, tmp_path):
    path = _write_lines(tmp_path / "peps.ftm.json", [PERSON, DUMA, GOVERNOR, *OCCUPANCIES])
    import_ftm(case, path)
    again = import_ftm(case, path, again=True).result
    assert again.nothing_new
    assert not any("party already in the case" in k for k in again.left_out)
    assert again.left_out["Occupancy declarationDate: Casefile has no field for it"] == 1


def test_an_occupancy_whose_post_is_missing_is_counted(case, tmp_path):
    report = import_ftm(case, _write_lines(tmp_path / "peps.ftm.json",
                                           [PERSON, OCCUPANCIES[0]])).result
    assert _position(case) == "Member of the State Duma"
    assert report.left_out["Occupancy whose post (Position) is not in the file"] == 1


@settings(max_examples=80, deadline=None)
@given(st.binary(max_size=64), st.integers(0, (1 << 20) + 40), st.booleans())
def test_the_byte_scan_finds_an_occupancy_wherever_it_falls(tmp_path_factory, noise, at, put):
    body = bytearray(noise * ((at // max(len(noise), 1)) + 2) if noise else b"x" * (at + 20))
    while b"Occupancy" in body:  # (a removal may join two halves into another)
        body = body.replace(b"Occupancy", b"")
    if put:
        body[at:at] = b'"Occupancy"'
    path = tmp_path_factory.mktemp("scan") / "f.json"
    path.write_bytes(bytes(body))
    assert names_occupancies(path, "utf-8") is put
    assert names_occupancies(path, "utf-16") is True  # not ASCII-like: read in the pass


def test_a_position_no_occupancy_names_is_counted_and_one_without_any_is_skipped(case,
                                                                              tmp_path):
    stray = {"id": "Q-mayor", "schema": "Position", "properties": {"name": ["Mayor"]}}
    report = import_ftm(case, _write_lines(tmp_path / "peps.ftm.json", [
        PERSON, DUMA, GOVERNOR, *OCCUPANCIES, stray])).result
    assert report.left_out["Position that no Occupancy in the file names"] == 1
    other = Case.new(tmp_path / "other.casefile")
    try:  # no Occupancy at all: the Position is counted with what is skipped
        report = import_ftm(other, _write_lines(tmp_path / "p.ftm.json", [PERSON, stray])
                            ).result
        assert report.skipped_schemata == {"Position": 1}
    finally:
        other.close()


def test_an_occupancy_given_in_fragments_over_two_lines_is_one_post(case, tmp_path):
    occ = OCCUPANCIES[0]
    dates = {k: v for k, v in occ["properties"].items() if k not in ("holder", "post")}
    ends = {k: occ["properties"][k] for k in ("holder", "post")}
    report = import_ftm(case, _write_lines(tmp_path / "peps.ftm.json", [
        {**occ, "properties": dates}, PERSON, {**occ, "properties": ends}, DUMA])).result
    assert _position(case) == EXPECTED.splitlines()[0]
    assert not any(k.startswith("Occupancy without") for k in report.left_out)


def test_a_bad_byte_late_in_a_file_with_posts_is_named_not_a_crash(case, tmp_path):
    import pytest

    from casefile.errors import ImportFileError

    path = _write_lines(tmp_path / "peps.ftm.json", [PERSON, DUMA, *OCCUPANCIES] * 150)
    with path.open("ab") as f:
        f.write(b'{"id": "x", "schema": "Person", "properties": {"name": ["Caf'
                + b"\xe9" + b'"]}}\n')
    assert path.stat().st_size > 65536
    with pytest.raises(ImportFileError, match="peps.ftm.json: not readable as UTF-8"):
        import_ftm(case, path)


def test_posts_are_listed_earliest_first_whatever_the_files_order(case, tmp_path):
    later = {**OCCUPANCIES[1], "properties": {**OCCUPANCIES[1]["properties"],
                                              "startDate": ["2021-10-12"]}}
    earlier = OCCUPANCIES[0]
    import_ftm(case, _write_lines(tmp_path / "peps.ftm.json",
                                  [later, PERSON, earlier, DUMA, GOVERNOR]))
    assert _position(case) == EXPECTED  # 2016's post first, though the file gives it second
