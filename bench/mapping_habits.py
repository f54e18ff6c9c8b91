"""Mapping accuracy by agents' header habit (issue 17), over every bundled schema.

For each schema of the catalogue (latest version) and each habit of tests/core/schemas/habits.py —
DBF-truncated upper-case names (``DATE_MISE_``), administrative abbreviations (``N° tél.``, ``mt``, ``CP``),
reworded labels with stop-words dropped (« Mise service (date) »), anonymous ``Colonne 7`` columns whose
values alone tell the field — a table is made and mapped with ``propose_mapping``; a column is right when
it is mapped to the field it was made from. Prints one line per habit (and ``--detail`` the misses).

Usage: python bench/mapping_habits.py [--detail]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from capnum_desktop.core.schemas import list_schemas, load_schema, propose_mapping  # noqa: E402
from tests.core.schemas.habits import HABITS, habit_table  # noqa: E402


def measure(detail: bool = False) -> dict[str, tuple[int, int]]:
    """habit -> (right, total) over the catalogue."""
    results: dict[str, tuple[int, int]] = {}
    for habit in HABITS:
        right = total = 0
        for entry in list_schemas():
            schema = load_schema(entry.id)
            table, expected = habit_table(schema, habit)
            if not expected:
                continue
            mapping = propose_mapping(table, schema)
            for column, field in expected.items():
                total += 1
                if mapping.field_for(column) == field:
                    right += 1
                elif detail:
                    print(f"  {habit:<14} {entry.id:<45} {column!r:<34} -> {mapping.field_for(column)!r} "
                          f"(attendu {field})")
        results[habit] = (right, total)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--detail", action="store_true", help="list every miss")
    args = parser.parse_args()
    start = time.perf_counter()
    results = measure(args.detail)
    print(f"{'habit':<14} {'right':>11} {'share':>7}")
    for habit, (right, total) in results.items():
        print(f"{habit:<14} {right:>5}/{total:<5} {right / max(1, total):>7.1%}")
    print(f"({len(list_schemas())} schemas, {time.perf_counter() - start:.1f} s)")


if __name__ == "__main__":
    main()
