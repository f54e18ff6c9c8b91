"""Linux build: which system libraries the frozen folder takes from the user's machine instead of a copy.

Why: PyInstaller copies every shared library the app links, the desktop's own included. Those of the
graphics and session stack (X11 client, fontconfig/freetype/harfbuzz, GLib) must match the running
desktop anyway (its fonts configuration, its X server), every Linux desktop able to show a Qt window
has them, and copies of them can break on a newer system. The list is the part of linuxdeployqt's
and AppImage's exclude list that applies here; GLib's own dependencies (libmount, libblkid, pcre2…) go
with it once nothing kept needs them. The C++ runtime (libstdc++, libgcc_s) stays bundled: the wheels
need a recent one. Windows builds are not concerned (these libraries do not exist there).
Used by ``build.spec``; the frozen tests run the result (self-test, ``capnum prepare``).
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterable

HOST_LIBRARIES = (
    "libX11.so.6", "libX11-xcb.so.1", "libxcb.so.1",
    "libfontconfig.so.1", "libfreetype.so.6", "libharfbuzz.so.0", "libexpat.so.1",
    "libglib-2.0.so.0", "libgio-2.0.so.0", "libgobject-2.0.so.0", "libgmodule-2.0.so.0", "libgthread-2.0.so.0",
    "libgpg-error.so.0", "libz.so.1", "libuuid.so.1",
)
"""Libraries taken from the user's system (by soname)."""

SYSTEM_DIRS = ("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/", "/usr/local/lib/")


def is_host_library(dest: str) -> bool:
    """A library of HOST_LIBRARIES at the top of ``_internal/`` (where PyInstaller puts system ones)."""
    return "/" not in dest.replace("\\", "/") and dest in HOST_LIBRARIES


def readelf_needed(path: str) -> list[str]:
    """The sonames ``path`` lists as NEEDED."""
    out = subprocess.run(["readelf", "-d", path], capture_output=True, text=True, check=False).stdout
    return [line.split("[", 1)[1].rstrip("]") for line in out.splitlines() if "(NEEDED)" in line]


def orphans(binaries: Iterable[tuple[str, str, str]], removed: set[str],
            needed: Callable[[str], list[str]] = readelf_needed) -> set[str]:
    """System libraries that only the removed ones needed (repeated until nothing more goes).

    ``binaries`` are PyInstaller's (dest, source, kind) entries still in the build; only top-level
    entries whose source is in a system folder may be removed here, never a wheel's own library.
    """
    entries = [e for e in binaries if e[0] not in removed]
    needs = {e[0]: set(needed(e[1])) for e in entries if e[2] == "BINARY" or e[2] == "EXTENSION"}
    system = {e[0] for e in entries if "/" not in e[0] and e[1].startswith(SYSTEM_DIRS)}
    gone: set[str] = set()
    while True:
        wanted = set().union(*(deps for dest, deps in needs.items() if dest not in gone))
        new = {dest for dest in system - gone if dest not in wanted}
        if not new:
            return gone
        gone |= new
