"""Generated messy files (Faker fr_FR): what a bureau's exports look like, checked cell by cell."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
from faker import Faker
from openpyxl import Workbook
from openpyxl.styles import Font

from capnum_desktop.core.errors import Cancelled
from capnum_desktop.core.io import ReadOptions, read_table
from capnum_desktop.core.jobs import CancelToken


def _people(n: int, seed: int = 7) -> list[dict[str, str]]:
    fake = Faker("fr_FR")
    Faker.seed(seed)
    rng = random.Random(seed)
    out = []
    for i in range(n):
        out.append(
            {
                "nom": fake.last_name(),
                "prenom": fake.first_name(),
                "cp": f"{rng.choice([1000, 2100, 6000, 75001, 97400, 9000]) + rng.randint(0, 99):05d}",
                "montant": f"{rng.randint(0, 99999)},{rng.randint(0, 99):02d}",
                "date": f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/20{rng.randint(10, 24)}",
                "commentaire": fake.sentence(nb_words=6) if i % 3 else "",
            }
        )
    return out


def _french_csv(path: Path, people: list[dict[str, str]]) -> dict[int, dict[str, str]]:
    """Title, blank line, header on line 3, an empty line, a multi-line cell, Total + Source footer."""
    lines = [
        "Liste des bénéficiaires - extraction du 05/01/2025;;;;;",
        ";;;;;",
        "Nom;Prénom;Code postal;Montant (€);Date;Commentaire",
    ]
    expected: dict[int, dict[str, str]] = {}
    line = 4  # physical line of the next record
    for i, p in enumerate(people):
        comment = p["commentaire"]
        if i == 4:
            comment = "Première ligne\r\ndeuxième ligne ; avec « guillemets » et œ"
        if i == 10:
            lines.append(";;;;;")  # an empty row inside the data
            line += 1
        quoted = f'"{comment}"' if ";" in comment or "\n" in comment else comment
        expected[line] = {**p, "commentaire": comment}
        line += 1 + comment.count("\n")
        lines.append(f"{p['nom']};{p['prenom']};{p['cp']};{p['montant']};{p['date']};{quoted}")
    lines += ["Total;;;123 456,78;;", "Source : bureau des associations"]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return expected


def test_french_excel_csv(tmp_path: Path) -> None:
    people = _people(40)
    path = tmp_path / "beneficiaires.csv"
    expected = _french_csv(path, people)
    table = read_table(path)
    src = table.source
    assert (src.encoding, src.delimiter, src.header_line) == ("cp1252", ";", 3)
    assert table.columns == ["Nom", "Prénom", "Code postal", "Montant (€)", "Date", "Commentaire"]
    assert table.row_count == 40
    assert table.row_numbers == sorted(expected)
    for line, p in expected.items():
        row = table.df.loc[line]
        assert row.tolist() == [
            p["nom"],
            p["prenom"],
            p["cp"],
            p["montant"],
            p["date"],
            p["commentaire"],  # line breaks inside a cell kept as written (issue 14)
        ]
    reasons = {s.reason: s.lines for s in src.skipped}
    assert reasons["title"] == (1,)
    assert reasons["blank"] == (2,)
    footer = max(expected) + 1
    assert reasons["footer"] == (footer, footer + 1)
    assert len(reasons["empty"]) == 1
    assert all(len(cp) == 5 for cp in table.df["Code postal"])
    # a quick preview reads the same first rows
    preview = read_table(path, max_rows=5)
    assert preview.df.equals(table.df.head(5))


def test_apostrophes_na_and_scientific_ids(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(
        "dep;siret;note;texte\n'49;2,10104E+13;NA;l'été\n'01;21010400000017;null;'bonjour'\n", "utf-8"
    )
    table = read_table(path)
    assert table.df["dep"].tolist() == ["49", "01"]
    assert table.df["note"].tolist() == ["NA", "null"]  # no guessing of missing values here
    assert table.df["texte"].tolist() == ["l'été", "'bonjour'"]
    assert table.df["siret"].tolist() == ["2,10104E+13", "21010400000017"]
    assert any(
        "notation scientifique" in w and "siret" in w and "(ligne 2)" in w for w in table.source.warnings
    )
    assert not any("21010400000017" in w for w in table.source.warnings)  # never a cell value


def test_mojibake_and_late_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "double.csv"
    path.write_text("nom;ville\nHélène;Orléans\nAndrÃ©;Saint-Ã‰tienne\n", "utf-8")
    table = read_table(path)
    assert any("mal décodés" in w and "ville" in w for w in table.source.warnings)

    late = tmp_path / "tardif.csv"
    body = "".join(f"{i};Dupont;Paris\n" for i in range(60_000))  # > 1 MB of pure ASCII
    late.write_bytes(("id;nom;ville\n" + body + "60000;Bézier;Orléans\n").encode("cp1252"))
    table = read_table(late)
    assert table.source.encoding == "cp1252"
    assert table.df["nom"].iloc[-1] == "Bézier"
    assert any("ligne 60002" in w and "Windows-1252" in w for w in table.source.warnings)


@pytest.mark.parametrize(("delimiter", "suffix"), [("\t", ".tsv"), ("|", ".txt"), (",", ".csv")])
def test_other_delimiters(tmp_path: Path, delimiter: str, suffix: str) -> None:
    path = tmp_path / f"f{suffix}"
    path.write_text(
        delimiter.join(["a", "b", "c"])
        + "\n"
        + delimiter.join(['"1,5"' if delimiter == "," else "1,5", "x;y", "007"])
        + "\n",
        "utf-8",
    )
    table = read_table(path)
    assert table.source.delimiter == delimiter
    assert table.df.values.tolist() == [["1,5", "x;y", "007"]]


def test_ragged_rows_and_blank_lines_keep_numbers(tmp_path: Path) -> None:
    path = tmp_path / "ragged.csv"
    path.write_text("a;b;c\n1;2;3\n\n4;5\n6;7;8;9\n\n\n10;11;12\n", "utf-8")
    table = read_table(path)
    assert table.row_numbers == [2, 4, 5, 8]
    assert table.df.values.tolist() == [
        ["1", "2", "3", ""],
        ["4", "5", "", ""],
        ["6", "7", "8", "9"],
        ["10", "11", "12", ""],
    ]
    assert table.columns == ["a", "b", "c", "colonne_4"]


def test_duplicate_and_empty_names(tmp_path: Path) -> None:
    path = tmp_path / "noms.csv"
    path.write_text("Nom;;Nom;Total\nA;B;C;D\n", "utf-8")
    assert read_table(path).columns == ["Nom", "colonne_2", "Nom (2)", "Total"]


def _workbook(path: Path, people: list[dict[str, str]]) -> None:
    """Notes sheet first; title; merged band header over two rows; zero-padded numbers; dates."""
    wb = Workbook()
    notes = wb.active
    notes.title = "Lisez-moi"
    notes["A1"] = "Ce classeur liste les bénéficiaires."
    ws = wb.create_sheet("Bénéficiaires")
    ws["A1"] = "Bénéficiaires 2024"
    ws["A1"].font = Font(bold=True)
    ws["A3"] = "Identité"
    ws.merge_cells("A3:B3")
    ws["C3"] = "Code postal"
    ws["D3"] = "Versement"
    ws.merge_cells("D3:F3")
    ws["A4"], ws["B4"], ws["C4"], ws["D4"], ws["E4"], ws["F4"] = (
        "Nom",
        "Prénom",
        "Code postal",
        "Montant",
        "Date",
        "Heure",
    )
    ws.merge_cells("C3:C4")
    for i, p in enumerate(people):
        r = 5 + i
        ws.cell(r, 1, p["nom"])
        ws.cell(r, 2, p["prenom"])
        ws.cell(r, 3, int(p["cp"])).number_format = "00000"
        ws.cell(r, 4, float(p["montant"].replace(",", ".")))
        day, month, year = (int(x) for x in p["date"].split("/"))
        ws.cell(r, 5, dt.date(year, month, day)).number_format = "DD/MM/YYYY"
        ws.cell(r, 6, dt.datetime(year, month, day, 14, 30)).number_format = "DD/MM/YYYY HH:MM"
    last = 5 + len(people)
    for r in range(last, last + 30):  # Excel's formatted-but-empty rows
        ws.cell(r, 1).font = Font(italic=True)
    ws.cell(last + 31, 1, "Total")
    ws.cell(last + 31, 4, 1234.5)
    wb.save(path)


@pytest.mark.parametrize("n", [30, 400])  # 400 rows: the full load goes through calamine
def test_messy_workbook(tmp_path: Path, n: int) -> None:
    people = _people(n)
    path = tmp_path / "classeur.xlsx"
    _workbook(path, people)
    table = read_table(path)
    src = table.source
    assert src.sheets == ("Lisez-moi", "Bénéficiaires") and src.sheet == "Bénéficiaires"
    assert (src.header_line, src.header_lines) == (3, 2)
    assert table.columns == [
        "Identité - Nom",
        "Identité - Prénom",
        "Code postal",
        "Versement - Montant",
        "Versement - Date",
        "Versement - Heure",
    ]
    assert table.row_count == n
    assert table.row_numbers[0] == 5 and table.row_numbers[-1] == 4 + n
    df = table.df
    assert df["Code postal"].tolist() == [p["cp"] for p in people]
    for p, (_, row) in zip(people, df.iterrows(), strict=True):
        day, month, year = p["date"].split("/")
        assert row["Versement - Date"] == f"20{year[-2:]}-{month}-{day}"
        assert row["Versement - Heure"] == f"20{year[-2:]}-{month}-{day}T14:30:00"
        euros, cents = p["montant"].split(",")
        amount = f"{int(euros)}.{cents}".rstrip("0").rstrip(".")
        assert row["Versement - Montant"] == amount
    assert {s.reason for s in src.skipped} >= {"title", "footer"}
    preview = read_table(path, max_rows=10)
    assert preview.df.equals(df.head(10))
    assert preview.columns == table.columns


def test_workbook_forced_sheet_and_header(tmp_path: Path) -> None:
    path = tmp_path / "classeur.xlsx"
    _workbook(path, _people(5))
    table = read_table(path, ReadOptions(sheet="Lisez-moi", header_line=0))
    assert table.source.sheet == "Lisez-moi"
    assert table.row_count == 1
    assert table.columns == ["colonne_1"]


def test_progress_and_cancel(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    _french_csv(path, _people(20))
    seen: list[float] = []
    read_table(path, progress=lambda f, m="": seen.append(f))
    assert seen and seen == sorted(seen) and seen[-1] == 1.0
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        read_table(path, cancel=token)
    book = tmp_path / "b.xlsx"
    _workbook(book, _people(400))
    with pytest.raises(Cancelled):
        read_table(book, cancel=token)


def test_no_header_option(tmp_path: Path) -> None:
    path = tmp_path / "sans_entete.csv"
    path.write_text("\nDupont;01000\nMartin;75001\n", "utf-8")
    table = read_table(path, ReadOptions(header_line=0))
    assert table.columns == ["colonne_1", "colonne_2"]
    assert table.row_numbers == [2, 3]
    assert table.source.header_line == 0


def test_ods_zero_padded_numbers(tmp_path: Path) -> None:
    """LibreOffice's 00000 format: the cell stores 1000 and shows 01000; we keep what it shows."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    sheet = Table(name="Communes")

    def row(*cells: str | tuple[int, str]) -> None:
        line = TableRow()
        for c in cells:
            if isinstance(c, tuple):
                cell = TableCell(valuetype="float", value=c[0])
                cell.addElement(P(text=c[1]))
            else:
                cell = TableCell(valuetype="string")
                cell.addElement(P(text=c))
            line.addElement(cell)
        sheet.addElement(line)

    row("Commune", "Code postal", "Population")
    row("Bourg", (1000, "01000"), (41000, "41000"))
    row("Paris", (75001, "75001"), (2100, "2100"))
    row("Laon", (2000, "02000"), (25000, "25000"))
    doc.spreadsheet.addElement(sheet)
    path = tmp_path / "communes.ods"
    doc.save(str(path))
    table = read_table(path)
    assert table.source.format == "ods"
    assert table.df["Code postal"].tolist() == ["01000", "75001", "02000"]
    assert table.df["Population"].tolist() == ["41000", "2100", "25000"]  # plain numbers stay plain


@pytest.mark.parametrize("n", [20, 300])
def test_table_not_in_column_a(tmp_path: Path, n: int) -> None:
    """A table that starts at C4, with a note in A1: the head (read directly) and calamine's load align."""
    wb = Workbook()
    ws = wb.active
    ws["A1"] = "Note : montants en euros"
    ws["C4"], ws["D4"], ws["E4"] = "Code", "Libellé", "Montant"
    for i in range(n):
        ws.cell(5 + i, 3, f"{i:05d}")
        ws.cell(5 + i, 4, f"Ligne {i}")
        ws.cell(5 + i, 5, i * 1.25)
    path = tmp_path / "decale.xlsx"
    wb.save(path)
    table = read_table(path)
    assert table.columns == ["Code", "Libellé", "Montant"]
    assert table.source.header_line == 4
    assert table.row_count == n
    assert table.df.iloc[-1].tolist() == [f"{n - 1:05d}", f"Ligne {n - 1}", format((n - 1) * 1.25, "g")]
    assert table.row_numbers[-1] == 4 + n


def test_forced_header_line_keeps_two_row_header(tmp_path: Path) -> None:
    path = tmp_path / "classeur.xlsx"
    _workbook(path, _people(200))
    first = read_table(path)
    again = read_table(path, ReadOptions.from_source(first.source))
    assert again.source.header_lines == 2
    assert again.columns == first.columns
    assert again.df.equals(first.df)


def test_note_under_a_table_keeps_the_fast_reader(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A one-field "Source : …" line at the end does not fit the table: it is a footer, and the fast
    (pyarrow) reader is kept - the exact Python one would take 18 s and 3 GB on a 1M-row file."""
    from capnum_desktop.core.io import delimited

    def no_fallback(*args: object, **kwargs: object) -> None:
        raise AssertionError("the slow reader was used")

    monkeypatch.setattr(delimited, "_read_python", no_fallback)
    path = tmp_path / "export.csv"
    path.write_text('a;b;c\n1;2;"x\ny"\n3;4;5\nTotal;;9\nSource : Insee, 2024\n', "utf-8")
    table = read_table(path)
    assert table.row_numbers == [2, 4]
    assert {s.reason: s.lines for s in table.source.skipped}["footer"] == (5, 6)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_blank_lines_keep_the_fast_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, newline: str
) -> None:
    from capnum_desktop.core.io import delimited

    def no_fallback(*args: object, **kwargs: object) -> None:
        raise AssertionError("the slow reader was used")

    monkeypatch.setattr(delimited, "_read_python", no_fallback)
    path = tmp_path / "trous.csv"
    path.write_bytes(newline.join(["a;b", "1;2", "", "3;4", "", "", "5;6", "", ""]).encode())
    table = read_table(path)
    assert table.row_numbers == [2, 4, 7]
    assert table.df.values.tolist() == [["1", "2"], ["3", "4"], ["5", "6"]]


def test_excel_sep_line(tmp_path: Path) -> None:
    path = tmp_path / "sep.csv"
    path.write_text("sep=|\nnom|code;postal|x,y\nA|01;2|3,4\n", "utf-8")
    table = read_table(path)
    assert table.source.delimiter == "|"
    assert table.columns == ["nom", "code;postal", "x,y"]
    assert table.source.skipped[0].lines == (1,)
