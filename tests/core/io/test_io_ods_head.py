""".ods: the head is streamed from content.xml, so calamine copies the sheet only once (the full load)."""

from __future__ import annotations

from pathlib import Path

import fastexcel
import pytest

from capnum_desktop.core.io import ods, read_table, workbook
from tests.conftest import reference

ODS_FILES = [
    ("csv-detective", "tests-data", "file.ods"),
    ("csv-detective", "tests-data", "file.xls"),  # an .ods named .xls
    ("real-files", "api-subventions-asso", "helios.fixture.ods"),
]


@pytest.mark.parametrize("parts", ODS_FILES, ids=[p[-1] for p in ODS_FILES])
def test_streamed_head_is_what_calamine_gives(parts: tuple[str, ...]) -> None:
    """Same cells, row numbers and columns as calamine's head (LibreOffice's 1,048,567 repeated blank
    rows at the end of helios are not rows; file.xls has cells starting with <text:s/> spaces)."""
    check_streamed_head(reference(*parts))


def check_streamed_head(path: Path) -> None:
    reader = fastexcel.read_excel(path.read_bytes())
    for sheet in reader.sheet_names:
        expected = workbook._head(reader, sheet, workbook.HEAD_LIMIT)
        streamed, _pads, complete = ods.head(path, sheet, workbook.HEAD_LIMIT)
        assert complete
        assert list(streamed.index) == list(expected.index)
        assert streamed.reindex(columns=expected.columns, fill_value="").equals(expected)


def test_real_ods_loads_the_sheet_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple] = []
    original = fastexcel.ExcelReader.load_sheet

    def counting(self: fastexcel.ExcelReader, *args: object, **kwargs: object) -> object:
        calls.append(args)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(fastexcel.ExcelReader, "load_sheet", counting)
    table = read_table(reference("real-files", "api-subventions-asso", "helios.fixture.ods"))
    assert len(calls) == 1
    assert table.df.shape == (7, 18)
    assert table.df["CODE_INSEE_BC"].iloc[0] == "99000000000001"


def test_generated_ods_title_blank_rows_spaces_and_zeros(tmp_path: Path) -> None:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P, S

    doc = OpenDocumentSpreadsheet()
    sheet = Table(name="Données")

    def row(*cells: object, repeat: int = 1) -> None:
        line = TableRow(numberrowsrepeated=repeat) if repeat > 1 else TableRow()
        for c in cells:
            if c is None:
                cell = TableCell()
            elif isinstance(c, tuple):
                cell = TableCell(valuetype="float", value=c[0])
                cell.addElement(P(text=c[1]))
            else:
                cell = TableCell(valuetype="string")
                p = P()
                if c.startswith("  "):
                    p.addElement(S(c=2))
                    p.addText(c[2:])
                else:
                    p.addText(c)
                cell.addElement(p)
            line.addElement(cell)
        sheet.addElement(line)

    row(None, "Subventions versées en 2024")
    row(None, repeat=3)
    row(None, "Bénéficiaire", "Code postal", "Montant")
    for i in range(200):
        row(None, f"  Association {i}", (1000 + i, f"{1000 + i:05d}"), (i + 0.5, f"{i},50"))
    row(None, repeat=1_048_000)
    doc.spreadsheet.addElement(sheet)
    path = tmp_path / "subventions.ods"
    doc.save(str(path))

    _head, pads, complete = ods.head(path, "Données", workbook.HEAD_LIMIT)
    assert not complete and pads == {2: 5}
    table = read_table(path)
    assert table.columns == ["Bénéficiaire", "Code postal", "Montant"]
    assert table.source.header_line == 5
    assert table.row_numbers[:2] == [6, 7] and table.row_count == 200
    assert table.df["Code postal"].iloc[0] == "01000"
    assert table.df["Montant"].iloc[1] == "1.5"


@pytest.mark.parametrize("parts", ODS_FILES, ids=[p[-1] for p in ODS_FILES])
def test_ods_preview_streamed_without_calamine(parts: tuple[str, ...], monkeypatch: pytest.MonkeyPatch) -> None:
    """A preview of an .ods needs only its first rows: same table as the full load, calamine untouched."""
    check_preview_streamed(reference(*parts), monkeypatch)


def check_preview_streamed(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    full = read_table(path)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("calamine opened the whole file for a preview")

    monkeypatch.setattr(workbook, "open_reader", refuse)
    preview = read_table(path, max_rows=2)
    assert preview.columns == full.columns
    assert preview.source.sheet == full.source.sheet and preview.source.header_line == full.source.header_line
    assert preview.df.equals(full.df.iloc[: len(preview.df)])
    assert len(preview.df) >= 2


def test_ods_sheet_names_scanned() -> None:
    path = reference("csv-detective", "tests-data", "file.ods")
    assert ods.sheet_names(path) == list(fastexcel.read_excel(path).sheet_names)
