"""Shared printing helpers for the CLI sub-commands."""

from __future__ import annotations

import json
import sys
from typing import Any


def print_json(obj: Any) -> None:
    """Print one JSON object on stdout (UTF-8, not ASCII-escaped)."""
    text = json.dumps(obj, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write(text + "\n")


def print_rows(columns: list[str], rows: list[list[str]], width: int = 24) -> None:
    """Print a small text table, cutting long cells."""

    def cut(value: str) -> str:
        value = value.replace("\n", " ")
        return value if len(value) <= width else value[: width - 1] + "…"

    print(" | ".join(cut(c) for c in columns))
    for row in rows:
        print(" | ".join(cut(v) for v in row))
