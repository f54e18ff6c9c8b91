"""Bureau layouts (issue 17): template rows, a total under the header, sub-totals and sub-headings.

Each file is made here the way such files are made (a template's types and instructions rows, a
report's « Total » line, a region name alone on its line), read, and read again with the agent's
override, which the read options carry (a recipe replays it).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from capnum_desktop.core.io import ReadOptions, read_table, row_kinds


def _csv(path: Path, lines: list[str]) -> Path:
    path.write_text("\r\n".join(lines) + "\r\n", encoding="cp1252")
    return path


def _xlsx(path: Path, rows: list[list[object]], sheet: str = "Données") -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def _skipped(table, reason: str) -> tuple[int, ...]:
    return next((s.lines for s in table.source.skipped if s.reason == reason), ())


def test_template_types_and_instructions_rows_are_left_out(tmp_path: Path) -> None:
    path = _csv(tmp_path / "modele.csv", [
        "nom;date_ouverture;nombre_places;accessible",
        "Champ texte;Date;Nombre entier;Oui/Non",
        "Indiquez le nom de l'équipement;ex. : 2024-01-31;Saisir un nombre;Oui ou Non",
        "Piscine Jean Bouin;2021-03-04;120;Oui",
        "Gymnase Pasteur;2019-09-01;80;Non",
    ])
    table = read_table(path)
    assert list(table.df["nom"]) == ["Piscine Jean Bouin", "Gymnase Pasteur"]
    assert _skipped(table, "types") == (2,)
    assert _skipped(table, "instructions") == (3,)
    # the agent says the rows are data: kept, still listed as detected
    kept = read_table(path, ReadOptions(keep_rows=("types", "instructions")))
    assert kept.row_count == 4
    assert {s.reason for s in kept.source.kept} == {"types", "instructions"}
    again = ReadOptions.from_dict(ReadOptions.from_source(kept.source).to_dict())
    assert set(again.keep_rows) == {"types", "instructions"}
    assert read_table(path, again).row_count == 4


def test_total_row_right_under_the_header(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "rapport.xlsx", [
        ["Commune", "Habitants", "Logements"],
        ["Total", 5230, 2400],
        ["Arles", 3000, 1300],
        ["Tarascon", 2230, 1100],
    ])
    table = read_table(path)
    assert list(table.df["Commune"]) == ["Arles", "Tarascon"]
    assert _skipped(table, "total") == (2,)
    kept = read_table(path, ReadOptions(keep_rows=("total",)))
    assert list(kept.df["Commune"]) == ["Total", "Arles", "Tarascon"]


def test_subtotals_and_subheadings_inside_the_data(tmp_path: Path) -> None:
    rows: list[list[object]] = [["Commune", "Département", "Population", "Superficie"]]
    for region, communes in (("Bretagne", ["Rennes", "Brest", "Vannes"]), ("Normandie", ["Caen", "Rouen", "Évreux"])):
        rows.append([region, None, None, None])
        rows += [[c, "35", 1000 + k, 50 + k] for k, c in enumerate(communes)]
        rows.append([f"Sous-total {region}", None, 3003, 153])
    path = _xlsx(tmp_path / "population.xlsx", rows)
    table = read_table(path)
    assert list(table.df["Commune"]) == ["Rennes", "Brest", "Vannes", "Caen", "Rouen", "Évreux"]
    assert _skipped(table, "subheading") == (2, 7)
    assert _skipped(table, "subtotal") == (6,)  # the last one is the footer
    assert _skipped(table, "footer") == (11,)
    kept = read_table(path, ReadOptions(keep_rows=("subheading",)))
    assert "Bretagne" in set(kept.df["Commune"]) and "Sous-total Bretagne" not in set(kept.df["Commune"])


def test_sparse_data_is_not_taken_for_subheadings(tmp_path: Path) -> None:
    """Rows with only a name filled, when most rows are like that, are data."""
    lines = ["nom;telephone;courriel;site"] + [f"Association {k};;;" for k in range(10)]
    lines += ["Club A;0102030405;a@b.fr;https://a.fr"]
    table = read_table(_csv(tmp_path / "annuaire.csv", lines))
    assert table.row_count == 11
    assert not _skipped(table, "subheading")


def test_data_that_merely_mentions_types_is_data(tmp_path: Path) -> None:
    """A column of types (a data dictionary) is data: only rows right under the header count."""
    path = _csv(tmp_path / "dictionnaire.csv", [
        "champ;type;description",
        "nom;texte;Nom de l'équipement",
        "places;nombre;Nombre de places",
    ])
    assert read_table(path).row_count == 2


@pytest.mark.parametrize("row,kind", [
    (["Texte", "Nombre", "Date", "Booléen"], "types"),
    (["string", "integer", "date"], "types"),
    (["Obligatoire", "Facultatif", "Obligatoire"], "instructions"),
    (["Total général", "12", "1 234,5"], "total"),
    (["Ensemble", "", "98 %"], "total"),
])
def test_row_kinds_recognised(row: list[str], kind: str) -> None:
    assert row_kinds.under_header([row, ["Arles", "3", "4"]]) == [(0, kind)]


@pytest.mark.parametrize("row", [
    ["Piscine", "120", "2021-03-04"],
    ["Totalement rénové", "Nombreux", "Daté"],
    ["Total", "Arles", "3"],
])
def test_data_rows_are_not_row_kinds(row: list[str]) -> None:
    assert row_kinds.under_header([row]) == []
