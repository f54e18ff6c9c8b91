"""Plain-French messages and hints for validation errors, built from the schema's own words.

Modelled on the national validator (Validata): a date typed ``15/03/2024`` gets "la forme attendue
est 2024-03-15", a number with a comma gets the point, an enum lists the allowed values, a pattern
shows the field's description and example.
"""

from __future__ import annotations

import re
from typing import Any

from rapidfuzz import process as fuzz_process
from rapidfuzz import utils as fuzz_utils

TYPE_LABELS = {
    "string": "du texte",
    "integer": "un nombre entier",
    "number": "un nombre",
    "boolean": "un booléen",
    "date": "une date",
    "datetime": "une date et heure",
    "time": "une heure",
    "year": "une année",
    "yearmonth": "une année et un mois",
    "geopoint": "un point géographique",
    "geojson": "un objet GeoJSON",
    "object": "un objet JSON",
    "array": "une liste JSON",
    "duration": "une durée",
}

CODE_LABELS = {
    "type-error": "Type ou format incorrect",
    "constraint-error": "Contrainte non respectée",
    "unique-error": "Valeur en double",
    "primary-key": "Identifiant en double ou vide",
    "blank-row": "Ligne vide",
    "missing-required-header": "Colonne obligatoire manquante",
    "missing-header": "Colonne facultative absente",
    "extra-header": "Colonne en trop",
    "unknown-check": "Contrôle inconnu",
    "check-error": "Contrôle impossible",
    "missing-cell": "Cellule manquante",
    "extra-cell": "Cellule en trop",
    "duplicate-label": "Nom de colonne en double",
    "foreign-key": "Référence introuvable",
    "french-siret-value": "Numéro SIRET invalide",
    "french-siren-value": "Numéro SIREN invalide",
    "phone-number-value": "Numéro de téléphone invalide",
    "french-gps-coordinates": "Coordonnées GPS hors de France",
    "reversed-french-gps-coordinates": "Coordonnées GPS inversées",
    "year-interval-value": "Année ou intervalle d'années incorrect",
    "year-value": "Année incorrecte",
    "opening-hours-value": "Horaires d'ouverture incorrects",
    "compare-columns-value": "Comparaison de colonnes",
    "sum-columns-value": "Somme de colonnes",
    "cohesive-columns-value": "Cohérence entre colonnes",
    "one-of-required": "Une des deux colonnes requise",
    "nomenclature-actes-value": "Nomenclature des actes",
}

CONSTRAINT_LABELS = {
    "required": "Valeur obligatoire manquante",
    "pattern": "Forme incorrecte",
    "enum": "Valeur non autorisée",
    "minimum": "Valeur trop petite",
    "maximum": "Valeur trop grande",
    "exclusiveMinimum": "Valeur trop petite",
    "exclusiveMaximum": "Valeur trop grande",
    "minLength": "Texte trop court",
    "maxLength": "Texte trop long",
}

_FR_DATE = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\s*$")
_FR_DATETIME = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})[ T]+(\d{1,2})[:h](\d{2})(?::(\d{2}))?\s*$")


def kind_label(code: str, constraint: str = "") -> str:
    """A short French name for a kind of error (used to group errors)."""
    if code == "constraint-error" and constraint in CONSTRAINT_LABELS:
        return CONSTRAINT_LABELS[constraint]
    return CODE_LABELS.get(code, code)


def message_and_hint(
    code: str, field: dict[str, Any], value: str, constraint: str = "", detail: str = ""
) -> tuple[str, str]:
    """(what is wrong, how to fix it) for one error, in plain French."""
    name = field.get("name", "")
    shown = _show(value)
    ftype = field.get("type", "string")
    fmt = field.get("format", "default")
    constraints = field.get("constraints") or {}
    if ftype == "array" and isinstance(field.get("arrayItem"), dict):  # the items' own constraints
        constraints = {**(field["arrayItem"].get("constraints") or {}), **constraints}
    if code == "type-error":
        return _type_message(shown, value, ftype, fmt, field)
    if code == "constraint-error":
        bound = constraints.get(constraint)
        if constraint == "required":
            return ("Valeur manquante : ce champ est obligatoire.",
                    f"Renseignez « {name} »{_example(field)}.")
        if constraint == "pattern":
            return (f"{shown} : la forme n'est pas celle attendue.", _pattern_hint(field))
        if constraint == "enum":
            allowed = [str(v) for v in (bound or [])]
            close = fuzz_process.extractOne(value, allowed, processor=fuzz_utils.default_process) if allowed and value else None
            suggestion = f" Vouliez-vous dire « {close[0]} » ?" if close and close[1] >= 75 else ""
            listed = ", ".join(f"« {a} »" for a in allowed[:12]) + (" …" if len(allowed) > 12 else "")
            return (f"{shown} : cette valeur n'est pas dans la liste autorisée.{suggestion}",
                    f"Valeurs autorisées : {listed}.")
        if constraint in ("minimum", "exclusiveMinimum"):
            word = "au moins" if constraint == "minimum" else "strictement plus que"
            return (f"{shown} : la valeur doit être {word} {bound}.", f"Corrigez la valeur ou vérifiez l'unité de « {name} ».")
        if constraint in ("maximum", "exclusiveMaximum"):
            word = "au plus" if constraint == "maximum" else "strictement moins que"
            return (f"{shown} : la valeur doit être {word} {bound}.", f"Corrigez la valeur ou vérifiez l'unité de « {name} ».")
        if constraint == "minLength":
            return (f"{shown} : le texte doit faire au moins {bound} caractères.", "Complétez la valeur.")
        if constraint == "maxLength":
            return (f"{shown} : le texte doit faire au plus {bound} caractères.", "Raccourcissez la valeur.")
        return (f"{shown} : la contrainte « {constraint} » n'est pas respectée.", "Corrigez la valeur.")
    if code == "unique-error":
        return (f"{shown} : cette valeur est déjà présente {detail}.".replace("  ", " "),
                f"Chaque valeur de « {name} » doit être unique : corrigez ou supprimez le doublon.")
    if code == "primary-key":
        if detail == "vide":
            return ("L'identifiant de la ligne est vide.", "Renseignez la ou les colonnes qui identifient la ligne.")
        return (f"Identifiant en double {detail}.".replace("  ", " "),
                "Chaque ligne doit avoir un identifiant unique : corrigez ou supprimez le doublon.")
    if code == "blank-row":
        return ("La ligne est entièrement vide.", "Supprimez la ligne ou remplissez-la.")
    if code == "missing-required-header":
        return (f"La colonne obligatoire « {name} » est absente.",
                "Associez une colonne du fichier à ce champ, ou ajoutez la colonne.")
    if code == "missing-header":
        return (f"La colonne facultative « {name} » est absente.", "Vous pouvez l'ajouter si l'information existe.")
    if code == "extra-header":
        return (f"La colonne « {name} » ne fait pas partie du schéma.",
                "Elle sera publiée telle quelle ; retirez-la si elle n'a pas lieu d'être.")
    if code == "missing-cell":
        return (f"La ligne s'arrête avant la colonne « {name} » : il lui manque cette cellule.",
                "Ajoutez le séparateur manquant (la ligne doit avoir autant de cellules que l'en-tête).")
    if code == "extra-cell":
        return (f"La ligne a une cellule de plus que l'en-tête (cellule n° {detail}).",
                "Retirez le séparateur en trop, ou mettez entre guillemets le texte qui contient le séparateur.")
    if code == "duplicate-label":
        return (f"Le nom de colonne « {name} » apparaît {detail} fois dans l'en-tête : le validateur national "
                "refuse le fichier, il ne sait pas quelle colonne prendre.",
                "Renommez ou supprimez les colonnes en double.")
    if code == "foreign-key":
        return (f"{shown} : cette valeur ne renvoie à aucune ligne du tableau {detail}.".replace("  ", " "),
                "Corrigez la référence ou ajoutez la ligne à laquelle elle renvoie.")
    if code == "check-error":
        return (detail[:1].upper() + detail[1:], "Ajoutez la ou les colonnes manquantes, ou retirez celles qui restent "
                "si l'information n'existe pas.")
    if code == "unknown-check":
        return (f"Le contrôle « {detail} » déclaré par le schéma n'est pas connu de CapNum ; il n'a pas été fait.",
                "Vérifiez ce point à la main ou avec le validateur national.")
    # custom checks: detail carries the specific French explanation
    return (f"{shown} : {detail}" if value else detail, _custom_hint(code))


def _type_message(shown: str, value: str, ftype: str, fmt: str, field: dict[str, Any]) -> tuple[str, str]:
    expected = TYPE_LABELS.get(ftype, ftype)
    if ftype == "date":
        m = _FR_DATE.match(value)
        if m and fmt in ("default", None, "%Y-%m-%d"):
            d, mo, y = m.groups()
            iso = f"{y}-{int(mo):02d}-{int(d):02d}"
            return (f"{shown} : la forme attendue est {iso}.", "Écrivez les dates sous la forme AAAA-MM-JJ (année-mois-jour).")
        if fmt not in ("default", None, "any"):
            return (f"{shown} n'est pas une date au format {_human_format(fmt)}.", f"Écrivez la date au format {_human_format(fmt)}.")
        return (f"{shown} n'est pas une date valide.", "Écrivez les dates sous la forme AAAA-MM-JJ (par exemple 2024-03-15).")
    if ftype == "datetime":
        m = _FR_DATETIME.match(value)
        if m:
            d, mo, y, h, mi, s = m.groups()
            iso = f"{y}-{int(mo):02d}-{int(d):02d}T{int(h):02d}:{mi}:{s or '00'}"
            return (f"{shown} : la forme attendue est {iso}.", "Écrivez date et heure sous la forme AAAA-MM-JJTHH:MM:SS.")
        return (f"{shown} n'est pas une date et heure valide.", "Écrivez date et heure sous la forme AAAA-MM-JJTHH:MM:SS (par exemple 2024-03-15T14:30:00).")
    if ftype in ("number", "integer"):
        compact = value.replace("\u202f", "").replace("\xa0", "").replace(" ", "").replace("€", "").strip()
        if ftype == "integer" and re.fullmatch(r"-?\d+[.,]0+", compact):
            fixed = re.split(r"[.,]", compact)[0]
            return (f"{shown} : la forme attendue est {fixed}.", "Écrivez un nombre entier, sans décimales.")
        if re.fullmatch(r"-?\d+,\d+", compact):
            fixed = compact.replace(",", ".")
            if ftype == "integer":
                return (f"{shown} n'est pas un nombre entier.", "Écrivez un nombre entier, sans décimales.")
            return (f"{shown} : la forme attendue est {fixed}.", "Le séparateur décimal doit être un point, sans espace ni symbole.")
        if compact != value.strip() and re.fullmatch(r"-?\d+([.,]\d+)?", compact):
            fixed = compact.replace(",", ".")
            return (f"{shown} : la forme attendue est {fixed}.", "Écrivez le nombre sans espace, sans unité ni symbole monétaire.")
        return (f"{shown} n'est pas {expected}.", "Écrivez un nombre avec un point comme séparateur décimal (par exemple 1234.5).")
    if ftype == "boolean":
        trues = field.get("trueValues") or ["true", "True", "TRUE", "1"]
        falses = field.get("falseValues") or ["false", "False", "FALSE", "0"]
        return (f"{shown} n'est pas une valeur oui/non reconnue.",
                f"Valeurs acceptées : {', '.join(trues)} (vrai) ou {', '.join(falses)} (faux).")
    if ftype == "string" and fmt == "email":
        return (f"{shown} n'est pas une adresse électronique valide.", "Écrivez une adresse de la forme nom@domaine.fr, sans espace.")
    if ftype == "string" and fmt == "uri":
        return (f"{shown} n'est pas une adresse web valide.", "Écrivez une adresse complète commençant par https://.")
    if ftype == "string" and fmt == "uuid":
        return (f"{shown} n'est pas un identifiant UUID valide.", "Un UUID a la forme 123e4567-e89b-12d3-a456-426614174000.")
    if ftype == "year":
        return (f"{shown} n'est pas une année.", "Écrivez l'année sur 4 chiffres (par exemple 2024).")
    if ftype == "geopoint":
        return (f"{shown} n'est pas un point géographique valide.", "Écrivez longitude et latitude sous la forme attendue par le schéma (par exemple « 2.35,48.85 »).")
    return (f"{shown} n'est pas {expected}" + (f" au format {fmt}" if fmt not in ("default", None) else "") + ".",
            "Corrigez la valeur selon la description du champ.")


def _pattern_hint(field: dict[str, Any]) -> str:
    parts = []
    if field.get("description"):
        parts.append(str(field["description"]).strip().rstrip(".") + ".")
    example = _example(field)
    if example:
        parts.append(f"Par exemple : « {_example_value(field)} ».")
    return " ".join(parts) or "Corrigez la valeur pour qu'elle ait la forme décrite par le schéma."


def _example_value(field: dict[str, Any]) -> Any:
    example = field.get("example")
    if example is None and field.get("examples"):
        ex = field["examples"]
        example = ex[0] if isinstance(ex, list) and ex else ex
    return example


def _example(field: dict[str, Any]) -> str:
    example = _example_value(field)
    # Shown as an example, never as the value to type (« Renseignez « idAttribuant » : 2335… » read like one).
    return f" (par exemple « {example} »)" if example not in (None, "") else ""


def _human_format(fmt: str) -> str:
    return (fmt.replace("%Y", "AAAA").replace("%m", "MM").replace("%d", "JJ")
            .replace("%H", "HH").replace("%M", "MM").replace("%S", "SS"))


def _custom_hint(code: str) -> str:
    return {
        "french-siret-value": "Un SIRET a 14 chiffres (SIREN + NIC) ; vérifiez-le sur annuaire-entreprises.data.gouv.fr.",
        "french-siren-value": "Un SIREN a 9 chiffres ; vérifiez-le sur annuaire-entreprises.data.gouv.fr.",
        "phone-number-value": "Écrivez un numéro français à 10 chiffres (0123456789), un numéro court, ou un numéro international commençant par +.",
        "french-gps-coordinates": "Vérifiez la longitude et la latitude (en degrés décimaux, système WGS 84).",
        "reversed-french-gps-coordinates": "Échangez la longitude et la latitude.",
        "year-interval-value": "Écrivez une année (2024) ou un intervalle AAAA/AAAA dont la première année est la plus petite.",
        "year-value": "Écrivez l'année sur 4 chiffres.",
        "opening-hours-value": "Utilisez la syntaxe opening_hours d'OpenStreetMap, par exemple « Mo-Fr 08:00-12:00,14:00-18:00 ».",
        "compare-columns-value": "Vérifiez les deux valeurs comparées.",
        "sum-columns-value": "Vérifiez le total et les valeurs additionnées.",
        "cohesive-columns-value": "Remplissez toutes ces colonnes ou laissez-les toutes vides.",
        "one-of-required": "Renseignez au moins l'une des deux colonnes.",
        "nomenclature-actes-value": "Commencez par une matière de la nomenclature des actes suivie de « / » sans espace (par exemple « Commande publique/Marchés publics »).",
    }.get(code, "Corrigez la valeur.")


def _show(value: str) -> str:
    if value == "":
        return "(vide)"
    text = value if len(value) <= 60 else value[:57] + "…"
    return f"« {text} »"
