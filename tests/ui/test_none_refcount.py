"""The Qt binding must not lose references to ``None``.

PySide6 6.12.0 on Python 3.11 (where ``None`` is not immortal) takes one reference to ``None`` away on every
call that returns nothing (``setText``, ``update``…): after a few thousand such calls the interpreter aborts
with « Fatal Python error: none_dealloc » — the window vanishes mid-work (seen as a crash of « Tout
remplacer » at 1M rows). pyproject.toml keeps PySide6 below 6.12; this test fails if a release with the
fault comes back in (on Python 3.12+ ``None`` is immortal and the count does not move either way).
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_calls_that_return_nothing_keep_none_alive(qtbot) -> None:
    label = QLabel("x")
    qtbot.addWidget(label)
    label.setText("y")  # warm up any cache the first call fills
    before = sys.getrefcount(None)
    for _ in range(500):
        label.setText("y")
        label.update()
    lost = before - sys.getrefcount(None)
    assert lost < 50, f"{lost} references to None lost in 1,000 calls: this PySide6 release would abort the app"
