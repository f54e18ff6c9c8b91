"""Scan a table for personal data: one finding per column, with confidence, evidence and legal basis.

Works on any table (raw or conformed). Values are read from a sample of each column (at most
``SAMPLE_SIZE`` non-empty cells, spread over the whole column) so that a million-row table scans in
seconds; the k-anonymity measure uses every row. Findings never quote a cell value.

Each piece of evidence is a phrase (codes and parameters of ``core/privacy/sentences.py``):
``evidence_phrases`` holds them, ``evidence`` their French sentences (as before), and
:meth:`ColumnFinding.evidence_in` / :meth:`~ColumnFinding.label_in` / :meth:`~ColumnFinding.explanation_in`
say them in the language of the window or the command (issue 16).
"""

from __future__ import annotations

import weakref
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from capnum_desktop.core.jobs import CancelToken, Progress, no_progress
from capnum_desktop.core.privacy import values as v
from capnum_desktop.core.privacy.detectors import DETECTORS, Measure
from capnum_desktop.core.privacy.name_leaks import is_leak, measure_leak, name_words_by_row
from capnum_desktop.core.privacy.risk import KAnonymityResult, k_anonymity
from capnum_desktop.core.privacy.rules import Category, Rules, header_tokens, load_rules
from capnum_desktop.core.privacy.sentences import (
    Phrase,
    category_explanation,
    category_label,
    from_json,
    say,
    to_json,
)
from capnum_desktop.core.privacy.small_communes import measure as measure_small_communes
from capnum_desktop.core.privacy.small_communes import settings as small_commune_settings
from capnum_desktop.core.privacy.spans import find_spans
from capnum_desktop.core.table import Table

SAMPLE_SIZE = 500
HEAD = 200


@dataclass
class ColumnFinding:
    """What the scan concluded about one column (category None: nothing personal found)."""

    column: str
    category: str | None
    confidence: float
    evidence: list[str]
    evidence_data: list[dict[str, Any]]
    default_action: str
    allowed_actions: list[str]
    legal_basis: list[str]
    explanation: str
    label: str = ""
    kind: str = ""
    default_params: dict[str, Any] = field(default_factory=dict)
    keep_requires_exception: bool = False
    alternatives: list[dict[str, Any]] = field(default_factory=list)
    # the evidence as codes and parameters, one phrase per sentence of ``evidence`` (empty in older scans)
    evidence_phrases: list[Phrase] = field(default_factory=list)

    def add_evidence(self, phrase: Phrase) -> None:
        """One more piece of evidence: its phrase, and its French sentence in ``evidence``."""
        self.evidence_phrases.append(tuple(phrase))
        self.evidence.append(say(phrase))

    def evidence_in(self, lang: str = "fr", rules: Rules | None = None) -> list[str]:
        """The evidence in ``lang``; the French sentences for a scan stored without its phrases."""
        if lang == "fr" or len(self.evidence_phrases) != len(self.evidence):
            return list(self.evidence)
        return [say(p, lang, rules) for p in self.evidence_phrases]

    def label_in(self, lang: str = "fr", rules: Rules | None = None) -> str:
        """The category's name in ``lang`` ("" when nothing personal was found)."""
        return category_label(self.category, lang, rules, self.label) if lang != "fr" else self.label

    def explanation_in(self, lang: str = "fr", rules: Rules | None = None) -> str:
        """The rule in one sentence in ``lang`` (for no category: check the content anyway)."""
        if lang == "fr":
            return self.explanation
        if not self.category:
            return say((("evidence.nothing.explanation", {}),), lang)
        return category_explanation(self.category, lang, rules, self.explanation)

    def to_dict(self) -> dict[str, Any]:
        return {
            "column": self.column, "category": self.category, "label": self.label, "kind": self.kind,
            "confidence": round(self.confidence, 3), "evidence": list(self.evidence),
            "evidence_data": list(self.evidence_data), "action": self.default_action,
            "default_params": dict(self.default_params), "allowed_actions": list(self.allowed_actions),
            "legal_basis": list(self.legal_basis), "explanation": self.explanation,
            "keep_requires_exception": self.keep_requires_exception, "alternatives": list(self.alternatives),
            "evidence_phrases": [to_json(p) for p in self.evidence_phrases],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ColumnFinding:
        return cls(
            column=data["column"], category=data.get("category"), confidence=float(data.get("confidence", 0)),
            evidence=list(data.get("evidence", [])), evidence_data=list(data.get("evidence_data", [])),
            default_action=data.get("action", "keep"), allowed_actions=list(data.get("allowed_actions", ["keep"])),
            legal_basis=list(data.get("legal_basis", [])), explanation=data.get("explanation", ""),
            label=data.get("label", ""), kind=data.get("kind", ""),
            default_params=dict(data.get("default_params", {})),
            keep_requires_exception=bool(data.get("keep_requires_exception", False)),
            alternatives=list(data.get("alternatives", [])),
            evidence_phrases=[from_json(p) for p in data.get("evidence_phrases", [])],
        )


@dataclass
class ScanResult:
    """The findings of every column, in table order, and the re-identification risk."""

    columns: list[ColumnFinding]
    k_anonymity: KAnonymityResult
    row_count: int = 0
    sampled_rows: int = 0

    def finding(self, column: str) -> ColumnFinding | None:
        return next((f for f in self.columns if f.column == column), None)

    @property
    def flagged(self) -> list[ColumnFinding]:
        return [f for f in self.columns if f.category]

    def to_dict(self) -> dict[str, Any]:
        return {
            "columns": [f.to_dict() for f in self.columns],
            "k_anonymity": self.k_anonymity.to_dict(),
            "row_count": self.row_count,
            "sampled_rows": self.sampled_rows,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ScanResult:
        return cls(
            columns=[ColumnFinding.from_dict(c) for c in data.get("columns", [])],
            k_anonymity=KAnonymityResult.from_dict(data.get("k_anonymity", {})),
            row_count=int(data.get("row_count", 0)),
            sampled_rows=int(data.get("sampled_rows", 0)),
        )


def sample_values(series: pd.Series, size: int = SAMPLE_SIZE) -> list[str]:
    """Up to ``size`` non-empty cells: the first ``HEAD`` ones and the rest spread evenly (deterministic).

    The sample of an Arrow column is kept (see :data:`_SAMPLED`): the plan's subject samples the columns the
    scan just sampled (issue 18)."""
    arrow = getattr(series.array, "_pa_array", None)
    if arrow is not None:
        for ref, kept_size, kept in _SAMPLED:
            if ref() is arrow and kept_size == size:
                return list(kept)
    sample = _sample(series, size, arrow is not None)
    if arrow is not None:
        _SAMPLED[:] = [(weakref.ref(arrow, _forget_sample), size, tuple(sample)), *_SAMPLED[: _SAMPLED_KEPT - 1]]
    return sample


def _forget_sample(dead: weakref.ref[Any]) -> None:
    """A sampled column is gone: its sample (cells that may be personal data) goes with it."""
    _SAMPLED[:] = [entry for entry in _SAMPLED if entry[0] is not dead]


# The samples of the last Arrow columns sampled, with weak references to their Arrow arrays. An Arrow array
# never changes (pandas gives a column it writes to a new array) and a dead reference never matches, so
# the same live array means the same cells and the same sample (as risk.group_counts; issue 18).
_SAMPLED: list[tuple[weakref.ref[Any], int, tuple[str, ...]]] = []
_SAMPLED_KEPT = 256


def _sample(series: pd.Series, size: int, arrow: bool) -> list[str]:
    n = len(series)
    if n > 20 * size:
        positions = list(range(min(HEAD * 4, n))) + list(range(HEAD * 4, n, max(1, n // (size * 4))))
        # an Arrow column's own take: what iloc gives, without pandas' way to it (6 ms a column at 1M rows)
        values = series.array.take(positions).tolist() if arrow else series.iloc[positions].tolist()
    else:
        values = series.tolist()
    cells = [str(x).strip() for x in values]
    present = [x for x in cells if x and not v.is_missing(x)]
    if len(present) <= size:
        return present
    head, rest = present[:HEAD], present[HEAD:]
    step = len(rest) / (size - HEAD)
    return head + [rest[int(i * step)] for i in range(size - HEAD)]


def _score(cat: Category, measure: Measure, header_word: str | None) -> float:
    """Confidence 0..1 from the header hit and the share of values that fit (0 = not this category)."""
    det = cat.detection
    share = measure.share
    if not measure.ok:
        return 0.0
    checksum = "check" in det and det["check"].startswith("stdnum")
    if header_word is not None:
        if measure.sampled == 0:
            alone = det.get("header_alone", cat.kind in ("direct", "sensitive"))
            return 0.4 if alone else 0.0
        if share >= float(det.get("min_share_with_header", 0.5)):
            return min(1.0, 0.7 + 0.3 * share)
        return 0.0
    threshold = det.get("min_share")
    min_sampled = int(det.get("min_sampled", 3 if checksum else 5))
    if threshold is None or measure.sampled < min_sampled or share < float(threshold):
        return 0.0
    base = 0.6 if checksum else (0.45 if cat.id == "free_text" else 0.5)
    return min(0.95, base + 0.4 * share)


Evidence = tuple[list[Phrase], list[dict[str, Any]]]  # what is said (phrases) and what was measured


def _evidence(cat: Category, measure: Measure, header_word: str | None) -> Evidence:
    texts: list[Phrase] = []
    data: list[dict[str, Any]] = []
    if header_word is not None:
        texts.append((("evidence.header", {"word": header_word, "category": cat.id}),))
        data.append({"rule": "header", "category": cat.id, "word": header_word})
    if measure.sampled:
        texts.append((*measure.phrase, ("end", {})))
        item = {"rule": "values", "category": cat.id, "detector": cat.detection.get("detector"),
                "matched": measure.matched, "sampled": measure.sampled, "share": round(measure.share, 3)}
        if cat.detection.get("check"):
            item["check"] = cat.detection["check"]
        if measure.extra:
            item.update(measure.extra)
        data.append(item)
    else:
        texts.append((("evidence.empty", {}),))
    return texts, data


def _finding(column: str, cat: Category, confidence: float, evidence: Evidence) -> ColumnFinding:
    phrases = [tuple(p) for p in evidence[0]]
    return ColumnFinding(
        column=column, category=cat.id, confidence=confidence, evidence=[say(p) for p in phrases],
        evidence_data=evidence[1], evidence_phrases=list(phrases),
        default_action=cat.default_action, allowed_actions=list(cat.allowed_actions),
        legal_basis=list(cat.legal_basis), explanation=cat.explanation, label=cat.label, kind=cat.kind,
        default_params=dict(cat.default_params), keep_requires_exception=cat.keep_requires_exception,
    )


def _nothing(column: str, notes: list[Phrase], data: list[dict[str, Any]]) -> ColumnFinding:
    phrases = [tuple(p) for p in notes or [(("evidence.nothing", {}),)]]
    return ColumnFinding(
        column=column, category=None, confidence=0.0, evidence=[say(p) for p in phrases],
        evidence_data=data, default_action="keep", allowed_actions=["keep", "remove"], legal_basis=[],
        explanation=say((("evidence.nothing.explanation", {}),)), evidence_phrases=list(phrases),
    )


def _identifier_notes(sample: list[str]) -> Evidence:
    """Say when a column holds company identifiers (SIRET/SIREN): not personal by themselves."""
    if not sample:
        return [], []
    for name, test in (("SIRET", v.is_siret), ("SIREN", v.is_siren)):
        n = sum(1 for x in sample if test(x))
        if n / len(sample) >= 0.8:
            return ([(("evidence.company-ids", {"n": n, "total": len(sample), "name": name}),)],
                    [{"rule": "values", "detector": name.lower(), "matched": n, "sampled": len(sample)}])
    return [], []


_SPAN_WORDS = ("nir", "iban", "email", "phone")  # passages masked in any column (evidence.spans.<kind>)


def _hidden_identifiers(column: str, sample: list[str], rules: Rules) -> ColumnFinding | None:
    """A NIR or IBAN (or e-mails, phones) inside a column that looks like nothing personal: mask them."""
    if not sample:
        return None
    cells: Counter[str] = Counter()
    for value in sample:
        for kind in find_spans(value):
            if kind in _SPAN_WORDS:
                cells[kind] += 1
    strong = {k: n for k, n in cells.items() if k in ("nir", "iban") or n >= max(2, 0.05 * len(sample))}
    if not strong:
        return None
    cat = rules.category("free_text")
    texts: list[Phrase] = [((f"evidence.spans.{k}", {"n": n, "total": len(sample)}),) for k, n in sorted(strong.items())]
    data = [{"rule": "spans", "category": cat.id, "kind": k, "cells": n, "sampled": len(sample)}
            for k, n in sorted(strong.items())]
    return _finding(column, cat, 0.6, (texts, data))


def classify_column(column: str, sample: list[str], rules: Rules) -> ColumnFinding:
    """The best category for one column, with the runner-up categories kept as alternatives."""
    scored = []
    for cat in rules.categories:
        detector = DETECTORS.get(cat.detection.get("detector", ""))
        if detector is None:
            continue
        header_word = cat.header_hit(column)
        if header_word is None and cat.detection.get("min_share") is None:
            continue
        measure = detector(sample, cat, header_word is not None)
        confidence = _score(cat, measure, header_word)
        if confidence > 0:
            scored.append((confidence, cat, measure, header_word))
    if not scored:
        hidden = _hidden_identifiers(column, sample, rules)
        if hidden is not None:
            return hidden
        notes, data = _identifier_notes(sample)
        return _nothing(column, notes, data)
    scored.sort(key=lambda s: -s[0])  # stable: rules order breaks ties
    confidence, cat, measure, header_word = scored[0]
    finding = _finding(column, cat, confidence, _evidence(cat, measure, header_word))
    finding.alternatives = [{"category": c.id, "confidence": round(s, 3)} for s, c, _, _ in scored[1:4]]
    return finding


def _juridical_flags(table: Table, findings: list[ColumnFinding], samples: dict[str, list[str]], rules: Rules) -> None:
    """A ``catégorie juridique`` column with 1000 (EI) or a ``P`` diffusion status marks sole proprietors."""
    cat = rules.category("sole_proprietor")
    headers = [header_tokens(h) for h in cat.detection.get("juridical_category_headers", [])]
    flag_values = {str(x).lower() for x in cat.detection.get("juridical_category_values", [])}
    for column in table.columns:
        tokens = header_tokens(column)
        if not any(tokens[: len(h)] == h for h in headers):
            continue
        col_values = table.df[column].astype(str).str.strip().str.lower()
        hits = int(col_values.isin(flag_values).sum())
        if not hits:
            continue
        for finding in findings:
            if finding.category or finding.column == column:
                continue
            sample = samples.get(finding.column, [])
            ids = sum(1 for x in sample if v.is_siret(x) or v.is_siren(x))
            named = cat.header_hit(finding.column) is not None
            if not sample or (ids / len(sample) < 0.8 and not named):
                continue
            new = _finding(finding.column, cat, 0.85, (
                [(("evidence.juridical", {"column": column, "rows": hits}),)],
                [{"rule": "juridical_category", "category": cat.id, "column": column, "rows": hits}]))
            new.default_params = {"flag_column": column, "flag_values": sorted(flag_values)}
            findings[findings.index(finding)] = new


_NAME_CATEGORIES = ("full_name", "last_name", "first_name")


def _names_in_values(table: Table, findings: list[ColumnFinding], rules: Rules) -> None:
    """A column that nothing marks as personal but that spells the same row's name (a link to the person's
    page, a login): flagged, since publishing it gives back the names removed elsewhere (name_leaks)."""
    name_columns = [f.column for f in findings if f.category in _NAME_CATEGORIES]
    if not name_columns:
        return
    cat = rules.category("name_in_value")
    words = name_words_by_row(table.df, name_columns, rules.lexicons.get("name_particles") or [])
    for i, finding in enumerate(findings):
        if finding.category is not None:
            continue
        leak = measure_leak(table.df, finding.column, name_columns, words)
        if not is_leak(leak):
            continue
        findings[i] = _finding(finding.column, cat, 0.9 if leak.share >= 0.9 else 0.7, (
            [(("evidence.name-in-value", {"n": leak.matched, "total": leak.compared, "sources": name_columns}),)],
            [{"rule": "name_in_value", "category": cat.id, "name_columns": name_columns, "matched": leak.matched,
              "compared": leak.compared, "row": leak.example_row}]))


def _small_communes(table: Table, findings: list[ColumnFinding], rules: Rules) -> None:
    """Record, on commune and postal-code columns, how many rows lie in communes under the threshold.

    Only the measure is stored here (``evidence_data``, rule ``small_communes``): whether it is a risk
    depends on what the rows are about, which the plan decides (see ``schema_plan``).
    """
    conf = small_commune_settings(rules)
    categories = set(conf.get("categories", []))
    limit = int(conf.get("threshold", 0) or 0)
    if not limit:
        return
    for finding in findings:
        if finding.category and finding.category in categories and finding.column in table.df.columns:
            found = measure_small_communes(table.df[finding.column], finding.column, finding.category, limit)
            if found.at_risk:
                finding.evidence_data.append(found.to_dict())


def scan_table(table: Table, *, progress: Progress | None = None, cancel: CancelToken | None = None,
               rules: Rules | None = None, k: int | None = None) -> ScanResult:
    """Classify every column of ``table`` and measure k-anonymity over the quasi-identifiers found."""
    rules = rules or load_rules()
    progress = progress or no_progress
    findings: list[ColumnFinding] = []
    samples: dict[str, list[str]] = {}
    columns = table.columns
    for i, column in enumerate(columns):
        if cancel is not None:
            cancel.check()
        progress(i / max(1, len(columns)) * 0.8, f"Analyse de la colonne « {column} »")
        samples[column] = sample_values(table.df.iloc[:, i])
        findings.append(classify_column(column, samples[column], rules))
    _juridical_flags(table, findings, samples, rules)
    _names_in_values(table, findings, rules)
    _small_communes(table, findings, rules)
    progress(0.85, "Calcul du risque de ré-identification")
    qis = [f.column for f in findings if f.kind == "quasi" and f.default_action != "remove"]
    result = ScanResult(
        columns=findings,
        k_anonymity=k_anonymity(table, qis, k or rules.k_default),
        row_count=table.row_count,
        sampled_rows=max((len(s) for s in samples.values()), default=0),
    )
    progress(1.0, "Analyse terminée")
    return result
