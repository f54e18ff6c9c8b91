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

_KNOWN_BINARIES = {  # what the file is: binary.<kind> in core/error_sentences.py
    b"%PDF": "pdf",
    b"\x89PNG": "png",
    b"\xff\xd8\xff": "jpeg",
    b"GIF8": "gif",
    b"Rar!": "rar",
    b"7z\xbc\xaf": "7z",
    b"{\\rtf": "rtf",
    b"PAR1": "parquet",
    b"SQLite format 3": "sqlite",
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
            raise UnsupportedFormatError.coded("binary-file", name=path.name, what_key=f"binary.{what}")
    stripped = first.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith((b"<!doctype html", b"<html", b"<table", b"<meta", b"<head", b"<body")):
        return "html"
    if stripped.startswith(b"<?xml"):
        if b"urn:schemas-microsoft-com:office:spreadsheet" in first or b"<workbook" in stripped:
            return "xml2003"
        if b"<html" in stripped:
            return "html"
        raise UnsupportedFormatError.coded("xml-not-workbook", name=path.name)
    if stripped.startswith((b"{", b"[")) and _json_like(stripped):
        raise UnsupportedFormatError.coded("json-file", name=path.name)
    if _binary(first):
        raise InputFileError.coded("binary-content", hint="hint.business-export", name=path.name)
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
                raise UnsupportedFormatError.coded("odf-not-spreadsheet", name=path.name)
            if "xl/workbook.xml" in names or "xl/workbook.bin" in names:
                if "xl/workbook.bin" in names:
                    raise UnsupportedFormatError.coded("xlsb", hint="hint.save-as-xlsx", name=path.name)
                return "xlsm" if "xl/vbaProject.bin" in names else "xlsx"
            if "word/document.xml" in names:
                raise UnsupportedFormatError.coded("word-document", name=path.name)
            if "ppt/presentation.xml" in names:
                raise UnsupportedFormatError.coded("powerpoint", name=path.name)
            raise UnsupportedFormatError.coded("zip-without-workbook", name=path.name)
    except zipfile.BadZipFile as exc:
        raise InputFileError.coded("workbook-damaged", name=path.name) from exc


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
        raise ProtectedFileError.coded("protected", name=path.name)
    if utf16("Workbook") in data or utf16("Book") in data:
        return "xls"
    if utf16("WordDocument") in data:
        raise UnsupportedFormatError.coded("old-word", name=path.name)
    raise UnsupportedFormatError.coded("old-office", name=path.name)
