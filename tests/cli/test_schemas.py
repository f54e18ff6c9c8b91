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


def test_schemas_json_gives_versions_and_producer(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schemas", "--json"]) == 0
    for item in json.loads(capsys.readouterr().out)["schemas"]:
        assert item["versions"][0] == item["version"] and item["producer"] and item["origin"] == "bundled"


def test_schemas_import_then_load_a_given_version(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    from capnum_desktop.core.schemas import load_schema
    from capnum_desktop.core.schemas.catalogue import reload_catalogue
    from capnum_desktop.resources import schema_dir

    reload_catalogue()
    descriptor = json.loads((schema_dir() / "scdl/catalogue/schema.json").read_text(encoding="utf-8"))
    bundled = descriptor["version"]
    descriptor["version"] = "0.9.0"
    path = tmp_path / "schema.json"
    path.write_text(json.dumps(descriptor), encoding="utf-8")
    try:
        assert main(["schemas", "--import", str(path)]) == 0
        assert "Importé : scdl/catalogue v0.9.0" in capsys.readouterr().out
        assert main(["schemas"]) == 0
        assert f"(aussi : {bundled})" in capsys.readouterr().out
        assert load_schema(f"scdl/catalogue@{bundled}").version == bundled
        assert main(["schemas", "--import", str(tmp_path / "absent.json")]) != 0
        assert "introuvable" in capsys.readouterr().err
    finally:
        reload_catalogue()
