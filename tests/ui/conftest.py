"""Shared helpers for GUI tests: small tables, a session, a job runner that is always stopped."""

from __future__ import annotations

from pathlib import Path

import pytest

from capnum_desktop.core.table import SourceInfo, Table, text_frame


def make_table(columns: list[str], rows: list[list[str]], first_row: int = 2, path: str = "t.csv") -> Table:
    numbers = list(range(first_row, first_row + len(rows)))
    return Table(text_frame(columns, rows, numbers), SourceInfo(path=Path(path), format="csv"))


@pytest.fixture
def jobs(qtbot):
    from capnum_desktop.ui.jobs import JobRunner

    runner = JobRunner()
    yield runner
    runner.shutdown()
    assert runner.wait(10000), "a job was left running"


@pytest.fixture
def session(qtbot):
    from capnum_desktop.ui.session import Session

    return Session()


@pytest.fixture(autouse=True)
def _no_blocking_close_question(monkeypatch):
    """Closing a window at teardown must never wait on the "unsaved work" question (it would hang CI).

    Tests that exercise the question patch ``ask_keep_work`` on their own window, which wins over this.
    """
    from capnum_desktop.ui.main_window import MainWindow

    monkeypatch.setattr(MainWindow, "ask_keep_work", lambda self: "drop")


@pytest.fixture(scope="session", autouse=True)
def _collect_garbage_on_the_ui_thread(qapp):
    """As the app does (ui/gc_guard.py): no cyclic collection in a job's worker thread."""
    from capnum_desktop.ui import gc_guard

    collector = gc_guard.install(qapp)
    yield collector
    collector.stop()
