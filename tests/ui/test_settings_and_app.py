"""Settings dialog and preferences file, the start-up flags and the packaging self-test."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from capnum_desktop.core.preferences import Preferences, load_preferences, preferences_path, save_preferences


def test_settings_dialog_saves_versioned_preferences(qtbot) -> None:
    from capnum_desktop.ui.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    assert dialog.k_spin.value() == 11 and dialog.licence_combo.currentText() == "Licence Ouverte 2.0"
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    dialog.bureau_edit.setText("  Bureau des statistiques ")
    dialog.user_edit.setText("Camille")
    dialog.k_spin.setValue(5)
    dialog.export_edit.setText("/tmp/exports")
    dialog.accept()
    data = json.loads(preferences_path().read_text(encoding="utf-8"))
    assert data["schema_version"] == 1
    prefs = load_preferences()
    assert (prefs.language, prefs.bureau, prefs.user_name, prefs.k, prefs.export_dir) == (
        "en", "Bureau des statistiques", "Camille", 5, "/tmp/exports")
    again = SettingsDialog()
    qtbot.addWidget(again)
    assert again.bureau_edit.text() == "Bureau des statistiques" and again.k_spin.value() == 5


def test_bad_or_old_preference_files_fall_back_to_defaults() -> None:
    path = preferences_path()
    path.write_text("{not json", encoding="utf-8")
    assert load_preferences() == Preferences()
    path.write_text(json.dumps({"schema_version": 1, "k": "abc", "language": "de", "unknown": 1, "bureau": "X"}),
                    encoding="utf-8")
    prefs = load_preferences()
    assert prefs.bureau == "X" and prefs.k == 11 and prefs.language == "fr"
    save_preferences(prefs.with_changes(k=20))
    assert load_preferences().k == 20
    assert not list(path.parent.glob("*.tmp"))  # atomic write left nothing behind


def test_the_bureau_name_fills_the_grantor_field(qtbot) -> None:
    from capnum_desktop.resources import demo_file
    from capnum_desktop.ui.application import build_window

    save_preferences(Preferences(bureau="Ministère de la Culture"))
    window = build_window()
    window.show()
    window.open_path(demo_file())
    qtbot.waitUntil(lambda: window.session.source_table is not None, timeout=15000)
    window.show_step("map")
    page = window.pages["map"]
    page.choose_schema("scdl/subventions")
    qtbot.waitUntil(lambda: window.session.conformed is not None, timeout=15000)
    assert page.mapping.column_for("nomAttribuant") or page.mapping.constants.get("nomAttribuant")
    window.session.clear()
    window.close()
    window.deleteLater()


def test_self_test_runs_the_whole_pipeline_headless() -> None:
    env = {**os.environ}
    env.pop("DISPLAY", None)
    out = subprocess.run([sys.executable, "-m", "capnum_desktop", "--self-test"], capture_output=True, text=True,
                         env=env, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    for step in ("lecture", "schéma", "association", "données personnelles", "protection", "vérification",
                 "export", "auto-test réussi"):
        assert step in out.stdout
    assert "export de démonstration prêt à publier" in out.stdout  # the demo reaches a valid export


def test_help_is_instant_and_lists_the_flags() -> None:
    out = subprocess.run([sys.executable, "-c", "import sys; from capnum_desktop.app import main; "
                          "sys.argv=['capnum-desktop','--help']; main()"],
                         capture_output=True, text=True, timeout=30)
    assert out.returncode == 0
    for flag in ("--demo", "--self-test", "--lang"):
        assert flag in out.stdout
