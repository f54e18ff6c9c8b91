"""What calamine does not give for .ods: the text a number cell shows (``01000`` for 1000).

An ODS cell stores its number (``office:value="1000"``) and the text the sheet displays
(``<text:p>01000</text:p>``). We stream ``content.xml`` for the first rows of one sheet and learn,
per column, the zero-padding width that number cells display; the full load then pads like xlsx.

The same pass gives the first rows as text (:func:`head`): calamine copies a whole sheet on each
``load_sheet``, so reading the head through it cost a second copy of a 1M-row sheet.
"""

from __future__ import annotations

import html
import re
import zipfile
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError, iterparse

import pandas as pd

from capnum_desktop.core.io.values import format_number

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


PAD_ROWS = 120
MAX_COLUMNS = 16384
TRAILING_ROWS = 1 << 21
"""Blank rows looked through past the head to see whether the sheet ends (its last row is 1048576)."""
"""A row's repeated empty cells run to LibreOffice's last column: never materialised."""


def pad_widths(path: Path, sheet: str, rows: int = PAD_ROWS) -> dict[int, int]:
    """Column -> width for columns whose integer cells display leading zeros (first ``rows`` rows)."""
    found = _stream(path, sheet, rows)
    return found[1] if found else {}


def head(path: Path, sheet: str, rows: int) -> tuple[pd.DataFrame, dict[int, int], bool] | None:
    """The first ``rows`` sheet rows as text (index = row number from 1, columns = absolute position,
    like calamine's), the pad widths, and whether the sheet ends within them; None if unreadable."""
    found = _stream(path, sheet, max(rows, PAD_ROWS), keep=rows)
    if found is None:
        return None
    cells, pads, seen, ended = found
    complete = ended and seen <= rows
    height = min(seen, rows)  # blank rows after the last filled one are not part of the sheet
    if not cells:
        return pd.DataFrame(), pads, complete
    width = max(col for (_, col) in cells) + 1
    data = [[""] * width for _ in range(height)]
    for (row, col), text in cells.items():
        if row <= height:
            data[row - 1][col] = text
    frame = pd.DataFrame(data, dtype=object).astype(str)
    frame.index = pd.RangeIndex(1, height + 1)
    return frame, pads, complete


_SHEET_TAG = re.compile(rb'<table:table\s[^>]*?table:name="([^"]*)"')


def sheet_names(path: Path) -> list[str] | None:
    """The sheet names, by scanning ``content.xml``'s bytes (2.5 s for a 1M-row file, where calamine
    parses every cell before it names a sheet); None if the file does not look as expected."""
    names: list[str] = []
    tail = b""
    try:
        with zipfile.ZipFile(path) as archive, archive.open("content.xml") as handle:
            while chunk := handle.read(16 << 20):
                buf = tail + chunk
                names += [
                    html.unescape(m.group(1).decode("utf-8"))
                    for m in _SHEET_TAG.finditer(buf)
                    if m.end() > len(tail)  # one wholly in the overlap was found with the previous chunk
                ]
                tail = buf[-4096:]
    except (KeyError, zipfile.BadZipFile, OSError, UnicodeDecodeError, ValueError):
        return None
    return names or None


def _value(elem: Element) -> str:
    """The text calamine gives for this cell once :mod:`values` has formatted it."""
    kind = elem.get(f"{{{_OFFICE}}}value-type")
    if kind in ("float", "percentage", "currency"):
        try:
            return format_number(float(elem.get(f"{{{_OFFICE}}}value", "")))
        except ValueError:
            pass
    elif kind == "date":
        value = elem.get(f"{{{_OFFICE}}}date-value", "")
        return value[:10] if value.endswith("T00:00:00") or len(value) == 10 else value[:19]
    elif kind == "boolean":
        return "true" if elem.get(f"{{{_OFFICE}}}boolean-value") == "true" else "false"
    paragraphs = elem.findall(f"{{{_TEXT}}}p")
    return "\n".join(_text(p) for p in paragraphs)


def _text(node: Element) -> str:
    """A paragraph's text with its spaces (``<text:s text:c="3"/>``), tabs and line breaks."""
    parts = [node.text or ""]
    for child in node:
        if child.tag == f"{{{_TEXT}}}s":
            parts.append(" " * int(child.get(f"{{{_TEXT}}}c", "1") or 1))
        elif child.tag == f"{{{_TEXT}}}tab":
            parts.append("\t")
        elif child.tag == f"{{{_TEXT}}}line-break":
            parts.append("\n")
        elif child.tag != f"{{{_OFFICE}}}annotation":
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _stream(
    path: Path, sheet: str, rows: int, keep: int = 0
) -> tuple[dict[tuple[int, int], str], dict[int, int], int, bool] | None:
    """One pass over the first ``rows`` rows of ``sheet``: (text of the non-empty cells of the first
    ``keep`` rows by (row, column), pad widths, rows seen, sheet ended?)."""
    shown_by_col: dict[int, list[str]] = {}
    cells: dict[tuple[int, int], str] = {}
    complete = True
    row_count = 0
    row_cells: dict[int, str] = {}
    filled = False
    last_filled = 0
    try:
        with zipfile.ZipFile(path) as archive, archive.open("content.xml") as handle:
            in_sheet = False
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
                        row_cells = {}
                        filled = False
                    else:
                        repeat = int(elem.get(f"{{{_TABLE}}}number-rows-repeated", "1") or 1)
                        if filled:
                            for k in range(min(repeat, max(0, keep - row_count))):
                                cells.update({(row_count + k + 1, c): t for c, t in row_cells.items()})
                            last_filled = row_count + repeat
                        row_count += repeat
                        elem.clear()
                        if row_count >= rows and (filled or row_count > rows + TRAILING_ROWS):
                            complete = False  # more filled rows follow (LibreOffice's repeated blank one does not count)
                            break
                elif event == "end" and tag in (f"{{{_TABLE}}}table-cell", f"{{{_TABLE}}}covered-table-cell"):
                    repeat = int(elem.get(f"{{{_TABLE}}}number-columns-repeated", "1") or 1)
                    filled = filled or elem.get(f"{{{_OFFICE}}}value-type") is not None or len(elem) > 0
                    if elem.get(f"{{{_OFFICE}}}value-type") == "float":
                        shown_by_col.setdefault(col, []).append("".join(elem.itertext()).strip())
                    if keep and tag == f"{{{_TABLE}}}table-cell" and row_count < keep:
                        text = _value(elem)
                        if text:
                            for k in range(min(repeat, MAX_COLUMNS - col)):
                                row_cells[col + k] = text
                    col += min(repeat, MAX_COLUMNS)
    except (KeyError, ParseError, zipfile.BadZipFile, OSError, ValueError):
        return None
    out = {}
    for col, shown in shown_by_col.items():
        padded = [len(t) for t in shown if t.isdigit() and len(t) > 1 and t.startswith("0")]
        if not padded:
            continue
        width = max(set(padded), key=padded.count)
        # a zero-padding format: no integer of this column is displayed shorter than the width
        if all(len(t) >= width for t in shown if t.isdigit()):
            out[col] = width
    return cells, out, last_filled, complete
