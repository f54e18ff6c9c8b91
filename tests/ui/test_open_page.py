"""Ouvrir: detection shown, every choice overridable, preview then full load, cancel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

H = Qt.Orientation.Horizontal


@pytest.fixture
def window(qtbot):
    from capnum_desktop.ui.application import build_window

    w = build_window()
    w.show()
    yield w
    w.session.clear()
    w.close()
    w.deleteLater()


def _headers(model) -> list[str]:
    return [model.headerData(i, H) for i in range(model.columnCount())]


def test_demo_file_detection_is_shown(qtbot, window) -> None:
    from capnum_desktop.resources import demo_file

    window.open_path(demo_file())
    qtbot.waitUntil(lambda: window.session.source_table is not None, timeout=15000)
    page = window.pages["open"]
    assert page.format_value.text() == "Excel (.xlsx)"
    assert "3" in page.header_spin.text()  # header found on row 3 under a title and a blank row
    assert "titre" in page.skipped_value.text() and "pied de tableau" in page.skipped_value.text()
    assert page.sheet_combo.isVisibleTo(page) and not page.encoding_combo.isVisibleTo(page)
    assert window.model.rowCount() == 60 and window.model.headerData(0, Qt.Orientation.Vertical) == "4"
    assert "Bénéficiaire" in _headers(window.model)
    assert window.next_button.isEnabled()


def test_real_csv_options_can_be_overridden(qtbot, window, quoted_accented_csv) -> None:
    path, rows = quoted_accented_csv
    window.open_path(path)
    qtbot.waitUntil(lambda: window.session.source_table is not None, timeout=15000)
    page = window.pages["open"]
    assert "utf-8" in page.encoding_combo.itemText(0)
    assert _headers(window.model)[0] == "bénéficiaire"
    assert window.session.source_table.row_count == rows

    page.encoding_combo.setCurrentIndex(page.encoding_combo.findData("cp1252"))
    qtbot.waitUntil(lambda: window.session.read_options is not None
                    and window.session.read_options.encoding == "cp1252", timeout=15000)
    assert _headers(window.model)[0] == "bÃ©nÃ©ficiaire"  # what a wrong encoding looks like

    page.encoding_combo.setCurrentIndex(0)
    page.delimiter_combo.setCurrentIndex(page.delimiter_combo.findData(";"))
    qtbot.waitUntil(lambda: window.session.read_options.delimiter == ";"
                    and window.session.read_options.encoding is None, timeout=15000)
    assert window.model.columnCount() < 3  # commas are no longer separators

    page.delimiter_combo.setCurrentIndex(0)
    page.header_spin.setValue(2)
    qtbot.waitUntil(lambda: window.session.read_options.header_line == 2
                    and window.session.read_options.delimiter is None, timeout=15000)
    assert window.session.source_table.row_count == rows - 1
    assert window.model.headerData(0, Qt.Orientation.Vertical) == "3"


def test_cancelling_the_full_load_keeps_the_window_usable(qtbot, window, tmp_path, monkeypatch) -> None:
    import time

    from capnum_desktop.ui.pages import open_page

    def slow_full_read(path, options, *, progress=None, cancel=None):  # a huge file, in slow motion
        for i in range(1000):
            time.sleep(0.01)
            progress(i / 1000, "lecture")
            cancel.check()
        raise AssertionError("should have been cancelled")

    monkeypatch.setattr(open_page, "read_full", slow_full_read)
    rows = "\n".join(f"{i};valeur {i};{i * 3}" for i in range(1000))
    path = tmp_path / "gros.csv"
    path.write_text("id;texte;nombre\n" + rows + "\n", encoding="utf-8")
    window.open_path(path)
    qtbot.waitUntil(lambda: window.jobs.is_running("open"), timeout=15000)
    qtbot.waitUntil(window.progress_panel.isVisible, timeout=3000)
    assert not window.next_button.isEnabled()
    assert "Lecture" in window.blocker_label.text()
    with qtbot.waitSignal(window.jobs.sig_cancelled, timeout=5000):
        window.progress_panel.cancel_button.click()
    assert window.session.source_table is None
    assert not window.jobs.is_running()
    assert window.model.rowCount() == 200  # the preview stays on screen


def test_changing_a_setting_after_mapping_asks_first(qtbot, window, monkeypatch) -> None:
    from capnum_desktop.resources import demo_file

    window.open_path(demo_file())
    qtbot.waitUntil(lambda: window.session.source_table is not None, timeout=15000)
    window.show_step("map")
    window.pages["map"].choose_schema("scdl/subventions")
    qtbot.waitUntil(lambda: window.session.conformed is not None, timeout=15000)
    window.show_step("open")
    page = window.pages["open"]
    monkeypatch.setattr(page, "confirm_reread", lambda: False)
    page.header_spin.setValue(4)
    assert page.header_spin.value() == -1  # put back: automatic
    qtbot.wait(500)
    assert window.session.conformed is not None  # the mapping is kept
    monkeypatch.setattr(page, "confirm_reread", lambda: True)
    page.header_spin.setValue(4)
    qtbot.waitUntil(lambda: window.session.read_options.header_line == 4, timeout=15000)
    assert window.session.conformed is None
