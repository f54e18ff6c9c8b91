"""Step 1, Ouvrir: what was detected in the file, each choice overridable, the preview in the grid.

Choosing a file reads a preview (first rows) at once, then the whole file in the background. Changing
the encoding, separator, sheet or header line reads both again. "Suivant" is enabled when the whole
file is read with the current choices.

A read that fails is said on the page itself, with what to do: the settings that can change the outcome
(a text file's encoding, separator and header line; a workbook's sheet and header line) stay enabled and
re-read at once, the others are greyed, and « Ouvrir un autre fichier… » (the default button) lets the
agent pick another file without going back to the start screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from capnum_desktop.core.io.encoding import encoding_label
from capnum_desktop.core.io.warning_sentences import read_text
from capnum_desktop.core.table import Table
from capnum_desktop.ui.pages.base import Page

PREVIEW_ROWS = 200

ENCODINGS = ("utf-8", "utf-8-sig", "cp1252", "iso-8859-1", "iso-8859-15", "mac-roman", "utf-16")
# the core's readable encoding names (core.io.encoding.ENCODING_NAMES) that have words to translate
ENCODING_WORDS = (
    QT_TRANSLATE_NOOP("OpenPage", "UTF-8 avec BOM"),
    QT_TRANSLATE_NOOP("OpenPage", "Windows-1252 (Europe de l'Ouest)"),
    QT_TRANSLATE_NOOP("OpenPage", "ISO-8859-1 (Latin-1)"),
    QT_TRANSLATE_NOOP("OpenPage", "ISO-8859-15 (Latin-9, avec l'euro)"),
    QT_TRANSLATE_NOOP("OpenPage", "Mac Roman (anciens Mac)"),
    QT_TRANSLATE_NOOP("OpenPage", "UTF-16 (petit-boutiste)"),
    QT_TRANSLATE_NOOP("OpenPage", "UTF-16 (gros-boutiste)"),
)
DELIMITERS = (
    (";", QT_TRANSLATE_NOOP("OpenPage", "point-virgule ( ; )")),
    (",", QT_TRANSLATE_NOOP("OpenPage", "virgule ( , )")),
    ("\t", QT_TRANSLATE_NOOP("OpenPage", "tabulation")),
    ("|", QT_TRANSLATE_NOOP("OpenPage", "barre ( | )")),
    (":", QT_TRANSLATE_NOOP("OpenPage", "deux-points ( : )")),
)

FORMAT_NAMES = {
    "csv": QT_TRANSLATE_NOOP("OpenPage", "CSV (texte)"),
    "tsv": QT_TRANSLATE_NOOP("OpenPage", "TSV (texte)"),
    "xlsx": "Excel (.xlsx)",
    "xlsm": "Excel (.xlsm)",
    "xls": "Excel 97-2003 (.xls)",
    "ods": "LibreOffice (.ods)",
    "html": QT_TRANSLATE_NOOP("OpenPage", "page web (HTML)"),
}


TEXT_FORMATS = ("csv", "tsv", "txt")
WORKBOOK_FORMATS = ("xlsx", "xlsm", "xls", "ods", "xml2003")


@dataclass
class ReadFailed(Exception):
    """A read that failed, with what the page needs to say which settings can change the outcome.

    ``fmt`` is the file's kind when it could be recognised (``None``: the file itself cannot be read —
    empty, binary, a damaged workbook — so no reading setting helps); ``sheets`` a workbook's sheets.
    """

    error: BaseException
    fmt: str | None
    sheets: tuple[str, ...] = ()


def diagnose(path: Path) -> tuple[str | None, tuple[str, ...]]:
    """The file's kind and sheets if it can be opened at all; ``(None, ())`` when it cannot (then only
    another file helps). Runs after a failed read, in the job runner (a workbook's sheet list reads it)."""
    from capnum_desktop.core.io import list_sheets, sniff, source

    try:
        source.check_path(Path(path))
        fmt = sniff.detect_format(Path(path))
        sheets = tuple(list_sheets(path)) if fmt in WORKBOOK_FORMATS else ()
    except Exception:  # whatever stops the file from being opened: no setting can help
        return None, ()
    if fmt in WORKBOOK_FORMATS and not sheets:
        return None, ()
    return fmt, sheets


def _read(path: Path, options: Any, max_rows: int | None, progress: Any, cancel: Any) -> Table:
    from capnum_desktop.core.errors import CapnumError
    from capnum_desktop.core.io import read_table

    try:
        return read_table(path, options, max_rows=max_rows, progress=progress, cancel=cancel)
    except CapnumError as exc:
        raise ReadFailed(exc, *diagnose(path)) from exc


def read_preview(path: Path, options: Any, *, progress: Any = None, cancel: Any = None) -> Table:
    """The first rows of the file, read with ``options`` (runs in the job runner)."""
    return _read(path, options, PREVIEW_ROWS, progress, cancel)


def read_full(path: Path, options: Any, *, progress: Any = None, cancel: Any = None) -> Table:
    """The whole file, read with ``options`` (runs in the job runner)."""
    return _read(path, options, None, progress, cancel)


def make_options(
    encoding: str | None, delimiter: str | None, sheet: str | None, header_line: int | None,
    keep_rows: tuple[str, ...] = (), header_rows: int | None = None, all_sheets: bool = False,
) -> Any:
    from capnum_desktop.core.io import ReadOptions

    return ReadOptions(encoding=encoding, delimiter=delimiter, sheet=sheet, header_line=header_line,
                       keep_rows=keep_rows, header_rows=header_rows, all_sheets=all_sheets)


ROW_KINDS = {
    "types": QT_TRANSLATE_NOOP("OpenPage", "ligne de types (modèle)"),
    "instructions": QT_TRANSLATE_NOOP("OpenPage", "ligne d'instructions (modèle)"),
    "total": QT_TRANSLATE_NOOP("OpenPage", "ligne « Total » sous l'en-tête"),
    "subtotal": QT_TRANSLATE_NOOP("OpenPage", "sous-totaux"),
    "subheading": QT_TRANSLATE_NOOP("OpenPage", "intertitres (une seule cellule remplie)"),
}
"""Rows the reader leaves out that the agent can keep as data (codes of core.io.row_kinds)."""


class OpenPage(Page):
    """Ouvrir: the detected reading settings, overridable, with the preview in the grid."""

    step_id = "open"
    grid_share = 0.6

    sig_open_other_requested = Signal()
    """« Ouvrir un autre fichier… » was clicked (the window asks for the file)."""

    def __init__(self, session: Any, jobs: Any, parent: QWidget | None = None) -> None:
        super().__init__(session, jobs, parent)
        self.path: Path | None = None
        self.preview: Table | None = None
        self._loading_full = False
        self._updating = False
        self.failure: ReadFailed | None = None

        # shown when the file cannot be read: what happened, what to do, another file
        self.error_box = QFrame(self)
        self.error_box.setObjectName("readError")
        self.error_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.error_title = QLabel(self.error_box)
        self.error_title.setWordWrap(True)
        self.error_title.setStyleSheet("font-weight: bold;")
        self.error_title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_help = QLabel(self.error_box)
        self.error_help.setWordWrap(True)
        self.error_help.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_other_button = QPushButton(self.tr("&Ouvrir un autre fichier…"), self.error_box)
        self.open_other_button.setObjectName("primaryButton")
        self.open_other_button.setAccessibleName(self.tr("Ouvrir un autre fichier"))
        self.open_other_button.clicked.connect(self.sig_open_other_requested)
        error_text = QVBoxLayout()
        error_text.addWidget(self.error_title)
        error_text.addWidget(self.error_help)
        error_layout = QHBoxLayout(self.error_box)
        error_layout.addLayout(error_text, 1)
        error_layout.addWidget(self.open_other_button, 0, Qt.AlignmentFlag.AlignTop)
        self.error_box.hide()

        self.file_label = QLabel(self)
        self.file_label.setObjectName("fileName")
        self.file_label.setWordWrap(True)
        self.format_value = QLabel("—", self)
        self.format_value.setAccessibleName(self.tr("Format détecté"))

        self.encoding_combo = QComboBox(self)
        self.encoding_combo.setAccessibleName(self.tr("Encodage des caractères"))
        self.encoding_combo.setToolTip(self.tr(
            "Si des accents s'affichent mal (Ã©, �), choisissez un autre encodage : souvent Windows-1252 pour "
            "les fichiers enregistrés par Excel sous Windows."))
        self.delimiter_combo = QComboBox(self)
        self.delimiter_combo.setAccessibleName(self.tr("Séparateur de colonnes"))
        self.sheet_combo = QComboBox(self)
        self.sheet_combo.setAccessibleName(self.tr("Feuille du classeur"))
        self.header_spin = QSpinBox(self)
        self.header_spin.setAccessibleName(self.tr("Ligne d'en-tête"))
        self.header_spin.setRange(-1, 10000)
        self.header_spin.setSpecialValueText(self.tr("automatique"))
        self.header_spin.setToolTip(self.tr(
            "Numéro de la ligne qui contient les noms de colonnes, tel que le montre le tableur "
            "(0 : le fichier n'a pas d'en-tête)."))

        self.all_sheets_check = QCheckBox(self)
        self.all_sheets_check.setAccessibleName(self.tr("Mettre bout à bout les feuilles de même disposition"))
        self.all_sheets_check.setToolTip(self.tr(
            "Les feuilles qui ont le même en-tête (une par année, par service…) forment un seul tableau ; "
            "une colonne « feuille » dit d'où vient chaque ligne."))
        self.all_sheets_check.setVisible(False)
        self.all_sheets_check.toggled.connect(self._on_option_changed)
        # a workbook of look-alike sheets (one per year…): say so, and whether one or all are read
        self.sheets_note = QLabel(self)
        self.sheets_note.setObjectName("hint")
        self.sheets_note.setWordWrap(True)
        self.sheets_note.setAccessibleName(self.tr("Feuilles aux mêmes colonnes"))
        self.sheets_note.setVisible(False)
        self.header_rows_spin = QSpinBox(self)
        self.header_rows_spin.setAccessibleName(self.tr("Nombre de lignes d'en-tête"))
        self.header_rows_spin.setRange(0, 4)
        self.header_rows_spin.setSpecialValueText(self.tr("automatique"))
        self.header_rows_spin.setToolTip(self.tr(
            "Sur combien de lignes s'étend l'en-tête : un bandeau de groupes au-dessus des noms de colonnes, "
            "une ligne d'unités en dessous. Les noms sont assemblés (« Population - Hommes (nombre) »)."))

        self.rows_value = QLabel("—", self)
        self.skipped_value = QLabel("—", self)
        self.skipped_value.setWordWrap(True)
        self.kinds_list = QListWidget(self)
        self.kinds_list.setAccessibleName(self.tr("Lignes particulières écartées"))
        self.kinds_list.setToolTip(self.tr(
            "Lignes reconnues comme n'étant pas des données. Décochez une ligne pour la garder comme donnée."))
        self.kinds_list.setMaximumHeight(90)
        self.kinds_list.itemChanged.connect(self._on_kind_toggled)
        self.warnings_list = QListWidget(self)
        self.warnings_list.setAccessibleName(self.tr("Avertissements de lecture"))
        self.warnings_list.setMaximumHeight(110)

        self._labels: dict[QWidget, QLabel] = {}
        form = QFormLayout()
        form.addRow(self.tr("Format :"), self.format_value)
        self._add_row(form, self.tr("&Encodage :"), self.encoding_combo)
        self._add_row(form, self.tr("Sépara&teur :"), self.delimiter_combo)
        self._add_row(form, self.tr("Fe&uille :"), self.sheet_combo)
        form.addRow("", self.sheets_note)
        form.addRow("", self.all_sheets_check)
        self._add_row(form, self.tr("Li&gne d'en-tête :"), self.header_spin)
        self._add_row(form, self.tr("&Hauteur de l'en-tête :"), self.header_rows_spin)
        detected = QGroupBox(self.tr("Lecture du fichier"), self)
        detected.setLayout(form)

        info_form = QFormLayout()
        info_form.addRow(self.tr("Lignes lues :"), self.rows_value)
        info_form.addRow(self.tr("Lignes écartées :"), self.skipped_value)
        kinds_label = QLabel(self.tr("Écarter &aussi :"), self)
        kinds_label.setBuddy(self.kinds_list)
        info_form.addRow(kinds_label, self.kinds_list)
        self._kinds_label = kinds_label
        self._keep_rows: tuple[str, ...] = ()
        warnings_label = QLabel(self.tr("A&vertissements :"), self)
        warnings_label.setBuddy(self.warnings_list)
        info_form.addRow(warnings_label, self.warnings_list)
        info = QGroupBox(self.tr("Ce qui a été trouvé"), self)
        info.setLayout(info_form)

        row = QHBoxLayout()
        row.addWidget(detected, 1)
        row.addWidget(info, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addWidget(self.error_box)
        layout.addLayout(row)
        layout.addStretch(1)

        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(300)
        self._reload_timer.timeout.connect(self.reload)
        self.sheet_combo.currentIndexChanged.connect(self._on_sheet_chosen)  # before the re-read below
        for combo in (self.encoding_combo, self.delimiter_combo, self.sheet_combo):
            combo.currentIndexChanged.connect(self._on_option_changed)
        self.header_spin.valueChanged.connect(self._on_option_changed)
        self.header_rows_spin.valueChanged.connect(self._on_option_changed)
        self._fill_static_combos()
        self._set_enabled(False)

    def _add_row(self, form: QFormLayout, text: str, widget: QWidget) -> None:
        label = QLabel(text, self)
        label.setBuddy(widget)
        form.addRow(label, widget)
        self._labels[widget] = label

    def title(self) -> str:
        return self.tr("Ouvrir")

    def subtitle(self) -> str:
        return self.tr("Vérifiez que le fichier est bien lu : accents, colonnes, ligne d'en-tête. "
                       "Corrigez un réglage si l'aperçu ci-dessous est faux.")

    # -- combos ------------------------------------------------------------------------------------
    def _fill_static_combos(self) -> None:
        self._updating = True
        self.encoding_combo.clear()
        self.encoding_combo.addItem(self.tr("automatique"), None)
        for name in ENCODINGS:  # shown by its readable name, the codec kept as the item's data
            self.encoding_combo.addItem(self.tr(encoding_label(name)), name)
        self.delimiter_combo.clear()
        self.delimiter_combo.addItem(self.tr("automatique"), None)
        for value, label in DELIMITERS:
            self.delimiter_combo.addItem(self.tr(label), value)
        self.sheet_combo.clear()
        self.sheet_combo.addItem(self.tr("automatique"), None)
        self.header_spin.setValue(-1)
        self.header_rows_spin.setValue(0)
        self.all_sheets_check.setChecked(False)
        self.all_sheets_check.setVisible(False)
        self.sheets_note.setVisible(False)
        self._keep_rows = ()
        self.kinds_list.clear()
        self.kinds_list.hide()  # shown when the reader found such rows
        self._kinds_label.hide()
        self._updating = False

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.encoding_combo, self.delimiter_combo, self.sheet_combo, self.header_spin,
                       self.header_rows_spin, self.all_sheets_check):
            widget.setEnabled(enabled)

    def current_options(self) -> Any:
        header = self.header_spin.value()
        return make_options(
            self.encoding_combo.currentData(),
            self.delimiter_combo.currentData(),
            self.sheet_combo.currentData(),
            None if header < 0 else header,
            self._keep_rows,
            self.header_rows_spin.value() or None,
            not self.all_sheets_check.isHidden() and self.all_sheets_check.isChecked(),
        )

    def set_options(self, options: Any) -> None:
        """Show given read options (recovery / recipe) without re-reading yet."""
        self._updating = True
        try:
            for combo, value in ((self.encoding_combo, options.encoding),
                                 (self.delimiter_combo, options.delimiter)):
                idx = combo.findData(value)
                if idx < 0 and value is not None:
                    combo.addItem(str(value), value)
                    idx = combo.count() - 1
                combo.setCurrentIndex(max(idx, 0))
            sheet = options.sheet
            if sheet is not None and self.sheet_combo.findData(sheet) < 0:
                self.sheet_combo.addItem(sheet, sheet)
            self.sheet_combo.setCurrentIndex(max(self.sheet_combo.findData(sheet), 0))
            header = options.header_line
            self.header_spin.setValue(-1 if header is None else int(header))
            self._keep_rows = tuple(options.keep_rows)
            self.header_rows_spin.setValue(int(options.header_rows or 0))
            self.all_sheets_check.setChecked(options.all_sheets)
        finally:
            self._updating = False

    # -- reading -------------------------------------------------------------------------------------
    def load_path(self, path: Path | str, options: Any = None) -> None:
        """Start with a new file: detection decides everything (unless ``options`` are given)."""
        self.path = Path(path)
        self.preview = None
        self.file_label.setText(self.tr("Fichier : {name}").format(name=self.path.name))
        self.file_label.setToolTip(str(self.path))
        self._fill_static_combos()
        self.format_value.setText("—")
        self._clear_failure()
        if options is not None:
            self.set_options(options)
        self._set_enabled(False)
        self.reload()

    def show_resuming(self, path: Path) -> None:
        """Resuming saved work: say so while the file is read again."""
        self.path = Path(path)
        self.preview = None
        self.file_label.setText(self.tr("Reprise du travail sur {name}…").format(name=self.path.name))
        self._set_enabled(False)

    def show_loaded(self, path: Path, options: Any, table: Table) -> None:
        """The file was read elsewhere (resume): show its settings and what was found."""
        self.path = Path(path)
        self.file_label.setText(self.tr("Fichier : {name}").format(name=self.path.name))
        self.file_label.setToolTip(str(self.path))
        self._fill_static_combos()
        self.set_options(options)
        self._show_detection(table)
        self._set_enabled(True)
        self.sig_state_changed.emit()

    def reload(self) -> None:
        """Read the preview, then the whole file, with the current choices."""
        if self.path is None:
            return
        options = self.current_options()
        self._loading_full = False
        self.sig_state_changed.emit()
        self.jobs.cancel("open")
        self.jobs.start("preview", read_preview, self.path, options,
                        on_done=lambda t, o=options: self._on_preview_done(t, o),
                        on_failed=self._on_read_failed)

    def _on_option_changed(self) -> None:
        if self._updating:
            return
        if self.session.conformed is not None and not self.confirm_reread():
            self.set_options(self.session.read_options)  # put the choices back
            return
        self._reload_timer.start()

    def confirm_reread(self) -> bool:
        """Reading the file again redoes the later steps: ask first when they were done."""
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self, self.tr("Relire le fichier ?"),
            self.tr("Changer ce réglage relit le fichier : l'association au schéma, la protection et les "
                    "corrections faites ensuite seront à refaire. Continuer ?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _on_preview_done(self, table: Table, options: Any) -> None:
        self.preview = table
        self._clear_failure()
        self._show_detection(table)
        if self.grid is not None:
            self.grid.set_table(table)
            self.grid.editable = False
        self._set_enabled(True)
        self._loading_full = True
        self.sig_state_changed.emit()
        self.jobs.start("open", read_full, self.path, options,
                        on_done=lambda t, o=options: self._on_full_done(t, o),
                        on_failed=self._on_read_failed)

    def _on_full_done(self, table: Table, options: Any) -> None:
        self._loading_full = False
        self.session.set_source(self.path, options, table)
        self._show_detection(table)
        self.sig_status.emit(self.tr("{n} lignes lues.").format(n=table.row_count))
        self.sig_state_changed.emit()

    def _on_read_failed(self, exc: BaseException) -> None:
        """Say on the page what went wrong and what to do; keep enabled the settings that can change
        the outcome (changing one reads the file again) and offer another file."""
        self._loading_full = False
        failure = exc if isinstance(exc, ReadFailed) else ReadFailed(exc, None)
        if not isinstance(exc, ReadFailed):
            self.sig_error.emit(exc)  # a bug, not the file: logged and reported by the window
        self.failure = failure
        self._show_failure(failure)
        self.sig_state_changed.emit()

    def fixing_settings(self) -> list[QWidget]:
        """The settings that can change the outcome of the failed read (empty: only another file helps)."""
        failure = self.failure
        if failure is None or failure.fmt is None:
            return []
        if failure.fmt in TEXT_FORMATS:
            return [self.encoding_combo, self.delimiter_combo, self.header_spin, self.header_rows_spin]
        if failure.fmt in WORKBOOK_FORMATS and len(failure.sheets) > 1:
            return [self.sheet_combo, self.header_spin, self.header_rows_spin]
        return [self.header_spin, self.header_rows_spin]

    def _show_failure(self, failure: ReadFailed) -> None:
        from capnum_desktop.core.errors import CapnumError
        from capnum_desktop.ui.i18n import current_language

        error = failure.error
        name = self.path.name if self.path is not None else ""
        if isinstance(error, CapnumError):
            title, hint = error.text(current_language())  # French, or English for a read error with a code
        else:
            title = self.tr("Le fichier « {name} » n'a pas pu être lu (erreur inattendue).").format(name=name)
            hint = ""
        if failure.fmt is not None:
            self.format_value.setText(self.tr(FORMAT_NAMES.get(failure.fmt, failure.fmt)))
            is_text = failure.fmt in TEXT_FORMATS
            self._updating = True
            try:
                if failure.sheets:
                    chosen = self.sheet_combo.currentData()
                    self.sheet_combo.clear()
                    self.sheet_combo.addItem(self.tr("automatique"), None)
                    for sheet in failure.sheets:
                        self.sheet_combo.addItem(sheet, sheet)
                    self.sheet_combo.setCurrentIndex(max(self.sheet_combo.findData(chosen), 0))
            finally:
                self._updating = False
            self.encoding_combo.setVisible(is_text)
            self.delimiter_combo.setVisible(is_text)
            self.sheet_combo.setVisible(not is_text)
            for widget in (self.encoding_combo, self.delimiter_combo, self.sheet_combo):
                self._labels[widget].setVisible(widget.isVisibleTo(self))
        fixing = self.fixing_settings()
        self._set_enabled(False)
        for widget in fixing:
            widget.setEnabled(True)
        if failure.fmt is None:
            todo = self.tr("Aucun réglage de lecture n'y change rien : cliquez sur « Ouvrir un autre fichier… » "
                           "pour en choisir un autre.")
        elif failure.fmt in TEXT_FORMATS:
            todo = self.tr("Si c'est le bon fichier, essayez un autre « Encodage », un autre « Séparateur » ou "
                           "une autre « Ligne d'en-tête » ci-dessous : le fichier est relu aussitôt. Sinon, "
                           "cliquez sur « Ouvrir un autre fichier… ».")
        elif self.sheet_combo in fixing:
            todo = self.tr("Si c'est le bon fichier, choisissez une autre « Feuille » ou une autre « Ligne "
                           "d'en-tête » ci-dessous : le fichier est relu aussitôt. Sinon, cliquez sur « Ouvrir un "
                           "autre fichier… ».")
        else:
            todo = self.tr("Si c'est le bon fichier, essayez une autre « Ligne d'en-tête » ci-dessous : le fichier "
                           "est relu aussitôt. Sinon, cliquez sur « Ouvrir un autre fichier… ».")
        self.error_title.setText(title)
        self.error_help.setText(f"{hint} {todo}".strip() if hint else todo)
        self.open_other_button.setAccessibleDescription(f"{title} {self.error_help.text()}")
        self.error_box.setAccessibleName(self.tr("Le fichier n'a pas pu être lu"))
        self.error_box.show()
        self.rows_value.setText("—")
        focused = QApplication.focusWidget()
        if not any(w is focused or w.isAncestorOf(focused) for w in fixing if focused is not None):
            self.open_other_button.setFocus(Qt.FocusReason.OtherFocusReason)  # unless a setting is being changed

    def _clear_failure(self) -> None:
        self.failure = None
        self.error_box.hide()

    def _show_detection(self, table: Table) -> None:
        """Put what the reader found in the labels, and its choices in the combos (as 'automatique')."""
        src = table.source
        self.format_value.setText(self.tr(FORMAT_NAMES.get(src.format, src.format)))
        self._updating = True
        try:
            auto = self.tr("automatique")
            self.encoding_combo.setItemText(
                0, f"{auto} ({self.tr(encoding_label(src.encoding))})" if src.encoding else auto)
            delim = dict(DELIMITERS).get(src.delimiter or "", src.delimiter or "")
            self.delimiter_combo.setItemText(0, f"{auto} ({self.tr(delim)})" if src.delimiter else auto)
            chosen = self.sheet_combo.currentData()
            self.sheet_combo.clear()
            self.sheet_combo.addItem(f"{auto} ({src.sheet})" if src.sheet else auto, None)
            for name in src.sheets:
                self.sheet_combo.addItem(name, name)
            self.sheet_combo.setCurrentIndex(max(self.sheet_combo.findData(chosen), 0))
            is_text = src.format in ("csv", "tsv", "txt")
            self.encoding_combo.setVisible(is_text)
            self.delimiter_combo.setVisible(is_text)
            self.sheet_combo.setVisible(not is_text)
            self._show_similar_sheets(src)
            for widget in (self.encoding_combo, self.delimiter_combo, self.sheet_combo):
                self._labels[widget].setVisible(widget.isVisibleTo(self))
            self.header_spin.setSpecialValueText(
                f"{auto} ({src.header_line})" if src.header_line is not None else auto)
            self.header_rows_spin.setSpecialValueText(
                self.tr("{auto} ({n} lignes)").format(auto=auto, n=src.header_lines) if src.header_lines > 1
                else f"{auto} (1)" if src.header_line else auto)
        finally:
            self._updating = False
        self.rows_value.setText(self.tr("{n} lignes, {c} colonnes").format(
            n=table.row_count, c=len(table.columns)) + ("" if table is not self.preview or self.session.source_table
                                                       else self.tr(" (aperçu)")))
        skipped = [self.tr("{reason} : {lines}").format(
            reason=self._reason(s.reason), lines=_lines(s.lines)) for s in src.skipped]
        self.skipped_value.setText("\n".join(skipped) if skipped else self.tr("aucune"))
        self._show_kinds(src)
        self.warnings_list.clear()
        from capnum_desktop.ui.i18n import current_language

        lang = current_language()
        for warning in src.warnings:  # the reader's coded warnings, in the window's language
            self.warnings_list.addItem(read_text(warning, lang))
        if not src.warnings:
            self.warnings_list.addItem(self.tr("Aucun avertissement."))

    def _show_similar_sheets(self, src: Any) -> None:
        """A workbook whose sheets have the same columns (one per year…): say which, and whether one of
        them or all of them (appended, with a « feuille » column) are read."""
        similar = tuple(getattr(src, "similar_sheets", ()) or ())
        appended = tuple(getattr(src, "appended_sheets", ()) or ())
        several = len(similar) > 1
        n, names = len(similar), ", ".join(similar)
        if appended:
            note = self.tr("Ce classeur contient {n} feuilles aux mêmes colonnes : {names}. Elles sont mises bout "
                           "à bout en un seul tableau ; la colonne « feuille » dit d'où vient chaque ligne. "
                           "Décochez la case pour n'en lire qu'une.").format(n=n, names=names)
        else:
            note = self.tr("Ce classeur contient {n} feuilles aux mêmes colonnes : {names}. Seule « {sheet} » est "
                           "lue : cochez la case pour les mettre bout à bout, ou choisissez une autre feuille "
                           "ci-dessus.").format(n=n, names=names, sheet=src.sheet)
        self.sheets_note.setText(note if several else "")
        self.sheets_note.setVisible(several)
        self.all_sheets_check.setText(self.tr("Mettre les {n} feuilles &bout à bout").format(n=n))
        self.all_sheets_check.setVisible(several)
        self.all_sheets_check.setChecked(bool(appended))

    def _on_sheet_chosen(self) -> None:
        """Choosing one sheet means reading that one: appending the look-alikes is given up."""
        if not self._updating and self.all_sheets_check.isChecked() and self.sheet_combo.currentData() is not None:
            self._updating = True
            try:
                self.all_sheets_check.setChecked(False)
            finally:
                self._updating = False

    def _show_kinds(self, src: Any) -> None:
        """One checkable line per kind of row found (checked: left out; unchecked: kept as data)."""
        self._updating = True
        try:
            self.kinds_list.clear()
            kept = {s.reason: s.lines for s in getattr(src, "kept", ())}
            left = {s.reason: s.lines for s in src.skipped if s.reason in ROW_KINDS}
            self._keep_rows = tuple(k for k in ROW_KINDS if k in kept)
            for kind in ROW_KINDS:
                if kind not in kept and kind not in left:
                    continue
                lines = kept.get(kind) or left[kind]
                item = QListWidgetItem(self.tr("{kind} : lignes {lines}").format(
                    kind=self.tr(ROW_KINDS[kind]), lines=_lines(lines)), self.kinds_list)
                item.setData(Qt.ItemDataRole.UserRole, kind)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked if kind in kept else Qt.CheckState.Checked)
            shown = self.kinds_list.count() > 0
            self.kinds_list.setVisible(shown)
            self._kinds_label.setVisible(shown)
        finally:
            self._updating = False

    def _on_kind_toggled(self, _item: QListWidgetItem) -> None:
        if self._updating:
            return
        self._keep_rows = tuple(
            str(self.kinds_list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.kinds_list.count())
            if self.kinds_list.item(i).checkState() == Qt.CheckState.Unchecked)
        self._on_option_changed()

    def _reason(self, code: str) -> str:
        """Why lines were left out, in words (the reader gives a code)."""
        words = {
            "title": self.tr("titre au-dessus du tableau"),
            "blank": self.tr("lignes vides"),
            "empty": self.tr("lignes vides"),
            "footer": self.tr("pied de tableau (total, notes)"),
            "comment": self.tr("commentaires"),
            "header": self.tr("en-tête sur plusieurs lignes"),
            **{kind: self.tr(text) for kind, text in ROW_KINDS.items()},
        }
        return words.get(code, code)

    # -- Page interface ------------------------------------------------------------------------------
    def enter(self) -> None:
        if self.grid is not None and self.session.table is not None:
            self.grid.set_table(self.session.table)

    def can_go_next(self) -> bool:
        return self.session.source_table is not None and not self._loading_full

    def default_button(self) -> QAbstractButton | None:
        """After a failed read, Entrée opens another file (« Suivant » is disabled then)."""
        return self.open_other_button if self.failure is not None else None

    def next_blocker(self) -> str:
        if self.path is None:
            return self.tr("Choisissez un fichier à ouvrir.")
        if self._loading_full or self.jobs.is_running("preview"):
            return self.tr("Lecture du fichier en cours…")
        if self.failure is not None and not self.fixing_settings():
            return self.tr("Le fichier n'a pas pu être lu : cliquez sur « Ouvrir un autre fichier… ».")
        return self.tr("Le fichier n'a pas pu être lu : changez un réglage ci-dessus ou cliquez sur « Ouvrir un "
                       "autre fichier… ».")


def _lines(lines: tuple[int, ...]) -> str:
    """"1, 2, 3 … 40" for long lists."""
    if len(lines) <= 6:
        return ", ".join(str(n) for n in lines)
    return ", ".join(str(n) for n in lines[:5]) + f" … {lines[-1]}"


