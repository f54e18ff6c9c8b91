"""The user's decisions for each column (what the recipe stores), and the default plan from a scan.

A plan holds column names, action names, parameters and exception ids: never a cell value, never
the pseudonymisation key. ``validate_plan`` enforces the legal rules of the data file: a direct
identifier is kept only with a recorded exception, and some categories (NIR, IBAN, sensitive data…)
can never be kept.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from capnum_desktop.core.errors import CapnumError
from capnum_desktop.core.privacy.generalise import DEFAULT_METHOD, METHODS
from capnum_desktop.core.privacy.rules import ACTIONS, Rules, load_rules
from capnum_desktop.core.privacy.scan import ScanResult
from capnum_desktop.core.privacy.sentences import Phrase, from_json, say, say_all, to_json


class PrivacyPlanError(CapnumError):
    """A plan asks for something the rules forbid (keep a NIR, keep a name without an exception…)."""

    default_hint = ("Choisissez une action autorisée pour cette colonne, ou indiquez l'exception légale "
                    "qui permet de la publier (elle sera inscrite dans le rapport de traitement).")

    def __init__(self, message: str, hint: str | None = None, problems: Sequence[Phrase] = ()) -> None:
        super().__init__(message, hint)
        self.problems = tuple(tuple(p) for p in problems)  # the message's sentences as codes (plan_problems)

    def text(self, lang: str = "fr") -> tuple[str, str]:
        """(the problems, what to do) in ``lang``; French as raised, or without its codes."""
        if lang == "fr" or not self.problems or self.hint != self.default_hint:
            return super().text(lang)
        return say_all(self.problems, lang), say((("problem.hint", {}),), lang)


@dataclass(frozen=True)
class Decision:
    """What to do with one column. ``exception`` is the id of a legal exception of the rules file.

    A value, like :class:`~capnum_desktop.core.schemas.mapping.Mapping`: a change is a new decision
    (``dataclasses.replace``), so a plan held by the session, a recipe or an undo step never moves under it."""

    column: str
    action: str
    params: dict[str, Any] = field(default_factory=dict)
    exception: str | None = None
    category: str | None = None
    exception_reference: str = ""  # e.g. the decree that orders publication, typed by the user
    reason: str = ""  # why the agent chose otherwise than the schema-aware default (recorded in the report)
    note: str = ""  # what the plan-maker says about this column and the schema (a conflict, why it is kept)
    # ``note`` as codes and parameters (core/privacy/sentences.py), one phrase per sentence; empty in older recipes
    note_phrases: Sequence[Phrase] = field(default=(), compare=False)  # equal notes say the same

    def __post_init__(self) -> None:
        object.__setattr__(self, "note_phrases", tuple(tuple(p) for p in self.note_phrases))

    def note_in(self, lang: str = "fr") -> str:
        """``note`` in ``lang``: made from its phrases, or the French note when they do not say it (a note
        from an older recipe, or written otherwise)."""
        if lang == "fr" or not self.note_phrases or say_all(self.note_phrases) != self.note:
            return self.note
        return say_all(self.note_phrases, lang)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"column": self.column, "action": self.action, "params": dict(self.params),
                                "exception": self.exception, "category": self.category,
                                "exception_reference": self.exception_reference, "reason": self.reason,
                                "note": self.note}
        if self.note_phrases:
            data["note_phrases"] = [to_json(p) for p in self.note_phrases]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Decision:
        return cls(column=data["column"], action=data["action"], params=dict(data.get("params") or {}),
                   exception=data.get("exception"), category=data.get("category"),
                   exception_reference=data.get("exception_reference", ""), reason=data.get("reason", ""),
                   note=data.get("note", ""), note_phrases=[from_json(p) for p in data.get("note_phrases") or []])


@dataclass(frozen=True)
class PrivacyPlan:
    """One decision per column (columns without a decision are kept), the k target, the k-anonymity fix.

    A frozen value: :meth:`with_decision` and ``dataclasses.replace`` make a new plan (the Protect page, the
    k-anonymity fix and the plan-makers all do), so the plan of a preparation is what was decided, not what
    some later code changed in place. Sequences given as lists are stored as tuples."""

    decisions: Sequence[Decision] = ()
    k: int = 11
    enforce_k: bool = False
    quasi_identifiers: Sequence[str] | None = None  # None: the columns whose category is a quasi-identifier
    subject: str = ""  # what rows are about (legal_entity, facility, person; "" = not decided), see schema_plan
    subject_note: str = ""  # in French, why (shown on the Protect page and in the report)
    subject_phrase: Phrase = field(default=(), compare=False)  # subject_note coded (empty in older recipes)
    # column -> {rows, communes, threshold}: rows of persons in small communes; keeping the column needs an exception
    small_communes: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # copied: a caller's dict stays its own

    def __post_init__(self) -> None:
        object.__setattr__(self, "decisions", tuple(self.decisions))
        if self.quasi_identifiers is not None:
            object.__setattr__(self, "quasi_identifiers", tuple(self.quasi_identifiers))
        object.__setattr__(self, "small_communes", {c: dict(m) for c, m in self.small_communes.items()})
        object.__setattr__(self, "subject_phrase", tuple(self.subject_phrase))

    def subject_note_in(self, lang: str = "fr") -> str:
        """``subject_note`` in ``lang`` (French when its phrase is missing or says something else)."""
        if lang == "fr" or not self.subject_phrase or say(self.subject_phrase) != self.subject_note:
            return self.subject_note
        return say(self.subject_phrase, lang)

    def decision(self, column: str) -> Decision | None:
        return next((d for d in self.decisions if d.column == column), None)

    def with_decision(self, decision: Decision) -> PrivacyPlan:
        """This plan with ``decision`` for its column (replacing the column's earlier one, or added)."""
        kept = tuple(d for d in self.decisions if d.column != decision.column)
        return replace(self, decisions=(*kept, decision))

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "version": 1, "decisions": [d.to_dict() for d in self.decisions], "k": self.k,
            "enforce_k": self.enforce_k, "quasi_identifiers": self.quasi_identifiers,
            "subject": self.subject, "subject_note": self.subject_note,
            "small_communes": {c: dict(m) for c, m in self.small_communes.items()}}
        if self.subject_phrase:
            data["subject_phrase"] = to_json(self.subject_phrase)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PrivacyPlan:
        qis = data.get("quasi_identifiers")
        return cls(decisions=[Decision.from_dict(d) for d in data.get("decisions", [])],
                   k=int(data.get("k", 11)), enforce_k=bool(data.get("enforce_k", False)),
                   quasi_identifiers=list(qis) if qis is not None else None,
                   subject=data.get("subject", ""), subject_note=data.get("subject_note", ""),
                   subject_phrase=from_json(data.get("subject_phrase")),
                   small_communes={c: dict(m) for c, m in (data.get("small_communes") or {}).items()})

    def quasi_identifier_columns(self, rules: Rules | None = None) -> list[str]:
        """The quasi-identifiers that stay in the output (kept, generalised or suppressed)."""
        if self.quasi_identifiers is not None:
            removed = {d.column for d in self.decisions if d.action == "remove"}
            return [c for c in self.quasi_identifiers if c not in removed]
        rules = rules or load_rules()
        quasi = {c.id for c in rules.categories if c.is_quasi_identifier}
        return [d.column for d in self.decisions if d.category in quasi and d.action != "remove"]


def default_plan(scan: ScanResult, *, rules: Rules | None = None) -> PrivacyPlan:
    """The rules' default action for every flagged column (unflagged columns are kept)."""
    rules = rules or load_rules()
    decisions: list[Decision] = []
    for finding in scan.columns:
        if not finding.category:
            continue
        params = dict(finding.default_params)
        if finding.default_action == "generalise" and "method" not in params:
            params["method"] = DEFAULT_METHOD.get(finding.category, "")
        decisions.append(Decision(finding.column, finding.default_action, params, None, finding.category))
    return PrivacyPlan(decisions=decisions, k=scan.k_anonymity.target or rules.k_default)


@dataclass(frozen=True)
class PlanMerge:
    """What :func:`merge_plans` kept, dropped and filled in (column names only, no value): the caller
    says it in its own words (the command line's notes, nothing on the Protect page)."""

    plan: PrivacyPlan
    absent: tuple[str, ...] = ()  # earlier decisions whose column is no longer in the table
    recategorised: tuple[str, ...] = ()  # columns now found to hold another kind of data: default applied
    added: tuple[Decision, ...] = ()  # flagged columns the earlier plan did not mention: default applied


def merge_plans(previous: PrivacyPlan, fresh: PrivacyPlan, scan: ScanResult, columns: Any) -> PlanMerge:
    """The one way a plan made earlier (a recipe, the Protect page before a new scan) meets a new scan.

    ``fresh`` is the plan made for this table (``plan_for_schema``): it gives the subject of the rows,
    the small-commune measures and the default decision of every flagged column. The earlier plan's
    decisions win for the columns still there, unless the scan now finds another kind of personal data in
    the column (the decision was about other data: the default applies). Its k, its k-anonymity fix and
    its quasi-identifiers (those still there) are kept while the subject of the rows is unchanged.
    """
    present = {str(c) for c in columns}
    decisions: list[Decision] = []
    absent: list[str] = []
    recategorised: list[str] = []
    for d in previous.decisions:
        if d.column not in present:
            absent.append(d.column)
            continue
        found = scan.finding(d.column)
        if found is not None and found.category and d.category and found.category != d.category:
            recategorised.append(d.column)
            continue
        decisions.append(d)
    known = {d.column for d in decisions}
    defaults = [d for d in fresh.decisions if d.column not in known]
    decisions.extend(defaults)
    same_subject = not previous.subject or previous.subject == fresh.subject
    qis = fresh.quasi_identifiers
    if same_subject and previous.quasi_identifiers is not None:
        qis = [c for c in previous.quasi_identifiers if c in present]
    plan = PrivacyPlan(decisions=decisions, k=previous.k, enforce_k=previous.enforce_k, quasi_identifiers=qis,
                       subject=fresh.subject, subject_note=fresh.subject_note, subject_phrase=fresh.subject_phrase,
                       small_communes={c: dict(m) for c, m in fresh.small_communes.items()})
    added = tuple(d for d in defaults if d.category and d.column not in recategorised)
    return PlanMerge(plan, tuple(absent), tuple(recategorised), added)


def validate_plan(plan: PrivacyPlan, *, rules: Rules | None = None, lang: str = "fr") -> list[str]:
    """Plain-language problems that forbid applying the plan, French unless ``lang`` says otherwise (empty
    list: the plan is lawful by the rules)."""
    rules = rules or load_rules()
    return [say(p, lang, rules) for p in plan_problems(plan, rules=rules)]


def plan_problems(plan: PrivacyPlan, *, rules: Rules | None = None) -> list[Phrase]:
    """:func:`validate_plan`'s problems as codes and parameters (``core/privacy/sentences.py``)."""
    rules = rules or load_rules()
    problems: list[Phrase] = []

    def problem(key: str, **params: Any) -> None:
        problems.append(((f"problem.{key}", {"column": d.column, **params}),))

    for d in plan.decisions:
        if d.action not in ACTIONS:
            problem("unknown-action", action_id=d.action)
            continue
        if not d.category:
            continue
        try:
            cat = rules.category(d.category)
        except KeyError:
            problem("unknown-category", category_id=d.category)
            continue
        if d.action == "keep" and cat.never_keep:
            problem("never-keep", category=cat.id)
        elif d.action not in cat.allowed_actions:
            problem("not-allowed", category=cat.id, action=d.action)
        elif d.action == "keep" and cat.keep_requires_exception:
            exc = rules.exception(d.exception or "")
            if exc is None:
                problem("needs-exception", category=cat.id)
            elif exc.needs_reference and not d.exception_reference.strip():
                problem("needs-reference")
        small = plan.small_communes.get(d.column)
        if small and d.action == "keep" and rules.exception(d.exception or "") is None:
            problem("small-communes", rows_count=int(small.get("rows", 0)), rows_count_forms="lines",
                    threshold=small.get("threshold"))
        if (plan.subject == "legal_entity" and d.category == "sole_proprietor" and d.action in ("suppress", "remove")
                and not d.reason.strip()):
            problem("needs-reason")
        if d.action == "generalise" and d.params.get("method") not in (None, "") and d.params["method"] not in METHODS:
            problem("unknown-method", method=d.params["method"])
    return problems


def check_plan(plan: PrivacyPlan, *, rules: Rules | None = None) -> None:
    """Raise :class:`PrivacyPlanError` with every problem when the plan breaks a rule."""
    problems = plan_problems(plan, rules=rules)
    if problems:
        raise PrivacyPlanError(say_all(problems, "fr", rules), problems=problems)
