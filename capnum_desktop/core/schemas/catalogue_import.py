"""Add schemas to the offline catalogue: a newer version the agent downloaded, or a whole newer catalogue.

Nothing is fetched: the agent brings a file (a ``schema.json`` downloaded from schema.data.gouv.fr, or a
catalogue archive: a ``.zip`` or folder holding an ``index.json`` in CapNum's format with the schema
files it lists). Imported files go to the user's data folder (``<data>/schemas``), so the bundled
catalogue stays untouched and an update of CapNum keeps the imports. A same id + version replaces the
earlier import; the latest version of each standard is used by default.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from capnum_desktop.core.errors import SchemaError
from capnum_desktop.core.schemas.catalogue import (
    SchemaEntry,
    _read_descriptor,
    _read_index,
    list_schemas,
    reload_catalogue,
    schema_from_descriptor,
    user_schema_dir,
)
from capnum_desktop.core.schemas.text import fold


def import_schemas(source: Path, *, schema_id: str = "") -> list[SchemaEntry]:
    """Import a schema file, a catalogue folder or a catalogue ``.zip``; returns the entries added."""
    source = Path(source)
    if source.is_dir():
        return _import_catalogue(source)
    if not source.is_file():
        raise SchemaError(
            f"Le fichier « {source} » est introuvable.", "Vérifiez le chemin du fichier à importer."
        )
    if source.suffix.lower() == ".zip":
        with tempfile.TemporaryDirectory() as tmp:
            try:
                with zipfile.ZipFile(source) as archive:
                    archive.extractall(tmp)
            except (zipfile.BadZipFile, OSError) as exc:
                raise SchemaError.coded("import-archive-unreadable", name=source.name) from exc
            roots = [p.parent for p in Path(tmp).rglob("index.json")]
            if roots:
                return _import_catalogue(min(roots, key=lambda p: len(p.parts)))
            found = [
                p for p in sorted(Path(tmp).rglob("*")) if p.suffix.lower() in (".json", ".yaml", ".yml")
            ]
            added = []
            for path in found:
                try:
                    added.append(_import_one(path))
                except SchemaError:
                    continue  # documentation or example files beside the schemas
            if not added:
                raise SchemaError.coded("import-archive-empty", name=source.name)
            return added
    descriptor = _read_descriptor(source)
    if isinstance(descriptor.get("schemas"), list) and "fields" not in descriptor:
        if all(isinstance(s, dict) and s.get("path") for s in descriptor["schemas"]):
            return _import_catalogue(source.parent)
        raise SchemaError(
            f"« {source.name} » est la liste du catalogue national, sans les schémas eux-mêmes.",
            "Téléchargez le fichier schema.json de chaque schéma voulu (page du schéma sur "
            "schema.data.gouv.fr, bouton « Télécharger »), puis importez-le.",
        )
    return [_import_one(source, schema_id=schema_id)]


def _import_one(path: Path, *, schema_id: str = "") -> SchemaEntry:
    descriptor = _read_descriptor(path)
    schema_from_descriptor(descriptor)  # refuses a file that is not a usable Table Schema, in French
    version = str(descriptor.get("version") or "").lstrip("vV").strip()
    if not version:
        raise SchemaError(
            f"Le schéma « {path.name} » n'indique pas sa version (propriété « version »).",
            "Importez le fichier schema.json publié sur schema.data.gouv.fr pour une version donnée.",
        )
    known = _match_catalogue(descriptor, schema_id)
    target_id = schema_id or (known.id if known else f"importe/{_slug(descriptor.get('name') or path.stem)}")
    item = {
        "id": target_id,
        "title": (known.title if known else "") or str(descriptor.get("title") or target_id),
        "description": (known.description if known else "") or str(descriptor.get("description") or ""),
        "producer": known.producer if known else "",
        "licence": _licence(descriptor) or (known.licence if known else ""),
        "homepage": str(descriptor.get("homepage") or (known.homepage if known else "")),
        "aliases": list(known.aliases) if known else [],
    }
    relative = f"{target_id}/{version}/schema{path.suffix.lower()}"
    target = user_schema_dir() / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, target)
    _record(item, {"version": version, "path": relative, "source_url": str(descriptor.get("path") or "")})
    reload_catalogue()
    return next(e for e in list_schemas() if e.id == target_id)


def _import_catalogue(folder: Path) -> list[SchemaEntry]:
    try:
        entries = _read_index(folder, "imported")
    except (OSError, ValueError, KeyError) as exc:
        raise SchemaError.coded("import-index-unreadable", path=str(folder / "index.json")) from exc
    raw = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    items = {item["id"]: item for item in raw["schemas"]}
    for entry in entries:  # every listed file must be a usable schema before anything is copied
        if not entry.path.is_file():
            raise SchemaError.coded("import-file-missing", name=entry.path.name, schema_id=entry.id)
        schema_from_descriptor(_read_descriptor(entry.path))
    for entry in entries:
        relative = f"{entry.id}/{entry.version}/schema{entry.path.suffix.lower()}"
        target = user_schema_dir() / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(entry.path, target)
        item = {
            k: v for k, v in items[entry.id].items() if k not in ("versions", "path", "version", "source_url")
        }
        _record(item, {"version": entry.version, "path": relative, "source_url": entry.source_url})
    reload_catalogue()
    ids = {e.id for e in entries}
    return [e for e in list_schemas() if e.id in ids]


def _record(item: dict[str, Any], version: dict[str, str]) -> None:
    """Add one version to the user's index.json (same id + version: replaced)."""
    index_path = user_schema_dir() / "index.json"
    try:
        index = json.loads(index_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        index = {"version": 1, "generated_from": "capnum schemas --import", "schemas": []}
    current = next((s for s in index["schemas"] if s["id"] == item["id"]), None)
    if current is None:
        current = {**item, "versions": []}
        index["schemas"].append(current)
    else:
        current.update({k: v for k, v in item.items() if v})
    current["versions"] = [v for v in current["versions"] if v["version"] != version["version"]] + [version]
    index_path.parent.mkdir(parents=True, exist_ok=True)
    index_path.write_text(json.dumps(index, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _match_catalogue(descriptor: dict[str, Any], schema_id: str) -> SchemaEntry | None:
    """The catalogue standard a downloaded schema belongs to: by id, name/alias, homepage or title."""
    entries = list_schemas()
    if schema_id:
        return next((e for e in entries if e.id == schema_id), None)
    name = fold(str(descriptor.get("name") or ""))
    homepage = str(descriptor.get("homepage") or "").removesuffix(".git").rstrip("/").lower()
    title = fold(str(descriptor.get("title") or ""))
    for entry in entries:
        names = {fold(entry.id), fold(entry.id.split("/")[-1]), *(fold(a) for a in entry.aliases)}
        if name and name in names:
            return entry
        if homepage and homepage == entry.homepage.removesuffix(".git").rstrip("/").lower():
            return entry
    return next((e for e in entries if title and fold(e.title) == title), None)


def _licence(descriptor: dict[str, Any]) -> str:
    licences = descriptor.get("licenses") or []
    if licences and isinstance(licences[0], dict):
        return str(licences[0].get("title") or licences[0].get("name") or "")
    return ""


def _slug(name: str) -> str:
    return fold(str(name)).replace(" ", "-") or "schema"
