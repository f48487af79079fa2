"""(helper-62) A first load that failed left an empty watchlist behind — and screening
against it said every party was clean, stored the run and printed it in the dossier. A
targets.simple.csv saved by a spreadsheet as UTF-16 (Excel's "Unicode text") ended in a
traceback. Now: such a file loads; a file that is no watchlist is refused in one message
naming it, and leaves no list (or the list as it was); an empty list is never screened."""

import json

import pytest

from casefile.errors import CasefileError, ImportFileError
from casefile.services.case.facade import Case
from casefile.services.screening import watchlist_db as db
from casefile.services.screening.screen import screen_case
from casefile.services.screening.watchlist_import import load
from tests.support.watchlist import write_ftm, write_simple


@pytest.mark.parametrize("delimiter,encoding", [(",", "utf-16"), ("\t", "utf-16"),
                                                (";", "cp1251")])
def test_a_targets_simple_csv_saved_by_excel_loads_as_the_file(tmp_path, delimiter, encoding):
    """(helper-62, look15) A UTF-16 file ended in a traceback; Excel's "Unicode Text" is
    tab-separated UTF-16; a Russian Excel's CSV is ';'-separated cp1251: all were refused."""
    import csv
    import io

    utf8 = write_simple(tmp_path / "targets.simple.csv")
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows(csv.reader(io.StringIO(utf8.read_text("utf-8"))))
    saved = tmp_path / "targets.simple.txt"
    saved.write_bytes(out.getvalue().encode(encoding))
    a = load(utf8, "a", where=tmp_path)
    b = load(saved, "b", where=tmp_path)
    assert (a.added, a.skipped) == (b.added, b.skipped) == (2, 1)
    con = db.connect(db.path_of("b", tmp_path))
    names = {r[0] for r in con.execute("SELECT caption FROM entry")}
    con.close()
    assert names == {"OOO TEKHKRIM", "Sergei Viktorovich CHEMEZOV"}


def test_dates_a_spreadsheet_rewrote_are_read_as_the_file_wrote_them(tmp_path):
    """(look16) A Russian Excel saves '1952-08-20' as '20.08.1952' and '2024-05-01' as
    '01.05.2024': screening compared them as text ("birth date differs (1952-08-20 vs
    20.08.1952)"), and the list's version was the largest text, not the newest date."""
    import csv
    import io
    import json

    utf8 = write_simple(tmp_path / "targets.simple.csv")
    rows = list(csv.reader(io.StringIO(utf8.read_text("utf-8"))))
    for row in rows[1:]:
        row[4] = ".".join(reversed(row[4].split("-"))) if row[4] else ""  # birth_date
        row[15] = ".".join(reversed(row[15].split("-")))  # last_change
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    saved = tmp_path / "targets.simple.txt"
    saved.write_bytes(out.getvalue().encode("cp1251"))
    assert "20.08.1952" in saved.read_text("cp1251")
    a = load(utf8, "a", where=tmp_path)
    b = load(saved, "b", where=tmp_path)
    assert a.version == b.version == "2024-05-01"
    con = db.connect(db.path_of("b", tmp_path))
    (data,) = [json.loads(r[0]) for r in con.execute(
        "SELECT data FROM entry WHERE key = 'NK-chemezov'")]
    con.close()
    assert data["birthDate"] == ["1952-08-20"]
    from casefile.services.screening.watchlist_files import iso_date

    assert iso_date("25.12.2025 10:00") == "2025-12-25T10:00:00"
    assert iso_date("03/04/1964") == "03/04/1964"  # reads two ways: left as it is
    assert iso_date("sometime") == "sometime"


@pytest.mark.parametrize("name, content", [
    ("customs.csv", "Номер ДТ;Отправитель;Получатель\n10702030/1;ООО «ВЕКТОР»;АО «ТЕСТ»\n"
     .encode("cp1251")),
    ("bin.csv", bytes(range(256)) * 64),
    ("bad.json", b'{"id": "x", "schema": "Person", "properties": {"name": ["X"]}}\n{not\n'),
    ("entities16.json", (json.dumps({"id": "x", "schema": "Person", "properties": {
        "name": ["X"]}}) + "\n").encode("utf-16")),
])
def test_a_file_that_is_no_watchlist_is_refused_and_leaves_no_list(tmp_path, name, content):
    f = tmp_path / name
    f.write_bytes(content)
    with pytest.raises(ImportFileError) as err:
        load(f, "t", where=tmp_path)
    assert name in str(err.value)
    assert not db.path_of("t", tmp_path).exists()  # no empty list left to screen against
    assert [w.name for w in db.list_all(tmp_path)] == []


def test_a_failed_load_leaves_a_loaded_list_as_it_was(tmp_path):
    first = load(write_ftm(tmp_path / "entities.ftm.json"), "s", where=tmp_path)
    bad = tmp_path / "bin.csv"
    bad.write_bytes(bytes(range(256)) * 64)
    with pytest.raises(ImportFileError):
        load(bad, "s", where=tmp_path)
    (w,) = db.list_all(tmp_path)
    assert (w.entries, w.sha256) == (first.added, first.sha256)


def test_an_empty_watchlist_is_not_screened(tmp_path):
    db.connect(db.path_of("empty", tmp_path)).close()  # a list no load has filled
    case = Case.new(tmp_path / "c.casefile")
    case.create("entity", {"name": "Sergey Chemezov", "kind": "person"})
    with pytest.raises(CasefileError, match="holds no entries"):
        screen_case(case, "empty", where=tmp_path)
    with case.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM screening_run").scalar() == 0
    case.close()


def test_a_first_load_of_no_matchable_entity_makes_no_list(tmp_path):
    """(review21) A header-only targets.simple.csv, or one of Address rows only, loaded
    into a new list, kept a list of 0 entries."""
    utf8 = write_simple(tmp_path / "targets.simple.csv").read_text("utf-8").splitlines()
    header_only = tmp_path / "header.csv"
    header_only.write_text(utf8[0] + "\n", "utf-8")
    addresses = tmp_path / "addr.csv"
    addresses.write_text("\n".join([utf8[0]] + [r for r in utf8 if ",Address," in r]) + "\n",
                         "utf-8")
    for f in (header_only, addresses):
        with pytest.raises(ImportFileError, match="holds no entity of a schema that is"):
            load(f, "t", where=tmp_path)
        assert not db.path_of("t", tmp_path).exists()


def _simple_rows(n):
    head = ("id,schema,name,aliases,birth_date,countries,addresses,identifiers,sanctions,"
            "phones,emails,program_ids,dataset,first_seen,last_seen,last_change")
    rows = [f'NK-{i},Company,"Sky Tech {i} ""LLC""",,,ru,,,,,,,sanctions,2022-03-01,'
            f"2024-06-01,2024-05-01" for i in range(n)]
    return head, rows


def test_a_download_cut_short_does_not_empty_a_list(tmp_path):
    """(look15, blocker) Reloading a list from a targets.simple.csv cut short removed 53 of
    its 62 entries, loaded the half-written last row as a changed entry, and exit 0;
    screening then called a listed party clean. A row cut inside is refused naming its
    line; a file cut at a line's end that would remove most of the list is refused unless
    the user says the list has shrunk so."""
    head, rows = _simple_rows(62)
    whole = tmp_path / "targets.simple.csv"
    whole.write_text("\n".join([head, *rows]) + "\n", "utf-8")
    load(whole, "l", where=tmp_path)
    data = whole.read_bytes()
    cut = tmp_path / "cut.csv"
    cut.write_bytes(data[:data.index(b"Sky Tech 8 ") + 4])  # inside a quoted cell
    with pytest.raises(ImportFileError, match=r"cut\.csv, line \d+: the row has \d+ of the "
                                              r"header's 16 cells — was the file cut short"):
        load(cut, "l", where=tmp_path)
    at_line = tmp_path / "at_line.csv"
    at_line.write_text("\n".join([head, *rows[:9]]) + "\n", "utf-8")
    with pytest.raises(ImportFileError, match="would remove 53 of the 62 entries"):
        load(at_line, "l", where=tmp_path)
    (w,) = db.list_all(tmp_path)
    assert w.entries == 62  # left as it was
    assert load(at_line, "l", where=tmp_path, shrink=True).removed == 53


def test_a_delta_file_with_nothing_to_add_makes_no_new_list(tmp_path):
    """(look15) A delta file of only DEL lines, loaded under a new name, made a list of 0
    entries."""
    f = tmp_path / "delta.json"
    f.write_text(json.dumps({"op": "DEL", "entity": {"id": "NK-x", "schema": "Person",
                                                    "properties": {}}}) + "\n", "utf-8")
    with pytest.raises(ImportFileError, match="a delta file that adds nothing"):
        load(f, "fresh", where=tmp_path)
    assert not db.path_of("fresh", tmp_path).exists()


def test_a_shrinking_file_is_named_by_its_folder_and_said_older_when_it_is(tmp_path):
    """(look16) Every OpenSanctions download is called entities.ftm.json: the refusal named
    only that; and an older file cut short (a stale, broken download) was not said older."""
    from casefile.errors import ListWouldShrink
    from tests.support.watchlist import ftm

    folder = tmp_path / "ru_fsb_list"
    folder.mkdir()
    new = [ftm(f"P-{k}", "Person", f"Name {k}", last_change="2025-12-25T10:00:00")
           for k in range(30)]
    load(write_ftm(folder / "entities.ftm.json", new), "fsb", where=tmp_path)
    old = [ftm(f"P-{k}", "Person", f"Name {k}", last_change="2025-11-14T08:00:00")
           for k in range(5)]
    with pytest.raises(ListWouldShrink) as err:
        load(write_ftm(folder / "entities.ftm.json", old), "fsb", where=tmp_path)
    said = str(err.value)
    assert said.startswith("ru_fsb_list/entities.ftm.json would remove 25 of the 30")
    assert "older than the list: version 2025-11-14T08:00:00, the list's " \
           "2025-12-25T10:00:00" in said
    assert err.value.older and (err.value.removed, err.value.had) == (25, 30)
    assert said.endswith(f"casefile watchlist import {folder / 'entities.ftm.json'} --name fsb "
                         "--shrink")  # the command to give, not a placeholder (look17)
    newer = [ftm(f"P-{k}", "Person", f"Name {k}", last_change="2026-01-10T08:00:00")
             for k in range(5)]
    with pytest.raises(ListWouldShrink) as err:
        load(write_ftm(folder / "entities.ftm.json", newer), "fsb", where=tmp_path)
    assert not err.value.older and "older" not in str(err.value)


def test_parties_flagged_by_the_last_run_and_hit_by_nothing_now_are_said(tmp_path):
    """(look16) After a shrinking list was loaded anyway, the run said "5 hits, 0 reopened"
    and nothing of the two parties that had been flagged and were now clean."""
    from tests.support.watchlist import ftm

    path = tmp_path / "c.casefile"
    with Case.new(path) as case:
        case.create("entity", {"name": "Dmitry Sokolov", "kind": "person"})
        case.create("entity", {"name": "Olga Volkova", "kind": "person"})
        case.create("entity", {"name": "Ivan Petrov", "kind": "person"})
    people = [ftm("P-1", "Person", "Dmitry Sokolov"), ftm("P-2", "Person", "Olga Volkova"),
              ftm("P-3", "Person", "Ivan Petrov")]
    load(write_ftm(tmp_path / "entities.ftm.json", people), "fsb", where=tmp_path)
    with Case.open(path) as case:
        first = screen_case(case, "fsb", where=tmp_path)
        assert first.hits == 3 and first.cleared == []
    load(write_ftm(tmp_path / "entities.ftm.json", people[2:]), "fsb", where=tmp_path,
         shrink=True)
    with Case.open(path) as case:
        again = screen_case(case, "fsb", where=tmp_path)
    assert again.hits == 1 and again.cleared == ["Dmitry Sokolov", "Olga Volkova"]
    assert again.cleared_line() == ("2 parties flagged by the previous run against fsb have "
                                    "no hit now: Dmitry Sokolov; Olga Volkova")
    # (look17) kept: the window says it when opened again, and the dossier prints it
    import pypdf

    from casefile.services.exchange.export_pdf import export_dossier
    from casefile.services.queries.dossier import DossierOptions
    from casefile.services.screening.results import cleared_now
    from casefile.services.screening.summary import screening_summary

    with Case.open(path) as case:
        with case.read() as conn:
            assert cleared_now(conn) == again.cleared_line()
        assert screening_summary(case)[0].cleared == ("Dmitry Sokolov", "Olga Volkova")
        out = tmp_path / "s.pdf"
        export_dossier(case, out, DossierOptions(sections=("screening",)))
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(str(out)).pages).split())
    assert ("2 parties flagged by the previous run against fsb have no hit in this one: "
            "Dmitry Sokolov; Olga Volkova.") in text


def test_a_hit_never_decided_is_not_said_reopened(tmp_path):
    """(look17) A hit seen in an earlier run and never decided printed "Reopened: not yet
    decided" in the dossier, though nothing was reopened (the run said "0 reopened")."""
    import pypdf

    from casefile.services.exchange.export_pdf import export_dossier
    from casefile.services.queries.dossier import DossierOptions
    from tests.support.watchlist import ftm

    path = tmp_path / "c.casefile"
    load(write_ftm(tmp_path / "entities.ftm.json", [ftm("P-1", "Person", "Dmitry Sokolov")]),
         "fsb", where=tmp_path)
    with Case.new(path) as case:
        case.create("entity", {"name": "Dmitry Sokolov", "kind": "person"})
        screen_case(case, "fsb", where=tmp_path)
        again = screen_case(case, "fsb", where=tmp_path)
        assert again.reopened == 0
        out = tmp_path / "s.pdf"
        export_dossier(case, out, DossierOptions(sections=("screening",)))
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(str(out)).pages)
    assert "Dmitry Sokolov" in text and "Reopened" not in text
    assert "Screened 1 party on" in text  # (not "1 parties")


def test_a_row_whose_dates_are_no_dates_is_said_and_gives_no_version(tmp_path):
    """(look23) A targets.simple.csv whose rows were shifted a column (program_ids under
    dataset, dataset under first_seen …) loaded without a word, 'US-RUS' as its version."""
    import csv
    import io

    utf8 = write_simple(tmp_path / "targets.simple.csv")
    rows = list(csv.reader(io.StringIO(utf8.read_text("utf-8"))))
    for row in rows[1:]:  # program_ids dropped: every later cell one column to the left
        del row[11]
        row.append("US-RUS")  # what now stands in last_change
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    shifted = tmp_path / "shifted" / "targets.simple.csv"
    shifted.parent.mkdir()
    shifted.write_text(out.getvalue(), encoding="utf-8")
    report = load(shifted, "s", where=tmp_path)
    assert report.version != "US-RUS"
    assert report.left_out["last_change values that are no date, or read two ways like "
                           "'03/04/2024' (or are the file's columns shifted?)"] == 3  # every row
    assert "are the file's columns shifted?" in report.said()
    # (review24) a date a US spreadsheet rewrote, which reads two ways, is said so too
    f = tmp_path / "us" / "targets.simple.csv"
    f.parent.mkdir()
    f.write_text(shifted.read_text("utf-8").replace("US-RUS", "03/04/2024 10:00"), "utf-8")
    report = load(f, "us", where=tmp_path)
    assert report.left_out["last_change values that are no date, or read two ways like "
                           "'03/04/2024' (or are the file's columns shifted?)"] == 3


def test_what_is_left_out_is_counted_by_schema_and_a_misspelt_one_is_said(tmp_path):
    """(look30) A misspelt schema ('Persn') went into '1 entities of other schemata left
    out' with the file's addresses, unnamed."""
    from tests.support.watchlist import ENTRIES, ftm

    typo = ftm("NK-typo", "Persn", "Ivan Petrov", birthDate="1970-01-01")
    report = load(write_ftm(tmp_path / "entities.ftm.json", [*ENTRIES, typo]), "sanctions",
                  where=tmp_path)
    said = report.said()
    assert "left out: 1 Address, 1 Persn (no FollowTheMoney schema)" in said or \
        "left out: 1 Persn (no FollowTheMoney schema), 1 Address" in said
    assert "entities of other schemata" not in said


def test_a_download_cut_short_is_said_with_its_line_and_where_in_it(tmp_path):
    """(look30) A file cut inside a Cyrillic letter read 'not readable as a watchlist in
    utf-8-sig (unexpected end of data)', no line; a line cut inside a string read 'not
    valid JSON (Unterminated string starting at)'."""
    from tests.support.watchlist import ENTRIES, ftm

    many = [*ENTRIES, *(ftm(f"NK-{i}", "Company", f"ООО «ВОСТОК {i}»") for i in range(50))]
    whole = write_ftm(tmp_path / "whole.ftm.json", many).read_bytes()
    cut = tmp_path / "sanctions" / "entities.ftm.json"
    cut.parent.mkdir()
    end = whole.index("ВОСТОК 40".encode()) + 1  # inside the В (two bytes)
    cut.write_bytes(whole[:end])
    with pytest.raises(ImportFileError, match=r"entities.ftm.json, line \d+: not UTF-8 text "
                                              r"at byte [\d,]+ of the line"):
        load(cut, "cut", where=tmp_path)
    cut.write_bytes(whole[:end - 3])  # inside the caption's string, on a letter's edge
    with pytest.raises(ImportFileError, match=r"not valid JSON \(Unterminated string "
                                              r"starting at character [\d,]+\)"):
        load(cut, "cut", where=tmp_path)
