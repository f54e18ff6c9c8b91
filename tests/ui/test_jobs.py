"""The one job runner: results on the UI thread, progress, cancel, superseding, failures."""

from __future__ import annotations

import threading
import time

from capnum_desktop.core.errors import CapnumError


def slow_sum(n: int, *, progress=None, cancel=None) -> int:
    total = 0
    for i in range(n):
        time.sleep(0.005)
        total += i
        if progress is not None:
            progress((i + 1) / n, "calcul")
        if cancel is not None:
            cancel.check()
    return total


def test_result_and_progress_reach_the_ui_thread(qtbot, jobs) -> None:
    seen: list[tuple[str, float]] = []
    results: list[tuple[int, bool]] = []
    jobs.sig_progress.connect(lambda kind, f, m: seen.append((kind, f)))
    ui_thread = threading.current_thread()
    with qtbot.waitSignal(jobs.sig_finished, timeout=5000) as blocker:
        jobs.start("sum", slow_sum, 40, on_done=lambda r: results.append((r, threading.current_thread() is ui_thread)))
    assert blocker.args == ["sum", sum(range(40))]
    assert results == [(sum(range(40)), True)]
    assert seen and seen[-1] == ("sum", 1.0)
    assert len(seen) < 40  # throttled
    assert not jobs.is_running()


def test_cancel_stops_the_job_and_drops_its_result(qtbot, jobs) -> None:
    done: list[int] = []
    cancelled: list[bool] = []
    jobs.start("sum", slow_sum, 2000, on_done=done.append, on_cancelled=lambda: cancelled.append(True))
    qtbot.wait(50)
    start = time.monotonic()
    jobs.cancel("sum")
    assert jobs.wait(5000)
    assert time.monotonic() - start < 1.0  # the worker stopped at its next check
    qtbot.wait(50)
    assert done == [] and cancelled == [True]
    assert not jobs.is_running("sum")


def test_a_new_job_of_a_kind_supersedes_the_old(qtbot, jobs) -> None:
    done: list[int] = []
    jobs.start("sum", slow_sum, 400, on_done=done.append)
    with qtbot.waitSignal(jobs.sig_finished, timeout=5000):
        jobs.start("sum", slow_sum, 10, on_done=done.append)
    jobs.wait(5000)
    qtbot.wait(50)
    assert done == [sum(range(10))]


def test_failures_are_reported_not_raised(qtbot, jobs) -> None:
    def boom(*, progress=None, cancel=None):
        raise CapnumError("Le fichier est illisible.", "Réessayez.")

    with qtbot.waitSignal(jobs.sig_failed, timeout=5000) as blocker:
        jobs.start("open", boom)
    kind, exc = blocker.args
    assert kind == "open" and isinstance(exc, CapnumError) and exc.message == "Le fichier est illisible."


def test_every_job_gets_progress_and_cancel_no_signature_is_guessed(qtbot, jobs) -> None:
    with qtbot.waitSignal(jobs.sig_finished, timeout=5000) as blocker:
        jobs.start("plain", lambda a, b, *, progress, cancel: (a + b, callable(progress), cancel.cancelled), 2, 3)
    assert blocker.args == ["plain", (5, True, False)]
    with qtbot.waitSignal(jobs.sig_failed, timeout=5000) as failed:
        jobs.start("plain", lambda a, b: a + b, 2, 3)  # breaks the contract: said, never silently adapted
    assert isinstance(failed.args[1], TypeError)


def test_progress_panel_shows_only_for_long_jobs_and_cancels(qtbot, jobs) -> None:
    from capnum_desktop.ui.widgets.progress_panel import SHOW_DELAY_MS, ProgressPanel

    panel = ProgressPanel(jobs)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(jobs.sig_finished, timeout=5000):
        jobs.start("plain", lambda **_: 1)
    qtbot.wait(SHOW_DELAY_MS + 100)
    assert not panel.isVisible()
    jobs.start("validate", slow_sum, 5000)
    qtbot.waitUntil(panel.isVisible, timeout=3000)
    assert "Vérification" in panel.label.text()
    with qtbot.waitSignal(jobs.sig_cancelled, timeout=3000):
        panel.cancel_button.click()
    assert not panel.isVisible()
