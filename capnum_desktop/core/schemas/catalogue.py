"""The schema catalogue: bundled national standards, and loading any Table Schema by id or by path.

Schemas are loaded tolerantly: a few published standards break frictionless 5's strict descriptor rules
(a schema ``name`` with spaces, a ``pattern`` on a date field). Refusing them would leave the agent with
no way to publish, so they load anyway and :attr:`Schema.warnings` says what is wrong, in French.
"""

from __future__ import annotations

import contextlib
import copy
import json
import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from capnum_desktop.core.errors import SchemaError
from capnum_desktop.resources import schema_dir


@dataclass(frozen=True)
class SchemaEntry:
    """One standard as the catalogue lists it (no need to load the schema to show it).

    ``version`` and ``path`` are those of the version this entry stands for (the latest for
    :func:`list_schemas`); ``versions`` lists every version available offline, newest first, each
    loadable with ``load_schema("<id>@<version>")``.
    """

    id: str
    title: str
    description: str
    version: str
    source_url: str
    licence: str
    path: Path
    homepage: str = ""
    aliases: tuple[str, ...] = ()
    producer: str = ""
    versions: tuple[str, ...] = ()
    origin: str = "bundled"  # "bundled" with CapNum, or "imported" by the user (capnum schemas --import)

    @property
    def ref(self) -> str:
        """The reference that loads exactly this version: ``id@version``."""
        return f"{self.id}@{self.version}" if self.version else self.id

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "description": self.description,
            "version": self.version,
            "versions": list(self.versions or (self.version,)),
            "producer": self.producer,
            "source_url": self.source_url,
            "licence": self.licence,
            "homepage": self.homepage,
            "origin": self.origin,
        }


@dataclass(frozen=True, eq=False)
class Schema:
    """A Table Schema ready for matching, conversion and validation.

    ``descriptor`` is the Table Schema dict as published (never modified); ``fields`` its field list.
    ``custom_checks`` lists the Validata checks with their names normalised to kebab-case.
    """

    id: str
    title: str
    descriptor: dict[str, Any]
    fields: list[dict[str, Any]]
    custom_checks: list[dict[str, Any]] = field(default_factory=list)
    warnings: tuple[str, ...] = ()
    version: str = ""
    source: str = ""  # "catalogue", a file path, or "inferred"

    @property
    def field_names(self) -> list[str]:
        return [str(f["name"]) for f in self.fields]

    def field(self, name: str) -> dict[str, Any]:
        """The field called ``name`` (SchemaError if the schema has none)."""
        for f in self.fields:
            if f["name"] == name:
                return f
        raise SchemaError.coded("schema-field-missing", title=self.title, field=name)

    def has_field(self, name: str) -> bool:
        return any(f["name"] == name for f in self.fields)

    @property
    def required_fields(self) -> list[str]:
        return [f["name"] for f in self.fields if (f.get("constraints") or {}).get("required")]

    @property
    def primary_key(self) -> list[str]:
        pk = self.descriptor.get("primaryKey") or []
        return [pk] if isinstance(pk, str) else list(pk)

    def checks_for(self, name: str) -> tuple[str, ...]:
        """Names of the single-column custom checks that apply to field ``name``."""
        return tuple(c["name"] for c in self.custom_checks if (c.get("params") or {}).get("column") == name)

    @property
    def missing_values(self) -> list[str]:
        return list(self.descriptor.get("missingValues", [""]))

    def to_dict(self) -> dict[str, Any]:
        """Enough to rebuild the schema (a recipe stores this for inferred or edited schemas)."""
        return {"id": self.id, "title": self.title, "descriptor": self.descriptor, "source": self.source}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Schema:
        return schema_from_descriptor(
            data["descriptor"],
            schema_id=data.get("id", ""),
            source=data.get("source", ""),
            title=data.get("title"),
        )


# --------------------------------------------------------------------------------------------- catalogue


def _read_index(folder: Path, origin: str) -> list[SchemaEntry]:
    """Every version listed by one ``index.json`` (bundled or imported), one entry per version."""
    raw = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    entries = []
    for item in raw["schemas"]:
        versions = item.get("versions") or [item]
        for version in versions:
            entries.append(
                SchemaEntry(
                    id=item["id"],
                    title=version.get("title") or item["title"],
                    description=item.get("description", ""),
                    version=str(version.get("version", "")).lstrip("v"),
                    source_url=version.get("source_url", item.get("source_url", "")),
                    licence=item.get("licence", ""),
                    path=folder / version["path"],
                    homepage=item.get("homepage", ""),
                    aliases=tuple(item.get("aliases", ())),
                    producer=item.get("producer", ""),
                    origin=origin,
                )
            )
    return entries


def version_key(version: str) -> tuple[Any, ...]:
    """Sort key of a version name: ``2.10.0`` after ``2.9.1``, ``1.0.0-rc1`` before ``1.0.0``."""
    pieces = re.split(r"[.\-+]", version.lstrip("vV"))
    numbers: list[int] = []
    while pieces and pieces[0].isdigit():
        numbers.append(int(pieces.pop(0)))
    numbers += [0] * (4 - len(numbers))
    return (tuple(numbers), 0 if pieces else 1, tuple(pieces))


@lru_cache(maxsize=1)
def _all_versions() -> dict[str, dict[str, SchemaEntry]]:
    """id -> version -> entry, bundled first, then the user's imports (an import replaces the same version)."""
    try:
        entries = _read_index(schema_dir(), "bundled")
    except (OSError, ValueError, KeyError) as exc:
        raise SchemaError.coded("catalogue-damaged") from exc
    imported = user_schema_dir()
    if (imported / "index.json").is_file():
        # a damaged import must not hide the bundled catalogue; capnum schemas --import rewrites it
        with contextlib.suppress(OSError, ValueError, KeyError):
            entries += _read_index(imported, "imported")
    table: dict[str, dict[str, SchemaEntry]] = {}
    for entry in entries:
        table.setdefault(entry.id, {})[entry.version] = entry
    return table


@lru_cache(maxsize=1)
def _index() -> tuple[SchemaEntry, ...]:
    """The latest version of each standard, with the list of every version available."""
    latest = []
    for versions in _all_versions().values():
        names = sorted(versions, key=version_key, reverse=True)
        latest.append(replace(versions[names[0]], versions=tuple(names)))
    return tuple(latest)


def schema_versions(schema_id: str) -> list[SchemaEntry]:
    """Every version of one standard available offline, newest first (empty for an unknown id)."""
    entry = find_entry(schema_id.partition("@")[0])
    if entry is None:
        return []
    versions = _all_versions()[entry.id]
    return [replace(versions[v], versions=entry.versions) for v in entry.versions]


def reload_catalogue() -> None:
    """Forget the cached catalogue and loaded schemas (after an import replaced a file)."""
    _all_versions.cache_clear()
    _index.cache_clear()
    _load_entry.cache_clear()


def user_schema_dir() -> Path:
    """Where ``capnum schemas --import`` puts schemas (in the user's data folder, kept across updates)."""
    from capnum_desktop.paths import data_dir

    return data_dir() / "schemas"


def list_schemas() -> list[SchemaEntry]:
    """The standards available offline (bundled and imported), latest version of each, in catalogue order."""
    return list(_index())


def find_entry(name: str) -> SchemaEntry | None:
    """The catalogue entry whose id or alias is ``name`` (case-insensitive), if any.

    ``name@version`` (or ``name@latest``) gives that version's entry; an unknown version is an error
    that lists the versions available.
    """
    key, _, wanted = name.strip().partition("@")
    key = key.strip().lower()
    wanted = wanted.strip().lstrip("vV")
    for entry in _index():
        if key == entry.id.lower() or key in (a.lower() for a in entry.aliases):
            if not wanted or wanted == "latest" or wanted == entry.version:
                return entry
            found = _all_versions()[entry.id].get(wanted)
            if found is None:
                raise SchemaError.coded("schema-version-missing", title=entry.title, version=wanted,
                                        versions=", ".join(entry.versions))
            return replace(found, versions=entry.versions)
    return None


def load_schema(id_or_path: str | Path) -> Schema:
    """A catalogue schema by id (``scdl/subventions``, latest version) or id and version
    (``scdl/subventions@2.1.1``), or a Table Schema / datapackage file (JSON or YAML)."""
    if isinstance(id_or_path, str):
        entry = find_entry(id_or_path)
        if entry is not None:
            return copy.deepcopy(_load_entry(entry))  # callers may edit their copy
    path = Path(id_or_path)
    if not path.is_file():
        raise SchemaError.coded("schema-not-found", name=str(id_or_path))
    return load_schema_file(path)


@lru_cache(maxsize=64)
def _load_entry(entry: SchemaEntry, *, review: bool = True) -> Schema:
    descriptor = _read_descriptor(entry.path)
    return schema_from_descriptor(
        descriptor, schema_id=entry.id, source="catalogue", title=entry.title, version=entry.version, review=review,
        owned=True,  # just read from its file: nothing else holds it
    )


def schema_for_scoring(schema_id: str) -> Schema:
    """The catalogue schema ``schema_id`` as :func:`load_schema` gives it, but shared (not a copy: do not
    edit it) and without frictionless' strictness review in ``warnings``: ranking the catalogue reads
    only fields and checks, and reviewing its 35 standards cost ~0.3 s of every ``prepare`` (issue 18)."""
    entry = find_entry(schema_id)
    if entry is None:
        return load_schema(schema_id)  # raises the same error load_schema does
    return _load_entry(entry, review=False)


def load_schema_file(path: Path) -> Schema:
    """Read a Table Schema, or the first tabular resource's schema of a datapackage.json."""
    descriptor = _read_descriptor(path)
    warnings: list[str] = []
    if "resources" in descriptor and "fields" not in descriptor:
        descriptor, warnings = _schema_of_package(descriptor, path)
    schema_id = str(descriptor.get("name") or path.stem)
    schema = schema_from_descriptor(descriptor, schema_id=schema_id, source=str(path))
    if warnings:
        return replace(schema, warnings=tuple(warnings) + schema.warnings)
    return schema


def _read_descriptor(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise SchemaError.coded("schema-file-unreadable", name=path.name) from exc
    try:
        if path.suffix.lower() in (".yaml", ".yml"):
            import yaml

            data = yaml.safe_load(text)
        else:
            data = json.loads(text)
    except Exception as exc:  # json / yaml syntax errors
        raise SchemaError.coded("schema-file-syntax", name=path.name) from exc
    if not isinstance(data, dict):
        raise SchemaError.coded("not-a-schema", name=path.name)
    return data


def _schema_of_package(package: dict[str, Any], path: Path) -> tuple[dict[str, Any], list[str]]:
    resources = [r for r in package.get("resources", []) if isinstance(r, dict) and r.get("schema")]
    if not resources:
        raise SchemaError.coded("package-without-schema", name=path.name)
    warnings = []
    if len(resources) > 1:
        warnings.append(
            f"Ce datapackage décrit {len(resources)} tables ; CapNum utilise la première "
            f"(« {resources[0].get('name', '')} »)."
        )
    schema = resources[0]["schema"]
    if isinstance(schema, str):
        target = (path.parent / schema).resolve()
        if not target.is_file():
            raise SchemaError.coded("package-schema-missing", name=schema)
        schema = _read_descriptor(target)
    return schema, warnings


# ------------------------------------------------------------------------------------ building a Schema


def schema_from_descriptor(
    descriptor: dict[str, Any],
    *,
    schema_id: str = "",
    source: str = "",
    title: str | None = None,
    version: str | None = None,
    review: bool = True,
    owned: bool = False,
) -> Schema:
    """Build a :class:`Schema` from a Table Schema dict, tolerantly (problems become French warnings).

    ``review=False`` leaves out what frictionless 5 would refuse (see :func:`_strictness_warnings`).
    ``owned``: the caller hands over a descriptor nothing else holds (just read from a file), which the
    Schema keeps as it is instead of a deep copy (the ranking loads the 44 standards: issue 18)."""
    fields = descriptor.get("fields")
    if (
        not isinstance(fields, list)
        or not fields
        or not all(isinstance(f, dict) and f.get("name") for f in fields)
    ):
        raise SchemaError.coded("schema-without-named-fields")
    from capnum_desktop.core.validation.schema_check import refuse_unusable

    refuse_unusable(descriptor)  # a key naming an absent field, an unknown type…: no validator can use it
    if not owned:
        descriptor = copy.deepcopy(descriptor)
    warnings = list(_strictness_warnings(descriptor)) if review else []
    checks, check_warnings = normalise_custom_checks(descriptor.get("custom_checks") or [])
    warnings.extend(check_warnings)
    return Schema(
        id=schema_id or str(descriptor.get("name") or ""),
        title=title or str(descriptor.get("title") or descriptor.get("name") or schema_id or "Schéma"),
        descriptor=descriptor,
        fields=descriptor["fields"],
        custom_checks=checks,
        warnings=tuple(warnings),
        version=str(version if version is not None else descriptor.get("version", "")).lstrip("v"),
        source=source,
    )


def _strictness_warnings(descriptor: dict[str, Any]) -> list[str]:
    """What frictionless 5 would refuse in this descriptor, said in French (we load it anyway)."""
    from frictionless import Schema as FrictionlessSchema

    try:
        report = FrictionlessSchema.validate_descriptor(descriptor)
    except Exception:  # a descriptor so odd that the checker itself fails: still usable by us
        return [
            "Ce schéma n'a pas pu être vérifié par rapport à la norme Table Schema ; il est chargé tel quel."
        ]
    if report.valid:
        return []
    details = "; ".join(sorted({_short(e.message) for e in report.errors}))
    return [
        "Ce schéma ne respecte pas strictement la norme Table Schema (frictionless 5 le refuserait) ; "
        f"CapNum le charge quand même. Détail : {details}"
    ]


def _short(message: str) -> str:
    for prefix in ("Schema is not valid: ", "Field is not valid: "):
        message = message.removeprefix(prefix)
    return message[:200]


@lru_cache(maxsize=1)
def _known_checks() -> dict[str, str]:
    """Accepted spelling -> canonical name, from schemas/custom_checks.json."""
    raw = json.loads((schema_dir() / "custom_checks.json").read_text(encoding="utf-8"))
    known: dict[str, str] = {}
    for check in raw["checks"]:
        for name in (check["name"], *check.get("aliases", ())):
            known[_check_key(name)] = check["name"]
    return known


def _check_key(name: str) -> str:
    name = unicodedata.normalize("NFKC", str(name)).strip().lower()
    return name.replace("_", "-").replace(" ", "-")


def normalise_custom_checks(checks: list[Any]) -> tuple[list[dict[str, Any]], list[str]]:
    """Validata checks with canonical kebab-case names; unknown or malformed ones become warnings."""
    out: list[dict[str, Any]] = []
    warnings: list[str] = []
    for check in checks:
        if not isinstance(check, dict) or not check.get("name"):
            warnings.append(
                "Une règle de contrôle complémentaire (custom_checks) est mal formée ; elle est ignorée."
            )
            continue
        key = _check_key(check["name"])
        canonical = _known_checks().get(key)
        if canonical is None:
            warnings.append(
                f"Le contrôle complémentaire « {check['name']} » n'est pas connu de CapNum ; il ne sera pas vérifié."
            )
            out.append({"name": key, "params": dict(check.get("params") or {}), "known": False})
        else:
            out.append({"name": canonical, "params": dict(check.get("params") or {}), "known": True})
    return out, warnings
