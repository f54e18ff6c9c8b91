"""Headers written the way agents write them (issue 17), made from every bundled schema's own fields.

Each habit turns a field into the header an agent would type, or (``content``) into an anonymous column
whose values alone tell the field. :func:`habit_table` builds, for one schema and one habit, a table
with one column per field the habit applies to, and the mapping a person would make. Used by
``tests/core/schemas/test_mapping_habits.py`` and ``bench/mapping_habits.py`` (the table by habit in
``bench/README.md``).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from capnum_desktop.core.schemas import Schema, identifiers
from capnum_desktop.core.schemas.text import fold, split_words
from capnum_desktop.core.table import SourceInfo, Table, text_frame

HABITS = ("dbf", "abbreviations", "reworded", "reordered", "content")

ABBREVIATIONS = [  # (folded words, what agents type); applied to the field's title, first match wins per word
    ("code postal", "CP"),
    ("numero", "N°"),
    ("nombre", "nb"),
    ("montant", "mt"),
    ("date", "dt"),
    ("telephone", "tél."),
    ("adresse", "adr."),
    ("departement", "dépt"),
    ("etablissement", "étab."),
    ("latitude", "lat"),
    ("longitude", "lon"),
    ("identifiant", "id"),
    ("commune", "com."),
    ("reference", "réf."),
    ("coordonnees", "coord."),
    ("organisme", "org."),
]
STOPWORDS = {
    "de",
    "du",
    "des",
    "la",
    "le",
    "les",
    "l",
    "d",
    "a",
    "au",
    "aux",
    "en",
    "et",
    "ou",
    "un",
    "une",
    "pour",
    "par",
    "sur",
    "dans",
}


def _label(f: dict[str, Any]) -> str:
    """The field's human label: its title when it has one, else its name split into words."""
    title = str(f.get("title") or "").strip()
    return title if title else split_words(str(f["name"]))


def dbf_header(f: dict[str, Any]) -> str:
    """``date_mise_en_service`` -> ``DATE_MISE_``: upper case, words joined by ``_``, cut at 10 characters."""
    words = split_words(str(f["name"])).split()
    return "_".join(words).upper()[:10]


def abbreviated_header(f: dict[str, Any]) -> str | None:
    """The title with administrative abbreviations (``Numéro de téléphone`` -> ``N° tél.``), stop-words
    dropped; None when no word of the title has a usual abbreviation."""
    text = fold(_label(f))
    used = False
    for words, short in ABBREVIATIONS:
        pattern = rf"\b{re.escape(words)}\b"
        if re.search(pattern, text):
            text = re.sub(pattern, f"\0{short}\0", text, count=1)
            used = True
    if not used:
        return None
    parts = [p for p in re.split(r"\s+|\0", text) if p and p not in STOPWORDS]
    return " ".join(parts)


def reworded_header(f: dict[str, Any]) -> str | None:
    """« Date de mise en service » -> « Mise service (date) »: stop-words dropped, the first word put last in
    brackets; None for a one-word label."""
    words = [w for w in re.findall(r"[\w']+", _label(f)) if fold(w) not in STOPWORDS]
    if len(words) < 2:
        return None
    rest = " ".join(words[1:])
    return f"{rest[0].upper()}{rest[1:]} ({words[0].lower()})"


def reordered_header(f: dict[str, Any]) -> str | None:
    """« Montant total de la subvention » -> « Subvention montant total »: stop-words dropped, the last word
    put first (the thing before its property, as in « Bénéficiaire nom »); None for a one-word label."""
    words = [w for w in re.findall(r"[\w']+", _label(f)) if fold(w) not in STOPWORDS]
    if len(words) < 2:
        return None
    first, rest = words[-1], words[:-1]
    return " ".join([f"{first[0].upper()}{first[1:]}", *(w.lower() for w in rest)])


def _values(f: dict[str, Any], checks: tuple[str, ...], n: int = 12) -> list[str] | None:
    """Values that alone tell the field (None when the field's type or format tells nothing specific)."""
    kind = identifiers.identifier_kind(f, checks)
    constraints = f.get("constraints") or {}
    name = fold(str(f["name"]))
    if kind == identifiers.SIRET:
        return ["11004601800013", "13002526500013", "21750001600019", "35600000000048", "55210055400013"] * 3
    if kind == identifiers.SIREN:
        return ["110046018", "130025265", "217500016", "356000000", "552100554"] * 3
    if kind == identifiers.CODE_INSEE:
        return ["01053", "2A004", "75056", "69123", "13055", "33063"] * 2
    if kind == identifiers.CODE_POSTAL:
        return ["01000", "75001", "69002", "13008", "33000", "20000"] * 2
    if constraints.get("enum") and len(constraints["enum"]) >= 2:
        enum = [str(v) for v in constraints["enum"]]
        return [enum[i % len(enum)] for i in range(n)]
    kind_type = f.get("type", "string")
    if kind_type == "date":
        return [f"2024-0{1 + i % 9}-1{i % 10}" for i in range(n)]
    if kind_type == "boolean":
        return ["oui", "non", "oui", "non"] * 3
    if f.get("format") == "email":
        return [f"contact{i}@mairie-exemple.fr" for i in range(n)]
    if f.get("format") == "uri":
        return [f"https://www.exemple.gouv.fr/page/{i}" for i in range(n)]
    if kind_type == "number" and ("lat" in name or "lon" in name or "ylat" in name or "xlong" in name):
        return [f"{(46.2 + i / 7):.6f}" if "lat" in name else f"{(2.3 + i / 9):.6f}" for i in range(n)]
    return None


def habit_columns(schema: Schema, habit: str) -> dict[str, tuple[str, list[str]]]:
    """field -> (header, values) for every field of ``schema`` that ``habit`` applies to."""
    out: dict[str, tuple[str, list[str]]] = {}
    for i, f in enumerate(schema.fields):
        name = str(f["name"])
        values = _values(f, schema.checks_for(name))
        if habit == "content":
            if values is None:
                continue
            header: str | None = f"Colonne {i + 1}"
        elif habit == "dbf":
            header = dbf_header(f)
        elif habit == "abbreviations":
            header = abbreviated_header(f)
        elif habit == "reordered":
            header = reordered_header(f)
        else:
            header = reworded_header(f)
        if header is None or header in {h for h, _v in out.values()}:
            continue
        out[name] = (header, values or [str(f.get("example") or "")] * 12)
    if habit == "content":  # values that two fields share (two date fields) cannot tell them apart
        seen: dict[tuple[str, ...], list[str]] = {}
        for name, (_h, values) in out.items():
            seen.setdefault(tuple(values), []).append(name)
        out = {n: v for n, v in out.items() if len(seen[tuple(v[1])]) == 1}
    return out


def habit_table(schema: Schema, habit: str) -> tuple[Table, dict[str, str]]:
    """A table in ``habit`` for ``schema`` and the expected mapping (column -> field)."""
    columns = habit_columns(schema, habit)
    headers = [h for h, _v in columns.values()]
    rows = [[values[r % len(values)] for _h, values in columns.values()] for r in range(12)]
    table = Table(
        text_frame(headers, rows, list(range(2, 14))), SourceInfo(path=Path(f"{habit}.csv"), format="csv")
    )
    return table, {h: name for name, (h, _v) in columns.items()}
