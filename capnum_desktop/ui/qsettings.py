"""UI state (window geometry, splitter, recent files) in an INI file beside the preferences."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from capnum_desktop import paths

MAX_RECENT = 8


def ui_settings() -> QSettings:
    return QSettings(str(paths.config_dir() / "ui.ini"), QSettings.Format.IniFormat)


def recent_files() -> list[Path]:
    """Recently opened files that still exist, newest first."""
    value = ui_settings().value("recent_files", [])
    if isinstance(value, str):
        value = [value]
    return [Path(p) for p in (value or []) if p and Path(p).exists()]


def add_recent_file(path: Path | str) -> None:
    path = str(Path(path).resolve())
    current = [str(p) for p in recent_files() if str(p) != path]
    settings = ui_settings()
    settings.setValue("recent_files", [path, *current][:MAX_RECENT])
    settings.sync()
