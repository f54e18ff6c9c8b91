"""The command line's own sentences in French and English, and its ``--lang`` option.

The core hands the command line codes and parameters (a validation report, a verdict); the sentences
around them (« Le fichier tel quel est valide… », headings, counts) are made here, in French unless
``--lang en`` is given. Same form as the validation table (:mod:`capnum_desktop.core.validation.sentences`):
every entry has both languages with the same ``{parameters}`` (a test checks it).
"""

from __future__ import annotations

import argparse
from typing import Any

from capnum_desktop.core.validation.sentences import count as validation_count
from capnum_desktop.core.wording import DEFAULT_LANGUAGE, LANGUAGES, fill, language, numbered

CLI_SENTENCES: dict[str, dict[str, str]] = {
    # errors (cli/__init__.py)
    "error": {"fr": "Erreur : {message}", "en": "Error: {message}"},
    "what-to-do": {"fr": "Que faire : {hint}", "en": "What to do: {hint}"},
    "interrupted": {"fr": "Interrompu.", "en": "Interrupted."},
    "unexpected": {
        "fr": "Erreur inattendue : l'opération n'a pas pu aboutir.\n"
              "Que faire : relancez la commande avec --debug et transmettez le message à l'assistance.",
        "en": "Unexpected error: the operation could not be completed.\n"
              "What to do: run the command again with --debug and send the message to support."},
    # capnum validate
    "validate.no-data": {
        "fr": "Le fichier ne contient aucune ligne de données (seulement l'en-tête) : il n'y a rien à publier.",
        "en": "The file holds no data row (only the header): there is nothing to publish."},
    "validate.valid": {"fr": "Le fichier tel quel est valide ({rows}) : le validateur national l'accepterait.",
                       "en": "The file as it is is valid ({rows}): the national validator would accept it."},
    "validate.invalid": {
        "fr": "Le fichier tel quel a {errors} sur {rows} (sur {total}) : le validateur national le refuserait.",
        "en": "The file as it is has {errors} on {rows} (of {total}): the national validator would refuse it."},
    "by-field-and-kind": {"fr": "Erreurs par colonne et par type :", "en": "Errors by column and kind:"},
    "group": {"fr": "  {field} — {kind} : {count}", "en": "  {field} — {kind}: {count}"},
    "whole-row": {"fr": "(ligne)", "en": "(row)"},
    "validate.detail": {"fr": "Détail ({shown} sur {total}) :", "en": "Detail ({shown} of {total}):"},
    "validate.would-convert": {"fr": "CapNum convertirait {cells} (espaces, dates, nombres, codes…)",
                               "en": "CapNum would convert {cells} (spaces, dates, numbers, codes…)"},
    "validate.would-convert-none": {"fr": "CapNum ne convertirait aucune cellule", "en": "CapNum would convert no cell"},
    "validate.would-be-valid": {"fr": "le fichier préparé serait valide", "en": "the prepared file would be valid"},
    "validate.would-remain": {"fr": "il resterait {errors}", "en": "{errors} would remain"},
    "validate.after": {
        "fr": "Avec les conversions de « capnum prepare » (avant la protection des données) : {done} ; {left}.",
        "en": "With the conversions of \"capnum prepare\" (before personal data protection): {done}; {left}."},
    "validate.remains": {"fr": "  reste — {kind} : {count}", "en": "  remains — {kind}: {count}"},
    "note": {"fr": "Note : {note}", "en": "Note: {note}"},
    "warnings": {"fr": "Avertissements :", "en": "Warnings:"},
    # capnum inspect
    "inspect.file": {"fr": "Fichier : {value}", "en": "File: {value}"},
    "inspect.format": {"fr": "Format : {value}", "en": "Format: {value}"},
    "inspect.sheets": {"fr": "Feuilles : {sheets} (lue : {sheet})", "en": "Sheets: {sheets} (read: {sheet})"},
    "inspect.encoding": {"fr": "Encodage : {value}", "en": "Encoding: {value}"},
    "inspect.delimiter": {"fr": "Séparateur : {value}", "en": "Delimiter: {value}"},
    "inspect.header-line": {"fr": "Ligne d'en-tête : {value}", "en": "Header line: {value}"},
    "inspect.no-header": {"fr": "aucune", "en": "none"},
    "inspect.columns": {"fr": "Colonnes ({n}) : {names}", "en": "Columns ({n}): {names}"},
    "inspect.rows": {"fr": "Lignes de données : {n}", "en": "Data rows: {n}"},
    "inspect.skipped": {"fr": "Laissé de côté ({reason}) : lignes {lines}", "en": "Left aside ({reason}): lines {lines}"},
    "inspect.more-lines": {"fr": "… ({lines})", "en": "… ({lines})"},
    "inspect.reason.title": {"fr": "titre ou note au-dessus de l'en-tête", "en": "title or note above the header"},
    "inspect.reason.blank": {"fr": "ligne vide au-dessus de l'en-tête", "en": "blank line above the header"},
    "inspect.reason.footer": {"fr": "total, source ou note sous le tableau", "en": "total, source or note below the table"},
    "inspect.reason.empty": {"fr": "ligne vide", "en": "blank line"},
    # the reader's row kinds (core/io/row_kinds.py), as Ouvrir names them
    "inspect.reason.types": {"fr": "ligne de types du modèle", "en": "template line of column types"},
    "inspect.reason.instructions": {"fr": "ligne d'instructions du modèle", "en": "template line of instructions"},
    "inspect.reason.total": {"fr": "ligne « Total » sous l'en-tête", "en": "\"Total\" line under the header"},
    "inspect.reason.subtotal": {"fr": "sous-totaux", "en": "sub-totals"},
    "inspect.reason.subheading": {"fr": "intertitres (une seule cellule remplie)", "en": "sub-headings (a single cell filled)"},
    "inspect.warning": {"fr": "Attention : {warning}", "en": "Warning: {warning}"},
    "inspect.line-column": {"fr": "ligne", "en": "line"},
    "count.line": {"fr": "ligne|lignes", "en": "line|lines"},
    "inspect.structure-fine": {
        "fr": "Structure : aucun problème (pas de ligne vide, toutes les lignes ont autant de cellules que l'en-tête).",
        "en": "Structure: no problem (no blank row, every row has as many cells as the header)."},
    "inspect.structure-problems": {
        "fr": "Structure : {problems} que le validateur national signalerait, quel que soit le schéma :",
        "en": "Structure: {problems} the national validator would report, whatever the schema:"},
    "inspect.at-row": {"fr": "Ligne {row} : ", "en": "Row {row}: "},
    "inspect.and-more": {"fr": "  … et {others} (capnum inspect --json les liste tous).",
                         "en": "  … and {others} (capnum inspect --json lists them all)."},
    # capnum prepare / apply
    "prepare.exported-valid": {"fr": "Exporté : valide et prêt à publier.", "en": "Exported: valid and ready to publish."},
    "prepare.valid": {"fr": "Valide et prêt à publier.", "en": "Valid and ready to publish."},
    "prepare.no-data": {"fr": "aucune ligne de données", "en": "no data row"},
    "prepare.exported-not-publishable": {"fr": "exporté, mais non publiable en l'état : {reason}",
                                         "en": "exported, but not publishable as it is: {reason}"},
    "prepare.not-publishable": {"fr": "non publiable en l'état : {reason}", "en": "not publishable as it is: {reason}"},
    "prepare.files": {"fr": "Fichiers écrits dans « {folder} » :", "en": "Files written in \"{folder}\":"},
    "prepare.to-know": {"fr": "À savoir :", "en": "Good to know:"},
    "prepare.see-report": {"fr": "Le détail est dans rapport-validation.html ; corrigez puis relancez.",
                           "en": "The detail is in rapport-validation.html; correct, then run again."},
    "prepare.empty-export": {
        "fr": "Le fichier exporté n'a aucune ligne de données : vérifiez le fichier source et la ligne d'en-tête.",
        "en": "The exported file has no data row: check the source file and the header line."},
    "prepare.constant": {
        "fr": "Si « {field} » a la même valeur sur toutes les lignes (le SIRET de votre organisation…), "
              "donnez-la : relancez avec --constant {field}=VALEUR.",
        "en": "If \"{field}\" has the same value on every row (your organisation's SIRET…), "
              "give it: run again with --constant {field}=VALUE."},
    "prepare.bad-constant": {"fr": "« --constant {item} » n'est pas de la forme CHAMP=VALEUR.",
                             "en": "\"--constant {item}\" is not of the form FIELD=VALUE."},
    "prepare.bad-constant.hint": {"fr": "Écrivez par exemple --constant idAttribuant=21750001600019.",
                                  "en": "Write for example --constant idAttribuant=21750001600019."},
    "prepare.constant-with-recipe": {
        "fr": "--constant ne s'utilise pas avec --recipe : la recette contient déjà les valeurs fixes choisies.",
        "en": "--constant cannot be used with --recipe: the recipe already holds the fixed values chosen."},
    "prepare.constant-with-recipe.hint": {"fr": "Retirez --constant, ou --recipe.", "en": "Remove --constant, or --recipe."},
    "prepare.unused-constant": {
        "fr": "« --constant {name}=… » n'a pas été utilisé : le schéma n'a pas ce champ, ou une colonne du "
              "fichier le remplit déjà.",
        "en": "\"--constant {name}=…\" was not used: the schema has no such field, or a column of the "
              "file already fills it."},
    # capnum scan (the evidence, notes and rules come from core/privacy in the same language)
    "scan.size": {"fr": "{rows} lignes, {columns} colonnes analysées.", "en": "{rows} rows, {columns} columns scanned."},
    "scan.column": {"fr": "« {column} » : {label} (confiance {confidence} %)",
                    "en": "\"{column}\": {label} (confidence {confidence}%)"},
    "scan.action": {"fr": "  Action proposée : {action}. {explanation}", "en": "  Proposed action: {action}. {explanation}"},
    "scan.legal-basis": {"fr": "  Base légale : {references}", "en": "  Legal basis: {references}"},
    "scan.clean": {"fr": "Sans donnée personnelle repérée : {columns}.", "en": "No personal data found in: {columns}."},
    "scan.risk": {"fr": "Risque de ré-identification : {sentence}", "en": "Re-identification risk: {sentence}"},
    # counts
    "count.problem": {"fr": "problème|problèmes", "en": "problem|problems"},
    "count.other": {"fr": "autre|autres", "en": "other|others"},
}


def say(key: str, lang: str = DEFAULT_LANGUAGE, **params: Any) -> str:
    """The command line's sentence ``key`` in ``lang`` (French by default)."""
    return fill(CLI_SENTENCES, key, lang, **params)


def count(n: int, word: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """``n`` and the word in the right number, from this table or the validation one (error, row, cell…)."""
    if f"count.{word}" not in CLI_SENTENCES:
        return validation_count(n, word, lang)
    return numbered(n, say(f"count.{word}", lang), lang)


def add_lang_argument(parser: argparse.ArgumentParser) -> None:
    """``--lang fr|en``: the language of what the command prints (French by default; the files it
    writes, such as the reports of ``capnum prepare``, stay French)."""
    parser.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE,
                        help="langue de ce qui est affiché : fr (par défaut) ou en")


def lang_of(args: argparse.Namespace) -> str:
    return language(getattr(args, "lang", None))
