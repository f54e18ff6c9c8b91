"""Separator and dialect detection on files whose quoted cells hold other separators."""

from __future__ import annotations

from pathlib import Path

from capnum_desktop.core.io import read_table
from capnum_desktop.core.io.delimited import sniff_dialect
from tests.conftest import reference


def test_dispositif_aide_example_is_comma_despite_semicolons_in_quoted_texts() -> None:
    """Its long quoted texts (several lines, full of ";") made the line-by-line sniffer pick ";"."""
    table = read_table(reference("schemas", "dispositif-aide", "exemple.csv"))
    assert table.source.delimiter == ","
    assert table.df.shape == (1, 15)
    assert table.columns[:3] == ["id", "titre", "promesse"]
    assert table.columns[-1] == "date_mise_a_jour"
    row = table.df.iloc[0]
    assert row["id"] == "65d5b6c7-102c-4440-ac3b-768f708edc0a"
    assert row["eligibilite"].startswith("• Le porteur du projet") and " ; \n" in row["eligibilite"]
    assert row["date_mise_a_jour"] == "2025-10-15T15:00:00Z"
    assert list(table.df.index) == [2]


def test_dae_examples_space_after_comma_before_quoted_cells() -> None:
    """``, "mardi, mercredi, jeudi, vendredi"``: one cell, no leading space, no quotes kept."""
    table = read_table(reference("schemas", "dae", "exemple_invalide.csv"))
    assert table.source.delimiter == ","
    assert table.df.shape == (4, 43)
    assert table.columns[:3] == ["nom", "lat_coor1", "long_coor1"]
    assert "fab_rais" in table.columns  # written "  fab_rais" in the header
    assert not [c for c in table.columns if c != c.strip()]
    first = table.df.iloc[0]
    assert first["lat_coor1"] == "48.8521329"
    assert first["photo1"] == "http://www.monsite.com/monimage.jpg"
    assert first["disp_j"] == "mardi, mercredi, jeudi, vendredi"
    assert first["disp_h"] == "test"
    for name in ("exemple_valide.csv", "exemple_invalide_structure.csv", "exemple_invalide_complet.csv"):
        other = read_table(reference("schemas", "dae", name))
        assert other.df.shape[1] == 43, name
        assert not other.df.apply(lambda col: col.str.startswith((" ", '"'))).any().any(), name


def test_generated_semicolon_file_with_commas_and_line_breaks_in_quotes(tmp_path: Path) -> None:
    lines = ["nom;commentaire;montant"]
    for i in range(30):
        lines.append(f'Association {i};"Aide, fonctionnement, {i}\nsuite; fin";{i},50')
    path = tmp_path / "pv.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    table = read_table(path)
    assert table.source.delimiter == ";"
    assert table.df.shape == (30, 3)
    assert table.df["commentaire"].iloc[0] == "Aide, fonctionnement, 0\nsuite; fin"
    assert list(table.df.index[:3]) == [2, 4, 6]


def test_spaced_dialect_only_when_quotes_follow_spaces() -> None:
    assert sniff_dialect('a, b, c\n1, "x, y", 3\n4, "z", 6\n') == (",", True)
    assert sniff_dialect('a,b,c\n1,"x, y",3\n4,"z",6\n') == (",", False)
    assert sniff_dialect("a, b, c\n1, 2, 3\n") == (",", False)  # no quoted cell: spaces kept as written
    assert sniff_dialect('a;b\n"1; 2";3\n', ";") == (";", False)
