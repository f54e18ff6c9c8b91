"""Protéger shows persons living in small communes as a re-identification risk, and Exporter publishes the
département chosen on the card (issue 17)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from faker import Faker

from capnum_desktop.core.schemas import propose_mapping, schema_from_descriptor
from tests.ui.conftest import make_table

SMALL = ["01001", "05001", "48001"]  # 860, 374 and 131 inhabitants
BIG = ["75056", "01053"]  # Paris, Bourg-en-Bresse
DESCRIPTOR = {
    "name": "aides",
    "title": "Aides",
    "fields": [
        {"name": "nom", "type": "string"},
        {"name": "age", "type": "integer"},
        {"name": "code_insee", "type": "string"},
        {"name": "montant", "type": "number"},
    ],
}


@pytest.fixture
def page(qtbot, session, jobs, tmp_path):
    from capnum_desktop.core.preferences import Preferences, save_preferences
    from capnum_desktop.ui.pages.protect_page import ProtectPage

    save_preferences(Preferences(bureau="Bureau des aides", licence="etalab-2.0", export_dir=str(tmp_path)))
    fake = Faker("fr_FR")
    fake.seed_instance(17)
    codes = [SMALL[i % 3] for i in range(8)] + [BIG[i % 2] for i in range(52)]
    rows = [
        [fake.last_name(), str(fake.random_int(18, 90)), code, str(fake.random_int(100, 900))]
        for code in codes
    ]
    table = make_table(["nom", "age", "code_insee", "montant"], rows, path="aides_2025.csv")
    session.set_source(Path("aides_2025.csv"), None, table)
    schema = schema_from_descriptor(DESCRIPTOR, schema_id="aides")
    session.set_schema(schema, None)
    session.set_mapping(propose_mapping(table, schema), SimpleNamespace(table=table))
    p = ProtectPage(session, jobs)
    qtbot.addWidget(p)
    p.show()
    p.enter()
    qtbot.waitUntil(lambda: not jobs.is_running(), timeout=20000)
    return p


def test_the_risk_shows_on_the_commune_card_with_rows_and_communes(page) -> None:
    card = page.cards["code_insee"]
    text = card.evidence_label.text()
    assert "8 lignes concernent 3 communes de moins de 2\u202f000 habitants" in text
    assert "01001" not in text  # counts, never a value
    assert card.action() == "generalise"
    assert "(proposé)" in card.action_combo.currentText()
    assert "Département proposé" in card.note_label.text()
    assert page.session.plan.small_communes["code_insee"]["rows"] == 8


def test_keeping_the_commune_needs_an_exception(page) -> None:
    card = page.cards["code_insee"]
    card.set_action("keep")
    assert card.exception_combo.isVisibleTo(page)
    assert "code_insee" in page.problems_label.text() and "exception" in page.problems_label.text()
    card.set_exception("texte")
    card.reference_edit.setText("Décret n° 2025-12, art. 4")
    assert "code_insee" not in page.problems_label.text()


def test_the_departement_chosen_is_what_is_exported(qtbot, page) -> None:
    from capnum_desktop.ui.pages.export_page import ExportPage

    advanced = []
    page.sig_advance_requested.connect(lambda: advanced.append(True))
    page.cards["nom"].set_action("remove")
    assert page.go_next() is False
    qtbot.waitUntil(lambda: bool(advanced), timeout=20000)
    export = ExportPage(page.session, page.jobs)
    qtbot.addWidget(export)
    export.show()
    export.enter()
    export.description_edit.setPlainText("Aides versées en 2025.")
    export.contact_edit.setText("donnees@ministere.gouv.fr")
    assert export.export()
    qtbot.waitUntil(lambda: page.session.export_result is not None, timeout=20000)
    csv = next(export.target_folder().glob("*.csv")).read_text(encoding="utf-8").splitlines()
    column = csv[0].split(",").index("code_insee")
    published = {line.split(",")[column] for line in csv[1:]}
    assert published == {"01", "05", "48", "75"}
