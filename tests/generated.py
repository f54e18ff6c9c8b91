"""Files made by code at test time, in the layouts of the reference files in ``../shared/reference``.

Those files are not ours to commit, so a fresh clone has none of them. Each builder here writes a
small file of the same *layout* (encoding, separator, title rows above the header, a notice sheet
first, numbers standing for codes, text zeros, a legacy .xls, an .ods named .xls…) with made-up
values (Faker fr_FR, seeded), and returns it with what reading it must give. The tests that check a
real file run the very same assertions on these twins, so the behaviour is tested even without
``../shared``; the real files stay an extra check when present.

Every builder takes the folder to write in and returns ``(path, expected)`` where ``expected`` is
the :class:`~tests.core.io.test_io_real_files.Expected` record of the real-file tests.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
from collections.abc import Callable, Sequence
from pathlib import Path

from faker import Faker

from capnum_desktop.core.io import ReadOptions
from tests.core.io.test_io_real_files import Expected

Builder = Callable[[Path], tuple[Path, Expected]]


def fake(seed: int = 16) -> Faker:
    """A seeded French Faker: the same made-up values on every run."""
    faker = Faker("fr_FR")
    faker.seed_instance(seed)
    return faker


def siret(faker: Faker) -> str:
    """A 14-digit SIRET-shaped string (the format, not a real establishment)."""
    return faker.numerify("#" * 14)


def csv_text(rows: Sequence[Sequence[object]], delimiter: str) -> str:
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


# --- delimited text ------------------------------------------------------------------------------

def csv_repeated_header(folder: Path) -> tuple[Path, Expected]:
    """Like csv-detective's a_test_file.csv: the header written three times; the last copy is the header."""
    faker = fake(1)
    header = ["NUMCOM", "NOMCOM", "NUMDEP", "POPULATION"]
    rows = [header, header, header]
    for i in range(40):
        rows.append([f"{1001 + i:05d}", faker.city(), "1", str(faker.random_int(50, 9000))])
    path = folder / "communes.csv"
    path.write_text(csv_text(rows, ";"), encoding="utf-8")
    return path, Expected(path.name, "csv", 40, 3, ["NUMCOM", "NOMCOM"], 4, "utf-8", ";",
                          cells={"NUMCOM": "01001", "NUMDEP": "1"}, skipped={"title": (1, 2)})


def csv_gzip(folder: Path) -> tuple[Path, Expected]:
    """Like file.csv.gz: a gzipped comma file with a partly empty column and zero-led codes."""
    rows = [["code_departement", "code_region", "partly_empty"]]
    rows += [[f"{d:02d}", str(84 + d % 3), "x" if d % 2 else ""] for d in range(1, 7)]
    path = folder / "departements.csv.gz"
    path.write_bytes(gzip.compress(csv_text(rows, ",").encode("utf-8")))
    return path, Expected(path.name, "csv", 6, 1, ["code_departement", "code_region", "partly_empty"], 3,
                          "utf-8", ",", cells={"code_departement": "01"})


def csv_cp1252_french(folder: Path) -> tuple[Path, Expected]:
    """Like the cultural-places file: Excel's French CSV (cp1252, ';', decimal comma, accented header)."""
    faker = fake(2)
    header = ["id_local", "ID producteur du lieu", "nom_lieu", "Département", "surface_m²"]
    rows: list[list[object]] = [header]
    for i in range(25):
        rows.append([f"{i + 1:03d}", siret(faker), f"Théâtre {faker.city()}", f"{faker.random_int(1, 95):02d}",
                     f"{faker.random_int(20, 900)},{faker.random_int(0, 9)}"])
    path = folder / "lieux.csv"
    path.write_bytes(csv_text(rows, ";").encode("cp1252"))
    first = rows[1]
    return path, Expected(path.name, "csv", 25, 1, ["id_local", "ID producteur du lieu"], 5, "cp1252", ";",
                          cells={"id_local": "001", "Département": str(first[3]), "surface_m²": str(first[4])})


def csv_utf8_bom(folder: Path) -> tuple[Path, Expected]:
    """Like the address files: UTF-8 with a BOM, ','; the BOM is not part of the first column's name."""
    faker = fake(3)
    rows = [["cle_interop", "uid_adresse", "voie_nom", "commune_nom"]]
    rows += [[f"{faker.numerify('#####')}_{i:04d}", "", faker.street_name(), faker.city()] for i in range(15)]
    path = folder / "adresses.csv"
    path.write_text(csv_text(rows, ","), encoding="utf-8-sig")
    return path, Expected(path.name, "csv", 15, 1, ["cle_interop", "uid_adresse"], 4, "utf-8-sig", ",",
                          cells={"cle_interop": rows[1][0]})


def csv_ragged(folder: Path) -> tuple[Path, Expected]:
    """Like c_test_file.csv: a data row with more cells than the header is read, with a warning."""
    path = folder / "ragged.csv"
    path.write_text("colmmun A;columnB\n1;2;3\n", encoding="utf-8")
    return path, Expected(path.name, "csv", 1, 1, ["colmmun A", "columnB"], 3, "utf-8", ";",
                          warns=("pas autant de cellules que l'en-tête",))


def csv_multiline(folder: Path) -> tuple[Path, Expected]:
    """Like StEtienne.csv: many quoted cells with line breaks; each row is numbered by its first line."""
    faker = fake(4)
    rows = [["ID", "nomArch", "descContenu", "mlEntree"]]
    for i in range(120):
        text = "\n".join(faker.sentence() for _ in range(1 + i % 3))
        rows.append([str(i + 1), faker.last_name(), text, f"{i % 9},5"])
    path = folder / "registre.csv"
    path.write_text(csv_text(rows, ","), encoding="utf-8")
    return path, Expected(path.name, "csv", 120, 1, ["ID", "nomArch"], 4, "utf-8", ",",
                          cells={"ID": "1", "mlEntree": "0,5"})


# --- workbooks ----------------------------------------------------------------------------------

def write_xlsx(path: Path, sheets: dict[str, Sequence[Sequence[object]]]) -> Path:
    """An .xlsx with the given sheets in order (an empty row list is a blank row)."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    book.save(path)
    return path


def xlsx_notice_then_data(folder: Path) -> tuple[Path, Expected]:
    """Like file.xlsx: a notice sheet first; the data sheet has a blank first row; codes kept as text."""
    faker = fake(5)
    notice = [["Ce fichier présente les impositions locales."], ["Source : DGFiP"]]
    data: list[list[object]] = [[], ["dep", "DEPDIR", "DEPCOM", "LIBCOM", "TAUX"]]
    data += [["01", "010", f"01{i + 1:03d}", faker.city(), 12.5 + i] for i in range(5)]
    path = write_xlsx(folder / "rei.xlsx", {"Notice": notice, "REI_1987": data})
    return path, Expected(path.name, "xlsx", 5, 2, ["dep", "DEPDIR", "DEPCOM"], 5, sheet="REI_1987",
                          cells={"dep": "01", "DEPDIR": "010", "DEPCOM": "01001", "TAUX": "12.5"},
                          skipped={"blank": (1,)})


def xlsx_numbers_for_codes(folder: Path) -> tuple[Path, Expected]:
    """Like SCDL_WITH_EXERCICE_ALT.xlsx's Sheet1: SIRET and years stored as numbers read as plain digits."""
    faker = fake(6)
    rows: list[list[object]] = [["nomAttribuant", "idBeneficiaire", "Année de la demande", "montant"]]
    rows += [[f"Commune de {faker.city()}", 99000000000001 + i, 2023, 1500.5 * (i + 1)] for i in range(3)]
    path = write_xlsx(folder / "subventions.xlsx", {"Sheet1": rows})
    return path, Expected(path.name, "xlsx", 3, 1, ["nomAttribuant", "idBeneficiaire"], 4, sheet="Sheet1",
                          cells={"idBeneficiaire": "99000000000001", "Année de la demande": "2023",
                                 "montant": "1500.5"})


def xlsx_blank_rows_and_footer(folder: Path) -> tuple[Path, Expected]:
    """Like SCDL_WITH_EXERCICE_ALT.xlsx's Feuil1: two blank rows, the header on row 3, a footer note."""
    rows = [[], [], ["nomAttribuant", "Nombre de SIRET du bénéficiaire"], ["Département du Nord", 3],
            ["Source : extraction du 12/01/2024"]]
    path = write_xlsx(folder / "synthese.xlsx", {"Feuil1": rows})
    return path, Expected(path.name, "xlsx", 1, 3, ["nomAttribuant", "Nombre de SIRET du bénéficiaire"], 2,
                          sheet="Feuil1", skipped={"blank": (1, 2), "footer": (5,)},
                          options=ReadOptions(sheet="Feuil1"))


def xlsx_dates_and_text_dates(folder: Path) -> tuple[Path, Expected]:
    """Like SUBVENTIA.xlsx: a real date column beside a date typed as text; both kept as the user sees them."""
    faker = fake(7)
    rows: list[list[object]] = [["Financeur Principal", "SIRET - Demandeur", "Date - Décision", "Date limite",
                                 "annee_demande"]]
    rows += [[faker.company(), siret(faker), dt.datetime(2022, 11, 13) + dt.timedelta(days=i), "01/01/2022", 2022]
             for i in range(12)]
    path = write_xlsx(folder / "decisions.xlsx", {"Sheet1": rows})
    return path, Expected(path.name, "xlsx", 12, 1, ["Financeur Principal", "SIRET - Demandeur"], 5,
                          sheet="Sheet1", cells={"Date - Décision": "2022-11-13", "Date limite": "01/01/2022",
                                                 "annee_demande": "2022"})


def xlsx_text_zeros(folder: Path) -> tuple[Path, Expected]:
    """Like fonjep.xlsx's Tiers sheet: '00000' typed as text keeps its zeros; a later sheet is chosen by name."""
    faker = fake(8)
    tiers = [["Code", "RaisonSociale", "SiretOuRidet", "CodePostal"],
             [1, faker.company(), "00000000000000", "00000"], [2, faker.company(), siret(faker), "02100"]]
    versement = [["PosteCode", "PeriodeDebut", "MontantAPayer"], ["P1", dt.datetime(2017, 1, 1), 1777]]
    path = write_xlsx(folder / "fonjep_like.xlsx", {"Tiers": tiers, "Versement": versement})
    return path, Expected(path.name, "xlsx", 2, 1, ["Code", "RaisonSociale"], 4, sheet="Tiers",
                          cells={"Code": "1", "SiretOuRidet": "00000000000000", "CodePostal": "00000"},
                          options=ReadOptions(sheet="Tiers"))


def xls_legacy(folder: Path) -> tuple[Path, Expected]:
    """Like SuiviDossiers_test.xls: a legacy .xls (BIFF8) with zero-led codes typed as text."""
    import xlwt

    faker = fake(9)
    book = xlwt.Workbook()
    sheet = book.add_sheet("SuiviDossiers")
    header = ["Dossier - Service", "Association - N° Siret", "Association - Code Postal", "Montant"]
    for col, name in enumerate(header):
        sheet.write(0, col, name)
    for row in range(1, 3):
        sheet.write(row, 0, f"Service {faker.city()}")
        sheet.write(row, 1, "12000000000018")
        sheet.write(row, 2, "00000")
        sheet.write(row, 3, 2500.0)
    path = folder / "suivi.xls"
    book.save(str(path))
    return path, Expected(path.name, "xls", 2, 1, ["Dossier - Service", "Association - N° Siret"], 4,
                          sheet="SuiviDossiers",
                          cells={"Association - N° Siret": "12000000000018", "Association - Code Postal": "00000",
                                 "Montant": "2500"})


#: An .ods cell: text, None (empty), or (value type, value, shown text) such as ("float", "2012", "2012").
OdsCell = str | None | tuple[str, str, str]


def write_ods(path: Path, sheet_name: str, rows: Sequence[Sequence[OdsCell]], *, blank_tail: int = 0) -> Path:
    """An .ods of one sheet. Text starting with spaces is written with ``<text:s/>`` as LibreOffice does;
    ``blank_tail`` adds one repeated empty row element (LibreOffice writes ~1M of them after the data)."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P, S

    doc = OpenDocumentSpreadsheet()
    sheet = Table(name=sheet_name)
    for cells in rows:
        line = TableRow()
        for c in cells:
            if c is None:
                cell = TableCell()
            elif isinstance(c, tuple):
                kind, value, shown = c
                cell = TableCell(valuetype=kind, **({"datevalue": value} if kind == "date" else {"value": value}))
                cell.addElement(P(text=shown))
            else:
                cell = TableCell(valuetype="string")
                p = P()
                spaces = len(c) - len(c.lstrip(" "))
                if spaces:
                    p.addElement(S(c=spaces))
                p.addText(c[spaces:])
                cell.addElement(p)
            line.addElement(cell)
        sheet.addElement(line)
    if blank_tail:
        sheet.addElement(TableRow(numberrowsrepeated=blank_tail))
    doc.spreadsheet.addElement(sheet)
    doc.save(str(path))
    return path


def ods_file(folder: Path, name: str = "ceremonies.ods") -> tuple[Path, Expected]:
    """Like file.ods: an OpenDocument sheet with a year as a number and a date cell shown as dd/mm/yyyy.

    A date-typed cell reads as its ISO value (as in .xlsx); the real file's dates are typed as text.
    """
    rows: list[list[OdsCell]] = [["Année", "Edition", "Date de la cérémonie", "Lieu"]]
    for i in range(3):
        year = 2012 + i
        rows.append([("float", str(year), str(year)), f"{i + 1}e", ("date", f"{year}-05-29", f"29/05/{year}"),
                     "Paris"])
    path = write_ods(folder / name, "Cérémonies", rows)
    return path, Expected(path.name, "ods", 3, 1, ["Année", "Edition", "Date de la cérémonie"], 4,
                          cells={"Année": "2012", "Edition": "1e", "Date de la cérémonie": "2012-05-29"})


def ods_with_spaces(folder: Path) -> tuple[Path, Expected]:
    """Like helios.fixture.ods: cells starting with spaces (``<text:s/>``), a 14-digit code stored as a
    number, and LibreOffice's block of ~1M repeated empty rows after the data (not rows)."""
    faker = fake(11)
    rows: list[list[OdsCell]] = [["ID", "CODE_DEPARTEMENT", "CODE_INSEE_BC", "LIBELLE"]]
    for i in range(7):
        rows.append([("float", str(i + 1), str(i + 1)), "49", ("float", "99000000000001", "99000000000001"),
                     "  " + faker.city()])
    path = write_ods(folder / "helios_like.ods", "Feuille1", rows, blank_tail=1_048_567)
    return path, Expected(path.name, "ods", 7, 1, ["ID", "CODE_DEPARTEMENT"], 4,
                          cells={"CODE_DEPARTEMENT": "49", "CODE_INSEE_BC": "99000000000001"})


def ods_named_xls(folder: Path) -> tuple[Path, Expected]:
    """Like csv-detective's file.xls: an .ods saved with an .xls name is read by its content."""
    return ods_file(folder, "ceremonies.xls")


#: The twins of the real files of tests/core/io/test_io_real_files.py, by the layout they stand for.
READ_TWINS: dict[str, Builder] = {
    "repeated-header-csv": csv_repeated_header,
    "gzip-csv": csv_gzip,
    "cp1252-semicolon-decimal-comma": csv_cp1252_french,
    "utf8-bom-csv": csv_utf8_bom,
    "ragged-csv": csv_ragged,
    "multiline-csv": csv_multiline,
    "notice-sheet-then-data": xlsx_notice_then_data,
    "numbers-for-codes-xlsx": xlsx_numbers_for_codes,
    "blank-rows-and-footer-xlsx": xlsx_blank_rows_and_footer,
    "dates-and-text-dates-xlsx": xlsx_dates_and_text_dates,
    "text-zeros-xlsx": xlsx_text_zeros,
    "legacy-xls": xls_legacy,
    "ods": ods_file,
    "ods-named-xls": ods_named_xls,
    "ods-spaces-and-blank-tail": ods_with_spaces,
}


def csv_quoted_semicolons(folder: Path) -> Path:
    """Like schemas/dispositif-aide/exemple.csv: ',' separated, but long quoted texts full of ';' and
    line breaks (a line-by-line sniffer picks ';')."""
    faker = fake(10)
    header = ["id", "titre", "eligibilite", "date_mise_a_jour"]
    text = "• Le porteur du projet est une collectivité ; \n• " + " ; ".join(faker.sentence() for _ in range(6))
    row = [faker.uuid4(), "Aide à l'investissement ; équipements", text, "2025-10-15T15:00:00Z"]
    path = folder / "dispositif.csv"
    path.write_text(csv_text([header, row], ","), encoding="utf-8")
    return path


def csv_space_after_comma(folder: Path) -> Path:
    """Like schemas/dae/exemple_invalide.csv: ', ' between cells, quoted cells holding commas, a header
    name written with leading spaces."""
    lines = ['nom, lat_coor1,   fab_rais, disp_j, disp_h',
             'Mairie, 48.8521329, "Defibtech", "mardi, mercredi, jeudi, vendredi", test',
             'Gymnase, 45.75, "Schiller", "lundi", "8h-12h, 14h-18h"']
    path = folder / "dae.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def parquet_file(folder: Path) -> Path:
    """A Parquet file (csv-detective's file.parquet): not a format CapNum reads."""
    import pandas as pd

    path = folder / "file.parquet"
    pd.DataFrame({"code": ["01", "02"], "n": [1, 2]}).to_parquet(path)
    return path


# --- schema examples ------------------------------------------------------------------------------

def luhn_complete(prefix: str) -> str:
    """``prefix`` plus the check digit that makes the whole number pass the Luhn test."""
    for last in "0123456789":
        number = prefix + last
        total = sum(int(d) if i % 2 == 0 else sum(divmod(int(d) * 2, 10)) for i, d in enumerate(reversed(number)))
        if total % 10 == 0:
            return number
    raise AssertionError("unreachable: one check digit always fits")


def luhn_siret(faker: Faker) -> str:
    """A SIRET-shaped number whose SIREN (9 digits) and SIRET (14) both pass the Luhn test, as the SCDL
    custom check requires (a made-up number, not a real establishment)."""
    siren = luhn_complete(faker.numerify("#" * 8))
    return luhn_complete(siren + faker.numerify("####"))


SUBVENTIONS_HEADER = ("nomAttribuant", "idAttribuant", "dateConvention", "referenceDecision", "nomBeneficiaire",
                      "idBeneficiaire", "rnaBeneficiaire", "objet", "montant", "nature", "conditionsVersement",
                      "datesPeriodeVersement", "idRAE", "notificationUE", "pourcentageSubvention")


def subventions_csv(folder: Path, *, cell_errors: bool = False, french: bool = False, column_errors: bool = False,
                    rows: int = 6, seed: int = 12) -> Path:
    """Like scdl-subventions/exemples/exemple_valide.csv (``cell_errors=False``) or
    exemple_invalide_erreurs_cellules.csv: the SCDL subsidies layout, one row per grant.

    With ``cell_errors`` some cells break the schema in ways preparation cannot fix (a SIRET whose
    checksum fails, a truncated RNA number, a share above 100 %) beside one it converts (a French date).
    ``french`` writes dates, decimals and booleans the French way (dd/mm/yyyy, « 1000,50 », « Non »), which
    the preparation converts; ``column_errors`` drops a required column and adds an unknown one, like
    exemple_invalide_erreurs_colonnes.csv.
    """
    faker = fake(seed)
    town = faker.city()
    attribuant = luhn_siret(faker)
    lines: list[list[str]] = [list(SUBVENTIONS_HEADER)]
    for i in range(rows):
        day = dt.date(2016, 12, 5) + dt.timedelta(days=i)
        lines.append([f"Ville de {town}", attribuant, day.isoformat(), f"2016-{391 + i:04d}",
                      f"Association {faker.last_name()}", luhn_siret(faker), f"W{faker.numerify('#' * 9)}",
                      f"Soutien au festival {faker.word()}", str(1000 * (i + 1)), "aide en numéraire", "unique",
                      f"{day.isoformat()}/{day.replace(year=2017).isoformat()}", "", "non", "0.8"])
    if french:
        for line in lines[1:]:
            line[2] = dt.date.fromisoformat(line[2]).strftime("%d/%m/%Y")
            line[8] = line[8] + ",50"
            line[13] = "Non"
            line[14] = "0,8"
    if cell_errors:
        lines[1][5] = lines[1][5][:-1] + str((int(lines[1][5][-1]) + 1) % 10)  # checksum broken
        lines[2][6] = "W3222"  # too short for ^W\d{9}$
        lines[3][14] = "80"  # a percentage, not a share of 1
        lines[4][2] = "05/12/2016"  # a French date: converted by preparation
    if column_errors:
        for line in lines:
            del line[8]  # montant, required
            line.append("commentaire" if line is lines[0] else faker.word())
    name = "erreurs" if cell_errors else "colonnes" if column_errors else "francais" if french else "valide"
    path = folder / f"subventions_{name}.csv"
    path.write_text(csv_text(lines, ","), encoding="utf-8")
    return path


def broken_siret(faker: Faker) -> str:
    """A 14-digit number whose SIRET check digit is wrong (a typo the validator must catch)."""
    good = luhn_siret(faker)
    return good[:-1] + str((int(good[-1]) + 1) % 10)


def subventions_human_labels(folder: Path) -> Path:
    """Like real-files/api-subventions-asso/SCDL_DILCRAH_2019.csv: the SCDL subsidies written with the
    legal labels (« Nom attributaire* »…) instead of field names, ';' with spaces around the labels, an
    « Ã  » left by a wrong encoding in one label, and 8 cell errors: the grantor's SIRET (the same wrong
    number on all 4 rows) and each beneficiary's SIRET fail their check digit."""
    faker = fake(13)
    header = [" Nom attributaire* ", " Identification de l'attributaire* ", "Date de convention*",
              " Référence de la décision ", " Nom du bénéficiaire* ", " Identification du bénéficiaire* ",
              " Objet de la convention ", " Montant total de la subvention* ", " Nature de la subvention* ",
              " Conditions de versement* ", " Date de versement ",
              " Numéro de référencement au répertoire des entreprises ", " Aide notifiée Ã  l'Europe ",
              " Pourcentage du montant de la subvention attribué au bénéficiaire* "]
    rows: list[list[str]] = [header]
    for i in range(4):
        day = dt.date(2019, 5, 10) + dt.timedelta(days=40 * i)
        rows.append(["SPM - DILCRAH", "12000123400023", day.isoformat(), str(2102661732 + i), f"ANNO_{i + 1}",
                     broken_siret(faker), faker.sentence(nb_words=12), str(5000 * (i + 1)), "aide en numéraire",
                     "UNIQUE", (day + dt.timedelta(days=10)).isoformat(), "Non", "non", "1.00"])
    path = folder / "SCDL_subventions_2019.csv"
    path.write_text(csv_text(rows, ";"), encoding="utf-8")
    return path


def reserve_parlementaire_csv(folder: Path, rows: int = 120) -> Path:
    """Like real-files/reserve-parlementaire-bercy/1409-Senat-reserve-2013-autre.csv: UTF-8, ',' with every
    cell quoted, accented header names, senators' names and sex (personal data), amounts in euros."""
    faker = fake(14)
    header = ["bénéficiaire", "département", "montant versé en 2013 (€)", "nature de la subvention",
              "attributeur", "prénom", "nom", "sexe"]
    lines: list[list[str]] = [header]
    for _ in range(rows):
        sex = faker.random_element(["F", "H"])
        first = faker.first_name_female() if sex == "F" else faker.first_name_male()
        last = faker.last_name()
        lines.append([f"Commune de {faker.city()}", faker.department_name(), str(faker.random_int(1000, 90000)),
                      "Investissement", f"{first} {last.upper()}", first, last, sex])
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=",", quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(lines)
    path = folder / "reserve-2013.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def archives_register_csv(folder: Path, rows: int = 60) -> Path:
    """Like real-files/archives-registre-entrees/Avignon.csv: text cells quoted, numbers not, French dates
    (dd/mm/yyyy), linear metres with a decimal comma, « NA » for unknown values (unquoted)."""
    faker = fake(15)
    header = ["ID", "nomArch", "coteArch", "dateEntree", "servProd", "descContenu", "mlEntree", "nbreArt"]
    out = [",".join(f'"{h}"' for h in header)]
    for i in range(rows):
        day = dt.date(2003, 1, 21) + dt.timedelta(days=3 * i)
        serv = "NA" if i % 3 == 0 else f'"{faker.company()}"'
        out.append(f'{i + 1},"Archives municipales de {faker.city()}","{i + 700}W","{day:%d/%m/%Y}",{serv},'
                   f'"{faker.sentence()}","{i % 7},{(i * 3) % 10}",{i % 12 + 1}')
    path = folder / "registre_entrees.csv"
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def non_strict_schema(folder: Path, name: str = "Arbres urbains") -> Path:
    """Like reference/schemas/arbres (« Arbres urbains ») and dae (« DAE ») schema.json: a published Table
    Schema whose ``name`` breaks the standard's ``^([-a-z0-9._/])+$`` (spaces, capitals), which
    frictionless 5 refuses to load; CapNum loads it with one French warning."""
    descriptor = {
        "name": name,
        "title": f"Schéma {name}",
        "fields": [
            {"name": "identifiant", "type": "string", "constraints": {"required": True}},
            {"name": "date_releve", "type": "date", "constraints": {"required": False}},
            {"name": "hauteur", "type": "number"},
        ],
    }
    path = folder / "schema.json"
    path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def _example_cell(value: object) -> str:
    """A field's ``example`` as a CSV cell (JSON spelling for booleans and numbers: ``true``, ``12.5``)."""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def schema_example_csv(folder: Path, descriptor: dict[str, object], *, broken: bool = False) -> Path:
    """A one-row file made of each field's ``example`` in a published schema: a stand-in for that
    schema's official example file (reference/schemas/<schema>/exemple-valide.csv). With ``broken``,
    the first field whose type or constraints can refuse text gets a value it must refuse."""
    fields = descriptor["fields"]
    assert isinstance(fields, list) and all("example" in f for f in fields), "every field needs an example"
    row = [_example_cell(f["example"]) for f in fields]
    if broken:
        strict = next(i for i, f in enumerate(fields)
                      if f.get("type", "string") != "string" or {"pattern", "enum"} & set(f.get("constraints") or {}))
        row[strict] = "valeur incorrecte ?"
    path = folder / ("exemple-invalide.csv" if broken else "exemple-valide.csv")
    path.write_text(csv_text([[str(f["name"]) for f in fields], row], ","), encoding="utf-8")
    return path


def prenoms_csv(folder: Path, *, invalid: bool = False, rows: int = 30) -> Path:
    """Like reference/schemas/scdl-prenoms/examples/prenoms-nouveaux-nes_exemple-valide.csv (and
    -invalide.csv): first names given to newborns in a commune, per sex and year (Faker fr_FR names).
    ``invalid`` breaks a sex code, an INSEE code and a count, as the published invalid example does."""
    faker = fake(17)
    town = faker.city()
    lines: list[list[str]] = [["COMMUNE_NOM", "COLL_INSEE", "ENFANT_SEXE", "ENFANT_PRENOM", "NOMBRE_OCCURRENCES",
                               "ANNEE"]]
    names: set[tuple[str, str]] = set()
    while len(names) < rows:
        sex = faker.random_element(["M", "F"])
        names.add((sex, faker.first_name_male() if sex == "M" else faker.first_name_female()))
    for sex, name in sorted(names):
        lines.append([town.split("-")[0], "35238", sex, name.split(" ")[0].split("-")[0],
                      str(faker.random_int(1, 400)), "2016"])
    if invalid:
        lines[1][2], lines[2][1], lines[3][4] = "Garçon", "352380", "0"
    path = folder / ("prenoms-invalide.csv" if invalid else "prenoms-valide.csv")
    path.write_text(csv_text(lines, ","), encoding="utf-8")
    return path
