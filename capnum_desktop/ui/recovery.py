"""Autosave while the user works, and resume after a crash, a kill or "keep for later".

:class:`Autosaver` listens to the session and, a moment after each change, writes the recipe-like
state with ``core.autosave`` (no cell value of a personal field). :func:`restore_pipeline` replays that
state with core functions in the job runner: read the file, load the schema, conform with the saved
mapping, apply the saved privacy plan; the hand edits are then replayed by the session.
"""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from capnum_desktop.core import autosave
from capnum_desktop.core.edits import edit_from_dict
from capnum_desktop.core.jobs import scaled
from capnum_desktop.ui import session as S

if TYPE_CHECKING:
    from capnum_desktop.ui.main_window import MainWindow
    from capnum_desktop.ui.session import Session

log = logging.getLogger(__name__)

SAVE_DELAY_MS = 1500


def _to_dict(value: Any) -> Any:
    return value.to_dict() if value is not None and hasattr(value, "to_dict") else None


def personal_fields(session: Session) -> set[str]:
    from capnum_desktop.core.pipeline import personal_fields as flagged

    return set(flagged(session.scan))


def session_state(session: Session) -> dict[str, Any]:
    """What to write: enough to redo the work, never a personal value."""
    personal = personal_fields(session)
    edits = []
    for edit in session.edits:
        if edit.field in personal and not edit.personal:
            edit = dataclasses.replace(edit, personal=True)
        edits.append(edit.to_dict())
    return {
        "path": str(session.path) if session.path else None,
        "read_options": _to_dict(session.read_options),
        "schema_ref": session.schema_ref,
        "mapping": _to_dict(session.mapping),
        "plan": _to_dict(session.plan),
        "protected": session.protected is not None,
        "edits": edits,
        "step": session.step,
        "extra": {k: v for k, v in session.extra.items() if isinstance(v, str | int | float | bool | type(None))},
    }


def describe_state(state: dict[str, Any]) -> str:
    """One sentence for the start screen: which file, which step."""
    from capnum_desktop.ui.pages import STEPS, step_title

    name = Path(state.get("path") or "").name or "?"
    step = int(state.get("step") or 0)
    step_name = step_title(STEPS[step]) if 0 <= step < len(STEPS) else ""
    return QCoreApplication.translate("Recovery", "Travail non terminé sur « {name} » (étape : {step}).").format(
        name=name, step=step_name)


def restore_pipeline(state: dict[str, Any], *, progress: Any = None, cancel: Any = None) -> dict[str, Any]:
    """Redo the saved steps with core functions (runs in the job runner). Stops at the first step that
    cannot be redone and says which in ``result["stopped"]``."""
    from capnum_desktop.core.io import ReadOptions, read_table

    result: dict[str, Any] = {"stopped": None}
    path = Path(state["path"])
    options = ReadOptions.from_dict(state.get("read_options"))
    result["path"], result["options"] = path, options
    result["table"] = read_table(path, options, progress=scaled(progress, 0.0, 0.5), cancel=cancel)
    if not state.get("schema_ref") or not state.get("mapping"):
        return result
    try:
        from capnum_desktop.core.schemas import Mapping, conform, load_schema

        schema = load_schema(state["schema_ref"])
        mapping = Mapping.from_dict(state["mapping"])
        result["schema"], result["mapping"] = schema, mapping
        result["conform"] = conform(result["table"], schema, mapping, progress=scaled(progress, 0.5, 0.8),
                                    cancel=cancel)
    except Exception:  # resume what can be resumed, say where it stopped
        log.exception("resume stopped at the mapping step")
        result["stopped"] = "map"
        return result
    if not state.get("plan"):
        return result
    try:
        from capnum_desktop.core import privacy

        table = result["conform"].table
        scan = privacy.scan_table(table, progress=scaled(progress, 0.8, 0.9), cancel=cancel)
        plan = privacy.PrivacyPlan.from_dict(state["plan"])
        result["scan"], result["plan"] = scan, plan
        if state.get("protected"):
            protected, privacy_log = privacy.apply_plan(table, plan, progress=scaled(progress, 0.9, 1.0),
                                                        cancel=cancel)
            result["protected"], result["privacy_log"] = protected, privacy_log
    except Exception:  # resume what can be resumed, say where it stopped
        log.exception("resume stopped at the privacy step")
        result["stopped"] = "protect"
    return result


class Autosaver(QObject):
    """Writes the session a moment after each change; knows whether the last run crashed."""

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.crashed_last_time = autosave.mark_running()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)
        self._restoring = False
        session.sig_changed.connect(self._on_session_changed)

    def pending(self) -> dict[str, Any] | None:
        """Saved unfinished work whose file still exists."""
        state = autosave.load_state()
        if state and state.get("path") and Path(state["path"]).exists():
            return state
        return None

    def _on_session_changed(self, what: str) -> None:
        if self._restoring or self.session.source_table is None:
            return
        if what in (S.SOURCE, S.MAPPING, S.PRIVACY, S.EDITS, S.STEP, S.EXPORT, S.SCHEMA):
            self._timer.start()

    def save_now(self) -> None:
        self._timer.stop()
        if self.session.source_table is None or self.session.path is None:
            return
        try:
            autosave.save_state(session_state(self.session))
        except OSError:
            log.exception("autosave failed")

    def discard(self) -> None:
        self._timer.stop()
        autosave.clear_state()

    def clean_exit(self) -> None:
        self._timer.stop()
        autosave.mark_clean_exit()

    # -- resuming -------------------------------------------------------------------------------------
    def resume(self, window: MainWindow, state: dict[str, Any] | None = None) -> bool:
        """Redo the saved work in the background, then show the saved step. False if nothing to resume."""
        state = state or self.pending()
        if state is None:
            return False
        self._restoring = True
        open_page = window.pages.get("open")
        if open_page is not None and hasattr(open_page, "show_resuming"):
            open_page.show_resuming(Path(state["path"]))
        window.jobs.start("open", restore_pipeline, state,
                          on_done=lambda r: self._on_restored(window, state, r),
                          on_failed=lambda e: self._on_restore_failed(window, e),
                          on_cancelled=lambda: setattr(self, "_restoring", False))
        return True

    def _on_restore_failed(self, window: MainWindow, exc: BaseException) -> None:
        self._restoring = False
        window.show_error(exc)

    def _on_restored(self, window: MainWindow, state: dict[str, Any], result: dict[str, Any]) -> None:
        session = self.session
        try:
            session.set_source(result["path"], result["options"], result["table"])
            open_page = window.pages.get("open")
            if open_page is not None and hasattr(open_page, "show_loaded"):
                open_page.show_loaded(result["path"], result["options"], result["table"])
            if "schema" in result:
                session.set_schema(result["schema"], state.get("schema_ref"))
            if "conform" in result:
                session.set_mapping(result["mapping"], result["conform"])
            if "scan" in result:
                session.set_privacy(result["scan"], result["plan"], result.get("privacy_log"),
                                    result.get("protected"))
            session.extra.update(state.get("extra") or {})
            edits = []
            for data in state.get("edits") or []:
                try:
                    edits.append(edit_from_dict(data))
                except Exception:  # a bad saved edit must not block the rest
                    log.warning("a saved edit could not be read")
            if edits:
                session.restore_edits(edits)
        finally:
            self._restoring = False
        target = int(state.get("step") or 0)
        for step in reversed(window.steps[: target + 1]):
            if window.reachable(step.step_id):
                window.show_step(step.step_id)
                break
        window._show_status(QCoreApplication.translate("Recovery", "Travail repris."))
        self.save_now()
