"""Plain messages and hints for validation errors, built from the schema's own words, in French or English.

Modelled on the national validator (Validata): a date typed ``15/03/2024`` gets "la forme attendue
est 2024-03-15", a number with a comma gets the point, an enum lists the allowed values, a pattern
shows the field's description and example.

The report keeps codes and parameters only; these functions make the sentences when someone reads
them (the command line, the window, the HTML report), from the table of :mod:`.sentences`. French is
the default everywhere, English is asked for with ``lang="en"``.
"""

from __future__ import annotations

import re
from typing import Any

from rapidfuzz import process as fuzz_process
from rapidfuzz import utils as fuzz_utils

from capnum_desktop.core.validation.sentences import has, language, parameters, say

_FR_DATE = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\s*$")
_FR_DATETIME = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})[ T]+(\d{1,2})[:h](\d{2})(?::(\d{2}))?\s*$")
_BOUNDS = ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum")


def kind_label(code: str, constraint: str = "", lang: str = "fr") -> str:
    """A short name for a kind of error (used to group errors); the code itself when it has none."""
    if code == "constraint-error" and has(f"kind.constraint.{constraint}"):
        return say(f"kind.constraint.{constraint}", lang)
    return say(f"kind.{code}", lang) if has(f"kind.{code}") else code


def type_label(ftype: str, lang: str = "fr") -> str:
    """« un nombre entier », "a whole number": what a field of type ``ftype`` holds."""
    return say(f"type.{ftype}", lang) if has(f"type.{ftype}") else ftype


def message_and_hint(
    code: str, field: dict[str, Any], value: str, constraint: str = "", detail: Any = "", lang: str = "fr"
) -> tuple[str, str]:
    """(what is wrong, how to fix it) for one error, in plain French (or ``lang``).

    ``detail`` is the report row's parameters (see :func:`.sentences.parameters`).
    """
    lang = language(lang)
    name = field.get("name", "")
    value = "" if value is None else str(value)
    shown = _show(value, lang)
    params = parameters(detail)
    if code == "type-error":
        return _type_message(shown, value, field, lang)
    if code == "constraint-error":
        return _constraint_message(shown, value, constraint, field, lang)
    if code == "unique-error":
        return (say("unique-error", lang, shown=shown, first_row=params.get("first_row", "?")),
                say("unique-error.hint", lang, name=name))
    if code == "primary-key":
        if "first_row" not in params:
            return say("primary-key.empty", lang), say("primary-key.empty.hint", lang)
        return say("primary-key", lang, first_row=params["first_row"]), say("primary-key.hint", lang)
    if code in ("blank-row", "missing-required-header", "missing-header", "extra-header", "missing-cell"):
        return say(code, lang, name=name), say(f"{code}.hint", lang)
    if code == "extra-cell":
        return say(code, lang, cell=params.get("cell", "?")), say(f"{code}.hint", lang)
    if code == "duplicate-label":
        return say(code, lang, name=name, times=params.get("times", "?")), say(f"{code}.hint", lang)
    if code == "foreign-key":
        reference = ", ".join(str(r) for r in params.get("reference", []))
        return say(code, lang, shown=shown, reference=reference), say(f"{code}.hint", lang)
    if code == "check-error":
        absent = [str(c) for c in params.get("absent", [])]
        key = "check-error.one" if len(absent) == 1 else "check-error.many"
        return say(key, lang, check=params.get("check", ""), names=_names(absent, lang)), say("check-error.hint", lang)
    if code == "unknown-check":
        return say(code, lang, check=params.get("check", "")), say(f"{code}.hint", lang)
    return _custom_message(code, shown, value, params, lang)


def _constraint_message(shown: str, value: str, constraint: str, field: dict[str, Any], lang: str) -> tuple[str, str]:
    name = field.get("name", "")
    constraints = field.get("constraints") or {}
    if field.get("type") == "array" and isinstance(field.get("arrayItem"), dict):  # the items' own constraints
        constraints = {**(field["arrayItem"].get("constraints") or {}), **constraints}
    bound = constraints.get(constraint)
    if constraint == "required":
        return (say("constraint-error.required", lang),
                say("constraint-error.required.hint", lang, name=name, example=_example(field, lang)))
    if constraint == "pattern":
        return say("constraint-error.pattern", lang, shown=shown), _pattern_hint(field, lang)
    if constraint == "enum":
        allowed = [str(v) for v in (bound or [])]
        close = fuzz_process.extractOne(value, allowed, processor=fuzz_utils.default_process) if allowed and value else None
        suggestion = say("word.did-you-mean", lang, close=close[0]) if close and close[1] >= 75 else ""
        listed = ", ".join(_quoted(a, lang) for a in allowed[:12]) + (say("word.more", lang) if len(allowed) > 12 else "")
        return (say("constraint-error.enum", lang, shown=shown, suggestion=suggestion),
                say("constraint-error.enum.hint", lang, allowed=listed))
    if constraint in _BOUNDS:
        return (say(f"constraint-error.{constraint}", lang, shown=shown, bound=bound),
                say("constraint-error.bound.hint", lang, name=name))
    if constraint in ("minLength", "maxLength"):
        return (say(f"constraint-error.{constraint}", lang, shown=shown, bound=bound),
                say(f"constraint-error.{constraint}.hint", lang))
    return (say("constraint-error", lang, shown=shown, constraint=constraint), say("constraint-error.hint", lang))


def _custom_message(code: str, shown: str, value: str, params: dict[str, Any], lang: str) -> tuple[str, str]:
    """A check the schema declares (``custom_checks``): the problem after the value, and what to do."""
    hint = say(f"{code}.hint", lang) if has(f"{code}.hint") else say("custom.hint", lang)
    # "text": a sentence recorded as it is (a frame made before the report held parameters)
    problem = str(params["text"]) if "text" in params else _custom_problem(code, params, lang)
    return (say("word.about-value", lang, shown=shown, problem=problem) if value else problem), hint


def _custom_problem(code: str, params: dict[str, Any], lang: str) -> str:
    variant = params.get("problem")
    if variant and has(f"{code}.{variant}"):
        return say(f"{code}.{variant}", lang)
    if code == "compare-columns-value":
        return say(code, lang, column=params.get("column", ""), column2=params.get("column2", ""),
                   other=params.get("other", ""), comparison=say(f"compare.{params.get('op', '==')}", lang))
    if code == "sum-columns-value":
        return say(code, lang, column=params.get("column", ""), names=_names(params.get("columns", []), lang))
    if code == "cohesive-columns-value":
        return say(code, lang, names=_names(params.get("columns", []), lang))
    if code == "one-of-required":
        key = "one-of-required.absent" if params.get("absent") else "one-of-required"
        return say(key, lang, column1=params.get("column1", ""), column2=params.get("column2", ""))
    return say(code, lang) if has(code) else code


def _type_message(shown: str, value: str, field: dict[str, Any], lang: str) -> tuple[str, str]:
    ftype = field.get("type", "string")
    fmt = field.get("format", "default")
    expected = type_label(ftype, lang)
    if ftype == "date":
        m = _FR_DATE.match(value)
        if m and fmt in ("default", None, "%Y-%m-%d"):
            d, mo, y = m.groups()
            iso = f"{y}-{int(mo):02d}-{int(d):02d}"
            return say("type-error.expected-form", lang, shown=shown, fixed=iso), say("type-error.date-iso.hint", lang)
        if fmt not in ("default", None, "any"):
            human = _human_format(fmt, lang)
            return (say("type-error.date-format", lang, shown=shown, format=human),
                    say("type-error.date-format.hint", lang, format=human))
        return say("type-error.date", lang, shown=shown), say("type-error.date.hint", lang)
    if ftype == "datetime":
        m = _FR_DATETIME.match(value)
        if m:
            d, mo, y, h, mi, s = m.groups()
            iso = f"{y}-{int(mo):02d}-{int(d):02d}T{int(h):02d}:{mi}:{s or '00'}"
            return say("type-error.expected-form", lang, shown=shown, fixed=iso), say("type-error.datetime-iso.hint", lang)
        return say("type-error.datetime", lang, shown=shown), say("type-error.datetime.hint", lang)
    if ftype in ("number", "integer"):
        compact = value.replace("\u202f", "").replace("\xa0", "").replace(" ", "").replace("€", "").strip()
        if ftype == "integer" and re.fullmatch(r"-?\d+[.,]0+", compact):
            fixed = re.split(r"[.,]", compact)[0]
            return say("type-error.expected-form", lang, shown=shown, fixed=fixed), say("type-error.integer.hint", lang)
        if re.fullmatch(r"-?\d+,\d+", compact):
            fixed = compact.replace(",", ".")
            if ftype == "integer":
                return say("type-error.integer-comma", lang, shown=shown), say("type-error.integer.hint", lang)
            return (say("type-error.expected-form", lang, shown=shown, fixed=fixed),
                    say("type-error.number-comma.hint", lang))
        if compact != value.strip() and re.fullmatch(r"-?\d+([.,]\d+)?", compact):
            fixed = compact.replace(",", ".")
            return (say("type-error.expected-form", lang, shown=shown, fixed=fixed),
                    say("type-error.number-spaces.hint", lang))
        return say("type-error.number", lang, shown=shown, expected=expected), say("type-error.number.hint", lang)
    if ftype == "boolean":
        trues = field.get("trueValues") or ["true", "True", "TRUE", "1"]
        falses = field.get("falseValues") or ["false", "False", "FALSE", "0"]
        return (say("type-error.boolean", lang, shown=shown),
                say("type-error.boolean.hint", lang, trues=", ".join(trues), falses=", ".join(falses)))
    if ftype == "string" and fmt in ("email", "uri", "uuid"):
        return say(f"type-error.{fmt}", lang, shown=shown), say(f"type-error.{fmt}.hint", lang)
    if ftype in ("year", "geopoint"):
        return say(f"type-error.{ftype}", lang, shown=shown), say(f"type-error.{ftype}.hint", lang)
    if fmt not in ("default", None):
        return say("type-error.format", lang, shown=shown, expected=expected, format=fmt), say("type-error.hint", lang)
    return say("type-error", lang, shown=shown, expected=expected), say("type-error.hint", lang)


def _pattern_hint(field: dict[str, Any], lang: str) -> str:
    parts = []
    if field.get("description"):  # the schema's own words (in the schema's language)
        parts.append(str(field["description"]).strip().rstrip(".") + ".")
    if _example(field, lang):
        parts.append(say("constraint-error.pattern.example", lang, example=_example_value(field)))
    return " ".join(parts) or say("constraint-error.pattern.hint", lang)


def _example_value(field: dict[str, Any]) -> Any:
    example = field.get("example")
    if example is None and field.get("examples"):
        ex = field["examples"]
        example = ex[0] if isinstance(ex, list) and ex else ex
    return example


def _example(field: dict[str, Any], lang: str = "fr") -> str:
    example = _example_value(field)
    # Shown as an example, never as the value to type (« Renseignez « idAttribuant » : 2335… » read like one).
    return say("word.example", lang, example=example) if example not in (None, "") else ""


def _human_format(fmt: str, lang: str = "fr") -> str:
    """``%d/%m/%Y`` as a person writes it: « JJ/MM/AAAA », "DD/MM/YYYY"."""
    year, month, day, hour, minute, second = say("word.format-letters", lang).split()
    return (fmt.replace("%Y", year).replace("%m", month).replace("%d", day)
            .replace("%H", hour).replace("%M", minute).replace("%S", second))


def _quoted(text: Any, lang: str) -> str:
    return say("word.quoted", lang, text=text)


def _names(names: list[Any], lang: str) -> str:
    """« a », « b » (French quotes) or "a", "b"."""
    return ", ".join(_quoted(n, lang) for n in names)


def _show(value: str, lang: str = "fr") -> str:
    if value == "":
        return say("word.empty", lang)
    text = value if len(value) <= 60 else value[:57] + "…"
    return _quoted(text, lang)
