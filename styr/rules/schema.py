"""Rules about a file's shape: its kind and its schema."""

from __future__ import annotations

from styr.findings import Severity
from styr.i18n import N_
from styr.rules.base import Rule

UNKNOWN_FILE_KIND = Rule(
    code="S001",
    name="unknown-file-kind",
    severity=Severity.ERROR,
    summary=N_("Unknown file kind"),
    message=N_("The file has no valid 'kind' (got {kind}); use one of: {kinds}."),
    doc=N_("""Reports a YAML file in a repository whose top-level `kind:` is missing or unknown.

Why: `styr` tells files apart by `kind`, not by name, so that planners may name
and arrange files as they like. A file without a kind would be silently
ignored, and whatever it says would be missing from the goal chain.

Failing example: a board file that starts with `id: kulturnamnden`.
Instead: start it with `kind: organisation`.
"""),
)

SCHEMA = Rule(
    code="S002",
    name="schema",
    severity=Severity.ERROR,
    summary=N_("Does not follow the schema"),
    message=N_("{problem}"),
    doc=N_("""Reports content that does not follow the file kind's JSON Schema.

The schemas live in `schemas/` (print them with `styr schema`). They catch
misspelt keys, missing required fields, ids with spaces or capitals, unquoted
codes, malformed dates, Kolada ids and Agenda 2030 references.

Failing example: `contributes_too: [inriktning-trygghet]`.
Instead: `contributes_to: [inriktning-trygghet]`.
"""),
)

RULES = (UNKNOWN_FILE_KIND, SCHEMA)
