"""`styr lint` as a function: repositories in, findings out."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from styr.cache import ENTRY_SUFFIX, LintCache, partial_suffix
from styr.cache_entry import valid_entry
from styr.cache_index import (
    Stamp,
    indexed_entry,
    listed_stamps,
    now_ns,
    store_index,
    take_stamps,
)
from styr.config import LintConfig
from styr.findings import Finding, Severity

# Re-exported: the rest of the code takes the results from here.
from styr.lint_result import LintResult as LintResult
from styr.lint_result import RepositoryResult as RepositoryResult
from styr.load import Document
from styr.model.repository import (
    MANIFEST,
    Listing,
    Repository,
    collector_paused,
    find_listed_repositories,
    kept_to_the_end,
    load_repository,
    read_repository_files,
    repository_entries,
    repository_names,
)
from styr.named_documents import NamedDocuments
from styr.parallel import map_in_processes

if TYPE_CHECKING:
    from styr.rules.base import Rule
    from styr.withholding import Withheld


def lint_paths(
    paths: Iterable[Path],
    *,
    today: date | None = None,
    cache: LintCache | None = None,
    jobs: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> LintResult:
    """Lint every repository the paths name (see `find_listed_repositories`).

    With a cache, a repository whose files have not changed is not linted
    again; with `jobs` above 1, many repositories are linted in parallel.
    """
    day = today or date.today()
    listings = find_listed_repositories(paths)
    roots = list(listings)
    report = progress or (lambda done, total: None)
    known = _answered_by_index(listings, day, cache, report) if cache is not None else {}
    missing = [root for root in roots if root not in known]
    linted: dict[Path, RepositoryResult] = {}
    for root, result in zip(missing, _lint_each(missing, day, cache, jobs), strict=True):
        linted[root] = result
        report(len(known) + len(linted), len(roots))
    return LintResult([known.get(root) or linted[root] for root in roots])


def _answered_by_index(
    listings: dict[Path, Listing],
    day: date,
    cache: LintCache,
    report: Callable[[int, int], None],
) -> dict[Path, RepositoryResult]:
    """The repositories whose files all have their stamps of last time, from their entries.

    Answered without reading a file (styr.cache_index).
    """
    known: dict[Path, RepositoryResult] = {}
    contexts = cache.contexts(day)  # the folders above the repositories looked at once
    with collector_paused():  # a few objects per repository, in no cycle
        for root, listing in listings.items():
            cached = _from_index(root, listing, contexts, cache)
            if cached is not None:
                known[root] = cached
                report(len(known), len(listings))
    return known


# Below this many repositories, starting worker processes costs more than it saves.
_PARALLEL_FROM = 8


def _lint_each(
    roots: list[Path], today: date, cache: LintCache | None, jobs: int
) -> Iterator[RepositoryResult]:
    if len(roots) == 1:
        return _lint_alone(roots[0], today, cache)
    if jobs <= 1 or len(roots) < _PARALLEL_FROM:
        return (_lint_root(root, today, cache) for root in roots)
    # Workers read, hash and lint their repositories themselves, so that the
    # cache look-ups run in parallel too; they send back no file contents.
    _prepare_for_fork()
    return map_in_processes(_lint_root, [(root, today, cache) for root in roots], jobs)


def _lint_alone(root: Path, today: date, cache: LintCache | None) -> Iterator[RepositoryResult]:
    """The one repository linted, what it loads frozen (`kept_to_the_end`): with nothing
    linted after it, nothing it leaves waits for a collection that would free more."""
    with kept_to_the_end():
        yield _lint_root(root, today, cache)


def _prepare_for_fork() -> None:
    """Import the checks and compile the validators once, here, when workers inherit them.

    Forked workers start with what this process has; each would otherwise
    do the same imports and compilations again. Workers that are spawned
    (Windows, macOS) start afresh, so nothing is done for them here.
    """
    import multiprocessing

    if multiprocessing.get_start_method() == "fork":
        from styr.lint_checks import prepare

        prepare()


def _from_index(
    root: Path, listing: Listing, contexts: Callable[[Path], str], cache: LintCache
) -> RepositoryResult | None:
    """The result of last time, if every file has its stamp of then (`listing`: the top's)."""
    entry = indexed_entry(
        cache, root, contexts, lambda: listed_stamps(*repository_entries(root, listing))
    )
    return None if entry is None else from_cache_entry(root, entry)


def _lint_root(root: Path, today: date, cache: LintCache | None) -> RepositoryResult:
    """One repository's result: from the cache when nothing changed, else linted (and cached).

    The result keeps the manifest's data and the files' names, not their
    contents: what the output formats need, and memory stays flat however
    many repositories are linted.
    """
    if cache is None:
        result = lint_repository(load_repository(root), today=today)
    else:
        # With a cache, read once: for the key and for linting. The stamps are
        # taken before the bytes are read, so a change while reading shows next time.
        names = [MANIFEST, *repository_names(root)]
        read_from = now_ns()
        stamps = take_stamps(root, names)
        contents = read_repository_files(root, [root / name for name in names])
        result = _cached_or_linted(
            root,
            today,
            cache,
            contents,
            lambda: load_repository(root, contents),
            (stamps, read_from),
        )
    repository = result.repository
    result.repository = Repository(
        root=repository.root,
        manifest=Document(repository.manifest.file, repository.manifest.data),
        documents=_names_only(repository),
    )
    return result


def _names_only(repository: Repository) -> NamedDocuments:
    """The documents as their names, Documents (file, no data) made only if an output asks.

    A worker sends its results to the parent pickled: a name is a few bytes,
    where a Document and its path were a tuple of every part of the path,
    and a path built again in the parent for each of thousands of files.
    """
    documents = repository.documents
    if isinstance(documents, NamedDocuments):
        return documents  # answered from the cache: names already
    return NamedDocuments(repository.root, [relative_name(repository, d.file) for d in documents])


def load_and_lint(
    root: Path, today: date, cache: LintCache | None = None, *, only: frozenset[str] | None = None
) -> tuple[Repository, RepositoryResult]:
    """A repository loaded whole (to publish it) and its lint result, each file read once.

    `styr report` and `styr status` show the repository and must know its
    errors: with a cache, a repository `styr lint` has just checked is not
    checked again. With `only`, the result is partial: the errors and the
    findings of the rules named, no more (`styr.lint_checks.check_repository`).
    The repository comes back without the values no code could read
    (`styr.model.readable`); the lint saw them, and found them.
    """
    contents = read_repository_files(root)
    repository = load_repository(root, contents)

    def to_lint() -> Repository:
        # Asked for on a miss, once the key is made from the bytes: they are
        # not needed again, and let go they are not held while the lint runs
        # (100,000 goals: 50 MB of its peak).
        contents.clear()
        return repository

    result = _cached_or_linted(root, today, cache, contents, to_lint, only=only)
    # Shown with --allow-errors, a value of a shape no code could read is left out of what
    # the renderings read, as it is of what the rules read (styr.model.guard). The lint's
    # verdict on it comes with its result, from the cache too: no file is checked again.
    from styr.model.readable import readable, remember_unusable

    remember_unusable(repository, result.unusable)
    return readable(repository), result


def _cached_or_linted(
    root: Path,
    today: date,
    cache: LintCache | None,
    contents: dict[Path, bytes | None] | None,
    load: Callable[[], Repository],
    stamped: tuple[list[Stamp] | None, int] | None = None,
    *,
    only: frozenset[str] | None = None,
) -> RepositoryResult:
    """The one place the cache is consulted: a valid entry for these contents, else a fresh lint.

    `load` is only called on a miss; a fresh result is stored for next time.
    With the files' stamps (and when they were taken), the stat index learns
    the key and its entry, so that next time no file need be read but the index.
    A partial lint (`only`, see `styr.lint_checks.check_repository`) takes a
    whole entry when `styr lint` left one (it answers any question), else the
    entry of the same partial lint, stored under its own name (`partial_suffix`)
    so that it never answers a run that needs every finding.
    """
    if cache is None or contents is None:
        return lint_repository(load(), today=today, only=only)
    key = cache.key(root, contents, today)
    entry = cache.load(key)
    result = from_cache_entry(root, entry)
    suffix = ENTRY_SUFFIX if only is None else partial_suffix(only)
    if result is None and only is not None:
        result = from_cache_entry(root, cache.load(key, suffix))
    if result is None:
        result = lint_repository(load(), today=today, only=only)
        entry = to_cache_entry(result)
        cache.store(key, entry, suffix)
    if stamped is not None and only is None:
        store_index(cache, root, today, key, entry, *stamped)
    return result


def to_cache_entry(result: RepositoryResult) -> dict[str, object]:
    return {
        "manifest": result.repository.manifest.data,
        "files": [relative_name(result.repository, d.file) for d in result.repository.documents],
        "suppressed": result.suppressed,
        "withheld": _withheld_entry(result),
        "fail_on": result.config.fail_on.label if result.config.fail_on else None,
        "findings": [
            {
                "code": f.code,
                "severity": f.severity.label,
                "file": relative_name(result.repository, f.file) if f.file else None,
                "line": f.line,
                "column": f.column,
                "path": list(f.path),
                "params": f.params,
            }
            for f in result.findings
        ],
        "unusable": {
            relative_name(result.repository, file): [list(path) for path in paths]
            for file, paths in result.unusable.items()
        },
    }


class _KnownRules(Mapping[str, "Rule"]):
    """The rules by code; they are imported only for an entry that has findings."""

    def __getitem__(self, code: str) -> Rule:
        from styr.rules.catalogue import BY_CODE

        return BY_CODE[code]

    def __iter__(self) -> Iterator[str]:
        from styr.rules.catalogue import BY_CODE

        return iter(BY_CODE)

    def __len__(self) -> int:
        from styr.rules.catalogue import BY_CODE

        return len(BY_CODE)


_KNOWN_RULES = _KnownRules()


def from_cache_entry(root: Path, entry: Any) -> RepositoryResult | None:
    """The result an entry holds; None (a miss) unless it has exactly the entry shape."""
    if not valid_entry(entry, _KNOWN_RULES):
        return None
    repository = Repository(
        root=root,
        manifest=Document(root / MANIFEST, entry["manifest"]),
        documents=NamedDocuments(root, entry["files"]),  # built only if an output asks
    )
    findings = [
        Finding(
            f["code"],
            Severity.parse(f["severity"]),
            root / f["file"] if f["file"] is not None else None,
            f["line"],
            f["column"],
            tuple(f["path"]),
            f["params"],
        )
        for f in entry["findings"]
    ]
    if not _logo_as_cached(root, entry["manifest"], findings):
        return None  # the logo file changed since (M002 reads a file the key does not cover)
    fail_on = entry["fail_on"]
    config = LintConfig(fail_on=Severity.parse(fail_on) if fail_on else None)
    unusable = {
        root / name: [tuple(path) for path in paths] for name, paths in entry["unusable"].items()
    }
    return RepositoryResult(
        repository,
        findings,
        config,
        entry["suppressed"],
        _withheld_from(root, entry["withheld"]),
        unusable,
    )


def _logo_as_cached(root: Path, manifest: Any, findings: list[Finding]) -> bool:
    site = manifest.get("site") if isinstance(manifest, dict) else None
    if not isinstance(site, dict) or "logo" not in site:
        return True  # most repositories: nothing to look at, and nothing more imported
    from styr.rules.site_settings import logo_as_cached

    return logo_as_cached(root, manifest, findings)


def _withheld_entry(result: RepositoryResult) -> dict[str, object] | None:
    withheld = result.withheld
    if withheld is None:
        return None
    return {
        "count": withheld.count,
        "files": [relative_name(result.repository, file) for file in withheld.files],
        "model_misshapen": withheld.model_misshapen,
    }


def _withheld_from(root: Path, entry: Any) -> Withheld | None:
    if entry is None:
        return None
    from styr.withholding import Withheld

    files = tuple(root / name for name in entry["files"])
    return Withheld(entry["count"], files, entry["model_misshapen"])


def lint_repository(
    repository: Repository, *, today: date, only: frozenset[str] | None = None
) -> RepositoryResult:
    """Every check of one loaded repository (styr.lint_checks, imported only when needed).

    With `only`, only what a publishing command needs: see `check_repository`.
    """
    from styr.lint_checks import check_repository

    return check_repository(repository, today, only)


def relative_name(repository: Repository, file: Path | None) -> str:
    """A file's name in its repository, as findings and cache entries give it."""
    if file is None:
        return ""
    try:
        return file.relative_to(repository.root).as_posix()
    except ValueError:
        return file.as_posix()
