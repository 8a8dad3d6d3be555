"""`styr report` as a function: repositories in, one HTML or Markdown document out."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

from styr import __version__
from styr.errors import UsageError
from styr.model.index import build_index
from styr.model.repository import Repository, find_repositories, load_repository
from styr.report.anchors import Anchors, prefix_for
from styr.report.compare import compare
from styr.report.diagram import build_diagram
from styr.report.findings import findings_view
from styr.report.followup import follow_up
from styr.report.render import render
from styr.report.texts import LANGUAGES, Labels
from styr.report.view import RepositoryView, ViewBuilder, table_of_contents

FORMATS = {"html": "html", "md": "md", "markdown": "md"}


def build_report(
    paths: list[Path],
    fmt: str,
    language: str | None = None,
    templates: Path | None = None,
    with_findings: bool = False,
    *,
    today: date | None = None,
) -> str:
    """The report on the repositories the paths name, as one document.

    One repository gives its report; several give an index that compares the
    municipalities side by side, followed by each one's report. The same files
    give the same bytes: no timestamps, a stable order, anchors from ids. Only
    the lint summary (`with_findings`) depends on `today`, as `styr lint` does.
    Raises `UsageError` for a path, format, language or template that cannot be used.
    """
    kind = FORMATS.get(fmt)
    if kind is None:
        raise UsageError("unknown-format", name=fmt, known="html, md")
    if language is not None and language not in LANGUAGES:
        raise UsageError("unknown-language", name=language)
    roots = find_repositories(paths or [Path(".")])
    repositories = [load_repository(root) for root in roots]
    labels = Labels(language or _common_language(repositories))
    several = len(repositories) > 1
    codes = [repository.municipality_code for repository in repositories]
    views = [
        repository_view(
            repository,
            labels,
            Anchors(prefix_for(codes, position) if several else ""),
            with_findings=with_findings,
            today=today,
        )
        for position, repository in enumerate(repositories)
    ]
    context: dict[str, object] = {"t": labels, "lang": labels.language, "version": __version__}
    if several:
        context.update(comparison=compare(views, labels), reports=views)
        return render(kind, f"index.{kind}.j2", context, templates)
    context.update(r=views[0])
    return render(kind, f"report.{kind}.j2", context, templates)


def repository_view(
    repository: Repository,
    labels: Labels,
    anchors: Anchors,
    *,
    with_findings: bool = False,
    today: date | None = None,
) -> RepositoryView:
    """The complete view of one repository: sections, diagram, table of contents."""
    index = build_index(repository)
    follow = follow_up(repository, index, labels.language)
    builder = ViewBuilder(repository, index, labels, anchors, follow)
    view = builder.build()
    diagram = build_diagram(builder, view)
    view.diagram = diagram
    view.stats = dataclasses.replace(view.stats, linked_goals=diagram.linked_goals)
    if with_findings:
        from styr.lint import lint_repository  # the rules are only needed for the summary

        result = lint_repository(repository, today=today or date.today())
        view.findings = findings_view(repository, result.findings, labels)
    view.toc = table_of_contents(view, labels)
    return view


def _common_language(repositories: list[Repository]) -> str:
    """The manifests' language when they agree on one, Swedish otherwise."""
    languages = {repository.language or "sv" for repository in repositories}
    return languages.pop() if len(languages) == 1 else "sv"
