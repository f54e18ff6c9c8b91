"""Where the user's files live (settings, autosave, logs, pseudonymisation key). No Qt.

The folder comes from platformdirs and can be moved with the ``CAPNUM_HOME`` environment variable
(tests and portable installs use it).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "CapNum"


def data_dir() -> Path:
    """The user's data folder, created if needed."""
    override = os.environ.get("CAPNUM_HOME")
    base = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    base.mkdir(parents=True, exist_ok=True)
    return base


def config_dir() -> Path:
    override = os.environ.get("CAPNUM_HOME")
    base = Path(override) / "config" if override else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    base.mkdir(parents=True, exist_ok=True)
    return base


def autosave_dir() -> Path:
    path = data_dir() / "autosave"
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def secrets_dir() -> Path:
    """Keys (pseudonymisation HMAC key) that must never leave the user's machine."""
    path = data_dir() / "secrets"
    path.mkdir(parents=True, exist_ok=True)
    return path
