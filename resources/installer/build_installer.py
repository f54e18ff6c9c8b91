"""Build the Windows installer: read the version from pyproject.toml and run makensis on capnum.nsi.

    python resources/installer/build_installer.py                    # dist/CapNum -> dist/CapNum-<version>-setup.exe
    python resources/installer/build_installer.py --print-version    # just the version (used by CI)

Run it on Windows after ``pyinstaller build.spec`` (NSIS 3 installed: ``choco install nsis`` or
nsis.sourceforge.io). makensis also runs on Linux (Debian package ``nsis``), which checks the script
and builds an installer around whatever folder ``--dist`` names.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
NSIS_SCRIPT = HERE / "capnum.nsi"
WINDOWS_MAKENSIS = (
    Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)")) / "NSIS" / "makensis.exe",
    Path(os.environ.get("PROGRAMFILES", r"C:\Program Files")) / "NSIS" / "makensis.exe",
)


def project_version(pyproject: Path = ROOT / "pyproject.toml") -> str:
    """The version declared in pyproject.toml: the single source of the app's version."""
    with pyproject.open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def numeric_version(version: str) -> str:
    """Windows wants four numbers (VIProductVersion): 1.2.3rc1 -> 1.2.3.0."""
    numbers = [int(n) for n in re.findall(r"\d+", version.split("+")[0])[:3]]
    return ".".join(str(n) for n in [*numbers, 0, 0, 0, 0][:4])


def find_makensis(explicit: str | None) -> str:
    if explicit:
        return explicit
    found = shutil.which("makensis")
    if found:
        return found
    for candidate in WINDOWS_MAKENSIS:
        if candidate.is_file():
            return str(candidate)
    raise SystemExit("makensis est introuvable : installez NSIS 3 (choco install nsis) ou passez --makensis.")


def makensis_command(makensis: str, dist: Path, out_file: Path, version: str, icon: Path | None) -> list[str]:
    # Options start with "/" for makensis on Windows and with "-" for its Linux build.
    dash = "/" if os.name == "nt" else "-"
    defines = {
        "VERSION": version,
        "VERSION_NUMERIC": numeric_version(version),
        "DIST_DIR": str(dist),
        "OUT_FILE": str(out_file),
    }
    if icon:
        defines["ICON"] = str(icon)
    return [makensis, f"{dash}V2", *(f"{dash}D{key}={value}" for key, value in defines.items()), str(NSIS_SCRIPT)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the CapNum Desktop Windows installer (NSIS).")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist" / "CapNum", help="PyInstaller folder")
    parser.add_argument("--out", type=Path, default=None, help="installer file (default dist/CapNum-<v>-setup.exe)")
    parser.add_argument("--makensis", default=None, help="path of makensis")
    parser.add_argument("--icon", type=Path, default=None, help=".ico file (default resources/icons/capnum.ico)")
    parser.add_argument("--print-version", action="store_true", help="print the version and exit")
    args = parser.parse_args(argv)

    version = project_version()
    if args.print_version:
        print(version)
        return 0
    dist = args.dist.resolve()
    if not dist.is_dir():
        raise SystemExit(f"{dist} est absent : lancez d'abord « pyinstaller build.spec ».")
    out_file = (args.out or ROOT / "dist" / f"CapNum-{version}-setup.exe").resolve()
    out_file.parent.mkdir(parents=True, exist_ok=True)
    icon = args.icon or ROOT / "resources" / "icons" / "capnum.ico"
    command = makensis_command(find_makensis(args.makensis), dist, out_file, version,
                               icon.resolve() if icon.is_file() else None)
    print(" ".join(command))
    result = subprocess.run(command, check=False)
    if result.returncode != 0:
        return result.returncode
    print(f"{out_file} ({out_file.stat().st_size / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
