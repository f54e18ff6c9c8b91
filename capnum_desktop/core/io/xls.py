"""What calamine does not give for legacy .xls: which number columns display leading zeros.

A postal code or a SIREN typed as a number and shown as ``01000`` by a ``00000`` format reaches us from
calamine as ``1000``. xlrd reads the cells' formats (``formatting_info``): the pad widths of the first
rows' number cells are voted per column, as for xlsx, and the full load pads those columns. An .xls
holds at most 65,536 rows, which xlrd parses in about half a second.
"""

from __future__ import annotations

import logging
from pathlib import Path

from capnum_desktop.core.io.xlsx import majority_pad_widths, zero_pad_width

log = logging.getLogger(__name__)
PAD_ROWS = 200


def pad_widths(path: Path, sheet: str, rows: int = PAD_ROWS) -> dict[int, int]:
    """Column -> width for columns whose number cells carry a zero-padding format; {} if unreadable."""
    import xlrd

    book = None
    try:
        book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True)
        ws = book.sheet_by_name(sheet)
        formats = {key: zero_pad_width(fmt.format_str or "") for key, fmt in book.format_map.items()}
        return majority_pad_widths(
            (col, formats.get(book.xf_list[ws.cell_xf_index(row, col)].format_key, 0))
            for row in range(min(rows, ws.nrows))
            for col in range(ws.row_len(row))
            if ws.cell_type(row, col) == xlrd.XL_CELL_NUMBER
        )
    except Exception:  # xlrd refuses some files calamine reads: no padding then, the values stay
        log.info("xls formats not readable: %s", path.name)
        return {}
    finally:
        if book is not None:
            book.release_resources()
