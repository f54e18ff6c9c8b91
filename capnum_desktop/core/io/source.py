"""Opening the source file for reading only, with the checks every format needs first.

The source is never written to: files are opened ``rb`` and nothing else. Missing paths,
directories, locked files and empty files become :class:`InputFileError` with a French message.
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
        raise InputFileError(
            f"Le fichier « {path} » est introuvable.",
            "Vérifiez le nom et le dossier du fichier (il a peut-être été déplacé ou renommé).",
        )
    if path.is_dir():
        raise InputFileError(
            f"« {path} » est un dossier, pas un fichier.",
            "Choisissez un fichier CSV, Excel ou LibreOffice à l'intérieur de ce dossier.",
        )
    try:
        with path.open("rb") as handle:
            handle.read(1)
    except PermissionError as exc:
        raise locked(path) from exc
    except OSError as exc:
        raise InputFileError(
            f"Le fichier « {path.name} » ne peut pas être lu ({exc.strerror or 'erreur de lecture'}).",
        ) from exc
    if path.stat().st_size == 0:
        raise InputFileError(
            f"Le fichier « {path.name} » est vide (0 octet).",
            "Vérifiez que l'enregistrement ou le téléchargement s'est bien terminé, puis ouvrez le fichier à nouveau.",
        )
    return path


def locked(path: Path) -> InputFileError:
    return InputFileError(
        f"Le fichier « {path.name} » est verrouillé ou vous n'avez pas le droit de le lire.",
        "Fermez-le dans Excel ou LibreOffice (ou dans tout autre programme qui l'utilise), "
        "vérifiez vos droits d'accès, puis réessayez.",
    )


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


def too_big(path: Path, limit: int) -> InputFileError:
    return InputFileError(
        f"Le fichier « {path.name} » est trop volumineux (plus de {limit // 1_000_000} Mo de texte).",
        "Découpez le fichier en plusieurs parties, ou filtrez les lignes utiles avant de l'ouvrir.",
    )


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
        raise InputFileError(
            f"Le fichier compressé « {path.name} » est endommagé ou incomplet.",
            "Téléchargez ou copiez-le à nouveau, puis réessayez.",
        ) from exc
    data = b"".join(chunks)
    if not data:
        raise InputFileError(
            f"Le fichier compressé « {path.name} » ne contient rien.",
            "Vérifiez que c'est le bon fichier.",
        )
    return data
