"""Find bundled files (resources/ and schemas/) in a source checkout and in the frozen app. No Qt.

This is the only module that knows about PyInstaller's ``sys._MEIPASS``.
"""

from __future__ import annotations

import sys
from pathlib import Path


def root() -> Path:
    """The folder that holds ``resources/`` and ``schemas/``."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """A path inside ``resources/`` (e.g. ``resource_path("demo", "subventions-demo.xlsx")``)."""
    return root().joinpath("resources", *parts)


def schema_dir() -> Path:
    return root() / "schemas"


def demo_file() -> Path:
    """The demo file opened by ``capnum-desktop --demo``."""
    return resource_path("demo", "subventions-demo.xlsx")
