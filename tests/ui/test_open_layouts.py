"""Ouvrir shows the template, total and sub-total rows it leaves out, and keeps them when unticked."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt


@pytest.fixture
def window(qtbot):
    from capnum_desktop.ui.application import build_window

    w = build_window()
    w.show()
    yield w
    w.session.clear()
    w.close()
    w.deleteLater()


def test_template_rows_shown_and_kept_on_request(qtbot, window, tmp_path: Path) -> None:
    path = tmp_path / "modele.csv"
    path.write_text(
        "nom;date_ouverture;places\nChamp texte;Date;Nombre\nIndiquez le nom;ex. : 2024-01-31;Saisir un nombre\n"
        "Piscine;2021-03-04;120\nGymnase;2019-09-01;80\nStade;2018-05-02;900\n",
        encoding="utf-8",
    )
    window.open_path(path)
    qtbot.waitUntil(lambda: window.session.source_table is not None, timeout=15000)
    page = window.pages["open"]
    assert window.session.source_table.row_count == 3
    items = [page.kinds_list.item(i) for i in range(page.kinds_list.count())]
    assert [i.data(Qt.ItemDataRole.UserRole) for i in items] == ["types", "instructions"]
    assert all(i.checkState() == Qt.CheckState.Checked for i in items)
    assert "ligne de types" in items[0].text() and "2" in items[0].text()
    assert "ligne de types" in page.skipped_value.text()

    items[0].setCheckState(Qt.CheckState.Unchecked)  # « these are data »
    qtbot.waitUntil(lambda: window.session.read_options is not None
                    and window.session.read_options.keep_rows == ("types",)
                    and window.session.source_table.row_count == 4, timeout=15000)
    kinds = {page.kinds_list.item(i).data(Qt.ItemDataRole.UserRole): page.kinds_list.item(i).checkState()
             for i in range(page.kinds_list.count())}
    assert kinds == {"types": Qt.CheckState.Unchecked, "instructions": Qt.CheckState.Checked}
    assert window.session.source_table.df["nom"].iloc[0] == "Champ texte"


def test_header_over_several_rows_shown_and_overridable(qtbot, window, tmp_path: Path) -> None:
    path = tmp_path / "effectifs.csv"
    path.write_text(
        "Identification;;Effectifs;\nCode;Nom;Hommes;Femmes\n;;(nombre);(nombre)\n"
        "13004;Arles;200;260\n13108;Tarascon;140;150\n13097;Saintes-Maries;40;50\n",
        encoding="utf-8",
    )
    window.open_path(path)
    qtbot.waitUntil(lambda: window.session.source_table is not None, timeout=15000)
    page = window.pages["open"]
    assert "3 lignes" in page.header_rows_spin.specialValueText()
    assert window.session.source_table.columns[2] == "Effectifs - Hommes (nombre)"

    page.header_spin.setValue(2)
    page.header_rows_spin.setValue(1)
    qtbot.waitUntil(lambda: window.session.read_options is not None
                    and window.session.read_options.header_rows == 1
                    and window.session.read_options.header_line == 2, timeout=15000)
    assert window.session.source_table.columns[:3] == ["Code", "Nom", "Hommes"]
    assert window.session.source_table.row_count == 4  # the units row is now a row


def test_look_alike_sheets_said_appended_or_one_picked(qtbot, window, tmp_path: Path) -> None:
    import openpyxl

    from capnum_desktop.ui.widgets.keyboard import access_keys, clashes

    book = openpyxl.Workbook()
    book.remove(book.active)
    notes = book.create_sheet("Notes")
    notes.append(["Montants en euros, une feuille par année."])
    for year, size in ((2022, 3), (2023, 4), (2024, 2)):
        ws = book.create_sheet(str(year))
        ws.append(["Commune", "Montant"])
        for k in range(size):
            ws.append([f"Commune {k}", 100 * k])
    path = tmp_path / "annees.xlsx"
    book.save(path)
    window.open_path(path)
    qtbot.waitUntil(lambda: window.session.source_table is not None, timeout=15000)
    page = window.pages["open"]
    read = window.session.source_table.source.sheet
    assert read in ("2022", "2023", "2024")
    note = page.sheets_note.text()
    assert page.sheets_note.isVisible() and note.startswith(
        "Ce classeur contient 3 feuilles aux mêmes colonnes : 2022, 2023, 2024.")
    assert f"Seule « {read} » est lue" in note and "choisissez une autre feuille" in note
    check = page.all_sheets_check
    assert check.isVisible() and check.isEnabled() and check.text() == "Mettre les 3 feuilles &bout à bout"
    assert not check.isChecked() and clashes(access_keys(window)) == []

    check.setChecked(True)  # append them
    qtbot.waitUntil(lambda: window.session.read_options is not None and window.session.read_options.all_sheets
                    and window.session.source_table.row_count == 9, timeout=15000)
    table = window.session.source_table
    assert table.columns[-1] == "feuille"
    assert table.df["feuille"].tolist() == ["2022"] * 3 + ["2023"] * 4 + ["2024"] * 2
    assert check.isChecked() and "Elles sont mises bout à bout" in page.sheets_note.text()

    page.sheet_combo.setCurrentIndex(page.sheet_combo.findData("2024"))  # or pick one
    qtbot.waitUntil(lambda: window.session.read_options.sheet == "2024"
                    and not window.session.read_options.all_sheets
                    and window.session.source_table.row_count == 2, timeout=15000)
    assert not check.isChecked() and "feuille" not in window.session.source_table.columns
    assert "Seule « 2024 » est lue" in page.sheets_note.text()
