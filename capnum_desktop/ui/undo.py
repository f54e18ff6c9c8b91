"""The QUndoCommands of the app: cell/column edits and mapping changes; the core does the work.

Core edits (``capnum_desktop.core.edits``) apply to a Table and return the edit that undoes them; Qt
only keeps the stack. ``push_edit(session, edit)`` is how every view changes a cell or a column.
A change on the Associer page (a column, a constant, the schema) is a :class:`MappingCommand` holding
the whole state before and after (schema + immutable ``Mapping``, a ``session.MappingState``): restoring
a state on the session is exact, and the page, observing it, re-runs ``conform`` so every later step is
invalidated as after a forward change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from capnum_desktop.core.edits import CellEdit, Edit, PreparedEdit
from capnum_desktop.ui.session import MappingState

if TYPE_CHECKING:
    from capnum_desktop.ui.session import Session


class EditCommand(QUndoCommand):
    """Undoable wrapper around one core edit; consecutive edits of the same cell merge."""

    MERGE_ID = 0xCA9

    def __init__(self, session: Session, edit: Edit, prepared: PreparedEdit | None = None) -> None:
        super().__init__(edit_label(edit))
        self._session = session
        self.edit: Edit = edit
        self._inverse: Edit | None = None
        # The tables before and after a column fix: while the working table is one of them, undo and
        # redo are swaps on the UI thread (no million-row apply there). ``prepared`` is the first apply,
        # computed in the job runner.
        self._done: PreparedEdit | None = prepared

    def redo(self) -> None:
        before = self._session.table
        self._inverse = self._session.apply_edit(self.edit, self._done)
        after = self._session.table
        # A cell edit is cheap to apply again, and keeping each one's tables would keep one column copy
        # per keystroke alive: only column fixes keep theirs.
        keep = not isinstance(self.edit, CellEdit)
        self._done = (PreparedEdit(self.edit, before, after, self._inverse)
                      if keep and before is not None and after is not None else None)

    def undo(self) -> None:
        if self._inverse is not None:
            done = self._done if self._done is not None and self._done.inverse is self._inverse else None
            self._session.revert_edit(self._inverse, done.reversed() if done else None)

    def id(self) -> int:
        return self.MERGE_ID if isinstance(self.edit, CellEdit) else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Typing twice in the same cell is one undo step (old value of the first, new of the last)."""
        if not isinstance(other, EditCommand) or not isinstance(self.edit, CellEdit):
            return False
        new = other.edit
        if not isinstance(new, CellEdit) or (new.row, new.field) != (self.edit.row, self.edit.field):
            return False
        original = self._inverse.new if isinstance(self._inverse, CellEdit) else self.edit.old
        self.edit = CellEdit(new.row, new.field, original, new.new, self.edit.personal)
        self._inverse = CellEdit(new.row, new.field, new.new, original, self.edit.personal)
        self._done = None  # the merged step's tables are not kept: its undo applies the inverse
        self._session.merge_last_edits(self.edit)
        self.setText(edit_label(self.edit))
        return True


def edit_label(edit: Edit) -> str:
    """The text shown in Édition > Annuler …, translated where we know the kind."""
    from PySide6.QtCore import QCoreApplication

    field = edit.field
    if isinstance(edit, CellEdit):
        return QCoreApplication.translate("Undo", "la modification de « {field} », ligne {row}").format(
            field=field, row=edit.row)
    return QCoreApplication.translate("Undo", "la modification de la colonne « {field} »").format(field=field)


def push_edit(session: Session, edit: Edit, prepared: PreparedEdit | None = None) -> None:
    """Apply ``edit`` through the session's undo stack (so Ctrl+Z undoes it); ``prepared``, computed
    off the UI thread from the current table, makes the apply a swap."""
    session.undo_stack.push(EditCommand(session, edit, prepared))


# -- mapping changes (Associer page) ---------------------------------------------------------------
class MappingCommand(QUndoCommand):
    """One mapping change as one undo step: undo puts back the old state, redo the new one.

    Like :class:`EditCommand` it acts on the session (``Session.set_mapping_state``), never on a page:
    the Associer page observes the session and converts, and a page rebuilt by a language change
    undoes and redoes the same way."""

    def __init__(self, session: Session, old: MappingState, new: MappingState, text: str) -> None:
        super().__init__(text)
        self._session = session
        self.old = old
        self.new = new
        self._pushed = False

    def redo(self) -> None:
        # The first redo is the push itself, on the page the user is on: no need to bring it forward.
        if self._pushed:
            self._session.sig_step_requested.emit("map")
        self._session.set_mapping_state(self.new)
        self._pushed = True

    def undo(self) -> None:
        self._session.sig_step_requested.emit("map")
        self._session.set_mapping_state(self.old)


def mapping_label(kind: str, field: str = "", column: str = "", title: str = "") -> str:
    """What follows « Annuler » / « Rétablir » in Édition for a mapping change (``kind``: column, clear, constant,
    schema): a noun phrase, so the menu reads as an action (« Annuler le choix du schéma Subventions »)."""
    from PySide6.QtCore import QCoreApplication

    if kind == "column":
        return QCoreApplication.translate("Undo", "l'association de « {column} » à {field}").format(column=column, field=field)
    if kind == "constant":
        return QCoreApplication.translate("Undo", "la valeur fixe de {field}").format(field=field)
    if kind == "schema":
        return QCoreApplication.translate("Undo", "le choix du schéma {title}").format(title=title)
    return QCoreApplication.translate("Undo", "le retrait du champ {field}").format(field=field)


def push_mapping_change(session: Session, new: MappingState, text: str) -> bool:
    """Push the change from the session's mapping state to ``new`` (applied on the command's first redo);
    False when nothing changes."""
    old = session.mapping_state()
    if new.same_as(old):
        return False
    session.undo_stack.push(MappingCommand(session, old, new, text))
    return True
