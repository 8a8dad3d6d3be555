"""docs/editors.md: every configuration snippet a planner copies into an editor is well formed.

JSON is parsed with json, TOML with tomllib; Lua is compiled by `luac` (the
Debian package lua5.4, which .ci/browser-setup installs; outside CI the test
falls back to a balanced-brackets check without it); Emacs Lisp must have
balanced parentheses. The snippets for `styr lsp` must also tell the server
what the page says: `styr lsp` as the command, and `schemaDiagnostics`
off wherever yaml-language-server runs beside it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tomllib
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT

PAGE = ROOT / "docs" / "editors.md"
FENCE = re.compile(r"^```(\w+)\n(.*?)^```", re.MULTILINE | re.DOTALL)
LUAC = ("luac5.4", "luac")
LUA_BRACKETS = {"(": ")", "{": "}", "[": "]"}


def _snippets(language: str) -> list[str]:
    text = PAGE.read_text(encoding="utf-8")
    return [body for lang, body in FENCE.findall(text) if lang == language]


def _lsp_section(language: str) -> list[str]:
    """The snippets of the section on `styr lsp` (the rest configure yaml-language-server)."""
    text = PAGE.read_text(encoding="utf-8")
    start = text.index("## Kontroll medan du skriver")
    end = text.index("\n## ", start + 1)
    return [body for lang, body in FENCE.findall(text[start:end]) if lang == language]


def _balanced(code: str, pairs: dict[str, str], *, comment: str, strings: str) -> bool:
    """Brackets balanced outside strings and line comments (starting with `comment`)."""
    closing = {close: open_ for open_, close in pairs.items()}
    stack: list[str] = []
    quote = ""
    for line in code.splitlines():
        index = 0
        while index < len(line):
            char = line[index]
            if quote:
                if char == "\\":
                    index += 1
                elif char == quote:
                    quote = ""
            elif char in strings:
                quote = char
            elif line.startswith(comment, index):
                break
            elif char in pairs:
                stack.append(char)
            elif char in closing and (not stack or stack.pop() != closing[char]):
                return False
            index += 1
        if quote:
            return False  # no string in these snippets spans lines
    return not stack


def _luac() -> str | None:
    found = next((path for name in LUAC if (path := shutil.which(name))), None)
    if found is None and os.environ.get("CI"):
        pytest.fail("luac is not installed: run .ci/browser-setup")
    return found


def test_the_page_has_a_snippet_for_each_editor() -> None:
    assert len(_lsp_section("json")) == 2  # VS Code, Sublime Text
    assert len(_lsp_section("lua")) == 2  # vim.lsp.config, nvim-lspconfig
    assert len(_lsp_section("toml")) == 1  # Helix
    assert len(_lsp_section("elisp")) == 1  # Emacs


def test_every_json_snippet_parses() -> None:
    for snippet in _snippets("json"):
        assert isinstance(json.loads(snippet), dict)


def test_every_toml_snippet_parses_and_starts_styr_lsp_beside_yaml_language_server() -> None:
    (helix,) = _lsp_section("toml")
    config = tomllib.loads(helix)
    server = config["language-server"]["styr"]
    assert [server["command"], *server["args"]] == ["styr", "lsp"]
    assert server["config"] == {"schemaDiagnostics": False}
    (yaml,) = [language for language in config["language"] if language["name"] == "yaml"]
    assert yaml["language-servers"] == ["yaml-language-server", "styr"]


def test_every_lua_snippet_compiles(tmp_path: Path) -> None:
    luac = _luac()
    for number, snippet in enumerate(_snippets("lua")):
        if luac is None:
            assert _balanced(snippet, LUA_BRACKETS, comment="--", strings="\"'"), snippet
            continue
        source = tmp_path / f"snippet{number}.lua"
        source.write_text(snippet, encoding="utf-8")
        done = subprocess.run(
            [luac, "-p", str(source)], capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stderr + snippet


def test_the_lua_snippets_start_styr_lsp_with_schema_diagnostics_off() -> None:
    for snippet in _lsp_section("lua"):
        assert 'cmd = { "styr", "lsp" }' in snippet
        assert "init_options = { schemaDiagnostics = false }" in snippet
        assert 'root_markers = { "styr.yaml" }' in snippet or 'root_pattern("styr.yaml")' in snippet


def test_the_balance_check_catches_a_missing_bracket() -> None:
    """The fallback used without luac tells a broken snippet from a good one."""
    lua = {"comment": "--", "strings": "\"'"}
    assert _balanced('vim.lsp.config("styr", { cmd = { "styr", "lsp" } })', LUA_BRACKETS, **lua)
    assert not _balanced('vim.lsp.config("styr", { cmd = { "styr", "lsp" })', LUA_BRACKETS, **lua)
    assert _balanced('x = "(" -- a comment )', LUA_BRACKETS, **lua)
    assert not _balanced("(add-to-list 'a '(b . (\"c\"))", {"(": ")"}, comment=";", strings='"')


def test_every_emacs_lisp_snippet_has_balanced_parentheses() -> None:
    for snippet in _snippets("elisp"):
        assert _balanced(snippet, {"(": ")"}, comment=";", strings='"'), snippet
        assert '("styr" "lsp")' in snippet


def test_the_sublime_and_vscode_snippets_name_the_settings_the_servers_read() -> None:
    vscode, sublime = (json.loads(snippet) for snippet in _lsp_section("json"))
    package: dict[str, Any] = json.loads(
        (ROOT / "editors" / "vscode" / "package.json").read_text(encoding="utf-8")
    )
    assert set(vscode) <= set(package["contributes"]["configuration"]["properties"])
    client = sublime["clients"]["styr"]
    assert client["command"] == ["styr", "lsp"]
    assert client["initializationOptions"] == {"schemaDiagnostics": False}
    assert client["settings"] == {"styr": {"schemaDiagnostics": False}}


def test_the_vsix_ci_builds_is_kept_in_dist_as_the_pages_say() -> None:
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    # Not into the temporary folder CI removes at the end: into the checkout's dist/.
    assert re.search(r'^bash \.ci/vsix "\$work/venv/bin/python" "\$root/dist"$', run, re.M)
    assert "/dist/" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    for page in (PAGE, ROOT / "editors" / "vscode" / "README.md"):
        text = page.read_text(encoding="utf-8")
        assert "dist/styr-0.1.0.vsix" in text, page
        # How to build it oneself, on Windows too.
        for commands in (_fenced(text, "sh"), _fenced(text, "powershell")):
            assert any("bundle.py" in c and "vsce package" in c for c in commands), page


def _fenced(text: str, language: str) -> list[str]:
    return [body for lang, body in FENCE.findall(text) if lang == language]


def test_the_pages_name_the_outline_and_the_lsp_figures() -> None:
    assert "document symbols" in PAGE.read_text(encoding="utf-8")
    assert "disposition (outline)" in (ROOT / "README.md").read_text(encoding="utf-8")
    performance = (ROOT / "docs" / "performance.md").read_text(encoding="utf-8")
    bench = (ROOT / "benchmarks" / "run.py").read_text(encoding="utf-8")
    # Each row benchmarks/run.py prints for styr lsp has its measured figure on the page.
    for printed in ("styr lsp edit → diagnostics", "styr lsp start-up, whole corpus"):
        assert printed in bench
        label = printed.replace("styr lsp", "`styr lsp`")
        assert re.search(rf"^\| {re.escape(label)}[^|]*\| \d+\.\d+ \|", performance, re.M)
