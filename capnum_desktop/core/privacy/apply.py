"""Apply a privacy plan to a table and log what was done (counts only, never a value).

Order: transform cells first (generalise, mask, pseudonymise, suppress), measure k-anonymity before
and after, optionally enforce k, and drop removed columns last. The index (source row numbers) is
kept; rows are dropped only by the k-anonymity fix and by ``withhold`` (rows about a natural person
in a table about legal entities), and the log says how many.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import os
import secrets
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow.compute as pc
from pandas._libs import lib

from capnum_desktop.core.jobs import CancelToken, Progress, no_progress
from capnum_desktop.core.privacy import values as v
from capnum_desktop.core.privacy.generalise import (
    DEFAULT_METHOD,
    METHOD_LABELS,
    _arrow_text,
    generalise_series,
    map_distinct,
)
from capnum_desktop.core.privacy.plan import Decision, PrivacyPlan, check_plan
from capnum_desktop.core.privacy.risk import KAnonymityResult, enforce_k_anonymity, group_sizes, k_anonymity
from capnum_desktop.core.privacy.rules import Rules, load_rules
from capnum_desktop.core.privacy.spans import mask_text
from capnum_desktop.core.table import Table

KEY_FILE = "pseudonymisation.key"


@dataclass
class LogEntry:
    """What happened to one column."""

    column: str
    category: str | None
    action: str
    params: dict[str, Any] = field(default_factory=dict)
    exception: str | None = None
    exception_reference: str = ""
    cells_changed: int = 0
    spans_masked: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"column": self.column, "category": self.category, "action": self.action,
                "params": dict(self.params), "exception": self.exception,
                "exception_reference": self.exception_reference, "cells_changed": self.cells_changed,
                "spans_masked": dict(self.spans_masked), "warnings": list(self.warnings)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LogEntry:
        return cls(column=data["column"], category=data.get("category"), action=data["action"],
                   params=dict(data.get("params") or {}), exception=data.get("exception"),
                   exception_reference=data.get("exception_reference", ""),
                   cells_changed=int(data.get("cells_changed", 0)),
                   spans_masked={k: int(n) for k, n in (data.get("spans_masked") or {}).items()},
                   warnings=list(data.get("warnings", [])))


@dataclass
class PrivacyLog:
    """Everything ``apply_plan`` did, for the processing report and the recipe."""

    entries: list[LogEntry] = field(default_factory=list)
    k_before: KAnonymityResult | None = None
    k_after: KAnonymityResult | None = None
    k_steps: list[dict[str, Any]] = field(default_factory=list)
    rows_before: int = 0
    rows_after: int = 0
    applied_at: str = ""
    missing_columns: list[str] = field(default_factory=list)  # decisions whose column is not in the table
    rows_withheld: int = 0  # rows about natural persons not published (action ``withhold``)

    @property
    def rows_dropped(self) -> int:
        return self.rows_before - self.rows_after

    def entry(self, column: str) -> LogEntry | None:
        return next((e for e in self.entries if e.column == column), None)

    def to_dict(self) -> dict[str, Any]:
        return {"entries": [e.to_dict() for e in self.entries],
                "k_before": self.k_before.to_dict() if self.k_before else None,
                "k_after": self.k_after.to_dict() if self.k_after else None,
                "k_steps": list(self.k_steps), "rows_before": self.rows_before, "rows_after": self.rows_after,
                "rows_dropped": self.rows_dropped, "applied_at": self.applied_at,
                "missing_columns": list(self.missing_columns), "rows_withheld": self.rows_withheld}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PrivacyLog:
        kb, ka = data.get("k_before"), data.get("k_after")
        return cls(entries=[LogEntry.from_dict(e) for e in data.get("entries", [])],
                   k_before=KAnonymityResult.from_dict(kb) if kb else None,
                   k_after=KAnonymityResult.from_dict(ka) if ka else None,
                   k_steps=list(data.get("k_steps", [])), rows_before=int(data.get("rows_before", 0)),
                   rows_after=int(data.get("rows_after", 0)), applied_at=data.get("applied_at", ""),
                   missing_columns=list(data.get("missing_columns", [])),
                   rows_withheld=int(data.get("rows_withheld", 0)))


# ---- pseudonymisation ----------------------------------------------------------------------------


def pseudonymisation_key(folder: Path | None = None) -> bytes:
    """The user's HMAC key, created on first use in the secrets folder (never written anywhere else)."""
    if folder is None:
        from capnum_desktop.paths import secrets_dir

        folder = secrets_dir()
    path = Path(folder) / KEY_FILE
    if not path.exists():
        tmp = path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32))
        os.replace(tmp, path)
    return bytes.fromhex(path.read_text().strip())


def pseudonym(value: str, key: bytes) -> str:
    return "P-" + hmac.new(key, value.encode("utf-8"), hashlib.sha256).hexdigest()[:16]


def _pseudonymise(series: pd.Series, key: bytes) -> pd.Series:
    return map_distinct(series, lambda x: "" if x == "" else pseudonym(x, key))


# ---- one column ----------------------------------------------------------------------------------


def _changed(before: pd.Series, after: pd.Series) -> int:
    """How many cells differ once written as text. Two text columns without a missing cell are compared
    as they are (Arrow compares Arrow without a Python string per row); anything else goes through
    ``astype(str)``, which says how a missing or non-text cell compares."""
    if _arrow_text(before) and _arrow_text(after):
        if not before.hasnans and not after.hasnans:
            return int(pc.sum(pc.not_equal(before.array._pa_array, after.array._pa_array)).as_py() or 0)
    elif before.dtype == object and after.dtype == object:
        left, right = before.to_numpy(), after.to_numpy()
        if lib.is_string_array(left) and lib.is_string_array(right):  # False with a missing cell
            return int((left != right).sum())
    return int((before.astype(str) != after.astype(str)).sum())


def _mask(series: pd.Series) -> tuple[pd.Series, Counter[str]]:
    """The column with personal spans masked (once per distinct text), and the spans masked per kind over
    every row. A missing cell stays missing (as NaN, the mapping of old left it out)."""
    total: Counter[str] = Counter()
    codes, uniques = factorized = pd.factorize(series)
    rows = np.bincount(codes[codes >= 0], minlength=len(uniques))
    distinct = uniques.to_numpy(dtype=object)
    masked: list[Any] = []
    for value, n in zip(distinct, rows.tolist(), strict=True):
        text, found = mask_text(value)
        masked.append(text)
        for kind, k in found.items():
            total[kind] += k * n
    position = {value: i for i, value in enumerate(distinct)}
    return map_distinct(series, lambda value: masked[position[value]] if value in position else np.nan,
                        factorized=factorized), total


def _suppress_mask(df: pd.DataFrame, d: Decision, qi_columns: list[str], k: int) -> pd.Series:
    """Which cells of ``d.column`` to empty for the ``suppress`` action."""
    series = df[d.column]
    if d.params.get("flag_column") in df.columns:
        flags = {str(x).lower() for x in d.params.get("flag_values", [])}
        return df[d.params["flag_column"]].astype(str).str.strip().str.lower().isin(flags)
    if d.category == "sole_proprietor":
        return map_distinct(series, v.is_individual_entrepreneur, text=False).astype(bool)
    qis = [c for c in qi_columns if c in df.columns] or [d.column]
    return group_sizes(df, qis) < int(d.params.get("k", k))


def _apply_one(df: pd.DataFrame, d: Decision, key: bytes | None, qi_columns: list[str], k: int,
               today: str, withheld: list[pd.Series]) -> LogEntry:
    entry = LogEntry(d.column, d.category, d.action, dict(d.params), d.exception, d.exception_reference)
    before = df[d.column]
    if d.action == "generalise":
        method = d.params.get("method") or DEFAULT_METHOD.get(d.category or "", "")
        if not method:
            entry.warnings.append("Aucune méthode de généralisation pour cette colonne : elle a été vidée.")
            df[d.column] = ""
        else:
            params = dict(d.params, method=method)
            if method == "birth_date_band":
                params.setdefault("reference_date", today)
            entry.params = params
            df[d.column] = generalise_series(before, method, params)
            entry.params["label"] = METHOD_LABELS.get(method, method)
    elif d.action == "mask":
        df[d.column], counts = _mask(before)
        entry.spans_masked = dict(counts)
        entry.warnings.append("Relisez chaque cellule : seuls les e-mails, téléphones, NIR, IBAN et noms après "
                              "une civilité sont masqués automatiquement.")
    elif d.action == "pseudonymise":
        assert key is not None
        df[d.column] = _pseudonymise(before, key)
        entry.warnings.append(load_rules().pseudonymisation_warning)
    elif d.action == "suppress":
        cells = _suppress_mask(df, d, qi_columns, k)
        df.loc[cells, d.column] = ""
    elif d.action == "withhold":  # the rows themselves go; apply_plan drops them after every column is done
        rows = _suppress_mask(df, d, qi_columns, k)
        entry.params["rows"] = int(rows.sum())
        entry.cells_changed = int(rows.sum())
        withheld.append(rows)
        return entry
    elif d.action == "remove":
        # as ``astype(str) != ""``: a missing cell counts (string[pyarrow] says NA there, not True)
        entry.cells_changed = int((before != "").fillna(True).sum())
        return entry
    entry.cells_changed = _changed(before, df[d.column])
    return entry


def apply_plan(table: Table, plan: PrivacyPlan, *, progress: Progress | None = None,
               cancel: CancelToken | None = None, rules: Rules | None = None,
               key_folder: Path | None = None) -> tuple[Table, PrivacyLog]:
    """Apply every decision of ``plan`` (checked against the rules first) and return the new table and log."""
    rules = rules or load_rules()
    check_plan(plan, rules=rules)
    progress = progress or no_progress
    decisions = [d for d in plan.decisions if d.column in table.df.columns]
    qis = [c for c in plan.quasi_identifier_columns(rules) if c in table.df.columns]
    today = dt.date.today().isoformat()
    log = PrivacyLog(rows_before=table.row_count, k_before=k_anonymity(table, qis, plan.k),
                     applied_at=dt.datetime.now().isoformat(timespec="seconds"),
                     missing_columns=[d.column for d in plan.decisions if d.column not in table.df.columns])
    key = pseudonymisation_key(key_folder) if any(d.action == "pseudonymise" for d in decisions) else None
    df = table.df.copy()
    # Suppression of rare rows is decided after the other quasi-identifiers have been generalised.
    ordered = [d for d in decisions if d.action != "suppress"] + [d for d in decisions if d.action == "suppress"]
    withheld: list[pd.Series] = []
    for i, d in enumerate(ordered):
        if cancel is not None:
            cancel.check()
        progress(0.9 * i / max(1, len(ordered)), f"Protection de la colonne « {d.column} »")
        log.entries.append(_apply_one(df, d, key, qis, plan.k, today, withheld))
    if withheld:
        rows = withheld[0]
        for more in withheld[1:]:
            rows = rows | more
        df = df.loc[~rows]
        log.rows_withheld = int(rows.sum())
    out = table.with_df(df)
    if plan.enforce_k and qis:
        progress(0.92, "Recherche de l'anonymat k")
        categories = {d.column: d.category or "" for d in decisions}
        out, log.k_steps = enforce_k_anonymity(out, qis, plan.k, categories)
    removed = [d.column for d in decisions if d.action == "remove"]
    out = out.with_df(out.df.drop(columns=removed))
    log.k_after = k_anonymity(out, qis, plan.k)
    log.rows_after = out.row_count
    log.entries.sort(key=lambda e: table.columns.index(e.column))
    progress(1.0, "Protection terminée")
    return out, log
