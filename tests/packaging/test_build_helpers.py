"""The Linux build steps of build.spec: ICU data trimming and the libraries taken from the system.

The trimming itself is run on a copy of the installed PySide6's ICU data library, then Qt is started
against it in a child process: French collation and case mapping must still answer.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

sys.path.insert(0, str(REPO / "resources" / "installer"))
import host_libraries
import trim_icu

sys.path.remove(str(REPO / "resources" / "installer"))


@pytest.mark.parametrize(("item", "kept"), [
    ("root.res", True), ("fr.res", True), ("fr_CA.res", True), ("en_GB.res", True), ("de.res", False),
    ("zh_Hant_HK.res", False), ("yue.res", False), ("coll/fr.res", True), ("coll/ucadata.icu", True),
    ("coll/de_.res", False), ("coll/root.res", True), ("lang/res_index.res", True), ("zone/pool.res", True),
    ("curr/ja.res", False), ("brkitr/cjdict.dict", False), ("brkitr/word.brk", True),
    ("ibm-5348_P100-1997.cnv", True), ("ibm-943_P15A-2003.cnv", False), ("cnvalias.icu", True),
    ("translit/root.res", True), ("translit/Latin_Greek.res", False), ("supplementalData.res", True),
    ("metaZones.res", True), ("nfkc.nrm", True), ("unames.icu", True), ("plurals.res", True),
])
def test_which_icu_items_are_kept(item, kept):
    assert trim_icu.keep_item(item) is kept


def _icu_data_library() -> Path:
    import PySide6

    found = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    if not sys.platform.startswith("linux") or not found:
        pytest.skip("PySide6 ships no ICU data library here (Linux wheels only)")
    return found[0]


def test_trimmed_icu_data_still_serves_qt(tmp_path):
    missing = [tool for tool in ("icupkg", "nm", "readelf", "cc") if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"ICU trimming needs {missing} (Debian packages icu-devtools, binutils, gcc)")
    lib = tmp_path / "lib" / _icu_data_library().name
    lib.parent.mkdir()
    shutil.copyfile(_icu_data_library(), lib)
    before, after = trim_icu.trim_library(lib)
    assert after < before / 4 and after < 8 * 2**20
    probe = (
        "from PySide6.QtCore import QCoreApplication, QLocale\n"
        "app = QCoreApplication([])\n"
        "from capnum_desktop.ui.self_test import qt_text_services\n"
        "qt_text_services()\n"
        "print(QLocale(QLocale.Language.French).nativeLanguageName(), QLocale(QLocale.Language.German).nativeLanguageName())\n"
    )
    # LD_LIBRARY_PATH comes before the Qt libraries' RUNPATH: ICU's code loads the trimmed data.
    env = os.environ | {"LD_LIBRARY_PATH": str(lib.parent), "LD_DEBUG": "libs", "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=120,
                         cwd=REPO)
    assert run.returncode == 0, run.stdout + run.stderr[-3000:]
    assert f"trying file={lib}" in run.stderr  # the trimmed copy is the one loaded
    assert "français Deutsch" in run.stdout  # Qt's own locale data, whatever ICU holds


def test_a_trim_that_cannot_be_done_keeps_the_library(tmp_path):
    fake = tmp_path / "libicudata.so.99"
    fake.write_bytes(b"not an ELF file")
    lines = trim_icu.trim_folder(tmp_path)
    assert len(lines) == 1 and lines[0].startswith("ICU data left whole")
    assert fake.read_bytes() == b"not an ELF file"


def test_host_libraries_are_top_level_system_sonames():
    assert host_libraries.is_host_library("libX11.so.6")
    assert not host_libraries.is_host_library("PySide6/Qt/lib/libX11.so.6")
    assert not host_libraries.is_host_library("libstdc++.so.6")  # the C++ runtime stays bundled


def test_orphans_follow_the_removed_libraries_only():
    binaries = [
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/venv/PySide6/Qt/lib/libQt6Gui.so.6", "BINARY"),
        ("libfreetype.so.6", "/usr/lib/x86_64-linux-gnu/libfreetype.so.6", "BINARY"),
        ("libpng16.so.16", "/usr/lib/x86_64-linux-gnu/libpng16.so.16", "BINARY"),
        ("libbrotlidec.so.1", "/usr/lib/x86_64-linux-gnu/libbrotlidec.so.1", "BINARY"),
        ("libbrotlicommon.so.1", "/usr/lib/x86_64-linux-gnu/libbrotlicommon.so.1", "BINARY"),
        ("libz.so.1", "/lib/x86_64-linux-gnu/libz.so.1", "BINARY"),
        ("python3.11/lib-dynload/zlib.so", "/py/lib-dynload/zlib.so", "EXTENSION"),
        ("libpython3.11.so.1.0", "/root/.pyenv/lib/libpython3.11.so.1.0", "BINARY"),
    ]
    needs = {
        "/venv/PySide6/Qt/lib/libQt6Gui.so.6": ["libfreetype.so.6"],
        "/usr/lib/x86_64-linux-gnu/libfreetype.so.6": ["libpng16.so.16", "libbrotlidec.so.1", "libz.so.1"],
        "/usr/lib/x86_64-linux-gnu/libpng16.so.16": ["libz.so.1"],
        "/usr/lib/x86_64-linux-gnu/libbrotlidec.so.1": ["libbrotlicommon.so.1"],
        "/py/lib-dynload/zlib.so": ["libz.so.1"],
    }
    gone = host_libraries.orphans(binaries, {"libfreetype.so.6"}, needed=lambda path: needs.get(path, []))
    # freetype's own dependencies go, libz stays (Python's zlib needs it), libpython is no system library
    assert gone == {"libpng16.so.16", "libbrotlidec.so.1", "libbrotlicommon.so.1"}
