"""The validation sentences, in French and English: one table keyed by what the core records.

The validation report holds codes and parameters (a row, a field, ``code``/``constraint``, the cell's
value, and ``detail``: the sentence's parameters as a JSON object). The sentence a person reads is made
from them at the edge (command line, window, HTML report) by :mod:`.messages`, in the language asked
for; French is the default and the source language. Every entry has both languages with the same
``{parameters}`` (a test checks it), so a new sentence cannot be added in French only.

Keys read ``<code>[.<variant>]`` for the problem and ``….hint`` for what to do about it; ``kind.…``
are the short names errors are grouped by, ``type.…`` the names of the field types, ``word.…`` the
small pieces sentences are assembled from (quotes, « for example », an empty cell).
"""

from __future__ import annotations

import json
from typing import Any

from capnum_desktop.core.wording import DEFAULT_LANGUAGE, LANGUAGES, fill, language, numbered

__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "SENTENCES", "count", "encode", "has", "language", "numbered",
           "parameters", "say"]

SENTENCES: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------------ pieces of sentences
    "word.quoted": {"fr": "« {text} »", "en": "\"{text}\""},
    "word.empty": {"fr": "(vide)", "en": "(empty)"},
    "word.example": {"fr": " (par exemple « {example} »)", "en": " (for example \"{example}\")"},
    "word.more": {"fr": " …", "en": " …"},
    "word.did-you-mean": {"fr": " Vouliez-vous dire « {close} » ?", "en": " Did you mean \"{close}\"?"},
    "word.about-value": {"fr": "{shown} : {problem}", "en": "{shown}: {problem}"},
    "word.format-letters": {"fr": "AAAA MM JJ HH MM SS", "en": "YYYY MM DD HH MM SS"},
    # ------------------------------------------------------------------ kinds (grouping)
    "kind.type-error": {"fr": "Type ou format incorrect", "en": "Wrong type or format"},
    "kind.constraint-error": {"fr": "Contrainte non respectée", "en": "Constraint not met"},
    "kind.unique-error": {"fr": "Valeur en double", "en": "Duplicate value"},
    "kind.primary-key": {"fr": "Identifiant en double ou vide", "en": "Duplicate or empty identifier"},
    "kind.blank-row": {"fr": "Ligne vide", "en": "Blank row"},
    "kind.missing-required-header": {"fr": "Colonne obligatoire manquante", "en": "Required column missing"},
    "kind.missing-header": {"fr": "Colonne facultative absente", "en": "Optional column absent"},
    "kind.extra-header": {"fr": "Colonne en trop", "en": "Extra column"},
    "kind.unknown-check": {"fr": "Contrôle inconnu", "en": "Unknown check"},
    "kind.check-error": {"fr": "Contrôle impossible", "en": "Check not possible"},
    "kind.missing-cell": {"fr": "Cellule manquante", "en": "Missing cell"},
    "kind.extra-cell": {"fr": "Cellule en trop", "en": "Extra cell"},
    "kind.duplicate-label": {"fr": "Nom de colonne en double", "en": "Duplicate column name"},
    "kind.foreign-key": {"fr": "Référence introuvable", "en": "Reference not found"},
    "kind.french-siret-value": {"fr": "Numéro SIRET invalide", "en": "Invalid SIRET number"},
    "kind.french-siren-value": {"fr": "Numéro SIREN invalide", "en": "Invalid SIREN number"},
    "kind.phone-number-value": {"fr": "Numéro de téléphone invalide", "en": "Invalid phone number"},
    "kind.french-gps-coordinates": {"fr": "Coordonnées GPS hors de France", "en": "GPS coordinates outside France"},
    "kind.reversed-french-gps-coordinates": {"fr": "Coordonnées GPS inversées", "en": "GPS coordinates swapped"},
    "kind.year-interval-value": {"fr": "Année ou intervalle d'années incorrect", "en": "Wrong year or year interval"},
    "kind.year-value": {"fr": "Année incorrecte", "en": "Wrong year"},
    "kind.opening-hours-value": {"fr": "Horaires d'ouverture incorrects", "en": "Wrong opening hours"},
    "kind.compare-columns-value": {"fr": "Comparaison de colonnes", "en": "Column comparison"},
    "kind.sum-columns-value": {"fr": "Somme de colonnes", "en": "Column sum"},
    "kind.cohesive-columns-value": {"fr": "Cohérence entre colonnes", "en": "Columns filled together"},
    "kind.one-of-required": {"fr": "Une des deux colonnes requise", "en": "One of two columns required"},
    "kind.nomenclature-actes-value": {"fr": "Nomenclature des actes", "en": "Acts nomenclature"},
    "kind.constraint.required": {"fr": "Valeur obligatoire manquante", "en": "Required value missing"},
    "kind.constraint.pattern": {"fr": "Forme incorrecte", "en": "Wrong form"},
    "kind.constraint.enum": {"fr": "Valeur non autorisée", "en": "Value not allowed"},
    "kind.constraint.minimum": {"fr": "Valeur trop petite", "en": "Value too small"},
    "kind.constraint.maximum": {"fr": "Valeur trop grande", "en": "Value too large"},
    "kind.constraint.exclusiveMinimum": {"fr": "Valeur trop petite", "en": "Value too small"},
    "kind.constraint.exclusiveMaximum": {"fr": "Valeur trop grande", "en": "Value too large"},
    "kind.constraint.minLength": {"fr": "Texte trop court", "en": "Text too short"},
    "kind.constraint.maxLength": {"fr": "Texte trop long", "en": "Text too long"},
    # ------------------------------------------------------------------ field types (« n'est pas un nombre »)
    "type.string": {"fr": "du texte", "en": "text"},
    "type.integer": {"fr": "un nombre entier", "en": "a whole number"},
    "type.number": {"fr": "un nombre", "en": "a number"},
    "type.boolean": {"fr": "un booléen", "en": "a boolean"},
    "type.date": {"fr": "une date", "en": "a date"},
    "type.datetime": {"fr": "une date et heure", "en": "a date and time"},
    "type.time": {"fr": "une heure", "en": "a time"},
    "type.year": {"fr": "une année", "en": "a year"},
    "type.yearmonth": {"fr": "une année et un mois", "en": "a year and month"},
    "type.geopoint": {"fr": "un point géographique", "en": "a geographic point"},
    "type.geojson": {"fr": "un objet GeoJSON", "en": "a GeoJSON object"},
    "type.object": {"fr": "un objet JSON", "en": "a JSON object"},
    "type.array": {"fr": "une liste JSON", "en": "a JSON list"},
    "type.duration": {"fr": "une durée", "en": "a duration"},
    # ------------------------------------------------------------------ type-error
    "type-error.expected-form": {"fr": "{shown} : la forme attendue est {fixed}.", "en": "{shown}: the expected form is {fixed}."},
    "type-error.date-iso.hint": {"fr": "Écrivez les dates sous la forme AAAA-MM-JJ (année-mois-jour).",
                                 "en": "Write dates as YYYY-MM-DD (year-month-day)."},
    "type-error.date-format": {"fr": "{shown} n'est pas une date au format {format}.",
                               "en": "{shown} is not a date in the format {format}."},
    "type-error.date-format.hint": {"fr": "Écrivez la date au format {format}.", "en": "Write the date in the format {format}."},
    "type-error.date": {"fr": "{shown} n'est pas une date valide.", "en": "{shown} is not a valid date."},
    "type-error.date.hint": {"fr": "Écrivez les dates sous la forme AAAA-MM-JJ (par exemple 2024-03-15).",
                             "en": "Write dates as YYYY-MM-DD (for example 2024-03-15)."},
    "type-error.datetime-iso.hint": {"fr": "Écrivez date et heure sous la forme AAAA-MM-JJTHH:MM:SS.",
                                     "en": "Write date and time as YYYY-MM-DDTHH:MM:SS."},
    "type-error.datetime": {"fr": "{shown} n'est pas une date et heure valide.", "en": "{shown} is not a valid date and time."},
    "type-error.datetime.hint": {
        "fr": "Écrivez date et heure sous la forme AAAA-MM-JJTHH:MM:SS (par exemple 2024-03-15T14:30:00).",
        "en": "Write date and time as YYYY-MM-DDTHH:MM:SS (for example 2024-03-15T14:30:00)."},
    "type-error.integer.hint": {"fr": "Écrivez un nombre entier, sans décimales.",
                                         "en": "Write a whole number, without decimals."},
    "type-error.integer-comma": {"fr": "{shown} n'est pas un nombre entier.", "en": "{shown} is not a whole number."},
    "type-error.number-comma.hint": {"fr": "Le séparateur décimal doit être un point, sans espace ni symbole.",
                                     "en": "The decimal separator must be a point, with no space or symbol."},
    "type-error.number-spaces.hint": {"fr": "Écrivez le nombre sans espace, sans unité ni symbole monétaire.",
                                      "en": "Write the number without spaces, units or currency symbols."},
    "type-error.number": {"fr": "{shown} n'est pas {expected}.", "en": "{shown} is not {expected}."},
    "type-error.number.hint": {"fr": "Écrivez un nombre avec un point comme séparateur décimal (par exemple 1234.5).",
                               "en": "Write a number with a point as the decimal separator (for example 1234.5)."},
    "type-error.boolean": {"fr": "{shown} n'est pas une valeur oui/non reconnue.", "en": "{shown} is not a recognised yes/no value."},
    "type-error.boolean.hint": {"fr": "Valeurs acceptées : {trues} (vrai) ou {falses} (faux).",
                                "en": "Accepted values: {trues} (true) or {falses} (false)."},
    "type-error.email": {"fr": "{shown} n'est pas une adresse électronique valide.", "en": "{shown} is not a valid e-mail address."},
    "type-error.email.hint": {"fr": "Écrivez une adresse de la forme nom@domaine.fr, sans espace.",
                              "en": "Write an address like name@domain.fr, without spaces."},
    "type-error.uri": {"fr": "{shown} n'est pas une adresse web valide.", "en": "{shown} is not a valid web address."},
    "type-error.uri.hint": {"fr": "Écrivez une adresse complète commençant par https://.",
                            "en": "Write a full address starting with https://."},
    "type-error.uuid": {"fr": "{shown} n'est pas un identifiant UUID valide.", "en": "{shown} is not a valid UUID."},
    "type-error.uuid.hint": {"fr": "Un UUID a la forme 123e4567-e89b-12d3-a456-426614174000.",
                             "en": "A UUID looks like 123e4567-e89b-12d3-a456-426614174000."},
    "type-error.year": {"fr": "{shown} n'est pas une année.", "en": "{shown} is not a year."},
    "type-error.year.hint": {"fr": "Écrivez l'année sur 4 chiffres (par exemple 2024).",
                             "en": "Write the year with 4 digits (for example 2024)."},
    "type-error.geopoint": {"fr": "{shown} n'est pas un point géographique valide.", "en": "{shown} is not a valid geographic point."},
    "type-error.geopoint.hint": {
        "fr": "Écrivez longitude et latitude sous la forme attendue par le schéma (par exemple « 2.35,48.85 »).",
        "en": "Write longitude and latitude in the form the schema expects (for example \"2.35,48.85\")."},
    "type-error": {"fr": "{shown} n'est pas {expected}.", "en": "{shown} is not {expected}."},
    "type-error.hint": {"fr": "Corrigez la valeur selon la description du champ.",
                        "en": "Correct the value as the field's description says."},
    "type-error.format": {"fr": "{shown} n'est pas {expected} au format {format}.",
                          "en": "{shown} is not {expected} in the format {format}."},
    # ------------------------------------------------------------------ constraint-error
    "constraint-error.required": {"fr": "Valeur manquante : ce champ est obligatoire.",
                                  "en": "Missing value: this field is required."},
    "constraint-error.required.hint": {"fr": "Renseignez « {name} »{example}.", "en": "Fill in \"{name}\"{example}."},
    "constraint-error.pattern": {"fr": "{shown} : la forme n'est pas celle attendue.",
                                 "en": "{shown}: the value does not have the expected form."},
    "constraint-error.pattern.hint": {"fr": "Corrigez la valeur pour qu'elle ait la forme décrite par le schéma.",
                                      "en": "Correct the value so that it has the form the schema describes."},
    "constraint-error.pattern.example": {"fr": "Par exemple : « {example} ».", "en": "For example: \"{example}\"."},
    "constraint-error.enum": {"fr": "{shown} : cette valeur n'est pas dans la liste autorisée.{suggestion}",
                              "en": "{shown}: this value is not in the allowed list.{suggestion}"},
    "constraint-error.enum.hint": {"fr": "Valeurs autorisées : {allowed}.", "en": "Allowed values: {allowed}."},
    "constraint-error.minimum": {"fr": "{shown} : la valeur doit être au moins {bound}.",
                                 "en": "{shown}: the value must be at least {bound}."},
    "constraint-error.bound.hint": {"fr": "Corrigez la valeur ou vérifiez l'unité de « {name} ».",
                                      "en": "Correct the value or check the unit of \"{name}\"."},
    "constraint-error.exclusiveMinimum": {"fr": "{shown} : la valeur doit être strictement plus que {bound}.",
                                          "en": "{shown}: the value must be more than {bound}."},
    "constraint-error.maximum": {"fr": "{shown} : la valeur doit être au plus {bound}.",
                                 "en": "{shown}: the value must be at most {bound}."},
    "constraint-error.exclusiveMaximum": {"fr": "{shown} : la valeur doit être strictement moins que {bound}.",
                                          "en": "{shown}: the value must be less than {bound}."},
    "constraint-error.minLength": {"fr": "{shown} : le texte doit faire au moins {bound} caractères.",
                                   "en": "{shown}: the text must be at least {bound} characters long."},
    "constraint-error.minLength.hint": {"fr": "Complétez la valeur.", "en": "Complete the value."},
    "constraint-error.maxLength": {"fr": "{shown} : le texte doit faire au plus {bound} caractères.",
                                   "en": "{shown}: the text must be at most {bound} characters long."},
    "constraint-error.maxLength.hint": {"fr": "Raccourcissez la valeur.", "en": "Shorten the value."},
    "constraint-error": {"fr": "{shown} : la contrainte « {constraint} » n'est pas respectée.",
                         "en": "{shown}: the constraint \"{constraint}\" is not met."},
    "constraint-error.hint": {"fr": "Corrigez la valeur.", "en": "Correct the value."},
    # ------------------------------------------------------------------ whole-column and row checks
    "unique-error": {"fr": "{shown} : cette valeur est déjà présente (déjà ligne {first_row}).",
                     "en": "{shown}: this value is already present (first on row {first_row})."},
    "unique-error.hint": {"fr": "Chaque valeur de « {name} » doit être unique : corrigez ou supprimez le doublon.",
                          "en": "Each value of \"{name}\" must be unique: correct or delete the duplicate."},
    "primary-key": {"fr": "Identifiant en double (déjà ligne {first_row}).",
                    "en": "Duplicate identifier (first on row {first_row})."},
    "primary-key.hint": {"fr": "Chaque ligne doit avoir un identifiant unique : corrigez ou supprimez le doublon.",
                         "en": "Each row must have a unique identifier: correct or delete the duplicate."},
    "primary-key.empty": {"fr": "L'identifiant de la ligne est vide.", "en": "The row's identifier is empty."},
    "primary-key.empty.hint": {"fr": "Renseignez la ou les colonnes qui identifient la ligne.",
                               "en": "Fill in the column or columns that identify the row."},
    "foreign-key": {"fr": "{shown} : cette valeur ne renvoie à aucune ligne du tableau (« {reference} »).",
                    "en": "{shown}: this value refers to no row of the table (\"{reference}\")."},
    "foreign-key.hint": {"fr": "Corrigez la référence ou ajoutez la ligne à laquelle elle renvoie.",
                         "en": "Correct the reference or add the row it refers to."},
    "blank-row": {"fr": "La ligne est entièrement vide.", "en": "The row is entirely empty."},
    "blank-row.hint": {"fr": "Supprimez la ligne ou remplissez-la.", "en": "Delete the row or fill it in."},
    "missing-cell": {"fr": "La ligne s'arrête avant la colonne « {name} » : il lui manque cette cellule.",
                     "en": "The row stops before the column \"{name}\": it lacks this cell."},
    "missing-cell.hint": {"fr": "Ajoutez le séparateur manquant (la ligne doit avoir autant de cellules que l'en-tête).",
                          "en": "Add the missing separator (the row must have as many cells as the header)."},
    "extra-cell": {"fr": "La ligne a une cellule de plus que l'en-tête (cellule n° {cell}).",
                   "en": "The row has one cell more than the header (cell no. {cell})."},
    "extra-cell.hint": {
        "fr": "Retirez le séparateur en trop, ou mettez entre guillemets le texte qui contient le séparateur.",
        "en": "Remove the extra separator, or put the text that contains the separator between quotes."},
    # ------------------------------------------------------------------ columns
    "missing-required-header": {"fr": "La colonne obligatoire « {name} » est absente.",
                                "en": "The required column \"{name}\" is absent."},
    "missing-required-header.hint": {"fr": "Associez une colonne du fichier à ce champ, ou ajoutez la colonne.",
                                     "en": "Match a column of the file to this field, or add the column."},
    "missing-header": {"fr": "La colonne facultative « {name} » est absente.",
                       "en": "The optional column \"{name}\" is absent."},
    "missing-header.hint": {"fr": "Vous pouvez l'ajouter si l'information existe.",
                            "en": "You can add it if the information exists."},
    "extra-header": {"fr": "La colonne « {name} » ne fait pas partie du schéma.",
                     "en": "The column \"{name}\" is not part of the schema."},
    "extra-header.hint": {"fr": "Elle sera publiée telle quelle ; retirez-la si elle n'a pas lieu d'être.",
                          "en": "It will be published as it is; remove it if it does not belong there."},
    "duplicate-label": {
        "fr": "Le nom de colonne « {name} » apparaît {times} fois dans l'en-tête : le validateur national "
              "refuse le fichier, il ne sait pas quelle colonne prendre.",
        "en": "The column name \"{name}\" appears {times} times in the header: the national validator "
              "refuses the file, it cannot tell which column to take."},
    "duplicate-label.hint": {"fr": "Renommez ou supprimez les colonnes en double.",
                             "en": "Rename or delete the duplicate columns."},
    # ------------------------------------------------------------------ checks declared by the schema
    "check-error.one": {"fr": "Le contrôle « {check} » ne peut pas être fait : colonne {names} absente du fichier.",
                        "en": "The check \"{check}\" cannot be made: column {names} is absent from the file."},
    "check-error.hint": {
        "fr": "Ajoutez la ou les colonnes manquantes, ou retirez celles qui restent si l'information n'existe pas.",
        "en": "Add the missing column or columns, or remove the remaining ones if the information does not exist."},
    "check-error.many": {"fr": "Le contrôle « {check} » ne peut pas être fait : colonnes {names} absentes du fichier.",
                         "en": "The check \"{check}\" cannot be made: columns {names} are absent from the file."},
    "unknown-check": {"fr": "Le contrôle « {check} » déclaré par le schéma n'est pas connu de CapNum ; il n'a pas été fait.",
                      "en": "The check \"{check}\" the schema declares is not known to CapNum; it was not made."},
    "unknown-check.hint": {"fr": "Vérifiez ce point à la main ou avec le validateur national.",
                           "en": "Check this point by hand or with the national validator."},
    # custom checks: the problem (said after the value, « « 123 » : ce n'est pas… ») and what to do
    "french-siret-value": {"fr": "ce n'est pas un numéro SIRET valide (14 chiffres, clé de contrôle).",
                           "en": "this is not a valid SIRET number (14 digits, check digit)."},
    "french-siret-value.hint": {
        "fr": "Un SIRET a 14 chiffres (SIREN + NIC) ; vérifiez-le sur annuaire-entreprises.data.gouv.fr.",
        "en": "A SIRET has 14 digits (SIREN + NIC); check it on annuaire-entreprises.data.gouv.fr."},
    "french-siren-value": {"fr": "ce n'est pas un numéro SIREN valide (9 chiffres, clé de contrôle).",
                           "en": "this is not a valid SIREN number (9 digits, check digit)."},
    "french-siren-value.hint": {"fr": "Un SIREN a 9 chiffres ; vérifiez-le sur annuaire-entreprises.data.gouv.fr.",
                                "en": "A SIREN has 9 digits; check it on annuaire-entreprises.data.gouv.fr."},
    "phone-number-value": {"fr": "ce n'est pas un numéro de téléphone valide.", "en": "this is not a valid phone number."},
    "phone-number-value.hint": {
        "fr": "Écrivez un numéro français à 10 chiffres (0123456789), un numéro court, ou un numéro international "
              "commençant par +.",
        "en": "Write a 10-digit French number (0123456789), a short number, or an international number "
              "starting with +."},
    "french-gps-coordinates": {"fr": "le point n'est pas en France (métropole ou outre-mer).",
                               "en": "the point is not in France (mainland or overseas)."},
    "french-gps-coordinates.hint": {"fr": "Vérifiez la longitude et la latitude (en degrés décimaux, système WGS 84).",
                                    "en": "Check the longitude and latitude (in decimal degrees, WGS 84)."},
    "reversed-french-gps-coordinates": {"fr": "la longitude et la latitude semblent inversées.",
                                        "en": "the longitude and latitude seem swapped."},
    "reversed-french-gps-coordinates.hint": {"fr": "Échangez la longitude et la latitude.",
                                             "en": "Swap the longitude and the latitude."},
    "year-interval-value.single-year": {"fr": "une seule année est donnée : la forme attendue est AAAA/AAAA.",
                                        "en": "only one year is given: the expected form is YYYY/YYYY."},
    "year-interval-value.form": {"fr": "la forme attendue est AAAA/AAAA.", "en": "the expected form is YYYY/YYYY."},
    "year-interval-value.form-or-year": {"fr": "la forme attendue est AAAA/AAAA ou AAAA.",
                                         "en": "the expected form is YYYY/YYYY or YYYY."},
    "year-interval-value.order": {"fr": "la première année de l'intervalle doit être plus petite que la seconde.",
                                  "en": "the first year of the interval must be smaller than the second."},
    "year-interval-value.hint": {
        "fr": "Écrivez une année (2024) ou un intervalle AAAA/AAAA dont la première année est la plus petite.",
        "en": "Write a year (2024) or an interval YYYY/YYYY whose first year is the smaller."},
    "year-value": {"fr": "la forme attendue est une année sur 4 chiffres.", "en": "the expected form is a 4-digit year."},
    "year-value.hint": {"fr": "Écrivez l'année sur 4 chiffres.", "en": "Write the year with 4 digits."},
    "opening-hours-value": {"fr": "ces horaires ne suivent pas la syntaxe opening_hours d'OpenStreetMap.",
                            "en": "these hours do not follow OpenStreetMap's opening_hours syntax."},
    "opening-hours-value.hint": {
        "fr": "Utilisez la syntaxe opening_hours d'OpenStreetMap, par exemple « Mo-Fr 08:00-12:00,14:00-18:00 ».",
        "en": "Use OpenStreetMap's opening_hours syntax, for example \"Mo-Fr 08:00-12:00,14:00-18:00\"."},
    "nomenclature-actes-value.separator": {"fr": "le séparateur « / » manque après la matière.",
                                           "en": "the separator \"/\" is missing after the subject."},
    "nomenclature-actes-value.spaces": {"fr": "pas d'espace autour du « / ».", "en": "no space around the \"/\"."},
    "nomenclature-actes-value.family": {"fr": "la matière n'est pas une des 9 familles de la nomenclature des actes.",
                                        "en": "the subject is not one of the 9 families of the acts nomenclature."},
    "nomenclature-actes-value.hint": {
        "fr": "Commencez par une matière de la nomenclature des actes suivie de « / » sans espace (par exemple "
              "« Commande publique/Marchés publics »).",
        "en": "Start with a subject of the acts nomenclature followed by \"/\" without spaces (for example "
              "\"Commande publique/Marchés publics\")."},
    "compare-columns-value": {"fr": "la valeur de « {column} » doit être {comparison} celle de « {column2} » ({other}).",
                              "en": "the value of \"{column}\" must be {comparison} that of \"{column2}\" ({other})."},
    "compare-columns-value.hint": {"fr": "Vérifiez les deux valeurs comparées.", "en": "Check the two values compared."},
    "compare.>": {"fr": "supérieure à", "en": "greater than"},
    "compare.>=": {"fr": "supérieure ou égale à", "en": "greater than or equal to"},
    "compare.==": {"fr": "égale à", "en": "equal to"},
    "compare.<=": {"fr": "inférieure ou égale à", "en": "less than or equal to"},
    "compare.<": {"fr": "inférieure à", "en": "less than"},
    "sum-columns-value": {"fr": "la valeur de « {column} » doit être la somme de {names}.",
                          "en": "the value of \"{column}\" must be the sum of {names}."},
    "sum-columns-value.hint": {"fr": "Vérifiez le total et les valeurs additionnées.",
                               "en": "Check the total and the values added up."},
    "cohesive-columns-value": {"fr": "les colonnes {names} doivent être toutes remplies ou toutes vides.",
                               "en": "the columns {names} must be all filled in or all empty."},
    "cohesive-columns-value.hint": {"fr": "Remplissez toutes ces colonnes ou laissez-les toutes vides.",
                                    "en": "Fill in all these columns or leave them all empty."},
    "one-of-required": {"fr": "renseignez « {column1} » ou « {column2} » (au moins l'une des deux).",
                        "en": "fill in \"{column1}\" or \"{column2}\" (at least one of the two)."},
    "one-of-required.absent": {
        "fr": "les colonnes « {column1} » et « {column2} » sont toutes deux absentes : l'une des deux est obligatoire.",
        "en": "the columns \"{column1}\" and \"{column2}\" are both absent: one of the two is required."},
    "one-of-required.hint": {"fr": "Renseignez au moins l'une des deux colonnes.", "en": "Fill in at least one of the two columns."},
    "custom.hint": {"fr": "Corrigez la valeur.", "en": "Correct the value."},
    # ------------------------------------------------------------------ the report as a whole
    "note.missing-required": {"fr": "Aucune colonne ne correspond au champ obligatoire « {name} ».",
                              "en": "No column matches the required field \"{name}\"."},
    "summary.valid": {"fr": "Le fichier est valide ({rows}).", "en": "The file is valid ({rows})."},
    "summary.errors": {"fr": "{errors} sur {rows} (sur {total}).", "en": "{errors} on {rows} (of {total})."},
    "summary.warnings": {"fr": " {warnings}.", "en": " {warnings}."},
    "count.error": {"fr": "erreur|erreurs", "en": "error|errors"},
    "count.warning": {"fr": "avertissement|avertissements", "en": "warning|warnings"},
    "count.row": {"fr": "ligne|lignes", "en": "row|rows"},
    "count.cell": {"fr": "cellule|cellules", "en": "cell|cells"},
}


def say(key: str, lang: str = DEFAULT_LANGUAGE, **params: Any) -> str:
    """The sentence ``key`` in ``lang`` with its parameters filled in."""
    return fill(SENTENCES, key, lang, **params)


def has(key: str) -> bool:
    return key in SENTENCES


def count(n: int, word: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """``n`` and the word ``count.<word>`` in the right number: French puts 0 and 1 in the singular,
    English only 1 (« 0 erreur », "0 errors")."""
    return numbered(n, say(f"count.{word}", lang), lang)


def parameters(detail: Any) -> dict[str, Any]:
    """The parameters a report row carries in ``detail``: a JSON object, or nothing.

    Anything else (a frame made before detail held parameters) is kept as ``{"text": detail}``, a
    sentence to show as it is.
    """
    if not detail or not isinstance(detail, str):
        return {}
    if detail.startswith("{"):
        try:
            value = json.loads(detail)
        except ValueError:
            return {"text": detail}
        return value if isinstance(value, dict) else {"text": detail}
    return {"text": detail}


def encode(**params: Any) -> str:
    """``detail`` for a report row: the sentence's parameters as a compact JSON object."""
    return json.dumps(params, ensure_ascii=False, separators=(",", ":"))
