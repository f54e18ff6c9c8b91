"""Legacy .xls: files whose container directory lies past the first megabyte, and number cells shown
with leading zeros (postal codes, SIREN typed as numbers with a 00000 format). Fixtures written with xlwt."""

from __future__ import annotations

from pathlib import Path

import pytest
from faker import Faker

from capnum_desktop.core.io import read_table, sniff, workbook
from capnum_desktop.core.io.options import ReadOptions

xlwt = pytest.importorskip("xlwt", reason="xlwt writes the .xls fixtures (test extra)")


def _write(path: Path, rows: int, *, stray_format: bool = False) -> list[tuple[str, str, str]]:
    """Title row, header, then rows of (postal code, SIREN, plain number); returns the expected text."""
    fake = Faker("fr_FR")
    Faker.seed(4)
    book = xlwt.Workbook()
    ws = book.add_sheet("Bénéficiaires")
    postal, siren = xlwt.easyxf(num_format_str="00000"), xlwt.easyxf(num_format_str="000000000")
    ws.write(0, 0, "Subventions 2024 — état au 31/12")
    for col, name in enumerate(("Code postal", "SIREN", "Nombre", "Nom")):
        ws.write(2, col, name)
    expected = []
    for i in range(rows):
        code, number = (1000 + i % 900) if i % 3 else 75011, i + 1
        ws.write(3 + i, 0, code, postal)
        ws.write(3 + i, 1, 12345678 + i, siren)  # SIRENs of 8 digits once the leading 0 is dropped
        ws.write(3 + i, 2, number, postal if stray_format and i == 0 else xlwt.Style.default_style)
        ws.write(3 + i, 3, fake.company())
        expected.append((f"{code:05d}", f"{12345678 + i:09d}", str(number)))
    book.save(str(path))
    return expected


def test_a_big_xls_whose_directory_is_at_the_end_is_a_workbook(tmp_path) -> None:
    path = tmp_path / "export.xls"
    _write(path, 30_000)
    assert path.stat().st_size > 1 << 20  # xlwt writes the directory after the data
    assert sniff.detect_format(path) == "xls"
    assert read_table(path).row_count == 30_000


def test_zero_padded_number_formats_keep_their_zeros(tmp_path) -> None:
    path = tmp_path / "codes.xls"
    expected = _write(path, 60, stray_format=True)
    table = read_table(path)
    df = table.df
    assert list(df.columns[:3]) == ["Code postal", "SIREN", "Nombre"]
    assert list(zip(df["Code postal"], df["SIREN"], df["Nombre"], strict=True)) == expected
    assert df["Code postal"].iloc[1] == "01001" and df["Nombre"].iloc[0] == "1"  # one stray format pads nothing
    preview = read_table(path, max_rows=10)
    assert preview.df["Code postal"].tolist()[:3] == [e[0] for e in expected[:3]]


def test_the_xlrd_fallback_pads_too(tmp_path) -> None:
    path = tmp_path / "codes.xls"
    expected = _write(path, 20)
    grid, info, _complete = workbook._xlrd_grid(path, ReadOptions())
    assert info.sheet == "Bénéficiaires"
    data = grid.loc[grid.index >= 4]
    assert list(zip(data[0], data[1], data[2], strict=True)) == expected
    assert grid.loc[3, 0] == "Code postal"
