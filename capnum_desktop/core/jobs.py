"""Progress and cancellation for long core functions.

A long function takes ``progress`` (a callable ``(fraction 0..1, message) -> None``) and ``cancel``
(a :class:`CancelToken`). The one UI job runner passes real ones; tests and the CLI pass nothing.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Protocol

from capnum_desktop.core.errors import Cancelled


class Progress(Protocol):
    def __call__(self, fraction: float, message: str = "") -> None: ...


def no_progress(fraction: float, message: str = "") -> None:
    """Progress sink used when nobody listens."""


class CancelToken:
    """Thread-safe flag a worker checks between chunks of rows."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` if the user asked to stop."""
        if self._event.is_set():
            raise Cancelled()


NEVER_CANCELLED = CancelToken()


def scaled(progress: Progress | None, start: float, end: float) -> Progress:
    """Map a sub-task's 0..1 onto ``start..end`` of the parent's progress."""
    sink = progress or no_progress

    def _scaled(fraction: float, message: str = "") -> None:
        sink(start + (end - start) * max(0.0, min(1.0, fraction)), message)

    return _scaled


def throttled(progress: Progress | None, interval: float = 0.1) -> Progress:
    """Forward at most one update per ``interval`` seconds (always the final 1.0)."""
    sink = progress or no_progress
    last = [0.0]

    def _throttled(fraction: float, message: str = "") -> None:
        now = time.monotonic()
        if fraction >= 1.0 or now - last[0] >= interval:
            last[0] = now
            sink(fraction, message)

    return _throttled


ProgressCallback = Callable[[float, str], None]
