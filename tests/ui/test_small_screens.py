"""Every page and dialog on the laptops agents have (1366×705 above the taskbar, 1280×720 at 150 %):
the window does not grow past the screen, nothing is cut or out of reach, and no access key (Alt+letter)
is used twice on what is shown at once (menus included)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from capnum_desktop.ui.widgets.fit import SMALL_SCREENS, clipped
from capnum_desktop.ui.widgets.keyboard import access_keys, clashes, menu_access_keys, mnemonic

CASES = [("fr", size) for size in SMALL_SCREENS] + [("en", SMALL_SCREENS[-1])]
"""French at both sizes; English (longer words, other access keys) at the narrowest."""


@pytest.fixture(params=CASES, ids=lambda case: f"{case[0]}-{case[1][0]}x{case[1][1]}")
def window(request, qtbot, tmp_path):
    from PySide6.QtWidgets import QApplication

    from capnum_desktop.core.preferences import Preferences, save_preferences
    from capnum_desktop.ui.application import build_window
    from capnum_desktop.ui.i18n import install_translators

    lang, size = request.param
    save_preferences(Preferences(bureau="Bureau des données", export_dir=str(tmp_path / "exports")))
    install_translators(QApplication.instance(), lang)
    w = build_window()
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    w.screen_size = size
    yield w
    w.jobs.shutdown()
    w.session.clear()
    w.close()
    w.autosaver.clean_exit()
    w.deleteLater()
    install_translators(QApplication.instance(), "fr")


def idle(qtbot, window, until=lambda: True, timeout: int = 60000) -> None:
    qtbot.waitUntil(lambda: not window.jobs.is_running() and until(), timeout=timeout)
    qtbot.wait(20)  # layouts settle


def check_screen(window: QWidget, where: str) -> list[str]:
    """What is wrong on the screen shown: too big, cut, out of reach, an access key twice."""
    problems = [f"{where} : {p}" for p in clipped(window)]
    problems += [f"{where} : {c}" for c in clashes(access_keys(window))]
    return problems


def check_window(window, where: str) -> list[str]:
    width, height = window.screen_size
    problems = check_screen(window, where)
    if window.width() > width or window.height() > height:
        problems.append(f"{where} : la fenêtre a grandi à {window.width()}×{window.height()}")
    if window.minimumSizeHint().width() > 1280:
        problems.append(f"{where} : largeur minimale {window.minimumSizeHint().width()} px (> 1280)")
    return problems


def check_dialog(qtbot, dialog: QDialog, where: str) -> list[str]:
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.wait(20)
    problems = check_screen(dialog, where)
    if dialog.width() > 1280 or dialog.height() > 705:
        problems.append(f"{where} : {dialog.width()}×{dialog.height()}, plus grand que l'écran")
    dialog.close()
    return problems


def test_every_page_and_dialog_fits_and_has_unique_access_keys(qtbot, window) -> None:
    from capnum_desktop.resources import demo_file

    problems = check_window(window, "accueil")
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        problems += [f"menu {menu_action.text()} : {c}" for c in clashes(menu_access_keys(menu))]

    window.open_path(demo_file())
    idle(qtbot, window, lambda: window.session.source_table is not None)
    problems += check_window(window, "Ouvrir")
    window.next_button.click()
    idle(qtbot, window, lambda: window.current_step() == "map")
    problems += check_window(window, "Associer (choix du schéma)")
    window.pages["map"].use_button.click()
    idle(qtbot, window, lambda: window.session.conformed is not None and window.next_button.isEnabled())
    problems += check_window(window, "Associer")
    window.next_button.click()
    idle(qtbot, window, lambda: window.session.scan is not None and window.next_button.isEnabled())
    problems += check_window(window, "Protéger")
    window.next_button.click()
    idle(qtbot, window, lambda: window.current_step() == "verify" and window.session.report is not None)
    problems += check_window(window, "Vérifier")
    verify = window.pages["verify"]
    problems += check_dialog(qtbot, verify.bulk_fix_dialog(), "Corriger une colonne")
    window.show_find_replace()
    problems += check_dialog(qtbot, window._find_replace_dialog, "Rechercher et remplacer")
    idle(qtbot, window, window.next_button.isEnabled)
    window.next_button.click()
    idle(qtbot, window, lambda: window.current_step() == "export")
    problems += check_window(window, "Exporter")
    window.pages["export"].export_button.click()
    idle(qtbot, window, lambda: window.session.export_result is not None)
    problems += check_window(window, "Exporter (terminé)")

    from capnum_desktop.ui.about_dialog import AboutDialog
    from capnum_desktop.ui.dialogs.settings_dialog import SettingsDialog

    problems += check_dialog(qtbot, SettingsDialog(window), "Paramètres")
    problems += check_dialog(qtbot, AboutDialog(window), "À propos")
    assert problems == [], "\n".join(problems)


def test_the_checks_see_a_cut_text_a_squeezed_button_and_a_key_twice(qtbot) -> None:
    """The walk above can fail: a label cut, a button narrower than its text and Alt+S twice are seen."""
    root = QWidget()
    qtbot.addWidget(root)
    row = QHBoxLayout(root)
    label = QLabel("Un libellé bien trop long pour la place qu'on lui laisse ici", root)
    label.setFixedWidth(60)
    button = QPushButton("&Suivant avec un très long texte", root)
    button.setFixedWidth(50)
    other = QPushButton("&Schéma", root)
    for widget in (label, button, other):
        row.addWidget(widget)
    root.resize(400, 60)
    root.show()
    qtbot.waitExposed(root)
    found = clipped(root)
    assert any("texte coupé" in p and "libellé" in p for p in found)
    assert any("bouton trop étroit" in p for p in found)
    assert clashes(access_keys(root)) == ["Alt+S : QPushButton « &Suivant avec un très long texte » / "
                                          "QPushButton « &Schéma »"]
    assert mnemonic("Fin && suite &x") == "x" and mnemonic("sans clé") == ""


def test_the_checks_see_a_page_button_below_the_fold(qtbot) -> None:
    """« Exporter » 25 px under the page frame's edge at 1280×720 was only reachable by scrolling: the
    page frame's action buttons must be in sight; a button inside the page's own lists may scroll."""
    from PySide6.QtWidgets import QScrollArea, QVBoxLayout

    from capnum_desktop.ui.widgets.fit import out_of_sight

    root = QWidget()
    qtbot.addWidget(root)
    frame = QScrollArea(root)
    frame.setObjectName("pageFrame")
    frame.setWidgetResizable(True)
    page = QWidget()
    column = QVBoxLayout(page)
    tall = QLabel("formulaire", page)
    tall.setMinimumHeight(300)
    column.addWidget(tall)
    other = QPushButton("Autre", page)  # not an action of the page: may scroll
    export = QPushButton("&Exporter", page)
    export.setObjectName("primaryButton")
    column.addWidget(other)
    column.addWidget(export)
    frame.setWidget(page)
    QVBoxLayout(root).addWidget(frame)
    root.resize(400, 200)
    root.show()
    qtbot.waitExposed(root)
    found = out_of_sight(root)
    assert len(found) == 1 and "Exporter" in found[0] and "sous le bord" in found[0]
    root.resize(400, 500)
    qtbot.wait(20)
    assert out_of_sight(root) == []
