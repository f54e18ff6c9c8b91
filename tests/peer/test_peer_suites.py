"""CapNum judges the peers' own test cases as they do (see peer_cases.py), or the difference is a choice.

``DOCUMENTED`` is the one list of cases where CapNum deliberately differs, each with its reason. The
test fails when a case disagrees without being listed, and when a listed case now agrees (so the
list stays true).
"""

from __future__ import annotations

import pytest

from tests.peer.peer_cases import PEER_SUITES, case_dirs, run_case

DOCUMENTED: dict[str, str] = {
    "fl/without_rows": "A header without any data row: frictionless says valid; CapNum says there is no data "
                       "and `capnum validate` exits 1 (issue 13: an empty file is not publishable).",
    "fl/file_merged_cells_xlsx": "A sheet with a merged header cell and no data row: no data, as fl/without_rows.",
    "fl/issue1635_case": "Header labels that match the schema's only by case: both report the two missing "
                         "columns; frictionless adds a table-level 'unmatched-header' error, CapNum names the two "
                         "unknown columns in 'extra-header' warnings. Same verdict (invalid).",
    "validata/task_pk_missing_column": "The primary key's column is absent from the file: Validata stops the "
                                       "whole task with a schema error; CapNum reports the missing required "
                                       "column (a primary key field is required), which says what to fix. "
                                       "Same verdict (invalid).",
    "validata/task_unknown_custom_check": "A custom check CapNum does not know: Validata says check-error; "
                                          "CapNum warns that the check was not made (the schema stays usable, "
                                          "the agent is told to check that point with the national validator).",
    "validata/task_unknown_custom_check_x2": "Two unknown custom checks: as validata/task_unknown_custom_check.",
    "spectrum/location_coordinates": "csv-spectrum's own JSON does not match its CSV (peer_quirk in expected.json: "
                                     "the phone number differs); CapNum reads the CSV as written.",
}


def _cases() -> list[object]:
    if not PEER_SUITES.is_dir():
        return [pytest.param(None, marks=pytest.mark.skip(
            reason=f"the peers' test suites are not here ({PEER_SUITES} is absent)"))]
    return [pytest.param(d, id=f"{d.parent.name}/{d.name}") for d in case_dirs()]


@pytest.mark.parametrize("folder", _cases())
def test_peer_case(folder) -> None:
    outcome = run_case(folder)
    if outcome.case in DOCUMENTED:
        assert not outcome.agree, f"{outcome.case} now agrees with the peer: remove it from DOCUMENTED"
    else:
        assert outcome.agree, f"{outcome.case}: ours {outcome.ours} != peer {outcome.peer}"


def test_documented_cases_exist() -> None:
    if not PEER_SUITES.is_dir():
        pytest.skip(f"the peers' test suites are not here ({PEER_SUITES} is absent)")
    ids = {f"{d.parent.name}/{d.name}" for d in case_dirs()}
    assert set(DOCUMENTED) <= ids
