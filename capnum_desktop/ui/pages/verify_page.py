"""Step 4, Vérifier: validate against the schema, show errors in the grid and in a grouped list, fix them.

The first visit validates the working table in the background (core ``validate_table``). Errors
colour their cells in the grid (with the French message as tooltip) and are listed grouped by column
and kind with counts; clicking one shows its cell. Every change — a cell typed in the grid, a find
and replace, a bulk fix on a column — is a core edit on the session's undo stack (Ctrl+Z / Ctrl+Y),
and only what changed is validated again (core ``revalidate``): the changed rows of the changed
column, in the UI thread when small, in the background when a whole column changed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from capnum_desktop.core.edits import PreparedEdit, build_edit, prepare_edit
from capnum_desktop.core.privacy import emptied_by_protect
from capnum_desktop.core.table import Table
from capnum_desktop.core.validation import ValidationReport, revalidate, validate_table
from capnum_desktop.ui.i18n import current_language
from capnum_desktop.ui.models.issues_model import (
    FIELD_ROLE,
    MESSAGE_ROLE,
    ROW_ROLE,
    IssuesModel,
    ReportDigest,
    cell_marks,
    column_marks,
    digest_report,
    updated_marks,
    with_protect_marks,
)
from capnum_desktop.ui.pages.base import Page
from capnum_desktop.ui.undo import push_edit

SYNC_REVALIDATE_ROWS = 20_000
"""Up to this many changed rows, re-validation runs at once in the UI thread (it takes milliseconds)."""

SYNC_REVALIDATE_PROBLEMS = 20_000
"""A small edit is re-validated at once in the UI thread only while the report holds up to this many
problems; in a bigger report, in the job runner: merging it into 666,000 errors, updating their marks and
regrouping them took 0.2-0.5 s on the UI thread (issue 16). The typed value shows at once, its mark and
the list follow."""


Marks = Mapping[tuple[int, str], tuple[str, str]]  # a CellMarks, or a plain dict


def _validate_job(table: Table, schema: Any, *, progress: Any = None, cancel: Any = None
                  ) -> tuple[ValidationReport, Marks, ReportDigest]:
    """Validate, then build the grid marks and the error list's groups, all off the UI thread (runs in
    the job runner): the UI thread then only shows them."""
    report = validate_table(table, schema, progress=progress, cancel=cancel)
    if cancel is not None:
        cancel.check()
    marks = cell_marks(report)
    if cancel is not None:
        cancel.check()
    return report, marks, digest_report(report)


def _revalidate_job(report: ValidationReport, table: Table, schema: Any, rows: list[int] | None, field: str,
                    marks: Marks, partial: bool = False, *, progress: Any = None, cancel: Any = None
                    ) -> tuple[ValidationReport, Marks, ReportDigest]:
    """Background re-validation after a bulk change (or a small one in a big report), the grid marks and
    the error list's groups it gives (runs in the job runner: at 1M rows the marks of a column take most of
    a second to rebuild, grouping a million errors ~0.2 s). ``partial``: only ``rows``' marks are redone."""
    if cancel is not None:
        cancel.check()
    new = revalidate(report, table, schema, rows=rows, fields=[field])
    marks = _marks_after(marks, report, new, field, rows if partial else None)
    if cancel is not None:
        cancel.check()
    return new, marks, digest_report(new)


def _marks_after(marks: Marks, old: ValidationReport | None, new: ValidationReport, field: str,
                 rows: list[int] | None, old_counts: dict[str, int] | None = None) -> Marks:
    """``marks`` updated for ``field`` (``rows`` of it) and any other column whose error count changed
    (``old_counts``: ``old``'s errors by field when already counted)."""
    fields = {field}
    if old is not None:  # a check over several columns may have changed other columns' errors
        before = old_counts if old_counts is not None else dict(old.by_field("error"))
        after = dict(new.by_field("error"))
        fields |= {f for f in set(before) | set(after) if before.get(f) != after.get(f)}
    for name in fields:
        marks = updated_marks(marks, new, name, rows if name == field else None)
    return marks


def _build_edit_job(*args: Any, progress: Any = None, cancel: Any = None, **kwargs: Any) -> PreparedEdit:
    """Build a column fix and apply it to the table off the UI thread (runs in the job runner): the UI
    thread then only swaps the table in."""
    edit = build_edit(*args, **kwargs)
    if cancel is not None:
        cancel.check()
    return prepare_edit(args[0], edit)


class VerifyPage(Page):
    """Vérifier: grouped errors, cells marked in the grid, fixes with undo, partial re-validation."""

    step_id = "verify"

    def __init__(self, session: Any, jobs: Any, parent: QWidget | None = None) -> None:
        super().__init__(session, jobs, parent)
        self._dirty_during_job = False
        self._digest: ReportDigest | None = None  # the error list's groups of the session's report

        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("sectionTitle")
        self.summary_label.setWordWrap(True)
        self.summary_label.setAccessibleName(self.tr("Résultat de la vérification"))
        self.help_label = QLabel(self.tr(
            "Cliquez sur une erreur pour voir la cellule ; double-cliquez la cellule pour la corriger. "
            "Chaque correction peut être annulée (Ctrl+Z) et seule la partie modifiée est revérifiée."), self)
        self.help_label.setObjectName("hint")
        self.help_label.setWordWrap(True)

        self.issues = IssuesModel(self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.issues)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setAccessibleName(self.tr("Liste des erreurs, regroupées par colonne et par type"))
        self.tree.clicked.connect(self._on_issue_activated)
        self.tree.activated.connect(self._on_issue_activated)
        self.tree.selectionModel().currentChanged.connect(self._on_current_issue_changed)
        self.detail_label = QLabel(self)
        self.detail_label.setWordWrap(True)
        self.detail_label.setAccessibleName(self.tr("Détail de l'erreur choisie"))
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.revalidate_button = QPushButton(self.tr("Re&vérifier tout"), self)
        self.revalidate_button.setAccessibleName(self.tr("Vérifier de nouveau tout le tableau"))
        self.revalidate_button.clicked.connect(self.validate)
        self.bulk_button = QPushButton(self.tr("&Corriger une colonne…"), self)
        self.bulk_button.setAccessibleName(self.tr("Appliquer une correction à toute une colonne"))
        self.bulk_button.clicked.connect(self.open_bulk_fix)
        self.find_button = QPushButton(self.tr("Rec&hercher et remplacer…"), self)
        self.find_button.setAccessibleName(self.tr("Rechercher et remplacer dans le tableau"))
        self.find_button.clicked.connect(self.open_find_replace)
        self.undo_button = QToolButton(self)
        undo_action = session.undo_stack.createUndoAction(self, self.tr("Annuler"))
        undo_action.setIconText(self.tr("Annuler"))  # the button stays short; its tooltip says what is undone
        self.undo_button.setDefaultAction(undo_action)
        self.undo_button.setAccessibleName(self.tr("Annuler la dernière correction"))
        self.redo_button = QToolButton(self)
        redo_action = session.undo_stack.createRedoAction(self, self.tr("Rétablir"))
        redo_action.setIconText(self.tr("Rétablir"))
        self.redo_button.setDefaultAction(redo_action)
        self.redo_button.setAccessibleName(self.tr("Rétablir la correction annulée"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.revalidate_button)
        buttons.addWidget(self.bulk_button)
        buttons.addWidget(self.find_button)
        buttons.addStretch(1)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.redo_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.help_label)
        layout.addLayout(buttons)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.detail_label)

        session.sig_cells_changed.connect(self._on_cells_changed)
        session.sig_changed.connect(self._on_session_changed)
        self._set_busy(False)

    @property
    def _validated(self) -> Table | None:
        """The table the current report describes (the session's: a rebuilt page does not check again)."""
        return self.session.report_table

    @property
    def _marks(self) -> Marks:
        """The grid marks of the current report (the session's)."""
        return self.session.report_marks

    def title(self) -> str:
        return self.tr("Vérifier")

    def subtitle(self) -> str:
        return self.tr("Le tableau est comparé au schéma, comme le fait le validateur national. Corrigez ici ce "
                       "qui peut l'être ; les erreurs restantes figureront dans le rapport.")

    # -- validation ---------------------------------------------------------------------------------
    def enter(self) -> None:
        table, schema = self.session.table, self.session.schema
        if table is None:
            self.summary_label.setText(self.tr("Aucun tableau ouvert."))
            return
        if schema is None:
            self.summary_label.setText(self.tr("Aucun schéma n'a été choisi : rien à vérifier. Revenez à l'étape "
                                               "« Associer au schéma » pour en choisir un."))
            self.issues.set_report(None)
            return
        if self.session.report is None or self._validated is None:
            self.validate()
        else:
            self._show_report(self.session.report)

    def validate(self) -> None:
        """Validate the whole working table in the background."""
        table, schema = self.session.table, self.session.schema
        if table is None or schema is None:
            return
        self._dirty_during_job = False
        self._set_busy(True)
        self.summary_label.setText(self.tr("Vérification en cours…"))
        self.sig_state_changed.emit()
        self.jobs.start("validate", _validate_job, table, schema,
                        on_done=lambda result, t=table: self._on_validated(t, *result),
                        on_failed=self._on_failed, on_cancelled=self._on_cancelled)

    def _on_validated(self, table: Table, report: ValidationReport, marks: Marks,
                      digest: ReportDigest | None = None) -> None:
        self._set_busy(False)
        if self._dirty_during_job:
            self.validate()  # the table changed while it was checked: check again
            return
        self._digest = digest
        self.session.set_report(report, table, marks)
        self._show_report(report)
        self.sig_status.emit(self._summary(report))  # in the UI language, not the core's French
        self.sig_state_changed.emit()

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.summary_label.setText(self.tr("La vérification n'a pas pu se faire."))
        self.sig_error.emit(exc)
        self.sig_state_changed.emit()

    def _on_cancelled(self) -> None:
        self._set_busy(False)
        self.summary_label.setText(self.tr("Vérification interrompue. Cliquez sur « Revérifier tout » pour la relancer."))
        self.sig_state_changed.emit()

    def _set_busy(self, busy: bool) -> None:
        self.revalidate_button.setEnabled(not busy and self.session.schema is not None)
        editable = not busy and self.session.conformed is not None
        self.bulk_button.setEnabled(editable)
        self.find_button.setEnabled(self.session.table is not None)

    def _on_session_changed(self, what: str) -> None:
        from capnum_desktop.ui import session as S

        if what in (S.TABLE, S.MAPPING, S.PRIVACY, S.SOURCE) and self.session.report is None:
            self.issues.set_report(None)
        if what == S.TABLE and self.session.report is not None and self.grid is not None:
            self._mark_grid(self.session.report)  # the grid was reset: put the marks back
        self._set_busy(self.jobs.is_running("validate"))

    # -- partial re-validation after an edit --------------------------------------------------------------
    def _on_cells_changed(self, touched: tuple[str, list[int] | None]) -> None:
        report, table, schema = self.session.report, self.session.table, self.session.schema
        if self.jobs.is_running("validate"):
            self._dirty_during_job = True
            return
        if report is None or table is None or schema is None or self._validated is None:
            return
        field, rows = touched
        if field not in table.columns:
            return
        small = len(rows if rows is not None else table.df.index) <= SYNC_REVALIDATE_ROWS
        if small and len(report.errors) <= SYNC_REVALIDATE_PROBLEMS:
            new = revalidate(report, table, schema, rows=rows, fields=[field])
            self._apply_revalidation(table, new, field, rows)
            return
        self._set_busy(True)
        self.summary_label.setText(self.tr("Vérification de la colonne « {field} »…").format(field=field))
        self.jobs.start("validate", _revalidate_job, report, table, schema, rows, field, self._marks, small,
                        on_done=lambda result, t=table, f=field, m=self._marks, old=report:
                        self._on_revalidated(t, result, f, m, old),
                        on_failed=self._on_failed, on_cancelled=self._on_cancelled)

    def _on_revalidated(self, table: Table, result: tuple[ValidationReport, Marks, ReportDigest], field: str,
                        marks_before: Marks, report_before: ValidationReport) -> None:
        self._set_busy(False)
        if self._dirty_during_job:
            self.validate()
            return
        report, marks, digest = result
        # the job's marks hold while nothing replaced the marks or the report it started from
        same = self._marks is marks_before and self.session.report is report_before
        self._apply_revalidation(table, report, field, marks=marks if same else None, digest=digest)

    def _apply_revalidation(self, table: Table, report: ValidationReport, field: str,
                            rows: list[int] | None = None, *, marks: Marks | None = None,
                            digest: ReportDigest | None = None) -> None:
        old = self.session.report
        counted = self._digest if self._digest is not None and self._digest.report is old else None
        marks = marks if marks is not None else _marks_after(
            self._marks, old, report, field, rows, dict(counted.errors_by_field) if counted is not None else None)
        self._digest = digest
        self.session.set_report(report, table, marks)
        self._show_report(report)
        self.sig_state_changed.emit()

    # -- showing -------------------------------------------------------------------------------------
    def _digest_of(self, report: ValidationReport) -> ReportDigest:
        """The error list's groups and counts of ``report``: the job's when it made them, else made here
        (a report checked in the UI thread after a small edit, or a page rebuilt by a language change)."""
        if self._digest is None or self._digest.report is not report:
            self._digest = digest_report(report)
        return self._digest

    def _show_report(self, report: ValidationReport) -> None:
        digest = self._digest_of(report)
        self.summary_label.setText(self._summary(report))
        expanded = self._expanded_fields()
        self.issues.set_protect_marks(emptied_by_protect(self.session.plan, current_language()))
        self.issues.set_report(report, digest)
        for i in range(self.issues.rowCount()):
            index = self.issues.index(i, 0)
            if index.data(FIELD_ROLE) in expanded:
                self.tree.expand(index)
        self._mark_grid(report)

    def _summary(self, report: ValidationReport) -> str:
        digest = self._digest if self._digest is not None and self._digest.report is report else None
        if digest is not None:  # counted by the job: no pass over a million errors here
            error_count, warning_count, rows = digest.error_count, digest.warning_count, digest.rows_with_errors
        else:
            error_count, warning_count, rows = report.error_count, report.warning_count, _rows_with_errors(report)
        if error_count == 0:
            text = self.tr("Le tableau est conforme au schéma ({n} lignes).").format(n=report.row_count)
        else:  # read aloud: « 1 erreur », « 5 erreurs sur 4 lignes », never « erreur(s) » (French: 0 and 1 singular)
            errors = (self.tr("{n} erreur") if error_count <= 1 else self.tr("{n} erreurs")).format(n=error_count)
            if rows == 0:  # a missing column or a header: the table's structure, not one of its lines
                text = self.tr("{errors} dans la structure du tableau (colonnes, en-têtes).").format(errors=errors)
            else:
                text = (self.tr("{errors} sur {rows} ligne (sur {n}).") if rows <= 1 else
                        self.tr("{errors} sur {rows} lignes (sur {n}).")).format(errors=errors, rows=rows,
                                                                                  n=report.row_count)
        if warning_count:
            text += " " + (self.tr("{n} avertissement.") if warning_count <= 1 else
                           self.tr("{n} avertissements.")).format(n=warning_count)
        return text

    def _expanded_fields(self) -> set[str]:
        fields = set()
        for i in range(self.issues.rowCount()):
            index = self.issues.index(i, 0)
            if self.tree.isExpanded(index):
                fields.add(index.data(FIELD_ROLE))
        return fields

    def _mark_grid(self, report: ValidationReport) -> None:
        if self.grid is None or self.grid.table is not self.session.table:
            return
        protect = emptied_by_protect(self.session.plan, current_language())
        digest = self._digest if self._digest is not None and self._digest.report is report else None
        self.grid.set_cell_marks(with_protect_marks(self._marks, protect),  # no grouping here: counted if need be
                                 with_protect_marks(column_marks(report, digest), protect))

    def _on_current_issue_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.detail_label.setText(current.data(MESSAGE_ROLE) or "" if current.isValid() else "")

    def _on_issue_activated(self, index: QModelIndex) -> None:
        row, field = index.data(ROW_ROLE), index.data(FIELD_ROLE)
        self.detail_label.setText(index.data(MESSAGE_ROLE) or "")
        if row is not None and field:
            self.go_to_cell(int(row), str(field))

    def go_to_cell(self, row: int, field: str) -> bool:
        """Select and show a cell of the main window's grid."""
        grid_view = getattr(self.window(), "grid", None)
        if grid_view is not None and hasattr(grid_view, "go_to_cell"):
            return bool(grid_view.go_to_cell(row, field))
        return False

    # -- fixes ----------------------------------------------------------------------------------------------
    def selected_field(self) -> str | None:
        index = self.tree.currentIndex()
        return index.data(FIELD_ROLE) if index.isValid() else None

    def bulk_fix_dialog(self) -> Any:
        """The "Corriger une colonne" dialog for the working table (not shown)."""
        from capnum_desktop.ui.dialogs.bulk_fix_dialog import BulkFixDialog

        personal = getattr(self.grid, "personal_fields", set()) if self.grid is not None else set()
        return BulkFixDialog(self.session.table, self.session.schema, self.selected_field(), personal, self)

    def open_bulk_fix(self) -> None:
        if self.session.table is None:
            return
        dialog = self.bulk_fix_dialog()
        dialog.finished.connect(lambda result, d=dialog: self.apply_bulk_fix(d) if result == QDialog.DialogCode.Accepted
                                else None)
        dialog.open()

    def apply_bulk_fix(self, dialog: Any) -> bool:
        """Push the dialog's edit on the undo stack (one Ctrl+Z undoes it). On a big table the edit was not
        built for a preview: it is built in the background first, then pushed (True: started)."""
        if getattr(dialog, "needs_background_build", lambda: False)():
            args, kwargs = dialog.edit_arguments()
            table = args[0]
            self.bulk_button.setEnabled(False)
            self.summary_label.setText(self.tr("Préparation de la correction de « {field} »…").format(field=args[2]))
            self.jobs.start("bulk_fix", _build_edit_job, *args,
                            on_done=lambda done, t=table, d=dialog: self._on_bulk_fix_built(t, done, d),
                            on_failed=self._on_bulk_fix_failed, on_cancelled=self._on_bulk_fix_failed, **kwargs)
            return True
        try:
            edit = dialog.result_edit()
            if edit is None:
                return False
        except Exception as exc:  # an EditError is shown as a dialog, anything else logged
            self.sig_error.emit(exc)
            return False
        return self._push_bulk_fix(edit)

    def _push_bulk_fix(self, edit: Any, prepared: PreparedEdit | None = None) -> bool:
        try:
            push_edit(self.session, edit, prepared)
        except Exception as exc:  # an EditError is shown as a dialog, anything else logged
            self.sig_error.emit(exc)
            return False
        self.sig_status.emit(self.tr("Correction appliquée à « {field} ». Ctrl+Z pour l'annuler.").format(
            field=edit.field))
        return True

    def _on_bulk_fix_built(self, table: Table, done: PreparedEdit, dialog: Any) -> None:
        self._set_busy(self.jobs.is_running("validate"))
        if self.session.report is not None and not self.jobs.is_running("validate"):
            self.summary_label.setText(self._summary(self.session.report))
        edit: Any = done.edit
        if self.session.table is not table:  # the table changed meanwhile: build the fix on what it is now
            dialog.table = self.session.table
            try:
                edit = dialog.edit()
            except Exception as exc:  # an EditError is shown as a dialog, anything else logged
                self.sig_error.emit(exc)
                return
        self._push_bulk_fix(edit, done)

    def _on_bulk_fix_failed(self, exc: BaseException | None = None) -> None:
        self._set_busy(self.jobs.is_running("validate"))
        if self.session.report is not None and not self.jobs.is_running("validate"):
            self.summary_label.setText(self._summary(self.session.report))
        if exc is not None:
            self.sig_error.emit(exc)

    def open_find_replace(self) -> None:
        from capnum_desktop.ui.dialogs.find_replace_dialog import show_find_replace

        window = self.window()
        if hasattr(window, "session"):
            show_find_replace(window)

    # -- Page interface ---------------------------------------------------------------------------------
    def leave(self) -> None:
        pass  # validation keeps running: its result is needed by the export step

    def can_go_next(self) -> bool:
        return self.session.schema is None or (self.session.report is not None
                                                and not self.jobs.is_running("validate"))

    def next_blocker(self) -> str:
        if self.jobs.is_running("validate"):
            return self.tr("Vérification en cours…")
        if self.session.report is None:
            return self.tr("Le tableau n'a pas encore été vérifié.")
        return ""


def _rows_with_errors(report: ValidationReport) -> int:
    """How many rows have an error (vectorised: the report's own list is slow at a million errors)."""
    errors = report.errors
    return int(errors.loc[errors["severity"] == "error", "row"].dropna().nunique())
