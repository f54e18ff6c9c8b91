"""Component licences come from the packages' metadata; schema sources from schemas/index.json."""

from __future__ import annotations

import json
from email.message import Message

from capnum_desktop.core import licences


def _meta(**fields: str | list[str]) -> Message:
    message = Message()
    for key, value in fields.items():
        for item in value if isinstance(value, list) else [value]:
            message[key.replace("_", "-")] = item
    return message


def test_licence_prefers_expression_then_short_field_then_classifiers():
    assert licences._licence_of(_meta(License_Expression="MIT", License="whatever")) == "MIT"
    assert licences._licence_of(_meta(License="BSD-3-Clause")) == "BSD-3-Clause"
    long_text = "Copyright (c) someone\n\nPermission is hereby granted..." * 5
    classified = _meta(License=long_text, Classifier=["License :: OSI Approved :: MIT License"])
    assert licences._licence_of(classified) == "MIT License"
    assert licences._licence_of(_meta(License=long_text)) == "Copyright (c) someone"
    assert licences._licence_of(_meta(License="UNKNOWN")) == licences.UNKNOWN
    assert licences._licence_of(_meta()) == licences.UNKNOWN


def test_bundled_components_follow_requirements_without_extras():
    names = {c.name.lower().replace("_", "-") for c in licences.bundled_components()}
    assert {"python", "pandas", "numpy", "pyarrow", "frictionless", "platformdirs"} <= names
    assert "pytest" not in names  # an extra ([test]) of capnum-desktop, not a runtime requirement
    assert "pyinstaller" not in names


def test_app_licence_is_eupl():
    assert licences.app_licence() == "EUPL-1.2"


def test_schema_sources_tolerates_shapes(tmp_path):
    path = tmp_path / "index.json"
    path.write_text(json.dumps([{"id": "a/b", "title": "AB", "license": "MIT", "url": "https://x"}]))
    (source,) = licences.schema_sources(path)
    assert (source.id, source.licence, source.source_url) == ("a/b", "MIT", "https://x")
    path.write_text(json.dumps({"a/b": {"title": "AB", "licenses": [{"name": "etalab-2.0"}]}}))
    assert licences.schema_sources(path)[0].licence == "etalab-2.0"
    path.write_text("{not json")
    assert licences.schema_sources(path) == []
    assert licences.schema_sources(tmp_path / "absent.json") == []
