"""Switching the interface language from the settings applies at once and loses nothing of the work."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget

from capnum_desktop.core.edits import CellEdit
from capnum_desktop.core.preferences import load_preferences
from capnum_desktop.resources import demo_file
from capnum_desktop.ui.undo import push_edit
from tests.ui.test_i18n_a11y import _french_only, _texts


@pytest.fixture
def window(qtbot):
    from capnum_desktop.ui.application import build_window
    from capnum_desktop.ui.i18n import install_translators

    app = QApplication.instance()
    install_translators(app, "fr")
    w = build_window()
    w.show()
    yield w
    w.jobs.shutdown()
    w.session.clear()  # nothing unsaved: closing does not ask
    w.close()
    w.deleteLater()
    install_translators(app, "fr")


def choose_language(qtbot, window, lang: str) -> None:
    """What the user does: Fichier > Paramètres, pick the language, OK."""
    from capnum_desktop.ui.dialogs.settings_dialog import SettingsDialog

    window.show_settings()
    dialog = next(d for d in window.findChildren(SettingsDialog) if d.isVisible())
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData(lang))
    dialog.accept()


def menu_titles(window) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def switch(qtbot, window, lang: str) -> None:
    file_menu = {"fr": "&Fichier", "en": "&File"}[lang]
    choose_language(qtbot, window, lang)
    qtbot.waitUntil(lambda: menu_titles(window)[:1] == [file_menu], timeout=5000)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the old widgets go now


def open_and_map(qtbot, window) -> None:
    window.open_path(demo_file())
    qtbot.waitUntil(lambda: window.session.source_table is not None and not window.jobs.is_running(), timeout=15000)
    window.show_step("map")
    window.pages["map"].choose_schema("scdl/subventions")
    qtbot.waitUntil(lambda: window.session.conformed is not None and not window.jobs.is_running(), timeout=15000)


def test_english_at_once_with_the_same_work_then_back_to_french(qtbot, window) -> None:
    open_and_map(qtbot, window)
    s = window.session
    table = s.table
    field, row = table.columns[1], int(table.df.index[2])
    old_value = table.df.loc[row, field]
    push_edit(s, CellEdit(row, field, old_value, "corrigé à la main"))
    session, edited, mapping, stack = s, s.table, s.mapping, s.undo_stack
    old_map_page, old_grid, undo_count = window.pages["map"], window.grid, stack.count()
    assert menu_titles(window)[0] == "&Fichier"

    switch(qtbot, window, "en")

    assert load_preferences().language == "en"  # the preference is still saved for the next start
    assert menu_titles(window) == ["&File", "&Edit", "&Help"]
    assert window.page_title.text() == "2. Map to the schema"
    assert "Map to the schema" in window.nav.item(1).text()
    assert window.next_button.text().replace("&", "") == "Next ▶"
    assert window.current_step() == "map" and window.central.currentIndex() == 1
    assert window.session is session and s.table is edited and s.mapping is mapping
    assert s.undo_stack is stack and stack.count() == undo_count
    assert window.undo_action.text().startswith("&Undo")
    leftovers = sorted({t for t in _texts(window) if t in _french_only()})
    assert leftovers == [], f"French text left after the switch: {leftovers}"
    # the rebuilt Associer page shows the same mapping, one row per schema field
    page = window.pages["map"]
    assert page is not old_map_page and page.mapping is mapping
    assert page.fields_table.rowCount() == len(s.schema.fields)
    # the old widgets are gone, the grid shows the same edited cell
    assert not shiboken6.isValid(old_map_page) and not shiboken6.isValid(old_grid)
    assert window.model.rowCount() == table.row_count
    col = window.model.column_index(field)
    assert window.model.data(window.model.index(window.model.visible_row_of(row), col)) == "corrigé à la main"
    # the undo history still works after the switch
    window.undo_action.trigger()
    assert s.table.df.loc[row, field] == old_value
    window.redo_action.trigger()

    switch(qtbot, window, "fr")
    assert window.page_title.text() == "2. Associer au schéma"
    assert window.session is session and s.undo_stack.count() == undo_count
    assert s.table.df.loc[row, field] == "corrigé à la main"
    assert not s.undo_stack.isClean() and s.has_unsaved_work()


def test_the_start_screen_switches_too_and_keeps_the_resume_offer(qtbot, window) -> None:
    window.start_screen.show_resume("Travail non terminé")
    window.autosaver.pending = lambda: {"path": str(demo_file()), "step": 1}
    switch(qtbot, window, "en")
    assert window.central.currentWidget() is window.start_screen
    assert window.start_screen.open_button.text() == "&Open a file…"
    assert window.start_screen.resume_frame.isVisibleTo(window.start_screen)
    assert "subventions-demo.xlsx" in window.start_screen.resume_label.text()
    assert "Map to the schema" in window.start_screen.resume_label.text()  # the step name in English


def test_the_switch_waits_for_the_running_task(qtbot, window) -> None:
    release = threading.Event()
    done = []
    window.jobs.start("validate", lambda **_: release.wait(10), on_done=lambda _r: done.append(True))
    choose_language(qtbot, window, "en")
    qtbot.wait(100)
    assert menu_titles(window)[0] == "&Fichier"  # not while the task runs: its result goes to the old page
    assert "tâche en cours" in window.statusBar().currentMessage()
    release.set()
    qtbot.waitUntil(lambda: menu_titles(window)[:1] == ["&File"], timeout=5000)
    assert done == [True]


def test_grid_filter_sort_and_find_dialog_survive(qtbot, window) -> None:
    from capnum_desktop.ui.dialogs.find_replace_dialog import show_find_replace

    open_and_map(qtbot, window)
    grid = window.grid
    grid.view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    df = window.session.table.df
    column = next(i for i, c in enumerate(df.columns) if df[c].str.contains("Association").any())
    grid.filter_edit.setText("Association")
    grid.filter_column.setCurrentIndex(column + 1)
    qtbot.waitUntil(lambda: window.model.rowCount() < window.session.table.row_count, timeout=3000)
    shown, first = window.model.rowCount(), window.model.source_row(0)
    dialog = show_find_replace(window)
    dialog.find_edit.setText("Paris")
    calls = []
    window.model.sort = lambda *a: calls.append(a)  # the rebuilt grid must not sort a million rows again

    switch(qtbot, window, "en")

    grid = window.grid
    assert calls == []
    assert grid.filter_edit.text() == "Association" and grid.filter_column.currentIndex() == column + 1
    assert grid.filter_column.itemText(0) == "All columns"
    assert window.model.rowCount() == shown and window.model.source_row(0) == first
    header = grid.view.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (1, Qt.SortOrder.DescendingOrder)
    new_dialog = window._find_replace_dialog
    assert new_dialog is not dialog and new_dialog.isVisible()
    assert new_dialog.windowTitle() == "Find and replace" and new_dialog.find_edit.text() == "Paris"
    header.setSortIndicator(2, Qt.SortOrder.AscendingOrder)  # clicking a header still sorts the model
    assert calls == [(2, Qt.SortOrder.AscendingOrder)]
    del window.model.sort


def test_later_steps_keep_their_results_without_recomputing(qtbot, window, tmp_path) -> None:
    open_and_map(qtbot, window)
    s = window.session
    window.show_step("protect")
    qtbot.waitUntil(lambda: window.next_button.isEnabled(), timeout=20000)
    window.next_button.click()
    qtbot.waitUntil(lambda: s.protected is not None and window.current_step() == "verify"
                    and s.report is not None and not window.jobs.is_running(), timeout=30000)
    report, plan, protected = s.report, s.plan, s.protected
    marks = dict(window.model._marks)
    window.show_step("export")
    page = window.pages["export"]
    page.title_edit.setText("Mes subventions 2024")
    page.description_edit.setPlainText("Décrit à la main.")
    page.bom_check.setChecked(True)
    window.show_step("verify")

    switch(qtbot, window, "en")

    assert window.current_step() == "verify" and window.page_title.text() == "4. Check"
    assert s.report is report and s.plan is plan and s.protected is protected  # nothing recomputed
    assert not window.jobs.is_running()
    assert window.model._marks == marks and marks  # the grid still shows the errors
    assert window.pages["verify"].issues.rowCount() > 0
    export = window.pages["export"]
    assert export.title_edit.text() == "Mes subventions 2024"
    assert export.description_edit.toPlainText() == "Décrit à la main." and export.bom_check.isChecked()

    # after an export, the result (files written, "Open the folder") stays shown
    window.show_step("export")
    export.folder_edit.setText(str(tmp_path))
    export.export()
    qtbot.waitUntil(lambda: s.export_result is not None and not window.jobs.is_running(), timeout=30000)
    files = export.files_list.count()
    assert files > 0 and not s.has_unsaved_work()
    switch(qtbot, window, "fr")
    page = window.pages["export"]
    assert window.current_step() == "export" and page is not export
    assert page.open_button.isVisibleTo(page) and page.last_folder == export.last_folder
    lines = page.result_label.text().splitlines()
    assert page.files_list.count() == files and page.verdict_label.text() == page.export_verdict(s.export_result)
    assert lines[0].startswith("Export terminé :")  # rebuilt from the session's export result alone
    assert page.title_edit.text() == "Mes subventions 2024"
    assert not s.has_unsaved_work()


def test_no_widget_is_left_behind(qtbot, window) -> None:
    open_and_map(qtbot, window)
    switch(qtbot, window, "en")
    switch(qtbot, window, "fr")
    before = len(window.findChildren(QWidget)), len(window.findChildren(QObject))
    switch(qtbot, window, "en")
    switch(qtbot, window, "fr")
    after = len(window.findChildren(QWidget)), len(window.findChildren(QObject))
    assert after == before


def test_a_mapping_change_made_before_the_switch_is_undone_on_the_new_page(qtbot, window) -> None:
    """The undo stack outlives the widgets: undoing a mapping change after a language switch acts on
    the rebuilt Associer page, not on the deleted one."""
    from capnum_desktop.ui.pages.map_page import COL_FIELD, COL_SOURCE

    open_and_map(qtbot, window)
    s, page = window.session, window.pages["map"]
    suggested = s.mapping

    def combo_of(p, field):
        table = p.fields_table
        row = next(r for r in range(table.rowCount())
                   if table.item(r, COL_FIELD).data(Qt.ItemDataRole.UserRole) == field)
        return table.cellWidget(row, COL_SOURCE)

    combo = combo_of(page, "nomBeneficiaire")
    combo.setCurrentIndex(0)  # — aucune —
    qtbot.waitUntil(lambda: not window.jobs.is_running() and s.mapping is not suggested
                    and not page._conform_timer.isActive(), timeout=15000)
    assert s.mapping.column_for("nomBeneficiaire") is None

    switch(qtbot, window, "en")
    new_page = window.pages["map"]
    assert new_page is not page and not shiboken6.isValid(page)
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: not window.jobs.is_running() and s.mapping == suggested
                    and not new_page._conform_timer.isActive(), timeout=15000)
    assert combo_of(new_page, "nomBeneficiaire").currentData() == suggested.column_for("nomBeneficiaire")
    window.redo_action.trigger()
    qtbot.waitUntil(lambda: not window.jobs.is_running() and s.mapping.column_for("nomBeneficiaire") is None,
                    timeout=15000)
    assert combo_of(new_page, "nomBeneficiaire").currentIndex() == 0


def test_settings_show_the_language_in_use_and_keep_it_when_left_alone(qtbot, window) -> None:
    """Started with --lang en while French is saved: Paramètres shows English; editing only the name
    changes neither the interface nor the saved language."""
    from capnum_desktop.core.preferences import save_preferences
    from capnum_desktop.ui.dialogs.settings_dialog import SettingsDialog

    save_preferences(load_preferences().with_changes(language="fr"))
    from capnum_desktop.ui.i18n import install_translators

    install_translators(QApplication.instance(), "en")  # what --lang en does at start-up
    window.rebuild_ui()
    window.show_settings()
    dialog = next(d for d in window.findChildren(SettingsDialog) if d.isVisible())
    assert dialog.language_combo.currentData() == "en"
    dialog.user_edit.setText("Agent Test")
    dialog.accept()
    QCoreApplication.processEvents()
    assert menu_titles(window)[0] == "&File"  # still English
    saved = load_preferences()
    assert saved.language == "fr" and saved.user_name == "Agent Test"


def test_switching_mid_wizard_keeps_mapping_privacy_decisions_and_edits(qtbot, window) -> None:
    """Every page built again shows the session's state alone: the mapping chosen on Associer (a constant
    typed there), a decision changed on Protéger and a cell corrected on Vérifier all survive a switch."""
    from capnum_desktop.ui.pages.map_page import COL_CONSTANT, COL_FIELD

    open_and_map(qtbot, window)
    s, map_page = window.session, window.pages["map"]
    row = next(r for r in range(map_page.fields_table.rowCount())
               if map_page.fields_table.item(r, COL_FIELD).data(Qt.ItemDataRole.UserRole) == "idAttribuant")
    constant = map_page.fields_table.cellWidget(row, COL_CONSTANT)
    constant.setText("11004601800013")
    constant.editingFinished.emit()
    qtbot.waitUntil(lambda: not s.mapping_pending() and not window.jobs.is_running(), timeout=15000)
    mapping = s.mapping
    assert mapping.constants.get("idAttribuant") == "11004601800013"

    window.show_step("protect")
    qtbot.waitUntil(lambda: s.plan is not None and not window.jobs.is_running(), timeout=20000)
    protect = window.pages["protect"]
    column, card = next(iter(protect.cards.items()))
    before = card.action_combo.currentData()
    other = next(i for i in range(card.action_combo.count()) if card.action_combo.itemData(i) != before)
    card.action_combo.setCurrentIndex(other)
    chosen = card.action_combo.currentData()
    assert s.plan.decision(column).action == chosen != before

    window.show_step("verify")
    qtbot.waitUntil(lambda: s.report is not None and not window.jobs.is_running(), timeout=30000)
    field = s.table.columns[0]
    cell = int(s.table.df.index[1])
    push_edit(s, CellEdit(cell, field, s.table.df.loc[cell, field], "corrigé à la main"))
    qtbot.waitUntil(lambda: not window.jobs.is_running(), timeout=15000)
    report, undo_count = s.report, s.undo_stack.count()

    switch(qtbot, window, "en")

    assert s.mapping is mapping and s.plan.decision(column).action == chosen
    assert s.table.df.loc[cell, field] == "corrigé à la main" and s.undo_stack.count() == undo_count
    assert window.current_step() == "verify" and s.report is report  # nothing checked again
    window.show_step("protect")
    new_card = window.pages["protect"].cards[column]
    assert new_card is not card and new_card.action_combo.currentData() == chosen
    window.show_step("map")
    new_map = window.pages["map"]
    assert new_map is not map_page and new_map.mapping is mapping
    assert new_map.fields_table.cellWidget(row, COL_CONSTANT).text() == "11004601800013"
    qtbot.waitUntil(lambda: not window.jobs.is_running(), timeout=15000)
    assert s.mapping is mapping and s.table.df.loc[cell, field] == "corrigé à la main"
    window.undo_action.trigger()  # the undo history survived too: Ctrl+Z takes the cell edit back
    assert s.table.df.loc[cell, field] != "corrigé à la main"
