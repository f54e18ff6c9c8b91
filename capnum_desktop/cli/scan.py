"""``capnum scan FILE [--schema S] [--json] [--lang en]``: which columns hold personal data, why, and what
would be done.

With ``--schema`` the columns are first mapped to the schema (as ``prepare`` does) and the proposed actions
are those of the plan made for that schema and for what the rows are about (legal entities, facilities,
persons): a field the schema requires is never removed silently. ``--lang en`` prints (and ``--json``
writes) the sentences in English — evidence, labels, rules, notes, the risk — from the codes the scan and
the plan record; French is the default. Keys, category ids, actions and legal references do not change.
"""

from __future__ import annotations

import argparse
from typing import Any

from capnum_desktop.cli._output import print_json
from capnum_desktop.cli._wording import add_lang_argument, lang_of, say

NAME = "scan"
HELP = "repérer les données personnelles d'un fichier et proposer les actions (sans rien modifier)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FICHIER", help="fichier CSV, Excel ou ODS à analyser")
    parser.add_argument("--json", action="store_true", help="sortie JSON (un objet) au lieu du texte")
    parser.add_argument("--sheet", default=None, metavar="FEUILLE", help="feuille à lire (classeurs)")
    parser.add_argument("-k", type=int, default=None, help="seuil d'anonymat k (11 par défaut)")
    parser.add_argument("--schema", metavar="ID_OU_CHEMIN", default=None,
                        help="schéma visé : les actions proposées tiennent compte de ses champs obligatoires")
    add_lang_argument(parser)


def scan_summary(scan: Any, plan: Any = None, lang: str = "fr") -> dict[str, Any]:
    """The JSON object printed by ``--json`` (the contract of the issue); ``plan`` gives the proposed actions,
    ``lang`` the language of its sentences."""

    def proposed(f: Any) -> tuple[str, str]:
        d = plan.decision(f.column) if plan is not None else None
        return (d.action, d.note_in(lang)) if d is not None else (f.default_action, "")

    return {
        "columns": [
            {"column": f.column, "category": f.category, "confidence": round(f.confidence, 3),
             "evidence": f.evidence_in(lang), "action": proposed(f)[0], "note": proposed(f)[1],
             "legal_basis": f.legal_basis, "label": f.label_in(lang), "explanation": f.explanation_in(lang),
             "allowed_actions": f.allowed_actions}
            for f in scan.columns
        ],
        "subject": {"kind": plan.subject, "note": plan.subject_note_in(lang)} if plan is not None else None,
        # rows of persons in communes under the threshold, per column (empty for companies and places)
        "small_communes": {c: dict(m) for c, m in plan.small_communes.items()} if plan is not None else {},
        "k_anonymity": {
            "quasi_identifiers": list(scan.k_anonymity.quasi_identifiers),
            "k": scan.k_anonymity.k,
            "target": scan.k_anonymity.target,
            "rows_at_risk": scan.k_anonymity.rows_at_risk,
            "sentence": scan.k_anonymity.sentence(lang),
        },
        "row_count": scan.row_count,
    }


def run(args: argparse.Namespace) -> int:
    from capnum_desktop.core.io import ReadOptions, read_table
    from capnum_desktop.core.privacy import load_rules, plan_for_schema, scan_table

    lang = lang_of(args)
    options = ReadOptions(sheet=args.sheet) if args.sheet else None
    table = read_table(args.file, options)
    schema = None
    if args.schema:
        from capnum_desktop.core.schemas import conform, load_schema, propose_mapping

        schema = load_schema(args.schema)
        table = conform(table, schema, propose_mapping(table, schema)).table
    scan = scan_table(table, k=args.k)
    plan = plan_for_schema(scan, table, schema)
    summary = scan_summary(scan, plan, lang)
    if args.json:
        print_json(summary)
        return 0
    rules = load_rules()
    print(say("scan.size", lang, rows=table.row_count, columns=len(table.columns)))
    if summary["subject"]["note"]:
        print(summary["subject"]["note"])
    for f, column in zip(scan.columns, summary["columns"], strict=True):
        if not f.category:
            continue
        print("\n" + say("scan.column", lang, column=f.column, label=column["label"],
                         confidence=round(100 * f.confidence)))
        for line in column["evidence"]:
            print(f"  - {line}")
        print(say("scan.action", lang, action=rules.action_label(column["action"], lang),
                  explanation=column["explanation"]))
        if column["note"]:
            print(f"  {column['note']}")
        print(say("scan.legal-basis", lang, references=", ".join(f.legal_basis)))
    clean = [f.column for f in scan.columns if not f.category]
    if clean:
        print("\n" + say("scan.clean", lang, columns=", ".join(clean)))
    print("\n" + say("scan.risk", lang, sentence=summary["k_anonymity"]["sentence"]))
    print(f"\n{rules.statement_in(lang)}")
    return 0
