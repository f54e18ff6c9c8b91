"""Measure a proposed mapping against the one a person made (used by the tests and bench/mapping_quality.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from capnum_desktop.core.schemas.mapping import Mapping
from capnum_desktop.core.schemas.text import clean_spaces


@dataclass
class MappingScore:
    """Right / wrong counts over the columns a person mapped, and false matches on columns they left out."""

    right: int = 0
    wrong: list[tuple[str, Any, str | None]] = field(default_factory=list)  # (column, expected, proposed)
    false_matches: list[tuple[str, str]] = field(default_factory=list)  # (column, proposed field)
    unmapped_total: int = 0

    @property
    def total(self) -> int:
        return self.right + len(self.wrong)

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 1.0

    def add(self, other: MappingScore) -> MappingScore:
        return MappingScore(
            self.right + other.right,
            self.wrong + other.wrong,
            self.false_matches + other.false_matches,
            self.unmapped_total + other.unmapped_total,
        )


def score_mapping(
    proposed: Mapping, expected: dict[str, Any], unmapped: list[str] | tuple[str, ...] = ()
) -> MappingScore:
    """Compare ``proposed`` with a hand-made mapping; an expected value may list acceptable fields (None = empty)."""
    result = MappingScore(unmapped_total=len(unmapped))
    by_label = {clean_spaces(c): c for c in proposed.columns}  # headers as the reader cleaned them

    def proposed_for(column: str) -> str | None:
        return proposed.columns.get(by_label.get(clean_spaces(column), column))

    for column, want in expected.items():
        got = proposed_for(column)
        acceptable = want if isinstance(want, list) else [want]
        if got in acceptable:
            result.right += 1
        else:
            result.wrong.append((column, want, got))
    for column in unmapped:
        got = proposed_for(column)
        if got:
            result.false_matches.append((column, got))
    return result
