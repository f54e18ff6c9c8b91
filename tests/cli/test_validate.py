"""capnum validate: exit codes, French text, JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from capnum_desktop.cli import main


def test_valid_and_invalid_examples(reference_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = reference_dir / "schemas" / "scdl-subventions" / "exemples"
    assert main(["validate", str(base / "exemple_valide.csv"), "--schema", "scdl/subventions"]) == 0
    assert "valide" in capsys.readouterr().out
    assert main(["validate", str(base / "exemple_invalide_erreurs_cellules.csv"), "--schema", "scdl/subventions",
                 "--max", "3"]) == 1
    out = capsys.readouterr().out
    assert "erreur(s)" in out and "Ligne 2" in out and "Traceback" not in out


def test_json_output(reference_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = reference_dir / "schemas" / "scdl-subventions" / "exemples"
    code = main(["validate", str(base / "exemple_invalide_erreurs_cellules.csv"), "--schema", "scdl/subventions", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert (code == 1 and data["valid"] is False and data["error_count"] == len(data["errors"])) or data["errors_truncated"]
    assert {"row", "field", "code", "message", "hint"} <= set(data["errors"][0])
    assert data["mode"] == "mapped"


def test_raw_mode_and_schema_file(reference_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = reference_dir / "schemas" / "stationnement"
    assert main(["validate", str(base / "exemple-invalide.csv"), "--schema", str(base / "schema.json"), "--raw"]) == 1


def test_errors_exit_2_in_french(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path / "absent.csv"), "--schema", "scdl/subventions"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Erreur :") and "Traceback" not in err
    (tmp_path / "a.csv").write_text("a\n1\n", encoding="utf-8")
    assert main(["validate", str(tmp_path / "a.csv"), "--schema", "pas/un-schema"]) == 2
