"""One line per finding, `path:line:col: CODE message`, as ruff's concise format.

Nothing else is printed, not even a summary, so that editors, problem matchers
and `grep` can read every line the same way. A finding about a whole file
(line 0) is shown at 1:1, where an editor can jump to.
"""

from __future__ import annotations

from styr.lint import LintResult
from styr.output.common import message_of, one_line, place, posix


def render(result: LintResult, language: str, colour: bool = False) -> str:
    lines = []
    for finding in result.findings:
        line, column = place(finding)
        message = one_line(message_of(finding, language))
        lines.append(f"{posix(finding.file)}:{line}:{column}: {finding.code} {message}\n")
    return "".join(lines)
