"""A whole-column fix prepared off the UI thread is only swapped in there, and so are its undo and redo.

At a million rows, applying a fix to the table takes most of a second: the job runner does it
(``core.edits.prepare_edit``), and ``EditCommand`` keeps the tables before and after, so the UI thread
never applies the edit itself while the working table is one of them (issue 16).
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from capnum_desktop.core.edits import CellEdit, ColumnEdit, prepare_edit
from capnum_desktop.ui import session as session_module
from capnum_desktop.ui.undo import push_edit
from tests.ui.conftest import make_table


@pytest.fixture
def ready(session):
    table = make_table(["nom", "ville"], [[" Dupont ", "paris"], ["Martin ", " lyon"], ["Durand", "nice"]])
    session.set_source("t.csv", None, table)
    session.set_mapping(SimpleNamespace(), SimpleNamespace(table=table, issues=[]))
    return session


@pytest.fixture
def ui_thread_applies(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every edit the session applies itself (on the UI thread), instead of swapping a prepared table."""
    calls: list[object] = []
    original = session_module.apply_edit

    def counting(table, edit):
        calls.append(edit)
        return original(table, edit)

    monkeypatch.setattr(session_module, "apply_edit", counting)
    return calls


def test_prepared_fix_undo_and_redo_are_swaps(qtbot, ready, ui_thread_applies) -> None:
    before = ready.table
    edit = ColumnEdit("nom", "trim")
    prepared = prepare_edit(before, edit)  # what the job runner computes
    cells: list = []
    ready.sig_cells_changed.connect(cells.append)

    push_edit(ready, edit, prepared)
    assert ready.table is prepared.after
    assert list(ready.table.df["nom"]) == ["Dupont", "Martin", "Durand"]
    ready.undo_stack.undo()
    assert ready.table is before and list(ready.table.df["nom"]) == [" Dupont ", "Martin ", "Durand"]
    ready.undo_stack.redo()
    assert ready.table is prepared.after
    assert ui_thread_applies == []
    # re-validation is told what changed each time: the whole column, then the cells the undo restored
    assert cells == [("nom", None), ("nom", [2, 3]), ("nom", None)]
    assert ready.has_unsaved_work()


def test_a_stale_preparation_is_applied_again_on_the_current_table(qtbot, ready, ui_thread_applies) -> None:
    prepared = prepare_edit(ready.table, ColumnEdit("nom", "upper"))
    push_edit(ready, CellEdit(4, "ville", "nice", "Nice"))  # the table changed while the job ran
    push_edit(ready, prepared.edit, prepared)
    assert list(ready.table.df["nom"]) == [" DUPONT ", "MARTIN ", "DURAND"]
    assert ready.table.df.loc[4, "ville"] == "Nice"  # the hand edit made meanwhile is kept
    assert len(ui_thread_applies) == 2


def test_undo_after_other_changes_applies_the_inverse(qtbot, ready, ui_thread_applies) -> None:
    """Cell edits keep no tables (one column copy per keystroke would pile up): undoing one applies its
    inverse, so the fix's undo then finds another table object and applies its inverse too, exactly."""
    edit = ColumnEdit("ville", "title")
    push_edit(ready, edit, prepare_edit(ready.table, edit))
    push_edit(ready, CellEdit(2, "nom", " Dupont ", "Dupond"))
    ready.undo_stack.undo()
    ready.undo_stack.undo()
    assert list(ready.table.df["ville"]) == ["paris", " lyon", "nice"]
    assert list(ready.table.df["nom"]) == [" Dupont ", "Martin ", "Durand"]
    assert [type(e).__name__ for e in ui_thread_applies] == ["CellEdit", "CellEdit", "CellsPatch"]
