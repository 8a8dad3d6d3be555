"""One line per finding, `path:line:col: CODE message`, as ruff's concise format.

Nothing else is printed, not even a summary, so that editors, problem matchers
and `grep` can read every line the same way; only when findings were withheld
(`styr.withholding`) a last line says how many and why. A finding about a whole file
(line 0) is shown at 1:1, where an editor can jump to.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from styr.escape import terminal
from styr.output.common import message_of, one_line, place, posix

if TYPE_CHECKING:
    from styr.lint import LintResult


def render(result: LintResult, language: str, colour: bool = False) -> str:
    lines = []
    for finding in result.findings:
        line, column = place(finding)
        message = one_line(message_of(finding, language))
        file = terminal(posix(finding.file))
        lines.append(f"{file}:{line}:{column}: {finding.code} {message}\n")
    # Only when findings were withheld: a last line that no `path:line:col:` reader mistakes.
    if withheld := result.withheld:
        from styr.withholding import describe

        lines.extend(f"{one_line(describe(each, language))}\n" for each in withheld)
    return "".join(lines)
