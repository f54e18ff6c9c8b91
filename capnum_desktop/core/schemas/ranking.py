"""Which national schema a table is about, found from its columns (headers and values), not its file name.

Every standard of the catalogue (latest version) gets the mapping :func:`propose_mapping` would propose,
and a fit score from it:

- how much of the file the schema explains: the confidence of each column's field, summed over the
  columns and divided by their number, a column counting less when its field is common to many
  standards (``id``, ``nom``, ``latitude`` say little; ``nbre_pl`` or ``idBeneficiaire`` say a lot);
- how much of the schema the file fills: the mean of the share of required fields and of all fields
  that a column feeds.

``score = 0.6 × explained + 0.4 × filled``. A schema *fits well* when its score is at least
:data:`GOOD_FIT` and at least :data:`MIN_MATCHED` columns feed it: below that, inferring a schema from the
table describes the file better than forcing a standard onto it (``capnum prepare`` says so). On the
reference files, files of a bundled standard score 0.41-0.99, others at most 0.36.
The columns are profiled once for all schemas (the costly part); the names are compared per schema.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from capnum_desktop.core.jobs import CancelToken, Progress
from capnum_desktop.core.schemas.catalogue import Schema, list_schemas, load_schema, schema_for_scoring
from capnum_desktop.core.schemas.matching import (
    THRESHOLD,
    ColumnProfile,
    assign_at_or_above,
    detect_null_tokens,
    profile_table,
    score_table,
    words,
)
from capnum_desktop.core.table import Table

GOOD_FIT = 0.4
MIN_MATCHED = 3
EXPLAINED_WEIGHT = 0.6


@dataclass(frozen=True)
class SchemaCandidate:
    """One catalogue standard and how well a table fits it."""

    schema_id: str
    title: str
    version: str
    score: float  # 0..1
    matched_columns: int  # columns that feed a field
    column_count: int
    required_filled: int
    required_total: int

    @property
    def fits(self) -> bool:
        """Good enough to use without asking (else a schema inferred from the table describes it better)."""
        return self.score >= GOOD_FIT and self.matched_columns >= MIN_MATCHED

    @property
    def required_coverage(self) -> float:
        """Share of the schema's required fields a column feeds (1.0 when none is required)."""
        return self.required_filled / self.required_total if self.required_total else 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": self.schema_id,
            "title": self.title,
            "version": self.version,
            "score": round(self.score, 3),
            "matched_columns": self.matched_columns,
            "columns": self.column_count,
            "required_filled": self.required_filled,
            "required_total": self.required_total,
            "fits": self.fits,
        }


def fit_of(table: Table, schema: Schema, *, null_values: tuple[str, ...] | None = None,
           profiles: dict[str, Any] | None = None) -> SchemaCandidate:
    """How well ``table`` fits ``schema`` (see the module docstring for the score)."""
    if null_values is None:
        null_values = detect_null_tokens(table)
    scores = score_table(table, schema, null_values=null_values, profiles=profiles, floor=THRESHOLD)
    pairs = assign_at_or_above(scores, THRESHOLD)
    n_columns = max(1, len(table.columns))
    weight = _field_weights()
    explained = sum(score * weight.get(words(field), 1.0) for field, score in pairs.values()) / n_columns
    mapped = {field for field, _score in pairs.values()}
    required = schema.required_fields
    all_share = len(mapped) / max(1, len(schema.fields))
    required_share = sum(f in mapped for f in required) / len(required) if required else all_share
    filled_share = (required_share + all_share) / 2
    score = EXPLAINED_WEIGHT * explained + (1 - EXPLAINED_WEIGHT) * filled_share
    return SchemaCandidate(
        schema_id=schema.id,
        title=schema.title,
        version=schema.version,
        score=round(min(1.0, score), 4),
        matched_columns=len(pairs),
        column_count=len(table.columns),
        required_filled=sum(f in mapped for f in required),
        required_total=len(required),
    )


def _catalogue_schemas() -> list[Schema]:
    """The latest version of every standard that loads (one broken imported file must not hide the others),
    as scoring reads them (shared, without the strictness review: see :func:`schema_for_scoring`)."""
    schemas = []
    for entry in list_schemas():
        try:
            schemas.append(schema_for_scoring(entry.id))
        except Exception:
            continue
    return schemas


def _field_weights() -> dict[tuple[str, ...], float]:
    """See :func:`_weights_of` (computed again when an import changed the catalogue)."""
    return _weights_of(tuple(entry.ref for entry in list_schemas()))


@lru_cache(maxsize=2)
def _weights_of(_refs: tuple[str, ...]) -> dict[tuple[str, ...], float]:
    """How telling a field is: ``1/sqrt(n)`` for a field name (as :func:`words`) that ``n`` catalogue
    standards share. ``id``, ``nom``, ``latitude`` or ``commune`` alone say little about which standard a
    file follows; ``montant`` + ``idBeneficiaire`` or ``nbre_pl`` say a lot."""
    counts: Counter[tuple[str, ...]] = Counter()
    for schema in _catalogue_schemas():
        counts.update({words(str(f["name"])) for f in schema.fields})
    return {name: 1 / n**0.5 for name, n in counts.items()}


def rank_schemas(table: Table, *, limit: int | None = None, progress: Progress | None = None,
                 cancel: CancelToken | None = None,
                 profiles: dict[str, ColumnProfile] | None = None) -> list[SchemaCandidate]:
    """The catalogue's standards (latest versions), best fit first; ``limit`` keeps the first ones.

    A standard that cannot be loaded (a broken imported file) is left out rather than failing the ranking.
    ``profiles``: the table's :func:`profile_table` (with its null tokens) when the caller has it already.
    """
    null_values = detect_null_tokens(table)
    if profiles is None:
        profiles = profile_table(table.df, null_values)
    ranked: list[SchemaCandidate] = []
    schemas = _catalogue_schemas()
    for i, schema in enumerate(schemas):
        if cancel is not None:
            cancel.check()
        if progress is not None:
            progress(i / max(1, len(schemas)), "Recherche du schéma qui correspond aux colonnes")
        ranked.append(fit_of(table, schema, null_values=null_values, profiles=profiles))
    ranked.sort(key=lambda c: (-c.score, -c.matched_columns, c.schema_id))
    return ranked[:limit] if limit else ranked


def schema_for_table(table: Table, *, top: int = 3,
                     profiles: dict[str, ColumnProfile] | None = None) -> tuple[Schema, list[SchemaCandidate], str]:
    """What to use when the agent named no schema: ``(schema, the top candidates, a note in French)``.

    The best standard when it fits well (note: which one and its score); else a schema inferred from the
    table, and the note says no standard fits and names the closest one.
    """
    from capnum_desktop.core.schemas.infer import infer_schema

    ranked = rank_schemas(table, limit=top, profiles=profiles)
    best = ranked[0] if ranked else None
    from capnum_desktop.core.pipeline_notes import PipelineNote

    if best is not None and best.fits:
        note = PipelineNote("schema-chosen", title=best.title, schema_id=best.schema_id, version=best.version,
                            score=best.score, filled=best.required_filled, total=best.required_total)
        return load_schema(best.schema_id), ranked, note
    note = (PipelineNote("schema-inferred-closest", title=best.title, score=best.score) if best else
            PipelineNote("schema-inferred"))
    return infer_schema(table), ranked, note
