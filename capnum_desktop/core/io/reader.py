"""``read_table``: any supported file -> :class:`Table` of text cells, with what was detected."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from capnum_desktop.core.errors import UnsupportedFormatError
from capnum_desktop.core.io import delimited, sniff, source
from capnum_desktop.core.io.assemble import assemble
from capnum_desktop.core.io.options import ReadOptions
from capnum_desktop.core.jobs import CancelToken, Progress
from capnum_desktop.core.table import Table

WORKBOOK_FORMATS = {"xlsx", "xlsm", "xls", "ods"}


def read_table(
    path: str | Path,
    options: ReadOptions | None = None,
    *,
    max_rows: int | None = None,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> Table:
    """Open ``path`` (CSV/TSV/TXT, .csv.gz, xlsx/xlsm, xls, ods) as a Table of text cells.

    ``options`` force what detection would otherwise decide; ``max_rows`` reads only the first data
    rows (a quick preview); ``progress`` and ``cancel`` as everywhere in the core. Raises a
    :class:`~capnum_desktop.core.errors.CapnumError` subclass with a French message on bad input.
    The source file is only ever opened for reading.
    """
    path = source.check_path(Path(path))
    options = options or ReadOptions()
    fmt = sniff.detect_format(path)
    if fmt == "csv":
        grid, info, at_end = delimited.read_grid(
            path, options, max_rows=max_rows, progress=progress, cancel=cancel
        )
    elif fmt in WORKBOOK_FORMATS:
        workbook = _workbook_readers()[0]
        grid, info, at_end = workbook.read_grid(
            path, options, fmt, max_rows=max_rows, progress=progress, cancel=cancel
        )
    elif fmt == "html":
        grid, info, at_end = _workbook_readers()[1].read_html(path, options)
    elif fmt == "xml2003":
        grid, info, at_end = _workbook_readers()[1].read_xml2003(path, options)
    else:
        raise UnsupportedFormatError.coded("format-not-supported", name=path.name, format=fmt)
    table = assemble(
        grid, info, header_line=options.header_line, max_rows=max_rows, at_end=at_end, keep_rows=options.keep_rows,
        header_rows=options.header_rows,
    )
    if fmt in WORKBOOK_FORMATS and len(table.source.sheets) > 1 and table.source.sheet:
        append_sheets = _workbook_readers()[2]
        similar = append_sheets.look_alike_sheets(path, fmt, table.source.sheet)
        if options.all_sheets and len(similar) > 1:
            table = append_sheets.append(
                table, similar, lambda o: read_table(path, o, max_rows=max_rows, cancel=cancel), options
            )
        table = table.with_source(similar_sheets=tuple(similar))
    return table


def _workbook_readers() -> tuple[ModuleType, ModuleType, ModuleType, ModuleType]:
    """(workbook, markup, append_sheets, xlsx), imported when a file needs them: a CSV opened by ``capnum
    inspect`` does not pay for calamine and the XML readers (15-30 ms of a 200k-row file's second)."""
    from capnum_desktop.core.io import append_sheets, markup, workbook, xlsx

    return workbook, markup, append_sheets, xlsx


def list_sheets(path: str | Path) -> list[str]:
    """Sheet names of a workbook in their order; ``[]`` for a text file."""
    workbook, markup, _append_sheets, xlsx = _workbook_readers()
    path = source.check_path(Path(path))
    fmt = sniff.detect_format(path)
    if fmt == "xml2003":
        return list(markup.read_xml2003(path, ReadOptions())[1].sheets)
    if fmt in ("xlsx", "xlsm"):
        with xlsx.XlsxPackage.open(path) as pkg:
            return [s.name for s in pkg.sheets]
    if fmt not in WORKBOOK_FORMATS:
        return []
    return [str(name) for name in workbook.sheet_names(workbook.open_reader(path, fmt))]
