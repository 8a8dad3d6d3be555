"""Configuration from the manifest and pyproject.toml: select, ignore, paths, levels, options."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import CliResult
from helpers import replace_in

from styr.config_load import load_config
from styr.errors import ConfigError
from styr.findings import Severity
from styr.lint import lint_paths
from styr.rules.catalogue import ALL_RULES

BOARD = Path("organisation/exempelnamnden.yaml")


def _goal_without_group(repo: Path) -> None:
    """Make the starter's goal trip G008 (no target group): a warning to configure."""
    board = repo / BOARD
    replace_in(board, "    target_group: invånare\n", "")
    replace_in(
        board,
        "title: Fler invånare är nöjda med nämndens service",
        "title: Servicen ska bli bättre",
    )


def _lint(repo: Path) -> list[str]:
    return [f"{f.code}:{f.severity.label}" for f in lint_paths([repo]).findings]


def _manifest_lint(repo: Path, section: str) -> None:
    with (repo / "styr.yaml").open("a", encoding="utf-8") as stream:
        stream.write("lint:\n" + section)


def test_default_runs_every_rule(blank_repo: Path) -> None:
    _goal_without_group(blank_repo)
    assert "G008:warning" in _lint(blank_repo)


@pytest.mark.parametrize("selector", ["G008", "no-target-group", "G00", "G"])
def test_ignore_by_code_name_or_prefix(blank_repo: Path, selector: str) -> None:
    _goal_without_group(blank_repo)
    _manifest_lint(blank_repo, f"  ignore: [{selector}]\n")
    assert "G008:warning" not in _lint(blank_repo)


def test_select_only_some_rules(blank_repo: Path) -> None:
    _goal_without_group(blank_repo)
    # Quoted: an unquoted Y is a YAML 1.1 boolean, and styr says so (Y010).
    _manifest_lint(blank_repo, '  select: ["C", "Y"]\n')
    assert _lint(blank_repo) == []


def test_per_path_ignores(blank_repo: Path) -> None:
    _goal_without_group(blank_repo)
    _manifest_lint(blank_repo, '  per_path_ignores:\n    "organisation/*.yaml": [G008]\n')
    assert _lint(blank_repo) == []


def test_severity_override(blank_repo: Path) -> None:
    _goal_without_group(blank_repo)
    _manifest_lint(blank_repo, "  severity: {no-target-group: error}\n")
    assert "G008:error" in _lint(blank_repo)
    assert lint_paths([blank_repo]).failed()


def test_rule_option_from_the_manifest(blank_repo: Path) -> None:
    _manifest_lint(blank_repo, "  options: {too-many-goals: {max: 0}}\n")
    assert "G001:warning" in _lint(blank_repo)


def test_fail_on_from_configuration(blank_repo: Path) -> None:
    _goal_without_group(blank_repo)
    assert not lint_paths([blank_repo]).failed()
    _manifest_lint(blank_repo, "  fail_on: warning\n")
    result = lint_paths([blank_repo])
    assert result.failed()
    assert not result.failed(Severity.ERROR)  # the flag wins over the configuration


def test_pyproject_is_read_when_the_manifest_has_no_lint_section(blank_repo: Path) -> None:
    _goal_without_group(blank_repo)
    (blank_repo.parent / "pyproject.toml").write_text(
        '[tool.styr]\nignore = ["G008"]\n', encoding="utf-8"
    )
    assert _lint(blank_repo) == []


def test_the_closest_configuration_wins_whole(blank_repo: Path) -> None:
    _goal_without_group(blank_repo)
    (blank_repo.parent / "pyproject.toml").write_text(
        '[tool.styr]\nignore = ["G008"]\n', encoding="utf-8"
    )
    _manifest_lint(blank_repo, "  fail_on: warning\n")
    assert "G008:warning" in _lint(blank_repo)


@pytest.mark.parametrize(
    ("section", "problem"),
    [
        ("  ignore: [G999]\n", "G999"),
        ("  severity: {G008: fatal}\n", "error, warning"),
        ("  options: {too-many-goals: {maximum: 2}}\n", "maximum"),
        ("  unknown_key: 1\n", "unknown_key"),
    ],
)
def test_configuration_errors_are_reported_not_ignored(
    blank_repo: Path, section: str, problem: str, run_cli: Callable[..., CliResult]
) -> None:
    _manifest_lint(blank_repo, section)
    with pytest.raises(ConfigError):
        load_config(blank_repo, _manifest(blank_repo), ALL_RULES)
    result = run_cli("lint", blank_repo)
    assert result.code == 2
    assert problem in result.err and "styr.yaml" in result.err


def _manifest(repo: Path) -> object:
    import yaml

    return yaml.safe_load((repo / "styr.yaml").read_text(encoding="utf-8"))


def test_broken_pyproject_is_a_configuration_error(
    blank_repo: Path, run_cli: Callable[..., CliResult]
) -> None:
    (blank_repo.parent / "pyproject.toml").write_text("[tool.styr\n", encoding="utf-8")
    result = run_cli("lint", blank_repo)
    assert result.code == 2
    assert "pyproject.toml" in result.err


@pytest.mark.parametrize(
    ("text", "place", "says"),
    [
        ("[tool.styr]\nfail_on = 1" + "0" * 5000 + "\n", "pyproject.toml:2:", "fler siffror"),
        ("x = " + "[" * 5000 + "\n", "pyproject.toml:", "för många listor inuti varandra"),
        ("tool = 5\n", "pyproject.toml ", "'tool' ska vara en rubrik [tool]"),
        ("[tool]\nstyr = 5\n", "pyproject.toml ", "ska vara en rubrik [tool.styr]"),
    ],
    ids=["long-number", "deep", "tool-not-a-table", "styr-not-a-table"],
)
@pytest.mark.parametrize("command", ["lint", "report", "status", "site"])
def test_a_pyproject_that_cannot_be_read_or_used_is_a_configuration_error(
    blank_repo: Path,
    tmp_path: Path,
    run_cli: Callable[..., CliResult],
    text: str,
    place: str,
    says: str,
    command: str,
) -> None:
    (blank_repo.parent / "pyproject.toml").write_text(text, encoding="utf-8")
    out = ["-o", str(tmp_path / "ut")] if command in ("report", "site") else []
    result = run_cli(command, blank_repo, *out)
    assert result.code == 2
    assert "Internt fel" not in result.err
    assert place in result.err and says in result.err


def test_every_rule_option_default_is_documented() -> None:
    for rule in ALL_RULES:
        for option in rule.options:
            for language in ("sv", "en"):
                assert option in rule.doc_in(language), (rule.code, option, language)


@pytest.mark.parametrize(
    ("option", "expected"),
    [
        ("no-target-group: {extra_groups: 5}", "en lista med ord"),
        ("no-target-group: {extra_groups: [elever, 3]}", "en lista med ord"),
        ('too-many-goals: {max: "x"}', "ett heltal"),
        ("too-many-goals: {max: true}", "ett heltal"),
        ("too-many-goals: {max: 2.5}", "ett heltal"),
        ("indicator-repeats-goal: {similarity: hög}", "ett tal"),
    ],
)
def test_rule_options_of_the_wrong_sort_are_configuration_errors(
    blank_repo: Path, option: str, expected: str, run_cli: Callable[..., CliResult]
) -> None:
    _manifest_lint(blank_repo, f"  options: {{{option}}}\n")
    result = run_cli("lint", blank_repo)
    assert result.code == 2
    setting = "options." + option.split(":")[0] + "." + option.split("{")[1].split(":")[0]
    assert setting in result.err
    assert expected in result.err and "styr.yaml" in result.err
    assert "Internt fel" not in result.err and "'" + "x" + "'" not in result.err


def test_option_errors_describe_the_value_plainly_in_english(
    blank_repo: Path, run_cli: Callable[..., CliResult]
) -> None:
    _manifest_lint(blank_repo, '  options: {too-many-goals: {max: "x"}}\n')
    result = run_cli("lint", "--lang", "en", blank_repo)
    assert result.code == 2
    assert 'must be a whole number, for example 3, but is the text "x"' in result.err


@pytest.mark.parametrize(
    ("option", "expected"),
    [
        ("indicator-repeats-goal: {similarity: -5}", "mellan 0 och 1"),
        ("indicator-repeats-goal: {similarity: 1.5}", "mellan 0 och 1"),
        ("too-many-goals: {max: -1}", "minst 0"),
        ("layer-upon-layer: {max_per_type: -3}", "minst 0"),
        ("goal-horizon: {min_years: -2}", "minst 1"),
    ],
)
def test_rule_options_out_of_range_are_configuration_errors(
    blank_repo: Path, option: str, expected: str, run_cli: Callable[..., CliResult]
) -> None:
    _manifest_lint(blank_repo, f"  options: {{{option}}}\n")
    result = run_cli("lint", blank_repo)
    assert result.code == 2
    setting = "options." + option.split(":")[0] + "." + option.split("{")[1].split(":")[0]
    assert setting in result.err and "styr.yaml" in result.err
    assert expected in result.err
    assert option.split(": ")[-1].rstrip("}") in result.err  # the value given


@pytest.mark.parametrize(
    "options",
    [
        "min_years = 5\nmax_years = 2\n",
        "min_years = 6\n",  # above the default max_years, 4
    ],
)
def test_a_lower_limit_above_the_upper_one_is_a_configuration_error(
    blank_repo: Path, options: str, run_cli: Callable[..., CliResult]
) -> None:
    (blank_repo.parent / "pyproject.toml").write_text(
        "[tool.styr.options.goal-horizon]\n" + options, encoding="utf-8"
    )
    result = run_cli("lint", "--lang", "en", blank_repo)
    assert result.code == 2
    assert "pyproject.toml" in result.err
    assert "options.goal-horizon.min_years" in result.err
    assert "Internal error" not in result.err


def test_options_at_the_ends_of_their_range_are_accepted(blank_repo: Path) -> None:
    _manifest_lint(
        blank_repo,
        "  options: {indicator-repeats-goal: {similarity: 0}, too-many-goals: {max: 0},"
        " goal-horizon: {min_years: 3, max_years: 3}}\n",
    )
    config = load_config(blank_repo, _manifest(blank_repo), ALL_RULES)
    assert config.options["G005"] == {"min_years": 3, "max_years": 3}


@pytest.mark.parametrize(
    "option",
    [
        "indicator-repeats-goal: {similarity: 1}",  # a whole number is a number too
        "no-target-group: {extra_groups: [elever, brukare]}",
        "too-many-goals: {max: 2}",
    ],
)
def test_rule_options_of_the_right_sort_are_accepted(blank_repo: Path, option: str) -> None:
    _manifest_lint(blank_repo, f"  options: {{{option}}}\n")
    config = load_config(blank_repo, _manifest(blank_repo), ALL_RULES)
    assert config.options


@pytest.mark.parametrize(
    "section",
    [
        "  per_path_ignores: 3\n",
        "  severity: 3\n",
        "  options: 3\n",
        "  options: {too-many-goals: 3}\n",
    ],
)
@pytest.mark.parametrize(
    ("language", "said", "other"),
    [("en", ": a mapping.", "mappning"), ("sv", ": en mappning.", "a mapping")],
)
def test_a_setting_that_is_not_a_mapping_is_said_wholly_in_the_chosen_language(
    blank_repo: Path,
    run_cli: Callable[..., CliResult],
    section: str,
    language: str,
    said: str,
    other: str,
) -> None:
    _manifest_lint(blank_repo, section)
    result = run_cli("lint", "--lang", language, blank_repo)
    assert result.code == 2
    setting = section.split(":")[0].strip()
    if "{" in section:
        setting += "." + section.split("{")[1].split(":")[0]
    assert f"{setting}{said}" in result.err
    assert other not in result.err
