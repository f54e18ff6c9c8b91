"""Shared fixtures: where the reference files are, and an isolated user folder for every test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
# CAPNUM_NO_SHARED=1 runs the suite as a fresh clone would (no ../shared beside the checkout), so the
# skips a newcomer gets can be counted without renaming the folder others use.
SHARED = REPO.parent / "shared" if not os.environ.get("CAPNUM_NO_SHARED") else REPO.parent / "shared-absent"
REFERENCE = SHARED / "reference"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never touch the developer's real settings, autosave or keys."""
    home = tmp_path_factory.mktemp("capnum_home")
    monkeypatch.setenv("CAPNUM_HOME", str(home))
    return home


@pytest.fixture
def reference_dir() -> Path:
    """../shared/reference, or skip when this checkout has no shared folder beside it."""
    if not REFERENCE.is_dir():
        pytest.skip(f"the reference files are not here ({REFERENCE} is absent)")
    return REFERENCE


def reference(*parts: str) -> Path:
    """A file under ../shared/reference (skips the test when the folder is absent)."""
    path = REFERENCE.joinpath(*parts)
    if not REFERENCE.is_dir():
        pytest.skip(f"the reference files are not here ({REFERENCE} is absent)")
    return path


@pytest.fixture(params=["reference", "generated"])
def subsidy_examples(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, Path]:
    """(valid, with cell errors) SCDL subsidies files: the official examples of ../shared/reference, and
    their generated twins (tests/generated.py) so a fresh clone runs the same test."""
    if request.param == "reference":
        base = reference("schemas", "scdl-subventions", "exemples")
        return base / "exemple_valide.csv", base / "exemple_invalide_erreurs_cellules.csv"
    from tests.generated import subventions_csv

    return subventions_csv(tmp_path), subventions_csv(tmp_path, cell_errors=True)


@pytest.fixture(params=["reference", "generated"])
def subsidy_with_labels(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """A subsidies file written with the legal labels and 8 SIRET errors: the real SCDL_DILCRAH_2019.csv
    of ../shared/reference, and its generated twin (tests/generated.py)."""
    if request.param == "reference":
        return reference("real-files", "api-subventions-asso", "SCDL_DILCRAH_2019.csv")
    from tests.generated import subventions_human_labels

    return subventions_human_labels(tmp_path)


@pytest.fixture(params=["reference", "generated"])
def quoted_accented_csv(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, int]:
    """(path, data rows) of a UTF-8 ',' file with every cell quoted and accented names: the Senate's
    reserve of ../shared/reference, and its generated twin (tests/generated.py)."""
    if request.param == "reference":
        return reference("real-files", "reserve-parlementaire-bercy", "1409-Senat-reserve-2013-autre.csv"), 887
    from tests.generated import reserve_parlementaire_csv

    return reserve_parlementaire_csv(tmp_path, rows=120), 120
