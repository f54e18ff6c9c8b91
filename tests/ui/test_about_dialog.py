"""The "À propos" dialog shows the version, the app's licence and the bundled components' and schemas'."""

from __future__ import annotations

import json
from importlib import metadata
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QTableWidget

from capnum_desktop.core import licences
from capnum_desktop.ui import about_dialog
from capnum_desktop.ui.about_dialog import AboutDialog, show_about


def _column(table: QTableWidget, column: int) -> list[str]:
    return [table.item(row, column).text() for row in range(table.rowCount())]


def test_header_shows_version_and_eupl(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    header = dialog.findChild(QLabel, "aboutHeader").text()
    assert licences.app_version() in header
    assert "EUPL-1.2" in header


def test_components_come_from_installed_metadata(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    table = dialog.components_table
    names = [name.lower() for name in _column(table, 0)]
    for required in ("pandas", "pyarrow", "frictionless", "openpyxl", "python"):
        assert required in names
    assert any(name.startswith("pyside6") for name in names)
    row = names.index("pandas")
    assert table.item(row, 1).text() == metadata.version("pandas")
    assert "BSD" in table.item(row, 2).text()
    # transitive dependencies are listed too (frictionless -> jsonschema)
    assert "jsonschema" in names
    # test-only packages are not bundled
    assert "pytest" not in names and "faker" not in names


def test_schemas_tab_lists_index_with_licences(qtbot, tmp_path, monkeypatch):
    index = tmp_path / "index.json"
    index.write_text(
        json.dumps(
            {
                "version": 1,
                "schemas": [
                    {
                        "id": "scdl/subventions",
                        "title": "Subventions",
                        "version": "2.1.1",
                        "source_url": "https://schema.data.gouv.fr/schemas/scdl/subventions/2.1.1/schema.json",
                        "licence": "Licence Ouverte 2.0",
                    },
                    {"id": "x/sans-licence", "title": "Sans licence", "version": "0.1"},
                ],
            }
        ),
        encoding="utf-8",
    )
    monkeypatch.setattr(licences.resources, "schema_dir", lambda: tmp_path)
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    table = dialog.schemas_table
    assert table.rowCount() == 2
    titles = _column(table, 0)
    row = titles.index("Subventions")
    assert table.item(row, 2).text() == "Licence Ouverte 2.0"
    assert table.item(row, 3).text().startswith("https://schema.data.gouv.fr/")
    missing = titles.index("Sans licence")
    assert table.item(missing, 2).text() == "non précisée"
    assert "(2)" in dialog.tabs.tabText(1)


def test_missing_index_says_so_instead_of_crashing(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(licences.resources, "schema_dir", lambda: tmp_path / "absent")
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert dialog.schemas_table.rowCount() == 0
    assert dialog.findChild(QLabel, "schemasEmpty") is not None


def test_real_bundled_index_is_read(qtbot):
    index = licences.resources.schema_dir() / "index.json"
    if not index.is_file():
        pytest.skip("schemas/index.json is not in this checkout yet")
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert dialog.schemas_table.rowCount() == len(licences.schema_sources()) > 0
    sources = _column(dialog.schemas_table, 3)
    assert all(url.startswith("http") for url in sources if url)


def test_show_about_opens_modal_and_closes(qtbot):
    dialog = show_about(None)
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and dialog.isModal()
    dialog.reject()
    assert not dialog.isVisible()


def test_visible_strings_are_translatable():
    source = Path(about_dialog.__file__).read_text(encoding="utf-8")
    assert source.count("self.tr(") >= 12
    # every French sentence of the module goes through self.tr (no bare setText("…") with words)
    assert 'setText("' not in source and 'setWindowTitle("' not in source
