"""``capnum schemas``: the bundled catalogue, as text and as JSON."""

from __future__ import annotations

import json

import pytest

from capnum_desktop.cli import main


def test_schemas_json_lists_ids_versions_sources_licences(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schemas", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    by_id = {s["id"]: s for s in data["schemas"]}
    assert {"scdl/subventions", "etalab/schema-irve-statique", "atlasante/schema-dae"} <= set(by_id)
    sub = by_id["scdl/subventions"]
    assert sub["version"] == "2.1.1" and sub["fields"] == 16
    assert sub["source_url"].startswith("https://schema.data.gouv.fr/") and sub["licence"]


def test_schemas_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schemas"]) == 0
    out = capsys.readouterr().out
    assert "scdl/subventions" in out and "Subventions" in out and "schémas" in out
