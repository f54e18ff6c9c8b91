"""Create the QApplication (language, style, logging), the main window, and offer to resume work."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

log = logging.getLogger("capnum_desktop")


def create_app(lang: str | None = None) -> tuple[object, str]:
    """The QApplication with logging, translations and style installed; returns (app, language)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from capnum_desktop.core.preferences import load_preferences
    from capnum_desktop.resources import resource_path
    from capnum_desktop.ui.errors import setup_logging
    from capnum_desktop.ui.i18n import install_translators

    if QApplication.instance() is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("CapNum Desktop")
    app.setOrganizationName("CapNum")
    from capnum_desktop.ui import gc_guard

    gc_guard.install(app)  # cycles are freed on the UI thread, never in a job's worker thread
    setup_logging()
    prefs = load_preferences()
    used = install_translators(app, lang or prefs.language)
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for size in (32, 64, 256):
        png = resource_path("icons", f"capnum-{size}.png")
        if png.exists():
            icon.addFile(str(png))
    app.setWindowIcon(icon)
    style = resource_path("style.qss")
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    return app, used


def build_window(crash_check: bool = True) -> object:
    """The main window with its autosaver (shared by run() and the tests)."""
    from capnum_desktop.ui import gc_guard
    from capnum_desktop.ui.main_window import MainWindow
    from capnum_desktop.ui.recovery import Autosaver

    window = MainWindow()
    window.autosaver = Autosaver(window.session, window)
    window.refresh_resume_offer()
    gc_guard.freeze_startup_heap()  # the start-up objects: no collection on the UI thread scans them again
    return window


def offer_recovery(window: object) -> None:
    """After a crash or a kill, ask whether to resume the saved work."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from capnum_desktop.ui.recovery import describe_state

    autosaver = window.autosaver  # type: ignore[attr-defined]
    pending = autosaver.pending()
    if not (autosaver.crashed_last_time and pending):
        return
    answer = QMessageBox.question(
        window, QCoreApplication.translate("MainWindow", "Reprendre le travail ?"),
        QCoreApplication.translate(
            "MainWindow", "CapNum s'est arrêté sans fermer normalement. {what}\nReprendre ce travail ?").format(
            what=describe_state(pending)),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
    if answer == QMessageBox.StandardButton.Yes:
        window.resume()  # type: ignore[attr-defined]


def run(args: argparse.Namespace) -> int:
    if args.self_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app, _lang = create_app(args.lang)
    if args.self_test:
        from capnum_desktop.ui.self_test import run_self_test

        return run_self_test(build_window)
    from capnum_desktop.resources import demo_file
    from capnum_desktop.ui.errors import install_excepthook

    install_excepthook()
    window = build_window()
    window.show()  # type: ignore[attr-defined]
    path = demo_file() if args.demo else (Path(args.file) if args.file else None)
    if path is not None:
        window.open_path(path)  # type: ignore[attr-defined]
    else:
        offer_recovery(window)
    log.info("started")
    return app.exec()  # type: ignore[attr-defined]
