"""Step 4, Validate: the conformed table against the schema, equal to frictionless, plus Validata's checks.

Public names: :func:`validate_table`, :func:`revalidate`, :class:`ValidationReport`,
:class:`ValidationIssue`, :func:`frictionless_errors` (the reference, for tests and a "certified"
pass) and :func:`write_validation_report` (HTML + JSON in plain French).
"""

from capnum_desktop.core.validation.engine import revalidate, validate_table
from capnum_desktop.core.validation.report import ValidationIssue, ValidationReport
from capnum_desktop.core.validation.schema_view import SchemaView, schema_view

__all__ = [
    "SchemaView",
    "ValidationIssue",
    "ValidationReport",
    "revalidate",
    "schema_view",
    "validate_table",
]
