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
    """

    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    header_line: int | None = None

    @classmethod
    def from_source(cls, source: SourceInfo) -> ReadOptions:
        """Options that read the file again exactly as it was read (for recipes, next month's file)."""
        return cls(
            encoding=source.encoding,
            delimiter=source.delimiter,
            sheet=source.sheet,
            header_line=source.header_line,
        )

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> ReadOptions:
        data = data or {}
        header = data.get("header_line")
        return cls(
            encoding=data.get("encoding") or None,
            delimiter=data.get("delimiter") or None,
            sheet=data.get("sheet") or None,
            header_line=int(header) if header is not None else None,
        )
