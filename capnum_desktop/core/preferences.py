"""The user's preferences, as a versioned JSON file in the config folder. Must not import Qt.

Domain defaults the agent sets once (bureau name and SIRET used as producer and attribuant, their name for the
processing reports, default licence, default k for k-anonymity, export folder) and the interface
language. Unknown keys are ignored and missing ones take their default, so old files keep working.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import time
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from capnum_desktop import paths

log = logging.getLogger(__name__)

PREFERENCES_VERSION = 1
FILE_NAME = "preferences.json"
LICENCES = ("Licence Ouverte 2.0", "ODbL 1.0", "CC-BY 4.0", "CC0 1.0")


@dataclass(frozen=True)
class Preferences:
    """What the settings dialog edits."""

    language: str = "fr"
    bureau: str = ""
    siret: str = ""  # the organisation's SIRET (14 digits), filled into idAttribuant-like fields
    user_name: str = ""
    licence: str = LICENCES[0]
    k: int = 11
    export_dir: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"schema_version": PREFERENCES_VERSION, **asdict(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Preferences:
        data = _migrate(dict(data))
        known = {f.name: f for f in fields(cls)}
        values: dict[str, Any] = {}
        for name, value in data.items():
            if name not in known:
                continue
            default = getattr(cls(), name)
            try:
                values[name] = type(default)(value)
            except (TypeError, ValueError):
                log.warning("preference %s ignored (wrong type)", name)
        prefs = cls(**values)
        if prefs.language not in ("fr", "en"):
            prefs = replace(prefs, language="fr")
        if not 2 <= prefs.k <= 1000:
            prefs = replace(prefs, k=11)
        if siret_problem(prefs.siret):
            prefs = replace(prefs, siret="")
        else:
            prefs = replace(prefs, siret="".join(prefs.siret.split()))
        return prefs

    def with_changes(self, **changes: Any) -> Preferences:
        return replace(self, **changes)

    def organisation_constants(self, field_names: list[str]) -> dict[str, str]:
        """Values the organisation's name and SIRET give to a schema's fields (``nomAttribuant``,
        ``idAttribuant``, ``nomProducteur``…), for the fields the schema has. Associer fills them as
        constants where no column feeds the field: visible, and undoable like any other change."""
        out: dict[str, str] = {}
        for name in field_names:
            key = name.lower().replace("-", "_")
            if self.bureau and key in NAME_FIELDS:
                out[name] = self.bureau
            elif self.siret and key in SIRET_FIELDS:
                out[name] = self.siret
        return out


NAME_FIELDS = frozenset({"nomattribuant", "nom_attribuant", "producteur", "nom_producteur", "nomproducteur",
                         "publisher", "nomacheteur", "nom_acheteur"})
SIRET_FIELDS = frozenset({"idattribuant", "id_attribuant", "siret_attribuant", "idproducteur", "id_producteur",
                          "siret_producteur", "idacheteur", "id_acheteur", "siret_acheteur"})


def siret_status(value: str) -> str:
    """``""`` when ``value`` is empty or a valid SIRET (14 digits, spaces allowed, Luhn key checked with
    python-stdnum); ``"length"`` when it is not 14 digits; ``"key"`` when its check key is wrong."""
    digits = "".join(value.split())
    if not digits:
        return ""
    if not digits.isdigit() or len(digits) != 14:
        return "length"
    from stdnum.fr import siret

    return "" if siret.is_valid(digits) else "key"


SIRET_PROBLEMS = {
    "length": "Un SIRET compte 14 chiffres : vérifiez la saisie (espaces permis).",
    "key": "Ce SIRET n'est pas valide (clé de contrôle fausse) : vérifiez chaque chiffre.",
}


def siret_problem(value: str) -> str | None:
    """What is wrong with ``value`` as a SIRET, in French (None: empty or valid)."""
    return SIRET_PROBLEMS.get(siret_status(value))


def _migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Bring an older file up to :data:`PREFERENCES_VERSION` (version 1 is the first)."""
    data.pop("schema_version", None)
    return data


def preferences_path() -> Path:
    return paths.config_dir() / FILE_NAME


def load_preferences(path: Path | None = None) -> Preferences:
    """The saved preferences, or the defaults when the file is absent or unreadable."""
    path = path or preferences_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Preferences()
    except (OSError, ValueError):
        log.warning("preferences file unreadable, defaults used")
        return Preferences()
    return Preferences.from_dict(data) if isinstance(data, dict) else Preferences()


def save_preferences(prefs: Preferences, path: Path | None = None) -> Path:
    """Write the preferences atomically (a crash never leaves half a file)."""
    path = path or preferences_path()
    write_json_atomic(path, prefs.to_dict())
    return path


def write_json_atomic(path: Path, data: Any) -> None:
    """Write JSON to a temporary file beside ``path`` then rename it over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            # json.dump's own loop, with a pause every few thousand pieces: the GUI writes its autosave on
            # a thread, and a 24 MB document (a column fix of a million rows) otherwise kept the GIL from
            # the UI thread for 50-90 ms at a time (issue 16); the bytes written are the same
            encoder = json.JSONEncoder(ensure_ascii=False, indent=2)
            for i, chunk in enumerate(encoder.iterencode(data)):
                handle.write(chunk)
                if i % 5000 == 4999:
                    time.sleep(0)  # lets another thread take the GIL
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
