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
    assert "n'ont pas autant de cellules que l'en-tête (3) : lignes 4, 6" in out
