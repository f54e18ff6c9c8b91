"""``capnum prepare FILE [--schema ID_OR_PATH] [--recipe R] -o DIR``: the whole preparation, automatic.

Open, match the columns to the schema (or infer a schema when none is given), apply the default
personal-data actions, validate and write DIR: CSV, JSON, datapackage.json, validation and
processing reports, recipe.json. With ``--recipe`` the recipe's choices are used instead.
Exit code: 0 written, valid against the schema and not empty (publishable as it is); 1 written but not
publishable (validation errors or no data row: the output says « exporté, mais non publiable en l'état »);
2 nothing written (error).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from capnum_desktop.cli._output import print_json
from capnum_desktop.cli._wording import add_lang_argument, count, lang_of, say
from capnum_desktop.core.wording import text_in

NAME = "prepare"
HELP = "préparer un fichier pour la publication (schéma, données personnelles, validation, export)"


def add_export_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", required=True, metavar="DOSSIER", help="dossier de sortie (créé)")
    parser.add_argument("--overwrite", action="store_true", help="remplacer le dossier de sortie s'il existe")
    parser.add_argument("--title", default=None, metavar="TITRE", help="titre du jeu de données")
    parser.add_argument("--name", default=None, metavar="NOM",
                        help="nom des fichiers (par défaut : d'après le titre ou le fichier)")
    parser.add_argument("--licence", default=None, metavar="LICENCE",
                        help="etalab-2.0 (Licence Ouverte, par défaut) ou odbl")
    parser.add_argument("--producer", default=None, metavar="PRODUCTEUR", help="producteur (nom du service)")
    parser.add_argument("--contact", default=None, metavar="ADRESSE",
                        help="adresse de contact d'un service (jamais personnelle)")
    parser.add_argument("--bom", action="store_true", help="CSV UTF-8 avec BOM (pour Excel)")
    parser.add_argument("--crlf", action="store_true", help="fins de ligne Windows (CRLF)")
    parser.add_argument("--neutralise-formulas", action="store_true",
                        help="préfixer d'une apostrophe les cellules qui commencent par = + - @")
    parser.add_argument("--json", action="store_true", help="sortie JSON (un objet) au lieu du texte")
    add_lang_argument(parser)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FICHIER", help="fichier CSV, Excel ou ODS")
    parser.add_argument("--schema", default=None, metavar="ID_OU_CHEMIN",
                        help="schéma du catalogue ou fichier ; sans schéma, il est déduit des données")
    parser.add_argument("--recipe", default=None, metavar="RECETTE", help="recette (recipe.json) à appliquer")
    parser.add_argument("--constant", action="append", default=[], metavar="CHAMP=VALEUR",
                        help="remplir un champ qu'aucune colonne ne fournit, sur toutes les lignes "
                             "(ex. --constant idAttribuant=21750001600019 ; répétable), comme Paramètres "
                             "le fait dans l'application")
    add_export_arguments(parser)


def parse_constants(items: list[str], lang: str = "fr") -> dict[str, str]:
    """``CHAMP=VALEUR`` pairs; a malformed one is refused before anything is read (exit 2)."""
    from capnum_desktop.core.errors import CapnumError

    constants: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip() or not value.strip():
            raise CapnumError(say("prepare.bad-constant", lang, item=item), say("prepare.bad-constant.hint", lang))
        constants[name.strip()] = value.strip()
    return constants


def unused_constants(constants: dict[str, str], result: Any, lang: str = "fr") -> list[str]:
    """Notes for the constants the mapping did not take (field absent from the schema, or fed by a column)."""
    used = result.preparation.mapping.constants
    return [say("prepare.unused-constant", lang, name=name) for name in constants if name not in used]


def export_options(args: argparse.Namespace, base: Any = None) -> Any:
    """ExportOptions from the command line, over the recipe's (``base``) when there is one."""
    from dataclasses import replace

    from capnum_desktop.core.export import ExportOptions

    options = base or ExportOptions()
    changes: dict[str, Any] = {"overwrite": bool(args.overwrite)}
    for key in ("title", "name", "licence", "producer", "contact"):
        value = getattr(args, key, None)
        if value is not None:
            changes[key] = value
    if args.bom:
        changes["bom"] = True
    if args.crlf:
        changes["line_ending"] = "\r\n"
    if args.neutralise_formulas:
        changes["neutralise_formulas"] = True
    return replace(options, **changes)


def verdict_line(result: Any, lang: str = "fr") -> str:
    """The first line of the output: publishable as it is, or what blocks publication."""
    export = result.export
    if result.publishable:
        return say("prepare.exported-valid" if export is not None else "prepare.valid", lang)
    if result.table.row_count == 0:
        reason = say("prepare.no-data", lang)
    else:
        reason = count(result.report.error_count, "error", lang)
    return say("prepare.exported-not-publishable" if export is not None else "prepare.not-publishable", lang,
               reason=reason)


def constant_hint(result: Any, lang: str = "fr") -> str | None:
    """How to fill, from the command line, required fields no column feeds (the GUI has Paramètres)."""
    from capnum_desktop.core.schemas import missing_required

    prep = result.preparation
    try:
        missing = missing_required(prep.schema, prep.mapping)
    except (AttributeError, TypeError):  # an inferred descriptor: every field comes from a column
        return None
    if not missing:
        return None
    return say("prepare.constant", lang, field=missing[0])


def report_result(result: Any, as_json: bool, *, suggest_constants: bool = False, lang: str = "fr") -> int:
    """Print the result (sentences in ``lang``; the written reports stay French); exit code 0 only for a
    valid, non-empty export (1 otherwise: the folder is written)."""
    code = 0 if result.publishable else 1
    if as_json:
        print_json(result.to_dict(lang))
        return code
    export = result.export
    print(verdict_line(result, lang))
    if result.table.row_count:  # « valide (0 lignes) » would contradict the verdict: no data is not publishable
        print(result.report.summary(lang))
    if export is not None:
        print(say("prepare.files", lang, folder=export.folder))
        for path in export.files.values():
            print(f"  {path.name}")
    if result.notes:  # coded notes (core.pipeline_notes) are said in the language asked
        print("\n" + say("prepare.to-know", lang))
        for note in result.notes:
            print(f"  - {text_in(note, lang)}")
    if not result.valid:
        print("\n" + say("by-field-and-kind", lang))
        for field, kind, n in result.report.by_field_and_kind(lang=lang)[:20]:
            print(say("group", lang, field=field or say("whole-row", lang), kind=kind, count=n))
        print(say("prepare.see-report", lang))
        hint = constant_hint(result, lang) if suggest_constants else None
        if hint:
            print(hint)
    elif result.table.row_count == 0:
        print("\n" + say("prepare.empty-export", lang))
    return code


GC_YOUNG_THRESHOLD = 20_000


@contextmanager
def lighter_gc() -> Iterator[None]:
    """Collect cyclic garbage less often while ``prepare`` or ``apply`` runs.

    These commands build a few hundred thousand small objects (the catalogue's labels, the communes list,
    the lexicons, the samples) on top of the ~500,000 of pandas, pyarrow and frictionless: with Python's
    default (a collection every 700 new containers, and full ones over the whole heap) the collector took
    ~0.2 s of CPU of every process (issue 18). The objects alive at the start are frozen (never scanned)
    and young collections happen every :data:`GC_YOUNG_THRESHOLD` containers; both are undone at the end,
    for a caller that runs the command in its own process (tests). Collection changes no result: only
    when unreachable cycles are freed."""
    import gc

    before = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(before[0], GC_YOUNG_THRESHOLD), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


def run(args: argparse.Namespace) -> int:
    import capnum_desktop.core.pipeline  # noqa: F401  (loaded before lighter_gc freezes what is alive)

    with lighter_gc():
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    from capnum_desktop.core.export import ExportOptions
    from capnum_desktop.core.pipeline import apply_recipe, prepare
    from capnum_desktop.core.recipe import Recipe

    lang = lang_of(args)
    constants = parse_constants(getattr(args, "constant", []) or [], lang)
    if args.recipe:
        if constants:
            from capnum_desktop.core.errors import CapnumError

            raise CapnumError(say("prepare.constant-with-recipe", lang), say("prepare.constant-with-recipe.hint", lang))
        recipe = Recipe.load(args.recipe)
        base = ExportOptions.from_dict(recipe.export) if recipe.export else None
        result = apply_recipe(recipe, args.file, args.output, export_options=export_options(args, base))
    else:
        result = prepare(args.file, args.schema, None, args.output, export_options=export_options(args),
                         constants=constants or None)
        result.notes.extend(unused_constants(constants, result, lang))
    return report_result(result, args.json, suggest_constants=not args.recipe, lang=lang)
