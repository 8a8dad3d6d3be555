"""The shape of a lint cache entry, checked strictly before an entry is used.

An entry with a valid HMAC was written by this user, but perhaps by other
code (an older styr, a half-finished change): any difference from the shape
`styr.lint.to_cache_entry` gives makes the entry a miss, and it is rebuilt.
A wrong shape never reaches the output formats, so it can never crash a run.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from styr.findings import Severity
from styr.model.repository import MANIFEST

if TYPE_CHECKING:
    from styr.rules.base import Rule

ENTRY_KEYS = frozenset(
    ("manifest", "files", "suppressed", "withheld", "fail_on", "findings", "unusable")
)
FINDING_KEYS = frozenset(("code", "severity", "file", "line", "column", "path", "params"))
WITHHELD_KEYS = frozenset(("count", "files", "model_misshapen"))
SEVERITY_LABELS = frozenset(severity.label for severity in Severity)
_TEXT_ONLY = frozenset((str,))  # what JSON gives for a text: exactly str


def valid_entry(entry: Any, rules: Mapping[str, Rule]) -> bool:
    """Whether `entry` has exactly the keys and types of an entry, naming only known rules,
    and each finding's parameters fill every placeholder of its rule's message (an entry
    with `"params": {}` would otherwise print `{problem}` as it stands)."""
    return (
        isinstance(entry, dict)
        and entry.keys() == ENTRY_KEYS
        and _texts(entry["files"])
        and _count(entry["suppressed"])
        and (entry["withheld"] is None or _withheld(entry["withheld"]))
        and (entry["fail_on"] is None or _label(entry["fail_on"]))
        and isinstance(entry["findings"], list)
        and all(_finding(finding, rules) for finding in entry["findings"])
        and _unusable(entry["unusable"], entry["files"])
    )


def _finding(finding: Any, rules: Mapping[str, Rule]) -> bool:
    return (
        isinstance(finding, dict)
        and finding.keys() == FINDING_KEYS
        and isinstance(finding["code"], str)
        and finding["code"] in rules
        and _label(finding["severity"])
        and (finding["file"] is None or _text(finding["file"]))
        and _count(finding["line"])
        and _count(finding["column"])
        and isinstance(finding["path"], list)
        and all(map(_part, finding["path"]))
        and isinstance(finding["params"], dict)
        and not rules[finding["code"]].unfilled(finding["params"])
    )


def _unusable(unusable: Any, files: list[str]) -> bool:
    """The schema's verdict of what no code can read: paths (lists of keys and positions)
    by the name of a file of the entry (the manifest, or one of `files`), none without."""
    if not isinstance(unusable, dict):
        return False
    if not unusable:
        return True  # nearly every entry: no name set made
    names = {MANIFEST, *files}
    return all(name in names and _paths(paths) for name, paths in unusable.items())


def _paths(paths: Any) -> bool:
    return (
        isinstance(paths, list)
        and paths != []
        and all(isinstance(path, list) and all(map(_part, path)) for path in paths)
    )


def _part(part: Any) -> bool:
    return isinstance(part, str) or _integer(part)


def _withheld(withheld: Any) -> bool:
    return (
        isinstance(withheld, dict)
        and withheld.keys() == WITHHELD_KEYS
        and _count(withheld["count"])
        and _texts(withheld["files"])
        and isinstance(withheld["model_misshapen"], bool)
    )


def _label(value: Any) -> bool:
    return isinstance(value, str) and value in SEVERITY_LABELS  # a list is not hashable


def _integer(value: Any) -> bool:
    return type(value) is int  # not bool, which JSON keeps apart


def _count(value: Any) -> bool:
    return _integer(value) and value >= 0


def _text(value: Any) -> bool:
    return isinstance(value, str) and value != ""


def _texts(value: Any) -> bool:
    # Asked of every file name of every entry a warm run reads: C-level passes over the list.
    return isinstance(value, list) and set(map(type, value)) <= _TEXT_ONLY and "" not in value
