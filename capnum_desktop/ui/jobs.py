"""The one background job runner of the GUI: runs core functions off the UI thread.

Every long task (reading, conforming, scanning, validating, exporting) is a plain core function that
takes ``progress=`` and ``cancel=``; :class:`JobRunner` runs it on a thread pool, throttles its
progress, and reports back on the UI thread through signals. Starting a job of a kind cancels and
forgets the previous job of that kind, so a stale result never reaches the screen. A job never
touches a widget: it only returns a value.
"""

from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from capnum_desktop.core.errors import Cancelled
from capnum_desktop.core.jobs import CancelToken

log = logging.getLogger(__name__)

PROGRESS_INTERVAL = 0.1  # seconds between two progress updates sent to the UI


class _JobSignals(QObject):
    """Signals of one job; created on the UI thread so emissions from the worker are queued."""

    progress = Signal(int, float, str)
    finished = Signal(int, object)
    failed = Signal(int, object)
    cancelled = Signal(int)


@dataclass
class Job:
    """A running or finished job, as the UI sees it."""

    kind: str
    job_id: int
    token: CancelToken
    started: float = field(default_factory=time.monotonic)
    on_done: Callable[[Any], None] | None = None
    on_failed: Callable[[BaseException], None] | None = None
    on_cancelled: Callable[[], None] | None = None
    done: bool = False

    def cancel(self) -> None:
        self.token.cancel()


class _Runnable(QRunnable):
    def __init__(self, job: Job, signals: _JobSignals, fn: Callable[..., Any], args: tuple[Any, ...],
                 kwargs: dict[str, Any]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._job = job
        self._signals = signals
        self._fn = fn
        self._args = args
        self._kwargs = kwargs
        self._last = 0.0

    def _progress(self, fraction: float, message: str = "") -> None:
        self._job.token.check()
        now = time.monotonic()
        if fraction >= 1.0 or now - self._last >= PROGRESS_INTERVAL:
            self._last = now
            self._signals.progress.emit(self._job.job_id, float(fraction), str(message or ""))

    def run(self) -> None:
        job, signals = self._job, self._signals
        kwargs = {"progress": self._progress, "cancel": job.token, **self._kwargs}
        try:
            result = self._fn(*self._args, **kwargs)
        except Cancelled:
            signals.cancelled.emit(job.job_id)
        except BaseException as exc:
            if job.token.cancelled:
                signals.cancelled.emit(job.job_id)
            else:
                signals.failed.emit(job.job_id, exc)
        else:
            if job.token.cancelled:
                signals.cancelled.emit(job.job_id)
            else:
                signals.finished.emit(job.job_id, result)


class JobRunner(QObject):
    """Runs core functions in the background, one current job per kind.

    ``start("open", read_table, path, on_done=...)`` returns the :class:`Job`. Callbacks and signals
    fire on the UI thread, only for the current job of its kind.
    """

    sig_started = Signal(str)
    """Emitted with the kind when a job starts."""
    sig_progress = Signal(str, float, str)
    """Emitted with (kind, fraction 0..1, message) at most ten times a second."""
    sig_finished = Signal(str, object)
    """Emitted with (kind, result) when the current job of a kind completes."""
    sig_failed = Signal(str, object)
    """Emitted with (kind, exception) when the current job of a kind raised."""
    sig_cancelled = Signal(str)
    """Emitted with the kind when the current job of a kind was cancelled."""
    sig_idle_changed = Signal(bool)
    """Emitted with True when no job runs any more, False when the first one starts."""

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._ids = itertools.count(1)
        self._current: dict[str, Job] = {}
        self._signals: dict[int, _JobSignals] = {}
        self._jobs: dict[int, Job] = {}

    # -- starting / stopping -------------------------------------------------------------------
    def start(
        self,
        kind: str,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_failed: Callable[[BaseException], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        **kwargs: Any,
    ) -> Job:
        """Run ``fn(*args, progress=..., cancel=..., **kwargs)`` in the background; supersede the old job.

        ``fn`` is a core function of the long-work contract: it takes the keywords ``progress`` and
        ``cancel`` (see :mod:`capnum_desktop.core.jobs`); one that does not fails like any other error."""
        self.cancel(kind)
        was_idle = not self._current
        job = Job(kind, next(self._ids), CancelToken(), on_done=on_done, on_failed=on_failed,
                  on_cancelled=on_cancelled)
        signals = _JobSignals()
        signals.progress.connect(self._on_job_progress)
        signals.finished.connect(self._on_job_finished)
        signals.failed.connect(self._on_job_failed)
        signals.cancelled.connect(self._on_job_cancelled)
        self._current[kind] = job
        self._jobs[job.job_id] = job
        self._signals[job.job_id] = signals
        self._pool.start(_Runnable(job, signals, fn, args, kwargs))
        self.sig_started.emit(kind)
        if was_idle:
            self.sig_idle_changed.emit(False)
        return job

    def cancel(self, kind: str | None = None) -> None:
        """Cancel the current job of ``kind`` (every job when None); its result will be ignored."""
        kinds = list(self._current) if kind is None else [kind]
        for k in kinds:
            job = self._current.pop(k, None)
            if job is not None:
                job.cancel()
                self.sig_cancelled.emit(k)
                if job.on_cancelled is not None:
                    job.on_cancelled()
        if kinds and not self._current:
            self.sig_idle_changed.emit(True)

    def is_running(self, kind: str | None = None) -> bool:
        return bool(self._current) if kind is None else kind in self._current

    def running_kinds(self) -> list[str]:
        return list(self._current)

    def wait(self, msecs: int = 30000) -> bool:
        """Block until every worker thread is done (tests and shutdown only)."""
        return self._pool.waitForDone(msecs)

    def shutdown(self, msecs: int = 5000) -> None:
        self.cancel()
        self._pool.waitForDone(msecs)

    # -- results, on the UI thread ------------------------------------------------------------
    def _job_for(self, job_id: int) -> Job | None:
        job = self._jobs.get(job_id)
        if job is None or self._current.get(job.kind) is not job:
            return None  # superseded or cancelled: forget it
        return job

    def _forget(self, job_id: int) -> None:
        job = self._jobs.pop(job_id, None)
        signals = self._signals.pop(job_id, None)
        if signals is not None:
            signals.deleteLater()
        if job is not None and self._current.get(job.kind) is job:
            del self._current[job.kind]
            if not self._current:
                self.sig_idle_changed.emit(True)

    @Slot(int, float, str)
    def _on_job_progress(self, job_id: int, fraction: float, message: str) -> None:
        job = self._job_for(job_id)
        if job is not None:
            self.sig_progress.emit(job.kind, fraction, message)

    @Slot(int, object)
    def _on_job_finished(self, job_id: int, result: object) -> None:
        job = self._job_for(job_id)
        self._forget(job_id)
        if job is None:
            return
        log.info("job %s finished in %.2f s", job.kind, time.monotonic() - job.started)
        if job.on_done is not None:
            job.on_done(result)
        self.sig_finished.emit(job.kind, result)

    @Slot(int, object)
    def _on_job_failed(self, job_id: int, exc: object) -> None:
        job = self._job_for(job_id)
        self._forget(job_id)
        if job is None:
            return
        log.info("job %s failed: %s", job.kind, type(exc).__name__)
        if job.on_failed is not None:
            job.on_failed(exc)  # type: ignore[arg-type]
        self.sig_failed.emit(job.kind, exc)

    @Slot(int)
    def _on_job_cancelled(self, job_id: int) -> None:
        job = self._job_for(job_id)
        self._forget(job_id)
        if job is None:
            return
        if job.on_cancelled is not None:
            job.on_cancelled()
        self.sig_cancelled.emit(job.kind)
