"""French identifiers that spreadsheets damage: SIRET, SIREN, code postal, code commune INSEE.

Excel drops leading zeros (``1001`` for ``01001``), appends ``.0`` to numbers, or writes long numbers in
scientific notation (``2,10104E+13``, digits lost for good). We repair a value only when the repaired
value is valid (Luhn key for SIRET/SIREN, département prefix for codes), and always say so.
"""

from __future__ import annotations

import re
from typing import Any

from stdnum.fr import siren as stdnum_siren
from stdnum.fr import siret as stdnum_siret

from capnum_desktop.core.schemas.text import split_words

SIRET, SIREN, CODE_POSTAL, CODE_INSEE = "siret", "siren", "code_postal", "code_insee"
LENGTH = {SIRET: 14, SIREN: 9, CODE_POSTAL: 5, CODE_INSEE: 5}
LABEL = {SIRET: "SIRET", SIREN: "SIREN", CODE_POSTAL: "code postal", CODE_INSEE: "code commune INSEE"}

_POSTAL = re.compile(r"^(0[1-9]|[1-8]\d|9[0-8])\d{3}$")
_INSEE = re.compile(r"^(0[1-9]|[1-8]\d|2[AB]|9[0-5]|97[1-8]|98[4-9])\d{2,3}$")
_INSEE_FULL = re.compile(r"^(0[1-9]|[1-8]\d|2[AB]|9[0-5])\d{3}$|^97[1-8]\d{2}$|^98[4-9]\d{2}$")
SCIENTIFIC = re.compile(r"^\d+(?:[.,]\d+)?[eE]\+?\d+$")
EXCEL_DECIMAL = re.compile(r"^(\d+)[.,]0+$")


def identifier_kind(field: dict[str, Any], checks: tuple[str, ...] = ()) -> str | None:
    """Which French identifier a field holds, from the schema's checks, its pattern and its words."""
    if "french-siret-value" in checks:
        return SIRET
    if "french-siren-value" in checks:
        return SIREN
    if field.get("type", "string") != "string":
        return None
    words = f" {split_words(field.get('name', ''))} {split_words(field.get('title', '') or '')} "
    pattern = str((field.get("constraints") or {}).get("pattern", ""))
    if " siret " in words or words.strip().endswith("siret"):
        return SIRET
    if " siren " in words:
        return SIREN
    if "14}" in pattern and ("siret" in words or "etablissement" in words):
        return SIRET
    if " postal " in words or " cp " in f" {split_words(field.get('name', ''))} ":
        return CODE_POSTAL
    if " insee " in words or " code commune " in words:
        return CODE_INSEE
    return None


def is_valid(kind: str, value: str) -> bool:
    if kind == SIRET:
        return bool(stdnum_siret.is_valid(value))
    if kind == SIREN:
        return bool(stdnum_siren.is_valid(value))
    if kind == CODE_POSTAL:
        return bool(_POSTAL.match(value))
    if kind == CODE_INSEE:
        return bool(_INSEE_FULL.match(value))
    return False


def repair(kind: str, value: str) -> tuple[str, str]:
    """``(new value, repair code)``; the code is ``""`` when nothing was (or could safely be) changed.

    Codes: ``excel-decimal`` (``.0`` removed), ``spaces`` (inner spaces removed), ``leading-zeros``.
    """
    if not value:
        return value, ""
    candidate, code = value, ""
    match = EXCEL_DECIMAL.match(candidate)
    if match:
        candidate, code = match.group(1), "excel-decimal"
    compact = re.sub(r"[\s.\-]", "", candidate) if kind in (SIRET, SIREN) else candidate.replace(" ", "")
    if compact != candidate and compact.isdigit():
        candidate, code = compact, code or "spaces"
    if is_valid(kind, candidate):
        return (candidate, code) if code else (value, "")
    size = LENGTH[kind]
    if candidate.isdigit() and size - 3 <= len(candidate) < size:
        padded = candidate.zfill(size)
        if is_valid(kind, padded):
            return padded, "leading-zeros"
    return value, ""
