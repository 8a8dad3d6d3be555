"""A diff as JSON, valid against schemas/diff.schema.json.

The changes as the comparison found them (`kind` is the stable `ChangeKind`
value, `params` as they are) with `text`, the sentence in the run's
language, beside each; the findings' delta per repository. Keys in a fixed
order; non-ASCII written as it is, and `styr.escape.json_text` keeps any
control character a file held an escape in the document.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from styr.diff.changes import Change, DiffResult, FindingRecord, RepositoryDiff
from styr.diff.sentences import PLAIN, sentence
from styr.json_writing import json_document

FORMAT_VERSION = 1


def render_json(result: DiffResult, language: str) -> str:
    document = {
        "format_version": FORMAT_VERSION,
        "old": result.old_label,
        "new": result.new_label,
        "unchanged": result.unchanged,
        "repositories": [_repository(r, language) for r in result.repositories],
    }
    return json_document(_plain(document), default=str)


def _repository(repository: RepositoryDiff, language: str) -> dict[str, Any]:
    return {
        "name": repository.name,
        "code": repository.code,
        "path": repository.path,
        # The old side's folder, always written (the same as path for two
        # revisions of one work tree): what was removed or fixed is there.
        "old_path": repository.old_path or repository.path,
        "organisation_names": dict(repository.organisation_names),
        "changes": [
            _change(change, language, repository.organisation_names)
            for change in repository.changes
        ],
        "findings": {
            "introduced": [_finding(record) for record in repository.findings.introduced],
            "fixed": [_finding(record) for record in repository.findings.fixed],
        },
    }


def _change(change: Change, language: str, names: Mapping[str, str]) -> dict[str, Any]:
    return {
        "kind": str(change.kind),
        "category": change.category,
        "id": change.id,
        "title": change.title,
        "file": change.file,
        "line": change.line,
        "column": change.column,
        "organisation": change.organisation,
        "params": change.params,
        "text": sentence(change, language, PLAIN, names),
    }


def _finding(record: FindingRecord) -> dict[str, Any]:
    return {
        "code": record.code,
        "severity": record.severity,
        "file": record.file,
        "line": record.line,
        "column": record.column,
        "message": record.message,
    }


def _plain(value: Any) -> Any:
    """The value with what JSON cannot hold made plain: an infinite or missing number as text."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value
