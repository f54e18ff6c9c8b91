"""What is bundled and under which licence: the app, its Python components, the national schemas. No Qt.

Everything is read at run time, never typed in by hand: the components' names, versions and licences come
from the installed packages' metadata (``importlib.metadata``; build.spec copies the dist-info folders into
the frozen app), the schemas' sources and licences from ``schemas/index.json``. The "À propos" dialog and
anyone auditing a build use these lists.
"""

from __future__ import annotations

import json
import platform
import re
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from capnum_desktop import resources

APP_DISTRIBUTION = "capnum-desktop"
UNKNOWN = ""  # licence not stated in the metadata: the UI says so in words

# A metadata "License" field longer than this is the licence's full text, not its name.
_MAX_LICENCE_NAME = 120


@dataclass(frozen=True)
class Component:
    """One bundled software component."""

    name: str
    version: str
    licence: str
    url: str = ""


@dataclass(frozen=True)
class SchemaSource:
    """Where a bundled schema comes from and under which licence it is reused."""

    id: str
    title: str
    version: str
    source_url: str
    licence: str


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _header(meta: metadata.PackageMetadata, key: str) -> str:
    """The first value of a metadata field, or "" (``get_all`` is the typed way to read an optional one)."""
    values = meta.get_all(key)
    return str(values[0]) if values else ""


def _licence_of(meta: metadata.PackageMetadata) -> str:
    """The licence's short name: License-Expression, else a short License field, else the classifiers."""
    expression = _header(meta, "License-Expression").strip()
    if expression:
        return expression
    field = _header(meta, "License").strip()
    if field.upper() == "UNKNOWN":
        field = ""
    if field and "\n" not in field and len(field) <= _MAX_LICENCE_NAME:
        return field
    classifiers = [
        c.split("::")[-1].strip() for c in meta.get_all("Classifier") or [] if c.startswith("License ::")
    ]
    classifiers = [c for c in classifiers if c and c != "OSI Approved"]
    if classifiers:
        return " / ".join(dict.fromkeys(classifiers))
    if field:  # a full licence text: its first non-empty line usually names it
        first = next((line.strip() for line in field.splitlines() if line.strip()), "")
        return first[:_MAX_LICENCE_NAME]
    return UNKNOWN


def _url_of(meta: metadata.PackageMetadata) -> str:
    home = _header(meta, "Home-page").strip()
    if home:
        return home
    urls: dict[str, str] = {}
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        urls[label.strip().lower()] = url.strip()
    for label in ("homepage", "home", "source", "source code", "repository", "documentation"):
        if urls.get(label):
            return urls[label]
    return next(iter(urls.values()), "")


def _requirement_names(dist: metadata.Distribution) -> list[str]:
    """Names of the runtime requirements of ``dist`` (extras left out)."""
    names = []
    for requirement in dist.requires or []:
        spec, _, marker = requirement.partition(";")
        if "extra" in marker:
            continue
        match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", spec)
        if match:
            names.append(match.group(1))
    return names


def app_version() -> str:
    try:
        return metadata.version(APP_DISTRIBUTION)
    except metadata.PackageNotFoundError:
        from capnum_desktop import __version__

        return __version__


def app_licence() -> str:
    """The app's own licence as pyproject.toml declares it (EUPL-1.2)."""
    try:
        return _licence_of(metadata.metadata(APP_DISTRIBUTION)) or "EUPL-1.2"
    except metadata.PackageNotFoundError:
        return "EUPL-1.2"


def bundled_components(root: str = APP_DISTRIBUTION) -> list[Component]:
    """Python and every installed package the app depends on, directly or not, sorted by name.

    Follows the ``Requires-Dist`` of ``root`` (without extras); a requirement that is not installed
    (e.g. limited to another platform) is skipped, as it is not bundled either.
    """
    components = {
        "python": Component("Python", platform.python_version(), "PSF-2.0", "https://www.python.org/")
    }
    try:
        pending = _requirement_names(metadata.distribution(root))
    except metadata.PackageNotFoundError:
        pending = []
    seen: set[str] = set()
    while pending:
        name = _canonical(pending.pop())
        if name in seen:
            continue
        seen.add(name)
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        meta = dist.metadata
        components[name] = Component(meta["Name"] or name, dist.version, _licence_of(meta), _url_of(meta))
        pending.extend(_requirement_names(dist))
    return sorted(components.values(), key=lambda c: c.name.lower())


def _first(entry: dict[str, Any], *keys: str) -> str:
    for key in keys:
        value = entry.get(key)
        if isinstance(value, dict):  # e.g. {"licence": {"name": "...", "path": "..."}}
            value = value.get("title") or value.get("name") or value.get("path")
        if isinstance(value, list) and value and isinstance(value[0], dict):  # Data Package "licenses"
            value = value[0].get("title") or value[0].get("name") or value[0].get("path")
        if value:
            return str(value)
    return ""


def schema_sources(index_path: Path | None = None) -> list[SchemaSource]:
    """The bundled schemas listed in ``schemas/index.json``; empty if the index is absent or unreadable."""
    path = index_path or resources.schema_dir() / "index.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if isinstance(data, dict):
        entries = data.get("schemas", data.get("entries", data))
        if isinstance(entries, dict):  # {id: entry}
            entries = [{"id": key, **value} for key, value in entries.items() if isinstance(value, dict)]
    else:
        entries = data
    if not isinstance(entries, list):
        return []
    sources = []
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        sources.append(
            SchemaSource(
                id=_first(entry, "id", "name"),
                title=_first(entry, "title", "id", "name"),
                version=_first(entry, "version"),
                source_url=_first(entry, "source_url", "source", "url", "homepage"),
                licence=_first(entry, "licence", "license", "licenses", "licences"),
            )
        )
    return sorted(sources, key=lambda s: s.id)
