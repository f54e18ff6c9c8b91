"""The Protect step's sentences in French and English: the scan's evidence and the plan's notes (issue 16).

The scan and the plan-makers record what they found as codes and parameters (a :data:`Phrase`: pieces of
this table with their parameters, e.g. ``[("values.count", {"n": 12, "total": 60, "pct": 20}),
("values.what.email", {})]``); the sentence is made where it is shown — Protéger's cards, ``capnum scan`` —
in the window's or the command's language. French is the default and the source language: the French
``evidence``/``note`` strings kept on the results are made from the same pieces, so they read as before.
The processing report stays French (a legal record for a French administration).

Parameters are values, except: ``category`` is a category id of the rules file, said as its label in
lower case (``label``); ``action`` an action id, said by its label; ``…_count`` is a number said with its word from ``count.…`` (« 1 ligne »,
"2 rows"; ``…_count_forms`` names another entry than the parameter's); ``…_number`` a big number with
its thousands separated as each language does; a list is written as quoted names (« a », « b »).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from capnum_desktop.core.privacy.rules import Rules, load_rules
from capnum_desktop.core.wording import DEFAULT_LANGUAGE, fill, language, numbered

Phrase = Sequence[tuple[str, Mapping[str, Any]]]
"""A sentence as pieces of :data:`PRIVACY_SENTENCES` and their parameters, joined without a space."""

PRIVACY_SENTENCES: dict[str, dict[str, str]] = {
    "end": {"fr": ".", "en": "."},
    # ------------------------------------------------------------------ counts (« 1 ligne », "2 rows")
    "count.rows": {"fr": "ligne concerne|lignes concernent", "en": "row is in|rows are in"},
    "count.communes": {"fr": "commune|communes", "en": "commune|communes"},
    "count.lines": {"fr": "ligne|lignes", "en": "row|rows"},
    "count.postal-codes": {"fr": "code postal desservant des communes|codes postaux desservant des communes",
                           "en": "postal code serving communes|postal codes serving communes"},
    # ------------------------------------------------------------------ what a column's values are (detectors)
    "values.count": {"fr": "{n} valeurs sur {total} ({pct} %) ", "en": "{n} of {total} values ({pct}%) "},
    "values.email": {"fr": "ressemblent à des adresses e-mail", "en": "look like e-mail addresses"},
    "values.email.generic": {"fr": ", dont {generic} adresses de service (contact@, accueil@…)",
                             "en": ", {generic} of them department addresses (contact@, accueil@…)"},
    "values.phone": {"fr": "sont des numéros de téléphone valides (vérifiés avec phonenumbers)",
                     "en": "are valid phone numbers (checked with phonenumbers)"},
    "values.phone.mobiles": {"fr": ", dont {mobiles} portables", "en": ", {mobiles} of them mobiles"},
    "values.nir": {"fr": "sont des NIR dont la clé de contrôle est juste", "en": "are NIRs with a correct check key"},
    "values.iban": {"fr": "sont des IBAN dont la clé de contrôle est juste", "en": "are IBANs with a correct check key"},
    "values.nif": {"fr": "sont des numéros fiscaux (SPI) dont la clé de contrôle est juste",
                   "en": "are tax numbers (SPI) with a correct check key"},
    "values.license-plate": {"fr": "ont la forme d'une plaque d'immatriculation", "en": "have the form of a licence plate"},
    "values.ip-address": {"fr": "sont des adresses IP", "en": "are IP addresses"},
    "values.postal-address": {"fr": "ressemblent à des adresses (rue, avenue, BP…)",
                              "en": "look like addresses (street, avenue, PO box…)"},
    "values.full-name": {"fr": "associent un prénom connu et un nom", "en": "combine a known first name and a surname"},
    "values.full-name.companies": {"fr": " mais {pct} % sont des noms de structures",
                                   "en": " but {pct}% are names of organisations"},
    "values.name-shaped": {"fr": "sont des mots sans chiffre ni forme de société, comme des noms de famille",
                           "en": "are words without digits or company forms, like surnames"},
    "values.name-shaped.known": {"fr": " ({known} noms de famille connus)", "en": " ({known} known surnames)"},
    "values.last-name": {"fr": "sont des noms de famille connus", "en": "are known surnames"},
    "values.first-name": {"fr": "sont des prénoms connus", "en": "are known first names"},
    "values.sole-proprietor": {"fr": "désignent une personne physique (nom et prénom, EI, micro-entrepreneur)",
                               "en": "name a natural person (full name, EI, micro-entrepreneur)"},
    "values.sole-proprietor.companies": {"fr": " parmi des noms de structures ({pct} %)",
                                         "en": " among names of organisations ({pct}%)"},
    "values.birth-date": {"fr": "sont des dates plausibles de naissance", "en": "are plausible dates of birth"},
    "values.birth-date.spread": {"fr": ", étalées sur {spread} ans (âge médian {age} ans)",
                                 "en": ", spread over {spread} years (median age {age})"},
    "values.coordinates": {"fr": "sont des coordonnées (degrés décimaux, Lambert-93 ou point)",
                           "en": "are coordinates (decimal degrees, Lambert-93 or point)"},
    "values.geo-point": {"fr": "sont des points géographiques (latitude, longitude)",
                         "en": "are geographic points (latitude, longitude)"},
    "values.sensitive": {"fr": "contiennent un terme de santé, d'opinion, de religion ou d'infraction, ou un code CIM-10",
                         "en": "contain a term of health, opinion, religion or offence, or an ICD-10 code"},
    "values.free-text": {"fr": "sont des phrases (plus de 25 caractères, 4 mots ou plus)",
                         "en": "are sentences (more than 25 characters, 4 words or more)"},
    "values.free-text.distinct": {"fr": ", {pct} % de valeurs distinctes", "en": ", {pct}% distinct values"},
    "values.age": {"fr": "sont des âges (entiers de 0 à 120)", "en": "are ages (whole numbers from 0 to 120)"},
    "values.sex": {"fr": "sont des codes de sexe ou de civilité (H/F, M./Mme…)",
                   "en": "are codes of sex or title (H/F, M./Mme…)"},
    "values.postal-code": {"fr": "sont des codes postaux français", "en": "are French postal codes"},
    "values.commune": {"fr": "sont des noms ou codes de communes", "en": "are names or codes of communes"},
    "values.text": {"fr": "sont des libellés en texte", "en": "are text labels"},
    # ------------------------------------------------------------------ the scan's evidence
    "evidence.header": {"fr": "L'en-tête contient « {word} », mot associé à : {label}.",
                        "en": "The header contains \"{word}\", a word associated with: {label}."},
    "evidence.empty": {"fr": "La colonne est vide : seul l'en-tête a été pris en compte.",
                       "en": "The column is empty: only the header was taken into account."},
    "evidence.nothing": {"fr": "Aucun indice de donnée personnelle dans l'en-tête ni dans les valeurs.",
                         "en": "No sign of personal data in the header or in the values."},
    "evidence.nothing.explanation": {
        "fr": "Aucune donnée personnelle repérée ; vérifiez tout de même le contenu avant de publier.",
        "en": "No personal data found; still check the content before publishing."},
    "evidence.company-ids": {
        "fr": "{n} valeurs sur {total} sont des {name} valides : identifiants d'entreprises ou d'établissements, "
              "pas une donnée personnelle en soi (sauf entrepreneurs individuels).",
        "en": "{n} of {total} values are valid {name} numbers: identifiers of companies or establishments, "
              "not personal data in themselves (except sole traders)."},
    "evidence.spans.nir": {"fr": "{n} valeurs sur {total} contiennent un NIR valide : ces passages seront masqués "
                                 "dans toutes les lignes.",
                           "en": "{n} of {total} values contain a valid NIR: these passages will be masked on "
                                 "every row."},
    "evidence.spans.iban": {"fr": "{n} valeurs sur {total} contiennent un IBAN valide : ces passages seront masqués "
                                  "dans toutes les lignes.",
                            "en": "{n} of {total} values contain a valid IBAN: these passages will be masked on "
                                  "every row."},
    "evidence.spans.email": {"fr": "{n} valeurs sur {total} contiennent une adresse e-mail : ces passages seront "
                                   "masqués dans toutes les lignes.",
                             "en": "{n} of {total} values contain an e-mail address: these passages will be "
                                   "masked on every row."},
    "evidence.spans.phone": {"fr": "{n} valeurs sur {total} contiennent un numéro de téléphone : ces passages "
                                   "seront masqués dans toutes les lignes.",
                             "en": "{n} of {total} values contain a phone number: these passages will be masked "
                                   "on every row."},
    "evidence.juridical": {
        "fr": "La colonne « {column} » indique {rows} entrepreneurs individuels ou unités en diffusion partielle ; "
              "leurs identifiants sur ces lignes sont des données personnelles.",
        "en": "The column \"{column}\" marks {rows} sole traders or units with partial distribution; their "
              "identifiers on these rows are personal data."},
    "evidence.name-in-value": {
        "fr": "{n} valeurs sur {total} contiennent le nom de la personne de la même ligne ({sources}) : publier "
              "cette colonne redonnerait ce nom.",
        "en": "{n} of {total} values contain the name of the person on the same row ({sources}): publishing this "
              "column would give that name back."},
    "evidence.small-communes": {
        "fr": "{rows} {communes} de moins de {threshold} habitants : dans une si petite commune, la commune croisée "
              "avec l'âge, le sexe ou une date peut suffire à reconnaître une personne. Généralisez au département, "
              "ou conservez la commune avec une exception.",
        "en": "{rows} {communes} with fewer than {threshold} inhabitants: in such a small commune, the commune "
              "crossed with age, sex or a date may be enough to recognise a person. Generalise to the "
              "département, or keep the commune with an exception."},
    # ------------------------------------------------------------------ Vérifier's marks on protected cells
    "mark.remove": {"fr": "colonne supprimée à l'étape Protéger", "en": "column removed at the Protect step"},
    "mark.suppress": {"fr": "vidé à l'étape Protéger", "en": "emptied at the Protect step"},
    "mark.generalise": {"fr": "généralisé à l'étape Protéger", "en": "generalised at the Protect step"},
    "mark.mask": {"fr": "masqué à l'étape Protéger", "en": "masked at the Protect step"},
    # ------------------------------------------------------------------ what forbids applying a plan (plan.py)
    "problem.unknown-action": {"fr": "Colonne « {column} » : action inconnue « {action_id} ».",
                               "en": "Column \"{column}\": unknown action \"{action_id}\"."},
    "problem.unknown-category": {"fr": "Colonne « {column} » : catégorie inconnue « {category_id} ».",
                                 "en": "Column \"{column}\": unknown category \"{category_id}\"."},
    "problem.never-keep": {"fr": "Colonne « {column} » ({label}) : cette donnée ne peut jamais être publiée.",
                           "en": "Column \"{column}\" ({label}): this data can never be published."},
    "problem.not-allowed": {"fr": "Colonne « {column} » ({label}) : l'action « {action} » n'est pas permise.",
                            "en": "Column \"{column}\" ({label}): the action \"{action}\" is not allowed."},
    "problem.needs-exception": {
        "fr": "Colonne « {column} » ({label}) : la conserver exige une exception légale (D312-1-3, texte, "
              "consentement…).",
        "en": "Column \"{column}\" ({label}): keeping it requires a legal exception (D312-1-3, a text, "
              "consent…)."},
    "problem.needs-reference": {"fr": "Colonne « {column} » : citez le texte qui impose la publication.",
                                "en": "Column \"{column}\": cite the text that requires publication."},
    "problem.small-communes": {
        "fr": "Colonne « {column} » : {rows} dans des communes de moins de {threshold} habitants ; pour conserver "
              "la commune, choisissez l'exception qui le permet, sinon généralisez au département.",
        "en": "Column \"{column}\": {rows} in communes of fewer than {threshold} inhabitants; to keep the "
              "commune, choose the exception that allows it, otherwise generalise to the département."},
    "problem.needs-reason": {
        "fr": "Colonne « {column} » : par défaut, les lignes des entrepreneurs individuels ne sont pas publiées ; "
              "pour faire autrement, indiquez votre motif (il sera inscrit dans le rapport).",
        "en": "Column \"{column}\": by default, the rows of sole traders are not published; to do otherwise, "
              "give your reason (it will be written in the report)."},
    "problem.unknown-method": {"fr": "Colonne « {column} » : méthode de généralisation inconnue « {method} ».",
                               "en": "Column \"{column}\": unknown generalisation method \"{method}\"."},
    "problem.hint": {
        "fr": "Choisissez une action autorisée pour cette colonne, ou indiquez l'exception légale qui permet de la "
              "publier (elle sera inscrite dans le rapport de traitement).",
        "en": "Choose an allowed action for this column, or state the legal exception that allows publishing it "
              "(it will be written in the processing report)."},
    # ------------------------------------------------------------------ re-identification risk (risk.py)
    "k.not-measured": {
        "fr": "Aucun quasi-identifiant conservé : le risque de ré-identification par croisement n'a pas été mesuré.",
        "en": "No quasi-identifier kept: the risk of re-identification by cross-matching was not measured."},
    "k.ok": {
        "fr": "Chaque combinaison de {columns} est partagée par au moins {k} lignes (seuil {target}) : aucune ligne "
              "n'est isolable par ces colonnes.",
        "en": "Every combination of {columns} is shared by at least {k} rows (threshold {target}): no row can be "
              "singled out by these columns."},
    "k.at-risk": {
        "fr": "{rows} lignes sont dans des groupes de moins de {target} lignes pour {columns} (le plus petit groupe "
              "compte {smallest}) : elles pourraient être ré-identifiées.",
        "en": "{rows} rows are in groups of fewer than {target} rows for {columns} (the smallest group has "
              "{smallest}): they could be re-identified."},
    "k.at-risk.one": {
        "fr": "{rows} ligne est seule dans son groupe pour {columns} (moins de {target} lignes) : elle pourrait être "
              "ré-identifiée.",
        "en": "{rows} row is alone in its group for {columns} (fewer than {target} rows): it could be re-identified."},
    # ------------------------------------------------------------------ what the rows are about (schema_plan)
    "subject.entity": {
        "fr": "La colonne « {column} » désigne des entreprises, associations ou administrations (SIRET, SIREN, RNA ou "
              "raison sociale) : chaque ligne concerne une personne morale.",
        "en": "The column \"{column}\" names companies, associations or administrations (SIRET, SIREN, RNA or "
              "company name): each row is about a legal person."},
    "subject.entity.mapped": {
        "fr": "La colonne « {source} » ({column}) désigne des entreprises, associations ou administrations (SIRET, "
              "SIREN, RNA ou raison sociale) : chaque ligne concerne une personne morale.",
        "en": "The column \"{source}\" ({column}) names companies, associations or administrations (SIRET, SIREN, "
              "RNA or company name): each row is about a legal person."},
    "subject.facility.schema": {
        "fr": "Le schéma décrit des lieux ou équipements (« {word} ») : chaque ligne est un lieu, pas une personne.",
        "en": "The schema describes places or facilities (\"{word}\"): each row is a place, not a person."},
    "subject.facility.position": {
        "fr": "Le schéma exige la position de chaque ligne (« {field} ») : il décrit des lieux ou équipements, pas "
              "des personnes.",
        "en": "The schema requires each row's position (\"{field}\"): it describes places or facilities, not "
              "persons."},
    "subject.facility.headers": {
        "fr": "Les colonnes décrivent des lieux ou équipements (« {word} ») : chaque ligne est un lieu, pas une "
              "personne.",
        "en": "The columns describe places or facilities (\"{word}\"): each row is a place, not a person."},
    "subject.person": {
        "fr": "Rien n'indique que les lignes décrivent des personnes morales ou des lieux : elles sont traitées comme "
              "pouvant concerner des personnes physiques.",
        "en": "Nothing shows that the rows describe legal persons or places: they are treated as possibly about "
              "natural persons."},
    # ------------------------------------------------------------------ the plan's notes (schema_plan)
    "note.withhold": {
        "fr": "Les lignes des entrepreneurs individuels (personnes physiques) sont retirées de la publication en "
              "entier : nom, SIRET et toutes leurs autres cellules ; leur nombre et la règle figurent dans le "
              "rapport de traitement. Pour faire autrement, choisissez une autre action et notez votre motif.",
        "en": "The rows of sole traders (natural persons) are withheld from publication as a whole: name, SIRET and "
              "all their other cells; their number and the rule are in the processing report. To do otherwise, "
              "choose another action and write down your reason."},
    "note.kept.entity": {
        "fr": "Conservée : attribut d'une personne morale, pas une donnée personnelle (RGPD considérant 14). "
              "Changez l'action si la colonne décrit en fait une personne physique.",
        "en": "Kept: an attribute of a legal person, not personal data (GDPR recital 14). Change the action if "
              "the column in fact describes a natural person."},
    "note.kept.facility": {
        "fr": "Conservée : attribut d'un lieu ou équipement, pas une donnée personnelle (RGPD considérant 14). "
              "Changez l'action si la colonne décrit en fait une personne physique.",
        "en": "Kept: an attribute of a place or facility, not personal data (GDPR recital 14). Change the action "
              "if the column in fact describes a natural person."},
    "note.person-removed": {
        "fr": "Supprimée : cette personne est rattachée à une ligne qu'un identifiant public désigne, généraliser "
              "la valeur ne la protégerait pas.",
        "en": "Removed: this person is attached to a row that a public identifier names; generalising the value "
              "would not protect them."},
    "note.small-communes": {
        "fr": "Département proposé : petites communes sous le seuil de {threshold} habitants (réglable dans les "
              "règles, choix à valider avec le DPO). Pour garder la commune, choisissez l'exception qui le permet.",
        "en": "Département proposed: small communes under the threshold of {threshold} inhabitants (adjustable in "
              "the rules, a choice to confirm with the DPO). To keep the commune, choose the exception that "
              "allows it."},
    "note.finer-location": {
        "fr": "« {coarse} » est ramené au département : garder « {column} » redonnerait l'information retirée, "
              "cette colonne suit donc le même niveau.",
        "en": "\"{coarse}\" is brought to the département: keeping \"{column}\" would give back the information "
              "removed, so this column follows at the same level."},
    "note.conflict.remove": {
        "fr": "Conflit avec le schéma : le champ « {column} » est obligatoire ; supprimer la colonne rend le fichier "
              "non publiable. Pour publier : retirez de la publication les lignes qui concernent une personne "
              "physique, ou conservez la colonne avec l'exception légale qui l'autorise.",
        "en": "Conflict with the schema: the field \"{column}\" is required; removing the column makes the file "
              "unpublishable. To publish: withhold the rows about a natural person, or keep the column with the "
              "legal exception that allows it."},
    "note.conflict.suppress": {
        "fr": "Conflit avec le schéma : le champ « {column} » est obligatoire ; vider ces cellules rend le fichier "
              "non publiable. Pour publier : retirez de la publication les lignes qui concernent une personne "
              "physique, ou conservez la colonne avec l'exception légale qui l'autorise.",
        "en": "Conflict with the schema: the field \"{column}\" is required; emptying these cells makes the file "
              "unpublishable. To publish: withhold the rows about a natural person, or keep the column with the "
              "legal exception that allows it."},
    "note.type-conflict": {
        "fr": "Conflit avec le schéma : généraliser « {column} » donne des valeurs que le schéma refuse (type ou "
              "format attendu) ; le fichier ne sera pas valide. Pour publier : supprimez la colonne si elle n'est "
              "pas obligatoire, ou retirez de la publication les lignes qui concernent une personne physique.",
        "en": "Conflict with the schema: generalising \"{column}\" gives values the schema refuses (expected type "
              "or format); the file will not be valid. To publish: remove the column if it is not required, or "
              "withhold the rows about a natural person."},
}


def _values(params: Mapping[str, Any], lang: str, rules: Rules | None) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name, value in params.items():
        if name == "category":
            values["label"] = category_label(str(value), lang, rules).lower()
        elif name == "action":  # an action id, said as the rules name it (« Conserver », "Keep")
            values["action"] = (rules or load_rules()).action_label(str(value), lang)
        elif name.endswith("_count"):  # rows_count=3 -> {rows}, said with count.rows: « 3 lignes concernent »
            word, forms = name[: -len("_count")], str(params.get(f"{name}_forms", ""))
            values[word] = numbered(int(value), fill(PRIVACY_SENTENCES, f"count.{forms or word}", lang), lang)
        elif name.endswith("_count_forms"):
            continue
        elif name.endswith("_number"):  # a big number: 1 000 (narrow space) in French, 1,000 in English
            separator = "\u202f" if language(lang) == "fr" else ","
            values[name[: -len("_number")]] = f"{int(value):,}".replace(",", separator)
        elif isinstance(value, Sequence) and not isinstance(value, str):
            quote = "« {} »" if language(lang) == "fr" else '"{}"'
            values[name] = ", ".join(quote.format(v) for v in value)
        else:
            values[name] = value
    return values


def say(phrase: Phrase, lang: str = DEFAULT_LANGUAGE, rules: Rules | None = None) -> str:
    """The sentence of ``phrase`` in ``lang`` (French by default), its first letter in upper case."""
    text = "".join(fill(PRIVACY_SENTENCES, key, lang, **_values(params, lang, rules)) for key, params in phrase)
    return text[:1].upper() + text[1:]


def say_all(phrases: Iterable[Phrase], lang: str = DEFAULT_LANGUAGE, rules: Rules | None = None) -> str:
    """Several phrases as one text, separated by a space (a decision's note)."""
    return " ".join(say(p, lang, rules) for p in phrases)


def to_json(phrase: Phrase) -> list[list[Any]]:
    """A phrase as JSON lists (``[[key, params], …]``), as scans and recipes store it."""
    return [[key, dict(params)] for key, params in phrase]


def from_json(data: Any) -> tuple[tuple[str, dict[str, Any]], ...]:
    """A phrase stored by :func:`to_json` (an empty one for anything else: older files had none)."""
    if not isinstance(data, list):
        return ()
    return tuple((str(item[0]), dict(item[1] or {})) for item in data
                 if isinstance(item, (list, tuple)) and len(item) == 2)


def category_label(category: str | None, lang: str = DEFAULT_LANGUAGE, rules: Rules | None = None,
                   fallback: str = "") -> str:
    """A category's label in ``lang`` (``fallback``, else the id, for a category the rules do not know)."""
    if not category:
        return fallback
    try:
        return (rules or load_rules()).category(category).label_in(lang)
    except KeyError:
        return fallback or category


def category_explanation(category: str | None, lang: str = DEFAULT_LANGUAGE, rules: Rules | None = None,
                         fallback: str = "") -> str:
    """A category's rule in one sentence, in ``lang`` (``fallback`` for an unknown category)."""
    if not category:
        return fallback
    try:
        return (rules or load_rules()).category(category).explanation_in(lang)
    except KeyError:
        return fallback
