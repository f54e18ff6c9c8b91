"""``capnum scan FILE [--json]``: which columns hold personal data, why, and what would be done."""

from __future__ import annotations

import argparse
from typing import Any

from capnum_desktop.cli._output import print_json

NAME = "scan"
HELP = "repérer les données personnelles d'un fichier et proposer les actions (sans rien modifier)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FICHIER", help="fichier CSV, Excel ou ODS à analyser")
    parser.add_argument("--json", action="store_true", help="sortie JSON (un objet) au lieu du texte")
    parser.add_argument("--sheet", default=None, help="feuille à lire (classeurs)")
    parser.add_argument("-k", type=int, default=None, help="seuil d'anonymat k (11 par défaut)")


def scan_summary(scan: Any) -> dict[str, Any]:
    """The JSON object printed by ``--json`` (the contract of the issue)."""
    return {
        "columns": [
            {"column": f.column, "category": f.category, "confidence": round(f.confidence, 3),
             "evidence": f.evidence, "action": f.default_action, "legal_basis": f.legal_basis,
             "label": f.label, "explanation": f.explanation, "allowed_actions": f.allowed_actions}
            for f in scan.columns
        ],
        "k_anonymity": {
            "quasi_identifiers": list(scan.k_anonymity.quasi_identifiers),
            "k": scan.k_anonymity.k,
            "target": scan.k_anonymity.target,
            "rows_at_risk": scan.k_anonymity.rows_at_risk,
            "sentence": scan.k_anonymity.sentence(),
        },
        "row_count": scan.row_count,
    }


def run(args: argparse.Namespace) -> int:
    from capnum_desktop.core.io import ReadOptions, read_table
    from capnum_desktop.core.privacy import load_rules, scan_table

    options = ReadOptions(sheet=args.sheet) if args.sheet else None
    table = read_table(args.file, options)
    scan = scan_table(table, k=args.k)
    summary = scan_summary(scan)
    if args.json:
        print_json(summary)
        return 0
    rules = load_rules()
    print(f"{table.row_count} lignes, {len(table.columns)} colonnes analysées.")
    for f in scan.columns:
        if not f.category:
            continue
        action = rules.actions.get(f.default_action, {}).get("label", f.default_action)
        print(f"\n« {f.column} » : {f.label} (confiance {round(100 * f.confidence)} %)")
        for line in f.evidence:
            print(f"  - {line}")
        print(f"  Action proposée : {action}. {f.explanation}")
        print(f"  Base légale : {', '.join(f.legal_basis)}")
    clean = [f.column for f in scan.columns if not f.category]
    if clean:
        print(f"\nSans donnée personnelle repérée : {', '.join(clean)}.")
    print(f"\nRisque de ré-identification : {scan.k_anonymity.sentence()}")
    print(f"\n{rules.statement}")
    return 0
