"""Exporter page: defaults from the settings, contact check, summary, export files, overwrite question,
open the folder."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtWidgets import QMessageBox

from capnum_desktop.core.privacy import LogEntry, PrivacyLog
from capnum_desktop.core.schemas import propose_mapping, schema_from_descriptor
from tests.ui.conftest import make_table

DESCRIPTOR = {
    "name": "essai",
    "title": "Essai",
    "fields": [
        {"name": "id", "type": "integer"},
        {"name": "montant", "type": "number"},
        {"name": "commune", "type": "string"},
    ],
}


@pytest.fixture
def page(qtbot, session, jobs, tmp_path):
    from capnum_desktop.core.preferences import Preferences, save_preferences
    from capnum_desktop.ui.pages.export_page import ExportPage

    save_preferences(Preferences(bureau="Bureau des subventions", licence="ODbL 1.0", export_dir=str(tmp_path)))
    table = make_table(["id", "montant", "commune"], [["1", "12.5", "Lyon"], ["2", "30", "=SOMME(A1)"]],
                       path="subventions_2024.csv")
    session.set_source(Path("subventions_2024.csv"), None, table)
    schema = schema_from_descriptor(DESCRIPTOR, schema_id="essai")
    session.set_schema(schema, None)
    session.set_mapping(propose_mapping(table, schema), SimpleNamespace(table=table))
    log = PrivacyLog(entries=[LogEntry("email", "email", "remove", cells_changed=2),
                              LogEntry("commune", "commune", "generalise", cells_changed=2)],
                     rows_before=2, rows_after=2)
    session.set_privacy(None, None, log, table)
    p = ExportPage(session, jobs)
    qtbot.addWidget(p)
    p.show()
    p.enter()
    return p


def test_defaults_come_from_the_settings(page, tmp_path) -> None:
    assert page.producer_edit.text() == "Bureau des subventions"
    assert "ODbL" in page.licence_combo.currentText()
    assert page.licence_combo.itemData(0) == "etalab-2.0"  # Licence Ouverte 2.0 offered first
    assert page.title_edit.text() == "Essai — subventions 2024"
    assert page.target_folder() == tmp_path / "essai-subventions-2024"
    assert str(tmp_path) in page.target_label.text()
    assert not page.can_go_next()


def test_a_personal_contact_is_flagged(page) -> None:
    page.contact_edit.setText("jean.dupont@ministere.gouv.fr")
    assert page.contact_warning.isVisibleTo(page)
    assert "personne" in page.contact_warning.text()
    page.contact_edit.setText("donnees@ministere.gouv.fr")
    assert not page.contact_warning.isVisibleTo(page)



def test_the_contact_warning_follows_the_window_language(page) -> None:
    from PySide6.QtWidgets import QApplication

    from capnum_desktop.ui.i18n import install_translators

    install_translators(QApplication.instance(), "en")
    try:
        page.contact_edit.setText("jean.dupont@ministere.gouv.fr")
        assert "looks like a person's address" in page.contact_warning.text()
    finally:
        install_translators(QApplication.instance(), "fr")


def test_summary_says_what_is_published_and_what_was_removed(page) -> None:
    text = page.summary_label.text()
    assert "2 lignes et 3 colonnes seront publiées" in text
    assert "Retiré pour protéger les personnes : « email »" in text
    assert "« commune » : 2 cellules transformées" in text


def test_export_writes_the_folder_then_opens_it(qtbot, page, monkeypatch) -> None:
    opened = []
    monkeypatch.setattr("capnum_desktop.ui.pages.export_page.QDesktopServices.openUrl",
                        lambda url: opened.append(url.toLocalFile()) or True)
    page.description_edit.setPlainText("Subventions versées en 2024.")
    page.contact_edit.setText("donnees@ministere.gouv.fr")
    page.formula_check.setChecked(True)
    page.crlf_check.setChecked(True)
    assert page.export()
    qtbot.waitUntil(lambda: page.session.export_result is not None, timeout=20000)
    folder = page.target_folder()
    names = {p.name for p in folder.iterdir()}
    assert {"essai-subventions-2024.csv", "essai-subventions-2024.json", "datapackage.json"} <= names
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    text = json.dumps(package, ensure_ascii=False)
    assert "Subventions versées en 2024." in text and "donnees@ministere.gouv.fr" in text and "ODbL" in text
    raw = (folder / "essai-subventions-2024.csv").read_bytes()
    assert raw.count(b"\r\n") == 3 and raw.count(b"\n") == 3  # CRLF on every line, as asked
    csv = raw.decode("utf-8")
    assert csv.splitlines()[0] == "id,montant,commune"
    assert "'=SOMME(A1)" in csv  # neutralised formula
    assert page.files_list.count() == len(list(folder.iterdir()))
    assert "Export terminé" in page.result_label.text()
    assert page.open_button.isVisibleTo(page)
    page.open_button.click()
    assert opened == [str(folder)]
    assert "terminé" in page.next_blocker()


def test_an_existing_folder_is_replaced_only_after_asking(qtbot, page, monkeypatch) -> None:
    folder = page.target_folder()
    folder.mkdir(parents=True)
    (folder / "ancien.txt").write_text("x", encoding="utf-8")
    answers = [QMessageBox.StandardButton.No]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    assert not page.export()
    assert "conservé" in page.result_label.text()
    assert (folder / "ancien.txt").exists()
    answers.append(QMessageBox.StandardButton.Yes)
    assert page.export()
    qtbot.waitUntil(lambda: page.session.export_result is not None, timeout=20000)
    assert not (folder / "ancien.txt").exists()
    assert (folder / "datapackage.json").exists()


def test_export_errors_are_shown_and_nothing_is_half_written(qtbot, page, tmp_path) -> None:
    errors = []
    page.sig_error.connect(errors.append)
    blocker = tmp_path / "fichier.txt"
    blocker.write_text("x", encoding="utf-8")
    page.folder_edit.setText(str(blocker))  # a file where the folder should go: cannot be written
    assert page.export()
    qtbot.waitUntil(lambda: bool(errors), timeout=20000)
    assert "échoué" in page.result_label.text()
    assert page.export_button.isEnabled()



def test_the_verdict_tells_the_truth_and_is_never_clipped(qtbot, page) -> None:
    """« prêt à publier » only for a valid, non-empty export; otherwise the first line says what blocks it,
    and the summary box keeps that line visible at 1366x705."""
    from capnum_desktop.core.validation import validate_table

    session = page.session
    session.set_report(validate_table(session.table, session.schema))
    assert session.report.valid
    page.refresh_summary()
    assert page.verdict_label.text().startswith("Prêt à publier")
    assert page.export()
    qtbot.waitUntil(lambda: session.export_result is not None, timeout=20000)
    assert session.export_result.publishable
    assert page.next_blocker() == "C'est terminé : le dossier est prêt à publier."
    recipe = json.loads((page.target_folder() / "recipe.json").read_text(encoding="utf-8"))
    assert recipe["schema"]["id"] == "essai" and recipe["mapping"]["columns"]["montant"] == "montant"

    bad = make_table(["id", "montant", "commune"], [["x", "douze", "Lyon"]] * 3, path="subventions_2024.csv")
    session.set_privacy(None, None, session.privacy_log, bad)
    session.set_report(validate_table(session.table, session.schema))
    page.refresh_summary()
    assert page.verdict_label.text() == "Non publiable en l'état : 6 erreurs de validation restent (étape « Vérifier »)."
    window = page.window()
    window.resize(1366, 705)
    page.summary_label.setText("\n".join(["une ligne de détail assez longue pour remplir la boîte"] * 40))
    qtbot.wait(50)
    verdict = page.verdict_label
    assert verdict.isVisible() and verdict.height() >= verdict.sizeHint().height() - 1
    assert verdict.visibleRegion().boundingRect().height() >= verdict.sizeHint().height() - 1
    page.folder_edit.setText(str(page.target_folder().parent / "autre"))
    assert page.export()
    qtbot.waitUntil(lambda: not page._exporting, timeout=20000)
    assert not session.export_result.publishable
    assert page.next_blocker() == "Exporté, mais non publiable en l'état : 6 erreurs."
    assert page.verdict_label.text() == "Exporté, mais non publiable en l'état : 6 erreurs."
    assert page.result_label.text().startswith("Export terminé : ")  # the verdict is not said twice
    assert "prêt à publier" not in page.verdict_label.text()
    from dataclasses import replace as _replace
    one = _replace(session.export_result, error_count=1)  # French: « 1 erreur », never « erreur(s) »
    assert page.export_verdict(one) == "Exporté, mais non publiable en l'état : 1 erreur."

    empty = make_table(["id", "montant", "commune"], [], path="subventions_2024.csv")
    session.set_privacy(None, None, session.privacy_log, empty)
    page.refresh_summary()
    assert page.verdict_label.text() == "Non publiable en l'état : le tableau n'a aucune ligne de données."


def test_in_the_window_at_1366x705_the_verdict_line_is_whole(qtbot) -> None:
    """Issue 13: the « Ce qui sera publié » box clipped its « Attention » line at 768 px; the verdict is
    now its first line, outside the scrolled details, and shows whole in the main window at 1366x705."""
    from capnum_desktop.core.validation import validate_table
    from capnum_desktop.ui.application import build_window

    window = build_window()
    qtbot.addWidget(window)
    window.resize(1366, 705)
    window.show()
    try:
        session = window.session
        columns = [f"colonne_{i}" for i in range(12)]
        table = make_table(["id", "montant", "commune", *columns], [["x", "douze", "Lyon", *columns]] * 4,
                           path="subventions_2024.csv")
        schema = schema_from_descriptor(DESCRIPTOR, schema_id="essai")
        session.set_source(Path("subventions_2024.csv"), None, table)
        session.set_schema(schema, None)
        session.set_mapping(propose_mapping(table, schema), SimpleNamespace(table=table))
        entries = [LogEntry(c, "email", "remove", cells_changed=4) for c in columns]
        entries += [LogEntry(c, "commune", "generalise", cells_changed=4) for c in columns]
        session.set_privacy(None, None, PrivacyLog(entries=entries, rows_before=4, rows_after=4), table)
        session.set_report(validate_table(session.table, schema))
        window.central.setCurrentIndex(1)  # the work area, as opening a file does
        window.show_step("export")
        qtbot.waitUntil(lambda: window.current_step() == "export", timeout=5000)
        page = window.pages["export"]
        page.refresh_summary()
        qtbot.wait(50)
        verdict = page.verdict_label
        assert verdict.text().startswith("Non publiable en l'état : 8 erreurs")
        shown = verdict.visibleRegion().boundingRect()
        assert verdict.isVisible() and shown.height() >= verdict.heightForWidth(verdict.width()) - 1
        assert shown.width() >= verdict.width() - 1
    finally:
        window.session.clear()
        window.close()
