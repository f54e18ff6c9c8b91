"""The start screen: open a file (button or drag and drop), a recent file, the demo, or resume."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from capnum_desktop.ui.qsettings import recent_files


class StartScreen(QWidget):
    """What the user sees before a file is open."""

    sig_open_requested = Signal()
    """Emitted when the user wants to choose a file."""
    sig_path_chosen = Signal(str)
    """Emitted with a path picked from the recent files (or dropped)."""
    sig_demo_requested = Signal()
    """Emitted when the user asks for the demo file."""
    sig_resume_requested = Signal()
    """Emitted when the user wants to resume the last unfinished work."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startScreen")
        title = QLabel(self.tr("Préparer un tableur pour l'open data"), self)
        title.setObjectName("startTitle")
        intro = QLabel(self.tr(
            "Ouvrez un fichier CSV, Excel ou LibreOffice : CapNum l'associe au schéma national, "
            "protège les données personnelles, le vérifie et l'exporte, en cinq étapes."), self)
        intro.setWordWrap(True)

        self.open_button = QPushButton(self.tr("&Ouvrir un fichier…"), self)
        self.open_button.setObjectName("primaryButton")
        self.open_button.setAccessibleName(self.tr("Ouvrir un fichier"))
        self.open_button.clicked.connect(self.sig_open_requested)
        self.demo_button = QPushButton(self.tr("&Essayer avec le fichier de démonstration"), self)
        self.demo_button.setAccessibleName(self.tr("Ouvrir le fichier de démonstration"))
        self.demo_button.clicked.connect(self.sig_demo_requested)
        drop = QLabel(self.tr("… ou déposez un fichier dans cette fenêtre."), self)
        drop.setObjectName("hint")

        self.resume_frame = QFrame(self)
        self.resume_frame.setObjectName("resumeCard")
        self.resume_label = QLabel(self.resume_frame)
        self.resume_label.setWordWrap(True)
        self.resume_button = QPushButton(self.tr("&Reprendre le travail en cours"), self.resume_frame)
        self.resume_button.setAccessibleName(self.tr("Reprendre le travail en cours"))
        self.resume_button.clicked.connect(self.sig_resume_requested)
        resume_layout = QHBoxLayout(self.resume_frame)
        resume_layout.addWidget(self.resume_label, 1)
        resume_layout.addWidget(self.resume_button)
        self.resume_frame.hide()

        recent_title = QLabel(self.tr("Fichiers récents"), self)
        recent_title.setObjectName("sectionTitle")
        self.recent_list = QListWidget(self)
        self.recent_list.setAccessibleName(self.tr("Fichiers récents"))
        self.recent_list.setAccessibleDescription(self.tr("Entrée ou double-clic pour ouvrir le fichier"))
        self.recent_list.setMaximumHeight(240)
        self.recent_list.itemActivated.connect(self._on_recent_list_item_activated)
        recent_title.setBuddy(self.recent_list)
        self.recent_empty = QLabel(self.tr("Aucun fichier récent."), self)
        self.recent_empty.setObjectName("hint")

        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)

        column = QVBoxLayout()
        column.addSpacing(40)
        column.addWidget(title)
        column.addWidget(intro)
        column.addSpacing(12)
        column.addLayout(buttons)
        column.addWidget(drop)
        column.addSpacing(12)
        column.addWidget(self.resume_frame)
        column.addWidget(recent_title)
        column.addWidget(self.recent_list)
        column.addWidget(self.recent_empty)
        column.addStretch(1)

        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(column, 4)
        outer.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        self.recent_list.clear()
        for path in recent_files():
            item = QListWidgetItem(f"{path.name}   —   {path.parent}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.recent_list.addItem(item)
        has_recent = self.recent_list.count() > 0
        self.recent_list.setVisible(has_recent)
        self.recent_empty.setVisible(not has_recent)

    def show_resume(self, description: str | None) -> None:
        """Offer to resume (``description`` says which file and step) or hide the offer (None)."""
        self.resume_frame.setVisible(bool(description))
        if description:
            self.resume_label.setText(description)

    def _on_recent_list_item_activated(self, item: QListWidgetItem) -> None:
        self.sig_path_chosen.emit(str(item.data(Qt.ItemDataRole.UserRole)))

    @staticmethod
    def describe(path: Path | str) -> str:
        return Path(path).name
