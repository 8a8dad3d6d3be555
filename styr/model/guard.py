"""The one guard between the schema and the rules: rules only see values of the promised shape.

The schema check says which values it rejects (`better: [lower]`,
`contributes_to: 5`, `id: Trygghet 1`). Each gets its schema finding, and
that is the only finding about it:

* Values a rule could trip over (a list where a word belongs, a number where
  a list belongs) are left out of what the rules, the chain checks and the
  index see. No rule needs a special case for them, and none fails on them.
* A rule's finding inside a rejected value, or about the element that holds
  one, is dropped: without the value a rule would report what is "missing"
  (no target value, contributes to nothing), a second finding for one mistake.
* While the manifest's steering model is misshapen (a rejected value in it,
  no steering model, or a part of it standing elsewhere after a bad indent),
  findings that judge by the model are withheld and counted
  (`styr.withholding`); while a rejected value held ids, findings that an id
  is unknown are dropped. Those would be consequences, reported far from
  their cause.

A value inside a list is left out with its whole list, so that the positions
of the other items (and so every line and column) stay as written. The
documents themselves are never changed: the cache reads them, and the
renderings read them without what no code could read (styr.model.readable).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from styr.findings import Finding, PathInDocument
from styr.load import Document
from styr.model.index import FILE_LAYOUTS, Index, Layout, build_index, shared_index
from styr.model.readable import remember_unusable, whole_values, without_values
from styr.model.readable import whole_value as whole_value
from styr.model.readable import without as without
from styr.model.repository import Repository
from styr.rules.base import PRESUMES_EVERY_FILE, Rule
from styr.schema_check import SchemaResult

STEERING_MODEL = ("steering_model",)
# The steering model's own parts. Reported where the manifest has no place for
# them (`levels:` under `term_of_office:` after one bad indent), they are parts
# missing from the model: name and description are left out, being words any
# mapping may misspell.
_MODEL_PARTS = frozenset(
    {"levels", "element_kinds", "links", "organisation_types", "steering_model"}
)


def _element_keys(layout: Layout) -> set[str]:
    keys = set()
    for key, (_, children, _) in layout.items():
        keys |= {key, *_element_keys(children)}
    return keys


# Keys under which elements stand (goals, indicators, …) and the key of an id:
# leaving out a value there leaves out ids that references may name.
_HOLDS_IDS = {"id", "direction"}.union(*(_element_keys(layout) for layout in FILE_LAYOUTS.values()))


@dataclass(slots=True)
class Guarded:
    """A repository as the rules see it, its index, and what the schema rejected in it."""

    repository: Repository
    index: Index
    rejected: dict[Path, list[PathInDocument]] = field(default_factory=dict)
    model_rejected: bool = False  # the steering model is misshapen (_model_misshapen)
    ids_lost: bool = False  # a value left out held ids of elements
    _owners: dict[Path, set[PathInDocument]] = field(default_factory=dict, repr=False)
    _rejected_sets: dict[Path, set[PathInDocument]] = field(default_factory=dict, repr=False)
    _elements: dict[Path, set[PathInDocument]] | None = field(default=None, repr=False)

    def keep(self, findings: Iterable[Finding], rule_of: Callable[[str], Rule]) -> list[Finding]:
        """The findings that are not consequences of a value the schema rejected."""
        return [finding for finding in findings if not self.withholds(finding, rule_of)]

    def withholds(self, finding: Finding, rule_of: Callable[[str], Rule]) -> bool:
        presumes = rule_of(finding.code).presumes
        # A misshapen model's consequences are withheld later, with their count.
        if self.ids_lost and PRESUMES_EVERY_FILE in presumes:
            return True
        paths = self._rejected_set(finding.file)
        if not paths:
            return False
        # Each beginning of the finding's path, looked up: linear in its length.
        if any(finding.path[:length] in paths for length in range(len(finding.path) + 1)):
            return True
        return self._owner(finding.file, finding.path) in self._owners_of(finding.file)

    def _rejected_set(self, file: Path | None) -> set[PathInDocument]:
        if file is None:
            return set()
        if file not in self._rejected_sets:
            self._rejected_sets[file] = set(self.rejected.get(file, []))
        return self._rejected_sets[file]

    def _owners_of(self, file: Path | None) -> set[PathInDocument]:
        if file is None:
            return set()
        if file not in self._owners:
            self._owners[file] = {self._owner(file, path) for path in self.rejected.get(file, [])}
        return self._owners[file]

    def _owner(self, file: Path | None, path: PathInDocument) -> PathInDocument:
        """The element (or the file, ()) that the value at `path` belongs to."""
        elements = self._element_paths().get(file, set()) if file is not None else set()
        for length in range(len(path), 0, -1):
            if path[:length] in elements:
                return path[:length]
        return ()

    def _element_paths(self) -> dict[Path, set[PathInDocument]]:
        if self._elements is None:
            self._elements = {}
            for element in self.index.elements:
                self._elements.setdefault(element.document.file, set()).add(element.path)
        return self._elements


def guard(repository: Repository, results: Mapping[Path, SchemaResult]) -> Guarded:
    """The repository without the values rules could trip over, and its index."""
    rejected = {file: list(result.rejected) for file, result in results.items() if result.rejected}
    left_out = {
        file: whole_values(_unusable(file, result, repository))
        for file, result in results.items()
        if _unusable(file, result, repository)
    }
    model_rejected = _model_misshapen(repository.manifest, results.get(repository.manifest.file))
    # What the renderings leave out when they publish this repository (styr.model.readable).
    remember_unusable(repository, {file: result.unusable for file, result in results.items()})
    if not left_out:
        index = shared_index(repository)  # the report reads the same one (styr.report.build)
        return Guarded(repository, index, rejected, model_rejected)
    shaped = without_values(repository, left_out)
    ids_lost = any(
        path and path[-1] in _HOLDS_IDS for file, paths in left_out.items() for path in paths
    )
    return Guarded(shaped, build_index(shaped), rejected, model_rejected, ids_lost)


def _model_misshapen(manifest: Document, result: SchemaResult | None) -> bool:
    """Whether the declared steering model is not what the planner meant to declare.

    A manifest that did not load at all is `styr.withholding`'s own case.
    """
    if not isinstance(manifest.data, dict):
        return False
    if not isinstance(manifest.data.get("steering_model"), dict):
        return True
    findings = result.findings if result is not None else []
    return any(
        finding.path[:1] == STEERING_MODEL or (finding.path and finding.path[-1] in _MODEL_PARTS)
        for finding in findings
    )


def _unusable(file: Path, result: SchemaResult, repository: Repository) -> list[PathInDocument]:
    """What rules must not see: in the manifest every rejected value, since the manifest
    is the run's configuration (the term, the model); elsewhere what rules could trip over."""
    return result.rejected if file == repository.manifest.file else result.unusable
