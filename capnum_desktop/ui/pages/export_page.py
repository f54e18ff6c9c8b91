"""Step 5, Exporter: describe the dataset, choose formats and folder, see what will be published, export.

The metadata form (title, description, licence, producer, contact) pre-fills from the settings
(bureau name as producer, default licence, export folder). The contact must be a service address:
one that looks like a person's is flagged. A summary says what will be published (rows, columns)
and what the Protéger step removed or transformed, and how many validation errors remain; its first line is the
verdict: « prêt à publier » only for a valid, non-empty table, otherwise what blocks publication. Export
runs core ``export_dataset`` (with the session's :class:`Preparation`) in the job runner; an existing folder is only replaced after asking.
When done, the files written are listed with a button to open the folder.
"""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from capnum_desktop.core.export import ExportOptions, ExportResult, export_dataset
from capnum_desktop.core.preparation import Preparation
from capnum_desktop.core.table import Table
from capnum_desktop.core.validation import ValidationReport
from capnum_desktop.core.wording import text_in
from capnum_desktop.ui.i18n import current_language
from capnum_desktop.ui.pages.base import Page


def slugify(text: str) -> str:
    """The folder/file name the core derives from a title (``Subventions 2024`` -> ``subventions-2024``)."""
    from capnum_desktop.core.export import slugify as core_slugify

    return core_slugify(text)


def contact_problem(contact: str) -> str | None:
    """The core's warning, in the window's language, when the contact looks like a person's address (None
    when fine)."""
    from capnum_desktop.core.export.options import contact_warning

    warning = contact_warning(contact)
    return text_in(warning, current_language()) if warning else None


def licence_choices() -> list[tuple[str, str]]:
    """(key, title) of the licences the export accepts (Licence Ouverte 2.0 first, the default)."""
    from capnum_desktop.core.export.options import licences

    data = licences()
    items = [(key, str(lic.get("title", key))) for key, lic in data["licences"].items()]
    items.sort(key=lambda item: item[0] != data["default"])
    return items


def licence_key(preferred: str) -> str | None:
    """The export's key for a licence named in the settings (None when the export does not know it)."""
    from capnum_desktop.core.export.options import licence_descriptor

    try:
        return str(licence_descriptor(preferred)["name"]).lower()
    except Exception:  # an unknown licence in the settings: the default is used
        return None


def _preferences() -> Any:
    try:
        from capnum_desktop.core.preferences import load_preferences

        return load_preferences()
    except Exception:  # settings are a convenience: the page works with the defaults
        return None


def default_export_folder() -> Path:
    prefs = _preferences()
    folder = prefs.export_dir if prefs is not None else ""
    if folder:
        return Path(folder)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents or Path.home()) / "CapNum"


def run_export(table: Table, preparation: Preparation, out_dir: Path, *, processing_report: dict[str, Any] | None,
               progress: Any = None, cancel: Any = None) -> ExportResult:
    """The export step of the pipeline (runs in the job runner): validates the very table it writes."""
    return export_dataset(table, preparation, out_dir, processing_report=processing_report, progress=progress,
                          cancel=cancel)


def written_files(result: ExportResult) -> list[Path]:
    """The files an export wrote, sorted."""
    return sorted(result.files.values())


class ExportPage(Page):
    """Exporter: metadata, formats, folder, summary, export, open the folder."""

    step_id = "export"

    def __init__(self, session: Any, jobs: Any, parent: QWidget | None = None) -> None:
        super().__init__(session, jobs, parent)
        prefs = _preferences()
        self._exporting = False
        self.last_folder: Path | None = None

        # metadata
        self.title_edit = QLineEdit(self)
        self.title_edit.setAccessibleName(self.tr("Titre du jeu de données"))
        self.description_edit = QPlainTextEdit(self)
        self.description_edit.setAccessibleName(self.tr("Description du jeu de données"))
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setFixedHeight(64)
        self.licence_combo = QComboBox(self)
        self.licence_combo.setAccessibleName(self.tr("Licence de réutilisation"))
        self.licence_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.licence_combo.setMinimumContentsLength(16)  # long licence titles are elided on a small screen
        for key, title in licence_choices():
            self.licence_combo.addItem(title, key)
        preferred = licence_key(getattr(prefs, "licence", "") or "") if prefs is not None else None
        self.licence_combo.setCurrentIndex(max(0, self.licence_combo.findData(preferred)))
        self.producer_edit = QLineEdit(getattr(prefs, "bureau", "") if prefs is not None else "", self)
        self.producer_edit.setAccessibleName(self.tr("Producteur des données"))
        self.producer_edit.setPlaceholderText(self.tr("ex. : Direction des affaires financières"))
        self.contact_edit = QLineEdit(self)
        self.contact_edit.setAccessibleName(self.tr("Adresse de contact du service"))
        self.contact_edit.setPlaceholderText(self.tr("ex. : contact-donnees@ministere.gouv.fr"))
        self.contact_warning = QLabel(self)
        self.contact_warning.setWordWrap(True)
        self.contact_warning.setStyleSheet("color: #8a5a00;")
        self.contact_warning.setAccessibleName(self.tr("Avertissement sur le contact"))
        self.contact_warning.hide()
        meta_form = QFormLayout()
        for text, widget in ((self.tr("&Titre :"), self.title_edit), (self.tr("Desc&ription :"), self.description_edit),
                             (self.tr("&Licence :"), self.licence_combo), (self.tr("Prod&ucteur :"), self.producer_edit),
                             (self.tr("&Contact :"), self.contact_edit)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            meta_form.addRow(label, widget)
        meta_form.addRow("", self.contact_warning)
        meta_box = QGroupBox(self.tr("Description du jeu de données"), self)
        meta_box.setLayout(meta_form)

        # formats and folder
        self.csv_check = QCheckBox(self.tr("CSV (UTF-8, virgule) — toujours produit"), self)
        self.csv_check.setChecked(True)
        self.csv_check.setEnabled(False)
        self.json_check = QCheckBox(self.tr("&JSON (tableau d'enregistrements typés)"), self)
        self.json_check.setChecked(True)
        self.bom_check = QCheckBox(self.tr("CSV avec &BOM (pour l'ouvrir dans Excel)"), self)
        self.crlf_check = QCheckBox(self.tr("Fins de ligne &Windows (CRLF)"), self)
        self.crlf_check.setToolTip(self.tr("Par défaut les lignes finissent par LF, comme le recommande le portail "
                                           "national ; CRLF pour un outil qui l'exige."))
        self.formula_check = QCheckBox(self.tr("&Neutraliser les formules (= + - @)"), self)
        self.formula_check.setToolTip(self.tr("Les cellules qui commencent par = + - ou @ sont précédées d'une "
                                              "apostrophe, pour qu'un tableur ne les exécute pas."))
        self.folder_edit = QLineEdit(str(default_export_folder()), self)
        self.folder_edit.setAccessibleName(self.tr("Dossier où créer l'export"))
        self.browse_button = QPushButton(self.tr("C&hoisir…"), self)
        self.browse_button.setAccessibleName(self.tr("Choisir le dossier d'export"))
        self.browse_button.clicked.connect(self.choose_folder)
        self.target_label = QLabel(self)
        self.target_label.setObjectName("hint")
        self.target_label.setWordWrap(True)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.browse_button)
        out_form = QVBoxLayout()
        for check in (self.csv_check, self.json_check, self.bom_check, self.crlf_check, self.formula_check):
            out_form.addWidget(check)
        out_box = QGroupBox(self.tr("Formats"), self)
        out_box.setLayout(out_form)
        folder_label = QLabel(self.tr("Dossier d'e&xport :"), self)
        folder_label.setBuddy(self.folder_edit)
        folder_row.insertWidget(0, folder_label)
        self.browse_button.setMinimumWidth(self.browse_button.sizeHint().width())

        # summary and result
        # the verdict is the box's first line and never scrolls away; the details scroll when the
        # window is small (at 1366x705 they used to clip the « Attention » line)
        self.verdict_label = QLabel(self)
        self.verdict_label.setObjectName("verdict")
        self.verdict_label.setWordWrap(True)
        self.verdict_label.setStyleSheet("font-weight: bold;")
        self.verdict_label.setAccessibleName(self.tr("Peut-on publier ?"))
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.summary_label.setAccessibleName(self.tr("Ce qui sera publié"))
        self.summary_scroll = QScrollArea(self)
        self.summary_scroll.setWidgetResizable(True)
        self.summary_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.summary_scroll.setWidget(self.summary_label)
        summary_box = QGroupBox(self.tr("Ce qui sera publié"), self)
        summary_layout = QVBoxLayout(summary_box)
        summary_layout.addWidget(self.verdict_label)
        summary_layout.addWidget(self.summary_scroll, 1)

        self.export_button = QPushButton(self.tr("&Exporter"), self)
        self.export_button.setObjectName("primaryButton")
        self.export_button.setAccessibleName(self.tr("Exporter le jeu de données"))
        self.export_button.clicked.connect(self.export)
        self.open_button = QPushButton(self.tr("&Ouvrir le dossier"), self)
        self.open_button.setAccessibleName(self.tr("Ouvrir le dossier exporté"))
        self.open_button.setProperty("pageAction", True)  # must be in sight after an export (widgets.fit)
        self.open_button.clicked.connect(self.open_folder)
        self.open_button.hide()
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.result_label.setAccessibleName(self.tr("Résultat de l'export"))
        self.result_label.hide()
        self.files_list = QListWidget(self)
        self.files_list.setAccessibleName(self.tr("Fichiers écrits"))
        self.files_list.setMinimumHeight(48)  # two names at least; it takes what room the box has, no more
        self.files_list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.files_list.hide()
        # after an export the box shows what was written in place of what will be
        summary_layout.addWidget(self.result_label)
        summary_layout.addWidget(self.files_list, 1)
        action_row = QHBoxLayout()
        action_row.addStretch(1)
        action_row.addWidget(self.open_button)
        action_row.addWidget(self.export_button)

        # Two columns and no row under them: at 1280x720 (1920x1080 at 150 %) the page gets ~430 px, and
        # a bottom row of buttons under the form ended below the fold (« Exporter » 25 px under the edge).
        # Left: what describes the data and where it goes; right: formats, the verdict, then the buttons.
        left = QVBoxLayout()
        left.addWidget(meta_box)
        left.addLayout(folder_row)
        left.addWidget(self.target_label)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(out_box)
        right.addWidget(summary_box, 1)
        right.addLayout(action_row)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)

        self.title_edit.textChanged.connect(self._update_target)
        self.folder_edit.textChanged.connect(self._update_target)
        self.contact_edit.textChanged.connect(self._check_contact)
        self.title_edit.textChanged.connect(lambda: self.sig_state_changed.emit())

    def title(self) -> str:
        return self.tr("Exporter")

    def default_button(self) -> QPushButton:
        """Entrée (outside a field) exports."""
        return self.export_button

    def subtitle(self) -> str:
        return self.tr("Décrivez le jeu de données puis exportez-le : fichier CSV, JSON, description "
                       "(datapackage.json), rapports et recette, dans un dossier ; il est prêt à publier quand le tableau "
                       "est conforme au schéma et a des lignes.")

    # -- form -----------------------------------------------------------------------------------------
    def enter(self) -> None:
        if not self.title_edit.text().strip():
            self.title_edit.setText(self.default_title())
        self._update_target()
        self._check_contact()
        self.refresh_summary()

    def default_title(self) -> str:
        schema = self.session.schema
        stem = self.session.path.stem if self.session.path is not None else ""
        stem = re.sub(r"[_\s]+", " ", stem).strip()
        schema_title = getattr(schema, "title", "") if schema is not None else ""
        if schema_title and stem:
            return f"{schema_title} — {stem}"
        return schema_title or stem or self.tr("Jeu de données")

    def target_folder(self) -> Path:
        """The folder the export will create: chosen folder / name from the title."""
        base = Path(self.folder_edit.text().strip() or str(default_export_folder())).expanduser()
        return base / slugify(self.title_edit.text().strip() or self.default_title())

    def _update_target(self) -> None:
        target = self.target_folder()
        text = self.tr("Les fichiers seront écrits dans : {folder}").format(folder=str(target))
        if target.exists():
            text += " " + self.tr("(ce dossier existe déjà : il vous sera demandé s'il faut le remplacer)")
        self.target_label.setText(text)

    def _check_contact(self) -> None:
        problem = contact_problem(self.contact_edit.text())
        self.contact_warning.setText(problem or "")
        self.contact_warning.setVisible(bool(problem))

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Dossier d'export"), self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    def metadata(self) -> dict[str, Any]:
        """What the form says, with the names the core's ExportOptions uses."""
        title = self.title_edit.text().strip() or self.default_title()
        return {
            "title": title,
            "name": slugify(title),
            "description": self.description_edit.toPlainText().strip(),
            "licence": self.licence_combo.currentData(),
            "producer": self.producer_edit.text().strip(),
            "contact": self.contact_edit.text().strip(),
            "write_json": self.json_check.isChecked(),
            "bom": self.bom_check.isChecked(),
            "line_ending": "\r\n" if self.crlf_check.isChecked() else "\n",
            "neutralise_formulas": self.formula_check.isChecked(),
        }

    # -- summary ----------------------------------------------------------------------------------------
    def refresh_summary(self) -> None:
        self.verdict_label.setText(self.verdict())
        self.summary_label.setText("\n".join(self.summary_lines()))
        exported = (isinstance(self.session.export_result, ExportResult) and not self.session.modified_since_export
                    and self.files_list.count() > 0)
        self.summary_scroll.setVisible(not exported)  # the files written take its place (no room for both)
        self.files_list.setVisible(exported)
        self.result_label.setVisible(bool(self.result_label.text()))

    def verdict(self) -> str:
        """The first line of the summary: « prêt à publier » only for a valid, non-empty table; otherwise
        what blocks publication."""
        table = self.session.table
        result = self.session.export_result
        if table is None:
            return self.tr("Rien à publier : ouvrez d'abord un fichier.")
        if isinstance(result, ExportResult) and not self.session.modified_since_export:
            return self.export_verdict(result)
        if table.row_count == 0:
            return self.tr("Non publiable en l'état : le tableau n'a aucune ligne de données.")
        report = self.session.report
        if report is None:
            return self.tr("Pas encore vérifié : la conformité au schéma sera contrôlée à l'export.")
        if not report.valid:
            n = report.error_count  # « 1 erreur … reste », « 6 erreurs … restent »: French, never « (s) »
            return (self.tr("Non publiable en l'état : {n} erreur de validation reste (étape « Vérifier »).") if n <= 1
                    else self.tr("Non publiable en l'état : {n} erreurs de validation restent (étape « Vérifier »).")
                    ).format(n=n)
        return self.tr("Prêt à publier : le tableau est conforme au schéma.")

    def export_verdict(self, result: ExportResult) -> str:
        """What an export's result allows: publish as it is, or what blocks it (the folder is written)."""
        if result.publishable:
            return self.tr("C'est terminé : le dossier est prêt à publier.")
        if result.row_count == 0:
            return self.tr("Exporté, mais non publiable en l'état : aucune ligne de données.")
        n = result.error_count
        return (self.tr("Exporté, mais non publiable en l'état : {n} erreur.") if n <= 1
                else self.tr("Exporté, mais non publiable en l'état : {n} erreurs.")).format(n=n)

    def summary_lines(self) -> list[str]:
        """What will be published and what was removed, in sentences (no cell value)."""
        table = self.session.table
        if table is None:
            return [self.tr("Aucun tableau à exporter.")]
        lines = [self.tr("{rows} lignes et {n} colonnes seront publiées : {columns}.").format(
            rows=table.row_count, n=len(table.columns), columns=", ".join(table.columns))]
        log = self.session.privacy_log
        if log is not None:
            removed = [e.column for e in log.entries if e.action == "remove"]
            if removed:
                lines.append(self.tr("Retiré pour protéger les personnes : {columns}.").format(
                    columns=", ".join(f"« {c} »" for c in removed)))
            for e in log.entries:
                if e.action in ("generalise", "mask", "suppress", "pseudonymise") and e.cells_changed:
                    lines.append((self.tr("« {column} » : {n} cellule transformée ({action}).")
                                  if e.cells_changed <= 1 else
                                  self.tr("« {column} » : {n} cellules transformées ({action}).")).format(
                        column=e.column, n=e.cells_changed, action=self._action_label(e.action)))
                elif e.action == "keep" and e.exception:
                    lines.append(self.tr("« {column} » publié au titre d'une exception légale.").format(column=e.column))
            if log.rows_dropped:
                lines.append((self.tr("{n} ligne retirée pour l'anonymat k.") if log.rows_dropped <= 1 else
                              self.tr("{n} lignes retirées pour l'anonymat k.")).format(n=log.rows_dropped))
        else:
            lines.append(self.tr("L'étape « Protéger » n'a pas été faite : aucune donnée n'a été retirée."))
        if self.session.edits:
            n = len(self.session.edits)
            lines.append((self.tr("{n} correction faite à la main.") if n <= 1 else
                          self.tr("{n} corrections faites à la main.")).format(n=n))
        return lines

    @staticmethod
    def _action_label(action: str) -> str:
        try:
            from capnum_desktop.core.privacy import load_rules

            return load_rules().actions.get(action, {}).get("label", action).lower()
        except Exception:  # a label only
            return action

    # -- exporting ----------------------------------------------------------------------------------------
    def export(self) -> bool:
        """Export in the background (asks before replacing an existing folder); True when started."""
        if self.session.table is None or self._exporting:
            return False
        target = self.target_folder()
        overwrite = False
        if target.exists() and any(target.iterdir()):
            if not self.confirm_overwrite(target):
                self._say(self.tr("Export annulé : le dossier existant a été conservé."))
                return False
            overwrite = True
        try:
            options = ExportOptions(**self.metadata(), overwrite=overwrite)
        except Exception as exc:  # a bad option is the user's to fix; shown as a dialog
            self.sig_error.emit(exc)
            return False
        s = self.session
        preparation = s.preparation(options)
        if preparation is None:  # no file read: nothing to export (the button is only reachable with one)
            return False
        processing = s.processing_report(preparation, user=str(getattr(_preferences(), "user_name", "") or ""))
        self._exporting = True
        self.export_button.setEnabled(False)
        self.open_button.hide()
        self.files_list.hide()
        self.summary_scroll.show()
        self._say(self.tr("Export en cours…"))
        self.sig_state_changed.emit()
        self.jobs.start("export", run_export, s.table, preparation, target, processing_report=processing,
                        on_done=partial(self._on_exported, options, target),
                        on_failed=self._on_failed, on_cancelled=self._on_cancelled)
        return True

    def confirm_overwrite(self, folder: Path) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Le dossier existe déjà"),
            self.tr("Le dossier « {folder} » existe déjà. Le remplacer par ce nouvel export ?").format(folder=str(folder)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _on_exported(self, options: ExportOptions, folder: Path, result: ExportResult) -> None:
        self._exporting = False
        self.export_button.setEnabled(True)
        if isinstance(result.report, ValidationReport):
            self.session.set_report(result.report)
        self.session.set_export(options, result)
        self.show_export(result)
        self.open_button.setFocus()
        self._update_target()
        self.sig_status.emit(self.tr("Export terminé."))
        self.sig_state_changed.emit()

    def show_export(self, result: ExportResult) -> None:
        """Show a finished export: its verdict, the files written, « Ouvrir le dossier ». Also how a page
        rebuilt in another language shows the session's export again."""
        self.last_folder = result.folder
        files = written_files(result)
        self.files_list.clear()
        self.files_list.addItems([path.name for path in files])
        self.files_list.setVisible(bool(files))
        # the verdict is the bold first line of the same box (verdict_label): not said twice
        lines = [(self.tr("Export terminé : {n} fichier dans {folder}.") if len(files) <= 1 else
                  self.tr("Export terminé : {n} fichiers dans {folder}.")).format(n=len(files), folder=str(result.folder)),
                 *(text_in(w, current_language()) for w in result.warnings)]
        self._say("\n".join(lines))
        self.refresh_summary()
        self.open_button.show()

    def _say(self, text: str) -> None:
        """What happened to the export, in the summary box under the verdict."""
        self.result_label.setText(text)
        self.result_label.setVisible(bool(text))

    def _on_failed(self, exc: BaseException) -> None:
        self._exporting = False
        self.export_button.setEnabled(True)
        self._say(self.tr("L'export a échoué : aucun fichier n'a été laissé à moitié écrit."))
        self.sig_error.emit(exc)
        self.sig_state_changed.emit()

    def _on_cancelled(self) -> None:
        self._exporting = False
        self.export_button.setEnabled(True)
        self._say(self.tr("Export interrompu."))
        self.sig_state_changed.emit()

    def open_folder(self) -> bool:
        if self.last_folder is None:
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_folder)))

    # -- Page interface ---------------------------------------------------------------------------------
    def can_go_next(self) -> bool:
        return False  # the last step: the page's own "Exporter" button does the work

    def next_blocker(self) -> str:
        if self._exporting:
            return self.tr("Export en cours…")
        if isinstance(self.session.export_result, ExportResult):
            return self.export_verdict(self.session.export_result)
        return self.tr("Vérifiez la description puis cliquez sur « Exporter ».")


