"""Paramètres: language, organisation's name and SIRET, user name, default licence, default k, export folder.

The name and SIRET fill fields such as ``nomAttribuant`` / ``idAttribuant`` as constants in Associer. A SIRET
that is not valid (python-stdnum's check) is said under the box and « OK » waits until it is fixed or emptied.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from capnum_desktop.core.preferences import (
    LICENCES,
    Preferences,
    load_preferences,
    save_preferences,
    siret_status,
)


class SettingsDialog(QDialog):
    """Edit and save :class:`Preferences`. The main window applies a new language at once (it listens
    to ``accepted`` and reads :meth:`chosen_language`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Paramètres"))
        self.prefs = load_preferences()
        self.language_combo = QComboBox(self)
        self.language_combo.addItem("Français", "fr")
        self.language_combo.addItem("English", "en")
        self.language_combo.setAccessibleName(self.tr("Langue de l'interface"))
        self.bureau_edit = QLineEdit(self)
        self.bureau_edit.setAccessibleName(self.tr("Nom du bureau ou du service"))
        self.bureau_edit.setPlaceholderText(self.tr("ex. : Bureau des statistiques, DGXX"))
        self.siret_edit = QLineEdit(self)
        self.siret_edit.setAccessibleName(self.tr("SIRET de l'organisation"))
        self.siret_edit.setPlaceholderText(self.tr("14 chiffres, ex. : 110 046 018 00013"))
        self.siret_edit.setToolTip(self.tr("Rempli dans les champs du type idAttribuant quand aucune colonne ne "
                                           "les fournit (visible et modifiable à l'étape Associer)."))
        self.siret_error = QLabel(self)
        self.siret_error.setObjectName("siretError")
        self.siret_error.setWordWrap(True)
        self.siret_error.setStyleSheet("color: #b00020;")
        self.siret_error.setVisible(False)
        self.siret_edit.textChanged.connect(self._on_siret_text_changed)
        self.user_edit = QLineEdit(self)
        self.user_edit.setAccessibleName(self.tr("Votre nom"))
        self.licence_combo = QComboBox(self)
        self.licence_combo.addItems(list(LICENCES))
        self.licence_combo.setEditable(True)
        self.licence_combo.setAccessibleName(self.tr("Licence par défaut"))
        self.k_spin = QSpinBox(self)
        self.k_spin.setRange(2, 1000)
        self.k_spin.setAccessibleName(self.tr("Seuil k par défaut"))
        self.k_spin.setToolTip(self.tr(
            "Nombre minimal de lignes qui doivent partager la même combinaison de caractéristiques "
            "(k-anonymat) ; 11 est l'usage de la statistique publique."))
        self.export_edit = QLineEdit(self)
        self.export_edit.setAccessibleName(self.tr("Dossier d'export par défaut"))
        browse = QPushButton(self.tr("&Parcourir…"), self)
        browse.setAccessibleName(self.tr("Choisir le dossier d'export"))
        browse.clicked.connect(self._on_browse_clicked)
        export_row = QHBoxLayout()
        export_row.addWidget(self.export_edit, 1)
        export_row.addWidget(browse)

        form = QFormLayout()
        self._row(form, self.tr("&Langue :"), self.language_combo)
        self._row(form, self.tr("&Bureau (producteur et attribuant) :"), self.bureau_edit)
        self._row(form, self.tr("&SIRET de l'organisation :"), self.siret_edit)
        form.addRow("", self.siret_error)
        self._row(form, self.tr("Votre &nom (rapports de traitement) :"), self.user_edit)
        self._row(form, self.tr("L&icence par défaut :"), self.licence_combo)
        self._row(form, self.tr("Seuil &k par défaut :"), self.k_spin)
        label = QLabel(self.tr("&Dossier d'export :"), self)
        label.setBuddy(self.export_edit)
        form.addRow(label, export_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.show_preferences(self.prefs)

    def _row(self, form: QFormLayout, text: str, widget: QWidget) -> None:
        label = QLabel(text, self)
        label.setBuddy(widget)
        form.addRow(label, widget)

    def show_preferences(self, prefs: Preferences) -> None:
        """The language shown is the interface's own (it may differ from the saved one after
        ``--lang``): a user who only edits their name keeps the language they see."""
        from capnum_desktop.ui.i18n import current_language

        self._shown_language = current_language()
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(self._shown_language), 0))
        self.bureau_edit.setText(prefs.bureau)
        self.siret_edit.setText(prefs.siret)
        self.user_edit.setText(prefs.user_name)
        self.licence_combo.setCurrentText(prefs.licence)
        self.k_spin.setValue(prefs.k)
        self.export_edit.setText(prefs.export_dir)

    def chosen_language(self) -> str | None:
        """The language picked in the box, or None if the user left it as shown."""
        chosen = self.language_combo.currentData()
        return chosen if chosen != self._shown_language else None

    def edited_preferences(self) -> Preferences:
        return self.prefs.with_changes(
            language=self.chosen_language() or self.prefs.language,
            bureau=self.bureau_edit.text().strip(),
            siret="".join(self.siret_edit.text().split()),
            user_name=self.user_edit.text().strip(),
            licence=self.licence_combo.currentText().strip() or LICENCES[0],
            k=self.k_spin.value(),
            export_dir=self.export_edit.text().strip(),
        )

    def _on_siret_text_changed(self, text: str) -> None:
        status = siret_status(text)
        messages = {
            "length": self.tr("Un SIRET compte 14 chiffres : vérifiez la saisie (espaces permis)."),
            "key": self.tr("Ce SIRET n'est pas valide (clé de contrôle fausse) : vérifiez chaque chiffre."),
        }
        self.siret_error.setText(messages.get(status, ""))
        self.siret_error.setVisible(bool(status))
        self.ok_button.setEnabled(not status)

    def _on_browse_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Dossier d'export"), self.export_edit.text())
        if folder:
            self.export_edit.setText(folder)

    def accept(self) -> None:
        if siret_status(self.siret_edit.text()):
            return
        self.prefs = self.edited_preferences()
        save_preferences(self.prefs)
        super().accept()


if __name__ == "__main__":
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    SettingsDialog().exec()
