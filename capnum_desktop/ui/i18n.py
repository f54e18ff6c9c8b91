"""Choose the interface language and install the translators (French by default).

Called at start-up and again when the user picks another language in the settings: the old
translators are removed first, then the main window rebuilds its widgets (``MainWindow.set_language``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from capnum_desktop.resources import resource_path

LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"

_installed: list[QTranslator] = []
_current: list[str] = [DEFAULT_LANGUAGE]  # the language installed last


def qm_path(lang: str) -> str:
    return str(resource_path("i18n", f"capnum_{lang}.qm"))


def current_language() -> str:
    """The language whose translators are installed ("fr" when none were)."""
    return _current[0]


def install_translators(app: QCoreApplication, lang: str | None) -> str:
    """Install our translation and Qt's own (standard buttons) for ``lang``, replacing the previous
    ones; return the language used."""
    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    for translator in _installed:
        app.removeTranslator(translator)
        translator.deleteLater()
    _installed.clear()
    _current[0] = lang
    QLocale.setDefault(QLocale(QLocale.Language.French if lang == "fr" else QLocale.Language.English))
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ours, qt = QTranslator(app), QTranslator(app)
    for translator, loaded in ((ours, ours.load(qm_path(lang))),
                               (qt, qt.load(QLocale(lang), "qtbase", "_", qt_folder))):
        if loaded:
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            translator.deleteLater()
    return lang
