"""What the user chose for the export (stored in the recipe): names, encoding, licence, producer."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import asdict, dataclass, fields
from functools import lru_cache
from pathlib import Path
from typing import Any

from capnum_desktop.core.errors import ExportError
from capnum_desktop.core.pipeline_notes import PipelineNote

LICENCES_FILE = Path(__file__).with_name("licences.json")


@lru_cache(maxsize=1)
def licences() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(LICENCES_FILE.read_text(encoding="utf-8"))
    return data


def licence_descriptor(key: str | None) -> dict[str, str]:
    """The Data Package ``licenses`` entry for ``key`` (Licence Ouverte 2.0 when empty)."""
    data = licences()
    wanted = (key or data["default"]).strip().lower()
    wanted = data["aliases"].get(wanted, wanted)
    for k, lic in data["licences"].items():
        if wanted in (k, lic["name"].lower(), lic["title"].lower()):
            return dict(lic)
    for word, k in data.get("words", {}).items():  # "Licence Ouverte 2.0", "ODbL 1.0" as a form shows them
        if word in wanted:
            return dict(data["licences"][k])
    known = ", ".join(data["licences"])
    raise ExportError.coded("export-unknown-licence", licence=key, known=known)


@dataclass(frozen=True)
class ExportOptions:
    """Export choices. ``name`` is the dataset's file name (slug); empty = from the title or source."""

    name: str = ""
    title: str = ""
    description: str = ""
    licence: str = "etalab-2.0"
    producer: str = ""
    contact: str = ""  # a service address (never a person's): checked, warned about
    bom: bool = False  # UTF-8 with BOM, for Excel users
    line_ending: str = "\n"  # "\n" or "\r\n", used for every line
    neutralise_formulas: bool = False  # prefix =, +, -, @ cells with ' (reported either way)
    write_json: bool = True
    embed_schema: bool = True  # the schema itself in datapackage.json (else its id and URL)
    schema_url: str = ""
    overwrite: bool = False

    def __post_init__(self) -> None:
        if self.line_ending not in ("\n", "\r\n"):
            raise ExportError.coded("export-line-ending")
        licence_descriptor(self.licence)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["line_ending"] = "crlf" if self.line_ending == "\r\n" else "lf"
        data.pop("overwrite")
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ExportOptions:
        known = {f.name for f in fields(cls)}
        clean = {k: v for k, v in (data or {}).items() if k in known}
        if "line_ending" in clean:
            clean["line_ending"] = "\r\n" if str(clean["line_ending"]).lower() in ("crlf", "\r\n") else "\n"
        return cls(**clean)


def slugify(text: str, default: str = "donnees") -> str:
    """A file name anyone can type: lower-case ASCII, digits and dashes."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    return slug[:80].strip("-") or default


_PERSONAL_EMAIL = re.compile(r"^[a-z]+[.\-_][a-z]+(\.[a-z]+)?\d*@", re.IGNORECASE)
_SERVICE_WORDS = ("contact", "service", "accueil", "donnees", "data", "opendata", "open-data", "dpo", "secretariat",
                  "mairie", "direction", "bureau", "support", "info", "communication", "courrier", "pole", "mission")


def contact_warning(contact: str) -> str | None:
    """A warning (French ``str``, ``text("en")``) when the contact looks like a person's address rather than a
    service's."""
    text = contact.strip()
    if not text:
        return None
    local = text.split("@", 1)[0].lower()
    if _PERSONAL_EMAIL.match(text) and not any(w in local for w in _SERVICE_WORDS):
        return PipelineNote("contact-personal", contact=text)
    return None
