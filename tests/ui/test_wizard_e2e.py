"""The whole wizard driven through the GUI, from opening a file to the folder ready to publish:
a real subsidy file with its national schema, and a generated file full of personal data."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from faker import Faker


@pytest.fixture
def window(qtbot, tmp_path):
    from capnum_desktop.core.preferences import Preferences, save_preferences
    from capnum_desktop.ui.application import build_window

    save_preferences(Preferences(bureau="Bureau des données", export_dir=str(tmp_path / "exports")))
    w = build_window()  # not qtbot.addWidget: it would close the window before the session is cleared
    w.show()
    yield w
    w.jobs.shutdown()
    w.session.clear()
    w.close()
    w.autosaver.clean_exit()
    w.deleteLater()


def idle(qtbot, window, timeout: int = 30000) -> None:
    qtbot.waitUntil(lambda: not window.jobs.is_running(), timeout=timeout)


def next_step(qtbot, window, expected: str) -> None:
    assert window.next_button.isEnabled(), window.blocker_label.text()
    window.next_button.click()
    qtbot.waitUntil(lambda: window.current_step() == expected, timeout=30000)
    idle(qtbot, window)


def open_and_map(qtbot, window, path: Path, schema: str | None) -> None:
    window.open_path(path)
    qtbot.waitUntil(lambda: window.session.source_table is not None, timeout=30000)
    idle(qtbot, window)
    assert window.model.rowCount() == window.session.source_table.row_count
    next_step(qtbot, window, "map")
    page = window.pages["map"]
    if schema is None:
        page.infer_button.click() if hasattr(page, "infer_button") else page._on_infer_button_clicked()
    else:
        page.choose_schema(schema)
    qtbot.waitUntil(lambda: window.session.conformed is not None, timeout=30000)
    idle(qtbot, window)
    next_step(qtbot, window, "protect")


def export(qtbot, window, contact: str = "donnees@exemple.gouv.fr") -> Path:
    page = window.pages["export"]
    assert page.producer_edit.text() == "Bureau des données"
    page.contact_edit.setText(contact)
    page.description_edit.setPlainText("Préparé avec CapNum.")
    folder = page.target_folder()
    assert page.export()
    qtbot.waitUntil(lambda: window.session.export_result is not None, timeout=60000)
    assert "Export terminé" in page.result_label.text()
    assert not window.session.has_unsaved_work()
    return folder


def test_real_subsidy_file_from_opening_to_export(qtbot, window, subsidy_with_labels: Path) -> None:
    open_and_map(qtbot, window, subsidy_with_labels, "scdl/subventions")

    protect = window.pages["protect"]
    assert window.session.scan is not None
    assert "objet" in protect.cards  # free text: masked by default
    assert protect.cards["objet"].action() == "mask"
    next_step(qtbot, window, "verify")

    verify = window.pages["verify"]
    report = window.session.report
    assert report is not None and report.error_count == 8
    assert "8 erreurs" in verify.summary_label.text()
    groups = [verify.issues.item(i).text() for i in range(verify.issues.rowCount())]
    assert any("idAttribuant" in g and "SIRET" in g for g in groups)
    # fix every idAttribuant with a valid SIRET in one bulk replace, then undo and redo it
    dialog = verify.bulk_fix_dialog()
    dialog.column_combo.setCurrentText("idAttribuant")
    dialog.set_operation("replace")
    dialog.find_edit.setText("12000123400023")
    dialog.repl_edit.setText("21750001600019")
    assert dialog.update_preview() == 4
    assert verify.apply_bulk_fix(dialog)
    assert window.session.report.error_count == 4
    window.undo_action.trigger()
    assert window.session.report.error_count == 8
    window.redo_action.trigger()
    assert window.session.report.error_count == 4
    next_step(qtbot, window, "export")

    folder = export(qtbot, window)
    files = {p.name for p in folder.iterdir()}
    assert "datapackage.json" in files and "recipe.json" in files
    csv_file = next(folder.glob("*.csv"))
    with csv_file.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 4
    assert {r["idAttribuant"] for r in rows} == {"21750001600019"}
    recipe = json.loads((folder / "recipe.json").read_text(encoding="utf-8"))
    assert "21750001600019" in json.dumps(recipe)  # the hand fix is in the recipe (not a personal field)


def personal_csv(path: Path, n: int = 120) -> dict[str, list[str]]:
    """A ;-separated file with French dates and amounts, names, e-mails and phones (Faker fr_FR)."""
    fake = Faker("fr_FR")
    Faker.seed(42)
    data: dict[str, list[str]] = {"nom": [], "email": [], "téléphone": []}
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh, delimiter=";")
        out.writerow(["Nom", "Prénom", "Email", "Téléphone", "Commune", "Date de la demande", "Montant accordé"])
        for _ in range(n):
            row = [fake.last_name(), fake.first_name(), fake.email(), fake.phone_number(), fake.city(),
                   fake.date_between("-2y", "today").strftime("%d/%m/%Y"),
                   f"{fake.random_int(100, 90000)},{fake.random_int(0, 99):02d}"]
            data["nom"].append(row[0])
            data["email"].append(row[2])
            data["téléphone"].append(row[3])
            out.writerow(row)
    return data


def test_generated_personal_data_never_reaches_the_export(qtbot, window, tmp_path) -> None:
    path = tmp_path / "demandes_aides.csv"
    data = personal_csv(path)
    open_and_map(qtbot, window, path, None)  # schema inferred from the table

    protect = window.pages["protect"]
    flagged = {c.lower() for c in protect.cards}
    assert {"nom", "prénom", "email", "téléphone"} <= flagged
    for column, card in protect.cards.items():
        if column.lower() in ("nom", "prénom", "email", "téléphone"):
            assert card.action() == "remove", column
            assert card.rule_label.text().startswith("Règle")
    next_step(qtbot, window, "verify")
    assert window.session.privacy_log is not None
    columns = [c.lower() for c in window.session.table.columns]
    assert not {"nom", "prénom", "email", "téléphone"} & set(columns)
    assert window.session.report is not None

    next_step(qtbot, window, "export")
    summary = window.pages["export"].summary_label.text()
    assert "Retiré pour protéger les personnes" in summary and "Email" in summary
    folder = export(qtbot, window)
    everything = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in folder.iterdir() if p.is_file())
    for column in ("email", "téléphone"):
        leaked = [v for v in data[column] if v in everything]
        assert not leaked, f"{len(leaked)} {column} values leaked into the export"
    assert any("traitement" in p.name for p in folder.iterdir())  # the processing report
