"""Ouvrir: detection shown, every choice overridable, preview then full load, cancel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

H = Qt.Orientation.Horizontal


@pytest.fixture
def window(qtbot):
    from capnum_desktop.ui.application import build_window

    w = build_window()
    w.show()
    yield w
    w.session.clear()
    w.close()
    w.deleteLater()


def _headers(model) -> list[str]:
    return [model.headerData(i, H) for i in range(model.columnCount())]


def test_demo_file_detection_is_shown(qtbot, window) -> None:
    from capnum_desktop.resources import demo_file

    window.open_path(demo_file())
    qtbot.waitUntil(lambda: window.session.source_table is not None, timeout=15000)
    page = window.pages["open"]
    assert page.format_value.text() == "Excel (.xlsx)"
    assert "3" in page.header_spin.text()  # header found on row 3 under a title and a blank row
    assert "titre" in page.skipped_value.text() and "pied de tableau" in page.skipped_value.text()
    assert page.sheet_combo.isVisibleTo(page) and not page.encoding_combo.isVisibleTo(page)
    assert window.model.rowCount() == 60 and window.model.headerData(0, Qt.Orientation.Vertical) == "4"
    assert "Bénéficiaire" in _headers(window.model)
    assert window.next_button.isEnabled()


def test_real_csv_options_can_be_overridden(qtbot, window, quoted_accented_csv) -> None:
    path, rows = quoted_accented_csv
    window.open_path(path)
    qtbot.waitUntil(lambda: window.session.source_table is not None, timeout=15000)
    page = window.pages["open"]
    assert "UTF-8" in page.encoding_combo.itemText(0)  # readable names, the codec as the item's data (issue 15)
    windows = page.encoding_combo.findData("cp1252")
    assert page.encoding_combo.itemText(windows) == "Windows-1252 (Europe de l'Ouest)"
    assert not any("cp1252" in page.encoding_combo.itemText(i) for i in range(page.encoding_combo.count()))
    assert _headers(window.model)[0] == "bénéficiaire"
    assert window.session.source_table.row_count == rows

    page.encoding_combo.setCurrentIndex(page.encoding_combo.findData("cp1252"))
    qtbot.waitUntil(lambda: window.session.read_options is not None
                    and window.session.read_options.encoding == "cp1252", timeout=15000)
    assert _headers(window.model)[0] == "bÃ©nÃ©ficiaire"  # what a wrong encoding looks like

    page.encoding_combo.setCurrentIndex(0)
    page.delimiter_combo.setCurrentIndex(page.delimiter_combo.findData(";"))
    qtbot.waitUntil(lambda: window.session.read_options.delimiter == ";"
                    and window.session.read_options.encoding is None, timeout=15000)
    assert window.model.columnCount() < 3  # commas are no longer separators

    page.delimiter_combo.setCurrentIndex(0)
    page.header_spin.setValue(2)
    qtbot.waitUntil(lambda: window.session.read_options.header_line == 2
                    and window.session.read_options.delimiter is None, timeout=15000)
    assert window.session.source_table.row_count == rows - 1
    assert window.model.headerData(0, Qt.Orientation.Vertical) == "3"


def test_cancelling_the_full_load_keeps_the_window_usable(qtbot, window, tmp_path, monkeypatch) -> None:
    import time

    from capnum_desktop.ui.pages import open_page

    def slow_full_read(path, options, *, progress=None, cancel=None):  # a huge file, in slow motion
        for i in range(1000):
            time.sleep(0.01)
            progress(i / 1000, "lecture")
            cancel.check()
        raise AssertionError("should have been cancelled")

    monkeypatch.setattr(open_page, "read_full", slow_full_read)
    rows = "\n".join(f"{i};valeur {i};{i * 3}" for i in range(1000))
    path = tmp_path / "gros.csv"
    path.write_text("id;texte;nombre\n" + rows + "\n", encoding="utf-8")
    window.open_path(path)
    qtbot.waitUntil(lambda: window.jobs.is_running("open"), timeout=15000)
    qtbot.waitUntil(window.progress_panel.isVisible, timeout=3000)
    assert not window.next_button.isEnabled()
    assert "Lecture" in window.blocker_label.text()
    with qtbot.waitSignal(window.jobs.sig_cancelled, timeout=5000):
        window.progress_panel.cancel_button.click()
    assert window.session.source_table is None
    assert not window.jobs.is_running()
    assert window.model.rowCount() == 200  # the preview stays on screen


def test_changing_a_setting_after_mapping_asks_first(qtbot, window, monkeypatch) -> None:
    from capnum_desktop.resources import demo_file

    window.open_path(demo_file())
    qtbot.waitUntil(lambda: window.session.source_table is not None, timeout=15000)
    window.show_step("map")
    window.pages["map"].choose_schema("scdl/subventions")
    qtbot.waitUntil(lambda: window.session.conformed is not None, timeout=15000)
    window.show_step("open")
    page = window.pages["open"]
    monkeypatch.setattr(page, "confirm_reread", lambda: False)
    page.header_spin.setValue(4)
    assert page.header_spin.value() == -1  # put back: automatic
    qtbot.wait(500)
    assert window.session.conformed is not None  # the mapping is kept
    monkeypatch.setattr(page, "confirm_reread", lambda: True)
    page.header_spin.setValue(4)
    qtbot.waitUntil(lambda: window.session.read_options.header_line == 4, timeout=15000)
    assert window.session.conformed is None


def _unreadable(kind: str, folder) -> object:
    """A file no reading setting can fix: a damaged workbook, a binary file named .csv, an empty file."""
    import os

    path = folder / {"corrupt": "budget.xlsx", "binary": "export.csv", "empty": "vide.csv"}[kind]
    if kind == "corrupt":
        path.write_bytes(b"PK\x03\x04" + b"\x14\x00 not a real zip archive" * 20)
    elif kind == "binary":
        path.write_bytes(b"\x00\x01\x02\xff" + os.urandom(4000))
    else:
        path.write_bytes(b"")
    return path


@pytest.mark.parametrize("kind", ["corrupt", "binary", "empty"])
def test_unreadable_file_says_so_and_another_file_opens_with_the_keyboard(qtbot, window, tmp_path, monkeypatch,
                                                                          kind) -> None:
    from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

    from capnum_desktop.ui.widgets.keyboard import access_keys, clashes

    bad = _unreadable(kind, tmp_path)
    good = tmp_path / "bon.csv"
    good.write_text("commune;montant\nArles;12\nSète;30\n", encoding="utf-8")
    window.open_path(bad)
    page = window.pages["open"]
    qtbot.waitUntil(lambda: page.error_box.isVisible(), timeout=15000)
    assert not [b for b in window.findChildren(QMessageBox) if b.isVisible()]  # said on the page, no modal box
    assert bad.name in page.error_title.text()
    assert "Aucun réglage" in page.error_help.text() and "« Ouvrir un autre fichier… »" in page.error_help.text()
    assert "réglage" not in window.blocker_label.text() and "Ouvrir un autre fichier" in window.blocker_label.text()
    settings = (page.encoding_combo, page.delimiter_combo, page.sheet_combo, page.header_spin, page.header_rows_spin)
    assert not any(w.isEnabled() for w in settings)  # none can change anything: greyed, and the text says so
    button = page.open_other_button
    assert button.isVisible() and button.isEnabled() and window.default_button() is button
    assert QApplication.focusWidget() is button and button in window.focus_chain()
    assert clashes(access_keys(window)) == []

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(good), ""))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.session.source_table is not None, timeout=15000)
    assert window.session.path == good and not page.error_box.isVisible()
    assert window.session.source_table.row_count == 2 and window.next_button.isEnabled()
    assert window.default_button() is window.next_button


def test_read_error_keeps_the_settings_that_can_fix_it_and_rereads(qtbot, window, tmp_path) -> None:
    import openpyxl

    from capnum_desktop.core.io import ReadOptions

    path = tmp_path / "communes.csv"
    path.write_text("commune;montant\nArles;12\nSète;30\n", encoding="utf-8")
    page = window.pages["open"]
    window.open_path(path)
    qtbot.waitUntil(lambda: window.session.source_table is not None, timeout=15000)
    page.header_spin.setValue(40)  # a line the file does not have
    qtbot.waitUntil(lambda: page.error_box.isVisible(), timeout=15000)
    assert "(40)" in page.error_title.text() and "« Ligne d'en-tête »" in page.error_help.text()
    assert all(w.isEnabled() for w in (page.encoding_combo, page.delimiter_combo, page.header_spin))
    assert "changez un réglage ci-dessus" in page.next_blocker()
    page.header_spin.setValue(1)  # changing the setting reads the file again
    qtbot.waitUntil(lambda: not page.error_box.isVisible() and window.session.source_table is not None
                    and window.session.read_options.header_line == 1, timeout=15000)
    assert window.session.source_table.row_count == 2

    book = openpyxl.Workbook()
    book.active.title = "Vide"
    data = book.create_sheet("Données")
    for row in (["Commune", "Montant"], ["Arles", 12], ["Sète", 30]):
        data.append(row)
    workbook = tmp_path / "classeur.xlsx"
    book.save(workbook)
    window.session.clear()
    page.load_path(workbook, ReadOptions(sheet="Vide"))  # e.g. a recipe made for another workbook
    qtbot.waitUntil(lambda: page.error_box.isVisible(), timeout=15000)
    assert "Vide" in page.error_title.text() and "« Feuille »" in page.error_help.text()
    assert page.sheet_combo.isEnabled() and page.sheet_combo.isVisibleTo(page)
    assert not page.encoding_combo.isVisibleTo(page)
    assert [page.sheet_combo.itemData(i) for i in range(page.sheet_combo.count())] == [None, "Vide", "Données"]
    page.sheet_combo.setCurrentIndex(page.sheet_combo.findData("Données"))
    qtbot.waitUntil(lambda: window.session.source_table is not None, timeout=15000)
    assert not page.error_box.isVisible() and window.session.source_table.row_count == 2


def test_the_readers_warnings_and_left_out_lines_in_the_windows_language(qtbot, tmp_path) -> None:
    """Issue 16: « Avertissements » and « Lignes écartées » follow the window's language (French by default)."""
    from PySide6.QtWidgets import QApplication

    from capnum_desktop.ui.application import build_window
    from capnum_desktop.ui.i18n import install_translators

    path = tmp_path / "rapport.csv"
    path.write_text("Rapport annuel\n\nville;nom;montant\ntexte;texte;nombre\nCafÃ©;a;1\nLyon;b\nNice;c;3\nTotal;;4\n",
                    encoding="utf-8")

    def shown(lang: str) -> tuple[list[str], str]:
        app = QApplication.instance()
        install_translators(app, lang)
        try:
            window = build_window()
            window.show()
            window.open_path(path)
            qtbot.waitUntil(lambda: window.session.source_table is not None, timeout=15000)
            page = window.pages["open"]
            items = [page.warnings_list.item(i).text() for i in range(page.warnings_list.count())]
            skipped = page.skipped_value.text()
            window.session.clear()
            window.close()
            window.deleteLater()
        finally:
            install_translators(app, "fr")
        return items, skipped

    english, skipped = shown("en")
    assert len(english) == 2
    assert english[0].startswith('Column "ville": 1 value with badly decoded characters')
    assert english[1].startswith("1 line with another number of cells than the header (3): line 6.")
    assert "title above the table: 1" in skipped and "column types row (template): 4" in skipped
    assert not any("«" in item or "Colonne" in item for item in english)
    french, skipped = shown("fr")
    assert french[0].startswith("Colonne « ville » : 1 valeur avec des caractères mal décodés")
    assert french[1].startswith("1 ligne n'a pas autant de cellules que l'en-tête (3) : ligne 6.")
    assert "titre au-dessus du tableau : 1" in skipped
