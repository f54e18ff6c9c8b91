"""Step 2, Associer au schéma: choose the national schema, then check which column feeds each field.

One row per schema field: the suggested source column (a drop-down to change it), how sure the
suggestion is (a colour and a word), a constant value to use instead, and how many values could not
be converted. Missing required fields stand out. The schema comes from the catalogue (with search),
from a file, or is inferred from the table. Every change re-runs ``conform`` in the job runner.

The session owns the choice (``session.mapping_state()``): every change (a column, a constant, the
schema) is one step on its undo stack (``ui.undo.MappingCommand``, which sets the session's state);
this page observes the session, shows its state and converts a mapping the conformed table does not
follow yet. Ctrl+Z puts the previous schema and mapping back, shows this page and re-conforms, which
resets the privacy step and the report exactly as a forward change does. A page built again (language
change) shows the session's state and carries on.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from capnum_desktop.ui.i18n import current_language
from capnum_desktop.ui.pages.base import Page
from capnum_desktop.ui.session import MappingState
from capnum_desktop.ui.undo import mapping_label, push_mapping_change

COL_FIELD, COL_SOURCE, COL_CONFIDENCE, COL_CONSTANT, COL_ISSUES = range(5)

CONFIDENCE_LEVELS = (  # (minimum score, word, colour) — the word always says it, the colour helps
    (0.999, QT_TRANSLATE_NOOP("MapPage", "choisie"), "#d7e8ff"),
    (0.85, QT_TRANSLATE_NOOP("MapPage", "sûre"), "#d8f0d2"),
    (0.65, QT_TRANSLATE_NOOP("MapPage", "probable"), "#fdf0c8"),
    (0.0, QT_TRANSLATE_NOOP("MapPage", "incertaine"), "#fbd9c9"),
)


def confidence_word(score: float | None) -> tuple[str, str]:
    """(word, colour) for a confidence score; ("—", "") when no column is chosen."""
    if score is None:
        return "—", ""
    for minimum, word, colour in CONFIDENCE_LEVELS:
        if score >= minimum:
            return word, colour
    return CONFIDENCE_LEVELS[-1][1], CONFIDENCE_LEVELS[-1][2]


def propose(table: Any, schema: Any, constants: dict[str, str] | None = None) -> Any:
    from capnum_desktop.core.schemas import propose_mapping

    return propose_mapping(table, schema, constants=constants or None)


def run_conform(table: Any, schema: Any, mapping: Any, *, progress: Any = None, cancel: Any = None) -> Any:
    from capnum_desktop.core.schemas import conform

    return conform(table, schema, mapping, progress=progress, cancel=cancel)


def run_ranking(table: Any, *, progress: Any = None, cancel: Any = None) -> Any:
    """The three catalogue standards that fit the table's columns best (``core.schemas.ranking``)."""
    from capnum_desktop.core.schemas.ranking import rank_schemas

    return rank_schemas(table, limit=3, progress=progress, cancel=cancel)


LOW_COVERAGE = 0.5  # below this share of required fields filled, « Suivant » warns once before going on


class MapPage(Page):
    """Associer au schéma."""

    step_id = "map"
    grid_share = 0.3

    def __init__(self, session: Any, jobs: Any, parent: QWidget | None = None) -> None:
        super().__init__(session, jobs, parent)
        self._shown = MappingState()  # the session's state the widgets show
        self._entered = False  # the widgets follow the session once the page was shown
        self._entries: list[Any] = []
        self._conforming = False
        self._filling = False
        self._ranking = False
        self._ranked_table: Any = None  # the table the suggestion was made for
        self._advance_when_conformed = False  # « Suivant » applied the highlighted schema: go on once converted
        self._coverage_warned: Any = None  # the mapping whose low coverage « Suivant » already warned about

        # --- schema choice
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("Rechercher un schéma (ex. : subventions, marchés, IRVE)…"))
        self.search_edit.setAccessibleName(self.tr("Rechercher un schéma dans le catalogue"))
        self.search_edit.setClearButtonEnabled(True)
        self.schema_list = QListWidget(self)
        self.schema_list.setAccessibleName(self.tr("Schémas du catalogue"))
        self.schema_list.setMaximumHeight(120)
        self.use_button = QPushButton(self.tr("&Utiliser ce schéma"), self)
        self.use_button.setAccessibleName(self.tr("Utiliser le schéma sélectionné"))
        self.file_button = QPushButton(self.tr("Sché&ma depuis un fichier…"), self)
        self.file_button.setAccessibleName(self.tr("Charger un schéma depuis un fichier"))
        self.infer_button = QPushButton(self.tr("Déduire du &tableau"), self)
        self.infer_button.setAccessibleName(self.tr("Déduire un schéma des colonnes du tableau"))
        self.infer_button.setToolTip(self.tr("Quand aucun schéma national ne convient : un schéma décrit les "
                                             "colonnes telles qu'elles sont."))
        self.import_button = QPushButton(self.tr("&Importer un schéma…"), self)
        self.import_button.setAccessibleName(self.tr("Importer un schéma ou un catalogue téléchargé"))
        self.import_button.setToolTip(self.tr("Ajoute au catalogue hors ligne un schéma (schema.json) ou un "
                                              "catalogue (.zip) téléchargé depuis schema.data.gouv.fr."))
        self.version_combo = QComboBox(self)
        self.version_combo.setAccessibleName(self.tr("Version du schéma"))
        self.version_combo.setToolTip(self.tr("La plus récente par défaut ; choisissez celle qu'on vous demande."))
        self.version_combo.setVisible(False)
        self.schema_label = QLabel(self)
        self.schema_label.setObjectName("fileName")
        self.schema_label.setWordWrap(True)

        search_label = QLabel(self.tr("Sc&héma :"), self)
        search_label.setBuddy(self.search_edit)
        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.use_button)
        top.addWidget(self.file_button)
        top.addWidget(self.infer_button)
        top.addWidget(self.import_button)

        # --- field table
        self.fields_table = QTableWidget(0, 5, self)
        self.fields_table.setAccessibleName(self.tr("Association des champs du schéma aux colonnes du fichier"))
        self.fields_table.setHorizontalHeaderLabels([
            self.tr("Champ du schéma"), self.tr("Colonne du fichier"), self.tr("Confiance"),
            self.tr("Valeur constante"), self.tr("Valeurs non converties")])
        header = self.fields_table.horizontalHeader()
        header.setSectionResizeMode(COL_FIELD, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_SOURCE, QHeaderView.ResizeMode.Stretch)
        for col in (COL_CONFIDENCE, COL_ISSUES):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_CONSTANT, QHeaderView.ResizeMode.Interactive)
        self.fields_table.setColumnWidth(COL_CONSTANT, 170)
        self.fields_table.verticalHeader().setVisible(False)
        self.fields_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.fields_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fields_table.setTabKeyNavigation(False)
        self.fields_table.cellClicked.connect(self._on_fields_table_cell_clicked)

        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.summary_label.setObjectName("hint")
        self.missing_label = QLabel(self)
        self.missing_label.setWordWrap(True)
        self.missing_label.setObjectName("missingRequired")
        self.missing_label.setStyleSheet("color: #b00020; font-weight: 600;")
        self.coverage_label = QLabel(self)
        self.coverage_label.setWordWrap(True)
        self.coverage_label.setObjectName("lowCoverage")
        self.coverage_label.setStyleSheet("color: #8a4b00; font-weight: 600;")
        self.coverage_label.setVisible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.schema_list)
        schema_row = QHBoxLayout()
        schema_row.addWidget(self.schema_label, 1)
        self.version_label = QLabel(self.tr("&Version :"), self)
        self.version_label.setBuddy(self.version_combo)
        self.version_label.setVisible(False)
        schema_row.addWidget(self.version_label)
        schema_row.addWidget(self.version_combo)
        layout.addLayout(schema_row)
        layout.addWidget(self.missing_label)
        layout.addWidget(self.coverage_label)
        layout.addWidget(self.fields_table, 1)
        layout.addWidget(self.summary_label)

        self._conform_timer = QTimer(self)
        self._conform_timer.setSingleShot(True)
        self._conform_timer.setInterval(400)
        self._conform_timer.timeout.connect(self.start_conform)
        self.search_edit.textChanged.connect(self._fill_schema_list)
        self.schema_list.itemActivated.connect(lambda _item: self._on_use_button_clicked())
        self.schema_list.currentItemChanged.connect(lambda *_args: self.sig_state_changed.emit())
        self.use_button.clicked.connect(self._on_use_button_clicked)
        self.file_button.clicked.connect(self._on_file_button_clicked)
        self.infer_button.clicked.connect(self._on_infer_button_clicked)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.version_combo.activated.connect(self._on_version_combo_activated)
        self._catalogue_loaded = False
        session.sig_changed.connect(self._on_session_changed)
        if session.mapping_pending():  # built again while a change waited for its conversion
            self._conform_timer.start()

    @property
    def mapping(self) -> Any:
        """The mapping chosen (the session's: it may not be converted yet)."""
        return self.session.mapping if self.session.schema is not None else None

    def title(self) -> str:
        return self.tr("Associer au schéma")

    def subtitle(self) -> str:
        return self.tr("Choisissez le schéma national du jeu de données, puis vérifiez quelle colonne du fichier "
                       "remplit chaque champ.")

    # -- catalogue -----------------------------------------------------------------------------------
    def _load_catalogue(self) -> None:
        if self._catalogue_loaded:
            return
        from capnum_desktop.core.schemas import list_schemas

        try:
            self._entries = list(list_schemas())
        except Exception as exc:  # the catalogue is a bundled resource; say so if it is broken
            self.sig_error.emit(exc)
            self._entries = []
        self._catalogue_loaded = True
        self._fill_schema_list()

    def _fill_schema_list(self) -> None:
        from capnum_desktop.core.schemas.text import fold

        words = fold(self.search_edit.text()).split()
        self.schema_list.setVisible(True)
        self.schema_list.clear()
        for entry in self._entries:
            haystack = fold(" ".join([entry.id, entry.title, entry.description, *entry.aliases]))
            if all(w in haystack for w in words):
                item = QListWidgetItem(f"{entry.title}  ({entry.id}, v{entry.version})")
                item.setData(Qt.ItemDataRole.UserRole, entry.id)
                item.setToolTip(entry.description)
                self.schema_list.addItem(item)
        if self.schema_list.count():
            self.schema_list.setCurrentRow(0)
        self.use_button.setEnabled(self.schema_list.count() > 0)

    def _on_use_button_clicked(self) -> None:
        item = self.schema_list.currentItem()
        if item is not None:
            self.choose_schema(str(item.data(Qt.ItemDataRole.UserRole)))

    def _on_file_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Charger un schéma"), "",
                                              self.tr("Schémas (*.json *.yaml *.yml);;Tous les fichiers (*)"))
        if path:
            self.choose_schema(path)

    def _on_import_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Importer un schéma"), "",
            self.tr("Schémas et catalogues (*.json *.yaml *.yml *.zip);;Tous les fichiers (*)"))
        if path:
            self.import_schema_file(Path(path))

    def import_schema_file(self, path: Path) -> list[Any]:
        """Add a downloaded schema or catalogue to the offline catalogue, then list it (no network)."""
        from capnum_desktop.core.schemas.catalogue_import import import_schemas

        try:
            added = import_schemas(path)
        except Exception as exc:
            self.sig_error.emit(exc)
            return []
        self._catalogue_loaded = False
        self._load_catalogue()
        names = ", ".join(f"{e.title} v{e.version}" for e in added)
        self.sig_status.emit(self.tr("Ajouté au catalogue : {names}.").format(names=names))
        self._show_versions()
        return added

    def _show_versions(self) -> None:
        """The versions of the catalogue schema in use (the latest first); hidden for other schemas."""
        from capnum_desktop.core.schemas import schema_versions

        schema = self.session.schema
        entries = schema_versions(schema.id) if schema is not None and schema.source == "catalogue" else []
        self.version_combo.blockSignals(True)
        self.version_combo.clear()
        for i, entry in enumerate(entries):
            label = entry.version + (" " + self.tr("(la plus récente)") if i == 0 else "")
            self.version_combo.addItem(label, entry.version)
        if entries:
            self.version_combo.setCurrentIndex(max(self.version_combo.findData(schema.version), 0))
        self.version_combo.blockSignals(False)
        self.version_combo.setVisible(bool(entries))
        self.version_label.setVisible(bool(entries))

    def _on_version_combo_activated(self, _index: int) -> None:
        schema, version = self.session.schema, self.version_combo.currentData()
        if schema is None or not version or version == schema.version:
            return
        self.choose_schema(f"{schema.id}@{version}")

    def _on_infer_button_clicked(self) -> None:
        from capnum_desktop.core.schemas import infer_schema

        if self.session.source_table is None:
            return
        try:
            schema = infer_schema(self.session.source_table)
        except Exception as exc:
            self.sig_error.emit(exc)
            return
        self._use_schema(schema, None)

    def choose_schema(self, ref: str | Path) -> None:
        """Load a catalogue schema (by id) or a schema file, then propose a mapping."""
        from capnum_desktop.core.schemas import load_schema

        try:
            schema = load_schema(ref)
        except Exception as exc:
            self.sig_error.emit(exc)
            return
        self._use_schema(schema, str(ref))

    def _use_schema(self, schema: Any, ref: str | None) -> None:
        """A schema and its proposed mapping, as one undo step (choosing the same schema again resets
        the columns to the suggestions)."""
        self.sig_status.emit("")  # the suggestion hint is done
        if self._ranking:  # the agent chose: the suggestion is no longer needed
            self.jobs.cancel("rank_schemas")
        try:
            mapping = propose(self.session.source_table, schema, self._remembered_constants(schema))
        except Exception as exc:
            self.sig_error.emit(exc)
            return
        self._change(MappingState(schema, ref, mapping), mapping_label("schema", title=str(getattr(schema, "title", "") or schema.id)))

    def _remembered_constants(self, schema: Any) -> dict[str, str]:
        """The organisation's name and SIRET (Paramètres) fill producer/attribuant fields no column feeds."""
        from capnum_desktop.core.preferences import load_preferences

        return load_preferences().organisation_constants(list(schema.field_names))

    # -- field table ---------------------------------------------------------------------------------
    def _show_schema(self) -> None:
        schema = self.session.schema
        if schema is None:
            self.schema_label.setText(self.tr("Aucun schéma choisi."))
            self.fields_table.setRowCount(0)
            self._show_versions()
            return
        version = f" v{schema.version}" if getattr(schema, "version", "") else ""
        text = self.tr("Schéma : {title}{version} — {n} champs").format(
            title=schema.title, version=version, n=len(schema.fields))
        if schema.warnings:
            text += "\n" + "\n".join(f"⚠ {w}" for w in schema.warnings)
        self.schema_label.setText(text)
        self.schema_list.setVisible(bool(self.search_edit.text()))  # the table needs the room now
        self._show_versions()
        self._fill_fields()

    def _fill_fields(self) -> None:
        schema, mapping, table = self.session.schema, self.mapping, self.session.source_table
        if schema is None or mapping is None or table is None:
            self.fields_table.setRowCount(0)  # never leave another mapping's rows on screen
            return
        self._filling = True
        required = set(schema.required_fields)
        self.fields_table.setRowCount(len(schema.fields))
        bold = QFont()
        bold.setBold(True)
        for row, f in enumerate(schema.fields):
            name = str(f["name"])
            title = str(f.get("title") or "")
            label = name + (f" — {title}" if title and title != name else "")
            if name in required:
                label += " " + self.tr("(obligatoire)")
            item = QTableWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setToolTip(str(f.get("description") or title or name))
            if name in required:
                item.setFont(bold)
            self.fields_table.setItem(row, COL_FIELD, item)

            combo = QComboBox()
            combo.setAccessibleName(self.tr("Colonne du fichier pour le champ {field}").format(field=name))
            combo.addItem(self.tr("— aucune —"), None)
            for column in table.columns:
                combo.addItem(column, column)
            source = mapping.column_for(name)
            combo.setCurrentIndex(max(combo.findData(source), 0))
            combo.currentIndexChanged.connect(lambda _i, n=name, c=combo: self._on_source_changed(n, c))
            self.fields_table.setCellWidget(row, COL_SOURCE, combo)

            constant = QLineEdit()
            constant.setAccessibleName(self.tr("Valeur constante pour le champ {field}").format(field=name))
            constant.setPlaceholderText(self.tr("même valeur partout"))
            constant.setText(mapping.constants.get(name, ""))
            constant.editingFinished.connect(lambda n=name, e=constant: self._on_constant_edited(n, e))
            self.fields_table.setCellWidget(row, COL_CONSTANT, constant)
        self._filling = False
        self._refresh_status()

    def _sync_widgets(self, force: bool = False) -> None:
        """Show the mapping in the existing drop-downs and boxes (never rebuilt inside their own signal);
        a box being typed in keeps its text unless ``force`` (undo/redo)."""
        schema, mapping = self.session.schema, self.mapping
        if schema is None or mapping is None:
            return
        self._filling = True
        try:
            for row, f in enumerate(schema.fields):
                name = str(f["name"])
                combo = self.fields_table.cellWidget(row, COL_SOURCE)
                if isinstance(combo, QComboBox):
                    combo.setCurrentIndex(max(combo.findData(mapping.column_for(name)), 0))
                constant = self.fields_table.cellWidget(row, COL_CONSTANT)
                if isinstance(constant, QLineEdit) and (force or not constant.hasFocus()):
                    constant.setText(mapping.constants.get(name, ""))
        finally:
            self._filling = False
        self._refresh_status()

    def _refresh_status(self) -> None:
        """Confidence words, conversion counts and the missing-required warning."""
        schema, mapping = self.session.schema, self.mapping
        if schema is None or mapping is None:
            return
        counts = dict(getattr(self.session.conform_result, "issue_counts", {}) or {}) \
            if self.session.conform_result is not None and self.session.conformed_mapping is mapping else None
        required = set(schema.required_fields)
        missing = []
        for row, f in enumerate(schema.fields):
            name = str(f["name"])
            source = mapping.column_for(name)
            if source is not None:
                score = mapping.confidence.get(source)
                word, colour = confidence_word(1.0 if score is None else score)
            elif name in mapping.constants:
                word, colour = self.tr("constante"), "#d7e8ff"
            else:
                word, colour = "—", ""
            conf = QTableWidgetItem(self.tr(word))
            if colour:
                conf.setBackground(QBrush(QColor(colour)))
            conf.setToolTip(self.tr("Confiance de la suggestion"))
            self.fields_table.setItem(row, COL_CONFIDENCE, conf)
            if counts is None:
                issues = QTableWidgetItem("…" if self._conforming else "")
            else:
                n = int(counts.get(name, 0))
                issues = QTableWidgetItem(str(n) if n else "0")
                if n:
                    issues.setBackground(QBrush(QColor("#fbd9c9")))
                    issues.setToolTip(self.tr("{n} valeurs ne sont pas au format attendu : elles seront signalées "
                                              "à l'étape Vérifier. Cliquez pour les voir.").format(n=n))
            issues.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.fields_table.setItem(row, COL_ISSUES, issues)
            field_item = self.fields_table.item(row, COL_FIELD)
            filled = mapping.is_filled(name)
            if name in required and not filled:
                missing.append(name)
            if field_item is not None:
                field_item.setBackground(QBrush(QColor("#f9d6d5")) if name in required and not filled else QBrush())
        if self._coverage_warned is not mapping:
            self.coverage_label.setVisible(False)
        if missing:
            self.missing_label.setText(self.tr(
                "⚠ Champs obligatoires sans colonne ni valeur : {fields}. Choisissez une colonne ou saisissez une "
                "valeur constante, sinon chaque ligne sera en erreur.").format(fields=", ".join(missing)))
        else:
            self.missing_label.clear()  # no stale list left in a hidden label
        self.missing_label.setVisible(bool(missing))
        mapped = len([f for f in schema.fields if mapping.is_filled(str(f["name"]))])
        extra = mapping.extra_columns
        summary = self.tr("{mapped} champs sur {total} remplis.").format(mapped=mapped, total=len(schema.fields))
        if extra:
            summary += " " + self.tr("Colonnes du fichier non reprises (elles ne seront pas publiées) : {cols}.").format(
                cols=", ".join(extra))
        self.summary_label.setText(summary)

    def _on_source_changed(self, field_name: str, combo: QComboBox) -> None:
        if self._filling or self.mapping is None:
            return
        column = combo.currentData()
        if column == self.mapping.column_for(field_name):
            return  # the column already feeding it: nothing to convert again, no empty undo step
        if column is None:
            mapping, text = self.mapping.without_field(field_name), mapping_label("clear", field=field_name)
        else:
            mapping = self.mapping.with_column(column, field_name)
            text = mapping_label("column", field=field_name, column=column)
        self._change_mapping(mapping, text)

    def _on_constant_edited(self, field_name: str, edit: QLineEdit) -> None:
        if self._filling or self.mapping is None:
            return
        value = edit.text().strip()
        if value == self.mapping.constants.get(field_name, ""):
            return
        if value:
            self._change_mapping(self.mapping.with_constant(field_name, value),
                                 mapping_label("constant", field=field_name))
        else:
            self._change_mapping(self.mapping.without_field(field_name), mapping_label("clear", field=field_name))

    # -- changes and their undo ------------------------------------------------------------------------
    def current_state(self) -> MappingState:
        """What the page shows now: the session's choice (the mapping may not be conformed yet)."""
        return self.session.mapping_state()

    def _change_mapping(self, mapping: Any, text: str) -> None:
        state = self.current_state()
        self._change(MappingState(state.schema, state.schema_ref, mapping), text)

    def _change(self, new: MappingState, text: str) -> None:
        """Every user change goes through the undo stack; an unchanged state adds no empty step."""
        if not push_mapping_change(self.session, new, text):
            self._sync_widgets(force=True)  # e.g. a constant typed then put back as it was

    def _show_session(self) -> None:
        """Show the session's choice and convert it when the conformed table does not follow it yet: at
        once for a new schema, after a short pause for a column or a constant (several changes in a row
        convert once); nothing to do when the converted mapping is back (undone before it ran)."""
        state = self.session.mapping_state()
        shown, self._shown = self._shown, state
        visible = self._entered  # a page never shown yet shows the session's state when entered
        if visible and (state.schema is not shown.schema or state.schema_ref != shown.schema_ref):
            self._show_schema()
        elif visible and state.mapping is not shown.mapping:
            self._sync_widgets(force=True)
        if not self.session.mapping_pending():
            self._stop_conform()
            if visible:
                self._refresh_status()
        elif state.schema is not shown.schema:
            self.start_conform()
        else:
            self._conform_timer.start()
        self.sig_state_changed.emit()

    def _stop_conform(self) -> None:
        self._conform_timer.stop()
        if self._conforming:
            self.jobs.cancel("conform")
            self._conforming = False

    def _on_session_changed(self, what: str) -> None:
        from capnum_desktop.ui import session as S

        if what == S.SOURCE:  # another file (or none): the old mapping means nothing any more
            self._stop_conform()
            self._advance_when_conformed = False
            self.coverage_label.setVisible(False)
            self._shown = MappingState()
        elif what == S.MAPPING:
            self._show_session()

    def _on_fields_table_cell_clicked(self, row: int, column: int) -> None:
        """Clicking a conversion count shows the first bad value's cell in the grid."""
        if column != COL_ISSUES or self.session.conform_result is None:
            return
        item = self.fields_table.item(row, COL_FIELD)
        name = item.data(Qt.ItemDataRole.UserRole) if item else None
        issues = [i for i in self.session.conform_result.issues if i.field == name and i.row is not None]
        if issues and self.grid is not None:
            main = self.window()
            if hasattr(main, "grid"):
                main.grid.go_to_cell(int(issues[0].row), name)

    # -- conform ---------------------------------------------------------------------------------------
    def start_conform(self) -> None:
        if self.session.source_table is None or self.session.schema is None or self.mapping is None:
            return
        self._conforming = True
        self._refresh_status()
        self.sig_state_changed.emit()
        mapping = self.mapping
        self.jobs.start("conform", run_conform, self.session.source_table, self.session.schema, mapping,
                        on_done=lambda r, m=mapping: self._on_conform_done(m, r),
                        on_failed=self._on_conform_failed)

    def _on_conform_done(self, mapping: Any, result: Any) -> None:
        self._conforming = False
        if mapping is not self.session.mapping:  # the choice changed meanwhile: its own conversion follows
            self.sig_state_changed.emit()
            return
        self.session.set_mapping(mapping, result)
        self._mark_issues(result)
        self._refresh_status()
        self.sig_state_changed.emit()
        if self._advance_when_conformed and mapping is self.mapping:
            self._advance_when_conformed = False
            if self._coverage_allows_next():
                self.sig_advance_requested.emit()

    def _on_conform_failed(self, exc: BaseException) -> None:
        self._conforming = False
        self._advance_when_conformed = False
        self.sig_error.emit(exc)
        self.sig_state_changed.emit()

    def _mark_issues(self, result: Any) -> None:
        if self.grid is None:
            return
        lang = current_language()  # the conversion issues' sentences in the window's language (issue 16)
        marks = {(int(i.row), i.field): ("warning", i.text(lang)[0]) for i in result.issues if i.row is not None}
        self.grid.set_cell_marks(marks)

    # -- Page interface --------------------------------------------------------------------------------
    def enter(self) -> None:
        self._load_catalogue()
        if self.session.schema is None and self.session.source_table is not None:
            self._suggest_schema()
        self._entered = True
        self._shown = self.session.mapping_state()
        self._show_schema()
        if self.session.mapping_pending() and not self._conforming and not self._conform_timer.isActive():
            self.start_conform()
        if self.session.conform_result is not None:
            self._mark_issues(self.session.conform_result)
        self.sig_state_changed.emit()

    def _suggest_schema(self) -> None:
        """Rank the catalogue by how well the table's columns fit each standard (headers and values, in the
        job runner), then highlight the best one: « Utiliser ce schéma » or « Suivant » takes it."""
        table = self.session.source_table
        if table is None or self._ranking or self._ranked_table is table:
            return
        self._ranking = True
        self.sig_status.emit(self.tr("Recherche du schéma qui correspond aux colonnes…"))
        self.jobs.start("rank_schemas", run_ranking, table,
                        on_done=lambda r, t=table: self._on_ranking_done(t, r),
                        on_failed=self._on_ranking_failed, on_cancelled=self._on_ranking_cancelled)

    def _on_ranking_done(self, table: Any, candidates: list[Any]) -> None:
        self._ranking = False
        self._ranked_table = table
        if table is not self.session.source_table or not candidates or self.session.schema is not None:
            self.sig_state_changed.emit()
            return
        best = candidates[0]
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self._fill_schema_list()
        for row in range(self.schema_list.count()):
            if self.schema_list.item(row).data(Qt.ItemDataRole.UserRole) == best.schema_id:
                self.schema_list.setCurrentRow(row)
                break
        others = ", ".join(f"{c.title} {c.score:.0%}" for c in candidates[1:])
        if best.fits:
            text = self.tr("Schéma suggéré d'après les colonnes : « {title} » (correspondance {score}, {filled} champs "
                           "obligatoires sur {total}). « Suivant » ou « Utiliser ce schéma » le prend.").format(
                title=best.title, score=f"{best.score:.0%}", filled=best.required_filled, total=best.required_total)
        else:
            text = self.tr("Aucun schéma du catalogue ne correspond bien aux colonnes (le plus proche : « {title} », "
                           "{score}) : choisissez-en un ou « Déduire du tableau ».").format(
                title=best.title, score=f"{best.score:.0%}")
        if others:
            text += " " + self.tr("Autres : {others}.").format(others=others)
        self.schema_label.setText(text)
        self.sig_status.emit(text)
        self.sig_state_changed.emit()

    def _on_ranking_failed(self, exc: BaseException) -> None:
        self._ranking = False
        self.sig_error.emit(exc)
        self.sig_state_changed.emit()

    def _on_ranking_cancelled(self) -> None:
        self._ranking = False
        self.sig_state_changed.emit()

    def highlighted_schema_id(self) -> str | None:
        """The catalogue entry highlighted in the list, when the list is shown."""
        item = self.schema_list.currentItem()
        if item is None or self.schema_list.isHidden():
            return None
        return str(item.data(Qt.ItemDataRole.UserRole))

    def _pending_schema(self) -> str | None:
        """The highlighted entry when it is not the schema in use: « Suivant » takes it first."""
        wanted = self.highlighted_schema_id()
        schema = self.session.schema
        if schema is None and self._ranking:
            return None  # the suggestion is on its way: not the list's first entry by default
        if wanted is None or (schema is not None and wanted in (self.session.schema_ref, schema.id)):
            return None
        if schema is not None and not self.search_edit.text():
            return None  # the list shows the suggestion again only after a search
        return wanted

    def required_coverage(self) -> float:
        """Share of the schema's required fields that a column, copy or constant fills (1.0: none required)."""
        schema, mapping = self.session.schema, self.mapping
        if schema is None or mapping is None or not schema.required_fields:
            return 1.0
        required = schema.required_fields
        return sum(bool(mapping.is_filled(f)) for f in required) / len(required)

    def go_next(self) -> bool:
        """Use the highlighted schema if it is not the one in use (then go on once converted); warn once,
        visibly, when few required fields are filled before going on."""
        pending = self._pending_schema()
        if pending is not None:
            self._advance_when_conformed = True
            self.choose_schema(pending)
            if self.session.schema is None or self.session.schema_ref != pending:
                self._advance_when_conformed = False  # it could not be loaded: the error is shown
            return False
        return self._coverage_allows_next()

    def _coverage_allows_next(self) -> bool:
        coverage = self.required_coverage()
        if coverage >= LOW_COVERAGE or self._coverage_warned is self.mapping:
            self.coverage_label.setVisible(False)
            return True
        self._coverage_warned = self.mapping
        schema = self.session.schema
        filled = round(coverage * len(schema.required_fields))
        self.coverage_label.setText(self.tr(
            "⚠ Couverture faible : seuls {filled} champs obligatoires sur {total} sont remplis. Le fichier publié "
            "aura une erreur par ligne pour chacun des autres. Vérifiez le schéma choisi et les colonnes, ou "
            "cliquez de nouveau sur « Suivant » pour continuer quand même.").format(
            filled=filled, total=len(schema.required_fields)))
        self.coverage_label.setVisible(True)
        return False

    def leave(self) -> None:
        if self.grid is not None:
            self.grid.clear_cell_marks()

    def can_go_next(self) -> bool:
        if self._conforming:
            return False
        return self.session.conformed is not None or self._pending_schema() is not None

    def next_blocker(self) -> str:
        if self.session.schema is None and self._ranking:
            return self.tr("Recherche du schéma qui correspond aux colonnes…")
        if self.session.schema is None:
            return self.tr("Choisissez un schéma (catalogue, fichier ou déduit du tableau).")
        if self._conforming:
            return self.tr("Conversion des valeurs en cours…")
        return self.tr("Associez au moins une colonne à un champ.")


