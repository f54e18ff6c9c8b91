"""capnum validate: the exit code answers « would the national validator accept this file as it is? »;
the output also says what CapNum's preparation would convert and what would remain (issue 13)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from capnum_desktop.cli import main

SCHEMA = {"fields": [
    {"name": "nom", "type": "string", "constraints": {"required": True}},
    {"name": "dateConvention", "type": "date", "constraints": {"required": True}},
    {"name": "montant", "type": "number"},
]}


def _files(tmp_path: Path, rows: str) -> tuple[str, str]:
    schema = tmp_path / "schema.json"
    schema.write_text(json.dumps(SCHEMA), encoding="utf-8")
    data = tmp_path / "data.csv"
    data.write_text("nom,dateConvention,montant\n" + rows, encoding="utf-8")
    return str(data), str(schema)


def test_a_file_conversion_would_fix_is_refused_as_it_is(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """French dates and decimal commas: the national validator refuses them (exit 1); prepare would fix them."""
    data, schema = _files(tmp_path, 'Mairie,15/03/2024,"12,5"\nÉcole,2024-03-16,40\nClub,31/12/2024,7\n')
    assert main(["validate", data, "--schema", schema]) == 1
    out = capsys.readouterr().out
    assert "Le fichier tel quel a 3 erreurs sur 2 lignes (sur 3) : le validateur national le refuserait." in out
    assert ("Avec les conversions de « capnum prepare » (avant la protection des données) : CapNum convertirait "
            "3 cellules (espaces, dates, nombres, codes…) ; le fichier préparé serait valide.") in out
    assert main(["validate", data, "--schema", schema, "--json"]) == 1
    result = json.loads(capsys.readouterr().out)
    assert result["valid"] is False and result["mode"] == "raw+conversion" and result["no_data"] is False
    assert result["raw_error_count"] == result["error_count"] == 3
    assert result["converted_cells"] == 3 and result["error_count_after_conversion"] == 0
    assert {(e["row"], e["field"], e["code"]) for e in result["errors"]} == {
        (2, "dateConvention", "type-error"), (2, "montant", "type-error"), (4, "dateConvention", "type-error")}


def test_errors_that_remain_after_conversion_are_counted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data, schema = _files(tmp_path, "Mairie,15/03/2024,douze\n,2024-03-16,40\n")
    assert main(["validate", data, "--schema", schema, "--json"]) == 1
    result = json.loads(capsys.readouterr().out)
    assert result["raw_error_count"] == 3 and result["converted_cells"] == 1
    assert result["error_count_after_conversion"] == 2  # « douze » is no number, the missing name stays missing
    assert main(["validate", data, "--schema", schema]) == 1
    assert "il resterait 2 erreurs" in capsys.readouterr().out


def test_raw_mode_gives_only_the_verdict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data, schema = _files(tmp_path, "Mairie,15/03/2024,12.5\n")
    assert main(["validate", data, "--schema", schema, "--raw", "--json"]) == 1
    result = json.loads(capsys.readouterr().out)
    assert result["mode"] == "raw" and result["raw_error_count"] == 1
    assert "converted_cells" not in result and "error_count_after_conversion" not in result
    assert main(["validate", data, "--schema", schema, "--raw"]) == 1
    assert "capnum prepare" not in capsys.readouterr().out


def test_a_valid_file_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data, schema = _files(tmp_path, "Mairie,2024-03-15,12.5\nÉcole,2024-03-16,\n")
    assert main(["validate", data, "--schema", schema]) == 0
    out = capsys.readouterr().out
    assert "Le fichier tel quel est valide (2 lignes) : le validateur national l'accepterait." in out
    assert "CapNum ne convertirait aucune cellule ; le fichier préparé serait valide." in out
    assert main(["validate", data, "--schema", schema, "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["valid"] is True and result["raw_error_count"] == 0 and result["converted_cells"] == 0


def test_a_header_without_data_is_not_accepted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data, schema = _files(tmp_path, "")
    assert main(["validate", data, "--schema", schema]) == 1
    out = capsys.readouterr().out
    assert out.startswith("Le fichier ne contient aucune ligne de données (seulement l'en-tête)")
    assert "capnum prepare" not in out
    assert main(["validate", data, "--schema", schema, "--json"]) == 1
    result = json.loads(capsys.readouterr().out)
    assert result["valid"] is False and result["no_data"] is True and result["raw_error_count"] == 0


def test_structure_errors_refuse_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A blank row and a short row: the table CapNum works on is fine, the file as it is is not."""
    data, schema = _files(tmp_path, "Mairie,2024-03-15,12.5\n,,\nÉcole,2024-03-16\n")
    assert main(["validate", data, "--schema", schema, "--json"]) == 1
    result = json.loads(capsys.readouterr().out)
    assert sorted((e["row"], e["code"]) for e in result["errors"]) == [(3, "blank-row"), (4, "missing-cell")]
    assert result["error_count_after_conversion"] == 0


def test_file_and_schema_problems_exit_2_in_french(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path / "absent.csv"), "--schema", "scdl/subventions"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Erreur :") and "Traceback" not in err
    (tmp_path / "a.csv").write_text("a\n1\n", encoding="utf-8")
    assert main(["validate", str(tmp_path / "a.csv"), "--schema", "pas/un-schema"]) == 2
    capsys.readouterr()
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"fields": [{"name": "a"}], "primaryKey": ["b"]}), encoding="utf-8")
    assert main(["validate", str(tmp_path / "a.csv"), "--schema", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "ne peut pas servir à valider" in err and "Traceback" not in err


def test_reference_examples(reference_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = reference_dir / "schemas" / "scdl-subventions" / "exemples"
    assert main(["validate", str(base / "exemple_valide.csv"), "--schema", "scdl/subventions"]) == 0
    assert "le validateur national l'accepterait" in capsys.readouterr().out
    assert main(["validate", str(base / "exemple_invalide_erreurs_cellules.csv"), "--schema", "scdl/subventions",
                 "--json", "--max", "3"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["errors_truncated"] and len(data["errors"]) == 3 and data["raw_error_count"] == data["error_count"]
    assert {"row", "field", "code", "message", "hint"} <= set(data["errors"][0])
    assert data["converted_cells"] > 0 and data["error_count_after_conversion"] < data["raw_error_count"]
    stationnement = reference_dir / "schemas" / "stationnement"
    assert main(["validate", str(stationnement / "exemple-invalide.csv"), "--schema",
                 str(stationnement / "schema.json"), "--raw"]) == 1


def test_inspect_lists_the_structure_errors_validate_reports(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 14, step 3: blank rows, short/long rows and a repeated label, the same in inspect and validate."""
    data, schema = _files(tmp_path, "Mairie,2024-03-15,12.5\n\nÉcole,2024-03-16\n,,\nClub,2024-03-17,3,en trop\n")
    assert main(["inspect", data, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)["structure_errors"]
    assert main(["validate", data, "--schema", schema, "--raw", "--json"]) == 1
    errors = json.loads(capsys.readouterr().out)["errors"]
    expected = [(3, "blank-row"), (4, "missing-cell"), (5, "blank-row"), (6, "extra-cell")]
    assert sorted((p["row"], p["code"]) for p in listed) == expected
    assert sorted((e["row"], e["code"]) for e in errors) == expected
    assert {p["message"] for p in listed} == {e["message"] for e in errors}
    assert main(["inspect", data]) == 0
    out = capsys.readouterr().out
    assert "Structure : 4 problèmes que le validateur national signalerait" in out
    assert "Ligne 4 : La ligne s'arrête avant la colonne « montant »" in out
    twice = tmp_path / "twice.csv"
    twice.write_text("nom,nom,dateConvention\nMairie,Ville,2024-03-15\n", encoding="utf-8")
    assert main(["inspect", str(twice), "--json"]) == 0
    assert [p["code"] for p in json.loads(capsys.readouterr().out)["structure_errors"]] == ["duplicate-label"]
    assert main(["validate", str(twice), "--schema", schema, "--raw", "--json"]) == 1
    assert "duplicate-label" in {e["code"] for e in json.loads(capsys.readouterr().out)["errors"]}
    clean = tmp_path / "clean.csv"
    clean.write_text("nom,dateConvention\nMairie,2024-03-15\n", encoding="utf-8")
    assert main(["inspect", str(clean)]) == 0
    assert "Structure : aucun problème" in capsys.readouterr().out
