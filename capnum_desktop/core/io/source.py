"""Opening the source file for reading only, with the checks every format needs first.

The source is never written to: files are opened ``rb`` and nothing else. Missing paths,
directories, locked files and empty files become :class:`InputFileError` with a code (French or English sentence).
"""

from __future__ import annotations

import gzip
import zlib
from pathlib import Path

from capnum_desktop.core.errors import InputFileError

MAX_TEXT_BYTES = 1_500_000_000
"""Largest delimited text we load in memory (decompressed); a 1M-row x 15 CSV is ~220 MB."""


def check_path(path: Path) -> Path:
    """Raise a French error for a path that cannot be read as a file."""
    if not path.exists():
        raise InputFileError.coded("file-not-found", path=str(path))
    if path.is_dir():
        raise InputFileError.coded("is-a-folder", path=str(path))
    try:
        with path.open("rb") as handle:
            handle.read(1)
    except PermissionError as exc:
        raise locked(path) from exc
    except OSError as exc:
        if exc.strerror:  # the system's own words
            raise InputFileError.coded("unreadable", name=path.name, reason=exc.strerror) from exc
        raise InputFileError.coded("unreadable", name=path.name, reason_key="word.read-error") from exc
    if path.stat().st_size == 0:
        raise InputFileError.coded("empty-file", name=path.name)
    return path


def locked(path: Path) -> InputFileError:
    return InputFileError.coded("locked", name=path.name)


def head(path: Path, size: int = 8192) -> bytes:
    """The first bytes of the file (for format sniffing)."""
    try:
        with path.open("rb") as handle:
            return handle.read(size)
    except PermissionError as exc:
        raise locked(path) from exc


def read_bytes(path: Path, limit: int = MAX_TEXT_BYTES) -> bytes:
    """The whole file, decompressed if gzip, refusing more than ``limit`` bytes."""
    try:
        raw_head = head(path, 2)
        if raw_head == b"\x1f\x8b":
            return _gunzip(path, limit)
        if path.stat().st_size > limit:
            raise too_big(path, limit)
        return path.read_bytes()
    except PermissionError as exc:
        raise locked(path) from exc


def read_prefix(path: Path, lines: int, min_bytes: int, max_line: int, limit: int = MAX_TEXT_BYTES) -> tuple[bytes, int]:
    """The file's first bytes for a preview, and the size :func:`read_bytes` would give.

    Read 1 MB at a time until they hold ``lines`` line breaks and ``min_bytes`` bytes, or no line break
    in more than ``max_line`` bytes (the caller refuses such a file), or the end: a preview of a big CSV
    no longer reads it all (1.5 GB allowed). A gzip file is read whole, as :func:`read_bytes` does, so that
    damage further down is reported the same.
    """
    try:
        if head(path, 2) == b"\x1f\x8b":
            data = _gunzip(path, limit)
            return data, len(data)
        size = path.stat().st_size
        if size > limit:
            raise too_big(path, limit)
        chunks: list[bytes] = []
        total = breaks = 0
        with path.open("rb") as handle:
            while True:
                chunk = handle.read(1 << 20)
                if not chunk:
                    return b"".join(chunks), total  # the whole file
                chunks.append(chunk)
                total += len(chunk)
                breaks += chunk.count(b"\n")
                if (total >= min_bytes and breaks >= lines) or (not breaks and total > max_line):
                    return b"".join(chunks), max(size, total)
    except PermissionError as exc:
        raise locked(path) from exc


def too_big(path: Path, limit: int) -> InputFileError:
    return InputFileError.coded("too-big", name=path.name, megabytes=limit // 1_000_000)


def _gunzip(path: Path, limit: int) -> bytes:
    chunks: list[bytes] = []
    total = 0
    try:
        with gzip.open(path, "rb") as handle:
            while True:
                chunk = handle.read(8 << 20)
                if not chunk:
                    break
                total += len(chunk)
                if total > limit:
                    raise too_big(path, limit)
                chunks.append(chunk)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputFileError.coded("gzip-damaged", name=path.name) from exc
    data = b"".join(chunks)
    if not data:
        raise InputFileError.coded("gzip-empty", hint="hint.right-file", name=path.name)
    return data
