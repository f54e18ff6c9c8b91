"""The rebuild script turns the npm package's tarball into the bundled TSV + JSON (a tarball made here)."""

from __future__ import annotations

import gzip
import io
import json
import runpy
import tarfile
from pathlib import Path

from capnum_desktop.resources import resource_path

COMMUNES = [
    {"code": "01053", "nom": "Bourg-en-Bresse", "type": "commune-actuelle", "codesPostaux": ["01000"],
     "population": 42372, "anciensCodes": ["01999"]},
    {"code": "01015", "nom": "Arbignieu", "type": "commune-deleguee", "chefLieu": "01015"},
    {"code": "13201", "nom": "Marseille 1er Arrondissement", "type": "arrondissement-municipal",
     "commune": "13055", "codesPostaux": ["13001"], "population": 37599},
]  # fmt: skip


def _tarball(tmp_path: Path) -> Path:
    path = tmp_path / "decoupage.tgz"
    files = {
        "package/package.json": {
            "name": "@etalab/decoupage-administratif",
            "version": "9.9.9",
            "license": "MIT",
        },
        "package/data/communes.json": COMMUNES,
        "package/data/epci.json": [
            {
                "code": "200069193",
                "nom": "CC de la Dombes",
                "type": "CC",
                "populationMunicipale": 40000,
                "membres": [{"code": "01053"}, {"code": "01015"}],
            },
        ],
        "package/data/departements.json": [
            {"code": "01", "nom": "Ain"},
            {"code": "13", "nom": "Bouches-du-Rhône"},
        ],
    }
    with tarfile.open(path, "w:gz") as archive:
        for name, content in files.items():
            data = json.dumps(content).encode("utf-8")
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


def test_rebuild_script_writes_the_bundled_format(tmp_path: Path) -> None:
    script = runpy.run_path(str(resource_path("reference", "build_communes.py")))
    out = tmp_path / "out"
    out.mkdir()
    script["main"]([str(_tarball(tmp_path)), str(out)])
    lines = gzip.decompress((out / "communes.tsv.gz").read_bytes()).decode("utf-8").splitlines()
    info = json.loads((out / "communes.json").read_text(encoding="utf-8"))
    assert lines[0].split("\t") == info["columns"]
    assert lines[1:] == [
        "01015\tArbignieu\tD\t01015\t\t\t",
        "01053\tBourg-en-Bresse\tC\t\t01000\t42372\t01999",
        "13201\tMarseille 1er Arrondissement\tM\t13055\t13001\t37599\t",
    ]
    assert (
        info["communes"] == 3
        and "9.9.9" in info["source"]
        and info["departements"]["13"] == "Bouches-du-Rhône"
    )
    epci = gzip.decompress((out / "epci.tsv.gz").read_bytes()).decode("utf-8")
    assert (
        epci
        == "siren\tnom\ttype\tpopulation\n200069193\tCC de la Dombes\tCC\t40000\n\n01015\t200069193\n01053\t200069193\n"
    )
    assert info["epci"] == 1
    # the bundled file has the same layout
    bundled = json.loads(resource_path("reference", "communes.json").read_text(encoding="utf-8"))
    assert bundled["columns"] == info["columns"]
