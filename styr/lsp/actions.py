"""Quick fixes for the findings at a place: edits the planner applies, never writes of ours.

* quote a value YAML would read as something else (`code: 0126` → `"0126"`,
  a date, a yes/no, a base-60 number: the Y-rules' pitfalls);
* name the id lint suggests for an unknown one ("menade du");
* add the keys an indicator of a goal lacks (a baseline, target values), left
  blank for the planner to fill in;
* suppress a finding with a reason: `# styr: ignore[CODE] reason` alone on the
  line above, the repository's own syntax (styr.suppress), with a reason to replace:
  marked "FYLL I:", it suppresses nothing and is X003 until the reason is written.

Edits are made for the document asked about under the key `DOCUMENT`; the
server files them under the client's uri.
"""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types

from styr.findings import Finding
from styr.i18n import N_, translate
from styr.load import Document
from styr.lsp.diagnostics import diagnostic, finding_range, shown
from styr.lsp.locate import node_at, path_range
from styr.lsp.settings import Settings
from styr.lsp.texts import lines_of
from styr.lsp.workspace import Linted
from styr.rules import loading
from styr.rules.chain_rules import UNKNOWN_REFERENCE
from styr.rules.indicator_complete import RULE as INCOMPLETE_INDICATOR
from styr.rules.indicator_complete import missing_parts
from styr.scaffold import PLACEHOLDER
from styr.suggest import Suggester

DOCUMENT = "document"

QUOTE_TITLE = N_('Quote the value: "{value}"')
SUGGESTION_TITLE = N_("Write '{suggestion}' instead")
COMPLETE_TITLE = N_("Add the indicator's missing keys to fill in")
SUPPRESS_TITLE = N_("Suppress {code} here, with a reason")
SUPPRESS_REASON = N_("why the rule does not apply here")

# The pitfalls whose cure is quotes around the value as written (each finding's `value`).
QUOTED_CODES = frozenset(
    rule.code
    for rule in (
        loading.AMBIGUOUS_NUMBER,
        loading.AMBIGUOUS_BOOLEAN,
        loading.UNQUOTED_DATE,
        loading.SEXAGESIMAL,
    )
)


def code_actions(
    linted: Linted, file: Path, wanted: types.Range, language: str, settings: Settings
) -> list[types.CodeAction]:
    document = linted.document(file)
    if document is None:
        return []
    lines = lines_of(document.text)
    actions: list[types.CodeAction] = []
    for finding in shown(linted.result.findings, settings):
        if finding.file != file or not _on_lines(finding, wanted):
            continue
        fixes = [
            _quote(finding, lines, language),
            _suggested_id(linted, document, finding, language),
            _indicator_keys(linted, document, finding, lines, language),
            _suppress(finding, lines, language),
        ]
        for fix in fixes:
            if fix is not None:
                title, edit = fix
                actions.append(_action(title, edit, diagnostic(finding, lines, language)))
    return actions


Fix = tuple[str, types.TextEdit]


def _on_lines(finding: Finding, wanted: types.Range) -> bool:
    line = max(finding.line, 1) - 1
    return wanted.start.line <= line <= wanted.end.line


def _action(title: str, edit: types.TextEdit, found: types.Diagnostic) -> types.CodeAction:
    return types.CodeAction(
        title=title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[found],
        edit=types.WorkspaceEdit(changes={DOCUMENT: [edit]}),
    )


def _quote(finding: Finding, lines: list[str], language: str) -> Fix | None:
    value = finding.params.get("value")
    if finding.code not in QUOTED_CODES or not isinstance(value, str) or not value:
        return None
    place = finding_range(finding, lines)
    line = lines[place.start.line] if place.start.line < len(lines) else ""
    start = place.start.character
    if not line.startswith(value, start):
        return None  # the value is not where the finding says: no guess
    end = types.Position(place.start.line, start + len(value))
    edit = types.TextEdit(types.Range(place.start, end), f'"{value}"')
    return translate(QUOTE_TITLE, language, value=value), edit


def _suggested_id(
    linted: Linted, document: Document, finding: Finding, language: str
) -> Fix | None:
    target = finding.params.get("target")
    if finding.code != UNKNOWN_REFERENCE.code or not isinstance(target, str):
        return None
    suggestion = Suggester(linted.index.by_id).suggest(target)
    node = node_at(document, finding.path)
    if suggestion is None or node is None or getattr(node, "value", None) != target:
        return None
    edit = types.TextEdit(path_range(document, finding.path), suggestion)
    return translate(SUGGESTION_TITLE, language, suggestion=suggestion), edit


def _indicator_keys(
    linted: Linted, document: Document, finding: Finding, lines: list[str], language: str
) -> Fix | None:
    """The baseline and targets an indicator lacks: keys left blank, after its last line."""
    if finding.code != INCOMPLETE_INDICATOR.code or not finding.path:
        return None
    data = _value_at(document.data, finding.path[:-1])
    start = path_range(document, finding.path[:-1]).start
    if not isinstance(data, dict) or _starts_flow(lines, start):
        return None
    missing = missing_parts(data)
    indent = " " * start.character
    added = []
    if "baseline" in missing and "baseline" not in data:
        added.append(f"{indent}baseline: {{year: , value: }}")
    if ("target" in missing or "year" in missing) and "targets" not in data:
        added += [f"{indent}targets:", f"{indent}  - {{year: , value: }}"]
    if not added:
        return None
    last = _last_line_of_block(lines, start)
    end = types.Position(last, len(lines[last]))
    edit = types.TextEdit(types.Range(end, end), "".join(f"\n{line}" for line in added))
    return translate(COMPLETE_TITLE, language), edit


def _value_at(data: object, path: tuple[str | int, ...]) -> object:
    for part in path:
        if isinstance(data, dict) and isinstance(part, str):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            return None
    return data


def _starts_flow(lines: list[str], start: types.Position) -> bool:
    line = lines[start.line] if start.line < len(lines) else ""
    return line[start.character : start.character + 1] in ("{", "[", "")


def _last_line_of_block(lines: list[str], start: types.Position) -> int:
    """The last line of a block mapping whose keys stand at `start`'s column."""
    last = start.line
    for number in range(start.line + 1, len(lines)):
        line = lines[number]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if len(line) - len(line.lstrip(" ")) < start.character:
            break
        last = number
    return last


def _suppress(finding: Finding, lines: list[str], language: str) -> Fix | None:
    number = max(finding.line, 1) - 1
    if number >= len(lines) and lines:
        return None
    line = lines[number] if lines else ""
    indent = line[: len(line) - len(line.lstrip(" "))]
    # Marked as every text still to be written is, so lint (X003) keeps the finding
    # and says so until someone writes the reason in its place.
    reason = f"{PLACEHOLDER} {translate(SUPPRESS_REASON, language)}"
    comment = f"{indent}# styr: ignore[{finding.code}] {reason}\n"
    at = types.Position(number, 0)
    edit = types.TextEdit(types.Range(at, at), comment)
    return translate(SUPPRESS_TITLE, language, code=finding.code), edit
