"""Autosave of the work in progress, and knowing whether the last run ended cleanly. No Qt.

The autosave is a small JSON document (the preparation's recipe: read options, schema, mapping,
privacy decisions, hand edits; the read options the agent chose; the current step) written atomically to ``paths.autosave_dir()``. It never holds a cell value
of a personal field: the GUI passes edits through ``CellEdit.to_dict`` with ``personal=True`` for
those. A "running" marker holding the process id is written at start and removed at a clean exit; if
it is still there at the next start and its process is gone, the last run crashed or was killed.
"""

from __future__ import annotations

import json
import logging
import os
import time
from pathlib import Path
from typing import Any

from capnum_desktop import paths
from capnum_desktop.core.preferences import write_json_atomic

log = logging.getLogger(__name__)

AUTOSAVE_VERSION = 2  # 2: the state holds the preparation's recipe
STATE_FILE = "session.json"
RUNNING_FILE = "running.pid"


def state_path() -> Path:
    return paths.autosave_dir() / STATE_FILE


def save_state(state: dict[str, Any]) -> Path:
    """Write the work-in-progress document atomically; return its path."""
    document = {"autosave_version": AUTOSAVE_VERSION, "saved_at": time.time(), **state}
    path = state_path()
    write_json_atomic(path, document)
    return path


def load_state() -> dict[str, Any] | None:
    """The saved work in progress, or None when there is none (or it is unreadable / too new)."""
    try:
        data = json.loads(state_path().read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        log.warning("autosave unreadable, ignored")
        return None
    if not isinstance(data, dict) or data.get("autosave_version") != AUTOSAVE_VERSION:
        return None
    return data


def clear_state() -> None:
    state_path().unlink(missing_ok=True)


def mark_running() -> bool:
    """Record that the app runs; return True if the previous run did not end cleanly."""
    marker = paths.autosave_dir() / RUNNING_FILE
    crashed = False
    try:
        pid = int(marker.read_text(encoding="utf-8").strip() or "0")
        crashed = pid != os.getpid() and not _alive(pid)
    except FileNotFoundError:
        pass
    except (OSError, ValueError):
        crashed = True
    marker.write_text(str(os.getpid()), encoding="utf-8")
    return crashed


def mark_clean_exit() -> None:
    (paths.autosave_dir() / RUNNING_FILE).unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    """Whether a process with this id still runs (another CapNum window, say)."""
    if pid <= 0:
        return False
    try:
        import psutil

        return bool(psutil.pid_exists(pid))
    except ImportError:
        pass
    if os.name == "nt":  # os.kill(pid, 0) would terminate the process on Windows
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True
