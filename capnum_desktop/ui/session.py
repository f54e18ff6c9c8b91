"""The state of the work in progress, owned by the GUI: one Session per window.

The session holds what each pipeline step produced (the table as read, the schema and mapping, the
conformed table, the privacy scan/plan/result, the hand edits, the validation report, the export
options and result) and the undo stack. Pages read it and call its setters; every change is announced
once with ``sig_changed(what)`` so views refresh only what changed. Data logic stays in the core: the
session only stores values and replays hand edits (core commands) on the newest table.
"""

from __future__ import annotations

import logging
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


class Session(QObject):
    """Current state of one preparation + its QUndoStack."""

    sig_changed = Signal(str)
    """Emitted with what changed (one of the module constants SOURCE, MAPPING, ...)."""
    sig_cells_changed = Signal(object)
    """Emitted with (field, source rows or None for the whole column) after a hand edit, undo or redo."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.mapping_target: Any = None
        """The Associer page that applies mapping undo steps: the newest one (a language change
        rebuilds the pages while the undo stack, and its commands, stay)."""
        self._reset_state()

    def _reset_state(self) -> None:
        self.path: Path | None = None
        self.read_options: Any = None
        self.source_table: Table | None = None
        self.schema: Any = None
        self.schema_ref: str | None = None  # catalogue id or file path, to reload it
        self.mapping: Any = None
        self.conform_result: Any = None
        self.conformed: Table | None = None
        self.scan: Any = None
        self.plan: Any = None
        self.privacy_log: Any = None
        self.protected: Table | None = None
        self.report: Any = None
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

    def set_mapping(self, mapping: Any, conform_result: Any = None) -> None:
        """A new mapping and its conformed table; the privacy step and the report must be redone."""
        self.mapping = mapping
        self.conform_result = conform_result
        self.conformed = getattr(conform_result, "table", None) if conform_result is not None else None
        self.scan = self.plan = self.privacy_log = self.protected = None
        self.report = None
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
            self.report = None
        self._touch()
        if replaced:
            self._rebuild_table()
        self.sig_changed.emit(PRIVACY)
        if replaced:
            self.sig_changed.emit(TABLE)

    def set_report(self, report: Any) -> None:
        self.report = report
        self.sig_changed.emit(REPORT)

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
