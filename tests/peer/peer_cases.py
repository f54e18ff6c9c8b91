"""Run the peers' own test cases (``../shared/peer-suites/``) through CapNum and compare verdicts.

Each case is a folder with a data file, a ``schema.json`` (fl/, validata/) and ``expected.json``
(what frictionless 5 run by name, Validata's tests or csv-spectrum say of it; see the folder's
README). A case is run through the same core code as ``capnum validate FILE --schema schema.json
--raw --json`` (fl/, validata/) or ``capnum inspect FILE --json`` (spectrum/), and both sides are
brought to one vocabulary:

- fl/: the multiset of errors ``(row, field, code)``; row-level codes (``blank-row``,
  ``primary-key``, ``foreign-key``) carry no field; CapNum's ``missing-required-header`` is
  frictionless' ``missing-label``; a task-level error (frictionless' ``error``/``source-error``,
  CapNum refusing the file or schema, or CapNum's ``duplicate-label``) is ``task-error`` and then
  only its presence is compared.
- validata/: the multiset of error codes the test asserts (``None``: only the verdict;
  ``schema-error*``: the schema must be refused).
- spectrum/: the column names and every row's cells, exactly.

Run as a script (``python -m tests.peer.peer_cases``) to print the counts.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

REPO = Path(__file__).resolve().parents[2]
# CAPNUM_NO_SHARED=1: as in tests/conftest.py, run as a fresh clone would (no ../shared beside it).
PEER_SUITES = REPO.parent / ("shared-absent" if os.environ.get("CAPNUM_NO_SHARED") else "shared") / "peer-suites"
GROUPS = ("fl", "validata", "spectrum")
ROW_LEVEL = {"blank-row", "primary-key", "foreign-key"}
TASK_LEVEL = {"error", "source-error", "schema-error", "task-error"}


@dataclass(frozen=True)
class Outcome:
    """One case's comparison: ``agree``, and both sides in the common vocabulary."""

    case: str
    agree: bool
    ours: Any
    peer: Any


def case_dirs(root: Path = PEER_SUITES) -> list[Path]:
    return sorted(p.parent for g in GROUPS for p in (root / g).glob("*/expected.json"))


def case_id(folder: Path) -> str:
    return f"{folder.parent.name}/{folder.name}"


def data_file(folder: Path) -> Path:
    return next(p for p in sorted(folder.iterdir()) if p.name.startswith("data."))


def _ours_validation(folder: Path, *, frictionless_names: bool) -> list[tuple[Any, Any, str]]:
    """The errors of CapNum's raw verdict; a refused file or schema is one task error, a file
    without data rows one ``no-data`` error (``capnum validate`` exits 1 for it)."""
    from capnum_desktop.core.errors import CapnumError
    from capnum_desktop.core.schemas import load_schema
    from capnum_desktop.core.validation.verdict import judge_file

    try:
        schema = load_schema(str(folder / "schema.json"))
        verdict = judge_file(data_file(folder), schema, convert=False)
    except CapnumError:
        return [(None, None, "task-error")]
    errors = verdict.raw.only("error")
    out: list[tuple[Any, Any, str]] = []
    for row, field, code in zip(errors["row"], errors["field"], errors["code"], strict=True):
        row = None if pd.isna(row) else int(row)
        if code == "duplicate-label":
            out.append((None, None, "task-error"))
        elif code == "missing-required-header" and frictionless_names:
            out.append((None, field, "missing-label"))
        elif code in ROW_LEVEL:
            out.append((row, None, code))
        else:
            out.append((row, field, code))
    if not verdict.has_data:
        out.append((None, None, "no-data"))
    return out


def _task_only(errors: list[tuple[Any, Any, str]]) -> list[tuple[Any, Any, str]]:
    return [(None, None, "task-error")] if any(c in TASK_LEVEL for _, _, c in errors) else errors


def compare_fl(folder: Path, expected: dict[str, Any]) -> Outcome:
    peer = [(r, None if t in ROW_LEVEL else n, "task-error" if t in TASK_LEVEL else t)
            for r, _, n, t in expected["errors"]]
    ours = _ours_validation(folder, frictionless_names=True)
    peer_n, ours_n = _task_only(peer), _task_only(ours)
    agree = Counter(peer_n) == Counter(ours_n)
    return Outcome(case_id(folder), agree, sorted(ours_n, key=repr), sorted(peer_n, key=repr))


def compare_validata(folder: Path, expected: dict[str, Any]) -> Outcome:
    ours = _ours_validation(folder, frictionless_names=False)
    codes = expected.get("codes")
    our_codes = sorted(c for _, _, c in _task_only(ours))
    if codes == "schema-error*":
        return Outcome(case_id(folder), our_codes == ["task-error"], our_codes, ["task-error"])
    if codes is None:
        return Outcome(case_id(folder), (not ours) == expected["valid"], not ours, expected["valid"])
    return Outcome(case_id(folder), our_codes == sorted(codes), our_codes, sorted(codes))


def compare_spectrum(folder: Path, expected: dict[str, Any]) -> Outcome:
    from capnum_desktop.core.errors import CapnumError
    from capnum_desktop.core.io import read_table

    try:
        table = read_table(data_file(folder))
        ours: Any = {"columns": table.columns,
                     "rows": [list(map(str, r)) for r in table.df.itertuples(index=False, name=None)]}
    except CapnumError as exc:
        ours = {"refused": exc.message}
    peer = {"columns": expected["columns"], "rows": expected["rows"]}
    return Outcome(case_id(folder), ours == peer, ours, peer)


def run_case(folder: Path) -> Outcome:
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    group = folder.parent.name
    if group == "fl":
        return compare_fl(folder, expected)
    if group == "validata":
        return compare_validata(folder, expected)
    return compare_spectrum(folder, expected)


def main() -> int:
    """Print every disagreement and the counts (cases, agree, documented differences)."""
    from tests.peer.test_peer_suites import DOCUMENTED

    if not PEER_SUITES.is_dir():
        print(f"{PEER_SUITES} is absent: nothing to run")
        return 1
    outcomes = [run_case(d) for d in case_dirs()]
    unexplained = 0
    for o in outcomes:
        if not o.agree:
            listed = o.case in DOCUMENTED
            unexplained += not listed
            print(f"{'documented' if listed else 'DIFFERS'}: {o.case}\n  ours: {o.ours}\n  peer: {o.peer}")
    by_group = Counter(o.case.split("/")[0] for o in outcomes)
    agree_by_group = Counter(o.case.split("/")[0] for o in outcomes if o.agree)
    for g in GROUPS:
        print(f"{g}: {by_group[g]} cases, {agree_by_group[g]} agree")
    agree = sum(o.agree for o in outcomes)
    print(f"cases {len(outcomes)}, agree {agree}, documented differences {len(outcomes) - agree - unexplained}, "
          f"unexplained {unexplained}")
    return 0 if unexplained == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
