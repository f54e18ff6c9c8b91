"""Vérifier page: grouped errors, grid marks, go to the cell, inline fixes with undo/redo and partial
re-validation, bulk column fixes, find and replace, cancel of a long validation."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt

from capnum_desktop.core.schemas import schema_from_descriptor
from capnum_desktop.core.table import Table
from tests.ui.conftest import make_table

DESCRIPTOR = {
    "name": "essai",
    "title": "Essai",
    "fields": [
        {"name": "id", "type": "integer", "constraints": {"required": True, "unique": True}},
        {"name": "date", "type": "date"},
        {"name": "commune", "type": "string", "constraints": {"required": True}},
        {"name": "statut", "type": "string", "constraints": {"enum": ["ouvert", "fermé"]}},
    ],
}


def messy_table() -> Table:
    rows = [
        ["1", "2024-03-15", "Lyon", "ouvert"],
        ["2", "15/03/2024", "  Paris  ", "ouvert"],   # French date: type error
        ["3", "2024-01-02", "", "fermé"],              # required missing
        ["x", "2024-02-01", "Nice", "OUVERT"],         # bad integer, enum
        ["5", "01/02/2024", "Brest", "fermé"],         # French date: type error
    ]
    return make_table(["id", "date", "commune", "statut"], rows)


def big_table(n: int) -> Table:
    rows = [[str(i), "15/03/2024" if i % 3 else "2024-03-15", f"Ville {i % 50}", "ouvert"] for i in range(n)]
    return make_table(["id", "date", "commune", "statut"], rows)


@pytest.fixture
def window(qtbot):
    from capnum_desktop.ui.application import build_window

    w = build_window()  # not qtbot.addWidget: it would close the window before the session is cleared
    w.show()
    yield w
    w.jobs.shutdown()
    w.session.clear()  # nothing unsaved: closing does not ask
    w.close()
    w.autosaver.clean_exit()
    w.deleteLater()


def open_verify(qtbot, window, table: Table, wait: bool = True):
    s = window.session
    s.set_source("essai.csv", None, table)
    s.set_schema(schema_from_descriptor(DESCRIPTOR, schema_id="essai"), None)
    s.set_mapping(SimpleNamespace(to_dict=lambda: {}), SimpleNamespace(table=table))
    window.central.setCurrentIndex(1)
    window.show_step("verify")
    page = window.pages["verify"]
    if wait:
        qtbot.waitUntil(lambda: s.report is not None and not window.jobs.is_running(), timeout=20000)
    return page


def test_errors_grouped_with_counts_and_marked_in_the_grid(qtbot, window) -> None:
    page = open_verify(qtbot, window, messy_table())
    report = window.session.report
    assert report.error_count == 5
    assert "5 erreurs sur 4 lignes" in page.summary_label.text()  # plurals read aloud, no « (s) »
    groups = [page.issues.item(i).text() for i in range(page.issues.rowCount())]
    assert any("« date »" in g and ": 2" in g for g in groups)
    assert any("« commune »" in g for g in groups)
    model = window.model
    row, col = model.visible_row_of(3), model.column_index("date")
    assert model.data(model.index(row, col), Qt.ItemDataRole.BackgroundRole) is not None
    assert "2024-03-15" in model.data(model.index(row, col), Qt.ItemDataRole.ToolTipRole)
    ok = model.index(model.visible_row_of(2), col)
    assert model.data(ok, Qt.ItemDataRole.BackgroundRole) is None
    assert window.next_button.isEnabled()


def test_clicking_an_error_shows_the_cell(qtbot, window) -> None:
    page = open_verify(qtbot, window, messy_table())
    for i in range(page.issues.rowCount()):
        if "« commune »" in page.issues.item(i).text():
            group = page.issues.index(i, 0)
    child = page.issues.index(0, 0, group)
    assert "Ligne 4" in child.data()
    page._on_issue_activated(child)
    current = window.grid.view.currentIndex()
    assert window.model.source_row(current.row()) == 4
    assert window.model.columns[current.column()] == "commune"
    assert "obligatoire" in page.detail_label.text()


def test_inline_edit_revalidates_only_that_cell_and_undo_redo(qtbot, window) -> None:
    page = open_verify(qtbot, window, messy_table())
    model = window.model
    index = model.index(model.visible_row_of(3), model.column_index("date"))
    assert model.setData(index, "2024-03-15")
    assert window.session.report.error_count == 4
    assert "4 erreurs" in page.summary_label.text()
    assert model.data(index, Qt.ItemDataRole.BackgroundRole) is None
    window.undo_action.trigger()
    assert model.data(index) == "15/03/2024"
    assert window.session.report.error_count == 5
    assert model.data(index, Qt.ItemDataRole.BackgroundRole) is not None
    window.redo_action.trigger()
    assert model.data(index) == "2024-03-15" and window.session.report.error_count == 4
    assert page.undo_button.defaultAction().isEnabled()


def test_bulk_conversion_of_a_column_is_one_undo_step(qtbot, window) -> None:
    page = open_verify(qtbot, window, messy_table())
    stack = window.session.undo_stack
    page.tree.setCurrentIndex(page.issues.index(0, 0))
    dialog = page.bulk_fix_dialog()
    dialog.column_combo.setCurrentText("date")
    dialog.set_operation("convert")
    assert dialog.update_preview() == 2
    assert "2 cellules de « date » seront modifiées" in dialog.preview_label.text()
    assert page.apply_bulk_fix(dialog)
    df = window.session.table.df
    assert df.loc[3, "date"] == "2024-03-15" and df.loc[6, "date"] == "2024-02-01"
    assert window.session.report.error_count == 3
    assert stack.count() == 1
    window.undo_action.trigger()
    assert window.session.table.df.loc[3, "date"] == "15/03/2024"
    assert window.session.report.error_count == 5


def test_bulk_conversion_of_a_big_table_is_built_in_the_background(qtbot, window, monkeypatch) -> None:
    from capnum_desktop.ui.dialogs import bulk_fix_dialog

    monkeypatch.setattr(bulk_fix_dialog, "LIVE_PREVIEW_ROWS", 3)  # 5 rows count as "big": no live preview
    page = open_verify(qtbot, window, messy_table())
    dialog = page.bulk_fix_dialog()
    dialog.column_combo.setCurrentText("date")
    dialog.set_operation("convert")
    assert "après l'application" in dialog.preview_label.text() and dialog.apply_button.isEnabled()
    assert dialog.needs_background_build()
    assert page.apply_bulk_fix(dialog)
    assert window.session.table.df.loc[3, "date"] == "15/03/2024"  # not on the UI thread: the job builds it
    assert "Préparation de la correction" in page.summary_label.text() and not page.bulk_button.isEnabled()
    qtbot.waitUntil(lambda: window.session.undo_stack.count() == 1 and not window.jobs.is_running(), timeout=20000)
    assert window.session.table.df.loc[3, "date"] == "2024-03-15"
    assert window.session.report.error_count == 3
    assert "3 erreurs" in page.summary_label.text() and page.bulk_button.isEnabled()
    window.undo_action.trigger()
    assert window.session.report.error_count == 5


def test_errors_are_grouped_and_counted_off_the_ui_thread(qtbot, window, monkeypatch) -> None:
    """At a million errors grouping them takes ~0.2 s: the validation and re-validation jobs do it
    (issue 16), the UI thread only builds the list from the groups, the same list as built alone."""
    import threading

    from capnum_desktop.ui.models import issues_model
    from capnum_desktop.ui.pages import verify_page

    threads: list[bool] = []

    def recording(report):
        threads.append(threading.current_thread() is threading.main_thread())
        return issues_model.digest_report(report)

    monkeypatch.setattr(verify_page, "digest_report", recording)
    monkeypatch.setattr(verify_page, "SYNC_REVALIDATE_ROWS", 0)  # every edit re-validated in the job runner
    page = open_verify(qtbot, window, messy_table())
    assert threads == [False]
    assert "5 erreurs sur 4 lignes" in page.summary_label.text()

    def texts(model):
        return [(model.item(i).text(), [model.item(i).child(j).text() for j in range(model.item(i).rowCount())])
                for i in range(model.rowCount())]

    alone = issues_model.IssuesModel()
    alone.set_report(window.session.report)  # no digest: grouped here
    assert texts(page.issues) == texts(alone) and page.issues.rowCount() >= 3
    model = window.model
    model.setData(model.index(model.visible_row_of(3), model.column_index("date")), "2024-03-15",
                  Qt.ItemDataRole.EditRole)
    qtbot.waitUntil(lambda: not window.jobs.is_running() and window.session.report.error_count == 4, timeout=20000)
    assert threads == [False, False]
    assert "4 erreurs sur 3 lignes" in page.summary_label.text()
    alone.set_report(window.session.report)
    assert texts(page.issues) == texts(alone)


def _dict_marks(report, limit: int = 200_000, detailed: int = 5_000, field: str | None = None) -> dict:
    """The grid marks as a plain dict, made cell by cell (what cell_marks made before CellMarks)."""
    from capnum_desktop.core.validation import ValidationReport
    from capnum_desktop.core.validation.messages import kind_label

    marks, errors = {}, report.errors
    if field is not None:
        errors = errors[errors["field"] == field]
    for severity in ("warning", "error"):
        frame = errors[(errors["severity"] == severity) & errors["row"].notna()].head(limit)
        head = frame.head(detailed)
        sub = ValidationReport(errors=head, fields=report.fields, row_count=report.row_count)
        for issue in sub.issues():
            marks[(int(issue.row), issue.field)] = (severity, "\n".join(issue.text()).strip())
        for rec in frame.iloc[len(head):].itertuples(index=False):
            marks[(int(rec.row), str(rec.field))] = (severity, kind_label(rec.code, rec.constraint))
    return marks


def test_a_cell_typed_in_a_big_report_is_revalidated_in_the_background(qtbot, window, monkeypatch) -> None:
    """Issue 16: in a report of many problems, a typed cell shows at once; merging it into the report, its
    mark and the regrouped list (0.2-0.5 s at 666,000 errors) come from the job runner; undo alike."""
    import threading

    from capnum_desktop.core import validation
    from capnum_desktop.ui.models import issues_model
    from capnum_desktop.ui.pages import verify_page

    page = open_verify(qtbot, window, messy_table())
    threads: list[bool] = []

    def recording(*args, **kwargs):
        threads.append(threading.current_thread() is threading.main_thread())
        return validation.revalidate(*args, **kwargs)

    monkeypatch.setattr(verify_page, "revalidate", recording)
    monkeypatch.setattr(verify_page, "SYNC_REVALIDATE_PROBLEMS", 0)  # every report counts as big
    model = window.model
    index = model.index(model.visible_row_of(3), model.column_index("date"))
    assert model.setData(index, "2024-03-15")
    assert model.data(index) == "2024-03-15"  # the value at once
    qtbot.waitUntil(lambda: window.session.report.error_count == 4 and not window.jobs.is_running(), timeout=20000)
    assert threads == [False] and "4 erreurs" in page.summary_label.text()
    assert model.data(index, Qt.ItemDataRole.BackgroundRole) is None  # its mark is gone
    assert model.data(model.index(model.visible_row_of(6), model.column_index("date")),
                      Qt.ItemDataRole.BackgroundRole) is not None  # the other French date keeps its mark
    alone = issues_model.IssuesModel()
    alone.set_report(window.session.report)
    assert [page.issues.item(i).text() for i in range(page.issues.rowCount())] == \
        [alone.item(i).text() for i in range(alone.rowCount())]
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: window.session.report.error_count == 5 and not window.jobs.is_running(), timeout=20000)
    assert threads == [False, False] and model.data(index, Qt.ItemDataRole.BackgroundRole) is not None


def test_grid_marks_are_arrays_with_the_same_marks_as_a_dict() -> None:
    """A million marked cells are numpy arrays (issue 16: no tuple per cell made while holding the GIL,
    nothing for the garbage collector to scan on the UI thread); they read as the dict they replace,
    detailed messages first, then the kind of error; a partial update and Protéger's tooltips too."""
    from capnum_desktop.core.validation import revalidate, validate_table
    from capnum_desktop.ui.models.issues_model import cell_marks, updated_marks
    from capnum_desktop.ui.models.marks import CellMarks

    schema = schema_from_descriptor({"fields": [
        {"name": "id", "type": "integer", "constraints": {"unique": True}},
        {"name": "date", "type": "date"},
        {"name": "statut", "type": "string", "constraints": {"enum": ["ouvert", "fermé"]}},
    ], "missingValues": [""]}, schema_id="essai")
    rows = [[str(i if i % 9 else i - 1), "15/03/2024" if i % 3 else "2024-03-15", "x" if i % 2 else "ouvert"]
            for i in range(3000)]
    table = make_table(["id", "date", "statut"], rows)
    report = validate_table(table, schema)
    marks = cell_marks(report, detailed=100)
    assert isinstance(marks, CellMarks) and dict(marks) == _dict_marks(report, detailed=100)
    assert len(marks) == len(_dict_marks(report, detailed=100)) > 2000
    assert (10**9, "date") not in marks and marks.get((5, "nulle part")) is None
    assert dict(cell_marks(report, limit=500, field="date")) == _dict_marks(report, limit=500, field="date")
    fixed = table.df.copy()
    fixed.loc[[3, 4, 6], "date"] = "2024-01-01"
    from capnum_desktop.core.table import Table

    new_table = Table(fixed, table.source)
    new = revalidate(report, new_table, schema, rows=[3, 4, 6], fields=["date"])
    partial = updated_marks(marks, new, "date", [3, 4, 6])
    expected = {k: v for k, v in dict(marks).items() if not (k[1] == "date" and k[0] in (3, 4, 6))}
    assert dict(partial) == expected and (4, "date") in marks and (4, "date") not in partial
    assert dict(updated_marks(marks, new, "date")) == {**{k: v for k, v in dict(marks).items() if k[1] != "date"},
                                                       **_dict_marks(new, field="date")}
    tips = marks.with_tooltips({"statut": "vidé"})
    assert tips[(3, "statut")] == (marks[(3, "statut")][0], "vidé") and tips[(4, "date")] == marks[(4, "date")]


def test_bulk_trim_and_nothing_to_change(qtbot, window) -> None:
    page = open_verify(qtbot, window, messy_table())
    dialog = page.bulk_fix_dialog()
    dialog.column_combo.setCurrentText("commune")
    dialog.set_operation("trim")
    assert dialog.update_preview() == 1
    assert page.apply_bulk_fix(dialog)
    assert window.session.table.df.loc[3, "commune"] == "Paris"
    dialog = page.bulk_fix_dialog()
    dialog.column_combo.setCurrentText("commune")
    dialog.set_operation("trim")
    assert dialog.update_preview() == 0
    assert not dialog.apply_button.isEnabled()
    assert "Aucune cellule" in dialog.preview_label.text()


def test_find_and_replace_all_is_one_undo_step(qtbot, window) -> None:
    from capnum_desktop.ui.dialogs.find_replace_dialog import show_find_replace

    open_verify(qtbot, window, messy_table())
    dialog = show_find_replace(window)
    qtbot.addWidget(dialog)
    dialog.find_edit.setText("ouvert")
    dialog.replace_edit.setText("fermé")
    assert dialog.find_next()
    assert "Occurrence 1 sur 3" in dialog.status_label.text()  # case-insensitive: OUVERT too
    assert window.model.columns[window.grid.view.currentIndex().column()] == "statut"
    assert dialog.replace_all() == 3
    assert set(window.session.table.df["statut"]) == {"fermé"}
    assert window.session.report.error_count == 4  # the enum error is gone
    window.undo_action.trigger()
    assert window.session.table.df["statut"].tolist() == ["ouvert", "ouvert", "fermé", "OUVERT", "fermé"]
    assert window.session.report.error_count == 5


def test_replace_all_in_a_big_table_is_built_in_the_background(qtbot, window, monkeypatch) -> None:
    """Issue 16: from BACKGROUND_ROWS rows, « Tout remplacer » builds and applies its edits in the job runner
    (1.4 s at a million rows on the UI thread); the UI thread swaps them in: same cells, one undo step."""
    import threading

    from capnum_desktop.core import edits
    from capnum_desktop.ui.dialogs import find_replace_dialog
    from capnum_desktop.ui.dialogs.find_replace_dialog import show_find_replace

    threads: list[bool] = []
    real = edits.prepare_edit

    def recording(*args):
        threads.append(threading.current_thread() is threading.main_thread())
        return real(*args)

    monkeypatch.setattr(find_replace_dialog, "prepare_edit", recording)
    monkeypatch.setattr(find_replace_dialog, "BACKGROUND_ROWS", 1)
    open_verify(qtbot, window, messy_table())
    dialog = show_find_replace(window)
    qtbot.addWidget(dialog)
    dialog.find_edit.setText("ouvert")
    dialog.replace_edit.setText("fermé")
    steps = window.session.undo_stack.count()
    assert dialog.replace_all() == -1  # started
    assert window.session.table.df["statut"].tolist()[0] == "ouvert"  # not on the UI thread
    qtbot.waitUntil(lambda: "3 cellules modifiées" in dialog.status_label.text() and not window.jobs.is_running(),
                    timeout=20000)
    assert threads == [False] and set(window.session.table.df["statut"]) == {"fermé"}
    assert window.session.report.error_count == 4 and window.session.undo_stack.count() == steps + 1
    window.undo_action.trigger()
    assert window.session.table.df["statut"].tolist() == ["ouvert", "ouvert", "fermé", "OUVERT", "fermé"]
    assert window.session.report.error_count == 5


def test_find_with_case_and_replace_one(qtbot, window) -> None:
    from capnum_desktop.ui.dialogs.find_replace_dialog import FindReplaceDialog

    open_verify(qtbot, window, messy_table())
    dialog = FindReplaceDialog(window)
    qtbot.addWidget(dialog)
    dialog.case_check.setChecked(True)
    dialog.find_edit.setText("OUVERT")
    dialog.replace_edit.setText("ouvert")
    assert dialog.replace_current()
    assert window.session.table.df.loc[5, "statut"] == "ouvert"
    assert window.session.undo_stack.count() == 1
    dialog.regex_check.setChecked(True)
    dialog.find_edit.setText("[")
    assert not dialog.find_next()
    assert "incorrecte" in dialog.status_label.text()


def test_cancel_a_long_validation_with_the_progress_panel(qtbot, window) -> None:
    page = open_verify(qtbot, window, big_table(300_000), wait=False)
    assert window.jobs.is_running("validate")
    assert "en cours" in page.summary_label.text()
    assert not window.next_button.isEnabled()
    window.progress_panel.cancel_button.click()
    assert not window.jobs.is_running()
    assert "interrompue" in page.summary_label.text()
    assert window.session.report is None
    page.revalidate_button.click()
    qtbot.waitUntil(lambda: window.session.report is not None, timeout=60000)
    assert window.session.report.error_count == 200_000
    assert page.issues.rowCount() == 1
    assert page.issues.item(0).rowCount() == 201  # first 200 problems, then "… et N autre(s)"


def test_ctrl_h_opens_find_and_replace_and_next_walks_the_matches(qtbot, window) -> None:
    open_verify(qtbot, window, messy_table())
    assert window.find_action.shortcut().toString() == "Ctrl+H"
    window.find_action.trigger()
    dialog = window._find_replace_dialog
    assert dialog.isVisible()
    dialog.find_edit.setText("fermé")
    rows = []
    for _ in range(3):
        assert dialog.find_next()
        rows.append(window.model.source_row(window.grid.view.currentIndex().row()))
    assert rows == [4, 6, 4]  # wraps around
    dialog.close()


def test_column_problems_are_listed_and_mark_the_header(qtbot, window) -> None:
    table = make_table(["id", "date", "commune", "statut", "remarque"], [["1", "2024-03-15", "Lyon", "ouvert", "x"]])
    page = open_verify(qtbot, window, table)
    texts = [page.issues.item(i).text() for i in range(page.issues.rowCount())]
    assert any("remarque" in t and "ne fait pas partie du schéma" in t for t in texts)  # extra column: warning
    assert "avertissement" in page.summary_label.text()
    col = window.model.column_index("remarque")
    assert "ne fait pas partie du schéma" in window.model.headerData(col, Qt.Orientation.Horizontal,
                                                                     Qt.ItemDataRole.ToolTipRole)
    assert window.model.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.BackgroundRole) is not None


def test_errors_caused_by_protect_say_so(qtbot, window) -> None:
    """A required field emptied by Protéger: the list and the cell say « vidé à l'étape Protéger »."""
    from capnum_desktop.core.privacy import Decision, PrivacyPlan

    s, table = window.session, messy_table()
    s.set_source("essai.csv", None, table)
    s.set_schema(schema_from_descriptor(DESCRIPTOR, schema_id="essai"), None)
    s.set_mapping(SimpleNamespace(to_dict=lambda: {}), SimpleNamespace(table=table))
    s.set_privacy(None, PrivacyPlan([Decision("commune", "suppress", category="sole_proprietor")]))
    window.central.setCurrentIndex(1)
    window.show_step("verify")
    page = window.pages["verify"]
    qtbot.waitUntil(lambda: s.report is not None and not window.jobs.is_running(), timeout=20000)
    texts = [page.issues.item(i).text() for i in range(page.issues.rowCount())]
    assert any("« commune »" in t and "vidé à l'étape Protéger" in t for t in texts)
    assert not any("« date »" in t and "Protéger" in t for t in texts)
    model = window.model
    cell = model.index(model.visible_row_of(4), model.column_index("commune"))
    assert "vidé à l'étape Protéger" in model.data(cell, Qt.ItemDataRole.ToolTipRole)


def test_the_summary_reads_aloud_singular_plural_and_structure_errors(qtbot, window) -> None:
    """« 1 erreur sur 1 ligne », « 2 erreurs dans la structure du tableau » (not « sur 0 ligne(s) »)."""
    import pandas as pd

    page = open_verify(qtbot, window, messy_table())
    report = window.session.report

    class Shown:  # the report as the summary reads it, with chosen errors
        def __init__(self, rows: list[float | None], warnings: int = 0) -> None:
            self.valid, self.row_count, self.warning_count = False, report.row_count, warnings
            self.error_count = len(rows)
            self.errors = pd.DataFrame({"severity": ["error"] * len(rows), "row": rows})

    assert page._summary(Shown([3.0])).startswith("1 erreur sur 1 ligne (sur ")
    assert page._summary(Shown([None, None])) == "2 erreurs dans la structure du tableau (colonnes, en-têtes)."
    assert page._summary(Shown([1.0, 2.0], warnings=1)).endswith(f"2 erreurs sur 2 lignes (sur {report.row_count}). 1 avertissement.")
    assert "(s)" not in page._summary(report)
