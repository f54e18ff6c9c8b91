"""Build the schema-shaped table: fields in schema order, values converted, every failure reported.

The output keeps the source row numbers as its index, so every later message (validation, privacy,
manual edits) still points at the row the agent sees in the original file. A value that cannot be
converted stays as it was in the cell and gets a :class:`ConversionIssue`; nothing is silently blanked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

import pandas as pd

from capnum_desktop.core.jobs import CancelToken, Progress, no_progress
from capnum_desktop.core.pipeline_notes import PipelineNote
from capnum_desktop.core.schemas import identifiers
from capnum_desktop.core.schemas.catalogue import Schema
from capnum_desktop.core.schemas.convert import REPAIRED_PREFIX, TEXT, Converted, convert_values
from capnum_desktop.core.schemas.mapping import Mapping
from capnum_desktop.core.table import Table
from capnum_desktop.core.wording import count as count_of
from capnum_desktop.core.wording import fill

MAX_ISSUES_PER_FIELD = 10_000

CONVERSION_SENTENCES: dict[str, dict[str, str]] = {
    "type-number": {"fr": "Valeur non reconnue comme un nombre.", "en": "Value not recognised as a number."},
    "type-number.hint": {"fr": "Écrivez un nombre, avec une virgule ou un point décimal (ex. 1234,56).",
                         "en": "Write a number, with a decimal comma or point (e.g. 1234,56)."},
    "type-integer": {"fr": "Valeur non reconnue comme un nombre entier.", "en": "Value not recognised as a whole number."},
    "type-integer.hint": {"fr": "Écrivez un nombre entier, sans décimales (ex. 42).",
                          "en": "Write a whole number, without decimals (e.g. 42)."},
    "type-date": {"fr": "Date non reconnue.", "en": "Date not recognised."},
    "type-date.hint": {"fr": "Écrivez la date au format JJ/MM/AAAA ou AAAA-MM-JJ (ex. 15/03/2024).",
                       "en": "Write the date as DD/MM/YYYY or YYYY-MM-DD (e.g. 15/03/2024)."},
    "type-datetime": {"fr": "Date et heure non reconnues.", "en": "Date and time not recognised."},
    "type-datetime.hint": {"fr": "Écrivez par exemple 15/03/2024 14:30 ou 2024-03-15T14:30:00.",
                           "en": "Write for example 15/03/2024 14:30 or 2024-03-15T14:30:00."},
    "type-boolean": {"fr": "Valeur non reconnue comme oui/non.", "en": "Value not recognised as yes/no."},
    "type-boolean.hint": {"fr": "Valeurs acceptées : oui/non, vrai/faux, O/N, X (coché), 1/0, true/false.",
                          "en": "Accepted values: oui/non, vrai/faux, O/N, X (ticked), 1/0, true/false."},
    "type-year": {"fr": "Année non reconnue.", "en": "Year not recognised."},
    "type-year.hint": {"fr": "Écrivez l'année sur 4 chiffres (ex. 2024).", "en": "Write the year with 4 digits (e.g. 2024)."},
    "type-yearmonth": {"fr": "Mois non reconnu.", "en": "Month not recognised."},
    "type-yearmonth.hint": {"fr": "Écrivez le mois au format AAAA-MM (ex. 2024-03).",
                            "en": "Write the month as YYYY-MM (e.g. 2024-03)."},
    "type-time": {"fr": "Heure non reconnue.", "en": "Time not recognised."},
    "type-time.hint": {"fr": "Écrivez l'heure au format HH:MM (ex. 14:30).", "en": "Write the time as HH:MM (e.g. 14:30)."},
    "enum": {"fr": "Valeur hors de la liste autorisée par le schéma.", "en": "Value outside the list the schema allows."},
    "enum.hint": {"fr": "{close}Choisissez une des valeurs autorisées : {allowed}.",
                  "en": "{close}Choose one of the allowed values: {allowed}."},
    "enum.close": {"fr": "Valeur proche autorisée : « {suggestion} ». ", "en": "Close allowed value: \"{suggestion}\". "},
    "identifier-scientific": {
        "fr": "{what} abîmé par Excel (écrit en notation scientifique, les derniers chiffres sont perdus).",
        "en": "{what} damaged by Excel (written in scientific notation, the last digits are lost)."},
    "identifier-scientific.hint": {
        "fr": "Reprenez la valeur dans le fichier d'origine, la colonne étant au format Texte dans le tableur.",
        "en": "Take the value again from the original file, with the column in Text format in the spreadsheet."},
    "unknown": {"fr": "Valeur non convertie.", "en": "Value not converted."},
    "unknown.hint": {"fr": "Corrigez la valeur dans le fichier.", "en": "Correct the value in the file."},
    "word.identifier": {"fr": "Identifiant", "en": "Identifier"},
    "word.identifier-of": {"fr": "Numéro {label}", "en": "{label} number"},
    "word.constant": {"fr": "Valeur fixe : {message}", "en": "Fixed value: {message}"},
    "word.quoted": {"fr": "« {text} »", "en": "\"{text}\""},
}
"""What a value that could not be converted says, in French and English (issue 16): made from the issue's
code and parameters by :func:`conversion_text` where it is shown; every entry has both languages."""

MESSAGES: dict[str, tuple[str, str]] = {
    code: (fill(CONVERSION_SENTENCES, code, "fr", what="Identifiant"), CONVERSION_SENTENCES[f"{code}.hint"]["fr"])
    for code in ("type-number", "type-integer", "type-date", "type-datetime", "type-boolean", "type-year",
                 "type-yearmonth", "type-time", "enum", "identifier-scientific")
}
"""The French (message, hint) of each conversion code (``enum``'s hint still has its ``{close}{allowed}``)."""

REPAIRS: dict[str, str] = {
    "leading-zeros": "zéros initiaux rétablis (perdus par le tableur), valeur vérifiée",
    "excel-decimal": "« ,0 » ou « .0 » final retiré (ajouté par le tableur), valeur vérifiée",
    "spaces": "espaces retirés à l'intérieur de l'identifiant, valeur vérifiée",
    "null-token": "valeurs de remplacement (NA, NC, #…) vidées",
    "commune-name": "nom de commune remplacé par son code INSEE (liste officielle des communes)",
}


@dataclass(frozen=True)
class ConversionIssue:
    """One value that could not be converted to its field's type (the cell keeps its original text)."""

    row: int | None  # source row number; None for a constant
    field: str
    column: str | None
    code: str
    value: str
    message: str  # French; text(lang) for another language
    hint: str
    params: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)  # what the sentences say

    def text(self, lang: str = "fr") -> tuple[str, str]:
        """(message, hint) in ``lang``, from the code and parameters."""
        return conversion_text(self.code, self.params, lang) if lang != "fr" else (self.message, self.hint)

    def to_dict(self, *, include_value: bool = False) -> dict[str, Any]:
        """Without the cell value by default: reports must never carry personal data."""
        data = {"row": self.row, "field": self.field, "column": self.column, "code": self.code,
                "message": self.message, "hint": self.hint}  # fmt: skip
        if include_value:
            data["value"] = self.value
        return data


@dataclass(frozen=True)
class Repair:
    """Values changed on the way, other than plain format conversion (counted, never listed by value)."""

    field: str
    column: str | None
    code: str
    count: int
    rows: tuple[int, ...]  # the first source rows concerned (at most 50)
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "column": self.column, "code": self.code, "count": self.count,
                "rows": list(self.rows), "message": self.message}  # fmt: skip


@dataclass
class ConformResult:
    """The conformed table, the values that could not be converted, and the repairs made."""

    table: Table
    issues: list[ConversionIssue] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    issue_counts: dict[str, int] = field(default_factory=dict)  # field -> count (complete, never capped)
    warnings: list[str] = field(default_factory=list)

    def issues_for(self, field_name: str) -> list[ConversionIssue]:
        return [i for i in self.issues if i.field == field_name]


def conform(
    table: Table,
    schema: Schema,
    mapping: Mapping,
    *,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    max_issues_per_field: int = MAX_ISSUES_PER_FIELD,
) -> ConformResult:
    """Columns = schema fields in schema order (+ kept extras after), canonical text values, index unchanged.

    ``issues`` lists at most ``max_issues_per_field`` issues per field (``issue_counts`` has the full
    counts) so a wholly wrong column of 1M rows stays manageable.
    """
    report = progress or no_progress
    source = table.df
    out: dict[str, pd.Series] = {}
    result = ConformResult(table=table)
    null_values = tuple(mapping.null_values)
    total = max(1, len(schema.fields))
    for position, f in enumerate(schema.fields):
        if cancel is not None:
            cancel.check()
        name = f["name"]
        report(position / total, f"Conversion du champ « {name} »")
        column = mapping.column_for(name)
        if column is not None and column in source.columns:
            values = source[column]
            tokens = _null_tokens_for(f, null_values)
            if tokens:
                nulls = values.astype(str).str.strip().isin(tokens)
                if nulls.any():
                    values = values.where(~nulls, "")
                    _add_repair(result, name, column, "null-token", nulls)
            converted = convert_values(
                values, f, missing_values=schema.missing_values, checks=schema.checks_for(name)
            )
            out[name] = converted.values
            _collect(result, name, column, f, values, converted, max_issues_per_field)
        elif name in mapping.constants:
            constant = pd.Series([mapping.constants[name]], dtype=object)
            converted = convert_values(
                constant, f, missing_values=schema.missing_values, checks=schema.checks_for(name)
            )
            value = str(converted.values.iloc[0])
            if bool(converted.bad.iloc[0]):
                code = str(converted.status.iloc[0])
                params = {**_params(code, f, converted.suggestions.get(mapping.constants[name])), "constant": True}
                msg, hint = conversion_text(code, params)
                result.issues.append(ConversionIssue(None, name, None, code, mapping.constants[name], msg, hint,
                                                     params))  # fmt: skip
                result.issue_counts[name] = result.issue_counts.get(name, 0) + 1
            out[name] = pd.Series(value, index=source.index, dtype=TEXT)
        else:
            if column is not None:
                result.warnings.append(PipelineNote("column-absent", column=column, field=name))
            out[name] = pd.Series("", index=source.index, dtype=TEXT)
    for column in mapping.keep_extra:
        if column in source.columns and column not in out:
            out[column] = source[column].astype(TEXT)
            result.warnings.append(PipelineNote("extra-column-kept", column=column))
    frame = pd.DataFrame(out, index=source.index)
    frame = frame.astype(TEXT).fillna("")  # Arrow-backed text, like the source (issue 18: no object columns)
    _review_communes(frame, schema, mapping, result)
    result.table = table.with_df(frame)
    result.table.meta["schema"] = schema.id
    report(1.0, "Conversion terminée")
    return result


def _null_tokens_for(f: dict[str, Any], tokens: tuple[str, ...]) -> tuple[str, ...]:
    """The "unknown" tokens to empty in this field: not those the field itself allows (``N/A`` in a pattern)."""
    constraints = f.get("constraints") or {}
    allowed = {str(v) for v in constraints.get("enum") or ()}
    pattern = constraints.get("pattern")
    try:
        compiled = re.compile(str(pattern)) if pattern else None
    except re.error:
        compiled = None
    return tuple(t for t in tokens if t not in allowed and not (compiled and compiled.fullmatch(t)))


def _params(code: str, f: dict[str, Any], suggestion: str | None) -> dict[str, Any]:
    """What the sentences of ``code`` need from the field (kept on the issue, so any language can be made)."""
    if code == "enum":
        allowed = [str(v).strip() for v in (f.get("constraints") or {}).get("enum", [])]
        return {"allowed": allowed[:8], "more": len(allowed) > 8, "suggestion": suggestion or ""}
    if code == "identifier-scientific":
        kind = identifiers.identifier_kind(f)
        return {"label": identifiers.LABEL[kind] if kind else ""}
    return {}


def conversion_text(code: str, params: dict[str, Any], lang: str = "fr") -> tuple[str, str]:
    """(message, hint) of a value that could not be converted, in ``lang`` (French by default)."""
    key = code if code in CONVERSION_SENTENCES else "unknown"
    what = (fill(CONVERSION_SENTENCES, "word.identifier-of", lang, label=params["label"]) if params.get("label")
            else fill(CONVERSION_SENTENCES, "word.identifier", lang))
    message = fill(CONVERSION_SENTENCES, key, lang, what=what)
    if key == "enum":
        shown = ", ".join(fill(CONVERSION_SENTENCES, "word.quoted", lang, text=v) for v in params.get("allowed", []))
        close = fill(CONVERSION_SENTENCES, "enum.close", lang, suggestion=params["suggestion"]) \
            if params.get("suggestion") else ""
        hint = fill(CONVERSION_SENTENCES, "enum.hint", lang, close=close,
                    allowed=shown + (" …" if params.get("more") else ""))
    else:
        hint = fill(CONVERSION_SENTENCES, f"{key}.hint", lang)
    if params.get("constant"):
        message = fill(CONVERSION_SENTENCES, "word.constant", lang, message=message)
    return message, hint


def _collect(
    result: ConformResult,
    name: str,
    column: str,
    f: dict[str, Any],
    original: pd.Series,
    converted: Converted,
    limit: int,
) -> None:
    status = converted.status
    bad = converted.bad
    count = int(bad.sum())
    if count:
        result.issue_counts[name] = result.issue_counts.get(name, 0) + count
        for row in status.index[bad.to_numpy()][:limit]:
            code = str(status[row])
            value = str(original[row])
            params = _params(code, f, converted.suggestions.get(value))
            message, hint = conversion_text(code, params)
            result.issues.append(ConversionIssue(int(row), name, column, code, value, message, hint, params))
    repaired = converted.repaired
    if repaired.any():
        for code in sorted(set(status[repaired])):
            _add_repair(result, name, column, code.removeprefix(REPAIRED_PREFIX), status == code)


def _add_repair(result: ConformResult, name: str, column: str | None, code: str, mask: pd.Series) -> None:
    rows = tuple(int(r) for r in mask.index[mask.to_numpy()][:50])
    count = int(mask.sum())
    result.repairs.append(
        Repair(name, column, code, count, rows, f"{count_of(count, 'valeur')} : {REPAIRS.get(code, code)}.")
    )


def _review_communes(frame: pd.DataFrame, schema: Schema, mapping: Mapping, result: ConformResult) -> None:
    """Commune codes against the row's postal code (official list): names resolved, mismatches warned."""
    kinds = {f["name"]: identifiers.identifier_kind(f, schema.checks_for(f["name"])) for f in schema.fields}
    postal = next((n for n, k in kinds.items() if k == identifiers.CODE_POSTAL and n in frame), None)
    for name, kind in kinds.items():
        if kind != identifiers.CODE_INSEE or name not in frame or not (frame[name] != "").any():
            continue
        from capnum_desktop.core.reference.commune_columns import review_communes

        review = review_communes(frame[name], frame[postal] if postal else None)
        if review.resolved.any():
            frame[name] = review.codes.astype(TEXT)
            earlier = [r for r in result.repairs if r.field == name and r.code == "commune-name"]
            _add_repair(result, name, mapping.column_for(name), "commune-name", review.resolved)
            if earlier:  # names resolved alone and with the postal code: one line for the agent
                result.repairs.remove(earlier[0])
                added = result.repairs.pop()
                count = earlier[0].count + added.count
                rows = tuple(sorted(earlier[0].rows + added.rows)[:50])
                message = f"{count_of(count, 'valeur')} : {REPAIRS['commune-name']}."
                result.repairs.append(replace(added, count=count, rows=rows, message=message))
        result.warnings.extend(f"« {name} » : {w}" for w in review.warnings)
    _review_commune_names(frame, schema, kinds, postal, result)


def _review_commune_names(
    frame: pd.DataFrame,
    schema: Schema,
    kinds: dict[str, str | None],
    postal: str | None,
    result: ConformResult,
) -> None:
    """A commune's name checked against the row's INSEE code, else its postal code (warnings only)."""
    from capnum_desktop.core.reference.commune_columns import is_commune_name_field, review_commune_names

    insee = next((n for n, k in kinds.items() if k == identifiers.CODE_INSEE and n in frame), None)
    if insee is None and postal is None:
        return
    for f in schema.fields:
        name = f["name"]
        if (
            kinds.get(name) is None
            and name in frame
            and is_commune_name_field(name, f.get("title") or "")
            and (frame[name] != "").any()
        ):
            warnings = review_commune_names(
                frame[name], frame[insee] if insee else None, frame[postal] if postal else None
            )
            result.warnings.extend(f"« {name} » : {w}" for w in warnings)
