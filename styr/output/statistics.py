"""`--statistics`: how many findings of each rule, most frequent first (as ruff's).

One line per code: `COUNT  CODE  name  summary`, sorted by count (highest
first), then code; the columns are aligned so that the list reads as a table.
"""

from __future__ import annotations

from collections import Counter

from styr.escape import terminal
from styr.lint import LintResult
from styr.output.common import summary_of
from styr.rules.catalogue import BY_CODE
from styr.withholding import describe


def render_statistics(result: LintResult, language: str) -> str:
    counts = Counter(finding.code for finding in result.findings)
    if not counts:
        return ""
    rows = []
    for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        rule = BY_CODE.get(code)
        name = rule.name if rule else ""
        summary = summary_of(rule, language) if rule else ""
        rows.append((str(count), code, name, summary))
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    lines = [
        "  ".join(
            (count.rjust(widths[0]), code.ljust(widths[1]), name.ljust(widths[2]), summary)
        ).rstrip()
        for count, code, name, summary in rows
    ]
    lines.extend(terminal(describe(withheld, language)) for withheld in result.withheld)
    return "\n".join(lines) + "\n"
