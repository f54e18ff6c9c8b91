"""The Vérifier page's error list: problems grouped by column and kind, with counts, then each problem.

A validation report of a messy million-row file can hold a million errors. Groups are counted on the
whole report (one pandas group-by); French messages are built only for the first
``MAX_CHILDREN`` problems of each group. That counting is a :class:`ReportDigest`, made by
:func:`digest_report` in the job that validated (it takes ~0.2 s at a million errors), so the UI
thread only turns a few hundred ready problems into items. Each problem item carries its source row
and field (``ROW_ROLE``/``FIELD_ROLE``) so a click can show the cell.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel

from capnum_desktop.core.validation import ValidationIssue, ValidationReport
from capnum_desktop.core.validation.messages import kind_label
from capnum_desktop.ui.i18n import current_language
from capnum_desktop.ui.models.marks import CellMarks

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
FIELD_ROLE = Qt.ItemDataRole.UserRole + 2
COUNT_ROLE = Qt.ItemDataRole.UserRole + 3
SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 4
MESSAGE_ROLE = Qt.ItemDataRole.UserRole + 5

MAX_CHILDREN = 200
MAX_GROUPS = 300

_COLOURS = {"error": QColor("#b00020"), "warning": QColor("#8a5a00")}


# Every string below is a literal QCoreApplication.translate("IssuesModel", "…") call: lupdate only
# extracts those (a `_tr(text)` helper hid them, so the error list stayed French in English).


def _n(n: int) -> str:
    return f"{n:,}".replace(",", "\u202f")


class IssuesModel(QStandardItemModel):
    """Tree: one top item per (severity, field, kind) with its count; children are the problems."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.report: ValidationReport | None = None
        self.protect_marks: dict[str, str] = {}  # field -> « vidé à l'étape Protéger »… (core.privacy)
        self.setHorizontalHeaderLabels([QCoreApplication.translate("IssuesModel", "Problème")])

    def set_protect_marks(self, marks: dict[str, str]) -> None:
        """Fields the Protect step emptied or removed: their problems say it was caused there."""
        self.protect_marks = dict(marks)

    def set_report(self, report: ValidationReport | None, digest: ReportDigest | None = None) -> None:
        """Rebuild the list from ``report`` (None: empty). ``digest``, when it describes ``report``, is
        its grouping worked out off the UI thread; without it the grouping is done here."""
        self.report = report
        self.clear()
        self.setHorizontalHeaderLabels([QCoreApplication.translate("IssuesModel", "Problème")])
        if report is None or report.errors.empty:
            return
        if digest is None or digest.report is not report:
            digest = digest_report(report)
        for entry in digest.entries:
            if isinstance(entry, IssueGroup):
                self.appendRow(self._group(entry))
                continue
            issue, severity = entry, entry.severity
            mark = self.protect_marks.get(issue.field or "")
            if mark:  # the column was mapped: Protéger removed it, « associez une colonne » would mislead
                item = self._item(QCoreApplication.translate("IssuesModel", "« {field} » : {mark}").format(field=issue.field, mark=mark), severity)
                item.setData(protect_hint(issue.field, mark), MESSAGE_ROLE)
            else:
                item = self._item(issue.line(current_language()), severity)
                item.setData(" ".join(issue.text(current_language())), MESSAGE_ROLE)
            item.setData(issue.field, FIELD_ROLE)
            self.appendRow(item)

    def _group(self, entry: IssueGroup) -> QStandardItem:
        severity, field, count, issues = entry.severity, entry.field, entry.count, entry.issues
        kind = kind_label(entry.code, entry.constraint, current_language())
        text = QCoreApplication.translate("IssuesModel", "« {field} » — {kind} : {n}").format(field=field, kind=kind, n=_n(count))
        if field in self.protect_marks:
            text += " — " + self.protect_marks[field]
        group = self._item(text, severity)
        group.setData(field, FIELD_ROLE)
        group.setData(count, COUNT_ROLE)
        accessible = (QCoreApplication.translate("IssuesModel", "{kind} dans « {field} », {n} cellule") if count <= 1 else
                      QCoreApplication.translate("IssuesModel", "{kind} dans « {field} », {n} cellules")).format(kind=kind, field=field, n=count)
        group.setData(accessible, Qt.ItemDataRole.AccessibleTextRole)
        if issues:
            group.setData(issues[0].row, ROW_ROLE)
        for issue in issues:
            message, hint = issue.text(current_language())  # made in digest_report's job when it knew the language
            child = self._item(QCoreApplication.translate("IssuesModel", "Ligne {row} : {message}").format(row=issue.row, message=message), severity)
            child.setData(issue.row, ROW_ROLE)
            child.setData(issue.field, FIELD_ROLE)
            child.setData(f"{message} {hint}".strip(), MESSAGE_ROLE)
            child.setToolTip(hint)
            group.appendRow(child)
        if count > len(issues):
            rest = count - len(issues)
            more = self._item((QCoreApplication.translate("IssuesModel", "… et {n} autre : corrigez les premières ou utilisez une correction de "
                                   "colonne.") if rest <= 1 else
                               QCoreApplication.translate("IssuesModel", "… et {n} autres : corrigez les premières ou utilisez une correction de "
                                   "colonne.")).format(n=_n(rest)), severity)
            more.setData(field, FIELD_ROLE)
            group.appendRow(more)
        return group

    @staticmethod
    def _item(text: str, severity: str) -> QStandardItem:
        item = QStandardItem(text)
        item.setEditable(False)
        item.setData(severity, SEVERITY_ROLE)
        item.setForeground(QBrush(_COLOURS.get(severity, QColor("#1b2a4a"))))
        item.setToolTip(text)
        return item

    def group_count(self) -> int:
        return self.rowCount()


def protect_hint(field: str, mark: str) -> str:
    """What to do when an error comes from the Protect step (not from the file)."""
    return QCoreApplication.translate("IssuesModel", "« {field} » : {mark}. Le schéma exige ce champ : revenez à l'étape Protéger pour choisir une autre "
               "action (retirer les lignes concernées, ou conserver avec l'exception légale).").format(
        field=field, mark=mark)


@dataclass(frozen=True)
class IssueGroup:
    """The cell problems of one (severity, field, code, constraint): their count and the first ones."""

    severity: str
    field: str
    code: str
    constraint: str
    count: int
    issues: tuple[ValidationIssue, ...]  # the first MAX_CHILDREN, with their messages


@dataclass(frozen=True)
class ReportDigest:
    """What Vérifier shows of a report, counted once: made in the job that validated (pure pandas and
    Python, no Qt object), so the UI thread does not group a million errors (~0.2 s) when it shows them.

    ``entries`` is the error list in its order: for errors then warnings, the table-level problems
    (:class:`ValidationIssue`), then the cell problems' groups, most frequent first (at most MAX_GROUPS).
    """

    report: ValidationReport
    error_count: int
    warning_count: int
    rows_with_errors: int
    entries: tuple[ValidationIssue | IssueGroup, ...]
    table_issues: tuple[ValidationIssue, ...]  # the problems with no row, in the report's order (header marks)
    errors_by_field: tuple[tuple[str, int], ...]  # ``report.by_field("error")``, for the header marks


def digest_report(report: ValidationReport) -> ReportDigest:
    """Group and count ``report`` for the error list, the summary and the header marks (runs in a job)."""
    errors = report.errors
    # comparisons in Arrow (no Python string per error), masks as numpy
    levels = {level: (errors["severity"] == level).to_numpy(dtype=bool) for level in ("error", "warning")}
    error_count, warning_count = int(levels["error"].sum()), int(levels["warning"].sum())
    with_errors = _distinct(errors["row"][levels["error"]].dropna().to_numpy(dtype=np.int64))
    entries: list[ValidationIssue | IssueGroup] = []
    for level, is_level in levels.items():
        frame = errors[is_level]
        if frame.empty:
            continue
        located = frame["row"].notna().to_numpy(dtype=bool)
        entries.extend(_sub_report(report, frame[~located]).issues())
        cell_level = frame[located]
        if cell_level.empty:
            continue
        keys = cell_level[["field", "code", "constraint"]].astype(str)
        grouped = keys.groupby(["field", "code", "constraint"], sort=False).size().sort_values(
            ascending=False, kind="stable")
        for i, ((field, code, constraint), count) in enumerate(grouped.items()):
            if i >= MAX_GROUPS:
                break
            mask = (keys["field"] == field) & (keys["code"] == code) & (keys["constraint"] == constraint)
            first = cell_level[mask.to_numpy(dtype=bool)].head(MAX_CHILDREN)
            entries.append(IssueGroup(level, str(field), str(code), str(constraint), int(count),
                                      tuple(_sub_report(report, first).issues())))
    for entry in entries:  # the sentences made here, off the UI thread, in the window's language
        for issue in entry.issues if isinstance(entry, IssueGroup) else (entry,):
            issue.text(current_language())
    table_issues = _sub_report(report, errors[errors["row"].isna()]).issues() if len(errors) else []
    return ReportDigest(report, error_count, warning_count, with_errors, tuple(entries), tuple(table_issues),
                        tuple(report.by_field("error")))


def _distinct(values: np.ndarray) -> int:
    """How many distinct numbers: sorted (numpy sorts without the GIL) rather than hashed
    (``np.unique`` hashes, 1 s for 666,000 rows)."""
    if not len(values):
        return 0
    ordered = np.sort(values)
    return int(np.count_nonzero(ordered[1:] != ordered[:-1])) + 1


def with_protect_marks(marks: Mapping[Any, tuple[str, str]], protect: dict[str, str]) -> Mapping[Any, tuple[str, str]]:
    """Grid marks (cells keyed ``(row, field)`` or headers keyed ``field``) whose tooltip says Protéger did it."""
    if not protect:
        return marks
    if isinstance(marks, CellMarks):
        return marks.with_tooltips({field: f"{mark}\n{protect_hint(field, mark)}" for field, mark in protect.items()})
    out = {}
    for key, (severity, tip) in marks.items():
        field = key[1] if isinstance(key, tuple) else key
        out[key] = (severity, f"{protect[field]}\n{protect_hint(field, protect[field])}") if field in protect \
            else (severity, tip)
    return out


def _sub_report(report: ValidationReport, frame: pd.DataFrame) -> ValidationReport:
    """A report over some of ``report``'s rows (to build their French messages only)."""
    return ValidationReport(errors=frame, fields=report.fields, row_count=report.row_count,
                            schema_id=report.schema_id, checked_fields=report.checked_fields)


def cell_marks(report: ValidationReport, limit: int = 200_000, detailed: int = 5_000, *,
               field: str | None = None) -> CellMarks:
    """Grid marks from a report: ``{(row, field): (severity, tooltip)}`` (of one field when given).

    The first ``detailed`` cells get the full message as tooltip; the others (a wholly wrong column)
    the kind of error only. Made with numpy, without a Python object per cell (:class:`CellMarks`),
    so it runs in the job runner without holding the GIL for long, and the garbage collector (run on
    the UI thread) has nothing to scan in them.
    """
    errors = report.errors
    if errors.empty:
        return CellMarks()
    if field is not None:
        errors = errors[errors["field"] == field]
    lang = current_language()
    kinds: list[tuple[str, str]] = []
    writes: list[tuple[str, np.ndarray, np.ndarray]] = []  # in order: a later write to a cell wins
    for severity in ("warning", "error"):  # errors last: they win on a cell with both
        frame = errors[(errors["severity"] == severity) & errors["row"].notna()].head(limit)
        if frame.empty:
            continue
        head = frame.head(detailed)
        by_field: dict[str, tuple[list[int], list[int]]] = {}
        for issue in _sub_report(report, head).issues():
            if issue.row is not None:  # always so here: the frame holds cell-level problems only
                rows_ids = by_field.setdefault(issue.field, ([], []))
                rows_ids[0].append(int(issue.row))
                rows_ids[1].append(len(kinds))
                kinds.append((severity, "\n".join(issue.text(lang)).strip()))
        writes += [(name, np.array(rows, dtype=np.int64), np.array(ids, dtype=np.int64))
                   for name, (rows, ids) in by_field.items()]
        rest = frame.iloc[len(head):]
        if not len(rest):
            continue
        # the kind of each cell's error: its (code, constraint) pair, factorised (Arrow), then labelled once
        code, codes = pd.factorize(rest["code"], use_na_sentinel=False)
        constraint, constraints = pd.factorize(rest["constraint"], use_na_sentinel=False)
        pair, pairs = pd.factorize(code.astype(np.int64) * len(constraints) + constraint, use_na_sentinel=False)
        base = len(kinds)
        kinds += [(severity, kind_label(codes[int(p) // len(constraints)], constraints[int(p) % len(constraints)],
                                        lang)) for p in pairs]
        ids = base + pair.astype(np.int64)
        rows = rest["row"].to_numpy(dtype=np.int64)
        name_of, names = pd.factorize(rest["field"], use_na_sentinel=False)
        writes += [(str(name), rows[name_of == j], ids[name_of == j]) for j, name in enumerate(names)]
    return CellMarks.from_writes(writes, kinds)


def column_marks(report: ValidationReport, digest: ReportDigest | None = None) -> dict[str, tuple[str, str]]:
    """Header marks: missing/extra columns (table-level problems) and the error count of each column
    (from ``digest`` when it describes ``report``: no pass over a million errors on the UI thread)."""
    columns: dict[str, tuple[str, str]] = {}
    if digest is not None and digest.report is report:
        table_issues, by_field = list(digest.table_issues), list(digest.errors_by_field)
    else:
        table_issues = _sub_report(report, report.errors[report.errors["row"].isna()]).issues()
        by_field = report.by_field("error")
    for issue in table_issues:
        if issue.field:
            columns[issue.field] = (issue.severity, "\n".join(issue.text(current_language())).strip())
    for name, count in by_field:
        if name not in columns:
            columns[name] = ("error", (QCoreApplication.translate("IssuesModel", "{n} erreur dans cette colonne") if count <= 1 else
                                       QCoreApplication.translate("IssuesModel", "{n} erreurs dans cette colonne")).format(n=_n(count)))
    return columns


def updated_marks(marks: Mapping[tuple[int, str], tuple[str, str]], report: ValidationReport, field: str,
                  rows: list[int] | None = None) -> CellMarks:
    """``marks`` with the cells of ``field`` (only ``rows`` of it when given) taken again from ``report``.

    With ``rows``, the update costs what the edit touched, even when the column has a million marks;
    a column with uniqueness errors is redone whole (a duplicate elsewhere may have appeared or gone).
    """
    marks = CellMarks.of(marks)
    errors = report.errors
    in_field = errors[errors["field"] == field]
    if rows is not None and not in_field["code"].isin(["unique-error", "primary-key"]).any():
        sub = in_field[in_field["row"].isin(list(rows))]
        return marks.without(field, rows).merged(cell_marks(_sub_report(report, sub)))
    return marks.without(field).merged(cell_marks(report, field=field))
