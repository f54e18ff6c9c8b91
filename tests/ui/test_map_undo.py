"""Associer: every mapping change (column, constant, schema) is one undo step; undo/redo restore the
exact mapping, refresh the page, re-conform (resetting later steps) and are autosaved."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from capnum_desktop.core import autosave
from capnum_desktop.ui.pages.map_page import COL_CONFIDENCE, COL_CONSTANT, COL_FIELD, COL_SOURCE

WAIT = 15000


@pytest.fixture
def mapped(qtbot):
    """The demo file mapped to the subventions schema (one undo step: the schema choice)."""
    from capnum_desktop.resources import demo_file
    from capnum_desktop.ui.application import build_window

    w = build_window()
    w.show()
    w.open_path(demo_file())
    qtbot.waitUntil(lambda: w.session.source_table is not None, timeout=WAIT)
    w.show_step("map")
    page = w.pages["map"]
    page.choose_schema("scdl/subventions")
    qtbot.waitUntil(lambda: w.session.conformed is not None and not w.jobs.is_running(), timeout=WAIT)
    yield w, page
    w.jobs.shutdown()
    w.session.clear()
    w.close()
    if w.autosaver is not None:
        w.autosaver.clean_exit()
    w.deleteLater()


def _row(page, field: str) -> int:
    table = page.fields_table
    return next(r for r in range(table.rowCount()) if table.item(r, COL_FIELD).data(Qt.ItemDataRole.UserRole) == field)


def _combo(page, field: str) -> QComboBox:
    combo = page.fields_table.cellWidget(_row(page, field), COL_SOURCE)
    assert isinstance(combo, QComboBox)
    return combo


def _settled(window) -> bool:
    page = window.pages["map"]
    return (not window.jobs.is_running() and not page._conform_timer.isActive()
            and window.session.mapping is page.mapping)


def _undo(qtbot, window) -> None:
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: _settled(window), timeout=WAIT)


def _redo(qtbot, window) -> None:
    window.redo_action.trigger()
    qtbot.waitUntil(lambda: _settled(window), timeout=WAIT)


def test_undo_and_redo_a_column_choice_made_in_the_drop_down(qtbot, mapped) -> None:
    window, page = mapped
    session, stack = window.session, window.session.undo_stack
    suggested = session.mapping
    assert stack.count() == 1 and "subventions" in window.undo_action.text().lower()
    combo = _combo(page, "objet")
    combo.setCurrentIndex(combo.findData("Bénéficiaire"))  # steals the column from nomBeneficiaire
    qtbot.waitUntil(lambda: _settled(window), timeout=WAIT)
    assert stack.count() == 2
    assert window.undo_action.text() == "&Annuler l'association de « Bénéficiaire » à objet"
    assert session.mapping.column_for("objet") == "Bénéficiaire"
    assert session.mapping.column_for("nomBeneficiaire") is None
    assert _combo(page, "nomBeneficiaire").currentIndex() == 0  # — aucune —
    changed = session.conformed

    _undo(qtbot, window)
    assert session.mapping == suggested  # exactly the proposed mapping, confidences included
    assert session.conformed is not changed
    assert session.conformed.df["nomBeneficiaire"].tolist() == session.source_table.df["Bénéficiaire"].tolist()
    assert _combo(page, "nomBeneficiaire").currentText() == "Bénéficiaire"
    assert _combo(page, "objet").currentData() == suggested.column_for("objet")
    assert page.fields_table.item(_row(page, "nomBeneficiaire"), COL_CONFIDENCE).text() == "sûre"
    assert window.redo_action.text() == "&Rétablir l'association de « Bénéficiaire » à objet"

    _redo(qtbot, window)
    assert session.mapping.column_for("objet") == "Bénéficiaire"
    assert _combo(page, "objet").currentText() == "Bénéficiaire"
    assert _combo(page, "nomBeneficiaire").currentIndex() == 0
    assert set(session.conformed.df["nomBeneficiaire"]) == {""}


def test_ctrl_z_on_the_page_undoes_the_last_choice(qtbot, mapped) -> None:
    window, page = mapped
    combo = _combo(page, "nomBeneficiaire")
    combo.setCurrentIndex(0)
    qtbot.waitUntil(lambda: _settled(window), timeout=WAIT)
    assert window.undo_action.text() == "&Annuler le retrait du champ nomBeneficiaire"
    window.activateWindow()
    page.fields_table.setFocus()
    qtbot.keyClick(page.fields_table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.session.undo_stack.index() == 1 and _settled(window), timeout=WAIT)
    assert _combo(page, "nomBeneficiaire").currentText() == "Bénéficiaire"


def test_a_constant_is_one_step_and_unchanged_values_add_none(qtbot, mapped) -> None:
    window, page = mapped
    session, stack = window.session, window.session.undo_stack
    constant = page.fields_table.cellWidget(_row(page, "idAttribuant"), COL_CONSTANT)
    assert isinstance(constant, QLineEdit)
    constant.setText("11004601800013")
    constant.editingFinished.emit()
    constant.editingFinished.emit()  # Enter then leaving the box: the same value twice
    qtbot.waitUntil(lambda: _settled(window), timeout=WAIT)
    assert stack.count() == 2 and window.undo_action.text() == "&Annuler la valeur fixe de idAttribuant"
    assert set(session.conformed.df["idAttribuant"]) == {"11004601800013"}
    combo = _combo(page, "nomBeneficiaire")
    combo.setCurrentIndex(combo.currentIndex())  # the same column again: no signal, no step
    page._on_source_changed("nomBeneficiaire", combo)  # even if asked explicitly
    assert stack.count() == 2

    _undo(qtbot, window)
    assert "idAttribuant" not in session.mapping.constants
    assert constant.text() == ""
    assert "idAttribuant" in page.missing_label.text()
    assert set(session.conformed.df["idAttribuant"]) == {""}
    _redo(qtbot, window)
    assert constant.text() == "11004601800013"
    assert "idAttribuant" not in page.missing_label.text()


def test_undo_before_the_conversion_ran_keeps_the_conformed_table(qtbot, mapped) -> None:
    window, page = mapped
    session = window.session
    before, conformed = session.mapping, session.conformed
    combo = _combo(page, "nomBeneficiaire")
    combo.setCurrentIndex(0)
    assert page._conform_timer.isActive()  # conversion not started yet
    window.undo_action.trigger()
    assert not page._conform_timer.isActive() and not window.jobs.is_running("conform")
    assert page.mapping is session.mapping is before and session.conformed is conformed
    assert combo.currentText() == "Bénéficiaire"


def test_undo_a_schema_change_and_the_first_schema_choice(qtbot, mapped) -> None:
    window, page = mapped
    session, stack = window.session, window.session.undo_stack
    subventions, suggested = session.schema, session.mapping
    rows = page.fields_table.rowCount()
    with qtbot.waitSignal(window.jobs.sig_finished, timeout=WAIT):
        page.infer_button.click()
    qtbot.waitUntil(lambda: _settled(window), timeout=WAIT)
    assert session.schema.source == "inferred" and stack.count() == 2
    assert page.fields_table.rowCount() == len(session.source_table.columns)

    _undo(qtbot, window)
    assert session.schema is subventions and session.schema_ref == "scdl/subventions"
    assert session.mapping == suggested and page.fields_table.rowCount() == rows
    assert "subventions" in page.schema_label.text().lower()
    assert session.conformed.columns[:2] == ["nomAttribuant", "idAttribuant"]

    window.undo_action.trigger()  # before any schema: nothing chosen, the table as read
    qtbot.waitUntil(lambda: not window.jobs.is_running(), timeout=WAIT)
    assert session.schema is None and session.mapping is None and session.conformed is None
    assert session.table is session.source_table and page.fields_table.rowCount() == 0
    assert not window.next_button.isEnabled() and not window.undo_action.isEnabled()

    _redo(qtbot, window)
    assert session.schema is subventions and session.mapping == suggested
    _redo(qtbot, window)
    assert session.schema.source == "inferred"
    assert page.fields_table.rowCount() == len(session.source_table.columns)
    # choosing the schema in use again resets the columns to the suggestions: one step, undoable
    page.choose_schema("scdl/subventions")
    qtbot.waitUntil(lambda: _settled(window), timeout=WAIT)
    count = stack.count()
    page.choose_schema("scdl/subventions")  # same schema, same suggestions: no empty step
    qtbot.waitUntil(lambda: _settled(window), timeout=WAIT)
    assert stack.count() == count


def test_undo_from_a_later_step_shows_the_map_page_and_resets_what_followed(qtbot, mapped) -> None:
    window, page = mapped
    session = window.session
    combo = _combo(page, "nomBeneficiaire")
    combo.setCurrentIndex(0)
    qtbot.waitUntil(lambda: _settled(window), timeout=WAIT)
    window.show_step("protect")
    qtbot.waitUntil(lambda: session.scan is not None and not window.jobs.is_running(), timeout=WAIT)
    assert session.plan is not None

    _undo(qtbot, window)
    assert window.current_step() == "map"
    assert session.scan is None and session.plan is None and session.protected is None and session.report is None
    assert _combo(page, "nomBeneficiaire").currentText() == "Bénéficiaire"
    assert window.next_button.isEnabled()


def test_undo_with_the_page_rebuilt_while_a_change_waits_for_its_conversion(qtbot, mapped) -> None:
    """The session owns the mapping: a page built again (as on a language change) shows it, converts the
    change the old page had not converted yet, and undoes it; the old page is gone, nothing points at it."""
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent

    window, page = mapped
    session = window.session
    suggested, conformed = session.mapping, session.conformed
    _combo(page, "nomBeneficiaire").setCurrentIndex(0)
    assert page._conform_timer.isActive() and session.mapping_pending()
    window.rebuild_ui()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    new = window.pages["map"]
    assert new is not page and not shiboken6.isValid(page)
    qtbot.waitUntil(lambda: _settled(window) and not session.mapping_pending(), timeout=WAIT)
    assert session.conformed is not conformed and set(session.conformed.df["nomBeneficiaire"]) == {""}
    assert _combo(new, "nomBeneficiaire").currentIndex() == 0

    window.show_step("export")  # undo from another step, with the rebuilt page
    _undo(qtbot, window)
    assert window.current_step() == "map" and session.mapping == suggested
    assert _combo(new, "nomBeneficiaire").currentText() == "Bénéficiaire"
    assert session.conformed.df["nomBeneficiaire"].tolist() == session.source_table.df["Bénéficiaire"].tolist()
    _redo(qtbot, window)
    assert _combo(new, "nomBeneficiaire").currentIndex() == 0 and session.mapping.column_for("nomBeneficiaire") is None


def test_autosave_follows_undo_and_redo(qtbot, mapped) -> None:
    window, page = mapped

    def saved_column() -> str | None:
        state = autosave.load_state()
        mapping = ((state or {}).get("recipe") or {}).get("mapping")  # the autosave is the preparation's recipe
        if not mapping:
            return "?"
        columns = mapping["columns"]
        return next((c for c, f in columns.items() if f == "nomBeneficiaire"), None)

    qtbot.waitUntil(lambda: saved_column() == "Bénéficiaire", timeout=WAIT)
    _combo(page, "nomBeneficiaire").setCurrentIndex(0)
    qtbot.waitUntil(lambda: saved_column() is None, timeout=WAIT)
    _undo(qtbot, window)
    qtbot.waitUntil(lambda: saved_column() == "Bénéficiaire", timeout=WAIT)
    assert autosave.load_state()["schema_ref"] == "scdl/subventions"
    _redo(qtbot, window)
    qtbot.waitUntil(lambda: saved_column() is None, timeout=WAIT)


def test_undo_texts_read_as_actions(qapp) -> None:
    """Édition > « Annuler le choix du schéma Subventions », not « Annuler utiliser le schéma « … » » (issue 15)."""
    from capnum_desktop.ui.undo import mapping_label

    assert "Annuler " + mapping_label("schema", title="Subventions") == "Annuler le choix du schéma Subventions"
    assert "Annuler " + mapping_label("constant", field="idAttribuant") == "Annuler la valeur fixe de idAttribuant"
    assert "Annuler " + mapping_label("clear", field="objet") == "Annuler le retrait du champ objet"
