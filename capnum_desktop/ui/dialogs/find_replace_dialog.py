"""Rechercher et remplacer (Ctrl+H): find text in the working table, show each match, replace one or all.

Searching is vectorised over the table (pandas ``str.contains`` per column). Replacing goes through
core edits on the session's undo stack: one cell is a ``CellEdit``, "Tout remplacer" is one
``ColumnEdit(op="replace")`` per column grouped in one undo step (a QUndoStack macro), so Ctrl+Z
undoes a whole replace-all at once.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from capnum_desktop.core.edits import (
    CellEdit,
    PreparedEdit,
    find_matches,
    prepare_edit,
    replace_all_edits,
    search_pattern,
)
from capnum_desktop.core.table import Table
from capnum_desktop.ui.undo import push_edit

BACKGROUND_ROWS = 100_000
"""From this many rows, « Tout remplacer » builds and applies its edits in the job runner: at a million
rows with 666,000 matches that took 1.4 s on the UI thread (issue 16); the UI thread then swaps the
tables in, one undo step as before."""


def _replace_all_job(table: Table, text: str, repl: str, *, regex: bool, case: bool, columns: list[str],
                     personal: set[str], progress: Any = None, cancel: Any = None) -> list[PreparedEdit]:
    """The replace-all edits, each applied to the table the previous one gave (runs in the job runner)."""
    prepared: list[PreparedEdit] = []
    current = table
    for edit in replace_all_edits(table.df, text, repl, regex=regex, case=case, columns=columns, personal=personal):
        if cancel is not None:
            cancel.check()
        prepared.append(prepare_edit(current, edit))
        current = prepared[-1].after
    return prepared


class FindReplaceDialog(QDialog):
    """Non-modal dialog over the main window's session and grid."""

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.window_ = window
        self.session = window.session
        self.setWindowTitle(self.tr("Rechercher et remplacer"))
        self.setModal(False)
        self._current: tuple[int, int] | None = None  # (row position, column position) of the shown match
        self._cache: tuple[Any, list[tuple[int, int]], Any] | None = None

        self.find_edit = QLineEdit(self)
        self.find_edit.setAccessibleName(self.tr("Texte à rechercher"))
        self.replace_edit = QLineEdit(self)
        self.replace_edit.setAccessibleName(self.tr("Texte de remplacement"))
        self.column_combo = QComboBox(self)
        self.column_combo.setAccessibleName(self.tr("Colonne où chercher"))
        self.case_check = QCheckBox(self.tr("Respecter la &casse"), self)
        self.case_check.setAccessibleName(self.tr("Respecter les majuscules et minuscules"))
        self.regex_check = QCheckBox(self.tr("E&xpression régulière"), self)
        self.regex_check.setAccessibleName(self.tr("Le texte recherché est une expression régulière"))
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("Résultat de la recherche"))

        form = QFormLayout()
        for text, widget in ((self.tr("&Rechercher :"), self.find_edit), (self.tr("Remplacer &par :"), self.replace_edit),
                             (self.tr("C&olonne :"), self.column_combo)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            form.addRow(label, widget)
        form.addRow("", self.case_check)
        form.addRow("", self.regex_check)

        self.next_button = QPushButton(self.tr("&Suivant"), self)
        self.next_button.setAccessibleName(self.tr("Aller à l'occurrence suivante"))
        self.next_button.setDefault(True)
        self.replace_button = QPushButton(self.tr("R&emplacer"), self)
        self.replace_button.setAccessibleName(self.tr("Remplacer dans la cellule affichée"))
        self.replace_all_button = QPushButton(self.tr("&Tout remplacer"), self)
        self.replace_all_button.setAccessibleName(self.tr("Remplacer toutes les occurrences"))
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.next_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.replace_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.replace_all_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("&Fermer"))
        close.clicked.connect(self.close)
        self.next_button.clicked.connect(self.find_next)
        self.replace_button.clicked.connect(self.replace_current)
        self.replace_all_button.clicked.connect(self.replace_all)
        self.find_edit.textChanged.connect(self._on_criteria_changed)
        self.column_combo.currentIndexChanged.connect(self._on_criteria_changed)
        self.case_check.toggled.connect(self._on_criteria_changed)
        self.regex_check.toggled.connect(self._on_criteria_changed)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status_label)
        layout.addWidget(buttons)
        self.refresh_columns()

    # -- criteria ---------------------------------------------------------------------------------
    def refresh_columns(self) -> None:
        table = self.session.table
        current = self.column_combo.currentData()
        self.column_combo.blockSignals(True)
        self.column_combo.clear()
        self.column_combo.addItem(self.tr("Toutes les colonnes"), None)
        for name in (table.columns if table is not None else []):
            self.column_combo.addItem(name, name)
        self.column_combo.setCurrentIndex(max(0, self.column_combo.findData(current)))
        self.column_combo.blockSignals(False)
        enabled = table is not None and self.session.conformed is not None
        self.replace_button.setEnabled(enabled)
        self.replace_all_button.setEnabled(enabled)
        if table is not None and not enabled:
            self.status_label.setText(self.tr("Le remplacement est possible une fois le fichier associé à un schéma."))

    def columns(self) -> list[str]:
        table = self.session.table
        if table is None:
            return []
        chosen = self.column_combo.currentData()
        return [chosen] if chosen else list(table.columns)

    def pattern(self) -> re.Pattern[str] | None:
        text = self.find_edit.text()
        if not text:
            return None
        try:
            return search_pattern(text, regex=self.regex_check.isChecked(), case=self.case_check.isChecked())
        except re.error as exc:
            self.status_label.setText(self.tr("Expression régulière incorrecte : {error}.").format(error=exc.msg))
            return None

    def _on_criteria_changed(self) -> None:
        self._current = None
        self.status_label.setText("")

    def matches(self) -> list[tuple[int, int]]:
        """Every matching cell; kept until the criteria or the table change (a click on "Suivant" in
        a million-row table must not search it all again)."""
        pattern, table = self.pattern(), self.session.table
        if pattern is None or table is None:
            return []
        key = (pattern.pattern, pattern.flags, tuple(self.columns()), id(table.df))
        if self._cache is None or self._cache[0] != key or self._cache[2] is not table.df:
            self._cache = (key, find_matches(table.df, pattern, self.columns()), table.df)
        return self._cache[1]

    # -- actions ------------------------------------------------------------------------------------
    def find_next(self) -> bool:
        """Show the next matching cell after the current one (wraps around); False when none."""
        hits = self.matches()
        table = self.session.table
        if not hits or table is None:
            if self.find_edit.text() and not self.status_label.text():
                self.status_label.setText(self.tr("Aucune occurrence."))
            self._current = None
            return False
        after = [h for h in hits if self._current is None or h > self._current]
        target = after[0] if after else hits[0]
        self._current = target
        row = int(table.df.index[target[0]])
        field = str(table.df.columns[target[1]])
        index = hits.index(target) + 1
        self.status_label.setText(self.tr("Occurrence {i} sur {n} : ligne {row}, « {field} ».").format(
            i=index, n=len(hits), row=row, field=field))
        grid = getattr(self.window_, "grid", None)
        if grid is not None and hasattr(grid, "go_to_cell"):
            grid.go_to_cell(row, field)
            self.activateWindow()
        return True

    def replace_current(self) -> bool:
        """Replace in the shown cell (then show the next match)."""
        pattern, table = self.pattern(), self.session.table
        if self._current is None and not self.find_next():
            return False
        if pattern is None or table is None or self._current is None:
            return False
        pos, col = self._current
        field = str(table.df.columns[col])
        old = str(table.df.iat[pos, col])
        repl = self.replace_edit.text()
        if not self.regex_check.isChecked():
            repl = repl.replace("\\", "\\\\")
        try:
            new = pattern.sub(repl, old)
        except (re.error, IndexError):
            self.status_label.setText(self.tr("Le texte de remplacement ne correspond pas à l'expression."))
            return False
        if new != old:
            personal = field in getattr(getattr(self.window_, "model", None), "personal_fields", set())
            push_edit(self.session, CellEdit(int(table.df.index[pos]), field, old, new, personal=personal))
        self._current = (pos, col)
        self.find_next()
        return True

    def replace_all(self) -> int:
        """Replace every occurrence (one undo step); return the number of cells changed (-1: a big table's
        replacement was started in the job runner; the count shows when it is done)."""
        table, text = self.session.table, self.find_edit.text()
        if table is None or not text or self.pattern() is None:
            return 0
        personal = getattr(getattr(self.window_, "model", None), "personal_fields", set())
        options: dict[str, Any] = {"regex": self.regex_check.isChecked(), "case": self.case_check.isChecked(),
                                   "columns": self.columns(), "personal": set(personal)}
        jobs = getattr(self.window_, "jobs", None)
        if jobs is not None and len(table.df) >= BACKGROUND_ROWS:
            self.replace_all_button.setEnabled(False)
            jobs.start("replace", _replace_all_job, table, text, self.replace_edit.text(),
                       on_done=lambda done, t=table: self._on_replaced_all(t, text, done),
                       on_failed=self._on_replace_all_failed, on_cancelled=self._on_replace_all_failed, **options)
            return -1
        edits = replace_all_edits(table.df, text, self.replace_edit.text(), **options)
        if not edits:
            self.status_label.setText(self.tr("Aucune occurrence."))
            return 0
        before = table.df
        self._push_all(text, [(edit, None) for edit in edits])
        after = self.session.table.df if self.session.table is not None else before
        changed = sum(int((before[e.field].astype(str) != after[e.field].astype(str)).sum()) for e in edits)
        self._say_replaced(changed)
        return changed

    def _push_all(self, text: str, edits: list[tuple[Any, PreparedEdit | None]]) -> None:
        stack = self.session.undo_stack
        stack.beginMacro(self.tr("remplacer « {text} » partout").format(text=text))
        try:
            for edit, prepared in edits:
                push_edit(self.session, edit, prepared)
        finally:
            stack.endMacro()

    def _say_replaced(self, changed: int) -> None:
        self.status_label.setText((self.tr("{n} cellule modifiée. Ctrl+Z pour annuler.") if changed <= 1 else
                                   self.tr("{n} cellules modifiées. Ctrl+Z pour annuler.")).format(n=changed))
        self._current = None

    def _on_replaced_all(self, table: Table, text: str, done: list[PreparedEdit]) -> None:
        self.refresh_columns()
        if not done:
            self.status_label.setText(self.tr("Aucune occurrence."))
            return
        if self.session.table is not table:  # the table changed meanwhile: replace in what it is now
            self.replace_all()
            return
        self._push_all(text, [(prepared.edit, prepared) for prepared in done])  # swaps: applied in the job
        inverses = [prepared.inverse for prepared in done]
        self._say_replaced(sum(len(getattr(inverse, "rows", None) or ()) for inverse in inverses))

    def _on_replace_all_failed(self, exc: BaseException | None = None) -> None:
        self.refresh_columns()
        if exc is not None and hasattr(self.window_, "show_error"):
            self.window_.show_error(exc)


def show_find_replace(window: Any) -> FindReplaceDialog:
    """Open (or bring back) the window's find-and-replace dialog; called by Édition > Rechercher (Ctrl+H)."""
    dialog = getattr(window, "_find_replace_dialog", None)
    if dialog is None:
        dialog = FindReplaceDialog(window)
        window._find_replace_dialog = dialog
    dialog.refresh_columns()
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    dialog.find_edit.setFocus()
    dialog.find_edit.selectAll()
    return dialog
