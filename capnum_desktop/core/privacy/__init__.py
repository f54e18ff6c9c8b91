"""Step 3, Protect: find personal data, propose and apply the actions the law requires, and record them.

Public names (see core/API.md): ``scan_table``, ``ScanResult``, ``ColumnFinding``, ``PrivacyPlan``,
``Decision``, ``default_plan``, ``apply_plan``, ``PrivacyLog``, ``k_anonymity``,
``enforce_k_anonymity``, ``suppress_small_counts``, ``build_processing_report``,
``write_processing_report``, ``load_rules``.
"""

from capnum_desktop.core.privacy.risk import KAnonymityResult, enforce_k_anonymity, k_anonymity
from capnum_desktop.core.privacy.rules import load_rules
from capnum_desktop.core.privacy.scan import ColumnFinding, ScanResult, scan_table

__all__ = [
    "ColumnFinding",
    "KAnonymityResult",
    "ScanResult",
    "enforce_k_anonymity",
    "k_anonymity",
    "load_rules",
    "scan_table",
]
