"""The wizard on car parks run by companies (issue 13, case 1 in the GUI): Protéger keeps what the schema
requires of a facility, and Vérifier finds the table valid with the default choices."""

from __future__ import annotations

import pytest

from tests.test_e2e_publishable import _fake, _write, stationnement


@pytest.fixture
def window(qtbot):
    from capnum_desktop.ui.application import build_window

    w = build_window()
    w.resize(1280, 860)
    w.show()
    yield w
    w.jobs.shutdown()
    w.session.clear()
    w.close()
    w.deleteLater()


def test_car_parks_keep_their_required_coordinates_through_the_wizard(qtbot, window, tmp_path) -> None:
    header, rows, personal = stationnement(_fake(11))
    source = tmp_path / "parkings.csv"
    _write(source, header, rows)
    window.open_path(source)
    qtbot.waitUntil(lambda: window.session.source_table is not None, timeout=15000)
    window.next_button.click()

    map_page = window.pages["map"]
    map_page.search_edit.setText("Lieux de stationnement")
    map_page.use_button.click()
    qtbot.waitUntil(lambda: window.session.conformed is not None, timeout=15000)
    assert window.session.schema.id == "etalab/schema-stationnement"
    window.next_button.click()
    if window.current_step() == "map":  # a coverage warning is shown once
        window.next_button.click()

    assert window.current_step() == "protect"
    qtbot.waitUntil(lambda: window.session.scan is not None and window.next_button.isEnabled(), timeout=20000)
    protect = window.pages["protect"]
    for column in ("Xlong", "Ylat"):
        assert protect.cards[column].action() == "keep"
        assert "considérant 14" in protect.cards[column].note_label.text()
    window.next_button.click()
    qtbot.waitUntil(lambda: window.current_step() == "verify", timeout=20000)
    qtbot.waitUntil(lambda: window.session.report is not None, timeout=20000)
    assert window.session.report.valid, window.session.report.summary()
    published = set(map(str, window.session.table.df.to_numpy().ravel()))
    assert not published & personal  # the attendant's name and phone are not in the table
    assert "Xlong" in window.session.table.df.columns
