"""Linux build: remove the symbol tables that some wheels leave in their libraries (7 MB in all).

Why: a symbol table only serves debuggers; the dynamic symbols that loading needs are kept by
``strip``. PyInstaller's own ``strip=True`` cannot be used: on a library whose layout patchelf changed
(auditwheel does so for numpy's OpenBLAS) ``strip`` writes a file the loader refuses ("ELF load command
address/offset not page-aligned"). So each library is stripped, then loaded in a child process, and
put back as it was if it loaded before and does not any more. Used by ``build.spec``, before the
pyarrow NEEDED entries are edited (strip must not run after patchelf).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

_LOAD = "import ctypes, sys; ctypes.CDLL(sys.argv[1])"


def has_symbol_table(path: Path) -> bool:
    sections = subprocess.run(["readelf", "-S", "-W", str(path)], capture_output=True, text=True, check=False)
    return sections.returncode == 0 and " .symtab " in sections.stdout


def load_error(path: Path, internal: Path) -> str:
    """What the loader says about ``path`` ("" when it loads), with the folder's libraries in reach."""
    env = os.environ | {"LD_LIBRARY_PATH": str(internal)}
    run = subprocess.run([sys.executable, "-c", _LOAD, str(path)], capture_output=True, text=True, env=env,
                         check=False, timeout=60)
    return "" if run.returncode == 0 else (run.stderr.strip().splitlines() or ["?"])[-1]


def strip_folder(internal: Path) -> tuple[int, list[str]]:
    """Strip every library of ``internal`` that still has a symbol table; return (bytes saved, kept whole)."""
    saved, kept = 0, []
    for path in sorted(internal.rglob("*.so*")):
        if path.is_symlink() or not path.is_file() or not has_symbol_table(path):
            continue
        before_error = load_error(path, internal)
        backup = path.with_name(path.name + ".capnum-unstripped")
        shutil.copy2(path, backup)
        size = path.stat().st_size
        stripped = subprocess.run(["strip", str(path)], capture_output=True, check=False).returncode == 0
        if not stripped or load_error(path, internal) != before_error:
            shutil.move(backup, path)  # the loader refuses the stripped file: keep the original
            kept.append(str(path.relative_to(internal)))
            continue
        backup.unlink()
        saved += size - path.stat().st_size
    return saved, kept
