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


# -- which sheet ----------------------------------------------------------------------------------


def _year_sheets(path: Path, active: int, sizes: tuple[int, ...] = (3, 5, 9)) -> Path:
    """One look-alike sheet per year, the last the biggest (the old rule took the biggest)."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for year, size in zip((2021, 2022, 2023), sizes, strict=True):
        ws = book.create_sheet(str(year))
        ws.append(["Commune", "Subvention", "Objet"])
        for k in range(size):
            ws.append([f"Commune {k}", 1000 + k, f"Projet {year}"])
    book.active = active
    book.save(path)
    return path


@pytest.mark.parametrize("active,expected", [(0, "2021"), (1, "2022"), (2, "2023")])
def test_xlsx_active_sheet_among_look_alikes(tmp_path: Path, active: int, expected: str) -> None:
    table = read_table(_year_sheets(tmp_path / f"annees{active}.xlsx", active))
    assert table.source.sheet == expected
    assert set(table.df["Objet"]) == {f"Projet {expected}"}


def test_xlsx_active_cover_sheet_is_passed_over(tmp_path: Path) -> None:
    """A cover (« Notice ») active when saved: the data sheet is read, as before."""
    book = openpyxl.Workbook()
    cover = book.active
    cover.title = "Notice"
    cover.append(["Ce classeur recense les subventions versées en 2023."])
    data = book.create_sheet("Subventions")
    data.append(["Bénéficiaire", "Montant"])
    for k in range(6):
        data.append([f"Association {k}", 100 * k])
    book.active = 0
    path = tmp_path / "avec_notice.xlsx"
    book.save(path)
    assert read_table(path).source.sheet == "Subventions"


def _ods_sheets(path: Path, active: str | None) -> Path:
    from odf.config import ConfigItem, ConfigItemSet
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    for year, size in ((2021, 3), (2022, 4), (2023, 8)):
        sheet = Table(name=str(year))
        for values in [["Commune", "Objet"]] + [[f"Commune {k}", f"Projet {year}"] for k in range(size)]:
            line = TableRow()
            for value in values:
                cell = TableCell(valuetype="string")
                cell.addElement(P(text=value))
                line.addElement(cell)
            sheet.addElement(line)
        doc.spreadsheet.addElement(sheet)
    if active is not None:
        settings = ConfigItemSet(name="ooo:view-settings")
        item = ConfigItem(name="ActiveTable", type="string")
        item.addText(active)
        settings.addElement(item)
        doc.settings.addElement(settings)
    doc.save(str(path))
    return path


def test_ods_active_sheet(tmp_path: Path) -> None:
    assert read_table(_ods_sheets(tmp_path / "a.ods", "2022")).source.sheet == "2022"
    # no active sheet written: the first of the look-alikes, not the biggest
    assert read_table(_ods_sheets(tmp_path / "b.ods", None)).source.sheet == "2021"


def test_xls_selected_sheet(tmp_path: Path) -> None:
    import xlwt

    book = xlwt.Workbook()
    for year in (2021, 2022, 2023):
        ws = book.add_sheet(str(year))
        ws.write(0, 0, "Commune")
        ws.write(0, 1, "Objet")
        for k in range(3 if year != 2023 else 9):
            ws.write(k + 1, 0, f"Commune {k}")
            ws.write(k + 1, 1, f"Projet {year}")
        if year == 2022:
            ws.set_selected(True)
    book.active_sheet = 1
    path = tmp_path / "annees.xls"
    book.save(str(path))
    assert read_table(path).source.sheet == "2022"


def test_active_sheet_of_reference_workbooks() -> None:
    """The reference workbooks whose active sheet is written: that sheet is the data (as before)."""
    from tests.conftest import reference

    base = ("real-files", "api-subventions-asso")
    assert read_table(reference(*base, "SCDL_WITH_EXERCICE_ALT.xlsx")).source.sheet == "Sheet1"
    assert read_table(reference(*base, "new-chorus-export.xlsx")).source.sheet == "1. Extraction"
    assert read_table(reference(*base, "helios.fixture.ods")).source.sheet == "data_subv_2025_SL5M_Jet4"


# -- headers over several rows ----------------------------------------------------------------------


def test_three_row_header_band_labels_units(tmp_path: Path) -> None:
    """A band merged over three columns, labels under it, a units row: one name per column."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["Population par commune"])
    ws.append([])
    ws.append(["Commune", "Population", None, None, "Superficie"])
    ws.append([None, "Hommes", "Femmes", "Ensemble", None])
    ws.append([None, "(nombre)", "(nombre)", "(nombre)", "(km²)"])
    ws.merge_cells("B3:D3")
    for k, name in enumerate(["Arles", "Tarascon", "Beaucaire"]):
        ws.append([name, 1000 + k, 1100 + k, 2100 + 2 * k, 700 + k])
    path = tmp_path / "population.xlsx"
    book.save(path)
    table = read_table(path)
    assert table.columns == [
        "Commune", "Population - Hommes (nombre)", "Population - Femmes (nombre)",
        "Population - Ensemble (nombre)", "Superficie (km²)",
    ]
    assert table.row_count == 3 and table.source.header_line == 3 and table.source.header_lines == 3
    assert _skipped(table, "title") == (1,)


def test_four_row_header_in_csv(tmp_path: Path) -> None:
    """Band, sub-band, labels, units (a CSV has no merges: group names stand over blanks)."""
    path = _csv(tmp_path / "effectifs.csv", [
        "Identification;;Effectifs;;;",
        ";;Âge;;Sexe;",
        "Code;Nom;moins de 20 ans;20 ans et plus;Hommes;Femmes",
        ";;(années révolues);(années révolues);;",
        "13004;Arles;120;340;200;260",
        "13108;Tarascon;80;210;140;150",
    ])
    table = read_table(path)
    assert table.columns == [
        "Identification - Code", "Identification - Nom",
        "Effectifs - Âge - moins de 20 ans (années révolues)", "Effectifs - Âge - 20 ans et plus (années révolues)",
        "Effectifs - Sexe - Hommes", "Effectifs - Sexe - Femmes",
    ]
    assert table.source.header_lines == 4 and table.row_count == 2
    # the agent says the header is the labels row only: the recipe replays it
    options = ReadOptions(header_line=3, header_rows=1)
    one = read_table(path, options)
    assert one.columns[:3] == ["Code", "Nom", "moins de 20 ans"] and one.row_count == 3
    again = ReadOptions.from_dict(ReadOptions.from_source(one.source).to_dict())
    assert again.header_line == 3 and again.header_rows == 1


def test_band_of_one_name_per_column_is_not_the_header(tmp_path: Path) -> None:
    """A measurement export: « Paramètre 1 … 3 » over date, heure, valeur_parametre1…"""
    lines = [";;Paramètre 1;Paramètre 2;Paramètre 3", "date;heure;valeur_parametre1;valeur_parametre2;valeur_parametre3"]
    lines += [f"2024-01-{d:02d};{h:02d}:00;{d},5;{h};{d + h}" for d in range(1, 4) for h in range(3)]
    table = read_table(_csv(tmp_path / "mesures.csv", lines))
    assert table.columns[:3] == ["date", "heure", "valeur_parametre1"]
    assert table.row_count == 9 and table.source.header_line == 2
    assert _skipped(table, "title") == (1,)


def test_title_right_above_the_header_is_not_a_band(tmp_path: Path) -> None:
    path = _csv(tmp_path / "liste.csv", [
        "Liste des subventions 2024;;",
        "Bénéficiaire;Montant;Date",
        "Association A;1000;2024-01-02",
        "Association B;2000;2024-02-03",
    ])
    table = read_table(path)
    assert table.columns == ["Bénéficiaire", "Montant", "Date"]
    assert _skipped(table, "title") == (1,)


# -- look-alike sheets appended -----------------------------------------------------------------------


def test_look_alike_sheets_appended_with_their_sheet_name(tmp_path: Path) -> None:
    path = _year_sheets(tmp_path / "annees.xlsx", 0)
    book = openpyxl.load_workbook(path)
    book.create_sheet("Notes").append(["Montants en euros."])
    book.save(path)
    one = read_table(path)
    assert one.source.similar_sheets == ("2021", "2022", "2023") and one.row_count == 3
    table = read_table(path, ReadOptions(all_sheets=True))
    assert table.row_count == 3 + 5 + 9
    assert table.columns == ["Commune", "Subvention", "Objet", "feuille"]
    assert list(table.df["feuille"].unique()) == ["2021", "2022", "2023"]
    assert (table.df["Objet"] == "Projet " + table.df["feuille"]).all()
    assert table.df.index.is_unique and table.row_numbers[:4] == [2, 3, 4, 6]
    assert table.source.appended_sheets == ("2021", "2022", "2023")
    assert any("3 feuilles de même disposition" in w for w in table.source.warnings)
    again = ReadOptions.from_dict(ReadOptions.from_source(table.source).to_dict())
    assert again.all_sheets and read_table(path, again).row_count == 17
    # a preview reads the first rows of each sheet
    assert read_table(path, ReadOptions(all_sheets=True), max_rows=2).row_count == 6


def test_sheets_of_other_layouts_are_not_appended(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "Tiers"
    book.active.append(["Code", "Nom"])
    book.active.append(["T1", "Association A"])
    versements = book.create_sheet("Versements")
    versements.append(["Code tiers", "Date", "Montant"])
    versements.append(["T1", "2024-01-02", 100])
    path = tmp_path / "relations.xlsx"
    book.save(path)
    table = read_table(path, ReadOptions(all_sheets=True))
    assert table.source.similar_sheets == ("Tiers",) and not table.source.appended_sheets
    assert "feuille" not in table.columns


def test_ods_look_alike_sheets_appended(tmp_path: Path) -> None:
    path = _ods_sheets(tmp_path / "annees.ods", "2022")
    table = read_table(path, ReadOptions(all_sheets=True))
    assert table.source.appended_sheets == ("2021", "2022", "2023")
    assert table.row_count == 3 + 4 + 8 and set(table.df["feuille"]) == {"2021", "2022", "2023"}


def test_bare_cr_inside_quoted_cells_of_a_cp1252_export(tmp_path: Path) -> None:
    """An old Windows export: CRLF records, a bare CR (Alt+Entrée in a Mac cell) inside quoted cells."""
    path = tmp_path / "adresses.csv"
    path.write_bytes(
        'nom;adresse;ville\r\n"Mairie";"1 place\rde la Mairie";"Arles"\r\n'
        '"École";"2 rue\r\nHugo";"Arles"\r\n"Poste";"3 avenue\rdu Général";"Nîmes"\r\n'.encode("cp1252")
    )
    table = read_table(path)
    assert table.source.encoding == "cp1252" and table.row_count == 3
    assert table.df["adresse"].tolist() == ["1 place\rde la Mairie", "2 rue\r\nHugo", "3 avenue\rdu Général"]
    assert table.df["ville"].tolist() == ["Arles", "Arles", "Nîmes"]
    assert table.row_numbers == [2, 3, 5]  # lines count LF only, as the national validator counts them
