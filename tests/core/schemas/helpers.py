"""Helpers for the schema tests: small tables from rows, the expected-mapping cases."""

from __future__ import annotations

import json
from pathlib import Path

from capnum_desktop.core.table import SourceInfo, Table, text_frame

DATA = Path(__file__).resolve().parent / "data"


def make_table(
    columns: list[str], rows: list[list[str]], first_row: int = 2, name: str = "test.csv"
) -> Table:
    """A text Table whose index is the source row numbers (header on line 1)."""
    numbers = list(range(first_row, first_row + len(rows)))
    return Table(text_frame(columns, rows, numbers), SourceInfo(Path(name), "csv"))


def expected_cases() -> list[dict]:
    return json.loads((DATA / "expected_mappings.json").read_text(encoding="utf-8"))["cases"]


def schema_ref(name: str) -> str:
    """A catalogue id as is, or a test data file's path."""
    return str(DATA / name) if name.endswith(".json") else name
