"""``capnum validate FILE --schema ID_OR_PATH [--json] [--raw]``: would the national validator accept FILE?

The exit code answers that question for the file as it is: cells as written, columns matched by name,
and the file's structure (blank rows, rows with too few or too many cells, a label written twice), as
Validata judges it (``core.validation.verdict``). A file with a header and no data row is not valid: there
is nothing to publish. By default the output also says what CapNum's automatic preparation
(``capnum prepare``: columns matched, 15/03/2024 -> 2024-03-15, 12,5 -> 12.5…) would change, in how many
cells, and how many errors would remain after it; ``--raw`` gives only the verdict on the file as it is.
``--lang en`` prints (and ``--json`` writes) the sentences in English; French is the default.
Exit code: 0 valid, 1 errors or no data, 2 the file or schema could not be used.
"""

from __future__ import annotations

import argparse
from typing import Any

from capnum_desktop.cli._output import print_json
from capnum_desktop.cli._wording import add_lang_argument, count, lang_of, say

NAME = "validate"
HELP = "le validateur national accepterait-il ce fichier tel quel ? (code 0 : oui, 1 : non)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FICHIER", help="fichier CSV, Excel ou ODS")
    parser.add_argument("--schema", required=True, metavar="ID_OU_CHEMIN",
                        help="identifiant du catalogue (ex. scdl/subventions) ou fichier schema.json")
    parser.add_argument("--json", action="store_true", help="sortie JSON (un objet) au lieu du texte")
    parser.add_argument("--raw", action="store_true",
                        help="seulement le verdict sur le fichier tel quel (sans dire ce que CapNum convertirait)")
    parser.add_argument("--sheet", default=None, metavar="FEUILLE", help="feuille à lire (classeurs)")
    parser.add_argument("--max", type=int, default=50, metavar="N", help="nombre d'erreurs détaillées (50)")
    add_lang_argument(parser)


def run(args: argparse.Namespace) -> int:
    from capnum_desktop.core.io import ReadOptions
    from capnum_desktop.core.schemas import load_schema
    from capnum_desktop.core.validation.verdict import judge_file

    schema = load_schema(args.schema)
    verdict = judge_file(args.file, schema, options=ReadOptions(sheet=args.sheet) if args.sheet else None,
                         convert=not args.raw)
    code = 0 if verdict.accepted else 1
    if args.json:
        print_json(_json(verdict, args))
        return code
    _print_text(verdict, args)
    return code


def _json(verdict: Any, args: argparse.Namespace) -> dict[str, Any]:
    lang = lang_of(args)
    raw = verdict.raw
    data = raw.to_dict(max_issues=max(0, args.max), lang=lang)
    data["valid"] = verdict.accepted
    data["no_data"] = not verdict.has_data
    data["mode"] = "raw" if args.raw else "raw+conversion"
    data["raw_error_count"] = raw.error_count
    data["notes"] = verdict.notes_in(lang)
    if verdict.converted is not None:
        data["converted_cells"] = verdict.converted_cells
        data["error_count_after_conversion"] = verdict.converted.error_count
        data["errors_by_kind_after_conversion"] = [{"kind": k, "count": n}
                                                   for k, n in verdict.converted.by_kind(lang=lang)]
    return data


def _print_text(verdict: Any, args: argparse.Namespace) -> None:
    lang = lang_of(args)
    raw = verdict.raw
    if not verdict.has_data:
        print(say("validate.no-data", lang))
    elif raw.valid:
        print(say("validate.valid", lang, rows=count(raw.row_count, "row", lang)))
    else:
        rows = len(raw.rows_with_errors())
        print(say("validate.invalid", lang, errors=count(raw.error_count, "error", lang), rows=count(rows, "row", lang),
                  total=raw.row_count))
    if raw.error_count:
        print("\n" + say("by-field-and-kind", lang))
        for field, kind, n in raw.by_field_and_kind(lang=lang)[:30]:
            print(say("group", lang, field=field or say("whole-row", lang), kind=kind, count=n))
        print("\n" + say("validate.detail", lang, shown=min(args.max, raw.error_count), total=raw.error_count))
        for issue in raw.issues(severity="error", limit=args.max):
            print(f"  {issue.line(lang)}")
    after = verdict.converted
    if after is not None and verdict.has_data:
        print()
        cells = verdict.converted_cells
        done = (say("validate.would-convert", lang, cells=count(cells, "cell", lang)) if cells
                else say("validate.would-convert-none", lang))
        left = (say("validate.would-be-valid", lang) if after.valid
                else say("validate.would-remain", lang, errors=count(after.error_count, "error", lang)))
        print(say("validate.after", lang, done=done, left=left))
        for kind, n in after.by_kind(lang=lang)[:10]:
            print(say("validate.remains", lang, kind=kind, count=n))
        for note in verdict.notes_in(lang):
            print(say("note", lang, note=note))
    warnings = raw.issues(severity="warning")
    if warnings:
        print("\n" + say("warnings", lang))
        for w in warnings:
            print(f"  {w.text(lang)[0]}")
