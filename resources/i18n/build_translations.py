"""Rebuild the interface translations from the sources: capnum_fr.ts / capnum_en.ts and their .qm.

Run after changing any visible string:  ``python resources/i18n/build_translations.py``
(then translate the new entries of capnum_en.ts, e.g. with Qt Linguist, and run it again).
``--check`` only says whether the committed files are up to date and complete (used by the tests).
French is the source language: capnum_fr.ts needs no translation; every entry of capnum_en.ts does.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
SOURCES = REPO / "capnum_desktop" / "ui"
LANGS = ("fr", "en")


def qt_tool(name: str) -> str:
    """lupdate/lrelease from the installed PySide6 (its pyside6-* wrappers fail on namespace installs)."""
    import importlib.util

    spec = importlib.util.find_spec("PySide6")
    for folder in list(spec.submodule_search_locations or []):
        for candidate in (Path(folder) / name, Path(folder) / f"{name}.exe", Path(folder) / "Qt" / "bin" / name):
            if candidate.exists():
                return str(candidate)
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found (pip install PySide6-Essentials)")
    return found


def source_files() -> list[str]:
    return [str(p) for p in sorted(SOURCES.rglob("*.py"))]


def lupdate(ts: Path, lang: str) -> None:
    subprocess.run([qt_tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none", "-source-language", "fr",
                    "-target-language", lang, *source_files(), "-ts", str(ts)], check=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([qt_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)],
                   check=True)


def messages(ts: Path) -> dict[tuple[str, str], tuple[str, str]]:
    """(context, source) -> (translation, type attribute) of a .ts file."""
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            text = (translation.text or "") if translation is not None else ""
            kind = translation.get("type", "") if translation is not None else ""
            out[(name, message.findtext("source") or "")] = (text, kind)
    return out


def check() -> list[str]:
    """Problems: strings in the sources missing from the .ts, English entries left untranslated, stale .qm."""
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.ts"
        lupdate(fresh, "en")
        wanted = set(messages(fresh))
    for lang in LANGS:
        ts = HERE / f"capnum_{lang}.ts"
        if not ts.exists():
            problems.append(f"{ts.name} is missing")
            continue
        have = messages(ts)
        for key in sorted(wanted - set(have)):
            problems.append(f"{ts.name}: not extracted yet: [{key[0]}] {key[1]!r}")
        if lang == "en":
            for key in sorted(wanted & set(have)):
                text, kind = have[key]
                if not text.strip() or kind in ("unfinished", "vanished", "obsolete"):
                    problems.append(f"{ts.name}: untranslated: [{key[0]}] {key[1]!r}")
        qm = HERE / f"capnum_{lang}.qm"
        with tempfile.TemporaryDirectory() as tmp:
            fresh_qm = Path(tmp) / qm.name
            lrelease(ts, fresh_qm)
            if not qm.exists() or qm.read_bytes() != fresh_qm.read_bytes():
                problems.append(f"{qm.name} does not match {ts.name}: run build_translations.py")
    return problems


def build() -> None:
    for lang in LANGS:
        ts = HERE / f"capnum_{lang}.ts"
        lupdate(ts, lang)
        if lang == "fr":  # French is the source: mark every entry as finished, same text
            tree = ET.parse(ts)
            for message in tree.getroot().iter("message"):
                translation = message.find("translation")
                if translation is None:
                    translation = ET.SubElement(message, "translation")
                translation.attrib.pop("type", None)
                translation.text = message.findtext("source")
            tree.write(ts, encoding="utf-8", xml_declaration=True)
        lrelease(ts, HERE / f"capnum_{lang}.qm")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="only report what is out of date")
    args = parser.parse_args(argv)
    if args.check:
        problems = check()
        print("\n".join(problems) or "translations up to date")
        return 1 if problems else 0
    build()
    return 0


if __name__ == "__main__":
    sys.exit(main())
