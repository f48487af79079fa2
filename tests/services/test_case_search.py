"""Search for the live panel: match spans, and a party's alias finding its records."""

from hypothesis import given
from hypothesis import strategies as st

from casefile.services.case.facade import Case
from casefile.services.queries.case_search import search_case, term_spans, unmark
from tests.support.statements import counted


def test_an_alias_finds_the_partys_shipments_and_relationships(tmp_path):
    case = Case.new(tmp_path / "s.casefile")
    a = case.create("entity", {"name": "Tekhkrim"}).result
    b = case.create("entity", {"name": "Norinco"}).result
    case.create("alias", {"entity_id": a, "name": "Техкрим", "lang": "ru"})
    ship = case.create("shipment", {"shipper_id": b, "consignee_id": a,
                                    "declared_goods": "rifles"}).result
    rel = case.create("relationship", {"subject_id": a, "object_id": b,
                                       "kind": "customer_of"}).result
    case.create("shipment", {"shipper_id": b, "declared_goods": "boots"})
    with case.read() as conn:
        found = search_case(conn, "техкрим")
    case.close()
    keys = [(f.kind, f.id) for f in found]
    assert keys[0] == ("entity", a)
    assert ("shipment", ship) in keys and ("relationship", rel) in keys
    assert len([k for k in keys if k[0] == "shipment"]) == 1  # not Norinco's other one
    first = found[0]
    assert [first.snippet[s:e] for s, e in first.snippet_spans] == ["Техкрим"]
    via = next(f for f in found if f.kind == "shipment")
    assert via.via == "Tekhkrim (consignee)" and "rifles" in via.title


@given(st.text(max_size=60))
def test_unmark_keeps_the_text_and_spans_inside_it(text):
    clean = text.replace("\x02", "").replace("\x03", "")
    out, spans = unmark(text)
    assert "\x02" not in out and "\x03" not in out
    assert out.replace(" ", "") == "".join(clean.split())
    assert all(0 <= s < e <= len(out) for s, e in spans)


def test_unmark_and_term_spans():
    out, spans = unmark("a  \x02Техкрим\x03\n b")
    assert out == "a Техкрим b" and spans == [(2, 9)]
    assert term_spans("Big TEKHKRIM deal", "tekhkrim") == [(4, 12)]


def _traders(case, n, other, start=0):
    """``n`` parties known as "Зенит", each shipping, meeting, related and sanctioned."""
    made = []
    for i in range(start, start + n):
        p = case.create("entity", {"name": f"Trader {i}"}).result
        case.create("alias", {"entity_id": p, "name": "Зенит", "lang": "ru"})
        ship = case.create("shipment", {"shipper_id": p, "consignee_id": other,
                                        "declared_goods": f"lot {i}"}).result
        ev = case.create("event", {"title": f"talks {i}", "kind": "meeting"},
                         {"event_party": [{"entity_id": p, "role": ""}]}).result
        rel = case.create("relationship", {"subject_id": other, "object_id": p,
                                           "kind": "customer_of"}).result
        sanc = case.create("sanction", {"entity_id": p, "authority": "OFAC"}).result
        made.append((p, {("shipment", ship): "shipper", ("event", ev): "involved",
                         ("relationship", rel): "object", ("sanction", sanc): "listed"}))
    return made


def test_the_records_of_the_parties_found_take_one_query_per_kind(tmp_path):
    case = Case.new(tmp_path / "s.casefile")
    other = case.create("entity", {"name": "Buyer"}).result
    made = _traders(case, 2, other)
    with case.read() as conn, counted(case.engine) as few:
        search_case(conn, "зенит")
    made += _traders(case, 8, other, start=2)
    with case.read() as conn, counted(case.engine) as many:
        found = search_case(conn, "зенит")
        capped = search_case(conn, "зенит", related_limit=6)
    case.close()
    assert len(many) == 2 * len(few)  # two searches, each as many queries as with 2 parties
    via = {(f.kind, f.id): f.via for f in found if f.via}
    names = {p: f.title for f in found if f.kind == "entity" for p in [f.id]}
    assert via == {key: f"{names[p]} ({part})" for p, records in made
                   for key, part in records.items()}
    # party by party in the order found, kind by kind, cut at the limit
    first, second = [f.title for f in found if f.kind == "entity"][:2]
    assert [f.via for f in capped if f.via] == [
        f"{first} (shipper)", f"{first} (object)", f"{first} (involved)", f"{first} (listed)",
        f"{second} (shipper)", f"{second} (object)"]
    assert [f.kind for f in capped if f.via][:4] == ["shipment", "relationship", "event",
                                                    "sanction"]


def test_a_match_in_the_name_says_so_instead_of_the_records_other_text(tmp_path):
    """'What matched' for a name that matched: 'in its name', not the start of the record's
    indexed text (its kind, country code, tags, an import's citation locators)."""
    case = Case.new(tmp_path / "s.casefile")
    sky = case.create("entity", {"name": "Shenzhen Sky Tech Co., Ltd.", "kind": "company",
                                 "country": "CN", "tags": "imported, export.risk"}).result
    ev = case.create("event", {"title": "Sky Tech trade fair", "kind": "other",
                               "description": "Drones shown in Zhuhai"}).result
    with case.read() as conn:
        by = {(f.kind, f.id): f for f in search_case(conn, "sky")}
        zhuhai = {(f.kind, f.id): f for f in search_case(conn, "zhuhai")}
    case.close()
    assert by[("entity", sky)].snippet == "in its name"
    assert by[("entity", sky)].snippet_spans == [] and by[("entity", sky)].title_spans
    assert by[("event", ev)].snippet == "in its title"
    found = zhuhai[("event", ev)]  # a match in the text shows the text around it
    assert [found.snippet[s:e] for s, e in found.snippet_spans] == ["Zhuhai"]


def test_a_search_that_stops_at_its_limits_says_so(tmp_path, capsys):
    """857 parties match 'Иван' but the panel lists the best 200 and 500 of their records:
    what it gives says that more match (the panel and the CLI tell the user)."""
    from casefile.cli import main
    from casefile.services.case.operations import insert_row

    case = Case.new(tmp_path / "s.casefile")

    def fill(tx):
        other = insert_row(tx, "entity", {"name": "Volga Trade"})
        for i in range(30):  # found by an alias, which their relationships do not show
            eid = insert_row(tx, "entity", {"name": f"Party {i}"})
            insert_row(tx, "alias", {"entity_id": eid, "name": f"Иван Петров {i}"})
            for _ in range(3):
                insert_row(tx, "relationship", {"subject_id": eid, "object_id": other,
                                                "kind": "owns"})

    case.operation("Fill", fill)
    with case.read() as conn:
        cut = search_case(conn, "Иван", limit=20, related_limit=40)
        whole = search_case(conn, "Иван", limit=30, related_limit=90)
    path = case.path
    case.close()
    assert (len([f for f in cut if not f.via]), cut.more) == (20, True)
    assert (len([f for f in cut if f.via]), cut.more_related) == (40, True)
    assert (len([f for f in whole if not f.via]), whole.more) == (30, False)
    assert (len([f for f in whole if f.via]), whole.more_related) == (90, False)
    capsys.readouterr()
    assert main(["search", str(path), "Иван", "--limit", "10"]) == 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 10 and "the best 10 matches; more records match" in err
    assert main(["search", str(path), "Иван", "--limit", "30"]) == 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 30 and "more records match" not in err


def test_a_party_found_by_an_alias_or_identifier_says_which(tmp_path):
    """(helper-55) 'What matched' named the run of index text the words fell in ('person CY
    imported CY sanction Director Ivan Ivanova Иванова Иван …'); a party found by an alias
    or an identifier now says which, with the words marked in it."""
    case = Case.new(tmp_path / "s.casefile")
    a = case.create("entity", {"name": "IVANOVA, Olga", "kind": "person",
                               "position": "Director", "tags": "imported"}).result
    case.create("alias", {"entity_id": a, "name": "Olga Ivanova"})
    case.create("alias", {"entity_id": a, "name": "Иванова Ольга"})
    b = case.create("entity", {"name": "Volga Trade"}).result
    case.create("identifier", {"entity_id": b, "scheme": "INN", "value": "7707083893"})
    c = case.create("entity", {"name": "Ural Optics", "description": "Ольга's supplier"}).result
    with case.read() as conn:
        by_alias = {f.id: f for f in search_case(conn, "Ольга")}
        by_inn = {f.id: f for f in search_case(conn, "7707083893")}
    case.close()
    olga = by_alias[a]
    assert olga.snippet == "alias: Иванова Ольга"
    assert [olga.snippet[s:e] for s, e in olga.snippet_spans] == ["Ольга"]
    assert by_inn[b].snippet == "INN: 7707083893"
    assert [by_inn[b].snippet[s:e] for s, e in by_inn[b].snippet_spans] == ["7707083893"]
    assert "supplier" in by_alias[c].snippet  # found in its description: the index's text


def test_an_alias_is_named_only_when_it_holds_every_word_at_a_words_start(tmp_path):
    """(review18) 'ltd' inside 'Altdorf', a phrase's words apart, a query with OR: the
    index's own snippet stays; the marks land on the right letters in İ and ß names."""
    case = Case.new(tmp_path / "s.casefile")
    a = case.create("entity", {"name": "Kaya", "description": "Istanbul house"}).result
    case.create("alias", {"entity_id": a, "name": "İSTANBUL DENİZCİLİK TRADE"})
    b = case.create("entity", {"name": "Nordwind"}).result
    case.create("alias", {"entity_id": b, "name": "Große Straße Holding GmbH"})
    c = case.create("entity", {"name": "Blue Fin", "description": "Ltd shipping"}).result
    case.create("alias", {"entity_id": c, "name": "Altdorf Marine"})
    e = case.create("entity", {"name": "Group", "description": "run by Ivan Petrov"}).result
    case.create("alias", {"entity_id": e, "name": "Petrov Ivan"})
    with case.read() as conn:
        got = {q: {f.id: f for f in search_case(conn, q) if f.kind == "entity"}
               for q in ("trade", "holding", "ltd", '"ivan petrov"', "hamburg OR holding")}
    case.close()

    def marked(f):
        return [f.snippet[s:t] for s, t in f.snippet_spans]
    assert got["trade"][a].snippet == "alias: İSTANBUL DENİZCİLİK TRADE"
    assert marked(got["trade"][a]) == ["TRADE"]
    assert marked(got["holding"][b]) == ["Holding"]
    assert not got["ltd"][c].snippet.startswith("alias")
    assert not got['"ivan petrov"'][e].snippet.startswith("alias")
    assert not got["hamburg OR holding"][b].snippet.startswith("alias")


def test_a_year_finds_the_people_born_in_it_and_says_so(tmp_path):
    """(newcomer review) '1954' found AEROSCAN 19545 and none of the people born in 1954:
    a party's dates are in its search document, and the search says which date held the
    words ('born: 2 March 1954 (1954-03-02)'); 'born 1954' finds only the births."""
    case = Case.new(tmp_path / "s.casefile")
    maria = case.create("entity", {"name": "SMIRNOV, Maria", "kind": "person",
                                   "birth": "2 March 1954"}).result
    case.create("entity", {"name": "SMIRNOV, Maria", "kind": "person", "birth": "1961"})
    aeroscan = case.create("entity", {"name": "AEROSCAN 19545"}).result
    volga = case.create("entity", {"name": "Volga Trade", "incorporation": "June 1954"}).result
    iso = case.create("entity", {"name": "PETROV, Ivan", "kind": "person",
                                 "birth": "1954-05-05"}).result
    with case.read() as conn:
        year = {f.id: f for f in search_case(conn, "1954") if f.kind == "entity"}
        born = {f.id: f for f in search_case(conn, "born 1954") if f.kind == "entity"}
        named = {f.id: f for f in search_case(conn, "SMIRNOV 1954") if f.kind == "entity"}
    case.close()
    assert set(year) == {maria, volga, iso}  # a year finds itself, not AEROSCAN 19545
    assert aeroscan not in year and year[iso].snippet == "born: 1954-05-05"  # said once
    assert year[maria].snippet == "born: 2 March 1954 (1954-03-02)"
    assert [year[maria].snippet[s:e] for s, e in year[maria].snippet_spans] == ["1954", "1954"]
    assert year[volga].snippet == "incorporated: June 1954 (1954-06)"
    assert set(born) == {maria, iso}
    assert [born[maria].snippet[s:e] for s, e in born[maria].snippet_spans][0] == "born"
    assert set(named) == {maria}  # the other Maria Smirnov was born in 1961


def test_a_dates_word_and_year_find_that_date_not_the_year_elsewhere(tmp_path):
    """(helper-60) 'born 1954' found a man born in 1960 whose citation quoted the FtM id
    'ent-1954': the word and the year were asked apart. They are asked together (the year
    among the date's own words), while '1954' alone still finds the id, and 'born 1954 OR
    Volga' and 'incorporated 2015' work the same way."""
    case = Case.new(tmp_path / "s.casefile")
    src = case.create("source", {"title": "OpenSanctions entities.ftm.json"}).result
    born54 = case.create("entity", {"name": "PETROV, Ivan", "kind": "person",
                                    "birth": "between 1 March 1950 and 31 December 1954"}
                         ).result
    born60 = case.create("entity", {"name": "ZAKHAROV, Oleg", "kind": "person",
                                    "birth": "1960"}).result
    case.create("citation", {"source_id": src, "entity_id": born60,
                             "excerpt": "ent-1954: ZAKHAROV, Oleg"})
    volga = case.create("entity", {"name": "Volga Trade", "incorporation": "2015"}).result
    sky = case.create("entity", {"name": "Sky Tech", "description": "founded 2015",
                                 "incorporation": "2001"}).result
    with case.read() as conn:
        def found(q: str) -> set[int]:
            return {f.id for f in search_case(conn, q) if f.kind == "entity"}
        assert found("born 1954") == {born54}
        assert found("1954") == {born54, born60}
        assert found("born 1954 OR Volga") == {born54, volga}
        assert found("incorporated 2015") == {volga}
        assert found("2015") == {volga, sky}
        assert found("born") == {born54, born60}
    case.close()


def test_what_matched_is_said_as_the_index_matched_it(tmp_path):
    """(review20) The index matches a year whole, but the 'what matched' step took it as a
    prefix: a party born in 1954 with the alias 'AEROSCAN 19545' was said to be found by
    the alias. It is found by its birth date, and said so."""
    case = Case.new(tmp_path / "s.casefile")
    a = case.create("entity", {"name": "PETROV, Ivan", "kind": "person",
                               "birth": "2 March 1954"}).result
    case.create("alias", {"entity_id": a, "name": "AEROSCAN 19545"})
    with case.read() as conn:
        (found,) = [f for f in search_case(conn, "1954") if f.kind == "entity"]
    case.close()
    assert found.snippet.startswith("born: 2 March 1954")
