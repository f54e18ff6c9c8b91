"""``capnum prepare`` / ``apply`` collect garbage less often while they run, and leave the collector as
they found it (issue 18): a caller running the command in its own process (these tests) keeps its settings."""

from __future__ import annotations

import gc

import pytest

from capnum_desktop.cli.prepare import GC_YOUNG_THRESHOLD, lighter_gc


def test_lighter_gc_raises_the_young_threshold_and_freezes_then_restores() -> None:
    before = gc.get_threshold()
    frozen_before = gc.get_freeze_count()
    alive = [[i] for i in range(1000)]  # containers alive when the command starts
    with lighter_gc():
        assert gc.get_threshold()[0] == max(before[0], GC_YOUNG_THRESHOLD)
        assert gc.get_threshold()[1:] == before[1:]
        assert gc.get_freeze_count() >= frozen_before + len(alive)
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_lighter_gc_restores_after_an_error() -> None:
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), lighter_gc():
        raise RuntimeError("boom")
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
