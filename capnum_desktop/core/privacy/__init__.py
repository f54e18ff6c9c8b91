"""Step 3, Protect: find personal data, propose and apply the actions the law requires, and record them.

Public names (see core/API.md): ``scan_table`` -> ``ScanResult`` (``ColumnFinding`` per column and
``KAnonymityResult``); ``PrivacyPlan`` / ``Decision``; ``default_plan``; ``apply_plan`` -> (Table,
``PrivacyLog``); ``k_anonymity``; ``enforce_k_anonymity``; ``suppress_small_counts``;
``build_processing_report`` / ``write_processing_report``; ``load_rules`` (the rules data file);
``plan_for_schema`` (the plan made for the chosen schema and the subject of the rows), ``decide_subject``,
``schema_conflicts``, ``emptied_by_protect`` (what Vérifier marks as caused by Protéger).
"""

from capnum_desktop.core.privacy.aggregates import SmallCountResult, suppress_small_counts
from capnum_desktop.core.privacy.apply import LogEntry, PrivacyLog, apply_plan, pseudonymisation_key
from capnum_desktop.core.privacy.plan import (
    Decision,
    PrivacyPlan,
    PrivacyPlanError,
    check_plan,
    default_plan,
    validate_plan,
)
from capnum_desktop.core.privacy.report import build_processing_report, render_html, write_processing_report
from capnum_desktop.core.privacy.risk import KAnonymityResult, enforce_k_anonymity, k_anonymity
from capnum_desktop.core.privacy.rules import load_rules
from capnum_desktop.core.privacy.scan import ColumnFinding, ScanResult, scan_table
from capnum_desktop.core.privacy.schema_plan import (
    Subject,
    decide_subject,
    emptied_by_protect,
    plan_for_schema,
    privacy_notes,
    schema_conflicts,
)
from capnum_desktop.core.privacy.spans import mask_text

__all__ = [
    "ColumnFinding",
    "Decision",
    "KAnonymityResult",
    "LogEntry",
    "PrivacyLog",
    "PrivacyPlan",
    "PrivacyPlanError",
    "ScanResult",
    "SmallCountResult",
    "Subject",
    "apply_plan",
    "build_processing_report",
    "check_plan",
    "decide_subject",
    "default_plan",
    "emptied_by_protect",
    "enforce_k_anonymity",
    "k_anonymity",
    "load_rules",
    "mask_text",
    "plan_for_schema",
    "privacy_notes",
    "pseudonymisation_key",
    "render_html",
    "scan_table",
    "schema_conflicts",
    "suppress_small_counts",
    "validate_plan",
    "write_processing_report",
]
