"""Fill capnum_en.ts from a Python/JSON table {context: {french source: english}} (a translator's batch).

Usage: ``python resources/i18n/merge_translations.py table.py`` (a module defining ``T``) or ``table.json``;
then ``python resources/i18n/build_translations.py`` to rebuild the .qm files.
"""

from __future__ import annotations

import json
import runpy
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parent / "capnum_en.ts"


def merge(table: dict[str, dict[str, str]], ts: Path = TS) -> int:
    tree = ET.parse(ts)
    filled = 0
    for context in tree.getroot().iter("context"):
        entries = table.get(context.findtext("name") or "", {})
        for message in context.iter("message"):
            english = entries.get(message.findtext("source") or "")
            if english:
                translation = message.find("translation")
                if translation is None:
                    translation = ET.SubElement(message, "translation")
                translation.attrib.pop("type", None)
                translation.text = english
                filled += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return filled


if __name__ == "__main__":
    source = Path(sys.argv[1])
    table = json.loads(source.read_text(encoding="utf-8")) if source.suffix == ".json" else runpy.run_path(str(source))["T"]
    print(f"{merge(table)} translations filled")
