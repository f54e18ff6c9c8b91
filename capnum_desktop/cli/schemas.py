"""``capnum schemas``: the national standards available offline (id to pass to ``--schema``), and imports.

``--schema ID`` takes the latest version; ``--schema ID@VERSION`` a given one (``scdl/subventions@2.1.1``).
``--import FILE`` adds a schema downloaded from schema.data.gouv.fr, or a catalogue archive, offline.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from capnum_desktop.cli._output import print_json
from capnum_desktop.core.schemas import list_schemas, load_schema

NAME = "schemas"
HELP = (
    "lister les schémas nationaux disponibles (identifiant à donner à --schema, versions, producteur, "
    "licence) ; --import FICHIER ajoute un schéma ou un catalogue téléchargé"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="sortie JSON (un objet) pour les scripts")
    parser.add_argument(
        "--import",
        dest="import_file",
        metavar="FICHIER",
        type=Path,
        help="ajouter un schéma (schema.json téléchargé sur schema.data.gouv.fr) ou un catalogue "
        "(.zip ou dossier avec index.json) au catalogue local, sans connexion",
    )
    parser.add_argument(
        "--id",
        dest="schema_id",
        default="",
        help="avec --import : identifiant du catalogue auquel rattacher le schéma (ex. scdl/subventions)",
    )


def run(args: argparse.Namespace) -> int:
    if args.import_file is not None:
        return _import(args)
    entries = list_schemas()
    if args.json:
        items = []
        for entry in entries:
            item = entry.to_dict()
            item["fields"] = len(load_schema(entry.ref).fields)
            items.append(item)
        print_json({"schemas": items})
        return 0
    width = min(40, max(len(e.id) for e in entries))  # a very long id takes its own width, not everyone's
    for entry in entries:
        older = f"  (aussi : {', '.join(entry.versions[1:])})" if len(entry.versions) > 1 else ""
        print(f"{entry.id:<{width}}  v{entry.version:<7} {entry.title}{older}")
    print(
        f"\n{len(entries)} schémas. Une version précise : --schema ID@VERSION. "
        "Sources, producteurs et licences : capnum schemas --json"
    )
    return 0


def _import(args: argparse.Namespace) -> int:
    from capnum_desktop.core.schemas.catalogue_import import import_schemas

    added = import_schemas(args.import_file, schema_id=args.schema_id)
    if args.json:
        print_json({"imported": [e.to_dict() for e in added]})
        return 0
    for entry in added:
        print(
            f"Importé : {entry.id} v{entry.version} — {entry.title} (versions : {', '.join(entry.versions)})"
        )
    return 0
