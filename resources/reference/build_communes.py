"""Rebuild ``communes.tsv.gz`` (the official list of French communes, offline) from the npm package.

Developer tool, not shipped logic. Source: ``@etalab/decoupage-administratif`` (MIT, Etalab), built from
INSEE's Code officiel géographique (COG), La Poste's postal codes and INSEE's legal populations. Run::

    python resources/reference/build_communes.py            # npm pack of the pinned version below
    python resources/reference/build_communes.py FILE.tgz    # an already downloaded package tarball
    python resources/reference/build_communes.py FILE.tgz OUT_DIR   # write elsewhere (tests)

The output is one gzip TSV line per commune (current communes, delegated and associated former
communes, municipal arrondissements of Paris, Lyon and Marseille) and ``communes.json`` saying where it
comes from, so the app can show the date of its reference data. ``epci.tsv.gz`` lists the EPCI (SIREN,
name, population) and, after a blank line, the commune -> EPCI membership (used by Protéger to bring a
small commune up to its intercommunalité).
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
PACKAGE = "@etalab/decoupage-administratif"
VERSION = "6.0.0"  # millésime 2026 of the COG (see the package README's table of versions)
MILLESIME = "2026"
TYPES = {
    "commune-actuelle": "C",
    "commune-deleguee": "D",
    "commune-associee": "A",
    "arrondissement-municipal": "M",
}
COLUMNS = ["code", "nom", "type", "parent", "codes_postaux", "population", "anciens_codes"]


def _tarball(argv: list[str]) -> bytes:
    if argv:
        return Path(argv[0]).read_bytes()
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", f"{PACKAGE}@{VERSION}"], cwd=tmp, check=True, capture_output=True)
        return next(Path(tmp).glob("*.tgz")).read_bytes()


def _member(archive: tarfile.TarFile, name: str) -> bytes:
    handle = archive.extractfile(f"package/{name}")
    if handle is None:
        raise SystemExit(f"{name} missing from the package")
    return handle.read()


def main(argv: list[str]) -> None:
    raw = _tarball(argv[:1])
    out_dir = Path(argv[1]) if len(argv) > 1 else HERE
    out_dir.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(raw), mode="r:gz") as archive:
        meta = json.loads(_member(archive, "package.json"))
        communes = json.loads(_member(archive, "data/communes.json"))
        departements = json.loads(_member(archive, "data/departements.json"))
        names = archive.getnames()
        epcis = json.loads(_member(archive, "data/epci.json")) if "package/data/epci.json" in names else []
    lines = ["\t".join(COLUMNS)]
    for c in sorted(communes, key=lambda c: (c["code"], c["type"] != "commune-actuelle", c["nom"])):
        lines.append(
            "\t".join(
                [
                    c["code"],
                    c["nom"],
                    TYPES[c["type"]],
                    c.get("chefLieu") or c.get("commune") or "",
                    " ".join(c.get("codesPostaux", [])),
                    str(c.get("population", "")),
                    " ".join(c.get("anciensCodes", [])),
                ]
            )
        )
    data = ("\n".join(lines) + "\n").encode("utf-8")
    target = out_dir / "communes.tsv.gz"
    target.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    if epcis:
        _write_epci(epcis, out_dir / "epci.tsv.gz")
    info = {
        "source": f"{PACKAGE} {meta['version']} (npm), licence {meta['license']}",
        "producer": "Etalab, d'après le Code officiel géographique (COG) de l'INSEE, les codes postaux de "
        "La Poste et les populations légales de l'INSEE",
        "millesime": MILLESIME,
        "package_sha256": hashlib.sha256(raw).hexdigest(),
        "communes": len(communes),
        "departements": {d["code"]: d["nom"] for d in departements},
        "columns": COLUMNS,
        "types": {v: k for k, v in TYPES.items()},
        "epci": len(epcis),
    }
    (out_dir / "communes.json").write_text(
        json.dumps(info, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(f"{len(communes)} lines, {target.stat().st_size} bytes gzip ({len(data)} bytes raw)")


def _write_epci(epcis: list[dict[str, object]], target: Path) -> None:
    """EPCI lines (``siren, nom, type, population``), a blank line, then ``commune, siren`` lines."""
    lines = ["siren\tnom\ttype\tpopulation"]
    members: list[tuple[str, str]] = []
    for e in sorted(epcis, key=lambda e: str(e["code"])):
        lines.append(f"{e['code']}\t{e['nom']}\t{e.get('type', '')}\t{e.get('populationMunicipale', '')}")
        members += [(str(m["code"]), str(e["code"])) for m in e.get("membres", [])]  # type: ignore[attr-defined]
    lines.append("")
    lines += [f"{code}\t{siren}" for code, siren in sorted(members)]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    target.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    print(f"{len(epcis)} EPCI, {len(members)} member communes, {target.stat().st_size} bytes gzip")


if __name__ == "__main__":
    main(sys.argv[1:])
