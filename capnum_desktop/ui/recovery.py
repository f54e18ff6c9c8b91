"""Autosave while the user works, and resume after a crash, a kill or "keep for later".

:class:`Autosaver` listens to the session and, a moment after each change, writes the session's
:class:`~capnum_desktop.core.preparation.Preparation` as a recipe plus the current step with
``core.autosave`` (no cell value of a personal field). :func:`restore_pipeline` is the core's
:func:`~capnum_desktop.core.pipeline.replay` of that recipe up to the saved step, in the job runner;
the hand edits are then replayed by the session (so they stay undoable).
"""

from __future__ import annotations

import copy
import dataclasses
import logging
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from capnum_desktop.core import autosave
from capnum_desktop.core.io.options import ReadOptions
from capnum_desktop.core.pipeline import Replay
from capnum_desktop.core.recipe import Recipe
from capnum_desktop.ui import session as S

if TYPE_CHECKING:
    from capnum_desktop.ui.main_window import MainWindow
    from capnum_desktop.ui.session import Session

log = logging.getLogger(__name__)

SAVE_DELAY_MS = 1500


def personal_fields(session: Session) -> set[str]:
    from capnum_desktop.core.pipeline import personal_fields as flagged

    return set(flagged(session.scan))


def session_state(session: Session) -> dict[str, Any]:
    """What to write: the session's :class:`Preparation` as a recipe (never a personal value: the edits
    of personal fields keep only their place) and the step the agent is on."""
    return state_document(state_values(session))


def state_values(session: Session) -> dict[str, Any]:
    """The session's state as immutable values, taken on the UI thread at once (cheap); turned into the
    document by :func:`state_document`, which may run on another thread. Empty before a file is read."""
    preparation = session.preparation()
    if preparation is None:
        return {}
    # the plan as the agent left it, applied or not (``protected`` says which); copied, as it can still
    # change while another thread writes the document
    preparation = dataclasses.replace(preparation, plan=copy.deepcopy(session.plan))
    return {
        "path": str(session.path) if session.path else None,
        "read_options": session.read_options.to_dict() if session.read_options is not None else None,
        "schema_ref": session.schema_ref,
        "preparation": preparation,
        "protected": session.protected is not None,
        "step": session.step,
        "extra": {k: v for k, v in session.extra.items() if isinstance(v, str | int | float | bool | type(None))},
    }


def state_document(values: dict[str, Any]) -> dict[str, Any]:
    """The autosave document of :func:`state_values`: its preparation written as a recipe. A column fix
    of a million rows makes this a 24 MB document (its cells' old and new values)."""
    if not values:
        return {}
    document = dict(values)
    document["recipe"] = document.pop("preparation").to_recipe().to_dict()
    return {key: document[key] for key in ("path", "read_options", "schema_ref", "recipe", "protected", "step",
                                           "extra")}


def _write(values: dict[str, Any]) -> None:
    """Write an autosave document (runs on the autosave thread)."""
    try:
        autosave.save_state(state_document(values))
    except OSError:
        log.exception("autosave failed")


def describe_state(state: dict[str, Any]) -> str:
    """One sentence for the start screen: which file, which step."""
    from capnum_desktop.ui.pages import STEPS, step_title

    name = Path(state.get("path") or "").name or "?"
    step = int(state.get("step") or 0)
    step_name = step_title(STEPS[step]) if 0 <= step < len(STEPS) else ""
    return QCoreApplication.translate("Recovery", "Travail non terminé sur « {name} » (étape : {step}).").format(
        name=name, step=step_name)


def restore_pipeline(state: dict[str, Any], *, progress: Any = None, cancel: Any = None) -> Replay:
    """The core's replay of the saved recipe up to the saved step (runs in the job runner)."""
    from capnum_desktop.core.pipeline import STEP_ORDER, replay

    step = int(state.get("step") or 0)
    until = STEP_ORDER[min(max(step, 0), len(STEP_ORDER) - 1)]
    return replay(Recipe.from_dict(state["recipe"]), Path(state["path"]), until=until,
                  applied=bool(state.get("protected")), progress=progress, cancel=cancel)


class Autosaver(QObject):
    """Writes the session a moment after each change; knows whether the last run crashed."""

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.crashed_last_time = autosave.mark_running()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_soon)
        self._restoring = False
        # one thread writes the timer's saves, in order: after a column fix of a million rows the document
        # is 24 MB of JSON, ~1 s of writing that froze the window on the UI thread (issue 16)
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="capnum-autosave")
        self._writing: Future[None] | None = None
        session.sig_changed.connect(self._on_session_changed)

    def pending(self) -> dict[str, Any] | None:
        """Saved unfinished work whose file still exists."""
        self.flush()
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
        """Write the session's state now, on this thread (« keep for later », tests)."""
        self._timer.stop()
        self.flush()
        if self.session.source_table is None or self.session.path is None:
            return
        _write(state_values(self.session))

    def save_soon(self) -> None:
        """Take the session's state now and write it on the autosave thread (the timer's save)."""
        self._timer.stop()
        if self.session.source_table is None or self.session.path is None:
            return
        self._writing = self._writer.submit(_write, state_values(self.session))

    def flush(self) -> None:
        """Wait for the save being written, if any (before reading, clearing or replacing the file)."""
        writing, self._writing = self._writing, None
        if writing is not None:
            try:
                writing.result()
            except Exception:  # as the UI thread's save did, a failed save is logged, never fatal here
                log.exception("autosave failed")

    def discard(self) -> None:
        self._timer.stop()
        self.flush()  # a save still being written would bring the cleared state back
        autosave.clear_state()

    def clean_exit(self) -> None:
        self._timer.stop()
        self.flush()
        autosave.mark_clean_exit()

    # -- resuming -------------------------------------------------------------------------------------
    def resume(self, window: MainWindow, state: dict[str, Any] | None = None) -> bool:
        """Redo the saved work in the background, then show the saved step. False if nothing to resume."""
        state = state or self.pending()
        if state is None:
            return False
        self._restoring = True
        window.pages["open"].show_resuming(Path(state["path"]))
        window.jobs.start("open", restore_pipeline, state,
                          on_done=lambda r: self._on_restored(window, state, r),
                          on_failed=lambda e: self._on_restore_failed(window, e),
                          on_cancelled=lambda: setattr(self, "_restoring", False))
        return True

    def _on_restore_failed(self, window: MainWindow, exc: BaseException) -> None:
        self._restoring = False
        window.show_error(exc)

    def _on_restored(self, window: MainWindow, state: dict[str, Any], result: Replay) -> None:
        session = self.session
        path = Path(state["path"])
        options = ReadOptions.from_dict(state.get("read_options"))  # the agent's choices, as the page shows them
        try:
            session.set_source(path, options, result.source)
            window.pages["open"].show_loaded(path, options, result.source)
            if result.schema is not None:
                session.set_schema(result.schema, state.get("schema_ref"))
            if result.conform is not None:
                session.set_mapping(result.mapping, result.conform)
            if result.scan is not None:
                session.set_privacy(result.scan, result.plan, result.privacy_log, result.protected)
            session.extra.update(state.get("extra") or {})
            if result.edits:
                session.restore_edits(list(result.edits))
        finally:
            self._restoring = False
        target = int(state.get("step") or 0)
        for step in reversed(window.steps[: target + 1]):
            if window.reachable(step.step_id):
                window.show_step(step.step_id)
                break
        window._show_status(QCoreApplication.translate("Recovery", "Travail repris."))
        self.save_now()
