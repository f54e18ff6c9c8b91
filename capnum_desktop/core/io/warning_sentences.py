"""What the reader says about a file it opened, in French and English: its warnings and the reasons of the
lines it left out, as codes with parameters (issue 16).

The reader hands on a :class:`ReadNote` wherever it used to hand on a French sentence
(``SourceInfo.warnings``, ``Skipped.detail``). A note *is* that French sentence (a ``str``, equal to the
text written before codes existed), so the processing report, the recipe-free JSON of ``capnum inspect``
and every caller that joins, searches or stores the warnings read the same French as before; an edge that
knows its language (``capnum inspect --lang en``, Ouvrir in an English window) calls :func:`read_text`.

Keys of :data:`READER_SENTENCES`: ``<code>`` for a warning, ``skipped.<reason>`` for why lines were left
out, ``count.…``/``ragged.…``/``piece.…`` for pieces put into sentences. Every entry has both languages with
the same ``{parameters}`` (``tests/test_sentence_tables.py`` checks it). Parameters are read as
:func:`~capnum_desktop.core.wording.make` reads them, plus ``…_codec``: a codec name said by its readable
name in the language (« Windows-1252 (Europe de l'Ouest) », "Windows-1252 (Western Europe)").
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from capnum_desktop.core.io.encoding import encoding_label
from capnum_desktop.core.wording import CodedText, make, text_in

READER_SENTENCES: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------------ encodings (delimited.py)
    "utf8-replaced": {
        "fr": "Le fichier n'est pas entièrement en UTF-8 (octet invalide vers la position {position}) : "
              "les caractères illisibles sont remplacés par « \ufffd ».",
        "en": "The file is not entirely UTF-8 (invalid byte near position {position}): "
              "unreadable characters are replaced by \"\ufffd\"."},
    "utf8-then-other": {
        "fr": "Le fichier semblait être en UTF-8 mais contient à partir de la ligne {line} des caractères "
              "d'un autre encodage : il a été lu en {encoding}. Vérifiez les accents dans l'aperçu.",
        "en": "The file looked like UTF-8 but holds characters of another encoding from line {line} on: "
              "it was read as {encoding}. Check the accents in the preview."},
    "bytes-replaced": {
        "fr": "Certains octets ne sont pas valides en {encoding} (première fois ligne {line}) : ils sont "
              "remplacés par « \ufffd ». Essayez un autre encodage si les accents sont faux.",
        "en": "Some bytes are not valid in {encoding} (first on line {line}): they are replaced by "
              "\"\ufffd\". Try another encoding if the accents are wrong."},
    # ------------------------------------------------------------------ formats (workbook.py, markup.py)
    "xls-fallback": {"fr": "Classeur .xls lu avec le lecteur de secours (xlrd) : vérifiez l'aperçu.",
                     "en": "The .xls workbook was read with the fallback reader (xlrd): check the preview."},
    "html-several-tables": {"fr": "La page contient {tables} tableaux : le plus grand a été lu.",
                            "en": "The page holds {tables} tables: the largest one was read."},
    "appended-sheets": {
        "fr": "{sheets} feuilles de même disposition mises bout à bout : {counts}. La colonne « {column} » dit "
              "de quelle feuille vient chaque ligne ; les numéros de ligne continuent d'une feuille à la suivante.",
        "en": "{sheets} sheets with the same layout appended: {counts}. The column \"{column}\" says which "
              "sheet each row comes from; line numbers go on from one sheet to the next."},
    "piece.sheet-rows": {"fr": "« {sheet} » ({rows})", "en": "\"{sheet}\" ({rows})"},
    # ------------------------------------------------------------------ header and cells (assemble.py, cells.py)
    "no-header": {
        "fr": "Aucune ligne d'en-tête reconnue : les colonnes ont été nommées colonne_1, colonne_2…",
        "en": "No header line recognised: the columns were named colonne_1, colonne_2…"},
    "garbled-names": {
        "fr": "Noms de colonnes mal décodés (caractères « Ã », « â€ » ou « \ufffd ») : {columns}. Le fichier a "
              "sans doute été converti deux fois ; vous pourrez renommer ces colonnes à l'étape suivante.",
        "en": "Badly decoded column names (characters \"Ã\", \"â€\" or \"\ufffd\"): {columns}. The file was "
              "probably converted twice; you can rename these columns in the next step."},
    "scientific-notation": {
        "fr": "Colonne « {column} » : {values} en notation scientifique ({where} {lines}). Excel a "
              "probablement abîmé des identifiants (SIRET, téléphone…) : les chiffres perdus ne peuvent pas "
              "être retrouvés ; reprenez ces valeurs depuis la source ou enregistrez la colonne au format Texte.",
        "en": "Column \"{column}\": {values} in scientific notation ({where} {lines}). Excel probably damaged "
              "identifiers (SIRET, phone…): the lost digits cannot be recovered; take these values again "
              "from the source or save the column in Text format."},
    "garbled-values": {
        "fr": "Colonne « {column} » : {values} avec des caractères mal décodés (« Ã© » au lieu de « é », "
              "{where} {lines}). Le fichier a sans doute été converti deux fois ; choisissez un autre "
              "encodage ou corrigez le fichier source.",
        "en": "Column \"{column}\": {values} with badly decoded characters (\"Ã©\" instead of \"é\", "
              "{where} {lines}). The file was probably converted twice; choose another encoding or "
              "correct the source file."},
    "replacement-character": {
        "fr": "Colonne « {column} » : {values} avec le caractère de remplacement « \ufffd » "
              "({where} {lines}) : des lettres ont été perdues avant l'ouverture. Reprenez ces valeurs "
              "depuis le fichier d'origine.",
        "en": "Column \"{column}\": {values} with the replacement character \"\ufffd\" ({where} {lines}): "
              "letters were lost before the file was opened. Take these values again from the original file."},
    "count.values": {"fr": "valeur|valeurs", "en": "value|values"},
    "word.line": {"fr": "ligne", "en": "line"},  # before one line number, else word.lines
    "word.lines": {"fr": "lignes", "en": "lines"},
    "ragged": {
        "fr": "{rows} autant de cellules que l'en-tête ({cells}) : {where} {shown}{more}. "
              "Pour l'édition, {what} ; le validateur national refuserait le fichier tel quel "
              "(un séparateur en trop ou en moins, ou un texte contenant le séparateur sans guillemets).",
        "en": "{rows} with another number of cells than the header ({cells}): {where} {shown}{more}. "
              "For editing, {what}; the national validator would refuse the file as it is "
              "(one delimiter too many or too few, or a text holding the delimiter without quotes)."},
    "count.rows": {"fr": "ligne n'a pas|lignes n'ont pas", "en": "line|lines"},
    "ragged.more": {"fr": "… ({lines} lignes)", "en": "… ({lines} lines)"},
    "ragged.short": {"fr": "les cellules manquantes sont laissées vides",
                     "en": "the missing cells are left empty"},
    "ragged.long": {"fr": "les cellules en trop sont placées dans des colonnes ajoutées",
                    "en": "the extra cells are put in added columns"},
    "ragged.both": {"fr": "les cellules manquantes sont laissées vides et les cellules en trop sont placées "
                          "dans des colonnes ajoutées",
                    "en": "the missing cells are left empty and the extra cells are put in added columns"},
    # ------------------------------------------------------------------ lines left out (Skipped.detail)
    "skipped.title": {"fr": "lignes au-dessus de l'en-tête", "en": "lines above the header"},
    "skipped.blank": {"fr": "lignes vides au-dessus de l'en-tête", "en": "blank lines above the header"},
    "skipped.footer": {"fr": "total, source ou note sous le tableau", "en": "total, source or note below the table"},
    "skipped.empty": {"fr": "lignes vides", "en": "blank lines"},
    "skipped.types": {"fr": "ligne de types de colonnes sous l'en-tête (modèle)",
                      "en": "line of column types under the header (template)"},
    "skipped.instructions": {"fr": "ligne d'instructions de saisie sous l'en-tête (modèle)",
                             "en": "line of filling instructions under the header (template)"},
    "skipped.total": {"fr": "ligne « Total » sous l'en-tête", "en": "\"Total\" line under the header"},
    "skipped.subtotal": {"fr": "sous-totaux au milieu des données", "en": "sub-totals among the data"},
    "skipped.subheading": {"fr": "intertitres au milieu des données (une seule cellule remplie)",
                           "en": "sub-headings among the data (a single cell filled)"},
}


class ReadNote(CodedText):
    """A sentence of the reader: its French text (the ``str`` itself), its ``code`` and ``params``.

    A ``str`` so that ``SourceInfo.warnings`` and ``Skipped.detail`` keep their type and their French
    for every caller written before codes (joins, searches, JSON reports); ``text(lang)`` says it in
    another language (:class:`~capnum_desktop.core.wording.CodedText`).
    """

    TABLE = READER_SENTENCES

    @classmethod
    def say(cls, code: str, lang: str, params: Mapping[str, Any]) -> str:
        # « …_codec » parameters: a codec said by its readable name in the language
        values = {(name[:-6] if name.endswith("_codec") else name):
                  (encoding_label(str(value), lang) if name.endswith("_codec") else value)
                  for name, value in params.items()}
        return make(READER_SENTENCES, code, lang, values)


def read_text(sentence: str, lang: str = "fr") -> str:
    """A reader's warning or reason in ``lang``: a :class:`ReadNote` is said in it, any other text (a
    sentence made before codes existed) stays as written."""
    return text_in(sentence, lang)


def skipped_detail(reason: str) -> ReadNote:
    """Why lines were left out, for the ``Skipped`` of ``reason`` (``title``, ``footer``, ``types``…)."""
    return ReadNote(f"skipped.{reason}")
