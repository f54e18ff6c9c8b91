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
    qtbot.waitUntil(lambda: page._ranked_table is window.session.source_table, timeout=30000)
    assert "subventions" in page.schema_list.currentItem().text().lower()  # suggested from the columns
    assert "d'après les colonnes" in page.schema_label.text() and "Subventions" in page.schema_label.text()
    assert window.session.schema is None and window.next_button.isEnabled()  # « Suivant » would take it
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


def test_the_columns_choose_the_schema_and_next_uses_it(qtbot, tmp_path) -> None:
    """Issue 13: a car-pooling file named like a subsidies file is suggested « Lieux de covoiturage » from its
    columns, and « Suivant » takes the highlighted schema, converts, and goes on."""
    from capnum_desktop.ui.application import build_window
    from tests.core.schemas.test_ranking import covoiturage_file

    window = build_window()
    window.show()
    try:
        window.open_path(covoiturage_file(tmp_path, "subventions_2024.csv"))
        qtbot.waitUntil(lambda: window.session.source_table is not None, timeout=15000)
        window.show_step("map")
        page = window.pages["map"]
        qtbot.waitUntil(lambda: page._ranked_table is window.session.source_table, timeout=30000)
        assert page.highlighted_schema_id() == "etalab/schema-lieux-covoiturage"
        qtbot.waitUntil(window.next_button.isEnabled, timeout=15000)
        window.next_button.click()
        qtbot.waitUntil(lambda: window.current_step() == "protect", timeout=30000)
        assert window.session.schema.id == "etalab/schema-lieux-covoiturage"
        assert window.session.mapping.column_for("Xlong") == "Xlong"
    finally:
        window.session.clear()
        window.close()
        window.deleteLater()


def test_next_uses_the_highlighted_schema_and_warns_of_a_low_coverage(qtbot, mapped) -> None:
    window, page = mapped
    page.choose_schema("scdl/subventions")
    qtbot.waitUntil(lambda: window.session.conformed is not None and not window.jobs.is_running(), timeout=30000)
    page.search_edit.setText("covoiturage")  # highlighted, not « Utiliser »
    assert page.highlighted_schema_id() == "etalab/schema-lieux-covoiturage"
    window.next_button.click()
    qtbot.waitUntil(lambda: window.session.schema.id == "etalab/schema-lieux-covoiturage"
                    and window.session.conformed is not None and not window.jobs.is_running(), timeout=30000)
    qtbot.waitUntil(page.coverage_label.isVisible, timeout=15000)
    assert window.current_step() == "map"  # a subsidies file fills few car-pooling fields: warned, not moved on
    assert "Couverture faible" in page.coverage_label.text() and "sur 8" in page.coverage_label.text()
    window.next_button.click()  # a second « Suivant » goes on anyway
    qtbot.waitUntil(lambda: window.current_step() == "protect", timeout=30000)


def test_choose_an_older_version_and_import_a_schema(qtbot, mapped, tmp_path) -> None:
    """Issue 17: the version asked for is selectable (the latest by default), and a downloaded schema is
    imported from the page, offline, then listed and usable."""
    import json

    window, page = mapped
    page.choose_schema("scdl/budget")
    qtbot.waitUntil(lambda: window.session.conformed is not None and not window.jobs.is_running(), timeout=30000)
    assert page.version_combo.isVisibleTo(page) and page.version_combo.count() >= 2
    assert page.version_combo.currentData() == window.session.schema.version == "0.8.3"
    older = page.version_combo.findData("0.8.0")
    page.version_combo.setCurrentIndex(older)
    page.version_combo.activated.emit(older)
    qtbot.waitUntil(lambda: window.session.schema.version == "0.8.0" and not window.jobs.is_running(), timeout=30000)
    assert window.session.schema_ref == "scdl/budget@0.8.0" and page.version_combo.currentData() == "0.8.0"

    descriptor = {"name": "prets-bibliotheque", "title": "Prêts de la bibliothèque", "version": "1.0.0",
                  "fields": [{"name": "cote", "type": "string"}, {"name": "prets", "type": "integer"}]}
    path = tmp_path / "schema.json"
    path.write_text(json.dumps(descriptor), encoding="utf-8")
    added = page.import_schema_file(path)
    assert [e.version for e in added] == ["1.0.0"]
    page.search_edit.setText("bibliothèque")
    assert page.schema_list.count() == 1 and "Prêts de la bibliothèque" in page.schema_list.item(0).text()
    page.use_button.click()
    qtbot.waitUntil(lambda: window.session.schema.title == "Prêts de la bibliothèque", timeout=30000)
