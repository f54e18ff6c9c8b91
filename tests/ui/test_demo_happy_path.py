"""Issue 13, « a demo that shows the happy path »: from Ouvrir to a valid export with the default choices and
at most one visible fix (the bureau's SIRET, typed once in Associer or remembered in Paramètres)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit

from capnum_desktop.core.preferences import Preferences, save_preferences
from capnum_desktop.ui.pages.map_page import COL_CONSTANT, COL_FIELD

SIRET = "11004601800013"  # a valid SIRET (Luhn key) of a ministry
WAIT = 60000


@pytest.fixture
def window(qtbot, tmp_path):
    from capnum_desktop.ui.application import build_window

    w = build_window()
    w.show()
    yield w
    w.jobs.shutdown()
    w.session.clear()
    w.close()
    w.deleteLater()


def _constant_box(page, field: str) -> QLineEdit:
    table = page.fields_table
    row = next(r for r in range(table.rowCount()) if table.item(r, COL_FIELD).data(0x0100) == field)
    box = table.cellWidget(row, COL_CONSTANT)
    assert isinstance(box, QLineEdit)
    return box


def _next(qtbot, window, step: str) -> None:
    qtbot.waitUntil(lambda: window.next_button.isEnabled() and not window.jobs.is_running(), timeout=WAIT)
    window.next_button.click()
    qtbot.waitUntil(lambda: window.current_step() == step, timeout=WAIT)


def _verify_and_export(qtbot, window, tmp_path) -> None:
    """From Associer or Protéger to the export, each step with its default choice."""
    if window.current_step() == "map":
        _next(qtbot, window, "protect")
    qtbot.waitUntil(lambda: window.session.scan is not None, timeout=WAIT)
    _next(qtbot, window, "verify")  # « Suivant » applies the proposed privacy plan
    qtbot.waitUntil(lambda: window.session.report is not None, timeout=WAIT)
    report = window.session.report
    assert report.valid, report.by_field_and_kind()[:5]
    protected = window.session.table
    assert protected.row_count == 48  # the 12 sole traders' rows are withheld, as a whole
    assert "Téléphone" not in protected.columns and "Date de naissance du référent" not in protected.columns
    _next(qtbot, window, "export")
    page = window.pages["export"]
    page.folder_edit.setText(str(tmp_path / "publication"))
    assert page.export()
    qtbot.waitUntil(lambda: window.session.export_result is not None, timeout=WAIT)
    assert window.session.export_result.publishable
    assert page.next_blocker() == "C'est terminé : le dossier est prêt à publier."


def test_the_demo_reaches_a_valid_export_with_one_visible_fix(qtbot, window, tmp_path) -> None:
    from capnum_desktop.resources import demo_file

    window.open_path(demo_file())
    qtbot.waitUntil(lambda: window.session.source_table is not None, timeout=WAIT)
    _next(qtbot, window, "map")
    page = window.pages["map"]
    qtbot.waitUntil(lambda: page._ranked_table is window.session.source_table, timeout=WAIT)
    assert page.highlighted_schema_id() == "scdl/subventions"  # found from the columns
    page.use_button.click()  # the highlighted suggestion, as it is
    qtbot.waitUntil(lambda: window.session.conformed is not None and not window.jobs.is_running(), timeout=WAIT)
    assert page.missing_label.isVisibleTo(page) and "idAttribuant" in page.missing_label.text()
    missing = [f for f in window.session.schema.required_fields if not page.mapping.is_filled(f)]
    assert missing == ["idAttribuant"]  # the one visible fix
    box = _constant_box(page, "idAttribuant")
    box.setText(SIRET)
    with qtbot.waitSignal(window.jobs.sig_finished, timeout=WAIT):
        box.editingFinished.emit()
    assert not page.missing_label.isVisibleTo(page)
    _verify_and_export(qtbot, window, tmp_path)


def test_with_the_siret_in_the_settings_the_demo_needs_no_fix(qtbot, window, tmp_path) -> None:
    """Paramètres' SIRET fills idAttribuant as a visible constant; « Suivant » takes the suggested schema."""
    from capnum_desktop.resources import demo_file

    save_preferences(Preferences(bureau="Ministère de la Culture", siret=SIRET))
    window.open_path(demo_file())
    qtbot.waitUntil(lambda: window.session.source_table is not None, timeout=WAIT)
    _next(qtbot, window, "map")
    page = window.pages["map"]
    qtbot.waitUntil(lambda: page._ranked_table is window.session.source_table, timeout=WAIT)
    _next(qtbot, window, "protect")  # « Suivant » applied the highlighted schema, then went on
    assert window.session.schema.id == "scdl/subventions"
    assert window.session.mapping.constants == {"idAttribuant": SIRET}  # the file has its own nomAttribuant
    window.show_step("map")
    assert _constant_box(page, "idAttribuant").text() == SIRET  # visible, and editable like any constant
    window.show_step("protect")
    _verify_and_export(qtbot, window, tmp_path)


def test_settings_check_the_siret(qtbot) -> None:
    from capnum_desktop.core.preferences import load_preferences
    from capnum_desktop.ui.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.siret_edit.setText("110 046 018 00014")  # wrong key
    assert dialog.siret_error.isVisibleTo(dialog) and "clé de contrôle" in dialog.siret_error.text()
    assert not dialog.ok_button.isEnabled()
    dialog.siret_edit.setText("1100460")
    assert "14 chiffres" in dialog.siret_error.text()
    dialog.siret_edit.setText("110 046 018 00013")
    assert not dialog.siret_error.isVisibleTo(dialog) and dialog.ok_button.isEnabled()
    dialog.accept()
    assert load_preferences().siret == SIRET
    assert load_preferences().organisation_constants(["idAttribuant", "nomAttribuant", "montant"]) == {
        "idAttribuant": SIRET}  # no name saved: only the SIRET fills a field
