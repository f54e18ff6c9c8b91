"""``capnum-desktop --self-test``: build the window, then run the whole pipeline on the demo file.

Used by packaging to prove a build works (Qt plugins, bundled resources, schemas, every core step).
It prints one line per step and returns 0 when everything worked, 1 otherwise. Runs offscreen.
"""

from __future__ import annotations

import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from capnum_desktop.core.wording import count as count_of

DEMO_SCHEMA = "scdl/subventions"
DEMO_CONSTANTS = {"idAttribuant": "11004601800013"}  # the one fix the demo needs: the bureau's SIRET (Paramètres)


def _step(out: TextIO, name: str, fn: Callable[[], Any]) -> Any:
    start = time.monotonic()
    result = fn()
    out.write(f"ok   {name} ({time.monotonic() - start:.2f} s)\n")
    out.flush()
    return result


class _StepPrinter:
    """A progress callback that prints one line per pipeline step, with the time it took."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.current: str | None = None
        self.start = time.monotonic()

    def __call__(self, fraction: float, message: str = "") -> None:
        from capnum_desktop.core.pipeline import STEPS

        if message not in STEPS or message == self.current:
            return
        self.close()
        self.current, self.start = message, time.monotonic()

    def close(self) -> None:
        from capnum_desktop.core.pipeline import DONE

        if self.current not in (None, DONE):
            self.out.write(f"ok   {str(self.current).lower()} ({time.monotonic() - self.start:.2f} s)\n")
            self.out.flush()
        self.current = None


def pipeline(path: Path, out_dir: Path, out: TextIO) -> list[Path]:
    """The demo through the core pipeline (the same ``prepare`` as ``capnum prepare``), one line per step."""
    from capnum_desktop.core.pipeline import prepare

    printer = _StepPrinter(out)
    result = prepare(path, DEMO_SCHEMA, None, out_dir / "export", progress=printer, constants=DEMO_CONSTANTS)
    printer.close()
    assert result.export is not None
    written = sorted(result.export.files.values())
    if not any(p.suffix == ".csv" for p in written):
        raise RuntimeError("no CSV written")
    if not result.publishable:  # the demo shows the happy path: default choices give a valid export
        raise RuntimeError(f"export de démonstration non publiable en l'état : {count_of(result.report.error_count, 'erreur')}")
    out.write("ok   export de démonstration prêt à publier\n")
    return written


def qt_text_services() -> None:
    """Qt's collation and case mapping in French: ICU and its data are bundled and answer (the frozen
    Linux build ships trimmed ICU data, see resources/installer/trim_icu.py)."""
    from PySide6.QtCore import QCollator, QLocale

    french = QLocale(QLocale.Language.French, QLocale.Country.France)
    order = sorted(["zoé", "Élodie", "arnaud", "eric"], key=QCollator(french).sortKey)
    if order != ["arnaud", "Élodie", "eric", "zoé"]:
        raise RuntimeError(f"French collation is wrong: {order}")
    if french.toUpper("élève") != "ÉLÈVE":
        raise RuntimeError("French case mapping is wrong")


def run_self_test(build_window: Callable[[], Any], out: TextIO | None = None) -> int:
    """Build the window with ``build_window`` (the application's, passed in so this module does not
    import the application that imports it), check Qt's French text services, run the demo through
    the pipeline; 0 when all worked."""
    out = out or sys.stdout
    try:
        from capnum_desktop.resources import demo_file

        window = _step(out, "fenêtre principale", build_window)
        _step(out, "tri et casse du français (ICU)", qt_text_services)
        window.autosaver.clean_exit()
        window.deleteLater()
        with tempfile.TemporaryDirectory(prefix="capnum-selftest-") as tmp:
            written = pipeline(demo_file(), Path(tmp), out)
            out.write(f"ok   {len(written)} fichiers écrits\n")
    except Exception as exc:  # the self-test reports any failure as a failed check
        out.write(f"ÉCHEC {type(exc).__name__}: {exc}\n")
        traceback.print_exc(file=out)
        return 1
    out.write("auto-test réussi\n")
    return 0
