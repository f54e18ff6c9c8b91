"""capnum prepare: the whole pipeline from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from capnum_desktop.cli import main


def test_prepare_valid_file_exit_0(reference_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = reference_dir / "schemas" / "scdl-subventions" / "exemples" / "exemple_valide.csv"
    out = tmp_path / "sortie"
    assert main(["prepare", str(src), "--schema", "scdl/subventions", "-o", str(out), "--title", "Subventions 2024",
                 "--producer", "Ville", "--contact", "donnees@ville.fr"]) == 0
    text = capsys.readouterr().out
    assert "subventions-2024.csv" in text
    names = {p.name for p in out.iterdir()}
    assert {"subventions-2024.csv", "subventions-2024.json", "datapackage.json", "recipe.json",
            "rapport-validation.html", "rapport-traitement.html"} <= names
    # never over an existing folder without --overwrite
    assert main(["prepare", str(src), "--schema", "scdl/subventions", "-o", str(out)]) == 2
    assert "existe déjà" in capsys.readouterr().err
    assert main(["prepare", str(src), "--schema", "scdl/subventions", "-o", str(out), "--overwrite", "--crlf"]) == 0


def test_prepare_with_errors_exit_1_and_json(reference_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = reference_dir / "schemas" / "scdl-subventions" / "exemples" / "exemple_invalide_erreurs_cellules.csv"
    assert main(["prepare", str(src), "--schema", "scdl/subventions", "-o", str(tmp_path / "o"), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["valid"] is False and data["export"]["error_count"] > 0


def test_prepare_without_schema_infers_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "liste.csv"
    src.write_text("Commune;Montant;Date\nLyon;12,5;15/03/2024\nÉvry;3;16/03/2024\n", encoding="utf-8")
    assert main(["prepare", str(src), "-o", str(tmp_path / "o")]) == 0
    out = capsys.readouterr().out
    assert "déduit" in out
    assert (tmp_path / "o" / "liste.csv").read_text(encoding="utf-8").splitlines()[1] == "Lyon,12.5,2024-03-15"
