"""The frozen app (PyInstaller, dist/CapNum) works: self-test, CLI on a real file, version, start-up, size.

Skipped unless CAPNUM_FROZEN_TEST=1. The build takes a few minutes, so it is made once, by
bench/frozen_smoke.sh --build-only, when dist/CapNum is absent or CAPNUM_FROZEN_REBUILD=1.
The installer script test only needs makensis (Debian package ``nsis``).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.conftest import REPO, reference

DIST = Path(os.environ.get("CAPNUM_FROZEN_DIST", REPO / "dist" / "CapNum"))
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""
GUI = DIST / f"capnum-desktop{EXE_SUFFIX}"
CLI = DIST / f"capnum{EXE_SUFFIX}"
INSTALLER = REPO / "resources" / "installer"

frozen = pytest.mark.skipif(
    os.environ.get("CAPNUM_FROZEN_TEST") != "1",
    reason="frozen-app tests are off: set CAPNUM_FROZEN_TEST=1 (builds dist/CapNum with PyInstaller if absent)",
)
pytestmark = [pytest.mark.frozen]


@pytest.fixture(scope="module")
def dist() -> Path:
    if os.environ.get("CAPNUM_FROZEN_REBUILD") == "1" or not GUI.is_file():
        build = subprocess.run(
            ["bash", str(REPO / "bench" / "frozen_smoke.sh"), "--build-only"],
            cwd=REPO, capture_output=True, text=True, timeout=1200,
        )
        assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    assert GUI.is_file() and CLI.is_file()
    return DIST


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "CAPNUM_STARTUP"))}
    env.update(QT_QPA_PLATFORM="offscreen", CAPNUM_HOME=str(tmp_path / "home"))
    return env


def _project_version() -> str:
    with (REPO / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)["project"]["version"]


@frozen
def test_self_test_passes_offscreen(dist, tmp_path):
    run = subprocess.run([str(GUI), "--self-test"], env=_env(tmp_path), capture_output=True, text=True,
                         timeout=180)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert "Traceback" not in run.stdout + run.stderr


@frozen
def test_cli_reports_the_pyproject_version(dist, tmp_path):
    run = subprocess.run([str(CLI), "--version"], env=_env(tmp_path), capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == f"capnum {_project_version()}"


@frozen
def test_cli_lists_every_subcommand_of_the_source_tree(dist, tmp_path):
    """Sub-commands are found by listing the package at run time: the frozen app must hold them all."""
    modules = sorted(p.stem for p in (REPO / "capnum_desktop" / "cli").glob("*.py") if not p.stem.startswith("_"))
    run = subprocess.run([str(CLI), "--help"], env=_env(tmp_path), capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    for name in modules:
        assert re.search(rf"^\s+{name}\b", run.stdout, re.M), f"{name} missing from:\n{run.stdout}"


@frozen
@pytest.mark.parametrize(
    "parts",
    [
        ("transport-site-bnlc", "csv_utf8.csv"),  # pyarrow CSV reader
        ("api-subventions-asso", "new-chorus-export.xlsx"),  # fastexcel/calamine, several sheets
        ("api-subventions-asso", "helios.fixture.ods"),
    ],
    ids=["csv", "xlsx", "ods"],
)
def test_prepare_a_real_file(dist, tmp_path, parts):
    source = reference("real-files", *parts)
    out = tmp_path / "out"
    run = subprocess.run([str(CLI), "prepare", str(source), "-o", str(out)], env=_env(tmp_path),
                         capture_output=True, text=True, timeout=300)
    # 0 = valid output, 1 = output written with validation errors; 2 = it could not be done.
    assert run.returncode in (0, 1), run.stdout[-3000:] + run.stderr[-3000:]
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert package.get("resources"), package
    assert any(p.suffix == ".csv" for p in out.iterdir())
    assert "Traceback" not in run.stderr


@frozen
def test_prepare_against_a_bundled_schema(dist, tmp_path):
    """Validation against a national schema runs frictionless' code inside the frozen app."""
    source = reference("real-files", "transport-site-bnlc", "csv_utf8.csv")
    out = tmp_path / "out"
    run = subprocess.run([str(CLI), "prepare", str(source), "--schema", "etalab/schema-lieux-covoiturage", "-o",
                          str(out)], env=_env(tmp_path), capture_output=True, text=True, timeout=300)
    assert run.returncode in (0, 1), run.stdout[-3000:] + run.stderr[-3000:]
    report = json.loads((out / "rapport-validation.json").read_text(encoding="utf-8"))
    assert report
    assert "Traceback" not in run.stderr


@frozen
def test_first_window_is_shown_quickly(dist, tmp_path):
    env = _env(tmp_path) | {"CAPNUM_STARTUP_PROBE": "quit"}
    run = subprocess.run([str(GUI)], env=env, capture_output=True, text=True, timeout=60)
    assert "CAPNUM_FIRST_WINDOW" in run.stderr, run.stderr[-3000:]
    # The figure itself is measured by bench/startup_time.py; this only catches a gross regression.
    timing = subprocess.run([sys.executable, str(REPO / "bench" / "startup_time.py"), "--frozen", str(GUI),
                             "--runs", "3"], capture_output=True, text=True, timeout=120, env=_env(tmp_path))
    assert "time to first window" in timing.stdout, timing.stdout + timing.stderr
    median = float(re.search(r"median ([\d.]+) s", timing.stdout).group(1))
    assert median < 6.0, timing.stdout


@frozen
def test_opens_a_file_given_on_the_command_line(dist, tmp_path):
    """What "Ouvrir avec CapNum" does: the installer registers `capnum-desktop.exe "%1"`."""
    source = reference("real-files", "api-subventions-asso", "new-chorus-export.xlsx")
    env = _env(tmp_path) | {"CAPNUM_STARTUP_PROBE": "quit"}
    run = subprocess.run([str(GUI), str(source)], env=env, capture_output=True, text=True, timeout=60)
    assert "CAPNUM_FIRST_WINDOW" in run.stderr, run.stderr[-3000:]
    assert "Traceback" not in run.stderr


@frozen
def test_metadata_and_data_files_are_bundled(dist):
    internal = DIST / "_internal"
    dist_infos = {p.name.split("-")[0].lower() for p in internal.glob("*.dist-info")}
    # the version and the "À propos" licences are read from these at run time
    assert {"capnum_desktop", "pandas", "pyarrow", "frictionless", "pyside6_essentials"} <= dist_infos
    assert (internal / "schemas" / "index.json").is_file() == (REPO / "schemas" / "index.json").is_file()
    assert (internal / "resources" / "demo").is_dir()
    assert not (internal / "resources" / "installer").exists()
    assert any((internal / "frictionless" / "assets").rglob("*.json"))


@frozen
def test_unused_parts_are_left_out(dist):
    names = [p.relative_to(DIST).as_posix() for p in DIST.rglob("*")]
    for unwanted in ("libarrow_flight", "libarrow_s3", "Qt/qml/", "QtWebEngine", "Qt3D", "QtQuick",
                     "pyarrow/include/", "phonenumbers/geodata", "stdnum/oui.dat", "stdnum/imsi.dat",
                     "rapidfuzz/fuzz_cpp_avx2", "yaml/_yaml", "charset_normalizer", "numpy/f2py", "python_calamine"):
        assert not [n for n in names if unwanted in n], unwanted
    if sys.platform.startswith("linux"):
        # over-linked pyarrow libraries (removed with patchelf), unused image plugins, Kerberos
        for unwanted in ("pyarrow/libparquet", "libarrow_dataset", "libarrow_acero", "libarrow_substrait",
                         "imageformats/libqjpeg", "libgssapi_krb5", "libsqlite3", "libreadline"):
            assert not [n for n in names if unwanted in n], unwanted
    dangling = [p for p in DIST.rglob("*") if p.is_symlink() and not p.exists()]
    assert not dangling, dangling
    size_mb = sum(p.stat().st_size for p in DIST.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20
    # Linux: ~258 MB (pyarrow 60 MB, Qt 56 MB, numpy + OpenBLAS 42 MB); a jump means a hook pulled in
    # something big.
    assert size_mb < 265, f"{size_mb:.0f} MB"


@frozen
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux build steps")
def test_icu_data_is_trimmed_and_desktop_libraries_come_from_the_system(dist):
    internal = DIST / "_internal"
    icu = [p for p in internal.rglob("libicudata.so*") if p.is_file() and not p.is_symlink()]
    assert icu and all(p.stat().st_size < 8 * 2**20 for p in icu), [(p.name, p.stat().st_size) for p in icu]
    # symbol tables stripped (libpython, pyarrow, chardet...), the IBAN tables the app reads still there
    for lib in (internal.glob("libpython3*.so*"), internal.glob("pyarrow/lib.*.so"), internal.glob("chardet/*.so")):
        for path in lib:
            sections = subprocess.run(["readelf", "-S", "-W", str(path)], capture_output=True, text=True).stdout
            assert " .symtab " not in sections, path.name
    assert (internal / "stdnum" / "iban.dat").is_file() and (internal / "stdnum" / "be" / "banks.dat").is_file()
    sys.path.insert(0, str(INSTALLER))
    try:
        from host_libraries import HOST_LIBRARIES
    finally:
        sys.path.remove(str(INSTALLER))
    bundled = {p.name for p in internal.glob("*.so*")}
    assert not bundled & set(HOST_LIBRARIES), sorted(bundled & set(HOST_LIBRARIES))
    # Qt's xcb plugin finds every library it links (bundled, or the desktop's own)
    plugin = next(internal.rglob("platforms/libqxcb.so"))
    ldd = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=True).stdout
    assert "not found" not in ldd, ldd


@frozen
@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is not installed (Debian package xvfb)")
def test_self_test_in_a_real_x_window(dist, tmp_path):
    """On an X display (xcb plugin, the desktop's X11/fontconfig/freetype libraries), not offscreen."""
    env = _env(tmp_path) | {"QT_QPA_PLATFORM": "xcb"}
    run = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", str(GUI), "--self-test"], env=env,
                         capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert "tri et casse du français (ICU)" in run.stdout and "auto-test réussi" in run.stdout


@pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis (NSIS) is not installed")
def test_installer_script_compiles(tmp_path):
    """The NSIS script compiles with the version read from pyproject (on a stand-in program folder)."""
    fake = tmp_path / "CapNum"
    (fake / "_internal").mkdir(parents=True)
    (fake / "capnum-desktop.exe").write_bytes(b"MZ")
    (fake / "capnum.exe").write_bytes(b"MZ")
    (fake / "_internal" / "base_library.zip").write_bytes(b"PK")
    out = tmp_path / "setup.exe"
    run = subprocess.run([sys.executable, str(INSTALLER / "build_installer.py"), "--dist", str(fake), "--out",
                          str(out)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    assert out.read_bytes()[:2] == b"MZ" and b"Nullsoft" in out.read_bytes()
    assert f"-DVERSION={_project_version()}" in run.stdout or f"/DVERSION={_project_version()}" in run.stdout


def test_installer_version_helpers():
    sys.path.insert(0, str(INSTALLER))
    try:
        import build_installer
    finally:
        sys.path.remove(str(INSTALLER))
    assert build_installer.project_version() == _project_version()
    assert build_installer.numeric_version("1.2.3rc1") == "1.2.3.0"
    assert build_installer.numeric_version("0.1") == "0.1.0.0"
    assert build_installer.numeric_version("2.0.0+local.5") == "2.0.0.0"
