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
from capnum_desktop.core.io import ReadOptions, read_table
from capnum_desktop.core.io.encoding import encoding_label
from capnum_desktop.core.table import Table
from capnum_desktop.core.validation.verdict import file_structure
from capnum_desktop.core.wording import count as count_of

NAME = "inspect"
HELP = "ouvrir un fichier et afficher ce qui a été détecté (format, encodage, séparateur, en-tête) et les premières lignes"
PREVIEW_ROWS = 20

_REASONS = {
    "title": "titre ou note au-dessus de l'en-tête",
    "blank": "ligne vide au-dessus de l'en-tête",
    "footer": "total, source ou note sous le tableau",
    "empty": "ligne vide",
}


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


def report(table: Table) -> dict[str, Any]:
    """The JSON object of ``capnum inspect --json``."""
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
        "skipped": [s.to_dict() for s in src.skipped],
        "blank_rows": list(src.blank_rows),
        "ragged_rows": [{"row": r, "cells": n} for r, n in src.ragged_rows],
        "labels": list(src.labels),
        "warnings": list(src.warnings),
        "structure_errors": [{"row": i.row, "field": i.field, "code": i.code, "message": i.message}
                             for i in file_structure(table).issues()],
        "preview": [[str(v) for v in row] for row in preview.itertuples(index=False, name=None)],
        "preview_lines": [int(i) for i in preview.index],
    }


def _lines(lines: list[int]) -> str:
    if len(lines) > 8:
        return ", ".join(map(str, lines[:8])) + f"… ({len(lines)} lignes)"
    return ", ".join(map(str, lines))


def _print_structure(problems: list[dict[str, Any]]) -> None:
    """The structure errors ``capnum validate`` would report with any schema, or that there are none."""
    if not problems:
        print("Structure : aucun problème (pas de ligne vide, toutes les lignes ont autant de cellules que l'en-tête).")
        return
    print(f"Structure : {count_of(len(problems), 'problème')} que le validateur national signalerait, quel que soit le schéma :")
    for problem in problems[:10]:
        where = f"Ligne {problem['row']} : " if problem["row"] is not None else ""
        print(f"  {where}{problem['message']}")
    if len(problems) > 10:
        print(f"  … et {count_of(len(problems) - 10, 'autre')} (capnum inspect --json les liste tous).")


def run(args: argparse.Namespace) -> int:
    delimiter = args.delimiter
    if delimiter and delimiter.lower() in ("tab", "tabulation", "\\t"):
        delimiter = "\t"
    options = ReadOptions(
        encoding=args.encoding, delimiter=delimiter, sheet=args.sheet, header_line=args.header_line
    )
    table = read_table(args.file, options)
    data = report(table)
    if args.json:
        print_json(data)
        return 0
    print(f"Fichier : {data['file']}")
    print(f"Format : {data['format']}")
    if data["sheets"]:
        print("Feuilles : " + ", ".join(data["sheets"]) + f" (lue : {data['sheet']})")
    if data["encoding"]:
        print(f"Encodage : {encoding_label(data['encoding'])}")  # the JSON keeps the codec name
    if data["delimiter"]:
        print(f"Séparateur : {data['delimiter']!r}")
    header = data["header_line"]
    print(f"Ligne d'en-tête : {header if header else 'aucune'}")
    print(f"Colonnes ({len(data['columns'])}) : " + ", ".join(data["columns"]))
    print(f"Lignes de données : {data['row_count']}")
    for skipped in data["skipped"]:
        print(
            f"Laissé de côté ({_REASONS.get(skipped['reason'], skipped['reason'])}) : lignes {_lines(skipped['lines'])}"
        )
    for warning in data["warnings"]:
        print(f"Attention : {warning}")
    _print_structure(data["structure_errors"])
    print()
    print_rows(
        ["ligne", *data["columns"]],
        [[str(n), *row] for n, row in zip(data["preview_lines"], data["preview"], strict=True)],
    )
    return 0
