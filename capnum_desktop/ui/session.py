"""The state of the work in progress, owned by the GUI: one Session per window.

The session holds what each pipeline step produced (the table as read, the schema and mapping, the
conformed table, the privacy scan/plan/result, the hand edits, the validation report, the export
options and result) and the undo stack. Pages read it and call its setters; every change is announced
once with ``sig_changed(what)`` so views refresh only what changed. Data logic stays in the core: the
session only stores values and replays hand edits (core commands) on the newest table.

The session alone holds each step's state: a page rebuilt (language change) shows it again from here.
The Map step's choice (schema + mapping, :class:`MappingState`) is set by ``set_mapping_state`` (called by
``ui.undo.MappingCommand``, for a change and for its undo); the Associer page observes it and runs the
conversion, whose result ``set_mapping`` records with the mapping it was made from.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from capnum_desktop.core.edits import Edit, EditError, PreparedEdit, apply_edit, apply_edits, touched
from capnum_desktop.core.export import ExportOptions
from capnum_desktop.core.pipeline import personal_fields
from capnum_desktop.core.preparation import Preparation
from capnum_desktop.core.table import Table

log = logging.getLogger(__name__)

# What sig_changed can carry.
SOURCE = "source"  # a new file / read options / table as read (everything after is reset)
SCHEMA = "schema"
MAPPING = "mapping"  # mapping and conformed table
PRIVACY = "privacy"  # scan, plan, protected table
EDITS = "edits"  # a hand edit, undo or redo (see sig_cells_changed for which cells)
REPORT = "report"
EXPORT = "export"
TABLE = "table"  # the working table (what the grid shows) was replaced
STEP = "step"

STEPS = ("open", "map", "protect", "verify", "export")


@dataclass(frozen=True)
class MappingState:
    """The Map step's choice: the schema, how to reload it (for autosave) and the mapping (which may not
    be converted yet). One undo step on the Associer page goes from one state to another."""

    schema: Any = None
    schema_ref: str | None = None
    mapping: Any = None

    def same_as(self, other: MappingState) -> bool:
        """Same schema (same object, or same descriptor from the same place) and equal mapping."""
        return (same_schema(self.schema, other.schema) and self.schema_ref == other.schema_ref
                and self.mapping == other.mapping)


def same_schema(a: Any, b: Any) -> bool:
    """Schemas compare by content: choosing the catalogue entry already in use loads an equal copy."""
    if a is b:
        return True
    if a is None or b is None:
        return False
    return (getattr(a, "source", None), getattr(a, "descriptor", None)) == \
        (getattr(b, "source", None), getattr(b, "descriptor", None))


class Session(QObject):
    """Current state of one preparation + its QUndoStack."""

    sig_changed = Signal(str)
    """Emitted with what changed (one of the module constants SOURCE, MAPPING, ...)."""
    sig_cells_changed = Signal(object)
    """Emitted with (field, source rows or None for the whole column) after a hand edit, undo or redo."""
    sig_step_requested = Signal(str)
    """An undo or redo changed this step's state from elsewhere: the window shows the step."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self._reset_state()

    def _reset_state(self) -> None:
        self.path: Path | None = None
        self.read_options: Any = None
        self.source_table: Table | None = None
        self.schema: Any = None
        self.schema_ref: str | None = None  # catalogue id or file path, to reload it
        self.mapping: Any = None  # the mapping chosen (Associer shows it; it may not be converted yet)
        self.conform_result: Any = None
        self.conformed: Table | None = None
        self.conformed_mapping: Any = None  # the mapping conform_result was made from
        self.scan: Any = None
        self.plan: Any = None
        # (scan, the plan made for it in the scan's job): the cards' « proposé » marks, kept here so that a page
        # rebuilt after a language switch does not make the plan again on the UI thread
        self.proposed_plan: tuple[Any, Any] | None = None
        self.privacy_log: Any = None
        self.protected: Table | None = None
        self.report: Any = None
        self.report_table: Table | None = None  # the table the report describes (Vérifier re-checks otherwise)
        self.report_marks: Mapping[tuple[int, str], tuple[str, str]] = {}  # the report's grid marks, made once
        self.export_options: Any = None
        self.export_result: Any = None
        self.step: int = 0
        self.extra: dict[str, Any] = {}  # page-specific state worth keeping (e.g. chosen k)
        self._edit_log: list[Edit] = []  # hand edits applied, in order (= the undo stack's done part)
        self._table: Table | None = None
        self.modified_since_export = False

    # -- reading --------------------------------------------------------------------------------
    @property
    def table(self) -> Table | None:
        """The working table (latest step's result + hand edits): what the grid shows and edits."""
        return self._table

    def base_table(self) -> Table | None:
        """The latest step's result, before hand edits."""
        for table in (self.protected, self.conformed, self.source_table):
            if table is not None:
                return table
        return None

    @property
    def edits(self) -> list[Edit]:
        """Hand edits applied so far, in order (core ``CellEdit``/``ColumnEdit``/``CellsPatch``)."""
        return list(self._edit_log)

    def step_done(self, step: str) -> bool:
        """Whether a step has produced its result (for the navigation)."""
        return {
            "open": self.source_table is not None,
            "map": self.conformed is not None,
            "protect": self.protected is not None,
            "verify": self.report is not None,
            "export": self.export_result is not None,
        }[step]

    def preparation(self, export_options: ExportOptions | None = None) -> Preparation | None:
        """Every choice made so far, as the core's one value (what the export, the recipe and the
        autosave record); None before a file is read. The plan is there once applied (Protéger)."""
        if self.source_table is None:
            return None
        applied = self.protected is not None
        return Preparation.of_table(
            self.source_table, self.schema, chosen=self.read_options, mapping=self.mapping,
            plan=self.plan if applied else None, personal_fields=personal_fields(self.scan),
            edits=tuple(self._edit_log),
            export_options=export_options or self.export_options or ExportOptions())

    def processing_report(self, preparation: Preparation, *, user: str = "") -> dict[str, Any] | None:
        """The Protect step's report when it was applied (None otherwise)."""
        if self.scan is None or self.privacy_log is None or self.protected is None:
            return None
        return preparation.processing_report(self.scan, self.privacy_log, user=user, source=self.source_table)

    def has_unsaved_work(self) -> bool:
        """True when work was done on the open file (mapping, protection, edits) since the last export;
        a file only opened is no work to lose."""
        return self.source_table is not None and self.modified_since_export

    # -- setters, one per step; each resets what depends on it ----------------------------------
    def set_source(self, path: Path | str | None, options: Any, table: Table | None) -> None:
        """A newly read file: everything after it is reset, and so is the undo history."""
        self._reset_state()
        self.undo_stack.clear()
        self.path = Path(path) if path is not None else None
        self.read_options = options
        self.source_table = table
        self._rebuild_table()
        self.sig_changed.emit(SOURCE)
        self.sig_changed.emit(TABLE)

    def set_schema(self, schema: Any, ref: str | None = None) -> None:
        self.schema = schema
        self.schema_ref = ref
        self.sig_changed.emit(SCHEMA)

    def mapping_state(self) -> MappingState:
        """The Map step's choice as it stands (a mapping only with a schema)."""
        return MappingState(self.schema, self.schema_ref, self.mapping if self.schema is not None else None)

    def mapping_pending(self) -> bool:
        """A mapping is chosen that the conformed table does not follow yet (its conversion is due)."""
        return self.schema is not None and self.mapping is not None and self.mapping is not self.conformed_mapping

    def set_mapping_state(self, state: MappingState) -> None:
        """Choose a schema and mapping (a change on Associer, or its undo/redo). The conversion is the
        Associer page's job (it observes MAPPING and calls ``set_mapping`` when done); until then the
        steps after keep what they had, so going back to the converted mapping costs nothing. No schema
        or no mapping: back to the table as read."""
        schema_changed = state.schema is not self.schema or state.schema_ref != self.schema_ref
        if schema_changed:
            self.schema, self.schema_ref = state.schema, state.schema_ref
        if state.schema is None or state.mapping is None:
            if schema_changed:
                self.sig_changed.emit(SCHEMA)
            self.set_mapping(None, None)
            return
        if state.mapping == self.conformed_mapping and not schema_changed:
            self.mapping = self.conformed_mapping  # the converted mapping again (undone before its conversion ran)
        else:
            self.mapping = state.mapping
        self._touch()
        if schema_changed:
            self.sig_changed.emit(SCHEMA)
        self.sig_changed.emit(MAPPING)

    def set_mapping(self, mapping: Any, conform_result: Any = None) -> None:
        """A mapping and its conformed table (the conversion is done); the privacy step and the report must
        be redone."""
        self.mapping = mapping
        self.conformed_mapping = mapping if conform_result is not None else None
        self.conform_result = conform_result
        self.conformed = getattr(conform_result, "table", None) if conform_result is not None else None
        self.scan = self.plan = self.privacy_log = self.protected = None
        self._drop_report()
        self._touch()
        self._rebuild_table()
        self.sig_changed.emit(MAPPING)
        self.sig_changed.emit(TABLE)

    def set_privacy(self, scan: Any, plan: Any = None, privacy_log: Any = None, protected: Table | None = None) -> None:
        """The privacy scan, the decisions and (once applied) the protected table."""
        self.scan = scan
        self.plan = plan
        self.privacy_log = privacy_log
        replaced = protected is not self.protected
        self.protected = protected
        if replaced:
            self._drop_report()
        self._touch()
        if replaced:
            self._rebuild_table()
        self.sig_changed.emit(PRIVACY)
        if replaced:
            self.sig_changed.emit(TABLE)

    def set_report(self, report: Any, table: Table | None = None,
                   marks: Mapping[tuple[int, str], tuple[str, str]] | None = None) -> None:
        """The validation report, the table it describes and its grid marks (kept here so a rebuilt
        Vérifier page shows them without checking again)."""
        self.report = report
        self.report_table = table if report is not None else None
        self.report_marks = marks if report is not None and marks is not None else {}
        self.sig_changed.emit(REPORT)

    def _drop_report(self) -> None:
        self.report = None
        self.report_table = None
        self.report_marks = {}

    def set_export(self, options: Any, result: Any = None) -> None:
        self.export_options = options
        self.export_result = result
        if result is not None:
            self.modified_since_export = False
        self.sig_changed.emit(EXPORT)

    def set_step(self, step: int) -> None:
        if step != self.step:
            self.step = step
            self.sig_changed.emit(STEP)

    def _touch(self) -> None:
        self.modified_since_export = True

    # -- hand edits (called by ui.undo.EditCommand) -----------------------------------------------
    def apply_edit(self, edit: Edit, prepared: PreparedEdit | None = None) -> Edit:
        """Apply one core edit to the working table and record it; return its inverse (for undo).
        ``prepared`` (computed off the UI thread) is used when it was made from the current table."""
        inverse = self._apply(edit, prepared)
        self._edit_log.append(edit)
        return inverse

    def revert_edit(self, inverse: Edit, prepared: PreparedEdit | None = None) -> Edit:
        """Undo the latest recorded edit by applying its inverse; return the edit that redoes it."""
        redo = self._apply(inverse, prepared)
        if self._edit_log:
            self._edit_log.pop()
        return redo

    def merge_last_edits(self, merged: Edit) -> None:
        """Two consecutive edits of one cell became one undo step: record them as one."""
        if len(self._edit_log) >= 2:
            del self._edit_log[-2:]
            self._edit_log.append(merged)

    def _apply(self, edit: Edit, prepared: PreparedEdit | None = None) -> Edit:
        if self._table is None:
            raise EditError("Aucun tableau n'est ouvert.", "Ouvrez un fichier avant de le corriger.")
        if prepared is not None and prepared.edit is edit and prepared.before is self._table:
            table, inverse = prepared.after, prepared.inverse  # a swap: the work was done off the UI thread
        else:
            table, inverse = apply_edit(self._table, edit)
        self._table = table
        self._touch()
        self.sig_cells_changed.emit(touched(edit))
        self.sig_changed.emit(EDITS)
        return inverse

    def _rebuild_table(self) -> None:
        """Working table = latest step's result + the hand edits still applicable to it."""
        base = self.base_table()
        if base is None or not self._edit_log:
            self._table = base
            return
        self._table = apply_edits(base, self._edit_log, check_old=False).table

    def restore_edits(self, edits: list[Edit]) -> None:
        """Put back saved hand edits (autosave recovery) and replay them on the working table."""
        self._edit_log = list(edits)
        self._rebuild_table()
        self.sig_changed.emit(EDITS)
        self.sig_changed.emit(TABLE)

    def clear(self) -> None:
        """Close the file."""
        self._reset_state()
        self.undo_stack.clear()
        self.sig_changed.emit(SOURCE)
        self.sig_changed.emit(TABLE)
