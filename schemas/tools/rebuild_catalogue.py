"""Rebuild the bundled catalogue (schemas/<id>/schema.json + schemas/index.json) from the reference copies.

Developer tool, not shipped logic: run it when a reference schema is updated
(``python schemas/tools/rebuild_catalogue.py ../shared/reference/schemas``). Each schema is bundled with
its published field definitions unchanged (names, types, formats, constraints, enums, descriptions,
examples, custom checks), so that the app validates exactly what the standard says; the index records
where it comes from and under which licence.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent

LO2 = "Licence Ouverte 2.0 (etalab-2.0)"
UNSTATED = "non précisée par l'éditeur (schéma publié sur schema.data.gouv.fr)"

# reference folder / file -> (catalogue id, licence as found, upstream repository, commit, aliases)
SOURCES: list[tuple[str, str, str, str, str, list[str]]] = [
    ("scdl-subventions/schema.json", "scdl/subventions", "Unlicense (domaine public)",
     "gitlab.com/opendatafrance/scdl/subventions (via github.com/betagouv/SCDL-Subvention-DataSubvention)",
     "706ad0121b3ba8deed9ba215e00b28349a2364ad", ["subventions", "scdl-subventions"]),
    ("scdl-deliberations/schema.json", "scdl/deliberations", UNSTATED,
     "gitlab.com/opendatafrance/scdl/deliberations (copie consolidée de schema.data.gouv.fr)",
     "0bd884a05d7c64c4143307b22c5e09f2612e3389", ["deliberations", "scdl-deliberations"]),
    ("scdl-equipements/schema.json", "scdl/equipements", UNSTATED,
     "gitlab.com/opendatafrance/scdl/equipements (copie consolidée de schema.data.gouv.fr)",
     "0bd884a05d7c64c4143307b22c5e09f2612e3389", ["equipements", "scdl-equipements"]),
    ("scdl-budget/schema.json", "scdl/budget", UNSTATED,
     "gitlab.com/opendatafrance/scdl/budget (copie consolidée de schema.data.gouv.fr)",
     "0bd884a05d7c64c4143307b22c5e09f2612e3389", ["budget", "scdl-budget"]),
    ("scdl-catalogue/schema.json", "scdl/catalogue", UNSTATED,
     "gitlab.com/opendatafrance/scdl/catalogue (copie consolidée de schema.data.gouv.fr)",
     "0bd884a05d7c64c4143307b22c5e09f2612e3389", ["catalogue", "scdl-catalogue"]),
    ("scdl-prenoms/schema.json", "scdl/prenoms", UNSTATED,
     "gitlab.com/opendatafrance/scdl/prenoms (copie consolidée de schema.data.gouv.fr)",
     "0bd884a05d7c64c4143307b22c5e09f2612e3389", ["prenoms", "scdl-prenoms"]),
    ("scdl-menus-collectifs/schema.json", "scdl/menus-collectifs", UNSTATED,
     "gitlab.com/opendatafrance/scdl/menus-collectifs (copie consolidée de schema.data.gouv.fr)",
     "0bd884a05d7c64c4143307b22c5e09f2612e3389", ["menus-collectifs", "scdl-menus-collectifs"]),
    ("scdl-plats-menus-collectifs/schema.json", "scdl/plats-menus-collectifs", UNSTATED,
     "gitlab.com/opendatafrance/scdl/plats-menus-collectifs (copie consolidée de schema.data.gouv.fr)",
     "0bd884a05d7c64c4143307b22c5e09f2612e3389", ["plats-menus-collectifs", "scdl-plats-menus-collectifs"]),
    ("dispositif-aide/schema.json", "etalab/dispositif-aide", LO2, "github.com/etalab/schema-dispositif-aide",
     "94da691a5587ce6f83fa745f70696828f09e8d9c", ["dispositif-aide"]),
    ("irve-statique/schema-statique.json", "etalab/schema-irve-statique", LO2 + " (publié par transport.data.gouv.fr)",
     "github.com/etalab/schema-irve", "c54787771bd8786d5f997e5d088c9688ba25e744", ["irve-statique", "irve"]),
    ("irve-dynamique/schema-dynamique.json", "etalab/schema-irve-dynamique", LO2 + " (publié par transport.data.gouv.fr)",
     "github.com/etalab/schema-irve", "c54787771bd8786d5f997e5d088c9688ba25e744", ["irve-dynamique"]),
    ("lieux-covoiturage/schema.json", "etalab/schema-lieux-covoiturage", LO2, "github.com/etalab/lieux-covoiturage",
     "3c9c1df167e82281b60a332605fd5b1757542ffc", ["lieux-covoiturage", "covoiturage"]),
    ("decp-dpa/schema.json", "etalab/schema-decp-dpa", UNSTATED, "github.com/etalab/schema-decp-dpa",
     "5c54ba2196c957abcaf106e98264a0ee7ceafa06", ["decp-dpa", "profils-acheteurs"]),
    ("hautes-remunerations/schema.json", "etalab/schema-hautes-remunerations", LO2,
     "github.com/etalab/schema-hautes-remunerations", "4acf9445335d51031033a75b646e5b55fdd8dfce",
     ["hautes-remunerations"]),
    ("dae/latest/schema.json", "atlasante/schema-dae", UNSTATED,
     "gitlab.com/arsante/atlasante/schema-dae (copie consolidée de schema.data.gouv.fr)",
     "0bd884a05d7c64c4143307b22c5e09f2612e3389", ["dae", "defibrillateurs"]),
    ("registre-entrees-archives/schema.json", "Archivistes75/registre_entrees", LO2,
     "github.com/Archivistes75/registre_entrees", "19ff045253b615af0e252d999736b3d51c0aa445",
     ["registre-entrees-archives", "registre-entrees"]),
    ("stationnement/schema.json", "etalab/schema-stationnement", LO2, "github.com/etalab/schema-stationnement",
     "59d5691c98221475a904239f261585db9e0a7de6", ["stationnement"]),
    ("stations-taxi/schema.json", "openmaraude/schema-stationstaxi", LO2, "github.com/openmaraude/schema-stationstaxi",
     "ca38a0622ec322733e37a87b2f8eef1acdbd9708", ["stations-taxi"]),
    ("fontaine-eau/schema.json", "datagouv/schema-fontaine-eau", LO2, "github.com/datagouv/schema-fontaine-eau",
     "c071e4b7db73f761017d23ef8e2d68a2ae4c158b", ["fontaine-eau"]),
    ("mediation-numerique/schema.json", "LaMednum/standard-mediation-num", LO2,
     "github.com/LaMednum/standard-mediation-num", "e347ff40a0072ed2e0caf7f04384dfd2c84dbaff",
     ["mediation-numerique"]),
    ("sdirve/schema.json", "etalab/schema-sdirve", LO2, "github.com/etalab/schema-sdirve",
     "7c361618c0a5e114bf56b0b9a0be8abcde894bfc", ["sdirve"]),
]


# Who publishes each standard (catalogue owner -> producer shown by ``capnum schemas --json``)
PRODUCERS = {
    "scdl": "OpenDataFrance (Socle commun des données locales)",
    "etalab": "Etalab (DINUM)",
    "atlasante": "AtlaSanté (Agences régionales de santé)",
    "Archivistes75": "Association des archivistes français",
    "openmaraude": "le.taxi (ministère chargé des transports)",
    "datagouv": "data.gouv.fr (DINUM)",
    "LaMednum": "La MedNum",
}
TRANSPORT = ("etalab/schema-irve-statique", "etalab/schema-irve-dynamique", "etalab/schema-lieux-covoiturage")


def producer(schema_id: str) -> str:
    return "transport.data.gouv.fr" if schema_id in TRANSPORT else PRODUCERS[schema_id.split("/")[0]]


def _versioned_url(info: dict, version: str) -> str:
    """The catalogue URL of exactly the bundled version (``latest`` only when that version is not listed)."""
    for v in info.get("versions", []):
        if v["version_name"].lstrip("v") == version.lstrip("v"):
            return v["schema_url"]
    return info["schema_url"]


def main(reference: Path) -> None:
    catalogue = {s["name"]: s for s in json.loads((reference / "_catalogue" / "schemas.json").read_text())["schemas"]}
    entries = []
    for rel, schema_id, licence, repo, commit, aliases in SOURCES:
        raw = (reference / rel).read_bytes()
        descriptor = json.loads(raw)
        target = HERE / schema_id / "schema.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(raw)  # byte for byte: the published definitions, unchanged
        info = catalogue[schema_id]
        entries.append(
            {
                "id": schema_id,
                "title": info.get("title") or descriptor.get("title") or schema_id,
                "description": info.get("description") or descriptor.get("description", ""),
                "producer": producer(schema_id),
                "version": str(descriptor.get("version", "")).lstrip("v"),
                "path": f"{schema_id}/schema.json",
                "source_url": _versioned_url(info, str(descriptor.get("version", ""))),
                "homepage": info.get("homepage") or "",
                "upstream": repo,
                "upstream_commit": commit,
                "licence": licence,
                "aliases": aliases,
            }
        )
    index = {"version": 1, "generated_from": "schema.data.gouv.fr catalogue + upstream repositories", "schemas": entries}
    (HERE / "index.json").write_text(json.dumps(index, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent.parent / "shared" / "reference" / "schemas")
