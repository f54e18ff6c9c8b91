"""Every real file in ../shared/reference opens with the right header, row count, encoding and zeros.

The expected values were checked by hand (text editor, Python's csv module, calamine's raw cells)
before being written here; see the comments for what each file is about.
"""

from __future__ import annotations

import csv
import gzip
import io
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from capnum_desktop.core.io import ReadOptions, list_sheets, read_table
from tests.conftest import reference


@dataclass
class Expected:
    path: str
    format: str
    rows: int
    header_line: int
    first_columns: list[str]
    n_columns: int
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    cells: dict[str, str] = field(default_factory=dict)  # column -> exact value in the first data row
    skipped: dict[str, tuple[int, ...]] = field(default_factory=dict)
    warns: tuple[str, ...] = ()
    options: ReadOptions | None = None


RF = "real-files"
CD = "csv-detective/tests-data"

FILES = [
    # header repeated on lines 1-3: the last copy is the header
    Expected(
        f"{CD}/a_test_file.csv",
        "csv",
        404,
        3,
        ["NUMCOM", "NOMCOM"],
        11,
        "utf-8",
        ";",
        cells={"NUMCOM": "01001", "NUMDEP": "1"},
        skipped={"title": (1, 2)},
    ),
    Expected(
        f"{CD}/b_test_file.csv",
        "csv",
        6,
        1,
        ["code_departement", "code_region", "partly_empty"],
        3,
        "utf-8",
        ",",
        cells={"code_departement": "01"},
    ),
    Expected(f"{CD}/c_test_file.csv", "csv", 1, 1, ["colmmun A", "columnB", "colonne_3"], 3, "utf-8", ";",
             warns=("pas autant de cellules que l'en-tête",)),  # its data row has 3 cells, the header 2
    Expected(f"{CD}/csv_file", "csv", 6, 1, ["code_departement", "code_region"], 2, "utf-8", ","),
    Expected(
        f"{CD}/file.csv.gz",
        "csv",
        6,
        1,
        ["code_departement", "code_region", "partly_empty"],
        3,
        "utf-8",
        ",",
        cells={"code_departement": "01"},
    ),
    Expected(
        f"{CD}/file.ods",
        "ods",
        3,
        1,
        ["Année", "Edition", "Date de la cérémonie"],
        5,
        cells={"Année": "2012", "Date de la cérémonie": "29/05/2012"},
    ),
    # an ODS file named .xls: read by its content
    Expected(
        f"{CD}/file.xls",
        "ods",
        5,
        1,
        ["NOM (FONDATION)", "OBJET"],
        8,
        cells={"CP": "75005", "DATE DE RECONNAISSANCE D'UTILITE PUBLIQUE": "1906-05-16"},
    ),
    # a notice sheet first; the data sheet's header is on row 2 after a blank row
    Expected(
        f"{CD}/file.xlsx",
        "xlsx",
        5,
        2,
        ["dep", "DEPDIR", "DDC"],
        36,
        sheet="REI_1987",
        cells={"dep": "01", "DEPDIR": "010", "DEPCOM": "01001"},
        skipped={"blank": (1,)},
    ),
    Expected(
        f"{CD}/xlsx_file",
        "xlsx",
        5,
        1,
        ["dep", "DEPDIR", "DDC"],
        36,
        sheet="REI_1987",
        cells={"DDC": "010001"},
    ),
    Expected(
        f"{RF}/api-subventions-asso/SCDL_DILCRAH_2019.csv",
        "csv",
        4,
        1,
        ["Nom attributaire*"],
        14,
        "utf-8",
        ";",
        cells={"Identification de l'attributaire*": "12000123400023"},
        warns=("mal décodés",),
    ),
    Expected(
        f"{RF}/api-subventions-asso/fixture.csv",
        "csv",
        3,
        1,
        ["nomAttribuant", "idAttribuant"],
        17,
        "utf-8",
        ",",
        cells={"idAttribuant": "21060004500012", "dates_versement": "2024-01-25;2024-03-29"},
    ),
    # summary sheet first (header on row 3); the data is on Sheet1; SIRET stored as numbers
    Expected(
        f"{RF}/api-subventions-asso/SCDL_WITH_EXERCICE_ALT.xlsx",
        "xlsx",
        3,
        1,
        ["nomAttribuant", "idBeneficiaire"],
        18,
        sheet="Sheet1",
        cells={"idBeneficiaire": "99000000000001", "Année de la demande": "2023"},
    ),
    Expected(
        f"{RF}/api-subventions-asso/SCDL_WITH_EXERCICE_ALT.xlsx",
        "xlsx",
        1,
        3,
        ["nomAttribuant", "Nombre de SIRET du bénéficiaire"],
        2,
        sheet="Feuil1",
        skipped={"blank": (1, 2), "footer": (5,)},
        options=ReadOptions(sheet="Feuil1"),
    ),
    # a real date column and a text date column side by side
    Expected(
        f"{RF}/api-subventions-asso/SUBVENTIA.xlsx",
        "xlsx",
        48,
        1,
        ["Financeur Principal", "annee_demande"],
        15,
        sheet="Sheet1",
        cells={
            "SIRET - Demandeur": "77865718306041",
            "Date - Décision": "2022-11-13",
            "Date limite de début de réalisation": "01/01/2022",
            "annee_demande": "2022",
        },
    ),
    Expected(
        f"{RF}/api-subventions-asso/fonjep.xlsx",
        "xlsx",
        8,
        1,
        ["PosteCode", "PeriodeDebut"],
        6,
        sheet="Versement",
        cells={"PeriodeDebut": "2017-01-01", "MontantAPayer": "1777"},
    ),
    # text zeros ('00000' typed as text) survive
    Expected(
        f"{RF}/api-subventions-asso/fonjep.xlsx",
        "xlsx",
        2,
        1,
        ["Code", "RaisonSociale"],
        9,
        sheet="Tiers",
        cells={"Code": "1", "SiretOuRidet": "00000000000000", "CodePostal": "00000"},
        options=ReadOptions(sheet="Tiers"),
    ),
    Expected(
        f"{RF}/api-subventions-asso/helios.fixture.ods",
        "ods",
        7,
        1,
        ["ID", "CODE_DEPARTEMENT"],
        18,
        cells={"CODE_DEPARTEMENT": "49", "CODE_INSEE_BC": "99000000000001", "DATE_EMISSION": "10/06/2025"},
    ),
    # cover sheets before the data; codes stored as text keep their zeros
    Expected(
        f"{RF}/api-subventions-asso/new-chorus-export.xlsx",
        "xlsx",
        7,
        1,
        ["N° EJ", "N° poste EJ"],
        20,
        sheet="1. Extraction",
        cells={"N° EJ": "0001821732", "Exercice comptable": "2024"},
    ),
    # legacy .xls with a band of group names above the labels
    Expected(
        f"{RF}/api-subventions-asso/SuiviDossiers_test.xls",
        "xls",
        2,
        1,
        ["Dossier - Service", "Dossier - N° programme / Type financement"],
        55,
        sheet="SuiviDossiers_ANS",
        cells={"Association - N° Siret": "12000000000018", "Association - Code Postal": "00000"},
    ),
    Expected(
        f"{RF}/archives-registre-entrees/Avignon.csv",
        "csv",
        1269,
        1,
        ["ID", "nomArch"],
        13,
        "utf-8",
        ",",
        cells={"servProd": "NA", "mlEntree": "7,5"},
    ),
    Expected(
        f"{RF}/archives-registre-entrees/StEtienne.csv",
        "csv",
        3932,
        1,
        ["ID", "nomArch"],
        13,
        "utf-8",
        ",",
        cells={"ID": "3000", "dateEntree": "09/04/1974"},
    ),
    Expected(
        f"{RF}/hydra-tests/20190618-annuaire-diagnostiqueurs_compressed.csv.gz",
        "csv",
        29,
        1,
        ["Nom", "Prenom"],
        15,
        "utf-8",
        ";",
        cells={"CP": "59650", "email": "null"},
    ),
    Expected(
        f"{RF}/hydra-tests/donnee-dep-data.gouv-2022-geographie2023-produit-le2023-07-17.csv.gz",
        "csv",
        9898,
        1,
        ["classe", "annee", "Code.département"],
        11,
        "utf-8-sig",
        ";",
        cells={"Code.département": "01", "annee": "16", "LOG": "308491,1600513844"},
    ),
    # zeros already lost upstream: nothing is invented
    Expected(
        f"{RF}/parrainages-communes-2022/codesinseecommunesgeolocalisees.csv",
        "csv",
        36569,
        1,
        ["Insee", "Nom"],
        8,
        "utf-8",
        ",",
        cells={"Insee": "1001", "code_postal": "1400"},
    ),
    Expected(
        f"{RF}/reserve-parlementaire-bercy/1409-Senat-reserve-2013-autre.csv",
        "csv",
        887,
        1,
        ["bénéficiaire", "département"],
        16,
        "utf-8",
        ",",
        cells={"montant versé en 2013 (€)": "500"},
    ),
    Expected(
        f"{RF}/rna-as-api/reencode_test.csv",
        "csv",
        9,
        1,
        ["id", "id_ex", "siret"],
        26,
        "utf-8",
        ";",
        cells={"id_ex": "00085568", "date_publi": "0001-01-01"},
        warns=("caractère de remplacement",),
    ),
    Expected(
        f"{RF}/schema-decp-dpa/decp-dpa.csv",
        "csv",
        19,
        1,
        ["siretAcheteur", "urlProfilAcheteur"],
        4,
        "utf-8",
        ";",
        cells={"siretAcheteur": "69201865800074"},
        warns=("notation scientifique",),
    ),
    Expected(
        f"{RF}/transport-site-bnlc/csv_latin1.csv",
        "csv",
        60,
        1,
        ["id_local", "ID producteur du lieu"],
        25,
        "cp1252",
        ";",
        cells={"insee": "2A004", "ouvert": "true"},
    ),
    Expected(
        f"{RF}/transport-site-bnlc/csv_utf8.csv",
        "csv",
        37,
        1,
        ["id_local", "nom_lieu"],
        18,
        "utf-8-sig",
        ",",
        cells={"insee": "14630", "source": ""},
    ),
    Expected(
        f"{RF}/validateur-bal/aliases.csv",
        "csv",
        1,
        1,
        ["cle_intero", "uid_adress"],
        14,
        "utf-8",
        ";",
        cells={"commune_in": "67482"},
    ),
    Expected(
        f"{RF}/validateur-bal/sample.csv",
        "csv",
        15,
        1,
        ["cle_interop", "uid_adresse"],
        13,
        "utf-8-sig",
        ";",
        cells={"cle_interop": "A7482_6956_11", "x": "1049409.0"},
    ),
]


def _id(e: Expected) -> str:
    return e.path.rsplit("/", 1)[-1] + (f"[{e.options.sheet}]" if e.options and e.options.sheet else "")


@pytest.mark.parametrize("expected", FILES, ids=_id)
def test_real_file(expected: Expected) -> None:
    check_read(reference(*expected.path.split("/")), expected)


def check_read(path: Path, expected: Expected) -> None:
    """The assertions of :func:`test_real_file` (tests/generated.py's twins run them on made files)."""
    table = read_table(path, expected.options)
    src = table.source
    assert src.format == expected.format
    assert table.row_count == expected.rows
    assert src.header_line == expected.header_line
    assert table.columns[: len(expected.first_columns)] == expected.first_columns
    assert len(table.columns) == expected.n_columns
    assert len(set(table.columns)) == len(table.columns)
    assert src.encoding == expected.encoding
    assert src.delimiter == expected.delimiter
    if expected.sheet:
        assert src.sheet == expected.sheet
    first = table.df.iloc[0] if table.row_count else None
    for column, value in expected.cells.items():
        assert first is not None and first[column] == value, column
    reasons = {s.reason: s.lines for s in src.skipped}
    for reason, lines in expected.skipped.items():
        assert reasons.get(reason) == lines
    for words in expected.warns:
        assert any(words in w for w in src.warnings), words
    if not expected.warns:
        assert src.warnings == ()
    # every cell is text, never NaN/None
    assert all(isinstance(v, str) for col in table.df.columns for v in table.df[col].head(50))


CSV_FILES = [e for e in FILES if e.format == "csv"]


@pytest.mark.parametrize("expected", CSV_FILES, ids=_id)
def test_csv_row_numbers_are_source_lines(expected: Expected) -> None:
    """Each row's number is the line where its record starts (Python's csv module as the referee)."""
    check_row_numbers(reference(*expected.path.split("/")), expected)


def check_row_numbers(path: Path, expected: Expected) -> None:
    raw = path.read_bytes()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    text = raw.decode("cp1252" if expected.encoding == "cp1252" else "utf-8-sig")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=expected.delimiter)
    starts, line = [], 1
    for record in reader:
        if any(c.strip() for c in record):
            starts.append(line)
        line = reader.line_num + 1
    table = read_table(path)
    skipped = {n for s in table.source.skipped for n in s.lines}
    expected_rows = [n for n in starts if n > table.source.header_line and n not in skipped]
    assert table.row_numbers == expected_rows


def test_multiline_cells_keep_line_numbers() -> None:
    """StEtienne.csv: ~1,000 cells with line breaks; the last record starts on line 6,419 - its span."""
    table = read_table(reference("real-files", "archives-registre-entrees", "StEtienne.csv"))
    assert table.df["descContenu"].str.contains("\n").sum() > 100
    numbers = table.row_numbers
    assert numbers == sorted(numbers) and numbers[-1] > 3933


def test_list_sheets_on_real_workbooks() -> None:
    assert list_sheets(reference("real-files", "api-subventions-asso", "fonjep.xlsx")) == [
        "Tiers",
        "Poste",
        "Versement",
        "TypePoste",
        "Dispositif",
    ]
    assert list_sheets(reference("csv-detective", "tests-data", "file.xls")) == ["FRUP_au_1er_avril_2021"]
    assert list_sheets(reference("real-files", "transport-site-bnlc", "csv_utf8.csv")) == []


def test_parquet_is_refused_politely() -> None:
    from capnum_desktop.core.errors import UnsupportedFormatError

    with pytest.raises(UnsupportedFormatError):
        read_table(reference("csv-detective", "tests-data", "file.parquet"))


def test_xls_fallback_reader_gives_the_same_table(monkeypatch: pytest.MonkeyPatch) -> None:
    """When calamine refuses an .xls, xlrd reads it: same header, rows and cells."""

    check_xls_fallback(reference("real-files", "api-subventions-asso", "SuiviDossiers_test.xls"), monkeypatch)


def check_xls_fallback(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from capnum_desktop.core.errors import InputFileError
    from capnum_desktop.core.io import workbook

    expected = read_table(path)

    def refuse(*args: object, **kwargs: object) -> None:
        raise InputFileError("calamine ne sait pas lire ce fichier")

    monkeypatch.setattr(workbook, "_read_grid", refuse)
    table = read_table(path)
    assert table.columns == expected.columns
    assert table.row_numbers == expected.row_numbers
    assert table.df.equals(expected.df)
    assert any("xlrd" in w for w in table.source.warnings)


@pytest.mark.parametrize("expected", FILES, ids=_id)
def test_read_again_with_detected_options(expected: Expected) -> None:
    """ReadOptions.from_source(table.source) reads the file again the same way (recipes rely on it)."""
    check_read_again(reference(*expected.path.split("/")), expected)


def check_read_again(path: Path, expected: Expected) -> None:
    first = read_table(path, expected.options)
    options = ReadOptions.from_source(first.source)
    again = read_table(path, ReadOptions.from_dict(options.to_dict()))
    assert again.columns == first.columns
    assert again.df.equals(first.df)
    assert again.source.header_line == first.source.header_line
