"""Which encoding a text file uses, decided on a sample (a 100 MB file must open quickly).

Order: a BOM says it; else a strict UTF-8 decode of the sample; else chardet with
``prefer_superset=True`` (so pure ASCII samples give windows-1252, not ascii). French Windows exports
are cp1252, so every single-byte Western answer (latin-1, cp1250 lookalikes…) becomes cp1252; only
UTF-16/32 answers are trusted as such. The choice is confirmed by decoding the sample.
"""

from __future__ import annotations

import codecs

import chardet

from capnum_desktop.core.wording import language

SAMPLE_BYTES = 1 << 20

_ALIASES = {
    "utf8": "utf-8",
    "utf-8": "utf-8",
    "utf-8-sig": "utf-8-sig",
    "utf8-sig": "utf-8-sig",
    "cp1252": "cp1252",
    "windows-1252": "cp1252",
    "latin-1": "latin-1",
    "latin1": "latin-1",
    "iso-8859-1": "latin-1",
    "iso8859-1": "latin-1",
    "iso-8859-15": "iso8859-15",
    "utf-16": "utf-16",
    "utf-16le": "utf-16-le",
    "utf-16be": "utf-16-be",
}


def normalize(name: str) -> str:
    """A canonical Python codec name for what the user typed (``UTF8``, ``windows-1252``…)."""
    key = name.strip().lower().replace("_", "-")
    if key in _ALIASES:
        return _ALIASES[key]
    try:
        return codecs.lookup(key).name
    except LookupError as exc:
        raise ValueError(name) from exc


# How people know an encoding: « cp1252 » means nothing to an agent, « Windows-1252 (Europe de l'Ouest) »
# does. The codec name stays in JSON, recipes and the command line's options; these are for what people read.
ENCODING_NAMES = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 avec BOM",
    "cp1252": "Windows-1252 (Europe de l'Ouest)",
    "latin-1": "ISO-8859-1 (Latin-1)",
    "iso8859-15": "ISO-8859-15 (Latin-9, avec l'euro)",
    "mac-roman": "Mac Roman (anciens Mac)",
    "utf-16": "UTF-16",
    "utf-16-le": "UTF-16 (petit-boutiste)",
    "utf-16-be": "UTF-16 (gros-boutiste)",
}
# the same names in English (the window's Qt translation of ENCODING_NAMES says the same)
ENCODING_NAMES_EN = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 with BOM",
    "cp1252": "Windows-1252 (Western Europe)",
    "latin-1": "ISO-8859-1 (Latin-1)",
    "iso8859-15": "ISO-8859-15 (Latin-9, with the euro sign)",
    "mac-roman": "Mac Roman (older Macs)",
    "utf-16": "UTF-16",
    "utf-16-le": "UTF-16 (little-endian)",
    "utf-16-be": "UTF-16 (big-endian)",
}


def encoding_label(name: str | None, lang: str = "fr") -> str:
    """The readable name of a codec (« Windows-1252 (Europe de l'Ouest) » for ``cp1252``, in French unless
    ``lang`` is ``"en"``); an encoding without one is shown in capitals (``UTF-32``)."""
    if not name:
        return ""
    try:
        key = normalize(name)
    except ValueError:
        return name
    names = ENCODING_NAMES_EN if language(lang) == "en" else ENCODING_NAMES
    return names.get(key, name.upper())


def is_utf8(sample: bytes, complete: bool) -> bool:
    """Strict UTF-8 check; a sample cut in the middle of a character is still UTF-8."""
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    try:
        decoder.decode(sample, final=complete)
    except UnicodeDecodeError:
        return False
    return True


def detect(sample: bytes, complete: bool = False) -> str:
    """The encoding to read the file with (a Python codec name)."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # before UTF-16: FF FE 00 00 starts with FF FE
        return "utf-32"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if is_utf8(sample, complete):
        return "utf-8"
    # chardet is asked only for UTF-16/32 without a BOM, whose Latin text is half NUL bytes: a sample
    # without any is not such a file, and is spared chardet's 0.09 s on a megabyte (issue 18)
    if b"\x00" in sample:
        guess = (chardet.detect(sample[:SAMPLE_BYTES], prefer_superset=True).get("encoding") or "").lower()
        if guess.startswith(("utf-16", "utf-32")):
            return guess
    if fits(sample, "cp1252", complete):
        return "cp1252"
    return "latin-1"


def fits(sample: bytes, encoding: str, complete: bool = False) -> bool:
    """True when ``sample`` decodes without error in ``encoding``."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    try:
        decoder.decode(sample, final=complete)
    except (UnicodeDecodeError, LookupError):
        return False
    return True
