"""A progress bar with a Cancel button for the status bar, shown only when a job lasts.

It appears after a short delay (quick jobs never flash it), follows the runner's progress, and its
Cancel button cancels every running job.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from capnum_desktop.ui.jobs import JobRunner

SHOW_DELAY_MS = 400


def kind_label(kind: str) -> str:
    """What a job kind is doing, in words."""
    labels = {
        "preview": QCoreApplication.translate("Jobs", "Lecture de l'aperçu…"),
        "open": QCoreApplication.translate("Jobs", "Lecture du fichier…"),
        "schema": QCoreApplication.translate("Jobs", "Chargement du schéma…"),
        "map": QCoreApplication.translate("Jobs", "Association au schéma…"),
        "conform": QCoreApplication.translate("Jobs", "Conversion des valeurs…"),
        "scan": QCoreApplication.translate("Jobs", "Recherche de données personnelles…"),
        "protect": QCoreApplication.translate("Jobs", "Protection des données…"),
        "validate": QCoreApplication.translate("Jobs", "Vérification…"),
        "export": QCoreApplication.translate("Jobs", "Export…"),
        "sort": QCoreApplication.translate("Jobs", "Tri…"),
    }
    return labels.get(kind, QCoreApplication.translate("Jobs", "Traitement en cours…"))


class ProgressPanel(QWidget):
    """Status-bar widget: what runs, how far, and a Cancel button."""

    def __init__(self, jobs: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._jobs = jobs
        self._kind = ""
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        self.bar.setFixedWidth(180)
        self.bar.setAccessibleName(self.tr("Avancement"))
        self.cancel_button = QPushButton(self.tr("Annuler"), self)
        self.cancel_button.setAccessibleName(self.tr("Annuler la tâche en cours"))
        self.cancel_button.setToolTip(self.tr("Arrêter la tâche en cours (Échap)"))
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SHOW_DELAY_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        jobs.sig_started.connect(self._on_jobs_started)
        jobs.sig_progress.connect(self._on_jobs_progress)
        jobs.sig_idle_changed.connect(self._on_jobs_idle_changed)
        self.hide()

    def _on_jobs_started(self, kind: str) -> None:
        self._kind = kind
        self.label.setText(kind_label(kind))
        self.bar.setRange(0, 0)  # busy until the first progress report
        if not self.isVisible() and not self._timer.isActive():
            self._timer.start()

    def _on_jobs_progress(self, kind: str, fraction: float, message: str) -> None:
        if kind != self._kind:
            return
        if self.bar.maximum() == 0:
            self.bar.setRange(0, 1000)
        self.bar.setValue(int(max(0.0, min(1.0, fraction)) * 1000))
        text = kind_label(kind)
        self.label.setText(f"{text} {int(fraction * 100)} %")
        self.label.setToolTip(message)

    def _on_jobs_idle_changed(self, idle: bool) -> None:
        if idle:
            self._timer.stop()
            self.hide()

    def _on_timer_timeout(self) -> None:
        if self._jobs.is_running():
            self.show()

    def _on_cancel_clicked(self) -> None:
        self._jobs.cancel()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self._jobs.cancel()
        else:
            super().keyPressEvent(event)
