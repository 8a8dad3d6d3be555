"""X001 unused-suppression and X002 suppression-without-reason."""

from __future__ import annotations

from styr.findings import Severity
from styr.i18n import N_
from styr.rules.base import Rule

UNUSED = Rule(
    code="X001",
    name="unused-suppression",
    severity=Severity.WARNING,
    summary=N_("Suppression no longer needed"),
    message=N_("The suppression of {codes} silences no finding here; remove the comment."),
    doc=N_("""Reports a `# styr: ignore[CODE]` comment that no longer suppresses anything.

Why: a stale suppression would silently hide the next real problem on that
line. Suppress with a comment on the line of the finding, or alone on the
line above it, naming the rule by code or name and giving a reason:

    # styr: ignore[G006] Fullmäktige har beslutat målet så här.
    title: Arbetslösheten ska minska
"""),
)

NO_REASON = Rule(
    code="X002",
    name="suppression-without-reason",
    severity=Severity.INFO,
    summary=N_("Suppression without a reason"),
    message=N_("Say why the finding is suppressed, after ']': # styr: ignore[{codes}] reason."),
    doc=N_("""Reports a suppression comment that gives no reason.

Why: the next planner to read the file needs to know why the rule does not
apply here, or the suppression will outlive its reason.
"""),
)

RULES = (UNUSED, NO_REASON)
