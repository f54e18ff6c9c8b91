"""Associer: catalogue search, suggested columns with confidence, changes re-conform, missing required."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox, QLineEdit

from capnum_desktop.ui.pages.map_page import COL_CONFIDENCE, COL_CONSTANT, COL_FIELD, COL_ISSUES, COL_SOURCE


@pytest.fixture
def mapped(qtbot):
    from capnum_desktop.resources import demo_file
    from capnum_desktop.ui.application import build_window

    w = build_window()
    w.show()
    w.open_path(demo_file())
    qtbot.waitUntil(lambda: w.session.source_table is not None, timeout=15000)
    w.show_step("map")
    yield w, w.pages["map"]
    w.session.clear()
    w.close()
    w.deleteLater()


def _row(page, field: str) -> int:
    table = page.fields_table
    return next(r for r in range(table.rowCount()) if table.item(r, COL_FIELD).data(0x0100) == field)


def test_search_the_catalogue_and_map_the_demo(qtbot, mapped) -> None:
    window, page = mapped
    assert window.current_step() == "map"
    assert "subventions" in page.schema_list.currentItem().text().lower()  # suggested from the file name
    assert not window.next_button.isEnabled() and "schéma" in window.blocker_label.text()
    page.search_edit.setText("deliberation")
    assert page.schema_list.count() >= 1 and "libération" in page.schema_list.item(0).text()
    page.search_edit.setText("subvention")
    page.use_button.click()
    qtbot.waitUntil(lambda: window.session.conformed is not None, timeout=15000)
    assert window.session.schema.id == "scdl/subventions"
    row = _row(page, "nomBeneficiaire")
    combo = page.fields_table.cellWidget(row, COL_SOURCE)
    assert isinstance(combo, QComboBox) and combo.currentText() == "Bénéficiaire"
    assert page.fields_table.item(row, COL_CONFIDENCE).text() == "sûre"
    assert page.fields_table.item(row, COL_ISSUES).text() == "0"
    assert page.missing_label.isVisibleTo(page) and "idAttribuant" in page.missing_label.text()
    assert "Courriel" in page.summary_label.text()  # not published, said so
    assert window.model.columns[:3] == ["nomAttribuant", "idAttribuant", "dateConvention"]
    assert window.next_button.isEnabled()


def test_changing_a_column_or_a_constant_reconforms(qtbot, mapped) -> None:
    window, page = mapped
    page.choose_schema("scdl/subventions")
    qtbot.waitUntil(lambda: window.session.conformed is not None, timeout=15000)
    row = _row(page, "nomBeneficiaire")
    combo = page.fields_table.cellWidget(row, COL_SOURCE)
    first = window.session.conformed
    with qtbot.waitSignal(window.jobs.sig_finished, timeout=15000):
        combo.setCurrentIndex(0)  # — aucune —
    assert page.fields_table.item(row, COL_CONFIDENCE).text() == "—"
    assert window.session.conformed is not first
    assert set(window.session.conformed.df["nomBeneficiaire"]) == {""}

    id_row = _row(page, "idAttribuant")
    constant = page.fields_table.cellWidget(id_row, COL_CONSTANT)
    assert isinstance(constant, QLineEdit)
    constant.setText("11004601800013")
    with qtbot.waitSignal(window.jobs.sig_finished, timeout=15000):
        constant.editingFinished.emit()
    assert set(window.session.conformed.df["idAttribuant"]) == {"11004601800013"}
    assert page.fields_table.item(id_row, COL_CONFIDENCE).text() == "constante"
    assert "idAttribuant" not in page.missing_label.text()


def test_a_bad_value_is_counted_and_marked_in_the_grid(qtbot, mapped) -> None:
    window, page = mapped
    page.choose_schema("scdl/subventions")
    qtbot.waitUntil(lambda: window.session.conformed is not None, timeout=15000)
    row = _row(page, "montant")
    combo = page.fields_table.cellWidget(row, COL_SOURCE)
    with qtbot.waitSignal(window.jobs.sig_finished, timeout=15000):
        combo.setCurrentIndex(combo.findData("Bénéficiaire"))  # names are not amounts
    count = int(page.fields_table.item(row, COL_ISSUES).text())
    assert count == window.session.source_table.row_count
    assert window.model.data(window.model.index(0, window.model.column_index("montant")), 3)  # tooltip
    page._on_fields_table_cell_clicked(row, COL_ISSUES)  # clicking the count shows the first bad cell
    current = window.grid.view.currentIndex()
    assert current.column() == window.model.column_index("montant")
    assert window.model.source_row(current.row()) == window.session.conform_result.issues_for("montant")[0].row


def test_infer_a_schema_from_the_table(qtbot, mapped) -> None:
    window, page = mapped
    with qtbot.waitSignal(window.jobs.sig_finished, timeout=15000):
        page.infer_button.click()
    assert window.session.schema.source == "inferred"
    assert page.fields_table.rowCount() == len(window.session.source_table.columns)
    assert window.next_button.isEnabled()
