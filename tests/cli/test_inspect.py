"""``capnum inspect``: the JSON keys the issue fixes, French errors with exit code 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from capnum_desktop.cli import main

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "resources" / "demo" / "subventions-demo.xlsx"
KEYS = {
    "format",
    "encoding",
    "delimiter",
    "sheets",
    "sheet",
    "header_line",
    "columns",
    "row_count",
    "skipped",
    "warnings",
    "preview",
}


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:
    assert main(["inspect", *argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_inspect_demo_json(capsys: pytest.CaptureFixture[str]) -> None:
    data = _json(capsys, str(DEMO))
    assert set(data) >= KEYS
    assert data["format"] == "xlsx"
    assert data["encoding"] is None and data["delimiter"] is None
    assert data["sheets"] == ["Notes", "Subventions 2024"]
    assert data["sheet"] == "Subventions 2024"
    assert data["header_line"] == 3
    assert data["row_count"] == 60
    assert len(data["preview"]) == 20
    assert all(len(row) == len(data["columns"]) for row in data["preview"])
    assert all(isinstance(v, str) for row in data["preview"] for v in row)
    assert {"reason": "footer", "lines": [65, 66]}.items() <= next(
        s for s in data["skipped"] if s["reason"] == "footer"
    ).items()


def test_inspect_csv_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "liste.txt"
    path.write_bytes("Titre\nnom\tcode\nÉlise\t01000\n".encode("cp1252"))
    data = _json(capsys, str(path), "--delimiter", "tab", "--encoding", "cp1252", "--header-line", "2")
    assert data["format"] == "csv"
    assert data["sheets"] == [] and data["sheet"] is None
    assert data["encoding"] == "cp1252" and data["delimiter"] == "\t"
    assert data["columns"] == ["nom", "code"]
    assert data["preview"] == [["Élise", "01000"]]
    assert data["skipped"][0]["reason"] == "title"


def test_inspect_shows_the_encoding_by_its_readable_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """People read « Windows-1252 (Europe de l'Ouest) », the JSON keeps the codec name (issue 15)."""
    path = tmp_path / "liste.csv"
    path.write_bytes("nom;code\nÉlise;01000\nJérôme;69003\n".encode("cp1252"))
    assert main(["inspect", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Encodage : Windows-1252 (Europe de l'Ouest)" in out and "cp1252" not in out
    assert _json(capsys, str(path))["encoding"] == "cp1252"


def test_inspect_text_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", str(DEMO), "--sheet", "Subventions 2024"]) == 0
    out = capsys.readouterr().out
    assert "Ligne d'en-tête : 3" in out
    assert "Lignes de données : 60" in out


def test_inspect_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", str(tmp_path / "absent.csv"), "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "introuvable" in captured.err
    assert "Traceback" not in captured.err


def test_inspect_unknown_sheet(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", str(DEMO), "--sheet", "Feuil9"]) == 2
    err = capsys.readouterr().err
    assert "Feuil9" in err and "Subventions 2024" in err


def test_inspect_lists_blank_and_ragged_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 14: the rows the national validator reports (blank, too few / too many cells) are listed."""
    path = tmp_path / "trous.csv"
    path.write_text("id,nom,age\n1,Jean,30\n\n2,Julie\n,,\n3,Luc,40,en trop\n", encoding="utf-8")
    data = _json(capsys, str(path))
    assert data["row_count"] == 3
    assert data["blank_rows"] == [3, 5]
    assert data["ragged_rows"] == [{"row": 4, "cells": 2}, {"row": 6, "cells": 4}]
    assert data["labels"] == ["id", "nom", "age"]
    assert main(["inspect", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Laissé de côté (ligne vide) : lignes 3, 5" in out
    assert "2 lignes n'ont pas autant de cellules que l'en-tête (3) : lignes 4, 6" in out


def _messy_csv(tmp_path: Path) -> Path:
    """Title lines, a template types row, a ragged row, cp1252 bytes past the 1 MB sample, a Total line."""
    rows = [f"{i};nom{i};{i * 10}" for i in range(1, 60001)]
    text = "Rapport annuel\nSource : mairie\n\nid;nom;montant\ntexte;texte;nombre\n" + "\n".join(rows) + "\n"
    path = tmp_path / "rapport.csv"
    path.write_bytes(text.encode("utf-8") + "60001;Zoé\n60002;Éric;20\nTotal;;600030\n".encode("cp1252"))
    return path


def test_inspect_in_english_says_the_readers_warnings_in_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 16: the reader's warnings, why lines were left out and the encoding's name follow --lang."""
    path = _messy_csv(tmp_path)
    assert main(["inspect", str(path), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Encoding: Windows-1252 (Western Europe)" in out
    assert "Left aside (title or note above the header): lines 1, 2" in out
    assert "Left aside (template line of column types): lines 5" in out
    assert "Left aside (total, source or note below the table): lines 60008" in out
    assert "Warning: The file looked like UTF-8 but holds characters of another encoding from line 60006 on" in out
    assert "Warning: 1 line with another number of cells than the header (3): line 60006." in out
    assert not any(french in out for french in ("«", "Attention", "Laissé", "ligne(s)", "Windows-1252 (Europe"))
    english = _json(capsys, str(path), "--lang", "en")
    assert english["warnings"][0].startswith("The file looked like UTF-8")
    assert english["skipped"][0] == {"reason": "title", "lines": [1, 2], "detail": "lines above the header"}
    assert english["encoding"] == "cp1252"  # codes and codec names as they are


def test_inspect_in_french_by_default_as_before(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _messy_csv(tmp_path)
    assert main(["inspect", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Encodage : Windows-1252 (Europe de l'Ouest)" in out
    assert "Laissé de côté (ligne de types du modèle) : lignes 5" in out
    assert (
        "Attention : Le fichier semblait être en UTF-8 mais contient à partir de la ligne 60006 des caractères "
        "d'un autre encodage : il a été lu en Windows-1252 (Europe de l'Ouest). Vérifiez les accents dans l'aperçu."
    ) in out
    assert "Attention : 1 ligne n'a pas autant de cellules que l'en-tête (3) : ligne 60006." in out
    french = _json(capsys, str(path))
    assert french["skipped"][0]["detail"] == "lignes au-dessus de l'en-tête"
