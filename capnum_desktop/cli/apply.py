"""``capnum apply RECIPE FILE -o DIR``: replay a recipe (recipe.json) on a new file.

Same as ``capnum prepare FILE --recipe RECIPE -o DIR``: what no longer fits (missing or new columns,
edits whose row changed) is applied as far as possible and listed under "À savoir".
Exit code: as ``capnum prepare``: 0 only for a valid, non-empty export, 1 written but not publishable,
2 nothing written (error).
"""

from __future__ import annotations

import argparse

from capnum_desktop.cli._wording import lang_of
from capnum_desktop.cli.prepare import add_export_arguments, export_options, lighter_gc, report_result

NAME = "apply"
HELP = "appliquer une recette (recipe.json) à un nouveau fichier et exporter le résultat"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("recipe", metavar="RECETTE", help="recette CapNum (recipe.json)")
    parser.add_argument("file", metavar="FICHIER", help="fichier CSV, Excel ou ODS")
    add_export_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from capnum_desktop.core.export import ExportOptions
    from capnum_desktop.core.pipeline import apply_recipe
    from capnum_desktop.core.recipe import Recipe

    with lighter_gc():  # after the imports: what they loaded is frozen
        recipe = Recipe.load(args.recipe)
        base = ExportOptions.from_dict(recipe.export) if recipe.export else None
        result = apply_recipe(recipe, args.file, args.output, export_options=export_options(args, base))
        return report_result(result, args.json, lang=lang_of(args))
