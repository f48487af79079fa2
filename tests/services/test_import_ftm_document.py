"""A FollowTheMoney file that is one JSON document over many lines, as a person saves it from
the yente API: one nested entity (/entities/{id}), a search response (results) or a match
response (responses → query → results). Each imports what the same entities give as JSON
lines; a problem names the line the entity stands on."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.errors import ImportFailed, ImportFileError
from casefile.services.case.facade import Case
from casefile.services.exchange.imports.ftm import import_ftm
from casefile.services.exchange.imports.ftm_document import is_document
from tests.services.test_ftm_nested import _facts
from tests.support.ftm_cluster import cluster
from tests.support.ftm_nested import nested_targets, write_nested


def _pretty(path, doc):
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2), "utf-8")
    return path


def _imported(tmp_path, name, path):
    case = Case.new(tmp_path / f"{name}.casefile")
    report = import_ftm(case, path).result
    assert report.problems == []
    return case, report


def test_an_entity_saved_from_the_api_imports_as_its_json_line(tmp_path):
    line = next(x for x in nested_targets(cluster()) if x["id"] == "ru-zala")
    want, _r = _imported(tmp_path, "lines", write_nested(tmp_path / "zala.json", [line]))
    got, report = _imported(tmp_path, "doc", _pretty(tmp_path / "zala-api.json", line))
    assert _facts(got) == _facts(want)
    assert report.sanctions >= 1 and report.relationships >= 1


def test_search_and_match_responses_import_their_results(tmp_path):
    lines = nested_targets(cluster())
    want, _r = _imported(tmp_path, "lines", write_nested(tmp_path / "t.json", lines))
    search = {"limit": 10, "offset": 0, "total": {"value": len(lines), "relation": "eq"},
              "results": lines, "facets": {}}
    got, _r = _imported(tmp_path, "search", _pretty(tmp_path / "search.json", search))
    assert _facts(got) == _facts(want)
    scored = [{**x, "score": 0.91, "match": True, "features": {"name_literal_match": 1.0}}
              for x in lines]
    match = {"responses": {"q1": {"status": 200, "results": scored[:2], "total": {}},
                           "q2": {"status": 200, "results": scored[2:], "total": {}}},
             "matcher": {"name": "logic-v1"}, "limit": 5}
    got, _r = _imported(tmp_path, "match", _pretty(tmp_path / "match.json", match))
    assert _facts(got) == _facts(want)


def test_responses_on_one_line_as_yente_sends_them_and_only_its_matches(tmp_path):
    lines = nested_targets(cluster())
    want, _r = _imported(tmp_path, "lines", write_nested(tmp_path / "t.json", lines))
    compact = tmp_path / "search-compact.json"
    compact.write_text(json.dumps({"results": lines, "total": {"value": len(lines)}}),
                       "utf-8")
    got, _r = _imported(tmp_path, "compact", compact)
    assert _facts(got) == _facts(want)
    decoy = {"id": "NK-decoy", "schema": "Person", "caption": "Ivan Petrovich",
             "properties": {"name": ["Ivan Petrovich"]}, "score": 0.41, "match": False}
    hits = [{**x, "score": 0.93, "match": True} for x in lines]
    match = tmp_path / "match-compact.json"
    match.write_text(json.dumps({"responses": {"q1": {"results": [*hits, decoy]}}}),
                     "utf-8")
    got, report = _imported(tmp_path, "match", match)
    assert _facts(got) == _facts(want)  # the look-alike is not imported
    assert report.warnings == {"match-compact.json: 1 candidate of the match response that "
                               "yente did not mark as a match (\"match\": false) not "
                               "imported": 1}


def test_a_problem_names_the_line_its_entity_stands_on(case, tmp_path):
    results = [{"id": "p1", "schema": "Person", "properties": {"name": ["Ivan Petrov"]}},
               {"id": "p2", "schema": "Person", "properties": {"birthDate": ["1960"]}}]
    path = _pretty(tmp_path / "search.json", {"results": results})
    at = next(n for n, text in enumerate(path.read_text("utf-8").splitlines(), 1)
              if '"p2"' in text)
    with pytest.raises(ImportFailed) as failed:
        import_ftm(case, path)
    assert failed.value.report.problems == [f"search.json, line {at}, field 'name': a "
                                            "Person without a name"]
    assert at == 13


def test_a_broken_or_foreign_document_is_refused_naming_where(case, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{\n  "results": [\n    {"id": "a",\n     "schema": "Person"\n'
                   '     "properties": {}}\n  ]\n}\n', "utf-8")
    with pytest.raises(ImportFileError, match=r"bad.json, line 5, column 6: not valid JSON"):
        import_ftm(case, bad)
    other = _pretty(tmp_path / "other.json", {"hello": ["world"]})
    with pytest.raises(ImportFileError, match="other.json, line 1: not a FollowTheMoney "
                                              "entity, nor a yente response"):
        import_ftm(case, other)
    assert case.counts()["entity"] == 0


_JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=8),
                     lambda kids: st.lists(kids, max_size=3)
                     | st.dictionaries(st.text(max_size=5), kids, max_size=3), max_leaves=8)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.text(max_size=6), _JSON, min_size=1, max_size=4))
def test_a_json_line_is_a_document_only_as_a_yente_response_and_pretty_json_always(obj):
    response = "properties" not in obj and (isinstance(obj.get("results"), list)
                                            or isinstance(obj.get("responses"), dict))
    assert is_document(json.dumps(obj, ensure_ascii=False)) is response
    assert is_document(json.dumps({**obj, "results": []})) is ("properties" not in obj)
    # a JSON line broken within it is a bad line, not the start of a document
    assert is_document(json.dumps(obj, ensure_ascii=False)[:-1] + "x}") is False
    first_line = json.dumps(obj, ensure_ascii=False, indent=2).splitlines()[0]
    assert is_document(first_line) is True
