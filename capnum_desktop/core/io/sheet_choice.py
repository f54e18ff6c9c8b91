"""Which sheet of a workbook a person would read: the active one, else the main table's.

A workbook of look-alike sheets (one per year, per group) has no "biggest" sheet that matters: a person
reads the sheet that was active when the file was saved, else the first. A workbook with a cover, a
summary and the data sheet is read at its data sheet. The workbook records its active sheet (xlsx
``activeTab``, ods ``ActiveTable`` in settings.xml, xls the selected sheet), which we read here.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from capnum_desktop.core.io import layout

SIDE_SHEET = re.compile(
    r"(note|lisez|readme|read me|sommaire|couverture|cover|notice|documentation|m[ée]thodo|source|"
    r"l[ée]gende|aide|info|param|liste|guide|contact|pr[ée]sentation|garde|dictionnaire|r[ée]sum[ée])",
    re.IGNORECASE,
)
"""Names of sheets that hold notes, not the table."""


@dataclass
class SheetFacts:
    """What is known of one sheet from its first rows."""

    name: str
    visible: bool
    filled: int  # filled cells in the first rows
    size: int  # a measure of the whole sheet (rows, or rows x columns)
    signature: tuple[str, ...]  # the header's names, folded; () when no header

    @property
    def is_side(self) -> bool:
        return bool(SIDE_SHEET.search(self.name))

    def score(self) -> tuple[int, int, int, int]:
        return (int(self.visible), int(self.filled > 0 and not self.is_side), self.filled, self.size)


def signature(rows: Sequence[Sequence[str]]) -> tuple[str, ...]:
    """The header's names of a sheet from its first rows (text cells), folded; () without header."""
    lay = layout.detect_header(rows)
    if not lay.header:
        return ()
    width = max((len(r) for r in rows), default=0)
    names = layout.combine_header([rows[i] for i in lay.header], width)
    return tuple(n.casefold() for n in names if n)


def look_alikes(facts: Sequence[SheetFacts], of: str) -> list[str]:
    """Sheets (in workbook order) whose header is the same as sheet ``of``'s, ``of`` included."""
    ref = next((f for f in facts if f.name == of), None)
    if ref is None or len(ref.signature) < 2:
        return [of]
    return [f.name for f in facts if f.visible and f.signature == ref.signature]


def pick(facts: Sequence[SheetFacts], active: str | None) -> str | None:
    """The active sheet when it holds a table (not a cover or notes); else among the sheets that look
    like the main one (most filled, visible, not notes), the first."""
    if not facts:
        return None
    best = max(facts, key=SheetFacts.score)
    chosen = next((f for f in facts if f.name == active), None)
    if (
        chosen is not None
        and chosen.visible
        and not chosen.is_side
        and chosen.filled > 0
        and (chosen.signature == best.signature or chosen.filled * 4 >= best.filled)
    ):
        return chosen.name
    return look_alikes(facts, best.name)[0]


def ods_active(path: Path) -> str | None:
    """The ``ActiveTable`` written in an .ods' settings.xml (LibreOffice writes it), or None."""
    try:
        with zipfile.ZipFile(path) as archive:
            text = archive.read("settings.xml")[:2_000_000].decode("utf-8", "replace")
    except (KeyError, zipfile.BadZipFile, OSError):
        return None
    found = re.search(r'config:name="ActiveTable"[^>]*>([^<]*)<', text)
    if not found:
        return None
    import html

    return html.unescape(found.group(1))


def xls_active(path: Path) -> str | None:
    """The sheet selected when an .xls was saved (xlrd reads each sheet's WINDOW2), or None."""
    try:
        import xlrd

        book = xlrd.open_workbook(str(path), on_demand=True)
    except Exception:  # xlrd refuses some files calamine reads: no active sheet then
        return None
    try:
        names = book.sheet_names()
        if len(names) < 2:
            return None
        for k, name in enumerate(names):
            sheet = book.sheet_by_index(k)
            if getattr(sheet, "sheet_selected", 0):
                return str(name)
            book.unload_sheet(k)
        return None
    except Exception:
        return None
    finally:
        book.release_resources()
