"""The findings' delta: which lint findings a change introduced, and which it fixed.

Both sides are linted as `styr lint` lints them (suppressions, configuration
and withholding included, so a finding withheld on one side is withheld on
the other for the same cause). A finding is the same on both sides when its
rule and place are: the place is the id of the element it is in (and the
path inside that element), not its file, which a rename moves, nor its line
and column, which any edit above it moves, nor its position in a list, which
adding a goal above it moves; only outside any element is it the file and
path. Its message parameters only pair findings up where one element has
several of one rule: a finding whose parameters changed ("has 4 goals" to
"has 5 goals") is the same finding, neither introduced nor fixed.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

from styr.diff.changes import FindingRecord, FindingsDelta
from styr.findings import Finding, PathInDocument, Severity
from styr.lint import lint_repository, relative_name
from styr.model.index import build_index
from styr.model.repository import Repository

# What makes two findings the same finding on the two sides: rule and place.
MatchKey = tuple[str, str]
# A finding's key with its message parameters, to pair the exact ones first.
ExactKey = tuple[str, str, str]
Keyed = list[tuple[MatchKey, str, Finding]]


def findings_delta(
    old: Repository | None, new: Repository | None, *, today: date, language: str
) -> FindingsDelta:
    """The findings of `new` that `old` lacks (introduced) and of `old` that `new` lacks (fixed).

    A side that is None (a repository added or removed) has no findings.
    The repositories are linted here, so compare them before: lint lets go
    of the positions of their values once it is done.
    """
    old_keyed = _keyed(old, today) if old is not None else []
    new_keyed = _keyed(new, today) if new is not None else []
    introduced = _unmatched(new_keyed, old_keyed)
    fixed = _unmatched(old_keyed, new_keyed)
    return FindingsDelta(
        introduced=[_record(f, new, language) for f in introduced] if new is not None else [],
        fixed=[_record(f, old, language) for f in fixed] if old is not None else [],
    )


def _keyed(repository: Repository, today: date) -> Keyed:
    places = _element_places(repository)  # before lint, which changes nothing it indexes
    findings = lint_repository(repository, today=today).findings
    return [
        (_match_key(finding, repository, places), _params(finding.params, finding.path), finding)
        for finding in findings
    ]


def _unmatched(these: Keyed, those: Keyed) -> list[Finding]:
    """The findings of `these` with no counterpart in `those` (each counterpart used once).

    Same rule, place and parameters pair first; what is left pairs by rule and
    place alone, so that of two findings in one element whose parameters
    changed, each still finds its own.
    """
    exact: dict[ExactKey, int] = defaultdict(int)
    for key, params, _finding in those:
        exact[(*key, params)] += 1
    loose_these = []
    for key, params, finding in these:
        if exact[(*key, params)]:
            exact[(*key, params)] -= 1
        else:
            loose_these.append((key, finding))
    loose: dict[MatchKey, int] = defaultdict(int)
    for (code, place, _params_left), count in exact.items():
        loose[(code, place)] += count
    left = []
    for key, finding in loose_these:
        if loose[key]:
            loose[key] -= 1
        else:
            left.append(finding)
    return left


# An element's place: (file name in the repository, its path in the document) -> its id.
Places = dict[tuple[str, PathInDocument], str]


def _element_places(repository: Repository) -> Places:
    places: Places = {}
    names: dict[Path, str] = {}  # each file's name worked out once, not once per element
    for element in build_index(repository).elements:
        if element.id is not None:
            path = element.document.file
            file = names.get(path)
            if file is None:
                file = names[path] = relative_name(repository, path)
            places[(file, tuple(element.path))] = element.id
    return places


# Rules that point at the first item over a limit of a list (G001 at a board's
# fourth goal) and are said of the list's holder: their place is the holder,
# since which item is the first over the limit changes with every goal added.
_SAID_OF_THE_LIST = frozenset({"G001"})


def _match_key(finding: Finding, repository: Repository, places: Places) -> MatchKey:
    file = relative_name(repository, finding.file)
    path = finding.path
    if finding.code in _SAID_OF_THE_LIST and len(path) >= 2 and isinstance(path[-1], int):
        path = path[:-2]  # (..., "goals", 3) -> the board
    return (finding.code, _place(file, path, places))


def _place(file: str, path: PathInDocument, places: Places) -> str:
    """The id of the innermost element holding the path and the rest of it; else file and path.

    An element's id, not its file: a file renamed (organisation/sfn.yaml)
    leaves its elements' findings the same findings.
    """
    for length in range(len(path), -1, -1):
        element = places.get((file, tuple(path[:length])))
        if element is not None:
            return json.dumps(["element", element, list(path[length:])])
    return json.dumps(["file", file, list(path)])


def _params(params: dict[str, Any], path: PathInDocument) -> str:
    """The message parameters, without the path the finding is at written into them.

    A schema finding says where it is ("goals[1].horizon.end"): a goal added
    above it changes that text, not the finding, whose place is already in
    the key as the element's id.
    """
    written = [_dotted(path[:length]) for length in range(len(path), 0, -1)]
    shown = {
        name: _without_paths(value, written) if isinstance(value, str) else value
        for name, value in params.items()
    }
    return json.dumps(shown, sort_keys=True, default=str, ensure_ascii=False)


def _dotted(path: PathInDocument) -> str:
    """A path as a finding's message writes it (`Finding.dotted_path`: goals[1].title)."""
    return Finding("", Severity.INFO, None, path=path).dotted_path


def _without_paths(text: str, written: list[str]) -> str:
    for dotted in written:  # the longest first: "goals[1].horizon" before "goals[1]"
        if dotted in text:
            return text.replace(dotted, "\0")
    return text


def _record(finding: Finding, repository: Repository, language: str) -> FindingRecord:
    from styr.rules.catalogue import BY_CODE

    return FindingRecord(
        code=finding.code,
        severity=finding.severity.label,
        file=relative_name(repository, finding.file),
        line=finding.line,
        column=finding.column,
        message=BY_CODE[finding.code].render(finding, language),
    )
