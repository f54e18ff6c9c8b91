"""Reference cycles are collected by a timer on the UI thread, not by whichever thread allocates."""

from __future__ import annotations

import gc
import threading

from capnum_desktop.ui import gc_guard

freed_on: list[str] = []


class Node:
    """A reference cycle: only the collector frees it."""

    def __init__(self) -> None:
        self.me = self


class Watched(Node):
    """A cycle that says on which thread it was freed."""

    def __del__(self) -> None:
        freed_on.append(threading.current_thread().name)


def test_automatic_collection_is_off_and_the_timer_collects(qtbot, qapp) -> None:
    collector = gc_guard.install(qapp)
    assert collector is gc_guard.install(qapp)  # one per application
    assert not gc.isenabled()
    freed_on.clear()

    def make_cycles() -> None:  # a worker allocating: no collection may run here
        Watched()
        for _ in range(5000):
            Node()

    worker = threading.Thread(target=make_cycles, name="worker")
    worker.start()
    worker.join()
    assert freed_on == []
    before = collector.collections
    qtbot.waitUntil(lambda: bool(freed_on), timeout=5000)
    assert freed_on == [threading.main_thread().name]
    assert collector.collections > before


def test_the_startup_heap_is_frozen_once_and_new_cycles_are_still_collected(monkeypatch) -> None:
    """Issue 16: the objects made at start-up (modules, classes: ~130,000) are left out of later collections,
    which otherwise scanned them on the UI thread (~90 ms, typically while the first file opened)."""
    monkeypatch.setattr(gc_guard, "_frozen", [])
    module_object = gc_guard.install
    assert gc_guard.freeze_startup_heap() and gc.get_freeze_count() > 0
    assert not gc_guard.freeze_startup_heap()  # once per process
    assert not any(o is module_object for o in gc.get_objects())  # frozen: no collection sees it
    freed_on.clear()
    Watched()  # made after the freeze: collected as before
    gc.collect()
    assert freed_on == [threading.current_thread().name]
