"""Shrink the ICU data library that PySide6's Linux wheel ships (libicudata.so.NN, 31 MB) to ~5.5 MB.

Why: on Linux Qt links ICU for collation, case mapping, text boundaries and time-zone names, and the
wheel carries ICU's full data: every locale of CLDR (lang/region/currency/unit/zone names in 800
locales), 70 legacy character converters and the CJK/Thai word-break dictionaries. The app speaks
French and English and reads files with Python's codecs, so it only needs the root data, the ``fr``
and ``en`` locales (all regions), the break rules and normalisation. Dropping the rest is an eighth
of the frozen folder. A locale that is no longer there falls back to the root data, as ICU does for
any locale it does not know (checked by ``tests/test_frozen.py::test_qt_text_services_with_the_trimmed_icu``).
Windows and macOS builds are not concerned: Qt uses the system's ICU there.

How: the data is one symbol (``icudtNN_dat``) in the library's read-only section. It is copied out as
a ``.dat`` package, ``icupkg`` (Debian package ``icu-devtools``) removes the items we do not need, and
the package is linked back into a library of the same name and soname (``cc -shared``, one
``.incbin``). Used by ``build.spec`` after PyInstaller has collected the files.

    python resources/installer/trim_icu.py dist/CapNum/_internal/PySide6/Qt/lib/libicudata.so.73
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

LANGUAGES = ("fr", "en")
"""Locales kept (with all their regional variants): the interface languages and the data's."""
CONVERTERS = ("ibm-5348_", "ibm-923_")
"""Table-driven converters kept: windows-1252 and ISO-8859-15 (UTF-* and Latin-1 are built in)."""
_LOCALE_ITEM = re.compile(r"^([a-z]{2,3})(_[A-Za-z0-9]*)*\.res$")
_TREE_FILES = ("root.res", "res_index.res", "pool.res")
_DATA_SYMBOL = re.compile(r"^icudt\d+_dat$")


class TrimError(RuntimeError):
    """The library could not be trimmed safely; the build keeps the original."""


def keep_item(name: str, languages: tuple[str, ...] = LANGUAGES) -> bool:
    """Whether an item of the ICU package (``coll/fr.res``, ``ibm-943_P15A-2003.cnv``…) is kept."""
    tree, _, base = name.rpartition("/")
    if base.endswith(".cnv"):
        return base.startswith(CONVERTERS)
    if base.endswith(".dict"):  # dictionary word breaking for CJK, Thai, Lao, Khmer, Burmese
        return False
    if tree == "translit":  # transliterators: Qt never calls them
        return base == "root.res"
    locale = _LOCALE_ITEM.match(base)
    if locale and base not in _TREE_FILES:
        return locale.group(1) in languages
    return True  # root data, supplemental data, break rules, normalisation, properties


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), cwd=cwd, capture_output=True, text=True, check=False)


def _data_span(lib: Path) -> tuple[str, int, int]:
    """(symbol, file offset, size) of the ICU data in ``lib``."""
    symbols = _run("nm", "-D", "--defined-only", "-S", str(lib)).stdout.split("\n")
    found = [line.split() for line in symbols if len(line.split()) == 4 and _DATA_SYMBOL.match(line.split()[3])]
    if len(found) != 1:
        raise TrimError(f"{lib.name}: no single icudt*_dat symbol")
    address, size, _kind, symbol = found[0]
    address_value, size_value = int(address, 16), int(size, 16)
    for line in _run("readelf", "-S", "-W", str(lib)).stdout.splitlines():
        fields = line.replace("[ ", "[").split()
        if len(fields) >= 6 and fields[0].startswith("[") and fields[2] == "PROGBITS":
            start, offset, length = int(fields[3], 16), int(fields[4], 16), int(fields[5], 16)
            if start <= address_value < start + length:
                return symbol, offset + address_value - start, size_value
    raise TrimError(f"{lib.name}: the section holding {symbol} was not found")


def trim_library(lib: Path, languages: tuple[str, ...] = LANGUAGES) -> tuple[int, int]:
    """Replace ``lib`` by a library holding only the kept items; return (size before, size after)."""
    for tool in ("nm", "readelf", "icupkg", "cc"):
        if shutil.which(tool) is None:
            raise TrimError(f"{tool} is missing (binutils, icu-devtools, gcc)")
    symbol, offset, size = _data_span(lib)
    package = symbol.removesuffix("_dat") + ("l" if sys.byteorder == "little" else "b")
    soname = next((line.split("[")[1].rstrip("]") for line in _run("readelf", "-d", str(lib)).stdout.splitlines()
                   if "(SONAME)" in line), lib.name)
    with tempfile.TemporaryDirectory(prefix="capnum-icu-") as tmp:
        work = Path(tmp)
        with lib.open("rb") as handle:
            handle.seek(offset)
            (work / f"{package}.dat").write_bytes(handle.read(size))
        listing = _run("icupkg", "-l", f"{package}.dat", cwd=work)
        if listing.returncode != 0:
            raise TrimError(f"icupkg -l: {listing.stderr.strip()}")
        items = listing.stdout.split()
        dropped = [item for item in items if not keep_item(item, languages)]
        (work / "drop.txt").write_text("\n".join(dropped) + "\n", encoding="utf-8")
        (work / "out").mkdir()
        # The output keeps the input's name: icupkg names the package (the items' path prefix) after it.
        removed = _run("icupkg", "--ignore-deps", "-r", "drop.txt", f"{package}.dat", f"out/{package}.dat", cwd=work)
        missing = [line for line in removed.stderr.splitlines() if "depends on missing item" in line]
        if removed.returncode != 0 or any(not line.rstrip().endswith(".dict") for line in missing):
            raise TrimError(f"icupkg -r: {removed.stderr.strip()[:500]}")
        (work / "data.S").write_text(
            "    .section .rodata\n"
            f"    .globl {symbol}\n"
            f"    .type {symbol}, @object\n"
            "    .balign 16\n"
            f"{symbol}:\n"
            f'    .incbin "out/{package}.dat"\n'
            f"    .size {symbol}, . - {symbol}\n"
            '    .section .note.GNU-stack,"",@progbits\n',
            encoding="utf-8",
        )
        built = _run("cc", "-shared", "-nostdlib", f"-Wl,-soname,{soname}", "-o", "trimmed.so", "data.S", cwd=work)
        if built.returncode != 0:
            raise TrimError(f"cc: {built.stderr.strip()[:500]}")
        before = lib.stat().st_size
        shutil.copyfile(work / "trimmed.so", lib)
    return before, lib.stat().st_size


def trim_folder(internal: Path, languages: tuple[str, ...] = LANGUAGES) -> list[str]:
    """Trim every libicudata of a frozen folder; return one line per library for the build log."""
    lines = []
    for lib in sorted(internal.rglob("libicudata.so*")):
        if lib.is_symlink() or not lib.is_file():
            continue
        try:
            before, after = trim_library(lib, languages)
        except TrimError as exc:
            lines.append(f"ICU data left whole ({lib.name}): {exc}")
            continue
        lines.append(f"ICU data trimmed: {lib.name} {before / 2**20:.1f} MB -> {after / 2**20:.1f} MB")
    return lines


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        path = Path(arg)
        print("\n".join(trim_folder(path) if path.is_dir() else [f"{trim_library(path)}"]))
