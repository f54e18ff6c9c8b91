"""Spreadsheets that are really markup: an HTML table or an Excel 2003 XML workbook saved as .xls.

Business applications often "export to Excel" by writing an HTML page or SpreadsheetML 2003 with an
``.xls`` name; Excel opens them, so bureaus have them. Both are read with the standard library into
the same grid of text cells as every other format.
"""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError, iterparse

import pandas as pd

from capnum_desktop.core.errors import InputFileError
from capnum_desktop.core.io import encoding as enc
from capnum_desktop.core.io import source
from capnum_desktop.core.io.assemble import GridInfo
from capnum_desktop.core.io.options import ReadOptions
from capnum_desktop.core.io.values import format_number
from capnum_desktop.core.io.warning_sentences import ReadNote

MAX_MARKUP_BYTES = 300_000_000


def _grid(rows: list[list[str]], numbers: list[int] | None = None) -> pd.DataFrame:
    width = max((len(r) for r in rows), default=0)
    frame = pd.DataFrame([r + [""] * (width - len(r)) for r in rows], dtype=object)
    frame = frame.astype(str) if len(frame) else frame
    frame.index = pd.Index(numbers or list(range(1, len(rows) + 1)), name="source_row")
    frame.columns = range(width)
    return frame


class _Tables(HTMLParser):
    """Collect the rows of every <table> (colspan repeated as empty cells, <br> as a line break)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[str]]] = []
        self.spans: list[list[tuple[int, int, int, int]]] = []  # per table: merges as in GridInfo
        self._depth = 0
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._span = 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._depth += 1
            if self._depth == 1:
                self.tables.append([])
                self.spans.append([])
        elif self._depth == 1 and tag == "tr":
            self._row = []
        elif self._depth == 1 and tag in ("td", "th") and self._row is not None:
            self._cell = []
            span = dict(attrs).get("colspan") or "1"
            self._span = int(span) if span.isdigit() else 1
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._close_row()
            self._depth = max(0, self._depth - 1)
        elif self._depth == 1 and tag in ("td", "th"):
            self._close_cell()
        elif self._depth == 1 and tag == "tr":
            self._close_row()

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)

    def _close_cell(self) -> None:
        if self._cell is not None and self._row is not None:
            text = "".join(self._cell)
            text = "\n".join(" ".join(part.split()) for part in text.split("\n")).strip()
            if self._span > 1 and self.spans:
                row = len(self.tables[-1]) + 1
                self.spans[-1].append((row, len(self._row), row, len(self._row) + self._span - 1))
            self._row.append(text)
            self._row.extend([""] * (self._span - 1))
        self._cell = None
        self._span = 1

    def _close_row(self) -> None:
        self._close_cell()
        if self._row is not None and self.tables:
            self.tables[-1].append(self._row)
        self._row = None


def _decode_markup(data: bytes, forced: str | None) -> tuple[str, str]:
    if forced:
        return data.decode(forced, errors="replace"), forced
    declared = re.search(rb"""(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9_-]+)""", data[:4096])
    if declared:
        try:
            name = enc.normalize(declared.group(1).decode("ascii"))
            return data.decode(name, errors="replace"), name
        except (ValueError, LookupError):
            pass
    name = enc.detect(data[: enc.SAMPLE_BYTES], complete=len(data) <= enc.SAMPLE_BYTES)
    return data.decode(name, errors="replace"), name


def read_html(path: Path, options: ReadOptions) -> tuple[pd.DataFrame, GridInfo, bool]:
    data = source.read_bytes(path, MAX_MARKUP_BYTES)
    text, encoding = _decode_markup(data, options.encoding)
    parser = _Tables()
    parser.feed(text)
    parser.close()
    tables = [t for t in parser.tables if t]
    if not tables:
        raise InputFileError.coded("html-no-table", name=path.name)
    best = max(range(len(parser.tables)), key=lambda i: sum(len(r) for r in parser.tables[i]))
    table = parser.tables[best]
    info = GridInfo(path=path, format="html", encoding=encoding, merges=parser.spans[best])
    if len(tables) > 1:
        info.warnings.append(ReadNote("html-several-tables", tables=len(tables)))
    return _grid(table), info, True


_SS = "urn:schemas-microsoft-com:office:spreadsheet"


def _attr(elem: Element, name: str) -> str | None:
    return elem.get(f"{{{_SS}}}{name}") or elem.get(name)


def _xml_value(kind: str | None, text: str) -> str:
    if kind == "Number":
        try:
            return format_number(float(text))
        except ValueError:
            return text
    if kind == "DateTime":
        text = text.split(".")[0]
        return text[:10] if text.endswith("T00:00:00") else text
    if kind == "Boolean":
        return "true" if text.strip() in ("1", "true") else "false"
    return text


def read_xml2003(path: Path, options: ReadOptions) -> tuple[pd.DataFrame, GridInfo, bool]:
    """SpreadsheetML 2003: <Worksheet ss:Name><Table><Row ss:Index><Cell ss:Index><Data ss:Type>."""
    data = source.read_bytes(path, MAX_MARKUP_BYTES)
    sheets: dict[str, tuple[list[list[str]], list[int]]] = {}
    order: list[str] = []
    try:
        current = None
        rows: list[list[str]] = []
        numbers: list[int] = []
        row: list[str] = []
        row_number = 0
        col = 0
        kind = None
        for event, elem in iterparse(io.BytesIO(data), events=("start", "end")):
            tag = elem.tag.rsplit("}", 1)[-1]
            if event == "start":
                if tag == "Worksheet":
                    current = _attr(elem, "Name") or f"Feuille{len(order) + 1}"
                    rows, numbers, row_number = [], [], 0
                elif tag == "Row":
                    index = _attr(elem, "Index")
                    row_number = int(index) if index else row_number + 1
                    row, col = [], 0
                elif tag == "Cell":
                    index = _attr(elem, "Index")
                    col = int(index) - 1 if index else col
                elif tag == "Data":
                    kind = _attr(elem, "Type")
                continue
            if tag == "Data":
                value = "".join(elem.itertext())
                row.extend([""] * (col - len(row)))
                row.append(_xml_value(kind, value))
            elif tag == "Cell":
                col = max(col + 1, len(row))
                span = _attr(elem, "MergeAcross")
                if span and span.isdigit():
                    col += int(span)
                elem.clear()
            elif tag == "Row":
                if any(v.strip() for v in row):
                    rows.append(row)
                    numbers.append(row_number)
                elem.clear()
            elif tag == "Worksheet" and current is not None:
                sheets[current] = (rows, numbers)
                order.append(current)
    except ParseError as exc:
        raise InputFileError.coded("xml-workbook-damaged", hint="hint.save-as-xlsx", name=path.name) from exc
    if not order:
        raise InputFileError.coded("xml-workbook-no-sheet", name=path.name)
    if options.sheet:
        if options.sheet not in sheets:
            raise InputFileError.coded("sheet-missing", sheet=options.sheet, name=path.name, sheets=list(order))
        name = options.sheet
    else:
        name = max(order, key=lambda n: (sum(len(r) for r in sheets[n][0]), -order.index(n)))
    rows, numbers = sheets[name]
    info = GridInfo(path=path, format="xml2003", sheets=tuple(order), sheet=name)
    if not rows:
        return pd.DataFrame(), info, True
    return _grid(rows, numbers), info, True
