"""Merge ``schemas/tools/upstream.json`` (schemas taken from their standard's own repository) into index.json.

Developer tool, not shipped logic. Each schema file listed in upstream.json was taken unchanged from the
repository and commit it names (the catalogue of schema.data.gouv.fr lists these repositories); its
official example files (``exemple-valide.csv``) were taken the same way, from the same repository, and
are bundled beside it under ``examples/`` so the catalogue test can validate them. Run after editing
upstream.json: ``python schemas/tools/add_upstream.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent


def _version(path: Path) -> str:
    return str(json.loads(path.read_text(encoding="utf-8")).get("version", "")).lstrip("vV")


def main() -> None:
    index_path = HERE / "index.json"
    index = json.loads(index_path.read_text(encoding="utf-8"))
    by_id = {s["id"]: s for s in index["schemas"]}
    for item in json.loads((Path(__file__).parent / "upstream.json").read_text(encoding="utf-8"))["schemas"]:
        versions = []
        for v in item["versions"]:
            path = HERE / v["path"]
            if not path.is_file():
                raise SystemExit(f"missing {path}")
            versions.append({"version": _version(path), **v})  # the catalogue's version name wins
        versions.sort(
            key=lambda v: [int(p) if p.isdigit() else 0 for p in v["version"].split(".")], reverse=True
        )
        existing = by_id.get(item["id"])
        if existing is not None and "versions" not in existing:  # a rebuild_catalogue.py entry: keep it first
            existing["versions"] = [
                {
                    k: existing[k]
                    for k in ("version", "path", "source_url", "upstream_commit")
                    if k in existing
                }
            ]
        entry = existing or {"id": item["id"]}
        for key in ("title", "description", "producer", "licence", "homepage", "upstream", "aliases"):
            if key in item:
                entry[key] = item[key]
        known = {v["version"] for v in entry.get("versions", [])}
        entry["versions"] = entry.get("versions", []) + [v for v in versions if v["version"] not in known]
        entry["versions"].sort(
            key=lambda v: [int(p) if p.isdigit() else 0 for p in v["version"].split(".")], reverse=True
        )
        latest = entry["versions"][0]
        entry.update(
            {k: latest[k] for k in ("version", "path", "source_url", "upstream_commit") if k in latest}
        )
        if item.get("examples"):
            entry["examples"] = item["examples"]
        if existing is None:
            index["schemas"].append(entry)
            by_id[item["id"]] = entry
    index_path.write_text(json.dumps(index, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
