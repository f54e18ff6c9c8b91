"""read_table on the demo workbook and on simple generated CSV files."""

from __future__ import annotations

from pathlib import Path

import pytest

from capnum_desktop.core.io import ReadOptions, list_sheets, read_table

REPO = Path(__file__).resolve().parents[3]
DEMO = REPO / "resources" / "demo" / "subventions-demo.xlsx"


def test_read_options_round_trip() -> None:
    options = ReadOptions(encoding="cp1252", delimiter=";", sheet="Feuil1", header_line=4)
    assert ReadOptions.from_dict(options.to_dict()) == options
    assert ReadOptions.from_dict({}) == ReadOptions()
    assert ReadOptions.from_dict({"header_line": 0}).header_line == 0


def test_demo_workbook() -> None:
    table = read_table(DEMO)
    src = table.source
    assert src.format == "xlsx"
    assert src.sheets == ("Notes", "Subventions 2024")
    assert src.sheet == "Subventions 2024"
    assert src.header_line == 3
    assert table.columns[0] == "Nom attributaire"
    assert table.columns[-1] == "Date de naissance du référent"
    assert table.row_count == 60
    assert table.row_numbers[0] == 4 and table.row_numbers[-1] == 63
    reasons = {s.reason: s.lines for s in src.skipped}
    assert reasons["footer"] == (65, 66)
    assert reasons["title"] == (1,)
    first = table.df.iloc[0]
    assert first["SIRET bénéficiaire"] == "53648375300011"
    assert first["Montant (€)"] == "23769.49"
    assert first["Date de naissance du référent"] == "1970-09-07"
    assert first["Date de la convention"] == "23/10/2024"  # a text cell stays as typed
    assert table.df.iloc[1]["Date de la convention"] == "2024-04-15"  # a date cell becomes ISO
    assert list_sheets(DEMO) == ["Notes", "Subventions 2024"]


def test_cp1252_semicolon_csv_with_title(tmp_path: Path) -> None:
    text = (
        "Liste des bénéficiaires;;\r\n"
        ";;\r\n"
        "Nom;Code postal;Montant\r\n"
        "Hélène Dupré;01000;12,50\r\n"
        "Œuvre sociale;97400;1 234,56\r\n"
    )
    path = tmp_path / "export.csv"
    path.write_bytes(text.encode("cp1252"))
    table = read_table(path)
    assert table.source.encoding == "cp1252"
    assert table.source.delimiter == ";"
    assert table.source.header_line == 3
    assert table.columns == ["Nom", "Code postal", "Montant"]
    assert table.df["Code postal"].tolist() == ["01000", "97400"]
    assert table.df["Nom"].tolist() == ["Hélène Dupré", "Œuvre sociale"]
    assert table.row_numbers == [4, 5]


def test_utf8_comma_csv(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(
        'siret,nom,commentaire\n01234567890123,Émile,"deux\nlignes"\n11111111111111,Zoé,NA\n', "utf-8"
    )
    table = read_table(path)
    assert table.source.encoding == "utf-8"
    assert table.source.delimiter == ","
    assert table.df["siret"].tolist() == ["01234567890123", "11111111111111"]
    assert table.df["commentaire"].tolist() == ["deux\nlignes", "NA"]
    assert table.row_numbers == [2, 4]


def test_forced_options(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(b"titre\nA|B\n1|2\n")
    table = read_table(path, ReadOptions(delimiter="|", header_line=2))
    assert table.columns == ["A", "B"]
    assert table.df.values.tolist() == [["1", "2"]]


@pytest.mark.parametrize("rows", [0, 3])
def test_max_rows(tmp_path: Path, rows: int) -> None:
    path = tmp_path / "a.csv"
    path.write_text("a;b\n" + "".join(f"{i};x\n" for i in range(100)), "utf-8")
    table = read_table(path, max_rows=rows)
    assert table.row_count == rows


def test_encodings_have_readable_names_for_people() -> None:
    """« cp1252 » means nothing to an agent (issue 15): the reports and screens use these names."""
    from capnum_desktop.core.io.encoding import encoding_label

    assert encoding_label("cp1252") == encoding_label("windows-1252") == "Windows-1252 (Europe de l'Ouest)"
    assert encoding_label("UTF8") == "UTF-8" and encoding_label("utf-8-sig") == "UTF-8 avec BOM"
    assert encoding_label("iso-8859-1") == "ISO-8859-1 (Latin-1)"
    assert encoding_label("utf-32") == "UTF-32" and encoding_label("inconnu") == "inconnu"
    assert encoding_label(None) == ""


def test_every_readable_encoding_name_is_translated_in_the_gui() -> None:
    """The GUI translates the core's names: each one with words is listed for lupdate in open_page."""
    import ast

    from capnum_desktop.core.io.encoding import ENCODING_NAMES

    source = (Path(__file__).resolve().parents[3] / "capnum_desktop" / "ui" / "pages" / "open_page.py").read_text(
        encoding="utf-8")
    listed = {node.value for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Constant)}
    assert {n for n in ENCODING_NAMES.values() if not n.replace("-", "").replace("UTF", "").isdigit()} <= listed


def test_a_late_change_of_encoding_is_said_with_the_readable_name(tmp_path: Path) -> None:
    """UTF-8 for the first megabyte, then a Windows export's « é »: the warning names Windows-1252 for people."""
    path = tmp_path / "long.csv"
    body = "nom;ville\n" + "Jérôme;Lyon\n" * 90_000
    path.write_bytes(body.encode("utf-8") + "Élise;Évry\n".encode("cp1252"))
    table = read_table(path)
    warning = next(w for w in table.source.warnings if "semblait être en UTF-8" in w)
    assert "lu en Windows-1252 (Europe de l'Ouest)" in warning and "cp1252" not in warning
