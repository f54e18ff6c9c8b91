"""The shell: navigation over the five steps, start screen, menus, undo actions, errors."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from capnum_desktop.core.edits import CellEdit
from capnum_desktop.ui.undo import push_edit
from tests.ui.conftest import make_table


@pytest.fixture
def window(qtbot):
    from capnum_desktop.ui.application import build_window
    from capnum_desktop.ui.errors import setup_logging

    setup_logging()
    w = build_window()
    w.show()
    yield w
    w.session.clear()  # nothing unsaved: closing does not ask
    w.close()
    w.deleteLater()


def test_five_steps_listed_and_start_screen_first(qtbot, window) -> None:
    texts = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert len(texts) == 5
    for word in ("Ouvrir", "Associer au schéma", "Protéger", "Vérifier", "Exporter"):
        assert any(word in t for t in texts)
    assert window.central.currentWidget() is window.start_screen
    assert window.start_screen.open_button.text().replace("&", "") == "Ouvrir un fichier…"


def test_steps_unlock_as_the_work_progresses(qtbot, window) -> None:
    window.session.set_source("t.csv", None, make_table(["a"], [["1"]]))
    window.central.setCurrentIndex(1)
    window.show_step("open")
    assert window.current_step() == "open"
    assert window.next_button.isEnabled()  # a later page exists and Ouvrir is done
    assert not window.reachable("verify")
    assert window.model.rowCount() == 1
    assert "étape en cours" in window.nav.item(0).data(Qt.ItemDataRole.AccessibleTextRole)


def test_undo_redo_menu_actions(qtbot, window) -> None:
    s = window.session
    s.set_source("t.csv", None, make_table(["a"], [["1"]]))
    s.set_mapping(SimpleNamespace(), SimpleNamespace(table=make_table(["x"], [["1"], ["2"]])))
    assert window.model.editable
    push_edit(s, CellEdit(2, "x", "1", "9"))
    assert window.undo_action.isEnabled() and "ligne 2" in window.undo_action.text()
    window.undo_action.trigger()
    assert window.model.data(window.model.index(0, 0)) == "1"
    window.redo_action.trigger()
    assert window.model.data(window.model.index(0, 0)) == "9"
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    assert "Ctrl+Y" in [k.toString() for k in window.redo_action.shortcuts()]


def test_capnum_error_dialog_shows_message_and_hint(qtbot, window) -> None:
    from capnum_desktop.core.errors import InputFileError

    window.show_error(InputFileError("Le fichier x.csv est vide."))
    boxes = [w for w in window.findChildren(QMessageBox) if w.isVisible()]
    assert boxes and boxes[-1].text() == "Le fichier x.csv est vide."
    assert "ouvert dans un autre programme" in boxes[-1].informativeText()
    boxes[-1].close()


def test_unexpected_error_is_logged_without_its_text(qtbot, window) -> None:
    from capnum_desktop import paths
    from capnum_desktop.ui.errors import LOG_FILE

    try:
        raise ValueError("Jean Dupont 0612345678")
    except ValueError as exc:
        window.show_error(exc)
    box = next(w for w in window.findChildren(QMessageBox) if w.isVisible())
    assert any(b.text().replace("&", "") == "Copier le rapport" for b in box.buttons())
    assert "Jean" not in box.detailedText() and "ValueError" in box.detailedText()
    for handler in __import__("logging").getLogger("capnum_desktop").handlers:
        handler.flush()
    log = (paths.log_dir() / LOG_FILE).read_text(encoding="utf-8")
    assert "ValueError" in log and "Jean" not in log and "0612345678" not in log
    box.close()


def test_missing_file_is_a_clear_error(qtbot, window, tmp_path) -> None:
    window.open_path(tmp_path / "absent.csv")
    box = next(w for w in window.findChildren(QMessageBox) if w.isVisible())
    assert "absent.csv" in box.text() and "introuvable" in box.text()
    box.close()


def test_closing_with_unexported_work_asks_and_keeps_it(qtbot, monkeypatch) -> None:
    from capnum_desktop.core import autosave
    from capnum_desktop.ui.application import build_window

    w = build_window()
    w.show()
    w.session.set_source("t.csv", None, make_table(["a"], [["1"]]))
    assert not w.session.has_unsaved_work()  # only opened: nothing to lose
    w.session.set_mapping(SimpleNamespace(to_dict=lambda: {}), SimpleNamespace(table=make_table(["a"], [["1"]])))
    assert w.session.has_unsaved_work()
    monkeypatch.setattr(w, "ask_keep_work", lambda: "cancel")
    assert not w.close() and w.isVisible()  # cancel: the window stays
    monkeypatch.setattr(w, "ask_keep_work", lambda: "keep")
    assert w.close()
    assert autosave.load_state() is not None  # kept for the next start
    w.deleteLater()
    again = build_window()
    assert again.autosaver.pending() is None or "t.csv" in again.start_screen.resume_label.text()
    monkeypatch.setattr(again, "ask_keep_work", lambda: "drop")
    again.session.set_source("t.csv", None, make_table(["a"], [["1"]]))
    again.session.set_mapping(SimpleNamespace(to_dict=lambda: {}), SimpleNamespace(table=make_table(["a"], [["1"]])))
    assert again.close()
    assert autosave.load_state() is None
    again.deleteLater()


def test_dropping_a_file_opens_it(qtbot, window, tmp_path) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    path = tmp_path / "liste.csv"
    path.write_text("code;nom\n01000;Bourg\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.session.source_table is not None, timeout=10000)
    assert window.model.data(window.model.index(0, 0)) == "01000"
    assert window.current_step() == "open"


def test_escape_cancels_a_running_task(qtbot, window) -> None:
    import time

    from PySide6.QtTest import QTest

    def slow(*, progress=None, cancel=None):
        for _ in range(500):
            time.sleep(0.01)
            cancel.check()

    window.jobs.start("validate", slow)
    with qtbot.waitSignal(window.jobs.sig_cancelled, timeout=3000):
        QTest.keyClick(window, Qt.Key.Key_Escape)
    assert not window.jobs.is_running()


@pytest.fixture
def big_grid(window, monkeypatch) -> list[str]:
    """The window over a 60-row table counted as big (BACKGROUND_FILTER_ROWS lowered to 10); returns the
    names of the threads core's view_order ran on."""
    import threading

    import capnum_desktop.ui.main_window as module
    from capnum_desktop.core import view_order as core_order

    threads: list[str] = []
    real = core_order.view_order

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, "BACKGROUND_FILTER_ROWS", 10)
    monkeypatch.setattr(module, "view_order", spy)
    rows = [[f"Association {i}" if i % 3 else f"Mairie {i}", str(i)] for i in range(60)]
    table = make_table(["nom", "montant"], rows)
    window.session.set_source("t.csv", None, table)
    window.model.set_table(table)
    return threads


def test_a_big_tables_filter_is_made_in_the_job_runner(qtbot, window, big_grid) -> None:
    """From BACKGROUND_FILTER_ROWS rows the rows to show are chosen off the UI thread (issue 16: ~0.5 s over
    12 columns of a million rows); the grid shows them with the sort kept."""
    import threading

    grid = window.grid
    grid.view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    grid.filter_edit.setText("mairie")
    qtbot.waitUntil(lambda: window.model.rowCount() == 20, timeout=5000)
    assert big_grid and threading.main_thread().name not in big_grid
    shown = [window.model.data(window.model.index(r, 0)) for r in range(window.model.rowCount())]
    assert shown[0] == "Mairie 57" and all(name.startswith("Mairie") for name in shown)  # sorted, descending
    assert "20" in grid.count_label.text()


def test_a_big_tables_sort_is_made_in_the_job_runner(qtbot, window, big_grid) -> None:
    """A header click on a big table: the order is made off the UI thread, then shown (the filter kept)."""
    import threading

    grid = window.grid
    grid.view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: window.model.data(window.model.index(0, 1)) == "59", timeout=5000)
    assert big_grid and threading.main_thread().name not in big_grid
    grid.filter_edit.setText("mairie")
    qtbot.waitUntil(lambda: window.model.rowCount() == 20, timeout=5000)
    grid.view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: window.model.data(window.model.index(0, 1)) == "0", timeout=5000)
    assert window.model.rowCount() == 20  # the filter is kept
