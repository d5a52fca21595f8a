"""The control rules of decree No. 976 as amended by decree No. 403 (4 December 2023).

Each function proposes decisions a person now takes by hand — who controls an item, how it is
monitored, whether a roadmap is due, the default term, who may extend it or remove it from
control, what a draft lacks — as :class:`RuleDecision` values carrying the rule reference (in the
act's language), the words of the item that triggered them and a note.
"""

from .control import decide_control
from .extension import Extension, ExtensionKind, extension_decision
from .lint import LintFinding, LintReport, Severity, duplicate_finding, item_label, lint_draft, severity_label
from .removal import RemovalGround, removal_requirements

__all__ = [
    "Extension",
    "ExtensionKind",
    "LintFinding",
    "LintReport",
    "RemovalGround",
    "Severity",
    "decide_control",
    "duplicate_finding",
    "extension_decision",
    "item_label",
    "lint_draft",
    "removal_requirements",
    "severity_label",
]
