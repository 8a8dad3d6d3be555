"""docs/ci.md's `styr diff` jobs: valid YAML, and their command lines work as written.

Each snippet's `styr diff` lines (and the git lines that find the base) are
run as the CI would run them, in a shell, in a clone of a real repository
with a merge request's branch: the CI's variables set to that repository's
names, `styr` the one installed beside this Python.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import diff_scenarios as scenario
import pytest
import yaml
from conftest import ROOT
from diff_repos import GitRepository, git_repository
from markdown_it import MarkdownIt

CI = ROOT / "docs" / "ci.md"
SECTION = "## Granska ändringar: `styr diff` i merge requests"
BRANCH = "mal-och-budget-2026"
UNEXPLAINED = "--fail-on ambition-lowered-unexplained"
# An outcome revised on main after the merge request's branch started.
MAIN_BEFORE = "  - indicator: von-mal-2-ind-1\n    value: 86.2\n"
MAIN_AFTER = "  - indicator: von-mal-2-ind-1\n    value: 87.9\n"


def _snippets() -> tuple[dict[str, Any], dict[str, Any]]:
    """The GitHub Actions workflow and the GitLab CI job, parsed."""
    section = CI.read_text(encoding="utf-8").split(SECTION, 1)[1].split("\n## ", 1)[0]
    github, gitlab = (yaml.safe_load(s) for s in re.findall(r"```yaml\n(.*?)```", section, re.S))
    return github, gitlab


def _github_steps() -> list[dict[str, Any]]:
    github, _ = _snippets()
    (job,) = github["jobs"].values()
    steps: list[dict[str, Any]] = job["steps"]
    return steps


def _gitlab_script() -> list[str]:
    _, gitlab = _snippets()
    script: list[str] = gitlab["styr-diff"]["script"]
    return script


def test_the_github_workflow_has_what_a_workflow_needs() -> None:
    github, _ = _snippets()
    # PyYAML reads the key `on` as YAML 1.1's true; GitHub reads it as "on".
    triggers = [value for key, value in github.items() if str(key) in ("on", "True")]
    assert triggers == ["pull_request"]
    (job,) = github["jobs"].values()
    assert job["runs-on"] and job["permissions"]["pull-requests"] == "write"
    checkout = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    assert all("uses" in step or "run" in step for step in job["steps"])
    runs = [step["run"] for step in job["steps"] if "run" in step]
    comment = next(run for run in runs if "gh api" in run)
    # The comment found by the marker it starts with, never by being the bot's last one.
    assert "--edit-last" not in comment
    assert "echo '<!-- styr diff -->'; cat diff.md; } > comment.md" in comment
    assert 'startswith("<!-- styr diff -->")' in comment and "--method PATCH" in comment
    assert 'gh pr comment "$PR" --body-file comment.md' in comment
    # The base is the merge commit's first parent, not the base branch, which may have moved.
    assert all("HEAD^1 HEAD" in run for run in runs if run.startswith("styr diff"))
    assert all("base_ref" not in run for run in runs)
    assert any(run.endswith('>> "$GITHUB_STEP_SUMMARY"') and "-f github" in run for run in runs)


def test_the_gitlab_job_runs_on_merge_requests_and_posts_a_note() -> None:
    _, gitlab = _snippets()
    job = gitlab["styr-diff"]
    assert job["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    assert job["variables"]["GIT_DEPTH"] == "0"
    post = next(line for line in job["script"] if line.startswith("curl"))
    assert '--header "PRIVATE-TOKEN: $STYR_DIFF_TOKEN"' in post
    assert '--data-urlencode "body@diff.md"' in post
    # The merge request's own project (in a fork's merge request, CI_PROJECT_ID is the fork's).
    assert (
        '/projects/$CI_MERGE_REQUEST_PROJECT_ID/merge_requests/$CI_MERGE_REQUEST_IID/notes"' in post
    )
    assert "$CI_PROJECT_ID" not in post
    assert "STYR_DIFF_TOKEN" in CI.read_text(encoding="utf-8").split(SECTION, 1)[1]


def test_the_gitlab_post_without_a_token_does_not_stop_the_fail_on_check(
    tmp_path: Path,
) -> None:
    post = next(line for line in _gitlab_script() if line.startswith("curl"))
    # No server at that address, as no token for it: the post fails, the script goes on.
    variables = {
        "CI_API_V4_URL": "http://127.0.0.1:9/api/v4",
        "CI_MERGE_REQUEST_PROJECT_ID": "1",
        "CI_MERGE_REQUEST_IID": "1",
        "STYR_DIFF_TOKEN": "",
    }
    tmp_path.joinpath("diff.md").write_text("# x\n", encoding="utf-8")
    result = subprocess.run(
        ["bash", "-c", f"set -e\n{post}\necho went-on"],
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", **variables},
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("went-on")


def _ci_clone(tmp_path: Path, edits: Any) -> GitRepository:
    """A clone as CI checks it out: a merge request's branch, main moved on since it started."""
    server = git_repository(tmp_path / "server")
    server.branch(BRANCH)
    edits(server)
    server.commit("Mål och budget 2026")
    server.git("switch", "--quiet", "main")
    # On main meanwhile: not the merge request's change.
    server.edit(scenario.OUTCOMES_2025, MAIN_BEFORE, MAIN_AFTER)
    server.commit("Under tiden, på main")
    clone = GitRepository(tmp_path / "ci")
    server.git("clone", "--quiet", str(server.root), str(clone.root))
    clone.git("switch", "--quiet", BRANCH)
    return clone


def _shell(clone: GitRepository, script: str, **variables: str) -> subprocess.CompletedProcess[str]:
    styr = shutil.which("styr", path=str(Path(sys.executable).parent))
    assert styr, f"no styr beside {sys.executable}: install the package (pip install .)"
    environment = dict(clone.environment, **variables)
    environment["PATH"] = f"{Path(styr).parent}:{environment.get('PATH', '')}"
    return subprocess.run(
        ["bash", "-c", f"set -e\n{script}"],
        cwd=clone.root,
        env=environment,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=300,
    )


def _merge_request_markdown(clone: GitRepository) -> str:
    markdown = (clone.root / "diff.md").read_text(encoding="utf-8")
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert any(h.startswith("Helsingborgs stad") for h in headings), headings
    assert any(t.type == "table_open" for t in tokens)
    # What main changed meanwhile is not the merge request's change.
    assert not re.search("87[,.]9", markdown), markdown
    return markdown


@pytest.mark.parametrize(("edits", "fails"), [(scenario.outcomes, 0), (scenario.indicators, 1)])
def test_the_github_job_runs_as_written(tmp_path: Path, edits: Any, fails: int) -> None:
    clone = _ci_clone(tmp_path, edits)
    # On pull_request, GitHub checks out the merge of the branch into its base: the
    # base first (the merge's first parent), the pull request's branch second.
    clone.git("switch", "--quiet", "--detach", "origin/main")
    clone.git("merge", "--quiet", "--no-ff", "--no-edit", BRANCH)
    summary = tmp_path / "summary.md"
    runs = [step["run"] for step in _github_steps() if step.get("run", "").startswith("styr diff")]
    assert len(runs) == 2
    for command in runs:
        assert "${{" not in command
        result = _shell(clone, command, GITHUB_STEP_SUMMARY=str(summary))
        expected = fails if UNEXPLAINED in command else 0
        assert result.returncode == expected, (command, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr
    _merge_request_markdown(clone)
    assert "<details" in summary.read_text(encoding="utf-8")


@pytest.mark.parametrize(("edits", "fails"), [(scenario.outcomes, 0), (scenario.indicators, 1)])
def test_the_gitlab_job_runs_as_written(tmp_path: Path, edits: Any, fails: int) -> None:
    clone = _ci_clone(tmp_path, edits)
    lines = [line for line in _gitlab_script() if not line.startswith(("pip ", "curl "))]
    assert lines[-1].startswith("styr diff") and UNEXPLAINED in lines[-1]
    variables = {"CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main"}
    before = _shell(clone, "\n".join(lines[:-1]), **variables)
    assert before.returncode == 0, (before.stdout, before.stderr)
    _merge_request_markdown(clone)
    checked = _shell(clone, "\n".join(lines), **variables)
    assert checked.returncode == fails, (checked.stdout, checked.stderr)
    assert "Traceback" not in checked.stderr
