"""``capnum map``: the JSON keys the issue fixes, plain-text output, French errors with exit code 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from capnum_desktop.cli import main
from tests.conftest import reference


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:
    assert main(["map", *argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_map_json_on_a_real_subsidies_file(capsys: pytest.CaptureFixture[str]) -> None:
    path = reference("real-files", "api-subventions-asso", "fixture.csv")
    data = _json(capsys, str(path), "--schema", "scdl/subventions")
    assert set(data) >= {"schema", "mapping", "confidence", "missing_required", "conversion_issues"}
    assert data["schema"] == "scdl/subventions"
    assert data["mapping"]["montant"] == "montant" and data["mapping"]["section"] is None
    assert set(data["mapping"]) == set(data["confidence"])
    assert all(0.0 <= v <= 1.0 for v in data["confidence"].values())
    assert data["missing_required"] == ["nature", "conditionsVersement"]
    assert isinstance(data["conversion_issues"], dict)
    assert "section" in data["extra_columns"]


def test_map_counts_conversion_issues_per_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "aides.csv"
    path.write_text(
        "Nom du bénéficiaire;Montant;Date de la convention\nAsso;1 200,50 €;15/03/2024\nClub;beaucoup;hier\n",
        encoding="utf-8",
    )
    data = _json(capsys, str(path), "--schema", "subventions")
    assert data["mapping"] == {
        "Nom du bénéficiaire": "nomBeneficiaire", "Montant": "montant", "Date de la convention": "dateConvention"
    }  # fmt: skip
    assert data["conversion_issues"] == {"montant": 1, "dateConvention": 1}
    assert "nomAttribuant" in data["missing_required"]
    out = json.dumps(data, ensure_ascii=False)
    assert "beaucoup" not in out and "hier" not in out  # no cell value in the output


def test_map_text_output_and_schema_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    schema = tmp_path / "mini.json"
    schema.write_text(json.dumps({"name": "mini", "fields": [{"name": "code_postal", "type": "string"}]}))
    data = tmp_path / "d.csv"
    data.write_text("CP;autre\n1400;x\n", encoding="utf-8")
    assert main(["map", str(data), "--schema", str(schema)]) == 0
    text = capsys.readouterr().out
    assert "CP" in text and "code_postal" in text and "non reprise" in text
    assert "zéros initiaux" in text


def test_map_unknown_schema_is_a_french_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "d.csv"
    data.write_text("a\n1\n", encoding="utf-8")
    assert main(["map", str(data), "--schema", "pas/un-schema"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Erreur : Schéma introuvable") and "capnum schemas" in err
    assert "Traceback" not in err
