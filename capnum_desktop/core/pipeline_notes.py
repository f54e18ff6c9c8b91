"""What a headless preparation (``prepare``, ``apply``) tells the agent beside the verdict, in French and
English: the schema it chose, fields left empty, values not converted, a recipe met with next month's
file, rows withheld, cells a spreadsheet would read as formulas (issue 16).

Each note is a :class:`PipelineNote`: the French sentence written before codes existed (a ``str``, so
``PipelineResult.notes`` reads as before) with its code and parameters, said in English on request
(``capnum prepare --lang en``, :func:`~capnum_desktop.core.wording.text_in`). Every entry has both
languages with the same ``{parameters}`` (``tests/test_sentence_tables.py``).
"""

from __future__ import annotations

from capnum_desktop.core.wording import CodedText

PIPELINE_SENTENCES: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------------ the schema (core/schemas/ranking.py)
    "schema-chosen": {
        "fr": "Aucun schéma indiqué : « {title} » ({schema_id}, version {version}) a été choisi d'après les "
              "colonnes (correspondance {score:.0%}, {filled} champs obligatoires sur {total} remplis).",
        "en": "No schema given: \"{title}\" ({schema_id}, version {version}) was chosen from the columns "
              "({score:.0%} match, {filled} of {total} required fields filled)."},
    "schema-inferred": {
        "fr": "Aucun schéma du catalogue ne correspond aux colonnes : un schéma a été déduit des données ; "
              "relisez-le avant de publier.",
        "en": "No schema of the catalogue matches the columns: a schema was inferred from the data; "
              "read it through before publishing."},
    "schema-inferred-closest": {
        "fr": "Aucun schéma du catalogue ne correspond aux colonnes ; le plus proche, « {title} », ne correspond "
              "qu'à {score:.0%} : un schéma a été déduit des données ; relisez-le avant de publier.",
        "en": "No schema of the catalogue matches the columns; the closest, \"{title}\", matches only "
              "{score:.0%}: a schema was inferred from the data; read it through before publishing."},
    # ------------------------------------------------------------------ reading and mapping (core/pipeline.py)
    "sheet-gone": {
        "fr": "La feuille « {sheet} » n'existe plus dans ce fichier : la feuille a été détectée automatiquement.",
        "en": "The sheet \"{sheet}\" is no longer in this file: the sheet was detected automatically."},
    "required-missing": {
        "fr": "Le champ obligatoire « {field} » n'a pas de colonne correspondante dans le fichier.",
        "en": "The required field \"{field}\" has no matching column in the file."},
    "not-converted.one": {
        "fr": "« {field} » : 1 valeur n'a pas pu être convertie au format attendu.",
        "en": "\"{field}\": 1 value could not be converted to the expected format."},
    "not-converted.many": {
        "fr": "« {field} » : {n} valeurs n'ont pas pu être converties au format attendu.",
        "en": "\"{field}\": {n} values could not be converted to the expected format."},
    "column-absent": {  # core/schemas/conform.py
        "fr": "La colonne « {column} » prévue pour « {field} » est absente du fichier.",
        "en": "The column \"{column}\" meant for \"{field}\" is not in the file."},
    "extra-column-kept": {
        "fr": "La colonne « {column} » est conservée alors qu'elle ne fait pas partie du standard : le fichier "
              "publié pourra être signalé comme non conforme.",
        "en": "The column \"{column}\" is kept although it is not part of the standard: the published file "
              "may be reported as not conforming."},
    # ------------------------------------------------------------------ a recipe on a new file
    "recipe.column-gone": {
        "fr": "La colonne « {column} » (champ « {field} ») n'est plus dans le fichier.",
        "en": "The column \"{column}\" (field \"{field}\") is no longer in the file."},
    "recipe.new-column-mapped": {
        "fr": "Nouvelle colonne « {column} » associée au champ « {field} » (proposition automatique).",
        "en": "New column \"{column}\" mapped to the field \"{field}\" (automatic proposal)."},
    "recipe.new-column-unused": {
        "fr": "Nouvelle colonne « {column} » : elle ne correspond à aucun champ et n'est pas exportée.",
        "en": "New column \"{column}\": it matches no field and is not exported."},
    "recipe.decision-absent": {
        "fr": "Décision sur les données personnelles non appliquée : la colonne « {column} » est absente.",
        "en": "Personal-data decision not applied: the column \"{column}\" is missing."},
    "recipe.recategorised": {
        "fr": "Colonne « {column} » : elle contient maintenant d'autres données personnelles ({category}) que "
              "celles prévues par la recette ; action par défaut appliquée ({action}).",
        "en": "Column \"{column}\": it now holds other personal data ({category}) than the recipe planned for; "
              "default action applied ({action})."},
    "recipe.privacy-added": {
        "fr": "Colonne « {column} » : données personnelles ({category}) non prévues par la recette ; action par "
              "défaut appliquée ({action}).",
        "en": "Column \"{column}\": personal data ({category}) the recipe did not plan for; default action "
              "applied ({action})."},
    "edit-not-replayed": {
        "fr": "Correction non rejouée (« {field} ») : {reason}.",
        "en": "Correction not replayed (\"{field}\"): {reason}."},
    "edit-not-replayed.row": {
        "fr": "Correction non rejouée (ligne {row}, « {field} ») : {reason}.",
        "en": "Correction not replayed (line {row}, \"{field}\"): {reason}."},
    # ------------------------------------------------------------------ protect (core/privacy/schema_plan.py)
    "rows-withheld.one": {
        "fr": "1 ligne d'entrepreneur individuel (personne physique) n'est pas publiée, ni leur nom ni leur SIRET "
              "(RGPD art. 4(1), CRPA L312-1-2) : détail dans le rapport de traitement.",
        "en": "1 row of a sole trader (a natural person) is not published, neither their name nor their SIRET "
              "(RGPD art. 4(1), CRPA L312-1-2): details in the processing report."},
    "rows-withheld.many": {
        "fr": "{n} lignes d'entrepreneurs individuels (personnes physiques) ne sont pas publiées, ni leur nom ni "
              "leur SIRET (RGPD art. 4(1), CRPA L312-1-2) : détail dans le rapport de traitement.",
        "en": "{n} rows of sole traders (natural persons) are not published, neither their names nor their "
              "SIRET (RGPD art. 4(1), CRPA L312-1-2): details in the processing report."},
    "privacy-conflict": {"fr": "« {column} » : {note}", "en": "\"{column}\": {note}"},
    "piece.column-count": {"fr": "« {column} » ({n})", "en": "\"{column}\" ({n})"},
    # ------------------------------------------------------------------ export (core/export/dataset.py, options.py)
    "contact-personal": {
        "fr": "L'adresse de contact « {contact} » ressemble à l'adresse d'une personne : indiquez plutôt une "
              "adresse de service (par exemple donnees@…), qui restera valable.",
        "en": "The contact address \"{contact}\" looks like a person's address: give a service address instead "
              "(for example donnees@…), which will stay valid."},
    "formulas-neutralised.one": {
        "fr": "1 cellule qui aurait été lue comme une formule par un tableur : neutralisée par une apostrophe "
              "({cells}).",
        "en": "1 cell a spreadsheet would have read as a formula: neutralised by an apostrophe ({cells})."},
    "formulas-neutralised.many": {
        "fr": "{n} cellules qui auraient été lues comme des formules par un tableur : neutralisées par une "
              "apostrophe ({cells}).",
        "en": "{n} cells a spreadsheet would have read as formulas: neutralised by an apostrophe ({cells})."},
    "formulas-found.one": {
        "fr": "1 cellule commençant par =, +, - ou @ serait lue comme une formule par un tableur : {cells}. "
              "Vérifiez-la ou activez la neutralisation.",
        "en": "1 cell starting with =, +, - or @ would be read as a formula by a spreadsheet: {cells}. "
              "Check it or turn neutralisation on."},
    "formulas-found.many": {
        "fr": "{n} cellules commençant par =, +, - ou @ seraient lues comme des formules par un tableur : "
              "{cells}. Vérifiez-les ou activez la neutralisation.",
        "en": "{n} cells starting with =, +, - or @ would be read as formulas by a spreadsheet: {cells}. "
              "Check them or turn neutralisation on."},
}


class PipelineNote(CodedText):
    """A note of the preparation: its French sentence (the ``str``), ``code``, ``params``, ``text(lang)``."""

    TABLE = PIPELINE_SENTENCES


def counted(code: str, n: int, **params: object) -> PipelineNote:
    """The ``.one`` or ``.many`` form of ``code`` for ``n`` (never 0 here: a note says what happened)."""
    return PipelineNote(f"{code}.{'one' if n == 1 else 'many'}", n=n, **params)
