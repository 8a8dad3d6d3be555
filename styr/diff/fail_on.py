"""`--fail-on`: which kinds of change make `styr diff` exit with 1.

The names are the `ChangeKind` values, plus three that say more than a kind:
`ambition-lowered-unexplained` (a lowered target with no comment saying why),
`new-errors` (the change introduces a lint error) and `new-warnings` (it
introduces a lint warning or error). Names are read in any case
(`New-Errors`), as a planner may write them.
"""

from __future__ import annotations

from styr.diff.changes import ChangeKind, DiffResult
from styr.errors import UsageError

UNEXPLAINED = "ambition-lowered-unexplained"
NEW_ERRORS = "new-errors"
NEW_WARNINGS = "new-warnings"
KNOWN = (*(kind.value for kind in ChangeKind), UNEXPLAINED, NEW_ERRORS, NEW_WARNINGS)


def parse_fail_on(text: str | None) -> frozenset[str]:
    """The names in a comma-separated `--fail-on`; an unknown one is a usage error."""
    if text is None:
        return frozenset()
    names = [name.strip().lower() for name in text.split(",") if name.strip()]
    for name in names:
        if name not in KNOWN:
            raise UsageError("diff-unknown-kind", name=name, known=", ".join(KNOWN))
    return frozenset(names)


def occurring(result: DiffResult, names: frozenset[str]) -> list[str]:
    """The names in `names` that occur in the result, in the order `KNOWN` lists them."""
    found: set[str] = set()
    for repository in result.repositories:
        for change in repository.changes:
            found.add(change.kind.value)
            if change.kind is ChangeKind.AMBITION_LOWERED and not change.params.get("explained"):
                found.add(UNEXPLAINED)
        severities = {record.severity for record in repository.findings.introduced}
        if "error" in severities:
            found.update((NEW_ERRORS, NEW_WARNINGS))  # an error is a warning and more
        if "warning" in severities:
            found.add(NEW_WARNINGS)
    return [name for name in KNOWN if name in names and name in found]
