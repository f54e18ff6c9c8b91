"""``capnum inspect FILE``: what CapNum detects when it opens a file, and the first rows.

The same detection as the app's Open step (``core.io.read_table``); options override it. With
``--json`` stdout is one JSON object (keys fixed by the issue, for scripts and tests). The structure
problems it lists (``structure_errors``) are those ``capnum validate`` reports as errors with any schema.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from capnum_desktop.cli._output import print_json, print_rows
from capnum_desktop.cli._wording import CLI_SENTENCES, add_lang_argument, count, lang_of, say
from capnum_desktop.core.io import ReadOptions, read_table
from capnum_desktop.core.io.encoding import encoding_label
from capnum_desktop.core.io.warning_sentences import read_text
from capnum_desktop.core.table import Table
from capnum_desktop.core.validation.verdict import file_structure

NAME = "inspect"
HELP = "ouvrir un fichier et afficher ce qui a été détecté (format, encodage, séparateur, en-tête) et les premières lignes"
PREVIEW_ROWS = 20



def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file", metavar="FICHIER", type=Path, help="fichier CSV, TSV, TXT, .csv.gz, XLSX, XLSM, XLS ou ODS"
    )
    parser.add_argument("--sheet", metavar="FEUILLE", help="nom de la feuille à lire (classeurs)")
    parser.add_argument("--encoding", metavar="ENCODAGE", help="encodage du texte, par ex. utf-8 ou cp1252")
    parser.add_argument(
        "--delimiter", metavar="SÉPARATEUR", help="séparateur de colonnes : ';' ',' 'tab' ou '|'"
    )
    parser.add_argument(
        "--header-line",
        metavar="N",
        type=int,
        help="numéro de la ligne d'en-tête dans le fichier (0 : pas d'en-tête)",
    )
    parser.add_argument("--json", action="store_true", help="sortie JSON (un objet) pour les scripts")
    add_lang_argument(parser)


def report(table: Table, lang: str = "fr") -> dict[str, Any]:
    """The JSON object of ``capnum inspect --json``: its structure messages, the reader's warnings and why
    lines were left out (``detail``) in ``lang``; codes, reasons and codec names as they are."""
    src = table.source
    preview = table.df.head(PREVIEW_ROWS)
    return {
        "file": str(src.path),
        "format": src.format,
        "encoding": src.encoding,
        "delimiter": src.delimiter,
        "sheets": list(src.sheets),
        "sheet": src.sheet,
        "header_line": src.header_line,
        "header_lines": src.header_lines,
        "columns": table.columns,
        "row_count": table.row_count,
        "skipped": [{**s.to_dict(), "detail": read_text(s.detail, lang)} for s in src.skipped],
        "blank_rows": list(src.blank_rows),
        "ragged_rows": [{"row": r, "cells": n} for r, n in src.ragged_rows],
        "labels": list(src.labels),
        "warnings": [read_text(w, lang) for w in src.warnings],
        "structure_errors": [{"row": i.row, "field": i.field, "code": i.code, "message": i.text(lang)[0]}
                             for i in file_structure(table).issues()],
        "preview": [[str(v) for v in row] for row in preview.itertuples(index=False, name=None)],
        "preview_lines": [int(i) for i in preview.index],
    }


def _lines(lines: list[int], lang: str = "fr") -> str:
    if len(lines) > 8:
        return ", ".join(map(str, lines[:8])) + say("inspect.more-lines", lang, lines=count(len(lines), "line", lang))
    return ", ".join(map(str, lines))


def _print_structure(problems: list[dict[str, Any]], lang: str = "fr") -> None:
    """The structure errors ``capnum validate`` would report with any schema, or that there are none."""
    if not problems:
        print(say("inspect.structure-fine", lang))
        return
    print(say("inspect.structure-problems", lang, problems=count(len(problems), "problem", lang)))
    for problem in problems[:10]:
        where = say("inspect.at-row", lang, row=problem["row"]) if problem["row"] is not None else ""
        print(f"  {where}{problem['message']}")
    if len(problems) > 10:
        print(say("inspect.and-more", lang, others=count(len(problems) - 10, "other", lang)))


def _reason(reason: str, lang: str) -> str:
    key = f"inspect.reason.{reason}"
    return say(key, lang) if key in CLI_SENTENCES else reason


def run(args: argparse.Namespace) -> int:
    delimiter = args.delimiter
    if delimiter and delimiter.lower() in ("tab", "tabulation", "\\t"):
        delimiter = "\t"
    options = ReadOptions(
        encoding=args.encoding, delimiter=delimiter, sheet=args.sheet, header_line=args.header_line
    )
    lang = lang_of(args)
    table = read_table(args.file, options)
    data = report(table, lang)
    if args.json:
        print_json(data)
        return 0
    print(say("inspect.file", lang, value=data["file"]))
    print(say("inspect.format", lang, value=data["format"]))
    if data["sheets"]:
        print(say("inspect.sheets", lang, sheets=", ".join(data["sheets"]), sheet=data["sheet"]))
    if data["encoding"]:
        print(say("inspect.encoding", lang, value=encoding_label(data["encoding"], lang)))  # JSON: the codec name
    if data["delimiter"]:
        print(say("inspect.delimiter", lang, value=repr(data["delimiter"])))
    header = data["header_line"]
    print(say("inspect.header-line", lang, value=header if header else say("inspect.no-header", lang)))
    print(say("inspect.columns", lang, n=len(data["columns"]), names=", ".join(data["columns"])))
    print(say("inspect.rows", lang, n=data["row_count"]))
    for skipped in data["skipped"]:
        print(say("inspect.skipped", lang, reason=_reason(skipped["reason"], lang), lines=_lines(skipped["lines"], lang)))
    for warning in data["warnings"]:
        print(say("inspect.warning", lang, warning=warning))
    _print_structure(data["structure_errors"], lang)
    print()
    print_rows(
        [say("inspect.line-column", lang), *data["columns"]],
        [[str(n), *row] for n, row in zip(data["preview_lines"], data["preview"], strict=True)],
    )
    return 0
