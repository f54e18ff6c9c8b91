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

DEMO_SCHEMA = "scdl/subventions"


def _step(out: TextIO, name: str, fn: Callable[[], Any]) -> Any:
    start = time.monotonic()
    result = fn()
    out.write(f"ok   {name} ({time.monotonic() - start:.2f} s)\n")
    out.flush()
    return result


def pipeline(path: Path, out_dir: Path, out: TextIO) -> list[Path]:
    """Read -> map -> protect -> validate -> export with the core's functions and defaults."""
    from capnum_desktop.core import privacy
    from capnum_desktop.core.io import read_table
    from capnum_desktop.core.schemas import conform, load_schema, propose_mapping
    from capnum_desktop.core.validation import validate_table

    table = _step(out, "lecture du fichier de démonstration", lambda: read_table(path))
    schema = _step(out, "chargement du schéma", lambda: load_schema(DEMO_SCHEMA))
    mapping = _step(out, "association des colonnes", lambda: propose_mapping(table, schema))
    conformed = _step(out, "conversion des valeurs", lambda: conform(table, schema, mapping)).table
    scan = _step(out, "recherche de données personnelles", lambda: privacy.scan_table(conformed))
    plan = privacy.default_plan(scan)
    protected, _log = _step(out, "protection", lambda: privacy.apply_plan(conformed, plan))
    _step(out, "vérification", lambda: validate_table(protected, schema))
    result = _step(out, "export", lambda: _export(protected, schema, mapping, plan, _log, out_dir))
    written = [Path(p) for p in _written_files(result, out_dir)]
    if not any(p.suffix == ".csv" for p in written):
        raise RuntimeError("no CSV written")
    return written


def _export(table: Any, schema: Any, mapping: Any, plan: Any, privacy_log: Any, out_dir: Path) -> Any:
    """Call core.export.export_dataset with what it accepts (its signature is the export engineer's)."""
    import inspect

    from capnum_desktop.core import export

    options = export.ExportOptions()
    params = inspect.signature(export.export_dataset).parameters
    available = {"table": table, "schema": schema, "mapping": mapping, "plan": plan, "privacy_log": privacy_log,
                 "out_dir": out_dir, "options": options}
    kwargs = {k: v for k, v in available.items() if k in params}
    return export.export_dataset(**kwargs)


def _written_files(result: Any, out_dir: Path) -> list[Path]:
    files = getattr(result, "files", None) or getattr(result, "paths", None)
    if files:
        return [Path(f) for f in (files.values() if isinstance(files, dict) else files)]
    return [p for p in out_dir.rglob("*") if p.is_file()]


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


def run_self_test(out: TextIO | None = None) -> int:
    out = out or sys.stdout
    try:
        from capnum_desktop.resources import demo_file
        from capnum_desktop.ui.application import build_window

        window = _step(out, "fenêtre principale", build_window)
        _step(out, "tri et casse du français (ICU)", qt_text_services)
        window.autosaver.clean_exit()  # type: ignore[attr-defined]
        window.deleteLater()  # type: ignore[attr-defined]
        with tempfile.TemporaryDirectory(prefix="capnum-selftest-") as tmp:
            written = pipeline(demo_file(), Path(tmp), out)
            out.write(f"ok   {len(written)} fichiers écrits\n")
    except Exception as exc:  # the self-test reports any failure as a failed check
        out.write(f"ÉCHEC {type(exc).__name__}: {exc}\n")
        traceback.print_exc(file=out)
        return 1
    out.write("auto-test réussi\n")
    return 0
