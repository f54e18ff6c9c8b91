"""capnum prepare: the whole pipeline from the command line."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from capnum_desktop.cli import main


def test_prepare_valid_file_exit_0(subsidy_examples: tuple[Path, Path], tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    src = subsidy_examples[0]
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


def test_prepare_with_errors_exit_1_and_json(subsidy_examples: tuple[Path, Path], tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    src = subsidy_examples[1]
    assert main(["prepare", str(src), "--schema", "scdl/subventions", "-o", str(tmp_path / "o"), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["valid"] is False and data["export"]["error_count"] > 0


def test_prepare_without_schema_infers_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "liste.csv"
    src.write_text("Commune;Montant;Date\nLyon;12,5;15/03/2024\nÉvry;3;16/03/2024\n", encoding="utf-8")
    assert main(["prepare", str(src), "-o", str(tmp_path / "o")]) == 0
    out = capsys.readouterr().out
    assert "déduit" in out
    # The values are converted to the inferred types; the commune, in a table that may describe persons,
    # is brought to its département by the default privacy plan (Lyon -> 69, since the list of communes
    # resolves names offline).
    assert (tmp_path / "o" / "liste.csv").read_text(encoding="utf-8").splitlines()[1] == "69,12.5,2024-03-15"


def _schema_file(tmp_path: Path) -> Path:
    schema = {"name": "aides", "title": "Aides", "fields": [
        {"name": "commune", "type": "string", "constraints": {"required": True}},
        {"name": "montant", "type": "number", "constraints": {"required": True}},
    ]}
    path = tmp_path / "aides.json"
    path.write_text(json.dumps(schema), encoding="utf-8")
    return path


def test_prepare_exit_0_only_for_a_valid_non_empty_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The verdict tells the truth: errors or no data row give exit 1, the folder still written, and say so first."""
    schema = _schema_file(tmp_path)
    good = tmp_path / "bon.csv"
    good.write_text("commune,montant\nLyon,12\nÉvry,3,5\n".replace("3,5", '"3,5"'), encoding="utf-8")
    assert main(["prepare", str(good), "--schema", str(schema), "-o", str(tmp_path / "a")]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "Exporté : valide et prêt à publier."

    bad = tmp_path / "erreurs.csv"
    bad.write_text("commune,montant\nLyon,douze\n,3\nNice,4\n", encoding="utf-8")
    assert main(["prepare", str(bad), "--schema", str(schema), "-o", str(tmp_path / "b")]) == 1
    first = capsys.readouterr().out.splitlines()[0]
    assert first == "exporté, mais non publiable en l'état : 2 erreurs"
    assert (tmp_path / "b" / "erreurs.csv").exists() and (tmp_path / "b" / "recipe.json").exists()

    empty = tmp_path / "vide.csv"
    empty.write_text("commune,montant\n", encoding="utf-8")
    assert main(["prepare", str(empty), "--schema", str(schema), "-o", str(tmp_path / "c"), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["publishable"] is False and data["rows"] == 0 and data["export"]["publishable"] is False
    assert (tmp_path / "c" / "vide.csv").read_text(encoding="utf-8") == "commune,montant\n"
    assert main(["prepare", str(empty), "--schema", str(schema), "-o", str(tmp_path / "d")]) == 1
    text = capsys.readouterr().out
    assert text.splitlines()[0] == "exporté, mais non publiable en l'état : aucune ligne de données"
    assert "valide" not in text


def test_apply_keeps_the_honest_exit_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    schema = _schema_file(tmp_path)
    src = tmp_path / "aides.csv"
    src.write_text("commune,montant\nLyon,12\n", encoding="utf-8")
    assert main(["prepare", str(src), "--schema", str(schema), "-o", str(tmp_path / "a")]) == 0
    nxt = tmp_path / "aides-mars.csv"
    nxt.write_text("commune,montant\nLyon,douze\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["apply", str(tmp_path / "a" / "recipe.json"), str(nxt), "-o", str(tmp_path / "b")]) == 1
    assert capsys.readouterr().out.startswith("exporté, mais non publiable en l'état : 1 erreur\n")


DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo" / "subventions-demo.xlsx"


def test_a_constant_fills_the_field_no_column_feeds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The demo lacks idAttribuant (the organisation's own SIRET): the output says how to give it, and with
    --constant the export is publishable (the command line's counterpart of Paramètres)."""
    assert main(["prepare", str(DEMO), "--schema", "scdl/subventions", "-o", str(tmp_path / "a")]) == 1
    text = capsys.readouterr().out
    assert "--constant idAttribuant=VALEUR" in text
    assert main(["prepare", str(DEMO), "--schema", "scdl/subventions", "-o", str(tmp_path / "b"),
                 "--constant", "idAttribuant=21750001600019", "--constant", "champInconnu=1"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Exporté : valide et prêt à publier.")
    assert "« --constant champInconnu=… » n'a pas été utilisé" in text
    assert "--constant idAttribuant=VALEUR" not in text
    csv_file = next((tmp_path / "b").glob("*.csv"))
    with csv_file.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and {row["idAttribuant"] for row in rows} == {"21750001600019"}
    recipe = json.loads((tmp_path / "b" / "recipe.json").read_text(encoding="utf-8"))
    assert "21750001600019" in json.dumps(recipe)


@pytest.mark.parametrize("args, said", [
    (["--constant", "idAttribuant"], "n'est pas de la forme CHAMP=VALEUR"),
    (["--constant", "=x"], "n'est pas de la forme CHAMP=VALEUR"),
    (["--constant", "a=1", "--recipe", "recipe.json"], "ne s'utilise pas avec --recipe"),
])
def test_a_malformed_constant_is_refused_before_reading(args: list[str], said: str, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["prepare", str(DEMO), "-o", str(tmp_path / "out"), *args]) == 2
    assert said in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
