"""What every rule is: a code, a name, a severity, messages and documentation.

The documentation is written where the rule is defined (its `doc`), so that
`styr rule CODE` and the docs can never drift from the code.

A rule's `summary`, `message` and `doc` are English originals marked with
`N_()` (styr.i18n); their Swedish is in the catalogue styr/locale/sv/LC_MESSAGES/
styr.po (docs/translations.md). A new rule: `summary=N_("…")`, `message=N_("…
{param} …")`, `doc=N_(` the documentation, triple-quoted `)`, and the three
Swedish texts in styr.po; a test fails while one is missing.

A finding's parameters are filled in when it is shown: a `float` parameter
is an amount (a baseline, a target) and is written the way the reader's
language writes numbers (85,5 in Swedish, 85.5 in English); an `int` (a
year, a count, a line) is written as it is, so 2026 never becomes "2 026".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from styr.findings import Finding, PathInDocument, Severity
from styr.i18n import Text, placeholders, template, translate
from styr.report.formatting import number

Language = str  # "sv" or "en"

# What a rule's findings may presume about the other files (`Rule.presumes`):
PRESUMES_MODEL = "model"  # it judges by the steering model declared in styr.yaml
PRESUMES_EVERY_FILE = "every_file"  # it reports something missing that any file could supply


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule's identity and texts. Checks that apply it live beside it."""

    code: str
    name: str
    severity: Severity
    summary: Text
    message: Text
    doc: Text
    options: dict[str, Any] = field(default_factory=dict)
    # The smallest and largest value each numeric option may take (None: no
    # bound), and pairs of options of which the first may not exceed the
    # second: a value out of range is a configuration error, not a rule that
    # quietly reports everything or nothing.
    option_range: dict[str, tuple[float | None, float | None]] = field(default_factory=dict)
    option_order: tuple[tuple[str, str], ...] = ()
    # What a finding of this rule takes for granted about the other files (see
    # styr.withholding): it is withheld when a file it presumes did not load.
    presumes: frozenset[str] = frozenset()

    def render(self, finding: Finding, language: Language) -> str:
        # A placeholder the finding leaves empty shows as "…" (`fill`); rule cases catch it.
        return translate(self.message, language, **_amounts_shown(finding.params, language))

    def unfilled(self, params: dict[str, Any]) -> frozenset[str]:
        """The placeholders of the message that `params` leaves empty (none for a sound finding).

        `x` fills `{x}` in both languages; `x_en` alone would leave the Swedish empty.
        """
        return placeholders(self.message) - params.keys()

    def message_in(self, language: Language) -> str:
        """The message template, placeholders unfilled."""
        return template(self.message, language)

    def summary_in(self, language: Language) -> str:
        return translate(self.summary, language)

    def doc_in(self, language: Language) -> str:
        return translate(self.doc, language)

    def at(
        self,
        file: Any,
        line: int = 0,
        column: int = 0,
        path: PathInDocument = (),
        **params: Any,
    ) -> Finding:
        """A finding of this rule at a place (line and column 1-based)."""
        return Finding(self.code, self.severity, file, line, column, path, params)


def _amounts_shown(params: dict[str, Any], language: Language) -> dict[str, Any]:
    """`params` with every amount (a float) written as `language` writes numbers."""
    return {
        name: number(value, language) if isinstance(value, float) else value
        for name, value in params.items()
    }
