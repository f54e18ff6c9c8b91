"""``--lang en``: validate, inspect and prepare print English sentences; French stays the default (issue 16)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from capnum_desktop.cli import main

SCHEMA = {"fields": [
    {"name": "nom", "type": "string", "constraints": {"required": True}},
    {"name": "dateConvention", "type": "date", "constraints": {"required": True}},
    {"name": "montant", "type": "number"},
    {"name": "siret", "type": "string"},
]}
FRENCH_WORDS = ("Ligne ", "erreur", "Erreurs par", "la forme attendue", "Écrivez", "Détail", "lignes", "fichier")


def _files(tmp_path: Path, rows: str) -> tuple[str, str]:
    schema = tmp_path / "schema.json"
    schema.write_text(json.dumps(SCHEMA), encoding="utf-8")
    data = tmp_path / "data.csv"
    data.write_text("nom,dateConvention,montant,extra\n" + rows, encoding="utf-8")
    return str(data), str(schema)


ROWS = 'Mairie,15/03/2024,"12,5",x\n,2024-03-16,40,y\nClub,31/12/2024,7,z\n'


def test_validate_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data, schema = _files(tmp_path, ROWS)
    assert main(["validate", data, "--schema", schema, "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert "The file as it is has 4 errors on 3 rows (of 3): the national validator would refuse it." in out
    assert 'Row 2, "dateConvention": "15/03/2024": the expected form is 2024-03-15. Write dates as YYYY-MM-DD' in out
    assert 'Row 3, "nom": Missing value: this field is required. Fill in "nom".' in out
    assert "dateConvention — Wrong type or format: 2" in out
    assert "With the conversions of \"capnum prepare\"" in out and "CapNum would convert 3 cells" in out
    assert "Warnings:" in out and 'The column "extra" is not part of the schema.' in out
    assert 'The optional column "siret" is absent.' in out
    for word in FRENCH_WORDS:
        assert word not in out, word


def test_validate_stays_french_by_default(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data, schema = _files(tmp_path, ROWS)
    assert main(["validate", data, "--schema", schema]) == 1
    out = capsys.readouterr().out
    assert "Le fichier tel quel a 4 erreurs sur 3 lignes (sur 3) : le validateur national le refuserait." in out
    assert "Ligne 2, « dateConvention » : « 15/03/2024 » : la forme attendue est 2024-03-15." in out
    assert "Avertissements :" in out and "The file" not in out


def test_validate_json_in_english_keeps_its_keys_and_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data, schema = _files(tmp_path, ROWS)
    assert main(["validate", data, "--schema", schema, "--json", "--lang", "en"]) == 1
    english = json.loads(capsys.readouterr().out)
    assert main(["validate", data, "--schema", schema, "--json"]) == 1
    french = json.loads(capsys.readouterr().out)
    assert set(english) == set(french)
    assert [(e["row"], e["code"]) for e in english["errors"]] == [(e["row"], e["code"]) for e in french["errors"]]
    assert english["errors"][0]["message"] == '"15/03/2024": the expected form is 2024-03-15.'
    assert french["errors"][0]["message"] == "« 15/03/2024 » : la forme attendue est 2024-03-15."
    assert {k["kind"] for k in english["errors_by_kind"]} == {"Wrong type or format", "Required value missing"}


def test_an_error_of_the_command_is_introduced_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, schema = _files(tmp_path, ROWS)
    assert main(["validate", str(tmp_path / "absent.csv"), "--schema", schema, "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Error: The file \"") and "absent.csv\" cannot be found." in err  # a read error's code
    assert "What to do: Check the file's name and folder" in err
    assert main(["validate", str(tmp_path / "absent.csv"), "--schema", schema]) == 2
    assert "Erreur : Le fichier « " in capsys.readouterr().err


def test_inspect_structure_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ragged.csv"
    path.write_text("a,b,c\n1,2,3\n,,\n4,5\n6,7,8,9\n", encoding="utf-8")
    assert main(["inspect", str(path), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Structure: 3 problems the national validator would report, whatever the schema:" in out
    assert "Row 3: The row is entirely empty." in out
    assert "Data rows: " in out and "Lignes" not in out
    assert main(["inspect", str(path)]) == 0
    assert "Ligne 3 : La ligne est entièrement vide." in capsys.readouterr().out


def test_the_language_is_refused_when_unknown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data, schema = _files(tmp_path, ROWS)
    with pytest.raises(SystemExit):
        main(["validate", data, "--schema", schema, "--lang", "de"])
    assert "--lang" in capsys.readouterr().err


def test_prepare_prints_english_and_writes_french_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data, schema = _files(tmp_path, 'Mairie,15/03/2024,"12,5",x\n,2024-03-16,40,y\n')
    out_dir = tmp_path / "out"
    assert main(["prepare", data, "--schema", schema, "-o", str(out_dir), "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("exported, but not publishable as it is: 1 error\n")
    assert "1 error on 1 row (of 2)." in out and "nom — Required value missing: 1" in out
    assert "Files written in " in out and "Erreurs" not in out
    report = (out_dir / "rapport-validation.html").read_text(encoding="utf-8")
    assert "Rapport de validation" in report and "Valeur manquante : ce champ est obligatoire." in report


def test_an_unknown_schema_is_said_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data, _ = _files(tmp_path, ROWS)
    assert main(["validate", data, "--schema", "pas/un-schema", "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert 'Error: Schema not found: "pas/un-schema" is neither a schema of the catalogue nor a file.' in err
    assert 'What to do: Type "capnum schemas" to see' in err


def test_a_malformed_constant_is_refused_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data, schema = _files(tmp_path, ROWS)
    args = ["prepare", data, "--schema", schema, "-o", str(tmp_path / "o"), "--constant", "nom"]
    assert main([*args, "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert 'Error: "--constant nom" is not of the form FIELD=VALUE.' in err and "What to do: Write for example" in err
    assert main(args) == 2
    assert "Erreur : « --constant nom » n'est pas de la forme CHAMP=VALEUR." in capsys.readouterr().err


def test_prepare_notes_in_english_and_unchanged_in_french(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The pipeline's notes (the schema chosen or inferred, values not converted, a required field with no
    column) are coded: English with --lang en, the same French sentences as before by default."""
    data, schema = _files(tmp_path, 'Mairie,15/03/2024,"12,5",x\nClub,le 3 mars,40,y\n')
    assert main(["prepare", data, "--schema", schema, "-o", str(tmp_path / "en"), "--lang", "en"]) == 1
    english = capsys.readouterr().out
    assert '"dateConvention": 1 value could not be converted to the expected format.' in english
    assert "n'a pas pu" not in english
    assert main(["prepare", data, "--schema", schema, "-o", str(tmp_path / "fr")]) == 1
    french = capsys.readouterr().out
    assert "« dateConvention » : 1 valeur n'a pas pu être convertie au format attendu." in french
    assert main(["prepare", data, "-o", str(tmp_path / "guess"), "--lang", "en", "--json"]) in (0, 1)
    notes = json.loads(capsys.readouterr().out)["notes"]
    assert any(n.startswith("No schema of the catalogue matches the columns") for n in notes), notes


def test_a_pipeline_note_is_its_french_sentence_and_survives_a_copy() -> None:
    import copy
    import pickle

    from capnum_desktop.core.pipeline_notes import PipelineNote, counted

    note = counted("not-converted", 3, field="montant")
    assert note == "« montant » : 3 valeurs n'ont pas pu être converties au format attendu."
    assert note.text("en") == '"montant": 3 values could not be converted to the expected format.'
    for again in (copy.deepcopy(note), pickle.loads(pickle.dumps(note))):
        assert isinstance(again, PipelineNote) and again.text("en") == note.text("en")
    with pytest.raises(AttributeError):
        note.code = "other"
