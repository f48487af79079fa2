"""The JSON reader of FollowTheMoney lines: the values and the messages are the json
module's, whatever the line holds (a faster reader put in its place must read alike)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casefile.errors import ImportFileError
from casefile.services.exchange.imports.ftm_statements import json_line

PATH = Path("entities.ftm.json")


def _same(a: object, b: object) -> bool:
    """Equal as values and types (NaN equal to NaN, 1 not equal to 1.0)."""
    if isinstance(a, float) and isinstance(b, float):
        return (math.isnan(a) and math.isnan(b)) or (a == b and math.copysign(1, a)
                                                     == math.copysign(1, b))
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)  # type: ignore[index]
    if isinstance(a, list):
        return len(a) == len(b) and all(map(_same, a, b))  # type: ignore[arg-type]
    return a == b


VALUES = st.recursive(
    st.none() | st.booleans() | st.floats() | st.text()
    | st.integers(min_value=-(10 ** 40), max_value=10 ** 40)
    | st.integers(min_value=2 ** 62, max_value=2 ** 66),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner,
                                                                max_size=4),
    max_leaves=20)


@given(VALUES)
def test_a_line_reads_as_the_json_module_reads_it(value):
    text = json.dumps(value, ensure_ascii=False)
    assert _same(json_line(PATH, 1, text), json.loads(text))


@given(VALUES)
def test_a_line_written_in_ascii_escapes_reads_alike(value):
    text = json.dumps(value)  # surrogates of non-BMP and lone ones as \\u escapes
    assert _same(json_line(PATH, 1, text), json.loads(text))


@pytest.mark.parametrize("text", [
    '{"amount": 123456789012345678901234567890}',  # orjson: an inexact float
    '{"n": -9223372036854775809}', '{"n": 18446744073709551616}',
    '{"a": NaN, "b": Infinity, "c": -Infinity}', '{"a": 1e400}',
    '{"name": ["\\ud800 lone", "\\udc00\\ud800"]}'])
def test_what_orjson_would_read_otherwise_or_not_at_all_is_the_json_modules(text):
    assert _same(json_line(PATH, 1, text), json.loads(text))


def test_a_line_that_is_not_json_names_its_line_and_column():
    with pytest.raises(ImportFileError, match=r"entities.ftm.json, line 7, column 12: not "
                                              r"valid JSON \(Expecting value\)"):
        json_line(PATH, 7, '{"schema": , "id": "x"}')


def test_a_line_nested_too_deeply_says_so():
    with pytest.raises(ImportFileError, match="line 3: not readable: its JSON is nested too "
                                              "deeply"):
        json_line(PATH, 3, "[" * 100_000 + "]" * 100_000)
