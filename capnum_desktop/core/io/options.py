"""How to read a file: what the user (or a recipe) forced instead of letting detection decide."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from capnum_desktop.core.table import SourceInfo


@dataclass(frozen=True)
class ReadOptions:
    """Overrides for detection; ``None`` means "detect it".

    ``header_line`` is the 1-based line (CSV) or row (workbook) number of the header in the source, as
    the user sees it in a text editor or a spreadsheet; ``0`` means "the file has no header row".
    ``header_rows`` is how many rows the header spans from there (a band over the labels, units under
    them). ``keep_rows`` names kinds of rows (``types``, ``instructions``, ``total``, ``subtotal``,
    ``subheading``: see :mod:`row_kinds`) the agent keeps as data instead of leaving them out.
    ``all_sheets`` appends the sheets laid out like the chosen one into one table.
    """

    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    header_line: int | None = None
    header_rows: int | None = None
    keep_rows: tuple[str, ...] = ()
    all_sheets: bool = False

    @classmethod
    def from_source(cls, source: SourceInfo) -> ReadOptions:
        """Options that read the file again exactly as it was read (for recipes, next month's file)."""
        return cls(
            encoding=source.encoding,
            delimiter=source.delimiter,
            sheet=source.sheet,
            header_line=source.header_line,
            header_rows=source.header_lines if source.header_line else None,
            keep_rows=tuple(s.reason for s in source.kept),
            all_sheets=bool(source.appended_sheets),
        )

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["keep_rows"] = list(self.keep_rows)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> ReadOptions:
        data = data or {}
        header = data.get("header_line")
        rows = data.get("header_rows")
        return cls(
            encoding=data.get("encoding") or None,
            delimiter=data.get("delimiter") or None,
            sheet=data.get("sheet") or None,
            header_line=int(header) if header is not None else None,
            header_rows=int(rows) if rows else None,
            keep_rows=tuple(str(k) for k in data.get("keep_rows") or ()),
            all_sheets=bool(data.get("all_sheets")),
        )
