"""The README's commands work as written, in order, with the installed `styr`.

Every shell command the README shows after the Quickstart is either run here
(in a temporary folder holding a copy of the examples, as a checkout would)
or named in `NOT_RUN` with the reason. The PowerShell blocks must be the
Linux ones translated, line by line, so the two cannot drift apart.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT

README = ROOT / "README.md"
NOT_RUN = {
    ". .venv/bin/activate": "the test calls the environment's own styr, which activating gives",
    "pipx install .": "installs for the user, outside any test folder",
    "uv tool install .": "installs for the user, outside any test folder",
}
# What `styr init` asks the planner to replace; the test stands in for the editing.
PLACEHOLDER = "FYLL I: "


def _blocks(language: str, text: str | None = None) -> list[str]:
    text = README.read_text(encoding="utf-8") if text is None else text
    return [m.group(1).strip() for m in re.finditer(rf"```{language}\n(.*?)```", text, re.S)]


def _after_quickstart() -> str:
    readme = README.read_text(encoding="utf-8")
    return readme.split("## Quickstart", 1)[1].split("\n## ", 1)[1]


def _styr() -> Path:
    folder = Path(sys.executable).parent
    found = shutil.which("styr", path=str(folder))
    if found is None:
        pytest.fail(f"no styr beside {sys.executable}: install the package (pip install .)")
    return Path(found)


def _commands() -> list[str]:
    lines = []
    for block in _blocks("sh", _after_quickstart()):
        lines += [line.strip() for line in block.splitlines() if line.strip()]
    return lines


def test_every_readme_command_is_run_or_says_why_not() -> None:
    for command in _commands():
        assert command in NOT_RUN or command.startswith("styr "), command


def test_the_readme_walkthrough_works_as_written(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    styr = _styr()
    edited = False
    for command in _commands():
        if command in NOT_RUN:
            continue
        arguments = shlex.split(command, comments=True)
        if not edited and (tmp_path / "min-kommun").is_dir() and "init" not in arguments:
            _fill_in_placeholders(tmp_path / "min-kommun")
            edited = True
        result = subprocess.run(
            [str(styr), *arguments[1:]],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
        allowed = {0, 1} if arguments[1] == "lint" and "--fail-on" in arguments else {0}
        assert result.returncode in allowed, (command, result.stdout[-2000:], result.stderr)
        assert "Traceback" not in result.stderr and "Internt fel" not in result.stderr
    assert edited, "the README should run styr init and then work on the new repository"
    for name in ("min-kommun.html", "helsingborg.html", "huddinge.md", "jamfor.html"):
        assert (tmp_path / name).stat().st_size > 0, name


def _fill_in_placeholders(repository: Path) -> None:
    """What the planner does after `styr init`: write their own text over each placeholder."""
    for file in repository.rglob("*.yaml"):
        text = file.read_text(encoding="utf-8")
        text = re.sub(rf'"{PLACEHOLDER}[^"]*"', '"Vår egen text, skriven av planeraren."', text)
        assert PLACEHOLDER not in text, file
        file.write_text(text, encoding="utf-8")


def _powershell(command: str) -> str:
    """A Linux shell line as the README writes it for PowerShell."""
    replacements = [
        ("python3 -m venv", "py -m venv"),
        (" && ", "; "),
        (". .venv/bin/activate", r".venv\Scripts\Activate.ps1"),
        (".venv/bin/", ".venv\\Scripts\\"),
        ("examples/", "examples\\"),
    ]
    for linux, windows in replacements:
        command = command.replace(linux, windows)
    return command


def test_every_environment_command_has_its_powershell_twin() -> None:
    linux = [block for block in _blocks("sh") if ".venv" in block]
    windows = _blocks("powershell")
    assert len(linux) >= 3
    assert sorted(_powershell(block) for block in linux) == sorted(windows)
