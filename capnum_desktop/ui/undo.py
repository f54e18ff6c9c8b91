"""The one QUndoCommand of the app: it stores a core edit and its inverse, the core does the work.

Core edits (``capnum_desktop.core.edits``) apply to a Table and return the edit that undoes them; Qt
only keeps the stack. ``push_edit(session, edit)`` is how every view changes a cell or a column.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from capnum_desktop.core.edits import CellEdit, Edit

if TYPE_CHECKING:
    from capnum_desktop.ui.session import Session


class EditCommand(QUndoCommand):
    """Undoable wrapper around one core edit; consecutive edits of the same cell merge."""

    MERGE_ID = 0xCA9

    def __init__(self, session: Session, edit: Edit) -> None:
        super().__init__(edit_label(edit))
        self._session = session
        self.edit: Edit = edit
        self._inverse: Edit | None = None

    def redo(self) -> None:
        self._inverse = self._session.apply_edit(self.edit)

    def undo(self) -> None:
        if self._inverse is not None:
            self._session.revert_edit(self._inverse)

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
        self._session.merge_last_edits(self.edit)
        self.setText(edit_label(self.edit))
        return True


def edit_label(edit: Edit) -> str:
    """The text shown in Édition > Annuler …, translated where we know the kind."""
    from PySide6.QtCore import QCoreApplication

    field = edit.field
    if isinstance(edit, CellEdit):
        return QCoreApplication.translate("Undo", "modifier « {field} », ligne {row}").format(
            field=field, row=edit.row)
    return QCoreApplication.translate("Undo", "modifier la colonne « {field} »").format(field=field)


def push_edit(session: Session, edit: Edit) -> None:
    """Apply ``edit`` through the session's undo stack (so Ctrl+Z undoes it)."""
    session.undo_stack.push(EditCommand(session, edit))
