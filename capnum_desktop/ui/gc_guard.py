"""Python's cyclic garbage collector runs on the UI thread only.

Why: the collector runs in whichever thread allocates when a threshold is crossed. When that is a
job's worker thread, it may free a reference cycle that holds a Qt object (a widget of a page rebuilt
after a language change, a dialog and the lambda connected to its signal); the object's C++
destructor then runs on the wrong thread and Qt crashes ("Fatal Python error: Segmentation fault …
Garbage-collecting" in a worker, seen once in a full test run). So automatic collection is turned off
and a timer on the UI thread does the same work: every half second, a collection of the oldest
generation whose threshold is crossed. Reference counting, which frees almost everything, is unchanged.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class MainThreadCollector(QObject):
    """Owns the timer; :func:`install` makes one for the application."""

    def __init__(self, parent: QObject, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.collections = 0
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_due)
        gc.disable()
        self._timer.start()

    def collect_due(self) -> int | None:
        """Collect the oldest generation whose count passed its threshold; return it (None: nothing due)."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        for generation in (2, 1, 0):
            if counts[generation] > thresholds[generation]:
                gc.collect(generation)
                self.collections += 1
                return generation
        return None

    def stop(self) -> None:
        """Back to automatic collection (tests, application exit)."""
        self._timer.stop()
        gc.enable()


_installed: list[MainThreadCollector] = []


def install(app: QObject) -> MainThreadCollector:
    """Start collecting on the UI thread of ``app`` (once per application)."""
    if not _installed:
        _installed.append(MainThreadCollector(app))
        app.destroyed.connect(lambda *_: gc.enable())
    return _installed[0]


_frozen: list[bool] = []


def freeze_startup_heap() -> bool:
    """Leave the objects made while the application started out of every later collection (once per
    process; True the first time).

    Why (issue 16): the modules, classes and functions imported at start-up (PySide6, pandas, pyarrow,
    the core: ~130,000 objects) live as long as the application, but the first collection of the UI
    thread scanned them all, ~90 ms in which the window froze, typically while the first file opened.
    ``gc.freeze`` moves them to the collector's permanent generation at no cost (nothing is collected or
    freed here, so no Qt object is destroyed). The price: a reference cycle among these objects that
    becomes garbage later is never freed; they are the modules and the first main window.
    """
    if _frozen:
        return False
    _frozen.append(True)
    gc.freeze()
    return True
