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
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from styr.cache import LintCache
from styr.errors import UsageError
from styr.files_many import StagedFiles, replace_folder
from styr.files_staging import FlushingBehind
from styr.lint import LintResult, RepositoryResult, load_and_lint
from styr.load import Document
from styr.model.index import shared_index
from styr.model.repository import Repository, find_repositories, kept_to_the_end
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
# While the workers write, what they wrote is flushed to disk behind them each time about
# this many more files are written (about 20 MB, a tenth of a site of 290): the flush
# before the folder is swapped in, with both cores idle, then has little left to write.
_FLUSH_EVERY = 1000


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
    options = SiteOptions(updated=updated.isoformat() if updated else "", comparison="index.html")
    rest = (options, updated, allow_errors, today, cache)
    placeholders: list[tuple[int, tuple[str, ...]]] = []
    written: list[str] = []  # every file, as the workers and this process wrote them

    def fill(staging: Path) -> int:
        flushing = FlushingBehind(_FLUSH_EVERY)
        try:
            return write_all(staging, flushing)
        finally:
            flushing.stop()

    def write_all(staging: Path, flushing: FlushingBehind) -> int:
        # Compiled here, before the workers are forked: each inherits them compiled.
        prepare_templates()
        built = _map(
            _municipality_site,
            [(root, staging, number, language, *rest) for number, root in enumerate(roots)],
            flushing,
        )
        results = [municipality.result for municipality in built]
        check_publishable(LintResult(results), allow_errors=allow_errors)
        placeholders.append(placeholders_of(results))
        chosen = language or _agreed_language([municipality.language for municipality in built])
        _in_language(
            built,
            chosen,
            [(root, staging, number, chosen, *rest) for number, root in enumerate(roots)],
            flushing,
        )
        folders = _folders(roots, [municipality.wanted_folder for municipality in built])
        for number, (municipality, folder) in enumerate(zip(built, folders, strict=True)):
            if municipality.written:  # nothing is written of one its errors refuse
                os.rename(staging / _provisional(number), staging / folder)
        addresses = [municipality.address for municipality in built]
        base = comparison_address(addresses, folders)
        labels = SiteLabels(chosen)
        files = StagedFiles(staging)
        write = _writer(files, "")
        views = [municipality.view for municipality in built]
        root = write_comparison(views, folders, labels, replace(options, address=base), write)
        # One sitemap over everything, as the web team publishes the whole folder: each
        # municipality's pages under its own address, the comparison's under its own.
        parts = [(base, "", root)] + [
            (municipality.address, f"{folder}/", municipality.html_pages())
            for folder, municipality in zip(folders, built, strict=True)
        ]
        write(SITEMAP, combined_sitemap(parts, labels))
        written.extend(files.written)
        for folder, municipality in zip(folders, built, strict=True):
            written.extend(f"{folder}/{file}" for file in municipality.written)
        return len(root) + 1 + sum(len(municipality.pages) for municipality in built)

    kept: list[str] = []
    count = replace_folder(output, MARKER, fill, kept=kept, written=lambda: written)
    return SiteWritten(Path(output), count, *placeholders[0], tuple(kept))


class MunicipalitySite(NamedTuple):
    """What a worker gives back of one municipality's site, written in its provisional folder."""

    view: RepositoryView  # what the comparison needs of it: no sections (`_light`)
    result: RepositoryResult  # its lint result, without the files' contents
    pages: list[str]  # the pages written
    address: str  # where its site is published (the manifest's `site: url:`), or ""
    written: list[str]  # every file written (its stylesheet too), inside its folder
    wanted_folder: str  # its manifest's code, else name, else "" (`_folders`)
    language: str  # the language its pages are written in

    def html_pages(self) -> list[str]:
        return [page for page in self.pages if page.endswith(".html")]


def _provisional(number: int) -> str:
    """The folder in the staging folder the `number`th municipality's pages are written to,
    renamed to its own once every manifest is known (`_folders`). Hidden: no slug, page or
    marker starts with a dot."""
    return f".{number}"


def _in_language(
    built: list[MunicipalitySite],
    chosen: str,
    arguments: list[tuple[Any, ...]],
    flushing: FlushingBehind,
) -> None:
    """Write again in `chosen` the sites written in another language (`arguments`: each
    municipality's to `_municipality_site`, in `chosen`).

    Each worker writes a municipality's pages in its manifest's language: the
    language every manifest agrees on is known only once all are read, and
    reading them all before the workers start kept the other core waiting.
    Where they do not agree (rare), those in another language are written again.
    """
    again = [number for number, municipality in enumerate(built) if municipality.language != chosen]
    if again:
        flushing.stop()  # no thread runs while the workers are forked again
    for number in again:
        _root, staging, *_ = arguments[number]
        shutil.rmtree(staging / _provisional(number), ignore_errors=True)
    redone = _map(_municipality_site, [arguments[number] for number in again], flushing)
    for number, municipality in zip(again, redone, strict=True):
        built[number] = municipality


def _map(
    function: Callable[..., MunicipalitySite],
    arguments: Sequence[tuple[object, ...]],
    flushing: FlushingBehind | None = None,
) -> list[MunicipalitySite]:
    """`function(*a)` for each of `arguments`, in worker processes when there are enough; the
    files written so far flushed behind them (`flushing`) while this process waits for more."""
    jobs = max(1, min(os.cpu_count() or 1, len(arguments)))
    if jobs == 1 or len(arguments) < _PARALLEL_FROM:
        return [function(*a) for a in arguments]
    built = []
    for municipality in map_in_processes(function, arguments, jobs, chunk=_CHUNK):
        built.append(municipality)
        if flushing is not None:
            flushing.written(len(municipality.written))
    return built


def _municipality_site(
    root: Path,
    staging: Path,
    number: int,
    language: str | None,
    options: SiteOptions,
    updated: date | None,
    allow_errors: bool,
    today: date,
    cache: LintCache | None,
) -> MunicipalitySite:
    """One municipality's site in its provisional folder (not written when its errors refuse
    it), in `language`, or in its manifest's language (Swedish when it names none) without.
    """
    repository, result = load_and_lint(root, today, cache, only=_LINT_NEEDS)
    language = language or _language_of(repository.manifest_data)
    labels = SiteLabels(language)
    view, builder = site_view(repository, labels, result, updated)
    options = replace(
        options,
        placeholders=placeholders_of([result])[0],
        content_language=repository.language or "sv",
    )
    pages: list[str] = []
    files = StagedFiles(staging / _provisional(number))
    if not view.errors or allow_errors:
        pages = write_municipality(view, builder, labels, _writer(files, ""), options)
    wanted = _wanted_folder(repository.manifest_data)
    result.repository = Repository(
        root=root,
        manifest=Document(repository.manifest.file, None),
        documents=[Document(document.file, None) for document in repository.documents],
    )
    address = view.branding.site_url if view.branding else ""
    return MunicipalitySite(_light(view), result, pages, address, files.written, wanted, language)


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


def _language_of(manifest: dict[str, object]) -> str:
    language = manifest.get("language")
    return language if isinstance(language, str) and language in LANGUAGES else "sv"


def _agreed_language(languages: list[str]) -> str:
    """The one language every municipality's pages are in: the one all agree on, else Swedish."""
    agreed = set(languages)
    return agreed.pop() if len(agreed) == 1 else "sv"


def _wanted_folder(manifest: dict[str, object]) -> str:
    """A municipality's folder as its manifest asks: its code, else its name, else ""."""
    municipality = manifest.get("municipality")
    fields = municipality if isinstance(municipality, dict) else {}
    code, name = fields.get("code"), fields.get("name")
    return code if isinstance(code, str) and code else name if isinstance(name, str) else ""


def _folders(roots: list[Path], wanted: list[str]) -> list[str]:
    """Each municipality's folder: its code, else a slug of its name, each distinct."""
    slugs = Slugs()
    return [slugs.claim(name or root.name) for root, name in zip(roots, wanted, strict=True)]
