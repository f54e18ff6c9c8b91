"""preferences.write_json_atomic: the same bytes as json.dump, written with pauses for the UI thread."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

from capnum_desktop.core import preferences
from capnum_desktop.core.preferences import write_json_atomic


def test_a_big_document_is_written_as_json_dump_writes_it_with_pauses(tmp_path: Path, monkeypatch) -> None:
    """Issue 16: the GUI writes its autosave (24 MB after a column fix of a million rows) on a thread; the
    writer pauses every 5,000 pieces so the UI thread gets the GIL, and writes the bytes json.dump would."""
    document = {"edits": [{"rows": list(range(30_000)), "new": ["« é »"] * 30_000, "ok": True, "x": None}]}
    pauses: list[str] = []
    real_sleep = time.sleep

    def sleep(seconds: float) -> None:
        pauses.append(threading.current_thread().name)
        real_sleep(seconds)

    monkeypatch.setattr(preferences.time, "sleep", sleep)
    path = tmp_path / "state.json"
    write_json_atomic(path, document)
    assert path.read_text(encoding="utf-8") == json.dumps(document, ensure_ascii=False, indent=2)
    assert len(pauses) >= 10
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left
