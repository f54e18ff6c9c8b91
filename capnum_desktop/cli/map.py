"""``capnum map FILE [--schema ID_OR_PATH]``: which column would feed which field, and what would not convert.

Without ``--schema`` the catalogue is ranked by how well the columns fit each standard (headers and values,
``core.schemas.ranking``): ``schema`` is the best one when it fits well, else a schema inferred from the
table (said in ``warnings``); ``candidates`` lists the three best standards with their score.
The same proposal as the app's Map step (``core.schemas.propose_mapping``), followed by a dry-run of the
conversion (``conform``) to count, per field, the values that could not be converted. With ``--json``
stdout is one JSON object (keys fixed by the issue). No cell value is printed.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from capnum_desktop.cli._output import print_json
from capnum_desktop.core.io import ReadOptions, read_table
from capnum_desktop.core.schemas import ConformResult, Mapping, Schema, conform, load_schema, missing_required
from capnum_desktop.core.schemas import propose_mapping as propose
from capnum_desktop.core.schemas.ranking import SchemaCandidate, schema_for_table

NAME = "map"
HELP = "proposer la correspondance entre les colonnes d'un fichier et les champs d'un schéma national"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FICHIER", type=Path, help="fichier CSV, XLSX, XLS ou ODS")
    parser.add_argument(
        "--schema",
        default=None,
        metavar="SCHÉMA",
        help="identifiant du catalogue (ex. scdl/subventions, voir « capnum schemas ») ou fichier Table Schema ; "
        "sans ce choix, le schéma du catalogue qui correspond le mieux aux colonnes",
    )
    parser.add_argument("--sheet", metavar="FEUILLE", help="feuille à lire (classeurs)")
    parser.add_argument("--encoding", metavar="ENCODAGE", help="encodage du texte, par ex. utf-8 ou cp1252")
    parser.add_argument("--delimiter", metavar="SÉPARATEUR", help="séparateur de colonnes (CSV)")
    parser.add_argument("--json", action="store_true", help="sortie JSON (un objet) pour les scripts")


def report(schema: Schema, mapping: Mapping, result: ConformResult) -> dict[str, Any]:
    """The JSON object of ``capnum map --json``."""
    return {
        "schema": schema.id,
        "schema_title": schema.title,
        "schema_version": schema.version,
        "mapping": dict(mapping.columns),
        "confidence": {c: round(float(v), 3) for c, v in mapping.confidence.items()},
        "missing_required": missing_required(schema, mapping),
        "unmapped_fields": [f for f in schema.field_names if not mapping.is_filled(f)],
        "extra_columns": mapping.extra_columns,
        "null_values": list(mapping.null_values),
        "conversion_issues": dict(result.issue_counts),
        "repairs": [r.to_dict() | {"rows": list(r.rows[:10])} for r in result.repairs],
        "row_count": result.table.row_count,
        "warnings": list(result.table.source.warnings) + list(schema.warnings) + list(result.warnings),
    }


def run(args: argparse.Namespace) -> int:
    delimiter = "\t" if (args.delimiter or "").lower() in ("tab", "\\t") else args.delimiter
    options = ReadOptions(encoding=args.encoding, delimiter=delimiter, sheet=args.sheet)
    schema = load_schema(args.schema) if args.schema else None
    table = read_table(args.file, options)
    candidates: list[SchemaCandidate] | None = None
    if schema is None:
        schema, candidates, note = schema_for_table(table)
    mapping = propose(table, schema)
    result = conform(table, schema, mapping)
    data = report(schema, mapping, result)
    if candidates is not None:
        data["candidates"] = [c.to_dict() for c in candidates]
        if note:
            data["warnings"].insert(0, note)
    if args.json:
        print_json(data)
        return 0
    _print_text(data, schema)
    return 0


def _print_text(data: dict[str, Any], schema: Schema) -> None:
    print(f"Schéma : {data['schema_title']} ({data['schema']}, version {data['schema_version']})")
    if data.get("candidates"):
        print("Schémas du catalogue les plus proches : " + ", ".join(
            f"{c['title']} ({c['schema']}) {c['score']:.0%}" for c in data["candidates"]))
    print(f"{data['row_count']} lignes.\n")
    width = max([len(c) for c in data["mapping"]] + [7])
    print(f"{'Colonne':<{width}}  {'Champ proposé':<28} confiance")
    for column, field in data["mapping"].items():
        shown = field or "— (non reprise)"
        confidence = f"{data['confidence'].get(column, 0.0):.0%}" if field else ""
        print(f"{column:<{width}}  {shown:<28} {confidence}")
    if data["missing_required"]:
        print("\nChamps obligatoires sans colonne : " + ", ".join(data["missing_required"]))
        print("Que faire : associez-leur une colonne ou une valeur fixe dans l'application.")
    if data["conversion_issues"]:
        print("\nValeurs non converties (gardées telles quelles, à corriger) :")
        for field, count in data["conversion_issues"].items():
            print(f"  {field} : {count}")
    for repair in data["repairs"]:
        print(f"Réparé – {repair['field']} : {repair['message']}")
    for warning in data["warnings"]:
        print(f"Attention : {warning}")
