"""The whole wizard, driven like a user: a messy file with personal data to a publish-ready folder."""

from __future__ import annotations

import csv
import random
from pathlib import Path

import pytest
from faker import Faker
from PySide6.QtCore import Qt


@pytest.fixture
def window(qtbot):
    from capnum_desktop.ui.application import build_window

    w = build_window()
    w.resize(1280, 860)
    w.show()
    yield w
    w.session.clear()
    w.close()
    w.deleteLater()


def _messy_csv(path: Path, rows: int = 120) -> Path:
    """cp1252, semicolons, a title line, French numbers and dates, names, e-mails and phones of persons."""
    fake = Faker("fr_FR")
    Faker.seed(7)
    rng = random.Random(7)
    lines = [["Subventions attribuées en 2024 (extraction du 03/01/2025)"], [],
             ["Bénéficiaire", "Date de la convention", "Objet", "Montant (€)", "Nom du référent",
              "Courriel du référent", "Téléphone"]]
    for _ in range(rows):
        lines.append([f"Association {fake.last_name()}", fake.date_between("-1y", "today").strftime("%d/%m/%Y"),
                      rng.choice(["Fonctionnement", "Festival", "Résidence d'artistes"]),
                      f"{rng.randint(500, 90000)},{rng.randint(0, 99):02d}", fake.name(), fake.email(),
                      fake.phone_number()])
    with path.open("w", encoding="cp1252", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(lines)
    return path


def test_messy_file_to_published_folder_with_the_gui_only(qtbot, window, tmp_path) -> None:
    source = _messy_csv(tmp_path / "subventions_2024.csv")
    emails = {row[5] for row in csv.reader(source.open(encoding="cp1252"), delimiter=";") if len(row) > 5}

    # 1. Ouvrir: encoding, separator and header found
    window.open_path(source)
    qtbot.waitUntil(lambda: window.session.source_table is not None, timeout=15000)
    open_page = window.pages["open"]
    assert open_page.encoding_combo.itemText(0) == "automatique (Windows-1252 (Europe de l'Ouest))"
    assert window.model.headerData(0, Qt.Orientation.Horizontal) == "Bénéficiaire"
    window.next_button.click()

    # 2. Associer
    assert window.current_step() == "map"
    map_page = window.pages["map"]
    map_page.search_edit.setText("subventions")
    map_page.use_button.click()
    qtbot.waitUntil(lambda: window.session.conformed is not None, timeout=15000)
    assert map_page.fields_table.rowCount() == len(window.session.schema.fields)
    window.next_button.click()
    assert "Couverture faible" in map_page.coverage_label.text()  # few required fields filled: warned once
    window.next_button.click()

    # 3. Protéger: the scan runs by itself, "Suivant" applies the proposed plan
    assert window.current_step() == "protect"
    qtbot.waitUntil(lambda: window.session.scan is not None and window.next_button.isEnabled(), timeout=20000)
    window.next_button.click()
    qtbot.waitUntil(lambda: window.current_step() == "verify", timeout=20000)
    assert window.session.protected is not None
    assert not any("@" in str(v) for v in window.session.table.df.to_numpy().ravel())

    # 4. Vérifier: a report, a hand edit, undo/redo
    qtbot.waitUntil(lambda: window.session.report is not None, timeout=20000)
    col = window.model.column_index("objet")
    old = window.model.data(window.model.index(0, col))
    assert window.model.setData(window.model.index(0, col), "Objet corrigé")
    window.undo_action.trigger()
    assert window.model.data(window.model.index(0, col)) == old
    window.redo_action.trigger()
    assert window.model.data(window.model.index(0, col)) == "Objet corrigé"
    qtbot.waitUntil(lambda: window.next_button.isEnabled(), timeout=20000)
    window.next_button.click()

    # 5. Exporter
    assert window.current_step() == "export"
    export_page = window.pages["export"]
    export_page.folder_edit.setText(str(tmp_path / "publication"))
    export_page.export_button.click()
    qtbot.waitUntil(lambda: window.session.export_result is not None, timeout=30000)
    csv_files = list((tmp_path / "publication").rglob("*.csv"))
    assert csv_files and (tmp_path / "publication").rglob("datapackage.json")
    published = "\n".join(p.read_text(encoding="utf-8-sig") for p in csv_files)
    assert "Objet corrigé" in published
    assert not any(e in published for e in emails if e)
    assert not window.session.has_unsaved_work()
    assert all(window.session.step_done(s) for s in ("open", "map", "protect", "verify", "export"))


def test_real_file_through_the_whole_wizard(qtbot, window, tmp_path, subsidy_with_labels) -> None:
    window.open_path(subsidy_with_labels)
    qtbot.waitUntil(lambda: window.session.source_table is not None, timeout=15000)
    window.next_button.click()
    map_page = window.pages["map"]
    map_page.search_edit.setText("subventions")
    map_page.use_button.click()
    qtbot.waitUntil(lambda: window.session.conformed is not None, timeout=15000)
    assert map_page.fields_table.rowCount() == len(window.session.schema.fields)
    window.next_button.click()
    qtbot.waitUntil(lambda: window.session.scan is not None and window.next_button.isEnabled(), timeout=20000)
    window.next_button.click()
    qtbot.waitUntil(lambda: window.current_step() == "verify" and window.session.report is not None, timeout=20000)
    qtbot.waitUntil(lambda: window.next_button.isEnabled(), timeout=20000)
    window.next_button.click()
    export_page = window.pages["export"]
    export_page.folder_edit.setText(str(tmp_path / "out"))
    export_page.export_button.click()
    qtbot.waitUntil(lambda: window.session.export_result is not None, timeout=30000)
    rows = list(csv.reader(next((tmp_path / "out").rglob("*.csv")).open(encoding="utf-8-sig")))
    assert len(rows) - 1 == window.session.table.row_count > 0
