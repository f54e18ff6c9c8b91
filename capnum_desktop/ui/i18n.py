"""Choose the interface language and install the translators at start-up (French by default)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from capnum_desktop.resources import resource_path

LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"

_installed: list[QTranslator] = []


def qm_path(lang: str) -> str:
    return str(resource_path("i18n", f"capnum_{lang}.qm"))


def install_translators(app: QCoreApplication, lang: str | None) -> str:
    """Install our translation and Qt's own (standard buttons) for ``lang``; return the language used."""
    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(QLocale.Language.French if lang == "fr" else QLocale.Language.English))
    ours = QTranslator(app)
    if ours.load(qm_path(lang)):
        app.installTranslator(ours)
        _installed.append(ours)
    qt = QTranslator(app)
    if qt.load(QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return lang
