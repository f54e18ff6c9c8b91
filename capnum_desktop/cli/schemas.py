"""``capnum schemas``: the national standards bundled with CapNum (id to pass to ``--schema``)."""

from __future__ import annotations

import argparse

from capnum_desktop.cli._output import print_json
from capnum_desktop.core.schemas import list_schemas, load_schema

NAME = "schemas"
HELP = "lister les schémas nationaux intégrés (identifiant à donner à --schema, version, source, licence)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="sortie JSON (un objet) pour les scripts")


def run(args: argparse.Namespace) -> int:
    entries = list_schemas()
    if args.json:
        items = []
        for entry in entries:
            item = entry.to_dict()
            item["fields"] = len(load_schema(entry.id).fields)
            items.append(item)
        print_json({"schemas": items})
        return 0
    width = max(len(e.id) for e in entries)
    for entry in entries:
        print(f"{entry.id:<{width}}  v{entry.version:<7} {entry.title}")
    print(f"\n{len(entries)} schémas. Sources et licences : capnum schemas --json")
    return 0
