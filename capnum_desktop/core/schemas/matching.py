"""Propose which source column feeds which schema field, with a confidence.

Evidence, per (column, field) pair:
- the header against the field's name, title and known aliases, after folding (case, accents, ``*``,
  punctuation, camelCase), French synonyms (schemas/synonyms.json), light stemming, and fuzzy similarity
  (rapidfuzz); truncated DBF headers (``commune_no``) count as prefixes;
- the content: share of sampled values that convert to the field's type, match its pattern or enum, or are
  valid identifiers (a column of valid SIRETs fits a SIRET field; dd/mm/yyyy values fit a date field).
Pairs are then assigned greedily, best score first, so a column feeds at most one field.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import weakref
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pandas as pd
from rapidfuzz import fuzz

from capnum_desktop.core.schemas import identifiers
from capnum_desktop.core.schemas.catalogue import Schema
from capnum_desktop.core.schemas.convert import (
    FALSE_WORDS,
    STRING,
    TRUE_WORDS,
    _number_text,
    _trim,
    parse_dates,
)
from capnum_desktop.core.schemas.mapping import Mapping
from capnum_desktop.core.schemas.text import fold, fold_value, split_words
from capnum_desktop.core.table import Table
from capnum_desktop.resources import schema_dir

THRESHOLD = 0.65
SAMPLE = 300
NULL_TOKENS = ("NA", "N/A", "n/a", "NC", "nc", "null", "NULL", "#N/A", "#", "-", "N.C.", "ND", "nd")


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    """schemas/synonyms.json, with its lists turned into lookups."""
    raw = json.loads((schema_dir() / "synonyms.json").read_text(encoding="utf-8"))
    canon: dict[str, str] = {}
    for group in raw["groups"]:
        for word in group:
            canon[word] = group[0]
    return {
        "stopwords": frozenset(raw["stopwords"]),
        "phrases": [(k, re.compile(rf"\b{re.escape(k)}\b"), v) for k, v in raw["phrases"].items()],
        "canon": canon,
        "field_aliases": raw.get("field_aliases", {}),
        "generic": frozenset(_stem(canon.get(w, w)) for w in raw.get("generic", ())),
    }


def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("s"):
        word = word[:-1]
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    return word


@lru_cache(maxsize=4096)
def words(label: str, *, camel: bool = True) -> tuple[str, ...]:
    """A label as canonical content words: folded, phrases and synonyms applied, stopwords dropped, stemmed."""
    vocab = vocabulary()
    text = split_words(label) if camel else fold(label)
    for phrase, pattern, replacement in vocab["phrases"]:
        if phrase in text:  # the pattern matches only where the phrase is: most labels hold none (issue 18)
            text = pattern.sub(replacement, text)
    out: list[str] = []
    for word in text.split():
        if word in vocab["stopwords"]:
            continue
        word = _stem(vocab["canon"].get(word, word))
        if word not in out:
            out.append(word)
    return tuple(out)


def label_similarity(
    a: tuple[str, ...], b: tuple[str, ...], a_compact: str = "", b_compact: str = ""
) -> float:
    """0..1 similarity of a column label ``a`` with a field label ``b`` (both as :func:`words`)."""
    if not a or not b:
        return 0.0
    if a == b or set(a) == set(b):
        return 0.98  # 1.0 is kept for the field's own name, written the same way
    ca, cb = a_compact or "".join(a), b_compact or "".join(b)
    if ca == cb:
        return 0.97
    if len(ca) >= 6 and cb.startswith(ca):  # truncated header (DBF keeps 10 characters)
        return 0.9
    sa, sb = set(a), set(b)
    score = max(fuzz.token_sort_ratio(" ".join(a), " ".join(b)), fuzz.ratio(ca, cb)) / 100 * 0.95
    if sb <= sa:  # every field word is in the column label: "objet de la convention" ~ "objet"
        score = max(score, 0.75 + 0.2 * len(sb) / len(sa))
    elif (
        sa <= sb
    ):  # the column is part of the field's label: "date de versement" ~ "date ou période de versement"
        score = max(score, 0.5 + 0.3 * len(sa) / len(sb))
    shared = sa & sb
    if (
        shared and shared <= vocabulary()["generic"]
    ):  # "date émission" vs "date convention": only "date" in common
        score = min(score, 0.55)
    return min(score, 0.99)


@dataclass(frozen=True)
class FieldLabels:
    name: str
    labels: tuple[tuple[str, ...], ...]
    alias_labels: tuple[tuple[str, ...], ...]
    bag: frozenset[str] = frozenset()
    """Every content word of the field's name, title and description (see :func:`bag_score`)."""
    weights: dict[str, float] | None = None
    """How telling each word is within this schema (shared by its fields)."""


_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)|https?://\S+|`[^`]*`")


def _description_words(text: str) -> set[str]:
    """A description's content words; Markdown links keep their text, URLs and code spans go."""
    return set(words(_LINK.sub(lambda m: m.group(1) or " ", text), camel=False))


def _field_labels(schema: Schema) -> list[FieldLabels]:
    stored = _stored_field_labels(schema)
    if stored is not None:
        return stored
    return _field_labels_of(schema)


FIELD_LABELS_FILE = "field_labels.json"
"""The catalogue's field labels, made by :func:`build_stored_field_labels` (``schemas/tools/build_field_labels.py``):
ranking a table reads the 44 standards' names, titles and descriptions as words, ~0.1 s of every
``prepare`` without a schema (issue 18). A standard whose texts, aliases or synonyms changed since is
read again (its fingerprint no longer matches); tests/core/schemas/test_stored_field_labels.py checks the
file gives what reading the texts gives."""


def _fingerprint(schema: Schema) -> str:
    """What a schema's labels are made from: its fields' names, titles and descriptions, its aliases and
    the synonyms file."""
    texts = [[f.get("name"), f.get("title"), f.get("description")] for f in schema.fields]
    aliases = vocabulary()["field_aliases"].get(schema.id, {})
    data = json.dumps([schema.id, texts, aliases, _synonyms_digest()], ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.blake2b(data.encode("utf-8"), digest_size=16).hexdigest()


@lru_cache(maxsize=1)
def _synonyms_digest() -> str:
    return hashlib.blake2b((schema_dir() / "synonyms.json").read_bytes(), digest_size=16).hexdigest()


@lru_cache(maxsize=1)
def _stored() -> dict[str, Any]:
    path = schema_dir() / FIELD_LABELS_FILE
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data.get("schemas", {}) if isinstance(data, dict) else {}


def _stored_field_labels(schema: Schema) -> list[FieldLabels] | None:
    """The stored labels of ``schema`` when its fingerprint matches (None otherwise: read them)."""
    entry = _stored().get(schema.id)
    if not entry or len(entry.get("fields", ())) != len(schema.fields) or entry.get("fingerprint") != _fingerprint(schema):
        return None
    bags = [frozenset(bag.split()) for _labels, _aliases, bag in entry["fields"]]
    count = len(bags)
    holding = Counter(w for b in bags for w in b)
    weights = {w: math.log(1 + count / holding[w]) for w in set().union(*bags)} if bags else {}
    return [
        FieldLabels(f["name"], tuple(tuple(x.split()) for x in labels), tuple(tuple(x.split()) for x in aliases), bag,
                    weights)
        for f, (labels, aliases, _bag), bag in zip(schema.fields, entry["fields"], bags, strict=True)
    ]


def build_stored_field_labels(schemas: list[Schema]) -> dict[str, Any]:
    """The content of :data:`FIELD_LABELS_FILE` for ``schemas`` (the catalogue's latest versions)."""
    out: dict[str, Any] = {}
    for schema in schemas:
        labels = _field_labels_of(schema)
        out[schema.id] = {
            "fingerprint": _fingerprint(schema),
            # words joined by spaces (a word never holds one): few containers to read back
            "fields": [[[" ".join(x) for x in lab.labels], [" ".join(x) for x in lab.alias_labels],
                        " ".join(sorted(lab.bag))] for lab in labels],
        }
    return {"about": "Made by schemas/tools/build_field_labels.py from the catalogue (issue 18).", "schemas": out}


def _field_labels_of(schema: Schema) -> list[FieldLabels]:
    aliases = vocabulary()["field_aliases"].get(schema.id, {})
    bags: list[set[str]] = []
    for f in schema.fields:
        bag = set(words(f["name"])) | set(words(str(f.get("title") or ""), camel=False))
        bags.append(bag | _description_words(str(f.get("description") or "")))
    # A word in every field's text (« subvention » in the subsidies schema) tells no field apart; one in a
    # single field's text tells it best (inverse document frequency within the schema).
    count = len(bags)
    holding = Counter(w for b in bags for w in b)  # how many fields' texts hold each word
    weights = {w: math.log(1 + count / holding[w]) for w in set().union(*bags)} if bags else {}
    out = []
    for f, bag in zip(schema.fields, bags, strict=True):
        labels = [words(f["name"])]
        if f.get("title"):
            labels.append(words(str(f["title"]), camel=False))
        alias_labels = tuple(words(a, camel=False) for a in aliases.get(f["name"], ()))
        out.append(
            FieldLabels(
                f["name"],
                tuple(x for x in labels if x),
                tuple(x for x in alias_labels if x),
                frozenset(bag),
                weights,
            )
        )
    return out


def bag_score(col: tuple[str, ...], labels: FieldLabels) -> float:
    """Word-order-free match of a reworded header against the field's name, title and description.

    « Date à laquelle la subvention a été attribuée » has no label of ``dateConvention`` in its words'
    order, but its telling words are in the field's text. The share of the header's weight (words weighed
    by how few fields of the schema use them) found in the field's words gives 0.6..0.8: enough to propose
    the field, below any match of its own name or title. Needs two shared words, not only generic ones,
    and four fifths of the header's weight found, so that a header naming something else stays out.
    """
    if len(col) < 2 or not labels.bag or not labels.weights:
        return 0.0
    shared = [w for w in col if w in labels.bag]
    if len(shared) < 2 or set(shared) <= vocabulary()["generic"]:
        return 0.0
    top = max(labels.weights.values())
    total = sum(labels.weights.get(w, top) for w in col)
    found = sum(labels.weights[w] for w in shared)
    cover = found / total if total else 0.0
    if cover < 0.8:
        return 0.0
    return 0.6 + (cover - 0.8)


@lru_cache(maxsize=4096)
def _compact(label: str) -> str:
    """A label folded without spaces (the ranking compares every column with every field of 35 standards)."""
    return fold(label).replace(" ", "")


def name_score(column: str, labels: FieldLabels) -> float:
    col = words(column)
    col_raw = _compact(column)
    best = 0.0
    for label in labels.labels:
        best = max(best, label_similarity(col, label))
    for label in labels.alias_labels:
        best = max(best, label_similarity(col, label))
    if best < 0.8:
        best = max(best, bag_score(col, labels))
    name_raw = _compact(labels.name)
    if col_raw == name_raw:
        best = 1.0
    elif len(col_raw) >= 6 and name_raw.startswith(col_raw):
        best = max(best, 0.9)
    return best


# --------------------------------------------------------------------------------------------- content


@dataclass(frozen=True)
class ColumnProfile:
    """What a sample of a column's values looks like (shares of non-empty distinct values)."""

    values: tuple[str, ...]
    folded: tuple[str, ...] = ()
    number: float = 0.0
    integer: float = 0.0
    date: float = 0.0
    boolean: float = 0.0
    siret: float = 0.0
    siren: float = 0.0
    email: float = 0.0
    url: float = 0.0
    year: float = 0.0
    latitude: float = (
        0.0  # 4+ decimals, in the latitudes of mainland France, Corsica, the Antilles, Réunion, Mayotte
    )
    longitude: float = (
        0.0  # same, in the longitudes of mainland France, the Antilles, Guyane, Réunion (no overlap)
    )
    insee: float = 0.0  # INSEE commune codes of the bundled official list
    postal: float = 0.0  # postal codes of the bundled official list


def profile_column(series: pd.Series, null_values: tuple[str, ...] = ()) -> ColumnProfile:
    """The profile of one column (see :func:`profile_table`)."""
    return profile_table(pd.DataFrame({"c": series}), null_values)["c"]


def profile_table(df: pd.DataFrame, null_values: tuple[str, ...] = ()) -> dict[str, ColumnProfile]:
    """Profiles of every column, computed in one pass over all the samples (pandas calls are costly)."""
    samples: list[pd.Series] = []
    for i, column in enumerate(df.columns):
        distinct = _first_distinct(df.iloc[:, i], null_values)
        samples.append(pd.Series(distinct.to_numpy(), index=[str(column)] * len(distinct), dtype=object))
    if not samples:
        return {}
    allv = pd.concat(samples).astype(str)
    allv.index.name = "column"
    flat = _trim(pd.Series(allv.to_numpy(), dtype=object).astype(STRING))
    keys = allv.index.to_numpy()
    _, is_number, _ = _number_text(flat, integer=False)
    _, is_int_text, _ = _number_text(flat, integer=True)
    digits = flat.str.replace(r"[\s.]", "", regex=True)
    folded = flat.map(fold_value)
    precise = flat.str.match(r"^-?\d{1,3}[.,]\d{4,}$")  # coordinates are written with many decimals
    degrees = pd.to_numeric(flat.str.replace(",", ".", regex=False).where(precise), errors="coerce")
    flags = pd.DataFrame(
        {
            "number": is_number.to_numpy(),
            "integer": (is_int_text & flat.str.match(r"^[+-]?[\d\s.]+(?:[.,]0+)?$")).to_numpy(),
            "date": (parse_dates(flat)["y"].notna() & ~flat.str.match(r"^\d{1,8}$")).to_numpy(),
            "boolean": folded.isin(TRUE_WORDS | FALSE_WORDS).to_numpy(),
            "siret": digits.map(
                lambda v: len(v) == 14 and identifiers.is_valid(identifiers.SIRET, v)
            ).to_numpy(),
            "siren": digits.map(
                lambda v: len(v) == 9 and identifiers.is_valid(identifiers.SIREN, v)
            ).to_numpy(),
            "email": flat.str.match(r"^[^@\s]+@[^@\s]+\.[a-zA-Z]{2,}$").to_numpy(),
            "url": flat.str.match(r"^(https?://|www\.)", case=False).to_numpy(),
            "year": flat.str.match(r"^(1[5-9]|20)\d{2}$").to_numpy(),
            "latitude": (
                precise & (degrees.between(41, 51.5) | degrees.between(14, 18.5) | degrees.between(-22, -12))
            ).to_numpy(),
            "longitude": (
                precise & (degrees.between(-5.5, 10) | degrees.between(-62, -51) | degrees.between(55, 56))
            ).to_numpy(),
        },
        index=keys,
    ).astype(float)
    flags["insee"], flags["postal"] = _commune_codes(flat)
    shares = flags.groupby(level=0, sort=False).mean()
    values_by = pd.Series(flat.to_numpy(), index=keys).groupby(level=0, sort=False)
    folded_by = pd.Series(folded.to_numpy(), index=keys).groupby(level=0, sort=False)
    out: dict[str, ColumnProfile] = {}
    for column in df.columns:
        key = str(column)
        if key not in shares.index:
            out[key] = ColumnProfile(values=())
            continue
        row = shares.loc[key]
        out[key] = ColumnProfile(
            values=tuple(values_by.get_group(key)),
            folded=tuple(folded_by.get_group(key)),
            **{name: float(row[name]) for name in flags.columns},
        )
    return out


_UNKNOWN = "?"
_CODE_SHAPE = r"^(?:\d{5}|2[AaBb]\d{3})$"


def _commune_codes(flat: pd.Series) -> tuple[Any, Any]:
    """Which values are INSEE commune codes, and which postal codes, of the official list: five digits
    alone say neither (a postal code, an INSEE code, an amount), the list tells them apart. The list is
    read only when some value has the shape."""
    shaped = flat.str.match(_CODE_SHAPE).fillna(False).to_numpy(dtype=bool)
    insee = [0.0] * len(flat)
    postal = [0.0] * len(flat)
    if shaped.any():
        from capnum_desktop.core.reference.communes import is_commune_code, known_postal_codes

        postal_codes = known_postal_codes()
        for i in shaped.nonzero()[0]:
            value = str(flat.iat[i]).upper()
            insee[i] = float(is_commune_code(value))
            postal[i] = float(value in postal_codes)
    return insee, postal


def _first_distinct(series: pd.Series, null_values: tuple[str, ...]) -> pd.Series:
    """The column's first :data:`SAMPLE` distinct trimmed values, empty and null tokens left out, in order of
    first appearance.

    Trimming and filtering are value-wise and ``drop_duplicates`` keeps first appearances, so the answer
    can be read from the first rows when they already hold enough distinct values, else from the column's
    distinct values in order of first appearance (``unique``): the same values either way, without
    trimming and hashing every cell of a 1M-row column (issue 18)."""

    def first(values: pd.Series) -> pd.Series:
        values = values.astype(str).str.strip()
        values = values[(values != "") & ~values.isin(null_values)]
        return values.drop_duplicates().head(SAMPLE)

    if len(series) > 8 * SAMPLE:
        found = first(series.iloc[: 4 * SAMPLE])
        if len(found) >= SAMPLE:
            return found
    return first(pd.Series(series.unique()))


def content_scores(profile: ColumnProfile, f: dict[str, Any], checks: tuple[str, ...], *,
                   ident: str | None = _UNKNOWN) -> tuple[float, float]:
    """``(compatibility, distinctive evidence)`` of a column's values for field ``f``, each 0..1.

    ``ident``: the field's :func:`identifiers.identifier_kind` when the caller has it (it depends on the
    field alone; :func:`score_table` computes it once per field rather than once per column)."""
    if not profile.values:
        return 1.0, 0.0
    kind = f.get("type", "string") or "string"
    constraints = f.get("constraints") or {}
    if kind in ("number", "integer") and constraints.get("enum"):
        # numbers from a short list (0/1/2 counts, 1 to 5 grades): the list is what tells the field
        allowed = _numeric_enum(tuple(str(v) for v in constraints["enum"]))
        share = sum(map(allowed.__contains__, map(_as_number, profile.values))) / len(profile.values)
        return max(0.3, share), 0.7 * share
    if kind == "number":
        axis = _coordinate_axis(f)
        if axis == "latitude":
            return profile.number, max(0.4 * profile.number, profile.latitude)
        if axis == "longitude":
            return profile.number, max(0.4 * profile.number, profile.longitude)
        return profile.number, 0.4 * profile.number
    if kind == "integer":
        return max(profile.integer, profile.number * 0.5), 0.4 * profile.integer
    if kind in ("date", "datetime"):
        return profile.date, profile.date
    if kind == "boolean":
        return profile.boolean, profile.boolean
    if kind == "year":
        return profile.year, 0.8 * profile.year
    evidence = 0.0
    if ident == _UNKNOWN:
        ident = identifiers.identifier_kind(f, checks)
    if ident == identifiers.SIRET:
        evidence = max(evidence, profile.siret)
    elif ident == identifiers.SIREN:
        evidence = max(evidence, profile.siren)
    fmt = f.get("format")
    if fmt == "email":
        evidence = max(evidence, profile.email)
    elif fmt == "uri":
        evidence = max(evidence, profile.url)
    compatibility = 1.0
    if constraints.get("enum"):
        allowed = _folded_enum(tuple(str(v) for v in constraints["enum"]))
        share = sum(map(allowed.__contains__, profile.folded)) / len(profile.folded)
        evidence = max(evidence, share)
        compatibility = max(0.3, share)  # values outside the list: a weak fit, unless the header says so
    shapes = {_shape(str(x)) for x in _examples(f)} - {None}
    if shapes and any("9" in x for x in shapes if x):  # structured examples: codes, identifiers, numbers
        share = sum(map(shapes.__contains__, map(_shape, profile.values))) / len(profile.values)
        evidence = max(evidence, 0.6 * share)
    if constraints.get("pattern"):
        hits = _pattern_hits(str(constraints["pattern"]), profile.values)
        if hits is not None:
            weight = 0.3 if _pattern_hits(str(constraints["pattern"]), _PLAIN_WORDS) else 0.8
            evidence = max(evidence, weight * hits / len(profile.values))
    if ident in (identifiers.CODE_INSEE, identifiers.CODE_POSTAL) and (profile.insee or profile.postal):
        # five digits fit both fields' patterns; the official list tells an INSEE code from a postal code
        mine, other = ((profile.insee, profile.postal) if ident == identifiers.CODE_INSEE else
                       (profile.postal, profile.insee))
        evidence = 0.9 * mine if mine > other else min(evidence, 0.4 * mine)
    return compatibility, evidence


def _as_number(text: str) -> float | None:
    try:
        return float(text.replace(",", ".").strip())
    except ValueError:
        return None


@lru_cache(maxsize=256)
def _numeric_enum(values: tuple[str, ...]) -> frozenset[float]:
    return frozenset(x for x in map(_as_number, values) if x is not None)


@lru_cache(maxsize=256)
def _folded_enum(values: tuple[str, ...]) -> frozenset[str]:
    return frozenset(fold_value(v) for v in values)


_PLAIN_WORDS = ("texte",)
"""A pattern that takes a plain word (« ^[a-zA-Z0-9\\-\\s…]+$ », the character class of an address or a
label) says little about a column of codes that it also takes: weak evidence, not a code's pattern."""


@lru_cache(maxsize=4096)
def _pattern_hits(pattern: str, values: tuple[str, ...]) -> int | None:
    """How many of ``values`` the pattern matches in full; None when Python cannot compile it. Kept per
    (pattern, sample): ranking scores every column against every standard, and standards share patterns
    (SIRET, code INSEE…: 121 pattern fields, 69 patterns in the catalogue; issue 18)."""
    try:
        compiled = re.compile(pattern)
    except re.error:
        return None
    return len(list(filter(None, map(compiled.fullmatch, values))))


def _coordinate_axis(f: dict[str, Any]) -> str | None:
    """``latitude`` / ``longitude`` for a field of coordinates in degrees (named ``lat``, ``Ylat``,
    ``consolidated_longitude``… or bounded ±90 / ±180), else None."""
    names = set(split_words(str(f["name"])).split()) | set(fold(str(f.get("title") or "")).split())
    constraints = f.get("constraints") or {}
    if names & {"lat", "latitude", "ylat", "y"} or constraints.get("maximum") == 90:
        return "latitude"
    if names & {"lon", "long", "lng", "longitude", "xlong", "x"} or constraints.get("maximum") == 180:
        return "longitude"
    return None


ANONYMOUS = re.compile(r"^(?:colonne|col|column|champ|field|unnamed|sans titre|var|variable)?\s*\d*$")


def is_anonymous(column: str) -> bool:
    """A header that names nothing (``Colonne 7``, ``Unnamed: 3``, ``champ12``, empty): only the values
    can tell which field the column feeds."""
    return bool(ANONYMOUS.match(fold(column)))


def _examples(f: dict[str, Any]) -> list[Any]:
    """The field's example values (``example`` is standard; ``examples``, a list, is common too)."""
    found: list[Any] = []
    for key in ("example", "examples"):
        value = f.get(key)
        if isinstance(value, list):
            found.extend(value)
        elif value not in (None, ""):
            found.append(value)
    return found


@lru_cache(maxsize=65536)
def _shape(value: str) -> str | None:
    """``W123456789`` -> ``a999999999``: what a value looks like, for comparing with a field's examples."""
    value = value.strip()
    if not value or len(value) > 24:
        return None
    return re.sub(r"[^\W\d_]+", "a", re.sub(r"\d", "9", value))


def pair_score(name: float, compatibility: float, evidence: float, *, anonymous: bool = False) -> float:
    """Combine header and content evidence into one 0..1 confidence; for a column whose header names
    nothing (:func:`is_anonymous`) the values alone decide, and only distinctive ones (a SIRET with its
    check key, dates, e-mails, URLs, booleans, a schema's list of values, its pattern) reach the threshold."""
    if anonymous:
        return round(0.85 * evidence, 4) if compatibility >= 0.5 else 0.0
    if name >= 0.97:  # the header names the field: keep the pair, conversion reports the bad values
        return max(0.0, min(1.0, name * (0.85 + 0.15 * compatibility)))
    score = 0.8 * name + 0.2 * evidence
    if compatibility < 0.5:
        score *= 0.5 + compatibility
    return max(0.0, min(1.0, score))


def pair_ceiling(name: float, *, anonymous: bool = False) -> float:
    """The highest :func:`pair_score` a pair can reach from its header score alone, whatever its values: lets
    the ranking skip the content work of pairs that cannot reach a floor (issue 18)."""
    if anonymous or name >= 0.97:
        return 1.0
    return min(1.0, 0.8 * name + 0.2)


# ------------------------------------------------------------------------------------------ proposing


def propose_mapping(
    table: Table,
    schema: Schema,
    *,
    threshold: float = THRESHOLD,
    constants: dict[str, str] | None = None,
    profiles: dict[str, ColumnProfile] | None = None,
) -> Mapping:
    """The best guess of which column feeds which field, with a confidence per column (0..1).

    ``constants`` (e.g. ``{"nomAttribuant": <the bureau's name>}`` remembered in the settings) fill the
    fields that no column feeds; a field a column feeds keeps its column. ``profiles`` (from
    :func:`profile_table` with this table's null tokens) spares profiling the table again when the caller
    already did it to rank the catalogue (issue 18).
    """
    null_values = detect_null_tokens(table)
    scores = score_table(table, schema, null_values=null_values, profiles=profiles)
    scores = scores[scores["score"] >= threshold]
    pairs = assign_pairs(scores)
    columns: dict[str, str | None] = {c: None for c in table.columns}
    confidence: dict[str, float] = {c: 0.0 for c in table.columns}
    for column, (field_name, score) in pairs.items():
        columns[column] = field_name
        confidence[column] = round(score, 3)
    used_fields = {field_name for field_name, _score in pairs.values()}
    fill = {
        f: str(v) for f, v in (constants or {}).items() if schema.has_field(f) and f not in used_fields and v
    }
    return Mapping(columns=columns, confidence=confidence, null_values=null_values, constants=fill)


def assign_pairs(scores: pd.DataFrame) -> dict[str, tuple[str, float]]:
    """Greedy assignment, best score first: column -> (field, score); a column feeds at most one field
    and a field takes at most one column. ``scores`` is (a filtered part of) :func:`score_table`."""
    ordered = scores.sort_values(["score", "name"], ascending=False, kind="stable")
    pairs: dict[str, tuple[str, float]] = {}
    used_fields: set[str] = set()
    for column, field_name, score in ordered[["column", "field", "score"]].itertuples(index=False):
        if column in pairs or field_name in used_fields:
            continue
        pairs[column] = (field_name, float(score))
        used_fields.add(field_name)
    return pairs


def assign_at_or_above(scores: pd.DataFrame, threshold: float) -> dict[str, tuple[str, float]]:
    """``assign_pairs(scores[scores["score"] >= threshold])`` without pandas' filter and sort, for the
    catalogue ranking, which assigns 44 small score tables per table (~1 ms of pandas each; issue 18).

    Same order as ``assign_pairs``: its sort by score then header score, both descending, keeps rows that
    tie on both in table order, as Python's stable sort with ``reverse=True`` does."""
    rows = [row for row in zip(scores["column"].tolist(), scores["field"].tolist(), scores["score"].tolist(),
                               scores["name"].tolist(), strict=True) if row[2] >= threshold]
    rows.sort(key=lambda row: (row[2], row[3]), reverse=True)
    pairs: dict[str, tuple[str, float]] = {}
    used_fields: set[str] = set()
    for column, field_name, score, _name in rows:
        if column in pairs or field_name in used_fields:
            continue
        pairs[column] = (field_name, float(score))
        used_fields.add(field_name)
    return pairs


def score_table(
    table: Table,
    schema: Schema,
    *,
    null_values: tuple[str, ...] | None = None,
    profiles: dict[str, ColumnProfile] | None = None,
    floor: float | None = None,
) -> pd.DataFrame:
    """Every (column, field) score, for the GUI's "other candidates" list, for tuning and for ranking
    schemas (``profiles``, from :func:`profile_table`, lets one profiling serve every schema).

    ``floor``: leave out the pairs of a named column whose header is too far from the field for any
    content to lift the pair to ``floor`` (their values are then not scored): for callers that keep only
    the pairs at or above it, as the catalogue ranking does with :data:`THRESHOLD` (issue 18)."""
    if null_values is None:
        null_values = detect_null_tokens(table)
    labels = _field_labels(schema)
    rows = []
    if profiles is None:
        profiles = profile_table(table.df, null_values)
    checks = [schema.checks_for(f["name"]) for f in schema.fields]  # per field, not per (column, field)
    idents = [identifiers.identifier_kind(f, c) for f, c in zip(schema.fields, checks, strict=True)]
    for column in table.columns:
        profile = profiles[column]
        anonymous = is_anonymous(column)
        for f, lab, c, ident in zip(schema.fields, labels, checks, idents, strict=True):
            name = 0.0 if anonymous else name_score(column, lab)
            if floor is not None and pair_ceiling(name, anonymous=anonymous) < floor - 1e-9:
                continue  # below the floor whatever the values
            compat, evidence = content_scores(profile, f, c, ident=ident)
            rows.append(
                (
                    column,
                    f["name"],
                    name,
                    compat,
                    evidence,
                    pair_score(name, compat, evidence, anonymous=anonymous),
                )
            )
    frame = pd.DataFrame(rows, columns=["column", "field", "name", "compatibility", "evidence", "score"])
    return _drop_ambiguous_content(frame, [c for c in table.columns if is_anonymous(c)])


def _drop_ambiguous_content(scores: pd.DataFrame, anonymous: list[str], margin: float = 0.1) -> pd.DataFrame:
    """An anonymous column whose values fit two fields as well (SIRETs, with an attribuant and a
    beneficiary SIRET field) is left for the agent: its scores drop under the threshold."""
    for column in anonymous:
        rows = scores["column"] == column
        top = scores.loc[rows, "score"].nlargest(2).tolist()
        if len(top) == 2 and top[0] >= THRESHOLD and top[0] - top[1] < margin:
            scores.loc[rows, "score"] = scores.loc[rows, "score"] * 0.7
    return scores


def detect_null_tokens(table: Table, *, min_share: float = 0.0) -> tuple[str, ...]:
    """Placeholder tokens for "unknown" found in the table (``NA``, ``NC``, ``#``, ``null``…).

    ``prepare`` asks it of the same table five times (profiles, ranking, inference, mapping): the answer
    for a table of Arrow columns is kept with weak references to their arrays (an Arrow array never
    changes: pandas gives a column it writes to a new array; a dead reference never matches; issue 18)."""
    df = table.df
    arrays = [getattr(df.iloc[:, i].array, "_pa_array", None) for i in range(df.shape[1])]
    arrow = bool(arrays) and all(a is not None for a in arrays)
    if arrow:
        for refs, share, kept in _NULLS_FOUND:
            if share == min_share and len(refs) == len(arrays) and all(r() is a for r, a in zip(refs, arrays, strict=True)):
                return kept
    found = _null_tokens(df, min_share)
    if arrow:
        alive = [entry for entry in _NULLS_FOUND if all(r() is not None for r in entry[0])]
        _NULLS_FOUND[:] = [(tuple(weakref.ref(a) for a in arrays), min_share, found), *alive[: _NULLS_KEPT - 1]]
    return found


_NULLS_FOUND: list[tuple[tuple[weakref.ref[Any], ...], float, tuple[str, ...]]] = []
_NULLS_KEPT = 8


def _null_tokens(df: pd.DataFrame, min_share: float) -> tuple[str, ...]:
    found: list[str] = []
    head = df.head(5000)
    for column in head.columns:
        values = head[column].astype(str).str.strip()
        present = values[values.isin(NULL_TOKENS)]
        if len(present) and len(present) / max(1, len(values)) >= min_share:
            for token in present.unique():
                if token not in found:
                    found.append(str(token))
    return tuple(found)
