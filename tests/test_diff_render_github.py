"""styr diff for a GitHub Actions job summary: the comment's tables, folded per section."""

from __future__ import annotations

import re

from diff_render_samples import BOARD_NAME, EVERY_KIND, change, every_kind, repository, result
from markdown_it import MarkdownIt

from styr.diff.changes import ChangeKind
from styr.diff.render_github import SUMMARY_LIMIT, render_github
from styr.diff.render_markdown import render_markdown

PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"])
DETAILS = re.compile(r"<details><summary>(.*?)</summary>\n\n(.*?)\n\n</details>", re.S)


def test_each_section_is_folded_with_its_name_and_how_many_changes_it_holds() -> None:
    summary = render_github(every_kind(), "sv")
    titles = [title for title, _body in DETAILS.findall(summary)]
    board = sum(
        1
        for c in EVERY_KIND.values()
        if c.organisation == "bun" and c.category not in ("model", "repository")
    )
    assert titles == [
        "Styrmodellens uppbyggnad (1 ändring)",
        "Kommunfullmäktiges nivå (5 ändringar)",
        f"{BOARD_NAME} ({board} ändringar)",
        "Helsingborgshem AB (2 ändringar)",  # and the goal moved from it
        "Fynd från styr lint (2 fynd)",
    ]
    assert "## Helsingborg (1283)" in summary.splitlines()


def test_the_first_line_and_the_tables_are_the_merge_request_comments() -> None:
    summary = render_github(every_kind(), "sv")
    comment = render_markdown(every_kind(), "sv")
    assert summary.splitlines()[0] == comment.splitlines()[0]
    tables = [line for line in comment.splitlines() if line.startswith("|")]
    assert [line for line in summary.splitlines() if line.startswith("|")] == tables
    rendered = PARSER.render(summary)
    assert rendered.count("<table>") == 5


def test_a_summary_is_html_escaped_and_a_table_inside_still_renders() -> None:
    named = {"bun": '<script>alert("x")</script> & </summary></details>'}
    diff = result(repository([EVERY_KIND[ChangeKind.ADDED]], organisation_names=named))
    summary = render_github(diff, "sv")
    (title, body) = DETAILS.findall(summary)[0]
    assert title == (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; "
        "&lt;/summary&gt;&lt;/details&gt; (1 ändring)"
    )
    assert "<script>" not in summary
    assert "<table>" in PARSER.render(body)


def test_what_concerns_the_whole_municipality_stands_outside_the_folds() -> None:
    added = change(ChangeKind.REPOSITORY_ADDED, "repository", "Lund", organisation=None, file="")
    summary = render_github(result(repository([added], name="Lund", code="1281")), "sv")
    assert "<details>" not in summary
    assert "Kommunen lades till." in summary.splitlines()


def test_an_empty_diff_says_there_are_no_changes_and_folds_nothing() -> None:
    summary = render_github(result(repository([])), "en")
    assert "No changes." in summary.splitlines()[0]
    assert "<details>" not in summary


def test_a_summary_too_long_for_github_is_shortened_with_every_fold_closed() -> None:
    many = [
        change(ChangeKind.ADDED, "goal", f"Mål {'x' * 400} {n}", organisation=f"org-{n % 300}")
        for n in range(4000)
    ]
    summary = render_github(result(repository(many)), "sv")
    assert len(summary.encode("utf-8")) <= SUMMARY_LIMIT < 1024 * 1024
    assert summary.count("<details>") == summary.count("</details>") > 0
    assert summary.rstrip().endswith("styr diff med --format text eller json visar allt.*")
    unlimited = render_github(result(repository(many)), "sv", limit=None)
    assert unlimited.count("<details>") == 300 and "förkortad" not in unlimited
