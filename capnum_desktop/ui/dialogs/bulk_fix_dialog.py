"""Corriger une colonne: one bulk fix on a whole column, previewed as a count before it is applied.

Fixes are core edits, so each one is a single undo step: trim spaces, change case, replace text,
fill the empty cells, or apply the schema's conversion to the column (French dates, decimals,
booleans… to their canonical form, via ``core.schemas.convert_column``). The conversion becomes a
``CellsPatch`` of the cells that really change.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from capnum_desktop.core.edits import OPERATIONS, Edit, EditError, build_edit, changed_count
from capnum_desktop.core.table import Table

LIVE_PREVIEW_ROWS = 300_000


class BulkFixDialog(QDialog):
    """Choose a column and a fix; "Appliquer" is enabled when the fix changes something."""

    def __init__(self, table: Table, schema: Any = None, column: str | None = None,
                 personal_fields: set[str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = table
        self.schema = schema
        self.personal_fields = set(personal_fields or ())
        self.setWindowTitle(self.tr("Corriger une colonne"))
        self._edit: Edit | None = None

        self.column_combo = QComboBox(self)
        self.column_combo.setAccessibleName(self.tr("Colonne à corriger"))
        self.column_combo.addItems(table.columns)
        if column in table.columns:
            self.column_combo.setCurrentText(column)
        self.op_combo = QComboBox(self)
        self.op_combo.setAccessibleName(self.tr("Correction à appliquer"))
        labels = {
            "trim": self.tr("Retirer les espaces superflus"),
            "upper": self.tr("Mettre en MAJUSCULES"),
            "lower": self.tr("Mettre en minuscules"),
            "title": self.tr("Mettre une Majuscule à chaque mot"),
            "replace": self.tr("Remplacer un texte"),
            "fill": self.tr("Remplir les cellules vides"),
            "convert": self.tr("Appliquer la conversion du schéma (dates, nombres, oui/non…)"),
        }
        for op in OPERATIONS:
            if op == "convert" and schema is None:
                continue
            self.op_combo.addItem(labels[op], op)
        self.find_edit = QLineEdit(self)
        self.find_edit.setAccessibleName(self.tr("Texte à remplacer"))
        self.repl_edit = QLineEdit(self)
        self.repl_edit.setAccessibleName(self.tr("Texte de remplacement"))
        self.regex_check = QCheckBox(self.tr("E&xpression régulière"), self)
        self.value_edit = QLineEdit(self)
        self.value_edit.setAccessibleName(self.tr("Valeur à mettre dans les cellules vides"))
        self.preview_label = QLabel(self)
        self.preview_label.setWordWrap(True)
        self.preview_label.setAccessibleName(self.tr("Aperçu de la correction"))

        form = QFormLayout()
        self._rows: dict[QWidget, QLabel] = {}
        for text, widget in ((self.tr("&Colonne :"), self.column_combo), (self.tr("C&orrection :"), self.op_combo),
                             (self.tr("&Rechercher :"), self.find_edit), (self.tr("Remplacer &par :"), self.repl_edit),
                             (self.tr("&Valeur :"), self.value_edit)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            form.addRow(label, widget)
            self._rows[widget] = label
        form.addRow("", self.regex_check)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.apply_button.setText(self.tr("&Appliquer"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("A&nnuler"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.update_preview)
        for signal in (self.column_combo.currentIndexChanged, self.op_combo.currentIndexChanged,
                       self.find_edit.textChanged, self.repl_edit.textChanged, self.value_edit.textChanged,
                       self.regex_check.toggled):
            signal.connect(self._on_changed)
        self._on_changed()
        self.update_preview()

    def set_operation(self, op: str) -> None:
        idx = self.op_combo.findData(op)
        if idx >= 0:
            self.op_combo.setCurrentIndex(idx)

    def _on_changed(self) -> None:
        op = self.op_combo.currentData()
        for widget in (self.find_edit, self.repl_edit, self.regex_check):
            widget.setVisible(op == "replace")
            if widget in self._rows:
                self._rows[widget].setVisible(op == "replace")
        self.value_edit.setVisible(op == "fill")
        self._rows[self.value_edit].setVisible(op == "fill")
        self._edit = None
        if self.table.row_count <= LIVE_PREVIEW_ROWS:
            self._timer.start()
        else:
            self.preview_label.setText(self.tr("Le nombre de cellules modifiées sera affiché après l'application."))
            self.apply_button.setEnabled(True)

    def edit_arguments(self) -> tuple[tuple[Any, ...], dict[str, Any]]:
        """The arguments of :func:`build_edit` for the current choices (read on the UI thread)."""
        field = self.column_combo.currentText()
        return ((self.table, self.schema, field, str(self.op_combo.currentData())),
                {"find": self.find_edit.text(), "repl": self.repl_edit.text(), "regex": self.regex_check.isChecked(),
                 "value": self.value_edit.text(), "personal": field in self.personal_fields})

    def edit(self) -> Edit:
        """The edit for the current choices (raises EditError when it cannot be built)."""
        args, kwargs = self.edit_arguments()
        return build_edit(*args, **kwargs)

    def needs_background_build(self) -> bool:
        """True when the edit was not built for a preview (big table): building it (a schema conversion of a
        million cells takes a second) then belongs in the job runner, not in the UI thread."""
        return self._edit is None and self.table.row_count > LIVE_PREVIEW_ROWS

    def update_preview(self) -> int:
        """Say how many cells the fix changes; enable "Appliquer" only when it changes something."""
        try:
            edit = self.edit()
            n = changed_count(self.table, edit)
        except EditError as exc:
            self.preview_label.setText(f"{exc.message} {exc.hint}".strip())
            self.apply_button.setEnabled(False)
            return 0
        self._edit = edit
        if n:
            self.preview_label.setText((self.tr("{n} cellule de « {field} » sera modifiée (Ctrl+Z pour annuler).")
                                        if n <= 1 else
                                        self.tr("{n} cellules de « {field} » seront modifiées (Ctrl+Z pour annuler)."))
                                       .format(n=n, field=self.column_combo.currentText()))
        else:
            self.preview_label.setText(self.tr("Aucune cellule ne change avec cette correction."))
        self.apply_button.setEnabled(n > 0)
        return n

    def result_edit(self) -> Edit | None:
        """The edit to push once the dialog was accepted."""
        if self._edit is None:
            try:
                self._edit = self.edit()
            except EditError:
                return None
        return self._edit
