"""The one licence list (services/licences.py): how a distribution's licence is named, for
the About dialog (short) and for the build's GPL check (whole)."""

import importlib.metadata as md
import importlib.util
from pathlib import Path

from casefile.services.licences import dist_key, format_list, licence_name

SCRIPT = Path(__file__).resolve().parents[2] / "packaging" / "licenses.py"
LONG = "Permission is hereby granted, free of charge, to any person obtaining a copy of " \
       "this software and its documentation"


def _dist(tmp_path: Path, *lines: str) -> md.Distribution:
    info = tmp_path / "demo-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n"
                                   + "".join(f"{x}\n" for x in lines), encoding="utf-8")
    return md.PathDistribution(info)


def test_the_expression_then_a_short_field_then_classifiers_then_the_first_line(tmp_path):
    assert licence_name(_dist(tmp_path / "a", "License-Expression: MIT OR Apache-2.0",
                              "License: BSD")) == "MIT OR Apache-2.0"
    assert licence_name(_dist(tmp_path / "b", "License: BSD-3-Clause")) == "BSD-3-Clause"
    classified = _dist(tmp_path / "c", f"License: {LONG}",
                       "Classifier: License :: OSI Approved :: MIT License")
    assert licence_name(classified) == "MIT License"
    text = _dist(tmp_path / "d", f"License: {LONG}")
    assert len(LONG) > 80 and licence_name(text) == LONG[:80]  # the dialog's column
    assert licence_name(text, width=120, cut=False) == LONG  # the build's GPL check
    assert licence_name(_dist(tmp_path / "e")) == ""


def test_the_build_names_licences_and_writes_the_list_with_this_module(tmp_path):
    spec = importlib.util.spec_from_file_location("casefile_build_licenses_2", SCRIPT)
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    assert build.licence_name is licence_name and build.format_list is format_list
    assert build.dist_key is dist_key
    assert dist_key("PySide6_Essentials") == dist_key("pyside6.essentials") == \
        "pyside6-essentials"
    text = format_list([("demo", "1.0", "")], "3.11.9")
    assert "demo                         1.0          (see its licence file)" in text


def test_the_data_casefile_carries_is_credited_with_its_licence_beside_it():
    from casefile.paths import resource_path

    text = format_list([("demo", "1.0", "")], "3.11.9")
    assert "GeoNames" in text and "CC BY 4.0" in text and "OpenSanctions" in text
    assert text.index("GeoNames") < text.index("Qt and Qt for Python")
    notice = resource_path("places", "NOTICE.txt").read_text("utf-8")
    assert "CC BY 4.0" in notice and "cities.tsv" in notice
    assert resource_path("sanctions", "LICENSE-opensanctions.txt").is_file()
