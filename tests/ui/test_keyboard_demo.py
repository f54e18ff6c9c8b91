"""The demo, from the start screen to an exported folder, with the keyboard only (RGAA: everything reachable
without a mouse, no keyboard trap). Every action below is a key event sent to the widget that has the
keyboard, as a keyboard user would: no click, no slot called directly."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QWidget

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def window(qtbot, tmp_path):
    from capnum_desktop.core.preferences import Preferences, save_preferences
    from capnum_desktop.ui.application import build_window

    save_preferences(Preferences(bureau="Bureau des données", export_dir=str(tmp_path / "exports")))
    w = build_window()
    w.resize(1280, 720)
    w.show()
    w.activateWindow()
    qtbot.waitExposed(w)
    yield w
    w.jobs.shutdown()
    w.session.clear()
    w.close()
    w.autosaver.clean_exit()
    w.deleteLater()


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard"
    return widget


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(focused(), key, modifier)


def tab_until(qtbot, window, wanted, limit: int = 60) -> list[QWidget]:
    """Press Tab until ``wanted(widget)`` holds for the focused widget; the widgets met on the way."""
    met = [focused()]
    for _ in range(limit):
        if wanted(met[-1]):
            return met
        press(Qt.Key.Key_Tab)
        qtbot.wait(5)
        met.append(focused())
    raise AssertionError(f"not reached with Tab; met: {[type(w).__name__ + ' ' + w.accessibleName() for w in met]}")


def idle(qtbot, window, timeout: int = 60000) -> None:
    qtbot.waitUntil(lambda: not window.jobs.is_running(), timeout=timeout)


def test_demo_from_start_screen_to_export_with_the_keyboard_only(qtbot, window, tmp_path) -> None:
    start = window.start_screen
    assert focused() is start.open_button  # the start screen opens with the keyboard on its first choice
    press(Qt.Key.Key_Tab)
    assert focused() is start.demo_button
    press(Qt.Key.Key_Return)  # Entrée on a button presses it (it used to need Space)
    qtbot.waitUntil(lambda: window.session.source_table is not None, timeout=30000)
    idle(qtbot, window)
    assert window.current_step() == "open"
    assert window.pages["open"].isAncestorOf(focused())  # the keyboard is on the page, not lost

    # Ouvrir -> Associer: Entrée outside a field is « Suivant »
    qtbot.waitUntil(window.next_button.isEnabled, timeout=30000)
    assert not isinstance(focused(), QComboBox) or not focused().isEditable()
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_step() == "map", timeout=30000)

    # Associer: the schema suggested from the file name is taken with its access key
    map_page = window.pages["map"]
    press(Qt.Key.Key_U, ALT)  # « &Utiliser ce schéma »
    qtbot.waitUntil(lambda: window.session.conformed is not None and window.next_button.isEnabled(), timeout=30000)
    assert window.session.schema is not None and "subventions" in window.session.schema.id
    assert map_page.isVisible()
    press(Qt.Key.Key_Right, ALT)  # the global « étape suivante »
    qtbot.waitUntil(lambda: window.current_step() == "protect", timeout=30000)

    # Protéger: a privacy decision can be changed from the keyboard, before the grid and « Suivant »
    protect = window.pages["protect"]
    qtbot.waitUntil(lambda: window.session.scan is not None and bool(protect.cards), timeout=60000)
    idle(qtbot, window)
    combos = [c for card in protect.cards.values() for c in card.findChildren(QComboBox) if c.isVisible()]
    assert combos
    window.nav.setFocus(Qt.FocusReason.OtherFocusReason)  # start the walk from the top of the window
    met = tab_until(qtbot, window, lambda w: w is window.next_button)
    first_combo = min(met.index(c) for c in combos if c in met)
    assert first_combo < met.index(window.grid.view) < met.index(window.next_button)
    # Shift+Tab back to the first « Action » and look at the other choices with the arrows
    tab_back = 0
    while focused() is not combos[0] and tab_back < 60:
        press(Qt.Key.Key_Backtab)
        tab_back += 1
    assert focused() is combos[0]
    card = next(c for c in protect.cards.values() if c.isAncestorOf(combos[0]))
    before = card.action()
    press(Qt.Key.Key_Down)
    assert card.action() != before or combos[0].count() == 1
    press(Qt.Key.Key_Up)
    assert card.action() == before
    qtbot.waitUntil(window.next_button.isEnabled, timeout=30000)
    press(Qt.Key.Key_Return)  # Entrée on a list of choices (not a field): « Suivant », which applies the plan
    qtbot.waitUntil(lambda: window.current_step() == "verify", timeout=60000)

    # Vérifier: the grid lets Tab out (no keyboard trap), Ctrl+Tab too
    qtbot.waitUntil(lambda: window.session.report is not None, timeout=60000)
    idle(qtbot, window)
    window.grid.view.setFocus(Qt.FocusReason.OtherFocusReason)
    press(Qt.Key.Key_Right)
    assert focused() is window.grid.view  # arrows stay in the grid
    press(Qt.Key.Key_Tab)
    assert focused() is window.back_button
    press(Qt.Key.Key_Backtab)
    assert focused() is window.grid.view
    press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert focused() is not window.grid.view
    qtbot.waitUntil(window.next_button.isEnabled, timeout=30000)
    press(Qt.Key.Key_Right, ALT)
    qtbot.waitUntil(lambda: window.current_step() == "export", timeout=30000)

    # Exporter: fill the contact from the keyboard, then Entrée from a check box exports
    export = window.pages["export"]
    tab_until(qtbot, window, lambda w: w is export.contact_edit)
    QTest.keyClicks(focused(), "donnees@exemple.gouv.fr")
    tab_until(qtbot, window, lambda w: w is export.json_check)
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.session.export_result is not None, timeout=60000)
    idle(qtbot, window)

    folder = Path(window.session.export_result.folder)
    assert folder.is_relative_to(tmp_path / "exports")
    files = {p.name for p in folder.iterdir()}
    assert {"datapackage.json", "recipe.json"} <= files
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert "donnees@exemple.gouv.fr" in json.dumps(package, ensure_ascii=False)
    with next(folder.glob("*.csv")).open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == window.session.table.row_count > 0
    assert not window.session.has_unsaved_work()


def test_dialogs_take_tab_in_reading_order(qtbot, window) -> None:
    """Each dialog reached from the menus: Tab goes through its controls in the order they are read."""
    from capnum_desktop.resources import demo_file
    from capnum_desktop.ui.about_dialog import AboutDialog
    from capnum_desktop.ui.dialogs.settings_dialog import SettingsDialog
    from capnum_desktop.ui.widgets.keyboard import reading_order

    window.open_path(demo_file())
    qtbot.waitUntil(lambda: window.session.source_table is not None and not window.jobs.is_running(), timeout=30000)
    window.show_find_replace()
    for dialog in (window._find_replace_dialog, SettingsDialog(window), AboutDialog(window)):
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        expected = [w for w in reading_order(dialog) if w.isEnabled()]
        assert len(expected) >= 2, type(dialog).__name__
        expected[0].setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(lambda first=expected[0]: QApplication.focusWidget() is first, timeout=2000)
        met = [focused()]
        for _ in range(3 * len(expected)):  # a label with links takes one Tab per link: met once
            if len(met) == len(expected):
                break
            press(Qt.Key.Key_Tab)
            if focused() is not met[-1]:
                met.append(focused())
        names = [type(w).__name__ + " " + (w.accessibleName() or getattr(w, "text", lambda: "")()) for w in met]
        assert met == expected, f"{type(dialog).__name__}: {names}"
        dialog.close()
