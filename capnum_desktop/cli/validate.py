"""``capnum validate FILE --schema ID_OR_PATH [--json]``: is the file valid against a national schema?

What it does: FILE is read (encoding, separator, sheet and header detected as in the app), its columns
are matched to the schema's fields by the automatic proposal (``propose_mapping``), values are
converted to the schema's forms (``conform``: 15/03/2024 -> 2024-03-15, 12,5 -> 12.5…), then the
result is validated like frictionless plus the national validator's checks. So it answers "would
CapNum's automatic preparation of this file be valid?"; with ``--raw`` the cells are validated as
they are, columns matched by name only (the strict view of the national validator).
Exit code: 0 valid, 1 errors found, 2 the file or schema could not be used.
"""

from __future__ import annotations

import argparse

from capnum_desktop.cli._output import print_json

NAME = "validate"
HELP = "valider un fichier contre un schéma national (code 0 : valide, 1 : erreurs)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FICHIER", help="fichier CSV, Excel ou ODS")
    parser.add_argument("--schema", required=True, metavar="ID_OU_CHEMIN",
                        help="identifiant du catalogue (ex. scdl/subventions) ou fichier schema.json")
    parser.add_argument("--json", action="store_true", help="sortie JSON (un objet) au lieu du texte")
    parser.add_argument("--raw", action="store_true",
                        help="valider les cellules telles quelles (sans correspondance automatique ni conversion)")
    parser.add_argument("--sheet", default=None, help="feuille à lire (classeurs)")
    parser.add_argument("--max", type=int, default=50, metavar="N", help="nombre d'erreurs détaillées (50)")


def run(args: argparse.Namespace) -> int:
    from capnum_desktop.core.io import ReadOptions, read_table
    from capnum_desktop.core.schemas import conform, load_schema, missing_required, propose_mapping
    from capnum_desktop.core.validation import validate_table

    schema = load_schema(args.schema)
    table = read_table(args.file, ReadOptions(sheet=args.sheet) if args.sheet else None)
    notes: list[str] = []
    if not args.raw:
        mapping = propose_mapping(table, schema)
        for name in missing_required(schema, mapping):
            notes.append(f"Aucune colonne ne correspond au champ obligatoire « {name} ».")
        table = conform(table, schema, mapping).table
    report = validate_table(table, schema)
    if args.json:
        data = report.to_dict(max_issues=max(0, args.max))
        data["notes"] = notes
        data["mode"] = "raw" if args.raw else "mapped"
        print_json(data)
        return 0 if report.valid else 1
    print(report.summary())
    for note in notes:
        print(f"Note : {note}")
    if report.error_count:
        print("\nErreurs par colonne et par type :")
        for field, kind, count in report.by_field_and_kind()[:30]:
            print(f"  {field or '(ligne)'} — {kind} : {count}")
        print(f"\nDétail ({min(args.max, report.error_count)} sur {report.error_count}) :")
        for issue in report.issues(severity="error", limit=args.max):
            print(f"  {issue.line()}")
    warnings = report.issues(severity="warning")
    if warnings:
        print("\nAvertissements :")
        for w in warnings:
            print(f"  {w.message}")
    return 0 if report.valid else 1
