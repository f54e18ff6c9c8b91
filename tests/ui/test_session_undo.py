"""Session state and the undo stack over core edits."""

from __future__ import annotations

from types import SimpleNamespace

from capnum_desktop.core.edits import CellEdit, ColumnEdit
from capnum_desktop.ui import session as S
from capnum_desktop.ui.undo import push_edit
from tests.ui.conftest import make_table


def _conformed_session(session):
    raw = make_table(["Nom", "Montant"], [["  Dupont ", "12,5"], ["Martin", "3"]])
    session.set_source("t.csv", None, raw)
    conformed = make_table(["nom", "montant"], [["  Dupont ", "12.5"], ["Martin", "3"]])
    session.set_mapping(SimpleNamespace(), SimpleNamespace(table=conformed, issues=[]))
    return session


def test_setters_reset_what_depends_on_them(qtbot, session) -> None:
    changes: list[str] = []
    session.sig_changed.connect(changes.append)
    _conformed_session(session)
    assert session.step_done("open") and session.step_done("map") and not session.step_done("protect")
    assert session.table.columns == ["nom", "montant"]
    session.set_report(object())
    protected = make_table(["montant"], [["12.5"], ["3"]])
    session.set_privacy(object(), object(), object(), protected)
    assert session.report is None and session.table.columns == ["montant"]
    assert S.MAPPING in changes and S.PRIVACY in changes and S.TABLE in changes
    session.set_source("u.csv", None, make_table(["x"], [["1"]]))
    assert session.conformed is None and session.protected is None and session.undo_stack.count() == 0


def test_edit_undo_redo(qtbot, session) -> None:
    _conformed_session(session)
    cells: list = []
    session.sig_cells_changed.connect(cells.append)
    push_edit(session, CellEdit(2, "nom", "  Dupont ", "Dupont"))
    assert session.table.df.at[2, "nom"] == "Dupont"
    assert cells[-1] == ("nom", [2])
    push_edit(session, ColumnEdit("nom", "upper"))
    assert list(session.table.df["nom"]) == ["DUPONT", "MARTIN"]
    assert len(session.edits) == 2
    session.undo_stack.undo()
    assert list(session.table.df["nom"]) == ["Dupont", "Martin"]
    session.undo_stack.undo()
    assert session.table.df.at[2, "nom"] == "  Dupont "
    assert session.edits == []
    session.undo_stack.redo()
    session.undo_stack.redo()
    assert list(session.table.df["nom"]) == ["DUPONT", "MARTIN"]
    assert session.has_unsaved_work()


def test_typing_twice_in_a_cell_is_one_undo_step(qtbot, session) -> None:
    _conformed_session(session)
    push_edit(session, CellEdit(3, "montant", "3", "30"))
    push_edit(session, CellEdit(3, "montant", "30", "300"))
    assert session.undo_stack.count() == 1
    assert len(session.edits) == 1 and session.edits[0].old == "3" and session.edits[0].new == "300"
    session.undo_stack.undo()
    assert session.table.df.at[3, "montant"] == "3"


def test_edits_survive_a_new_upstream_table(qtbot, session) -> None:
    _conformed_session(session)
    push_edit(session, CellEdit(3, "montant", "3", "4"))
    protected = make_table(["nom", "montant"], [["Dupont", "12.5"], ["Martin", "3"]])
    session.set_privacy(object(), object(), object(), protected)
    assert session.table.df.at[3, "montant"] == "4"
    assert session.table.df.at[2, "nom"] == "Dupont"


def test_mapping_undo_acts_on_the_session_without_any_page(qtbot, session) -> None:
    """MappingCommand sets the session's state, like EditCommand: no Associer page is needed to undo."""
    from capnum_desktop.ui.session import MappingState
    from capnum_desktop.ui.undo import push_mapping_change

    _conformed_session(session)
    schema = SimpleNamespace(source="catalogue", descriptor={"fields": []}, id="essai")
    first, second = SimpleNamespace(name="first"), SimpleNamespace(name="second")
    shown: list[str] = []
    session.sig_step_requested.connect(shown.append)
    assert push_mapping_change(session, MappingState(schema, "essai", first), "le choix du schéma")
    assert session.mapping_state() == MappingState(schema, "essai", first) and session.mapping_pending()
    assert shown == []  # a change is made on the page the user is on
    session.set_mapping(first, SimpleNamespace(table=session.source_table, issues=[]))  # its conversion ran
    assert not session.mapping_pending() and session.conformed_mapping is first
    assert push_mapping_change(session, MappingState(schema, "essai", second), "la valeur fixe")
    assert not push_mapping_change(session, MappingState(schema, "essai", second), "rien")  # no empty step
    assert session.mapping is second and session.mapping_pending()

    session.undo_stack.undo()  # back to the converted mapping before the new one was converted: nothing to redo
    assert session.mapping is first and not session.mapping_pending() and session.conformed is not None
    assert shown == ["map"]
    session.undo_stack.undo()  # before any schema: the table as read
    assert session.schema is None and session.mapping is None and session.conformed is None
    assert session.table is session.source_table
    session.undo_stack.redo()
    assert session.schema is schema and session.mapping is first and session.mapping_pending()
    assert shown == ["map", "map", "map"]
