"""The real format of a file, from its first bytes (a CSV saved as .xlsx, an .xls that is HTML…)."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import BinaryIO

from capnum_desktop.core.errors import InputFileError, ProtectedFileError, UnsupportedFormatError
from capnum_desktop.core.io import source

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
TEXT_EXTENSIONS = {".csv", ".tsv", ".txt", ".tab", ".dat", ".gz"}
WORKBOOK_EXTENSIONS = {".xlsx", ".xlsm", ".xls", ".ods", ".xlsb"}

_KNOWN_BINARIES = {
    b"%PDF": "un document PDF",
    b"\x89PNG": "une image PNG",
    b"\xff\xd8\xff": "une image JPEG",
    b"GIF8": "une image GIF",
    b"Rar!": "une archive RAR",
    b"7z\xbc\xaf": "une archive 7-Zip",
    b"{\\rtf": "un document RTF",
    b"PAR1": "un fichier Parquet",
    b"SQLite format 3": "une base SQLite",
}


def detect_format(path: Path) -> str:
    """One of ``csv``, ``xlsx``, ``xlsm``, ``xls``, ``ods``, ``html``, ``xml2003``; or a French error."""
    first = source.head(path, 4096)
    if first.startswith(b"PK\x03\x04") or first.startswith(b"PK\x05\x06"):
        return _zip_format(path)
    if first.startswith(OLE_MAGIC):
        return _ole_format(path, first)
    if first.startswith(b"\x1f\x8b"):
        return "csv"
    for magic, what in _KNOWN_BINARIES.items():
        if first.startswith(magic):
            raise UnsupportedFormatError(f"« {path.name} » est {what}, pas un tableau de données.")
    stripped = first.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith((b"<!doctype html", b"<html", b"<table", b"<meta", b"<head", b"<body")):
        return "html"
    if stripped.startswith(b"<?xml"):
        if b"urn:schemas-microsoft-com:office:spreadsheet" in first or b"<workbook" in stripped:
            return "xml2003"
        if b"<html" in stripped:
            return "html"
        raise UnsupportedFormatError(
            f"« {path.name} » est un fichier XML qui n'est pas un classeur Excel.",
            "Ouvrez-le dans le logiciel qui l'a produit et exportez-le en CSV ou en Excel (.xlsx).",
        )
    if stripped.startswith((b"{", b"[")) and _json_like(stripped):
        raise UnsupportedFormatError(
            f"« {path.name} » est un fichier JSON, pas un tableau CSV ou Excel.",
            "Ouvrez-le dans un tableur ou convertissez-le en CSV, puis ouvrez le fichier CSV.",
        )
    if _binary(first):
        raise InputFileError(
            f"« {path.name} » n'est pas un fichier texte ni un tableur reconnu (contenu binaire).",
            "Vérifiez que c'est le bon fichier ; s'il vient d'un logiciel métier, exportez-le en CSV ou en Excel.",
        )
    return "csv"


def _json_like(start: bytes) -> bool:
    """``{"`` or ``[{`` / ``["`` / ``[1`` at the very start: JSON, not a CSV with a brace in a title."""
    body = start[1:].lstrip()
    return (start[:1] == b"{" and body[:1] in (b'"', b"}")) or (
        start[:1] == b"[" and body[:1] in (b"{", b'"', b"[", b"]")
    )


def _binary(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 text
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    return bool(head) and control > len(head) * 0.05


def _zip_format(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                mimetype = archive.read("mimetype")[:100]
                if b"opendocument.spreadsheet" in mimetype:
                    return "ods"
                raise UnsupportedFormatError(
                    f"« {path.name} » est un document OpenDocument qui n'est pas un classeur."
                )
            if "xl/workbook.xml" in names or "xl/workbook.bin" in names:
                if "xl/workbook.bin" in names:
                    raise UnsupportedFormatError(
                        f"« {path.name} » est un classeur Excel binaire (.xlsb), que CapNum ne lit pas.",
                        "Ouvrez-le dans Excel et enregistrez-le au format .xlsx, puis ouvrez cette copie.",
                    )
                return "xlsm" if "xl/vbaProject.bin" in names else "xlsx"
            if "word/document.xml" in names:
                raise UnsupportedFormatError(f"« {path.name} » est un document Word, pas un tableur.")
            if "ppt/presentation.xml" in names:
                raise UnsupportedFormatError(
                    f"« {path.name} » est une présentation PowerPoint, pas un tableur."
                )
            raise UnsupportedFormatError(
                f"« {path.name} » est une archive ZIP qui ne contient pas de classeur.",
                "Décompressez l'archive et ouvrez le fichier CSV ou Excel qu'elle contient.",
            )
    except zipfile.BadZipFile as exc:
        raise InputFileError(
            f"Le classeur « {path.name} » est endommagé ou incomplet : il ne peut pas être lu.",
            "Ouvrez-le dans Excel ou LibreOffice : s'il s'ouvre, enregistrez-en une copie et ouvrez cette copie ; "
            "sinon, demandez à nouveau le fichier à son auteur.",
        ) from exc


def _ole_directory(handle: BinaryIO, header: bytes) -> bytes:
    """The container's first directory sectors, wherever they are: the stream names are there.

    Excel puts the directory near the start, other writers (xlwt, some exporters) at the end of a
    file larger than what was read first. The header gives its first sector (offset 0x30) and the
    sector size (power of two at 0x1E)."""
    if len(header) < 0x34:
        return b""
    shift = int.from_bytes(header[0x1E:0x20], "little")
    if not 7 <= shift <= 16:
        return b""
    size = 1 << shift
    start = int.from_bytes(header[0x30:0x34], "little")
    offset = (start + 1) * size
    if start >= 0xFFFFFFFA or offset + size <= len(header):
        return b""  # no directory sector, or already read
    handle.seek(offset)
    return handle.read(4 * size)


def _ole_format(path: Path, first: bytes) -> str:
    """Old binary Office files share one container: an encrypted xlsx lives in it too."""
    try:
        with path.open("rb") as handle:
            data = handle.read(1 << 20)
            data += _ole_directory(handle, data)
    except PermissionError as exc:
        raise source.locked(path) from exc
    utf16 = lambda s: s.encode("utf-16-le")  # noqa: E731 - directory entries are UTF-16 names
    if utf16("EncryptedPackage") in data or utf16("EncryptionInfo") in data:
        raise ProtectedFileError(f"Le classeur « {path.name} » est protégé par un mot de passe.")
    if utf16("Workbook") in data or utf16("Book") in data:
        return "xls"
    if utf16("WordDocument") in data:
        raise UnsupportedFormatError(f"« {path.name} » est un ancien document Word (.doc), pas un tableur.")
    raise UnsupportedFormatError(f"« {path.name} » est un ancien fichier Office qui n'est pas un classeur.")
