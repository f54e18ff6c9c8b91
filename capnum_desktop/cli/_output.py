"""Shared printing helpers for the CLI sub-commands."""

from __future__ import annotations

import contextlib
import json
import os
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


def replace_unprintable() -> None:
    """stdout and stderr write « ? » for a character their encoding cannot show (« … », « ’ » on an ASCII
    or cp1252 console) instead of failing the whole command: the text stays readable, the work is done."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        with contextlib.suppress(ValueError, OSError):  # a closed or fixed stream is left as it is
            reconfigure(errors="replace")


def quiet_closed_stdout() -> None:
    """The reader of stdout went away (``| head``): send what is left to the null device, so that the
    interpreter's last flush does not print « Exception ignored … BrokenPipeError »."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file (a test's capture)
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)
