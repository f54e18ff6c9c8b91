"""End to end on generated twins of the real files (tests/generated.py): the checks of
test_real_files.py, so a fresh clone without ../shared runs the whole pipeline on the same layouts."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import generated
from tests.e2e.test_real_files import check_whole_pipeline


def _path(made: Path | tuple[Path, object]) -> Path:
    return made[0] if isinstance(made, tuple) else made


CASES = [
    # (builder, schema id): the real file each stands for is named in the builder's docstring
    (generated.subventions_csv, "scdl/subventions"),
    (lambda folder: generated.subventions_csv(folder, cell_errors=True), "scdl/subventions"),
    (generated.subventions_human_labels, "scdl/subventions"),
    (generated.csv_cp1252_french, None),
    (generated.reserve_parlementaire_csv, None),
    (generated.xlsx_dates_and_text_dates, None),
    (generated.xlsx_text_zeros, None),
    (generated.ods_with_spaces, None),
]
IDS = ["subventions-valid", "subventions-cell-errors", "subventions-legal-labels", "cp1252-semicolon",
       "quoted-accented", "xlsx-dates-and-text-dates", "xlsx-text-zeros", "ods-spaces"]


@pytest.mark.parametrize(("builder", "sid"), CASES, ids=IDS)
def test_generated_file_through_the_whole_pipeline(tmp_path: Path, builder, sid: str | None) -> None:
    src = _path(builder(tmp_path))
    check_whole_pipeline(src, sid, tmp_path / "export")
