"""Showing errors: a clear French dialog for expected ones, a logged report for the unexpected.

A :class:`CapnumError` carries a French message and a hint: the dialog shows both. Anything else is
a bug: it is written to the rotating log (type and code location only, never the exception's text,
which may quote a cell value) and the user gets a short apology with a "Copier le rapport" button.
"""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from logging.handlers import RotatingFileHandler
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from capnum_desktop import paths
from capnum_desktop.core.errors import Cancelled, CapnumError
from capnum_desktop.ui.i18n import current_language

log = logging.getLogger("capnum_desktop")

LOG_FILE = "capnum.log"


def setup_logging(level: int = logging.INFO) -> logging.Handler:
    """Log to ``paths.log_dir()/capnum.log``, rotating at 1 MB, 5 files kept."""
    root = logging.getLogger("capnum_desktop")
    target = paths.log_dir() / LOG_FILE
    for handler in list(root.handlers):
        if isinstance(handler, RotatingFileHandler):
            if handler.baseFilename == str(target.resolve()):
                return handler
            root.removeHandler(handler)  # the user folder moved (tests, portable mode)
            handler.close()
    handler = RotatingFileHandler(target, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    return handler


def safe_report(exc: BaseException, tb: TracebackType | None = None) -> str:
    """A bug report without any data value: exception type and code locations only."""
    from capnum_desktop import __version__ as version  # type: ignore[attr-defined]

    frames = traceback.extract_tb(tb if tb is not None else exc.__traceback__)
    lines = [
        f"CapNum Desktop {version}",
        f"Python {platform.python_version()} — {platform.system()} {platform.release()}",
        f"Erreur : {type(exc).__module__}.{type(exc).__qualname__}",
        "Pile d'appels :",
    ]
    lines += [f"  {f.filename.rsplit('capnum_desktop', 1)[-1]}:{f.lineno} in {f.name}" for f in frames]
    return "\n".join(lines)


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """Show any exception to the user the right way (never a traceback)."""
    if isinstance(exc, Cancelled):
        return
    if isinstance(exc, CapnumError):
        log.info("user error shown: %s", type(exc).__name__)
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("Errors", "CapNum — problème"))
        message, hint = exc.text(current_language())  # French, or English for an error with a code
        box.setText(message)
        box.setInformativeText(hint or "")
        box.setAccessibleName(QCoreApplication.translate("Errors", "Message d'erreur"))
        box.exec() if not _headless() else box.open()
        return
    show_unexpected(parent, exc)


def show_unexpected(parent: QWidget | None, exc: BaseException, tb: TracebackType | None = None) -> QMessageBox:
    """Log a bug (without values) and tell the user, with a button to copy the report."""
    report = safe_report(exc, tb)
    log.error("unexpected error\n%s", report)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("Errors", "CapNum — erreur inattendue"))
    box.setText(QCoreApplication.translate(
        "Errors", "Une erreur inattendue s'est produite. Votre travail est enregistré automatiquement."))
    box.setInformativeText(QCoreApplication.translate(
        "Errors", "Vous pouvez copier le rapport (il ne contient aucune donnée du fichier) et l'envoyer "
        "au support. Le journal est dans : {folder}").format(folder=str(paths.log_dir())))
    copy = box.addButton(QCoreApplication.translate("Errors", "Copier le rapport"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.setDetailedText(report)

    def _copy() -> None:
        QApplication.clipboard().setText(report)

    copy.clicked.connect(_copy)
    box.open() if _headless() else box.exec()
    return box


def install_excepthook() -> None:
    """Route exceptions escaping Qt slots to :func:`show_unexpected` instead of a console traceback."""

    def _hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        parent = QApplication.activeWindow()
        if isinstance(exc, CapnumError | Cancelled):
            show_error(parent, exc)
        else:
            show_unexpected(parent, exc, tb)

    sys.excepthook = _hook


def _headless() -> bool:
    """Under tests (offscreen) dialogs open non-modally so nothing blocks."""
    return QApplication.platformName() in ("offscreen", "minimal")
