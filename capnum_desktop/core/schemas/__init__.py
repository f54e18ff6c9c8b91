"""Step 2, Map: national schemas, matching columns to fields, converting values, inferring a schema.

Public names (see core/API.md): :func:`list_schemas`, :func:`load_schema` (``id`` or ``id@version``),
:func:`schema_versions`, :class:`Schema`,
:func:`infer_schema`, :class:`Mapping`, :func:`propose_mapping`, :func:`missing_required`,
:func:`conform` -> :class:`ConformResult`, :class:`ConversionIssue`, :func:`convert_column`.
"""

from __future__ import annotations

from capnum_desktop.core.schemas.catalogue import (
    Schema,
    SchemaEntry,
    find_entry,
    list_schemas,
    load_schema,
    schema_from_descriptor,
    schema_versions,
)
from capnum_desktop.core.schemas.conform import ConformResult, ConversionIssue, Repair, conform
from capnum_desktop.core.schemas.convert import Converted, convert_column, convert_values
from capnum_desktop.core.schemas.infer import infer_schema
from capnum_desktop.core.schemas.mapping import Mapping, missing_required, unknown_fields
from capnum_desktop.core.schemas.matching import detect_null_tokens, propose_mapping, score_table

__all__ = [
    "ConformResult",
    "ConversionIssue",
    "Converted",
    "Mapping",
    "Repair",
    "Schema",
    "SchemaEntry",
    "conform",
    "convert_column",
    "convert_values",
    "detect_null_tokens",
    "find_entry",
    "infer_schema",
    "list_schemas",
    "load_schema",
    "missing_required",
    "propose_mapping",
    "schema_from_descriptor",
    "schema_versions",
    "score_table",
    "unknown_fields",
]
