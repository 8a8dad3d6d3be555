"""`styr site` as a function: repositories in, a folder of web pages out, whole or not at all.

One repository gives its site at the folder's root; several give an index
that compares them, with each municipality's full site under its code
(`1283/index.html`). Every repository is linted first, as for `styr report`:
errors refuse the site unless `allow_errors`, and then every page says so.
The pages are written into a staging folder beside the output, and the output
is replaced by it only when every page is written (`files_many.replace_folder`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from styr.cache import LintCache
from styr.errors import UsageError
from styr.files_many import StagedFiles, replace_folder
from styr.lint import LintResult, RepositoryResult, load_and_lint
from styr.load import Document, load_document
from styr.model.index import shared_index
from styr.model.repository import MANIFEST, Repository, find_repositories, kept_to_the_end
from styr.parallel import map_in_processes
from styr.publishing import check_publishable, error_count
from styr.report.anchors import Anchors
from styr.report.compiled_templates import keep_compiled_in
from styr.report.followup import follow_up
from styr.report.texts import LANGUAGES
from styr.report.unreadable import error_parts
from styr.report.view import RepositoryView, ViewBuilder
from styr.rules.placeholders import PLACEHOLDER
from styr.site.compare import write_comparison
from styr.site.municipality import SiteOptions, write_municipality
from styr.site.render import prepare as prepare_templates
from styr.site.sitemap import combined_sitemap, comparison_address
from styr.site.texts import SiteLabels
from styr.site.urls import SITEMAP, Slugs

MARKER = ".styr-webbplats"
DEFAULT_OUTPUT = Path("webbplats")
# Below this many repositories the work is not worth handing to other processes.
_PARALLEL_FROM = 4
# A municipality's whole site takes a tenth of a second or so: handed out two at a time,
# the core that finishes first waits at most that long for the other at the end.
_CHUNK = 2
# What the site must know of the lint (a partial lint, styr.lint_checks.check_repository):
# the errors, which can block it, and the placeholder texts it counts (`placeholders_of`).
_LINT_NEEDS = frozenset({PLACEHOLDER.code})


@dataclass(frozen=True, slots=True)
class SiteWritten:
    folder: Path
    pages: int
    # The texts `styr init` left to be written (X003), published as they stand, and their files.
    placeholders: int = 0
    placeholder_files: tuple[str, ...] = ()
    kept: tuple[str, ...] = ()  # files of the user's own in the folder, kept as they were


def placeholders_of(results: Sequence[RepositoryResult]) -> tuple[int, tuple[str, ...]]:
    """How many placeholder texts (lint's X003) the repositories hold, and in which files.

    Each file is named as `styr lint` names it (`x/styr.yaml` after `styr site x`).
    """
    found = [
        (result.repository.root, finding.file)
        for result in results
        for finding in result.findings
        if finding.code == PLACEHOLDER.code and finding.file is not None
    ]
    files = dict.fromkeys(_shown_file(root, file) for root, file in found)
    return len(found), tuple(files)


def _shown_file(root: Path, file: Path) -> str:
    if not file.is_absolute():
        return file.as_posix()
    try:
        return file.relative_to(root.parent).as_posix()
    except ValueError:
        return file.as_posix()


def build_site(
    paths: list[Path],
    output: Path = DEFAULT_OUTPUT,
    *,
    language: str | None = None,
    updated: date | None = None,
    allow_errors: bool = False,
    today: date | None = None,
    cache: LintCache | None = None,
) -> SiteWritten:
    """Write the website of the repositories the paths name into `output`, replacing it whole.

    `updated` is the date the pages say the content was last updated
    (`--date`); without it, each repository's last git commit, or none (the
    same files give the same bytes: never the time of the build). Raises `UsageError` for a path, a
    language or an output folder that cannot be used (a folder with contents
    that no earlier site wrote is never replaced), and `ErrorsBlockPublishing`
    when the repositories have errors and `allow_errors` is not set; the old
    folder is then left as it was.
    """
    keep_compiled_in(cache)  # the bundled templates compiled once, not every run
    if language is not None and language not in LANGUAGES:
        raise UsageError("unknown-language", name=language)
    roots = find_repositories(paths or [Path(".")])
    day = today or date.today()
    if len(roots) == 1:
        with kept_to_the_end():  # the repository lives until its last page is written
            return _one(roots[0], output, language, updated, allow_errors, day, cache)
    return _many(roots, output, language, updated, allow_errors, day, cache)


def _one(
    root: Path,
    output: Path,
    language: str | None,
    updated: date | None,
    allow_errors: bool,
    today: date,
    cache: LintCache | None,
) -> SiteWritten:
    repository, result = load_and_lint(root, today, cache, only=_LINT_NEEDS)
    check_publishable(LintResult([result]), allow_errors=allow_errors)
    labels = SiteLabels(language or repository.language or "sv")
    placeholders, files = placeholders_of([result])
    options = SiteOptions(
        updated=updated.isoformat() if updated else "",
        placeholders=placeholders,
        content_language=repository.language or "sv",
    )

    staged: list[StagedFiles] = []

    def fill(staging: Path) -> int:
        prepare_templates()
        view, builder = site_view(repository, labels, result, updated)
        staged.append(StagedFiles(staging))
        pages = write_municipality(view, builder, labels, _writer(staged[0], ""), options)
        return len(pages)

    kept: list[str] = []
    count = replace_folder(output, MARKER, fill, kept=kept, written=lambda: staged[0].written)
    return SiteWritten(Path(output), count, placeholders, files, tuple(kept))


def _many(
    roots: list[Path],
    output: Path,
    language: str | None,
    updated: date | None,
    allow_errors: bool,
    today: date,
    cache: LintCache | None,
) -> SiteWritten:
    manifests = [_manifest(root) for root in roots]
    chosen = language or _agreed_language(manifests)
    folders = _folders(roots, manifests)
    options = SiteOptions(updated=updated.isoformat() if updated else "", comparison="index.html")

    placeholders: list[tuple[int, tuple[str, ...]]] = []
    written: list[str] = []  # every file, as the workers and this process wrote them

    def fill(staging: Path) -> int:
        arguments = [
            (root, staging, folder, chosen, options, updated, allow_errors, today, cache)
            for root, folder in zip(roots, folders, strict=True)
        ]
        # Compiled here, before the workers are forked: each inherits them compiled.
        prepare_templates()
        built = _map(_municipality_site, arguments)
        addresses = [address for _, _, _, address, _ in built]
        base = comparison_address(addresses, folders)
        results = [result for _, result, _, _, _ in built]
        check_publishable(LintResult(results), allow_errors=allow_errors)
        placeholders.append(placeholders_of(results))
        views = [view for view, _, _, _, _ in built]
        labels = SiteLabels(chosen)
        files = StagedFiles(staging)
        write = _writer(files, "")
        root = write_comparison(views, folders, labels, replace(options, address=base), write)
        # One sitemap over everything, as the web team publishes the whole folder: each
        # municipality's pages under its own address, the comparison's under its own.
        parts = [(base, "", root)] + [
            (address, f"{folder}/", [page for page in pages if page.endswith(".html")])
            for folder, (_, _, pages, address, _) in zip(folders, built, strict=True)
        ]
        write(SITEMAP, combined_sitemap(parts, labels))
        written.extend(files.written)
        for *_, theirs in built:
            written.extend(theirs)
        return len(root) + 1 + sum(len(pages) for _, _, pages, _, _ in built)

    kept: list[str] = []
    count = replace_folder(output, MARKER, fill, kept=kept, written=lambda: written)
    return SiteWritten(Path(output), count, *placeholders[0], tuple(kept))


# A municipality's view for the comparison, its lint result, its pages, its site's address and
# every file written of it.
Built = tuple[RepositoryView, RepositoryResult, list[str], str, list[str]]


def _map(function: Callable[..., Built], arguments: Sequence[tuple[object, ...]]) -> list[Built]:
    jobs = max(1, min(os.cpu_count() or 1, len(arguments)))
    if jobs == 1 or len(arguments) < _PARALLEL_FROM:
        return [function(*a) for a in arguments]
    return list(map_in_processes(function, arguments, jobs, chunk=_CHUNK))


def _municipality_site(
    root: Path,
    staging: Path,
    folder: str,
    language: str,
    options: SiteOptions,
    updated: date | None,
    allow_errors: bool,
    today: date,
    cache: LintCache | None,
) -> Built:
    """One municipality's site under `folder/` (not written when its errors refuse it).

    Gives back what the comparison needs (the view without its sections), the
    lint result without the files' contents, the pages written, the address
    the municipality's site is published at (the manifest's `site: url:`, or ""), and
    every file written (its stylesheet too), for the folder's marker.
    """
    repository, result = load_and_lint(root, today, cache, only=_LINT_NEEDS)
    labels = SiteLabels(language)
    view, builder = site_view(repository, labels, result, updated)
    options = replace(
        options,
        placeholders=placeholders_of([result])[0],
        content_language=repository.language or "sv",
    )
    pages: list[str] = []
    files = StagedFiles(staging)
    if not view.errors or allow_errors:
        pages = write_municipality(view, builder, labels, _writer(files, folder), options)
    result.repository = Repository(
        root=root,
        manifest=Document(repository.manifest.file, None),
        documents=[Document(document.file, None) for document in repository.documents],
    )
    address = view.branding.site_url if view.branding else ""
    return _light(view), result, pages, address, files.written


def site_view(
    repository: Repository,
    labels: SiteLabels,
    result: RepositoryResult,
    updated: date | None = None,
) -> tuple[RepositoryView, ViewBuilder]:
    """The report's view of one repository, and its builder (for the addresses of elements)."""
    index = shared_index(repository)  # the one the lint's guard built, when it ran
    follow = follow_up(repository, index, labels.language)
    builder = ViewBuilder(repository, index, labels, Anchors(""), follow)
    view = builder.build(updated=updated)
    view.errors = error_count(LintResult([result]))
    view.error_parts = error_parts(repository, result.findings, labels.language)
    return view, builder


def _light(view: RepositoryView) -> RepositoryView:
    """What the comparison needs of a view: its figures and council level, no organisations."""
    return replace(
        view,
        vision=None,
        branding=None,
        waypoints=[],
        values=[],
        programmes=[],
        council_areas=[replace(a, children=[], indicators=[]) for a in view.council_areas],
        council_goals=[],
        documents=[],
        groups=[],
        other_work_plans=[],
    )


def _writer(files: StagedFiles, folder: str) -> Callable[[str, str], None]:
    prefix = f"{folder}/" if folder else ""

    def write(relative: str, text: str) -> None:
        files.write(f"{prefix}{relative}", text)

    return write


def _manifest(root: Path) -> dict[str, object]:
    data = load_document(root / MANIFEST).data
    return data if isinstance(data, dict) else {}


def _agreed_language(manifests: list[dict[str, object]]) -> str:
    languages = {m.get("language") if m.get("language") in LANGUAGES else "sv" for m in manifests}
    return str(languages.pop()) if len(languages) == 1 else "sv"


def _folders(roots: list[Path], manifests: list[dict[str, object]]) -> list[str]:
    """Each municipality's folder: its code, else a slug of its name, each distinct."""
    slugs = Slugs()
    folders = []
    for root, manifest in zip(roots, manifests, strict=True):
        municipality = manifest.get("municipality")
        fields = municipality if isinstance(municipality, dict) else {}
        code, name = fields.get("code"), fields.get("name")
        wanted = code if isinstance(code, str) and code else name if isinstance(name, str) else ""
        folders.append(slugs.claim(wanted or root.name))
    return folders
