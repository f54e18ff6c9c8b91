"""The layers stay apart: the core (and the CLI) never import Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import capnum_desktop

PACKAGE = Path(capnum_desktop.__file__).parent


def _core_modules() -> list[str]:
    names = []
    for path in sorted((PACKAGE / "core").rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.append(".".join(parts))
    return names


def test_core_and_cli_never_import_qt() -> None:
    modules = [*_core_modules(), "capnum_desktop.cli", "capnum_desktop.paths", "capnum_desktop.resources"]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "import capnum_desktop.cli as cli\n"
        "cli.command_modules()\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6') or m.startswith('capnum_desktop.ui'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"core/cli imported Qt or the UI: {out.stdout.strip()}"


def test_no_qt_import_statement_in_core() -> None:
    offenders = [
        str(p)
        for p in (PACKAGE / "core").rglob("*.py")
        if any(
            line.lstrip().startswith(("import PySide6", "from PySide6", "import shiboken6", "from shiboken6"))
            for line in p.read_text(encoding="utf-8").splitlines()
        )
    ]
    assert offenders == []


def test_every_cli_module_is_a_listed_command() -> None:
    """The sub-commands are an explicit list (no discovery by name): a new module left out of it fails here."""
    import capnum_desktop.cli as cli

    files = sorted(p.stem for p in (PACKAGE / "cli").glob("*.py") if not p.stem.startswith("_"))
    assert sorted(m.__name__.rsplit(".", 1)[1] for m in cli.command_modules()) == files
    assert [m.NAME for m in cli.command_modules()] == sorted(m.NAME for m in cli.command_modules())
