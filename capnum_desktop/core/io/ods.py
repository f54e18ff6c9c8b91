"""What calamine does not give for .ods: the text a number cell shows (``01000`` for 1000).

An ODS cell stores its number (``office:value="1000"``) and the text the sheet displays
(``<text:p>01000</text:p>``). We stream ``content.xml`` for the first rows of one sheet and learn,
per column, the zero-padding width that number cells display; the full load then pads like xlsx.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree.ElementTree import ParseError, iterparse

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def pad_widths(path: Path, sheet: str, rows: int = 120) -> dict[int, int]:
    """Column -> width for columns whose integer cells display leading zeros (first ``rows`` rows)."""
    shown_by_col: dict[int, list[str]] = {}
    try:
        with zipfile.ZipFile(path) as archive, archive.open("content.xml") as handle:
            in_sheet = False
            row_count = 0
            col = 0
            for event, elem in iterparse(handle, events=("start", "end")):
                tag = elem.tag
                if tag == f"{{{_TABLE}}}table":
                    if event == "start":
                        in_sheet = elem.get(f"{{{_TABLE}}}name") == sheet
                    elif in_sheet:
                        break
                    continue
                if not in_sheet:
                    if event == "end" and tag == f"{{{_TABLE}}}table-row":
                        elem.clear()
                    continue
                if tag == f"{{{_TABLE}}}table-row":
                    if event == "start":
                        col = 0
                    else:
                        row_count += int(elem.get(f"{{{_TABLE}}}number-rows-repeated", "1") or 1)
                        elem.clear()
                        if row_count >= rows:
                            break
                elif event == "end" and tag in (f"{{{_TABLE}}}table-cell", f"{{{_TABLE}}}covered-table-cell"):
                    repeat = int(elem.get(f"{{{_TABLE}}}number-columns-repeated", "1") or 1)
                    if elem.get(f"{{{_OFFICE}}}value-type") == "float":
                        shown_by_col.setdefault(col, []).append("".join(elem.itertext()).strip())
                    col += min(repeat, 1024)
    except (KeyError, ParseError, zipfile.BadZipFile, OSError):
        return {}
    out = {}
    for col, shown in shown_by_col.items():
        padded = [len(t) for t in shown if t.isdigit() and len(t) > 1 and t.startswith("0")]
        if not padded:
            continue
        width = max(set(padded), key=padded.count)
        # a zero-padding format: no integer of this column is displayed shorter than the width
        if all(len(t) >= width for t in shown if t.isdigit()):
            out[col] = width
    return out
