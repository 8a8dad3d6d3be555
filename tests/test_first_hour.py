"""A planner's first hour: gaps found by following the issue item by item.

One bad indent in styr.yaml that still gives valid YAML is one cause: its
consequences elsewhere are withheld and counted. `styr kolada pull` gives the
file it starts the same editor help as every other file, refuses `--file -`,
and reads its target as every repository file is read.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import EXAMPLES, CliResult

Run = Callable[..., CliResult]


def _indented(repo: Path, line_start: str, change: Callable[[str], str]) -> None:
    """Change the one line of styr.yaml that starts with `line_start` (a bad indent)."""
    manifest = repo / "styr.yaml"
    lines = manifest.read_text(encoding="utf-8").split("\n")
    (number,) = [i for i, line in enumerate(lines) if line.startswith(line_start)]
    lines[number] = change(lines[number])
    manifest.write_text("\n".join(lines), encoding="utf-8")


def _copy(tmp_path: Path, name: str = "helsingborg") -> Path:
    target = tmp_path / name
    shutil.copytree(EXAMPLES / name, target)
    return target


@pytest.mark.parametrize(
    ("line_start", "change"),
    [
        # steering_model: indented under term_of_office (the whole model moves with it)
        ("steering_model:", lambda line: "  " + line),
        # organisation_types: out of the model, to the top level
        ("  organisation_types:", lambda line: line[2:]),
    ],
    ids=["steering-model-indented", "organisation-types-dedented"],
)
def test_one_bad_indent_in_the_model_is_one_cause(
    run_cli: Run, tmp_path: Path, line_start: str, change: Callable[[str], str]
) -> None:
    repo = _copy(tmp_path)
    _indented(repo, line_start, change)
    result = run_cli("lint", "--no-cache", repo)
    assert result.code == 1
    # No "kind 'goal' is not in the steering model … declared: –" in the boards' files.
    assert "C009" not in result.out
    assert "styr.yaml" in result.out and "S002" in result.out
    withheld = re.search(r"(\d+) fynd visas inte eftersom styrmodellen i \S*styr\.yaml", result.out)
    assert withheld is not None, result.out
    assert int(withheld[1]) > 1


def test_a_bad_indent_in_a_fresh_manifest_is_one_cause(run_cli: Run, tmp_path: Path) -> None:
    repo = tmp_path / "ny"
    assert run_cli("init", repo, "--model", "blank", "--name", "Nyby", "--code", "0999").code == 0
    _indented(repo, "steering_model:", lambda line: "  " + line)
    result = run_cli("lint", "--no-cache", repo)
    assert "C009" not in result.out
    assert "fynd visas inte eftersom styrmodellen" in result.out


def test_a_real_undeclared_kind_is_still_reported(run_cli: Run, tmp_path: Path) -> None:
    # The model is well shaped; only the board names an organisation type it lacks.
    repo = _copy(tmp_path)
    board = repo / "organisation" / "arbetsmarknadsnamnden.yaml"
    text = board.read_text(encoding="utf-8")
    board.write_text(text.replace("type: namnd", "type: namd", 1), encoding="utf-8")
    result = run_cli("lint", "--no-cache", repo)
    assert "C009" in result.out
    assert "visas inte" not in result.out


def test_the_withheld_count_survives_the_cache(run_cli: Run, tmp_path: Path) -> None:
    repo = _copy(tmp_path)
    _indented(repo, "steering_model:", lambda line: "  " + line)
    first = run_cli("lint", repo)
    again = run_cli("lint", repo)
    assert "fynd visas inte eftersom styrmodellen" in first.out
    assert again.out == first.out


# --- styr kolada pull: the file it writes, and the file it reads ---------------------------


@pytest.fixture
def kolada_repo(tmp_path: Path) -> Path:
    return _copy(tmp_path)


def _pull(run_cli: Run, repo: Path, *extra: str) -> CliResult:
    # An address nothing answers at: the checks below must come before any fetch.
    return run_cli(
        "kolada", "pull", repo, "--years", "2024", "--base-url", "http://127.0.0.1:9/v3", *extra
    )


def test_kolada_pull_refuses_standard_output(run_cli: Run, kolada_repo: Path) -> None:
    result = _pull(run_cli, kolada_repo, "--file", "-")
    assert result.code == 2
    assert "--file -" in result.err and "standard ut" in result.err
    assert not (kolada_repo / "-").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="the system has no named pipes")
def test_kolada_pull_does_not_hang_on_a_fifo(run_cli: Run, kolada_repo: Path) -> None:
    target = kolada_repo / "uppfoljning" / "kolada.yaml"
    os.mkfifo(target)
    result = _pull(run_cli, kolada_repo)
    assert result.code == 2
    assert "FIFO" in result.err and "Inget ändrades" in result.err


def test_kolada_pull_reports_a_broken_target_as_lint_does(run_cli: Run, kolada_repo: Path) -> None:
    target = kolada_repo / "uppfoljning" / "kolada.yaml"
    target.write_text(
        "kind: follow_up\noutcomes:\n  - indicator: x\n   period: 2024\n", encoding="utf-8"
    )
    result = _pull(run_cli, kolada_repo)
    assert result.code == 2
    assert re.search(r"kolada\.yaml:\d+:\d+", result.err), result.err
    # Swedish, not the round-trip parser's English.
    for english in ("expected", "while parsing", "mapping values", "found"):
        assert english not in result.err


def test_kolada_pull_reports_a_wrong_kind_in_swedish(run_cli: Run, kolada_repo: Path) -> None:
    target = kolada_repo / "uppfoljning" / "kolada.yaml"
    target.write_text("kind: vision\n", encoding="utf-8")
    swedish = _pull(run_cli, kolada_repo)
    english = _pull(run_cli, kolada_repo, "--lang", "en")
    assert "inte en uppföljningsfil" in swedish.err and "not a follow-up" not in swedish.err
    assert "not a follow-up file" in english.err and "uppföljningsfil" not in english.err


def test_a_new_kolada_file_points_at_the_repository_schema_copy(
    kolada_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from styr.followup import kolada_pull

    monkeypatch.setattr(kolada_pull, "fetch_outcomes", lambda *args, **kwargs: [])
    kolada_pull.pull(kolada_repo, [2024])
    written = kolada_repo / "uppfoljning" / "kolada.yaml"
    first = written.read_text(encoding="utf-8").split("\n")[0]
    assert first == "# yaml-language-server: $schema=../schemas/follow_up.schema.json"
    assert (written.parent / first.split("=", 1)[1]).resolve().is_file()


def test_an_existing_kolada_file_keeps_its_first_line(
    kolada_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from styr.followup import kolada_pull

    monkeypatch.setattr(kolada_pull, "fetch_outcomes", lambda *args, **kwargs: [])
    written = kolada_repo / "uppfoljning" / "kolada.yaml"
    written.write_text("# Våra egna utfall\nkind: follow_up\noutcomes: []\n", encoding="utf-8")
    kolada_pull.pull(kolada_repo, [2024])
    assert written.read_text(encoding="utf-8").startswith("# Våra egna utfall\n")


# --- files styr reads besides the repository's YAML, and what it says when writing fails ---


def _repo_under_pyproject(tmp_path: Path, content: bytes) -> Path:
    repo = _copy(tmp_path)
    (tmp_path / "pyproject.toml").write_bytes(content)
    return repo


def test_a_broken_pyproject_is_named_with_its_place_in_swedish(
    run_cli: Run, tmp_path: Path
) -> None:
    repo = _repo_under_pyproject(tmp_path, b"[tool.styr\nfail_on = 'warning'\n")
    result = run_cli("lint", "--no-cache", repo)
    assert result.code == 2
    assert re.search(r"pyproject\.toml:1:\d+", result.err), result.err
    assert "inte giltig TOML" in result.err
    assert "Expected" not in result.err and "after" not in result.err  # tomllib's English


def test_a_pyproject_not_in_utf8_is_a_swedish_error(run_cli: Run, tmp_path: Path) -> None:
    repo = _repo_under_pyproject(tmp_path, "[tool.styr]\n# Åtgärd\n".encode("latin-1"))
    result = run_cli("lint", "--no-cache", repo)
    assert result.code == 2
    assert "UTF-8" in result.err and "codec" not in result.err


def test_a_huge_pyproject_is_not_read(run_cli: Run, tmp_path: Path) -> None:
    from styr.load import limits

    repo = _repo_under_pyproject(tmp_path, b"#" * (limits.MAX_FILE_BYTES + 1) + b"\n")
    result = run_cli("lint", "--no-cache", repo)
    assert result.code == 2
    assert "pyproject.toml" in result.err and "MemoryError" not in result.err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="the system has no named pipes")
def test_vscode_settings_that_are_a_fifo_do_not_hang_the_export(
    run_cli: Run, tmp_path: Path
) -> None:
    repo = _copy(tmp_path)
    settings = repo / ".vscode" / "settings.json"
    settings.unlink()
    os.mkfifo(settings)
    result = run_cli("schema", "--export", repo)
    assert result.code == 2
    assert "settings.json" in result.err and "FIFO" in result.err


@pytest.mark.parametrize(
    ("number", "words"),
    [("EFBIG", "större än"), ("EACCES", "annat program"), ("EPERM", "annat program")],
)
def test_write_failures_say_why_in_plain_words(number: str, words: str) -> None:
    import errno

    from styr.errors import UsageError
    from styr.files import usage_errors
    from styr.messages import message

    with pytest.raises(UsageError) as raised, usage_errors(Path("rapport.html")):
        raise OSError(getattr(errno, number), "English text from the system")
    text = message(raised.value.key, "sv", **raised.value.params)
    assert words in text and number not in text and "English" not in text


# --- styr status in a 100-column terminal: the areas' table too wraps between words ---------


def test_the_area_table_wraps_names_between_words(
    run_cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    out = run_cli("status", EXAMPLES / "helsingborg", "--period", "2025").out
    areas = out[out.index("Mål per område") :]
    cells = [line.split("│")[1].strip() for line in areas.splitlines() if line.startswith("│")]
    words = set(" ".join(cells).split())
    # "sysselsättning" whole, not "sysselsättn" on one line and "ing" on the next.
    assert {"sysselsättning", "klimatneutralitet", "livskvalitet"} <= words, cells
    assert max(len(line) for line in areas.splitlines()) <= 100


def test_a_key_indented_one_step_too_far_is_one_finding_that_says_so(
    run_cli: Run, tmp_path: Path
) -> None:
    repo = _copy(tmp_path)
    _indented(repo, "steering_model:", lambda line: "  " + line)
    result = run_cli("lint", "--no-cache", "--output-format", "concise", repo)
    manifest_lines = [line for line in result.out.splitlines() if "styr.yaml:" in line]
    # Not also "steering_model is missing", nor "unknown key levels, links, …" for the
    # keys that moved in with it.
    assert len(manifest_lines) == 1, manifest_lines
    (only,) = manifest_lines
    line = 1 + (repo / "styr.yaml").read_text(encoding="utf-8").split("\n").index(
        "  steering_model:"
    )
    assert f"styr.yaml:{line}:3:" in only
    assert "ett indrag för långt in" in only and "'term_of_office'" in only
    english = run_cli("lint", "--no-cache", "--lang", "en", repo).out
    assert "indented one step too far" in english


def test_an_unknown_key_before_the_indented_one_is_still_reported(
    run_cli: Run, tmp_path: Path
) -> None:
    repo = _copy(tmp_path)
    _indented(repo, "steering_model:", lambda line: "  sluit: 2026\n  " + line)
    out = run_cli("lint", "--no-cache", repo).out
    assert "'sluit'" in out and "ett indrag för långt in" in out


def test_a_part_of_a_board_indented_under_another_is_said_once(
    run_cli: Run, tmp_path: Path
) -> None:
    repo = _copy(tmp_path)
    board = repo / "organisation" / "socialnamnden.yaml"
    lines = board.read_text(encoding="utf-8").split("\n")
    number = lines.index("direction:")
    lines[number] = "  direction:"  # now inside mission:
    board.write_text("\n".join(lines), encoding="utf-8")
    out = run_cli("lint", "--no-cache", "--output-format", "concise", repo).out
    schema = [line for line in out.splitlines() if " S002 " in line]
    assert len(schema) == 1, schema  # not also 'contributes_to' and 'indicators' unknown in mission
    assert f"socialnamnden.yaml:{number + 1}:3:" in schema[0]
    assert "'direction' står ett indrag för långt in" in schema[0] and "'mission'" in schema[0]


def test_a_key_that_is_already_there_above_is_an_unknown_key_as_before(
    run_cli: Run, tmp_path: Path
) -> None:
    # id: inside mission: the board has its id, so this is not an indent.
    repo = _copy(tmp_path)
    board = repo / "organisation" / "socialnamnden.yaml"
    text = board.read_text(encoding="utf-8")
    board.write_text(text.replace("mission:\n", "mission:\n  id: x\n", 1), encoding="utf-8")
    out = run_cli("lint", "--no-cache", repo).out
    assert "Okänd nyckel 'id' i uppdraget" in out and "indrag för långt in" not in out
