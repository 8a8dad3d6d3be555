"""`styr report` as a function: repositories in, one HTML or Markdown document out."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from styr import __version__
from styr.cache import LintCache
from styr.errors import UsageError
from styr.lint import LintResult, RepositoryResult, lint_repository, load_and_lint
from styr.load import Document
from styr.load.freed_memory import return_freed_memory
from styr.model.index import shared_index
from styr.model.repository import Repository, collector_paused, find_repositories
from styr.parallel import map_in_processes
from styr.publishing import ERRORS_ONLY, check_publishable, error_count
from styr.report.anchors import Anchors, prefix_for
from styr.report.compare import compare
from styr.report.compiled_templates import keep_compiled_in
from styr.report.diagram import build_diagram
from styr.report.findings import findings_view
from styr.report.followup import follow_up
from styr.report.reach import Reach
from styr.report.render import prepare, render_pieces
from styr.report.texts import LANGUAGES, Labels
from styr.report.toc import table_of_contents
from styr.report.unreadable import error_parts, publishing_notice
from styr.report.view import RepositoryView, ViewBuilder

FORMATS = {"html": "html", "md": "md", "markdown": "md"}
FULL_REPORTS_UP_TO = 12


def build_report(
    paths: list[Path],
    fmt: str,
    language: str | None = None,
    templates: Path | None = None,
    with_findings: bool = False,
    *,
    today: date | None = None,
    allow_errors: bool = False,
    cache: LintCache | None = None,
    updated: date | None = None,
) -> str:
    """The report on the repositories the paths name, as one document (see `report_pieces`)."""
    return "".join(
        report_pieces(
            paths,
            fmt,
            language,
            templates,
            with_findings,
            today=today,
            allow_errors=allow_errors,
            cache=cache,
            updated=updated,
        )
    )


def report_pieces(
    paths: list[Path],
    fmt: str,
    language: str | None = None,
    templates: Path | None = None,
    with_findings: bool = False,
    *,
    today: date | None = None,
    allow_errors: bool = False,
    cache: LintCache | None = None,
    updated: date | None = None,
) -> Iterator[str]:
    """The report on the repositories the paths name, as the pieces of one document.

    Everything that can refuse the report (a path, the errors, a template
    that does not compile) is decided before this returns; the pieces are
    rendered as they are read, so that a large report is never held whole,
    and the loaded files are no longer held once the view is built.

    One repository gives its report; several give an index that compares the
    municipalities side by side, followed by each one's report. The same files
    give the same bytes: no timestamps, a stable order, anchors from ids. Only
    what the lint says (the summary with `with_findings`, the errors) depends
    on `today`, as `styr lint` does.

    Raises `UsageError` for a path, format, language or template that cannot
    be used, and `ErrorsBlockPublishing` when the repositories have errors
    (`styr lint` at error level) and `allow_errors` is not set; with it, the
    report opens with a notice of the errors and of every file that could not
    be read. With a `cache`, what `styr lint` has just checked is not checked again.
    The page says it was last updated on `updated` (`--date`), or else on the
    date of the content's last git commit; never on the day it was built.
    """
    keep_compiled_in(cache)  # the bundled templates compiled once, not every run
    kind = FORMATS.get(fmt)
    if kind is None:
        raise UsageError("unknown-format", name=fmt, known="html, md, pdf, docx")
    if language is not None and language not in LANGUAGES:
        raise UsageError("unknown-language", name=language)
    roots = find_repositories(paths or [Path(".")])
    day = today or date.today()
    if len(roots) > FULL_REPORTS_UP_TO:
        manifests = [_manifest(root) for root in roots]
        labels = Labels(language or _agreed_language(manifests))
        codes = [_code(manifest) for manifest in manifests]
        index_template = f"index.{kind}.j2"
        built = _comparison_views(
            roots,
            labels.language,
            codes,
            with_findings,
            day,
            cache,
            while_waiting=lambda: prepare(kind, index_template, templates),
        )
        check_publishable(LintResult([result for _, result in built]), allow_errors=allow_errors)
        views = [view for view, _ in built]
    else:
        views, labels = linted_views(
            roots,
            language,
            with_findings,
            today=today,
            allow_errors=allow_errors,
            cache=cache,
            updated=updated,
        )
    several = len(views) > 1
    context: dict[str, object] = {
        "t": labels,
        "lang": labels.language,
        "version": __version__,
        "notice": publishing_notice(views),
    }
    if several:
        # Past a dozen municipalities a page holding every full report grows to
        # tens of megabytes; the comparison is what such a page is read for.
        full = len(views) <= FULL_REPORTS_UP_TO
        context.update(
            comparison=compare(views, labels),
            reports=views if full else [],
            count=len(views),
            comparison_only=not full,
        )
        return render_pieces(kind, f"index.{kind}.j2", context, templates)
    context.update(r=views[0])
    return render_pieces(kind, f"report.{kind}.j2", context, templates)


def linted_views(
    roots: list[Path],
    language: str | None,
    with_findings: bool,
    *,
    today: date | None,
    allow_errors: bool,
    cache: LintCache | None,
    updated: date | None,
) -> tuple[list[RepositoryView], Labels]:
    """Each repository's full view and the labels, linted first, for every rendering of the report.

    Raises `ErrorsBlockPublishing` when the repositories have errors and
    `allow_errors` is not set.
    """
    # The summary of findings needs every finding; the page itself only the errors.
    only = None if with_findings else ERRORS_ONLY
    loaded = [load_and_lint(root, today or date.today(), cache, only=only) for root in roots]
    repositories = [repository for repository, _ in loaded]
    results = [result for _, result in loaded]
    check_publishable(LintResult(results), allow_errors=allow_errors)
    for repository in repositories:
        _let_go_of_texts(repository, loaded_only=True)
    return_freed_memory()  # the files' bytes and texts, before the views are built on top
    labels = Labels(language or _common_language(repositories))
    codes = [repository.municipality_code for repository in repositories]
    views = [
        repository_view(
            repository,
            labels,
            Anchors(prefix_for(codes, position) if len(roots) > 1 else ""),
            with_findings=with_findings,
            today=today,
            linted=result,
            updated=updated,
        )
        for position, (repository, result) in enumerate(zip(repositories, results, strict=True))
    ]
    for repository in repositories:
        _let_go_of_texts(repository)
    return views, labels


def repository_view(
    repository: Repository,
    labels: Labels,
    anchors: Anchors,
    *,
    with_findings: bool = False,
    today: date | None = None,
    linted: RepositoryResult | None = None,
    updated: date | None = None,
) -> RepositoryView:
    """The complete view of one repository: sections, diagram, table of contents.

    `linted` is the repository's lint result when the caller has it (it is
    linted here otherwise, for the findings or the count of errors).
    """
    index = shared_index(repository)  # the lint's guard built it, when it linted this repository
    with collector_paused():  # what is judged and built here lives until the page is written
        follow = follow_up(repository, index, labels.language)
        builder = ViewBuilder(repository, index, labels, anchors, follow)
        reach = Reach(index)  # for the figures and the diagram; let go before the page is written
        view = builder.build(reach, updated=updated)
        view.diagram = build_diagram(builder, view, reach)
    if with_findings or linted is not None:
        result = linted or lint_repository(repository, today=today or date.today())
        view.errors = error_count(LintResult([result]))
        view.error_parts = error_parts(repository, result.findings, labels.language)
        if with_findings:
            view.findings = findings_view(repository, result.findings, labels)
    view.toc = table_of_contents(view, labels)
    return view


def _let_go_of_texts(repository: Repository, *, loaded_only: bool = False) -> None:
    """Forget the files' texts: the lint has placed its findings with them, and the page is
    written from the data alone (100,000 goals: 50 MB).

    Before the views are built (`loaded_only`), only the texts of the files that loaded:
    the report sketches what each of the others seems to hold from its text
    (`unreadable_files`). Built while every text was held, the views of 100,000 goals
    peaked 50 MB higher.
    """
    for document in repository.documents:
        if not loaded_only or isinstance(document.data, dict):
            document.text = None
            document.forget_positions()  # the trees the lint kept last (styr.load.document)


def _jobs(roots: list[Path]) -> int:
    return max(1, min(os.cpu_count() or 1, len(roots)))


def _comparison_views(
    roots: list[Path],
    language: str,
    codes: list[str | None],
    with_findings: bool,
    today: date,
    cache: LintCache | None,
    while_waiting: Callable[[], object],
) -> list[tuple[RepositoryView, RepositoryResult]]:
    """Views for a comparison-only index, each with its lint result, built in parallel.

    Each worker reads its repository once, for the lint and for the view.
    """
    prefixes = [prefix_for(codes, position) for position in range(len(roots))]
    arguments = [
        (root, language, prefix, with_findings, today, cache)
        for root, prefix in zip(roots, prefixes, strict=True)
    ]
    return list(map_in_processes(_comparison_view, arguments, _jobs(roots), while_waiting))


def _manifest(root: Path) -> dict[str, object]:
    from styr.load import load_document
    from styr.model.repository import MANIFEST

    data = load_document(root / MANIFEST).data
    return data if isinstance(data, dict) else {}


def _agreed_language(manifests: list[dict[str, object]]) -> str:
    languages = {
        m.get("language") if m.get("language") in ("sv", "en") else "sv" for m in manifests
    }
    return str(languages.pop()) if len(languages) == 1 else "sv"


def _code(manifest: dict[str, object]) -> str | None:
    municipality = manifest.get("municipality")
    code = municipality.get("code") if isinstance(municipality, dict) else None
    return code if isinstance(code, str) else None


def _comparison_view(
    root: Path,
    language: str,
    prefix: str,
    with_findings: bool,
    today: date,
    cache: LintCache | None = None,
) -> tuple[RepositoryView, RepositoryResult]:
    """One municipality's figures for the comparison (no sections, no diagram), and its lint.

    The lint result goes back without the files' contents: what the refusal
    and the notice need, and little to send between processes.
    """
    only = None if with_findings else ERRORS_ONLY
    repository, result = load_and_lint(root, today, cache, only=only)
    index = shared_index(repository)  # the one the lint's guard built, when it ran
    labels = Labels(language)
    view = ViewBuilder(repository, index, labels, Anchors(prefix)).summary()
    view.errors = error_count(LintResult([result]))
    view.error_parts = error_parts(repository, result.findings, language)
    if with_findings:
        view.findings = findings_view(repository, result.findings, labels)
    result.repository = Repository(
        root=root,
        manifest=Document(repository.manifest.file, None),
        documents=[Document(document.file, None) for document in repository.documents],
    )
    return view, result


def _common_language(repositories: list[Repository]) -> str:
    """The manifests' language when they agree on one, Swedish otherwise."""
    languages = {repository.language or "sv" for repository in repositories}
    return languages.pop() if len(languages) == 1 else "sv"
