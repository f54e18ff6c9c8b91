"""The "À propos" dialog: version, the app's licence, the bundled components' and schemas' licences.

The lists come from ``capnum_desktop.core.licences`` (package metadata and ``schemas/index.json``), so they
are right in a source checkout and in the frozen app alike. Call ``show_about(parent)`` from the Aide menu.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from capnum_desktop.core import licences

APP_NAME = "CapNum Desktop"
EUPL_URL = "https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12"


class AboutDialog(QDialog):
    """Modal dialog listing what the user runs and under which terms."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("À propos de CapNum Desktop"))
        self.setMinimumSize(720, 520)

        version = licences.app_version()
        licence = licences.app_licence()
        header = QLabel(
            "<h2>{name}</h2><p>{version}</p><p>{purpose}</p><p>{licence}</p><p>{offline}</p>".format(
                name=APP_NAME,
                version=self.tr("Version {version}").format(version=version),
                purpose=self.tr(
                    "Préparer un tableur administratif pour l'open data : schéma national, "
                    "données personnelles, validation, export."
                ),
                licence=self.tr('Logiciel libre sous licence <a href="{url}">{licence}</a>.').format(
                    url=EUPL_URL, licence=licence
                ),
                offline=self.tr("L'application fonctionne hors ligne : vos fichiers ne quittent pas ce poste."),
            )
        )
        header.setObjectName("aboutHeader")
        header.setTextFormat(Qt.TextFormat.RichText)
        header.setOpenExternalLinks(True)
        header.setWordWrap(True)
        header.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)

        self.components_table = self._components_table()
        self.schemas_table, schemas_page = self._schemas_page()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.components_table, self.tr("Composants ({count})").format(
            count=self.components_table.rowCount()))
        self.tabs.addTab(schemas_page, self.tr("Schémas ({count})").format(count=self.schemas_table.rowCount()))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

    def _table(
        self, headers: list[str], rows: list[list[str]], tooltips: list[str], widths: dict[int, int] | None = None
    ) -> QTableWidget:
        """A read-only table; columns listed in ``widths`` get that width (text elided, full text in tooltip)."""
        table = QTableWidget(len(rows), len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(False)
        for r, (row, tip) in enumerate(zip(rows, tooltips, strict=True)):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                item.setToolTip("\n".join(t for t in (text, tip) if t))
                table.setItem(r, c, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column, width in (widths or {}).items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            table.setColumnWidth(column, width)
        header.setStretchLastSection(True)
        return table

    def _licence_text(self, licence: str) -> str:
        return licence or self.tr("non précisée")

    def _components_table(self) -> QTableWidget:
        components = licences.bundled_components()
        rows = [[c.name, c.version, self._licence_text(c.licence)] for c in components]
        table = self._table(
            [self.tr("Composant"), self.tr("Version"), self.tr("Licence")], rows, [c.url for c in components]
        )
        table.setObjectName("componentsTable")
        return table

    def _schemas_page(self) -> tuple[QTableWidget, QWidget]:
        sources = licences.schema_sources()
        rows = [[s.title or s.id, s.version, self._licence_text(s.licence), s.source_url] for s in sources]
        table = self._table(
            [self.tr("Schéma"), self.tr("Version"), self.tr("Licence"), self.tr("Source")],
            rows,
            [s.id for s in sources],
            widths={0: 240, 2: 190, 3: 200},
        )
        table.setObjectName("schemasTable")
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        if not sources:
            empty = QLabel(self.tr("La liste des schémas fournis n'est pas disponible dans cette installation."))
            empty.setObjectName("schemasEmpty")
            empty.setWordWrap(True)
            layout.addWidget(empty)
        layout.addWidget(table, 1)
        return table, page


def show_about(parent: QWidget | None = None) -> AboutDialog:
    """Open the "À propos" dialog (window-modal, non-blocking) and return it."""
    dialog = AboutDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


if __name__ == "__main__":  # preview: python -m capnum_desktop.ui.about_dialog
    import sys

    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv)
    show_about()
    sys.exit(app.exec())
